// Rules for buildx builders created in scripts and CI workflows, in id order.
import type { Rule } from '../../rule';
import { driverOptCsvSplit } from './BX001-driver-opt-csv-split';
import { driverOptNestedQuotes } from './BX002-driver-opt-nested-quotes';
import { containerBuilderLoopbackProxy } from './BX003-container-builder-loopback-proxy';
import { containerBuilderWithoutProxy } from './BX004-container-builder-without-proxy';

export const buildxRules: readonly Rule[] = [
  driverOptCsvSplit,
  driverOptNestedQuotes,
  containerBuilderLoopbackProxy,
  containerBuilderWithoutProxy,
];
