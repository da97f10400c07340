// Rules for NO_PROXY values of every file kind (daemon.json, config.json, Dockerfile, systemd), in id order.
import type { Rule } from '../../rule';
import { unsupportedWildcard } from './NP001-unsupported-wildcard';
import { starInList } from './NP002-star-in-list';
import { schemeOrPath } from './NP003-scheme-or-path';
import { spaceSeparated } from './NP004-space-separated';
import { starDotPrefix } from './NP005-star-dot-prefix';
import { bracketedIpv6 } from './NP008-bracketed-ipv6';
import { portEntry } from './NP009-port-entry';
import { loopbackMissing } from './NP010-loopback-missing';
import { registryNotInNoProxy } from './NP011-registry-not-in-no-proxy';
import { noProxyMissing } from './NP012-no-proxy-missing';
import { entryCannotBeMeant } from './NP013-entry-cannot-be-meant';
import { registrySentDirect } from './NP014-registry-sent-direct';

export const noProxyRules: readonly Rule[] = [
  unsupportedWildcard,
  starInList,
  schemeOrPath,
  spaceSeparated,
  starDotPrefix,
  bracketedIpv6,
  portEntry,
  loopbackMissing,
  registryNotInNoProxy,
  noProxyMissing,
  entryCannotBeMeant,
  registrySentDirect,
];
