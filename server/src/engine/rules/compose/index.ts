// Rules for Compose files, in id order.
import type { Rule } from '../../rule';
import { buildArgLoopbackProxy } from './DC001-build-arg-loopback-proxy';
import { serviceNamesNotInNoProxy } from './DC002-service-names-not-in-no-proxy';
import { buildArgsDoNotReachFrom } from './DC003-build-args-do-not-reach-from';
import { composeLiteralCredentials } from './DC004-literal-proxy-credentials';
import { lowercaseOnlyBuildArg } from './DC005-lowercase-only-build-arg';
import { hostGatewayMissing } from './DC006-host-gateway-missing';

export const composeRules: readonly Rule[] = [
  buildArgLoopbackProxy,
  serviceNamesNotInNoProxy,
  buildArgsDoNotReachFrom,
  composeLiteralCredentials,
  lowercaseOnlyBuildArg,
  hostGatewayMissing,
];
