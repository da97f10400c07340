// Registry of every rule. Each kind keeps its own list so rule files can be added without touching this file.
import type { Rule } from '../rule';
import { generalRules } from './general';
import { daemonJsonRules } from './daemonJson';
import { cliConfigRules } from './cliConfig';
import { dockerfileRules } from './dockerfile';
import { noProxyRules } from './noProxy';
import { systemdRules } from './systemd';
import { composeRules } from './compose';
import { buildxRules } from './buildx';
import { scriptRules } from './scripts';

export const ALL_RULES: readonly Rule[] = [
  ...generalRules,
  ...daemonJsonRules,
  ...cliConfigRules,
  ...dockerfileRules,
  ...noProxyRules,
  ...systemdRules,
  ...composeRules,
  ...buildxRules,
  ...scriptRules,
];

const BY_ID = new Map(ALL_RULES.map((r) => [r.meta.id, r]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}
