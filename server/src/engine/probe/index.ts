// The connectivity test: probes, their inputs, the run over all layers, and the one text format of its report.
export { DialError, type Clock, type Dialer, type ProbeConnection, type TlsOutcome, type RawResponse, type StepOptions } from './dialer';
export type { LayerProxyInput, NetNamespace } from './layers';
export { decideRoute, httpsProxyVariable, parseProxyEndpoint, type RouteDecision } from './route';
export { parseRegistry, DOCKER_HUB, type RegistryTarget } from './registry';
export { probeLayer, DEFAULT_PROBE_TIMEOUT_MS } from './probe';
export { runConnectivityTest, parseRegistries, worstOf, reconcileWithDocker, DEEP_PROBE_REPOSITORY, DEEP_PROBE_TAG, type ConnectivityOptions, type ConnectivityProgressEvent, type DeepTestOptions } from './run';
export { probeInputsFromModel, certsByHost, type ProbeInputs } from './inputs';
export { daemonProxyEnv, isMaskedByDockerd } from '../status/effective';
export { formatConnectivityReport, formatMs } from './reportText';
