// The connectivity test: probes, their inputs, the run over all layers, and the one text format of its report.
export { DialError, type Clock, type Dialer, type ProbeConnection, type TlsOutcome, type RawResponse, type StepOptions } from './dialer';
export type { LayerProxyInput, NetNamespace } from './layers';
export { decideRoute, httpsProxyVariable, parseProxyEndpoint, type RouteDecision } from './route';
export { parseRegistry, DOCKER_HUB, type RegistryTarget } from './registry';
export { probeLayer, DEFAULT_PROBE_TIMEOUT_MS } from './probe';
export { runConnectivityTest, parseRegistries, worstOf, type ConnectivityOptions, type ConnectivityProgressEvent, type DeepTestOptions } from './run';
export { gatherLayerInputs, type GatherOptions, type GatheredLayers } from './gather';
export { formatConnectivityReport, formatMs } from './format';
