// Rules for docker.service drop-ins and the environment files mistaken for them, in id order. The proxy-URL rules
// (DJ006-DJ012, DJ024) and NO_PROXY rules also run here, over the settings in proxySettings/systemdSettings.ts.
import type { Rule } from '../../rule';
import { percentSpecifier } from './SV005-percent-specifier';
import { wrongPlace } from './SV006-wrong-place';
import { allProxyOnly } from './SV008-all-proxy-only';
import { severalAssignmentsInOneQuote } from './SV010-several-assignments-in-one-quote';
import { dropinHttpsProxyMissing } from './SV011-https-proxy-missing';
import { shellSyntaxInDropin } from './SV012-shell-syntax-in-dropin';
import { caseConflict } from './SV013-case-conflict';
import { userDirTypo } from './SV014-user-dir-typo';
import { rejectedAssignment } from './SV015-rejected-assignment';
import { dropinNoProxyMissing } from './SV016-no-proxy-missing';
import { variableInEnvironment } from './SV017-variable-in-environment';
import { notADirective } from './SV018-not-a-directive';

export const systemdRules: readonly Rule[] = [
  percentSpecifier,
  wrongPlace,
  allProxyOnly,
  severalAssignmentsInOneQuote,
  dropinHttpsProxyMissing,
  shellSyntaxInDropin,
  caseConflict,
  userDirTypo,
  rejectedAssignment,
  dropinNoProxyMissing,
  variableInEnvironment,
  notADirective,
];
