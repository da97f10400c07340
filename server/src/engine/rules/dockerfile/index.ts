// Rules for this file kind, in id order.
import type { Rule } from '../../rule';
import { envProxy } from './DF001-env-proxy';
import { argProxyDeclared } from './DF002-arg-proxy-declared';
import { argProxyDefault } from './DF003-arg-proxy-default';
import { literalProxyCredentials } from './DF004-literal-proxy-credentials';
import { proxyVarOutsideRun } from './DF005-proxy-var-outside-run';
import { persistedToolProxyConfig } from './DF006-persisted-tool-proxy-config';
import { loopbackProxy } from './DF007-loopback-proxy';
import { caseMismatch } from './DF008-case-mismatch';
import { fromUsesDaemonProxy } from './DF009-from-uses-daemon-proxy';
import { busyboxWget } from './DF010-busybox-wget';
import { httpsProxySchemeInBuild } from './DF011-https-proxy-scheme-in-build';
import { proxyArgBeforeFrom } from './DF012-proxy-arg-before-from';
import { stageNoProxyMissing } from './DF013-no-proxy-missing';
import { proxyMissingScheme } from './DF014-proxy-missing-scheme';
import { runExportAlone } from './DF015-run-export-alone';
import { unsetAfterEnv } from './DF016-unset-after-env';
import { proxyInToolFlag } from './DF017-proxy-in-tool-flag';

export const dockerfileRules: readonly Rule[] = [
  envProxy,
  argProxyDeclared,
  argProxyDefault,
  literalProxyCredentials,
  proxyVarOutsideRun,
  persistedToolProxyConfig,
  loopbackProxy,
  caseMismatch,
  fromUsesDaemonProxy,
  busyboxWget,
  httpsProxySchemeInBuild,
  proxyArgBeforeFrom,
  stageNoProxyMissing,
  proxyMissingScheme,
  runExportAlone,
  unsetAfterEnv,
  proxyInToolFlag,
];
