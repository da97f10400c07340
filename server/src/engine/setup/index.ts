export * from './input';
export * from './types';
export { planSetup, planIsEmpty, availableLayers } from './plan';
export { addressFor, bridgeGateway } from './namespaces';
export { environmentLine, rewriteDropIn } from './daemon';
export { csvField, buildkitdFlags } from './builder';
export { withoutBakedProxies } from './dockerfiles';
export { unifiedDiff } from './unifiedDiff';
export { hideCredentialEntries } from './jsonEdit';
