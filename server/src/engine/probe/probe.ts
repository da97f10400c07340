// One probe: one layer, one registry. Phases in the order the consumer goes through them (facts §5, §7):
// DNS → TCP (to the proxy, or direct) → [TLS to an https:// proxy] → CONNECT → TLS → GET /v2/ → token realm.
// Every failure ends in a cause from the catalog. Network and time come from the injected dialer and clock.
import type { ProbePhase, ProbePhaseName, ProbeResult } from '../status/report';
import { causeById } from '../causes/catalog';
import { parseIp } from '../proxy/ipAddress';
import { maskCredentials } from '../proxy/url';
import { DialError, type Clock, type Dialer, type DialFailure, type ProbeConnection, type TlsOutcome } from './dialer';
import { authority, parseChallenge, parseHead } from './http';
import type { LayerProxyInput } from './layers';
import type { RegistryTarget } from './registry';
import { decideRoute, isLoopbackProxy, type RouteDecision } from './route';

export const DEFAULT_PROBE_TIMEOUT_MS = 5_000;
const USER_AGENT = 'docker-proxy-doctor-probe';

export interface ProbeOptions {
  dialer: Dialer;
  clock: Clock;
  /** Limit for the whole probe (every phase together). */
  timeoutMs: number;
  /** Cancels the probe; the result then has outcome `cancelled`. */
  signal?: AbortSignal;
  /**
   * CAs known for a registry somewhere on this machine (dockerd's certs.d), `host:port` lower case → files. A layer
   * that does not trust them still uses them as evidence: a chain they issued is the registry's own CA, not a proxy's.
   */
  knownCas?: Readonly<Record<string, { dir: string; pem: readonly string[] }>>;
}

/** Public registries that never use a private CA: an unknown CA on the way to them is a proxy re-signing. */
const PUBLIC_REGISTRY = /(^|\.)(docker\.io|docker\.com|ghcr\.io|quay\.io|gcr\.io|pkg\.dev|mcr\.microsoft\.com|amazonaws\.com|public\.ecr\.aws|registry\.k8s\.io|k8s\.io|github\.com|gitlab\.com|npmjs\.org|pypi\.org)$/i;

/** dockerd skips TLS verification for an insecure registry: by name, or by a CIDR its address falls in (127.0.0.0/8 always). */
export function isInsecureFor(input: LayerProxyInput, target: RegistryTarget, address?: string): string | undefined {
  const ins = input.insecure;
  if (!ins) return undefined;
  const name = target.port === 443 ? target.host : `${target.host}:${target.port}`;
  if (ins.registries.some((r) => r.toLowerCase() === name.toLowerCase() || r.toLowerCase() === `${target.host}:${target.port}`.toLowerCase())) return `${name} is in dockerd's insecure-registries`;
  const ip = parseIp((address ?? target.host).replace(/^\[|\]$/g, ''));
  if (ip) for (const cidr of ins.cidrs) if (inCidr(address ?? target.host, cidr)) return `${address ?? target.host} is in dockerd's insecure range ${cidr}`;
  return undefined;
}

function inCidr(ip: string, cidr: string): boolean {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(cidr);
  const a = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(ip);
  if (!m || !a) return false;
  const n = (x: RegExpExecArray) => ((Number(x[1]) << 24) >>> 0) + (Number(x[2]) << 16) + (Number(x[3]) << 8) + Number(x[4]);
  const bits = Number(m[5]);
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return ((n(a) & mask) >>> 0) === ((n(m) & mask) >>> 0);
}

/** A failure with its catalog id; `detail` adds what this run saw (issuer, status, user). */
class ProbeFailure extends Error {
  constructor(readonly causeId: string, readonly extra?: string) {
    super(causeId);
  }
}

class Cancelled extends Error {}

/** What to blame when a step fails for a network reason (or runs out of time). */
type FailureMap = (failure: DialFailure | 'timeout') => string;

function isIpLiteral(host: string): boolean {
  return parseIp(host.replace(/^\[|\]$/g, '')) !== undefined;
}

