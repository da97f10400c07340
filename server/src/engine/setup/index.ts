export * from './input';
export * from './types';
export { planSetup, planIsEmpty, availableLayers } from './plan';
export { addressFor, bridgeGateway } from './namespaces';
export { environmentLine, rewriteDropIn } from './daemonPlan';
export { csvField, buildkitdFlags } from './builderPlan';
export { withoutBakedProxies } from './dockerfilesPlan';
export { unifiedDiff } from './unifiedDiff';
export { hideCredentialEntries } from './jsonEdit';
