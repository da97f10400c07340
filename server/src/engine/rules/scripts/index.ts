// Rules for scripts and CI jobs as build clients, in id order.
import type { Rule } from '../../rule';
import { clientTokenWithoutProxy } from './SH001-client-token-without-proxy';
import { proxyCredentialsOnCommandLine } from './SH002-proxy-credentials-on-command-line';
import { buildArgLoopbackProxyInScript } from './SH003-build-arg-loopback-proxy';

export const scriptRules: readonly Rule[] = [clientTokenWithoutProxy, proxyCredentialsOnCommandLine, buildArgLoopbackProxyInScript];