function basicAuth(user: string, password: string | undefined): string {
  const bytes = new TextEncoder().encode(`${user}:${password ?? ''}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

export async function probeLayer(input: LayerProxyInput, target: RegistryTarget, options: ProbeOptions): Promise<ProbeResult> {
  const { dialer, clock } = options;
  const started = clock.now();
  const phases: ProbePhase[] = [];
  const decision = decideRoute(input, target.host, target.port);
  const base = {
    layer: input.layer,
    registry: target.name,
    proxy: decision.proxy?.masked,
    consumer: input.consumerLabel,
    noProxyDecision: decision.reason,
    ...(input.namespaceLabel ? { namespace: input.namespaceLabel } : {}),
    ...(input.modelled ? { modelled: input.modelled } : {}),
    ...(input.source ? { source: input.source } : {}),
  };
  const registryKey = `${target.host}:${target.port}`.toLowerCase();
  const ownCa = input.registryCas?.[registryKey] ?? (target.port === 443 ? input.registryCas?.[target.host.toLowerCase()] : undefined);
  const known = options.knownCas?.[registryKey] ?? (target.port === 443 ? options.knownCas?.[target.host.toLowerCase()] : undefined);
  let tunnelled = '';
  const finish = (rest: Partial<ProbeResult> & Pick<ProbeResult, 'outcome' | 'route'>): ProbeResult => ({
    ...base, phases, durationMs: clock.now() - started, ...rest,
  });
  const failWith = (causeId: string, extra: string | undefined, rest: Pick<ProbeResult, 'outcome' | 'route'>): ProbeResult => {
    const cause = causeById(causeId) ?? causeById('probe-error')!;
    return finish({ ...rest, causeId: cause.id, cause: extra ? `${cause.cause} ${extra}` : cause.cause, action: cause.action });
  };

  if (options.signal?.aborted) return finish({ outcome: 'cancelled', route: 'not-probed' });
  if (input.layer === 'daemon' && input.desktop) {
    return finish({
      outcome: 'skipped', route: 'not-probed',
      note: 'Docker Desktop runs dockerd in its VM and sends its pulls through its own proxy (http.docker.internal:3128, set in Settings → Resources → Proxies); only Docker can test that route. Run the deep test (docker pull) to check it.',
    });
  }
  const unreachable = (d: RouteDecision): string | undefined =>
    d.route === 'proxy' && d.proxy && input.namespace !== 'host' && isLoopbackProxy(d.proxy)
      ? `The proxy ${d.proxy.masked} is loopback, and ${input.consumerLabel} runs in ${input.namespace === 'vm' ? 'a VM' : 'its own network namespace'}; it was not probed from this host.`
      : undefined;
  const whyUnreachable = unreachable(decision);
  if (whyUnreachable) return failWith('proxy-loopback-other-netns', whyUnreachable, { outcome: 'unreachable', route: 'not-probed' });
  if (decision.proxy && !['http', 'https'].includes(decision.proxy.scheme)) {
    return failWith('proxy-scheme-not-probed', `Scheme: ${decision.proxy.scheme}://.`, { outcome: 'skipped', route: 'not-probed' });
  }

  // One controller per probe: the timeout and the caller's cancellation both abort it, and every step races it.
  const controller = new AbortController();
  let timedOut = false;
  let cancelled = false;
  const cancelTimer = clock.setTimer(options.timeoutMs, () => { timedOut = true; controller.abort(); });
  const onCancel = () => { cancelled = true; controller.abort(); };
  options.signal?.addEventListener('abort', onCancel, { once: true });
  const signal = controller.signal;
  const connections: ProbeConnection[] = [];

  const guard = <T>(promise: Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (signal.aborted) { reject(new DialError('aborted', 'aborted')); return; }
      const onAbort = () => reject(new DialError('aborted', 'aborted'));
      signal.addEventListener('abort', onAbort, { once: true });
      promise.then(
        (v) => { signal.removeEventListener('abort', onAbort); resolve(v); },
        (e) => { signal.removeEventListener('abort', onAbort); reject(e); },
      );
    });

  /** Runs one phase: records its time and detail; a network failure becomes the ProbeFailure `blame` names. */
  async function step<T>(name: ProbePhaseName, label: string, blame: FailureMap, body: (s: { signal: AbortSignal }) => Promise<T>, describe?: (value: T) => string): Promise<T> {
    const t0 = clock.now();
    try {
      const value = await guard(body({ signal }));
      phases.push({ name, ok: true, durationMs: clock.now() - t0, detail: maskCredentials(describe ? `${label}: ${describe(value)}` : label) });
      return value;
    } catch (error) {
      const durationMs = clock.now() - t0;
      if (error instanceof ProbeFailure) {
        phases.push({ name, ok: false, durationMs, detail: maskCredentials(`${label}: ${error.extra ?? error.causeId}`) });
        throw error;
      }
      if (cancelled) { phases.push({ name, ok: false, durationMs, detail: `${label}: cancelled` }); throw new Cancelled(); }
      if (timedOut) {
        phases.push({ name, ok: false, durationMs, detail: `${label}: no answer within ${formatSeconds(options.timeoutMs)}` });
        throw new ProbeFailure(blame('timeout'), `Phase "${name}" got no answer within ${formatSeconds(options.timeoutMs)}.`);
      }
      const failure: DialFailure = error instanceof DialError ? error.failure : 'other';
      const message = maskCredentials(error instanceof Error ? error.message : String(error));
      phases.push({ name, ok: false, durationMs, detail: `${label}: ${message}` });
      throw new ProbeFailure(blame(failure), `${label}: ${message}.`);
    }
  }

  /** DNS, TCP, the proxy's CONNECT and TLS to `host:port`, recorded under `phaseName` (or each phase's own name). */
  async function open(host: string, port: number, route: RouteDecision, prefix: string, phaseName?: ProbePhaseName): Promise<ProbeConnection> {
    const pn = (n: ProbePhaseName) => phaseName ?? n;
    const proxy = route.route === 'proxy' ? route.proxy : undefined;
    const dialHost = proxy ? proxy.host : host;
    const dialPort = proxy ? proxy.port : port;
    let address = dialHost;
    if (!isIpLiteral(dialHost)) {
      const addresses = await step(pn('dns'), `${prefix}resolve ${dialHost}${proxy ? ' (proxy)' : ''}`,
        (f) => (f === 'timeout' ? 'probe-timeout' : proxy ? 'proxy-dns' : 'registry-dns'),
        (s) => dialer.resolve(dialHost, s), (a) => a.join(', '));
      address = addresses[0];
    }
    const conn = await step(pn('tcp'), `${prefix}TCP ${proxy ? 'to proxy ' : ''}${authority(address, dialPort)}`,
      (f) => (proxy
        ? f === 'refused' ? 'proxy-refused' : f === 'reset' || f === 'closed' ? 'proxy-reset' : f === 'timeout' || f === 'unreachable' ? 'proxy-timeout' : 'probe-error'
        : f === 'refused' ? 'direct-refused' : f === 'timeout' || f === 'unreachable' ? 'direct-timeout' : f === 'reset' || f === 'closed' ? 'connection-closed' : 'probe-error'),
      (s) => dialer.connect(address, dialPort, s), () => 'connected');
    connections.push(conn);
    lastAddress = address;
    if (proxy) {
      if (proxy.scheme === 'https') {
        await step(pn('tls'), `${prefix}TLS to the proxy ${proxy.host} (https:// proxy URL)`,
          // TCP to the proxy worked, so silence during the handshake is a plain proxy still waiting for a request line.
          () => 'https-proxy-url-to-plain-proxy',
          async (s) => tlsOrFail(await conn.startTls(proxy.host, s), true, true), tlsDetail);
      }
      const target = authority(host, port);
      const credentials = proxy.user !== undefined ? `Proxy-Authorization: Basic ${basicAuth(proxy.user, proxy.password)}\r\n` : '';
      await step(pn('connect'), `${prefix}CONNECT ${target}`,
        (f) => (f === 'timeout' ? 'proxy-timeout' : f === 'reset' || f === 'closed' ? 'proxy-reset' : 'probe-error'),
        async (s) => {
          const raw = await conn.exchange(`CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\nUser-Agent: ${USER_AGENT}\r\n${credentials}\r\n`, s);
          const head = parseHead(raw.head);
          if (!head) throw new ProbeFailure('proxy-reset', `the proxy answered CONNECT with something that is not HTTP: ${JSON.stringify(raw.head.slice(0, 60))}`);
          if (head.status >= 200 && head.status < 300) { tunnelled = `CONNECT ${target} → ${head.status}`; return head; }
          const line = `${head.status} ${head.statusText}`.trim();
          if (head.status === 407) {
            if (input.credentialsUnknown) {
              throw new ProbeFailure('proxy-credentials-unknown', `${line}: ${input.consumerLabel}'s proxy credentials are masked in docker info and no readable source (daemon.json, drop-in, systemctl show) has them, so this test sent none.`);
            }
            throw new ProbeFailure(proxy.user !== undefined ? 'proxy-credentials-rejected' : 'proxy-auth-required', proxy.user !== undefined
              ? `${line}: the proxy rejected the user and password of this layer's proxy URL (${input.source}; masked).`
              : `${line}: this layer's proxy URL has no credentials.`);
          }
          if (head.status === 403) throw new ProbeFailure('proxy-forbidden', `${line} for CONNECT ${target}.`);
          if (head.status >= 500) throw new ProbeFailure('proxy-upstream-error', `${line} for CONNECT ${target}.`);
          throw new ProbeFailure('probe-error', `the proxy answered CONNECT with ${line}.`);
        },
        (h) => `${h.status} ${h.statusText}`.trim());
    }
    await step(pn('tls'), `${prefix}TLS to ${host}`,
      (f) => (f === 'timeout' ? (proxy ? 'proxy-timeout' : 'direct-timeout') : proxy ? 'proxy-reset' : 'connection-closed'),
      async (s) => {
        const isRegistry = host === target.host && port === target.port;
        const ca = isRegistry ? ownCa?.pem : undefined;
        const referenceCas = isRegistry && known ? known.pem.map((pem) => ({ label: known.dir, pem })) : undefined;
        const outcome = await conn.startTls(host, { ...s, ca, referenceCas });
        if (!outcome.ok && outcome.failure === 'unknown-authority' && isRegistry) {
          const insecure = input.layer === 'daemon' ? isInsecureFor(input, target, proxy ? undefined : lastAddress) : undefined;
          if (insecure) { insecureNote = `${insecure}: dockerd does not verify its certificate (issuer "${outcome.issuer ?? '?'}").`; return { ok: true as const, issuer: outcome.issuer, subject: outcome.subject }; }
          throw unknownCa(outcome, host, port, proxy !== undefined);
        }
        return tlsOrFail(outcome, false, proxy !== undefined);
      }, tlsDetail);
    return conn;
  }

  let lastAddress: string | undefined;
  let insecureNote: string | undefined;

  /** An untrusted chain, told apart with evidence: the registry's own CA behind a tunnel, or a proxy re-signing. */
  function unknownCa(outcome: Extract<TlsOutcome, { ok: false }>, host: string, port: number, viaProxy: boolean): ProbeFailure {
    const evidence = [
      `certificate for "${outcome.subject ?? '?'}" issued by "${outcome.issuer ?? '?'}"${outcome.root && outcome.root !== outcome.issuer ? ` (chain ends at "${outcome.root}")` : ''}`,
      viaProxy ? (tunnelled ? `${tunnelled} (the proxy opened a tunnel)` : 'CONNECT did not complete') : 'direct connection, no proxy',
      outcome.issuedByReference ? `the CA in ${outcome.issuedByReference} issued it` : known ? `the CA in ${known.dir} did NOT issue it` : '',
    ].filter(Boolean).join('; ');
    const where = input.trustCaAt ? ` Trust it for ${input.consumerLabel} in ${input.trustCaAt}.` : '';
    if (!viaProxy) return new ProbeFailure('registry-unknown-ca', `Evidence: ${evidence}.${where}`);
    if (outcome.issuedByReference) return new ProbeFailure('registry-private-ca', `Evidence: ${evidence}.${where}`);
    if (known || PUBLIC_REGISTRY.test(host)) {
      return new ProbeFailure('tls-intercepting-proxy', `Evidence: ${evidence}${known ? '' : `; ${host} is a public registry, which never uses a private CA`}.${where ? ` Trust the proxy's CA for ${input.consumerLabel} in ${input.trustCaAt}.` : ''}`);
    }
    void port;
    return new ProbeFailure('tls-unknown-ca-via-proxy', `Evidence: ${evidence}. No CA for ${host} is known on this machine (certs.d) to tell a private registry CA from a re-signing proxy.${where}`);
  }

  try {
    const conn = await open(target.host, target.port, decision, '');
    const v2 = await step('registry', `GET https://${authority(target.host, target.port, 443)}/v2/`,
      (f) => (f === 'timeout' ? 'probe-timeout' : 'connection-closed'),
      async (s) => {
        const raw = await conn.exchange(`GET /v2/ HTTP/1.1\r\nHost: ${authority(target.host, target.port, 443)}\r\nUser-Agent: ${USER_AGENT}\r\nAccept: application/json\r\nConnection: close\r\n\r\n`, s);
        const head = parseHead(raw.head);
        if (!head) throw new ProbeFailure('registry-unexpected-response', `the answer to GET /v2/ is not HTTP: ${JSON.stringify(raw.head.slice(0, 60))}`);
        if (head.status === 200) return { head, challenge: undefined };
        const challenge = head.challenges.map(parseChallenge).find((c) => c !== undefined);
        if (head.status === 401 && challenge) return { head, challenge };
        throw new ProbeFailure('registry-unexpected-response', `GET /v2/ answered ${head.status} ${head.statusText}${head.status === 401 ? ' without a WWW-Authenticate challenge' : ''}.`);
      },
      ({ head, challenge }) => challenge
        ? `${head.status} ${challenge.scheme}${challenge.params.realm ? ` realm=${challenge.params.realm}` : ''}${challenge.params.service ? ` service=${challenge.params.service}` : ''}`
        : `${head.status} (no authentication)`);
    const challenge = v2.challenge;
    let note: string | undefined;
    if (challenge && challenge.scheme.toLowerCase() === 'bearer' && challenge.params.realm) {
      note = await probeRealm(challenge.params.realm, challenge.params.service);
    } else if (challenge) {
      note = `${challenge.scheme} authentication: ${input.consumerLabel} sends the stored credentials (docker login) with every request; no token realm.`;
    }
    return finish({ outcome: 'ok', route: decision.route, note: [insecureNote, note].filter(Boolean).join(' ') || undefined });
  } catch (error) {
    if (error instanceof Cancelled) return finish({ outcome: 'cancelled', route: decision.route });
    if (error instanceof ProbeFailure) {
      if (error.causeId === 'proxy-loopback-other-netns') return failWith(error.causeId, error.extra, { outcome: 'unreachable', route: decision.route });
      return failWith(error.causeId, error.extra, { outcome: timedOut ? 'timeout' : 'fail', route: decision.route });
    }
    return failWith('probe-error', maskCredentials(String(error)), { outcome: 'fail', route: decision.route });
  } finally {
    cancelTimer();
    options.signal?.removeEventListener('abort', onCancel);
    for (const c of connections) c.close();
  }

  /** The token realm, often another host: routed with this layer's own NO_PROXY decision for that host. */
  async function probeRealm(realm: string, service: string | undefined): Promise<string> {
    let url: URL;
    try {
      url = new URL(realm);
    } catch {
      throw new ProbeFailure('registry-unexpected-response', `the token realm ${JSON.stringify(realm)} is not a URL.`);
    }
    if (url.protocol !== 'https:') return `token realm ${realm} is not https; not probed`;
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const port = url.port ? Number(url.port) : 443;
    const route = decideRoute(input, host, port);
    const prefix = `realm ${authority(host, port, 443)}: `;
    const why = unreachable(route);
    if (why) {
      phases.push({ name: 'token', ok: false, durationMs: 0, detail: `${prefix}${route.reason}; not probed` });
      throw new ProbeFailure('proxy-loopback-other-netns', why);
    }
    phases.push({ name: 'token', ok: true, durationMs: 0, detail: `${prefix}${route.reason}` });
    const conn = await open(host, port, route, prefix, 'token');
    if (service && !url.searchParams.has('service')) url.searchParams.set('service', service);
    const pathAndQuery = `${url.pathname || '/'}${url.search}`;
    await step('token', `${prefix}GET ${pathAndQuery}`, (f) => (f === 'timeout' ? 'probe-timeout' : 'connection-closed'),
      async (s) => {
        const raw = await conn.exchange(`GET ${pathAndQuery} HTTP/1.1\r\nHost: ${authority(host, port, 443)}\r\nUser-Agent: ${USER_AGENT}\r\nAccept: application/json\r\nConnection: close\r\n\r\n`, s);
        const head = parseHead(raw.head);
        if (!head) throw new ProbeFailure('registry-unexpected-response', 'the token realm did not answer in HTTP.');
        // 200 is an anonymous token; 401/403 still prove the realm is reachable (it wants credentials for this scope).
        if (head.status === 200 || head.status === 401 || head.status === 403) return head;
        throw new ProbeFailure('registry-unexpected-response', `the token realm answered ${head.status} ${head.statusText}.`);
      },
      (h) => `${h.status} ${h.statusText}`.trim());
    return `token realm ${authority(host, port, 443)} reached ${route.route === 'proxy' ? 'through the proxy' : 'directly'}`;
  }
}

