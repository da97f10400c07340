// Input of the connectivity test: the proxy each layer would use, produced from the machine model by ./inputs.ts.
// Every field is the consumer's view, not a file's.
import type { NoProxyConsumer } from '../proxy/noProxyMatch';
import type { LayerId } from '../status/report';

/** Where the consumer's network stack lives: host loopback is reachable only from `host`. */
export type NetNamespace = 'host' | 'container' | 'vm';

export interface LayerProxyInput {
  layer: LayerId;
  /** Human name of the consumer: `dockerd`, `docker CLI / buildx (this shell)`, `containers and RUN steps`. */
  consumerLabel: string;
  /** The proxy variables as the consumer sees them (any case): HTTP_PROXY, HTTPS_PROXY, NO_PROXY, ALL_PROXY … */
  env: Readonly<Record<string, string | undefined>>;
  /** Whose NO_PROXY grammar and variable precedence applies (facts §6): `go` for dockerd, the CLI and buildkitd. */
  consumer: NoProxyConsumer;
  namespace: NetNamespace;
  /** Where the values come from (`/etc/docker/daemon.json`, `environment`, `docker info`), for the report. */
  source: string;
  /** The daemon of Docker Desktop: its proxy lives in the VM, only Docker itself can test it (facts §8). */
  desktop?: boolean;
  /** Where the consumer's network stack is, in words: `the host`, `the BuildKit container's own network namespace`. */
  namespaceLabel?: string;
  /** Set when this host probes on behalf of a consumer that runs elsewhere: why the result is only a model. */
  modelled?: string;
  /** The only readable source masks the proxy's user and password (docker info): a 407 cannot be judged. */
  credentialsUnknown?: boolean;
  /** Registries this consumer does not verify TLS for (dockerd's insecure-registries and CIDRs). */
  insecure?: { registries: readonly string[]; cidrs: readonly string[] };
  /** CAs this consumer trusts for one registry (`host:port` lower case → PEM texts): dockerd's certs.d. */
  registryCas?: Readonly<Record<string, { dir: string; pem: readonly string[] }>>;
  /** Where to trust a CA for this layer, named when TLS fails. */
  trustCaAt?: string;
}