/** TLS outcome → value or the cause it stands for. `toProxy`: the handshake was with the proxy itself. */
function tlsOrFail(outcome: TlsOutcome, toProxy: boolean, viaProxy: boolean): TlsOutcome {
  if (outcome.ok) return outcome;
  const chain = [outcome.issuer ? `issuer "${outcome.issuer}"` : '', outcome.root && outcome.root !== outcome.issuer ? `chain ends at "${outcome.root}"` : ''].filter(Boolean).join(', ');
  if (toProxy) {
    if (outcome.failure === 'not-tls' || outcome.failure === 'closed') {
      throw new ProbeFailure('https-proxy-url-to-plain-proxy', `The proxy did not answer the TLS handshake with TLS (${outcome.message}).`);
    }
    throw new ProbeFailure('probe-error', `TLS to the proxy failed: ${outcome.message}${chain ? ` (${chain})` : ''}.`);
  }
  switch (outcome.failure) {
    case 'unknown-authority':
      return fail(viaProxy ? 'tls-intercepting-proxy' : 'registry-unknown-ca', `Certificate ${chain || 'from an unknown CA'}${viaProxy ? ': this is the CA to trust' : ''}.`);
    case 'hostname-mismatch':
      return fail('tls-hostname-mismatch', `${outcome.message}${chain ? ` (${chain})` : ''}.`);
    case 'expired':
      return fail('tls-expired', outcome.message);
    case 'not-tls':
      return fail('registry-unexpected-response', `The other end does not speak TLS (${outcome.message}).`);
    case 'closed':
      return fail(viaProxy ? 'proxy-reset' : 'connection-closed', outcome.message);
    default:
      return fail('probe-error', outcome.message);
  }
}

function fail(causeId: string, extra: string): never {
  throw new ProbeFailure(causeId, extra);
}

function tlsDetail(outcome: TlsOutcome): string {
  if (!outcome.ok) return outcome.message;
  return [outcome.protocol, outcome.issuer ? `issuer "${outcome.issuer}"` : ''].filter(Boolean).join(', ') || 'ok';
}

export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}
