// The one catalog of Docker proxy failure causes. The connectivity test reports its failures through it, and the
// error explainer (issue 10) matches terminal output against the same `texts`. Facts: §5, §6, §7, §8.
import type { LayerId } from '../status/report';

export interface Cause {
  /** Stable id, kebab-case: shown in reports and JSON, used by links and tests. */
  id: string;
  /** Short title for lists and notifications. */
  title: string;
  /**
   * The layer that has to change, when the cause itself says which one. `undefined` means "the layer whose
   * request failed": the probe (or the explainer, from context) fills it in.
   */
  layer?: LayerId;
  /** Why it fails, in one or two sentences. */
  cause: string;
  /** The next step. */
  action: string;
  /** Lint rule ids or status finding ids that catch the same mistake in a file. */
  related: string[];
  /**
   * Texts that identify the failure in real output: Go's net/http and x509, dockerd, the docker CLI, buildx and
   * BuildKit, curl. Matched case-insensitively; `…` in an example stands for a host, URL or port.
   */
  texts: RegExp[];
  /** Real-looking examples of those texts (tests check that each one matches this cause first). */
  examples: string[];
  /** Higher wins when several causes match the same text (a more specific message beats a generic one). */
  priority: number;
}

const TRUST_CA_STEPS =
  'trust it where the failing consumer looks: dockerd reads /etc/docker/certs.d/<registry:port>/ca.crt or the system store ' +
  '(update-ca-certificates, then restart docker); the CLI shell and buildx read the system store; a docker-container builder ' +
  'needs it in its buildkitd.toml ([registry."<host>"] ca=[…]); this test takes --ca FILE or NODE_EXTRA_CA_CERTS';

export const CAUSES: readonly Cause[] = [
  {
    id: 'proxy-loopback-other-netns',
    title: 'Loopback proxy seen from another network namespace',
    cause: 'The proxy address is 127.0.0.1/localhost, but this consumer runs in its own network namespace (a container, a RUN step, a docker-container builder, the Docker Desktop VM or rootless dockerd), where loopback is the consumer itself.',
    action: 'Use an address the consumer can reach: host.docker.internal on Docker Desktop, the docker0 bridge IP (with the proxy listening there) or --add-host host.docker.internal:host-gateway on Linux, or run it with --network host.',
    related: ['CC007', 'DF007'],
    texts: [/proxyconnect tcp: dial tcp (127\.\d+\.\d+\.\d+|\[::1\]|localhost):\d+: connect: connection refused/i],
    examples: ['Get "https://registry-1.docker.io/v2/": proxyconnect tcp: dial tcp 127.0.0.1:7890: connect: connection refused'],
    priority: 30,
  },
  {
    id: 'proxy-refused',
    title: 'Proxy refuses connections',
    cause: 'Nothing accepts connections at the proxy address: the proxy is down, the port is wrong, or the host is wrong.',
    action: 'Check the proxy host and port in this layer\'s setting (Proxy Status view), and that the proxy is running and reachable from this machine (for example `curl -x <proxy> https://registry-1.docker.io/v2/`).',
    related: ['DJ010', 'CC015'],
    texts: [/proxyconnect tcp: dial tcp [^ ]+: connect: connection refused/i, /Failed to connect to [^ ]+ port \d+ .*Connection refused/i, /Unable to connect to proxy/i],
    examples: ['proxyconnect tcp: dial tcp 10.0.0.5:3128: connect: connection refused', 'curl: (7) Failed to connect to proxy.corp port 3128 after 2 ms: Connection refused'],
    priority: 20,
  },
  {
    id: 'proxy-dns',
    title: 'Proxy host name does not resolve',
    cause: 'The proxy\'s host name cannot be resolved from where the request starts.',
    action: 'Fix the proxy host name, or use its IP address; check the DNS this consumer uses (a container or VM may not see the corporate DNS).',
    related: [],
    texts: [/proxyconnect tcp: dial tcp: lookup [^ ]+.*no such host/i, /Could not resolve proxy/i],
    examples: ['proxyconnect tcp: dial tcp: lookup proxy.corp on 127.0.0.53:53: no such host', 'curl: (5) Could not resolve proxy: proxy.corp'],
    priority: 25,
  },
  {
    id: 'proxy-timeout',
    title: 'Proxy does not answer',
    cause: 'The connection to the proxy, or its answer to CONNECT, did not arrive in time: a firewall drops the packets, or the proxy hangs.',
    action: 'Check that the proxy address is the one your network expects and that a firewall lets this machine reach it; try the same proxy with curl -x. If it only happens in builds or containers, compare their proxy with the shell\'s.',
    related: [],
    texts: [/proxyconnect tcp: dial tcp [^ ]+: (i\/o timeout|connect: connection timed out)/i, /Proxy CONNECT aborted due to timeout/i],
    examples: ['proxyconnect tcp: dial tcp 10.0.0.5:3128: i/o timeout', 'curl: (28) Proxy CONNECT aborted due to timeout'],
    priority: 25,
  },
  {
    id: 'proxy-reset',
    title: 'Proxy resets the connection',
    cause: 'The proxy (or something in front of it) closed the connection abruptly, often because it rejects the protocol, the client address or the target.',
    action: 'Look at the proxy\'s log for this request; check that the URL scheme matches what the proxy speaks (http:// for a plain proxy) and that it allows CONNECT to port 443.',
    related: [],
    texts: [/proxyconnect tcp: .*(connection reset by peer|EOF)/i, /Proxy CONNECT aborted/i, /Recv failure: Connection reset by peer/i],
    examples: ['proxyconnect tcp: read tcp 172.17.0.2:51000->10.0.0.5:3128: read: connection reset by peer', 'curl: (56) Recv failure: Connection reset by peer'],
    priority: 15,
  },
  {
    id: 'proxy-auth-required',
    title: 'Proxy wants credentials (407)',
    cause: 'The proxy answered 407 Proxy Authentication Required: this layer sent no credentials, or credentials it rejects.',
    action: 'Add the user name and password to this layer\'s proxy URL (as user:password@ in front of the proxy host, with @ # / % : percent-encoded; in a systemd drop-in also double every %), or use a local authenticating proxy (cntlm, px) for NTLM/Kerberos.',
    related: ['DJ011', 'CC016', 'SV005'],
    texts: [/407 Proxy Authentication Required/i, /Proxy Authentication Required/i, /received HTTP code 407 from proxy/i, /CONNECT tunnel failed, response 407/i],
    examples: ['Error response from daemon: Get "https://registry-1.docker.io/v2/": Proxy Authentication Required', 'curl: (56) CONNECT tunnel failed, response 407'],
    priority: 30,
  },
  {
    id: 'proxy-forbidden',
    title: 'Proxy policy forbids this destination (403)',
    cause: 'The proxy answered CONNECT with 403: its policy does not allow this host or port (or this user).',
    action: 'Ask the proxy\'s administrators to allow the registry hosts (Docker Hub: registry-1.docker.io, auth.docker.io, production.cloudflare.docker.com and docker-images-prod.*.r2.cloudflarestorage.com) on port 443, or use an allowed mirror.',
    related: [],
    texts: [/CONNECT tunnel failed, response 403/i, /received HTTP code 403 from proxy after CONNECT/i, /"https:\/\/[^"]+": Forbidden\s*$/im],
    examples: ['curl: (56) CONNECT tunnel failed, response 403', 'Get "https://registry-1.docker.io/v2/": Forbidden'],
    priority: 25,
  },
  {
    id: 'proxy-upstream-error',
    title: 'Proxy cannot reach the destination (5xx)',
    cause: 'The proxy accepted the request but could not connect onwards: it cannot resolve or reach the registry (its own DNS or firewall), or an upstream proxy failed.',
    action: 'Check that the registry host name is right and resolvable from the proxy; if the registry is internal, add it to NO_PROXY instead of sending it through the proxy.',
    related: ['NP011'],
    texts: [/CONNECT tunnel failed, response 5\d\d/i, /received HTTP code 5\d\d from proxy after CONNECT/i, /: (Bad Gateway|Service Unavailable|Gateway Timeout)\s*$/im],
    examples: ['curl: (56) CONNECT tunnel failed, response 502', 'Error response from daemon: Get "https://registry.internal/v2/": Bad Gateway'],
    priority: 20,
  },
  {
    id: 'https-proxy-url-to-plain-proxy',
    title: 'https:// proxy URL for a plain HTTP proxy',
    cause: 'The proxy URL starts with https://, so the client speaks TLS to the proxy itself; this proxy speaks plain HTTP and answers the handshake with text.',
    action: 'Write the proxy as http://proxy:port, also in HTTPS_PROXY / https-proxy / httpsProxy: the scheme is how to talk to the proxy, not the kind of traffic.',
    related: ['DJ006', 'CC009', 'DF011'],
    texts: [/first record does not look like a TLS handshake/i, /oversized record received with length \d+/i, /proxyconnect tcp: .*(wrong version number|tls: )/i, /SSL routines.*wrong version number/i],
    examples: ['proxyconnect tcp: tls: first record does not look like a TLS handshake', 'curl: (35) error:0A00010B:SSL routines::wrong version number'],
    priority: 35,
  },
  {
    id: 'tls-intercepting-proxy',
    title: 'TLS-intercepting proxy with its own CA',
    cause: 'Through the proxy, the registry presents a certificate issued by a CA this consumer does not trust: the proxy decrypts HTTPS and re-signs it with its own CA.',
    action: 'Get the proxy\'s CA certificate from your IT department (the report names its subject) and ' + TRUST_CA_STEPS + '. Do not switch to insecure-registries.',
    related: [],
    texts: [/x509: certificate signed by unknown authority/i, /SSL certificate problem: (unable to get local issuer certificate|self[- ]signed certificate in certificate chain)/i, /certificate verify failed/i],
    examples: ['Get "https://registry-1.docker.io/v2/": tls: failed to verify certificate: x509: certificate signed by unknown authority', 'curl: (60) SSL certificate problem: self-signed certificate in certificate chain'],
    priority: 20,
  },
  {
    id: 'registry-unknown-ca',
    title: 'Registry certificate from an untrusted CA',
    cause: 'Connected directly, the registry presents a certificate from a CA this consumer does not trust (a private registry with its own CA).',
    action: 'Trust the registry\'s CA: ' + TRUST_CA_STEPS + '.',
    related: [],
    // Same words as an intercepting proxy; which one it is depends on whether a proxy was in the path.
    texts: [/x509: certificate signed by unknown authority/i],
    examples: [],
    priority: 10,
  },
  {
    id: 'tls-hostname-mismatch',
    title: 'Certificate is for another host name',
    cause: 'The certificate presented does not name the host that was asked for: a wrong registry name, or an intercepting proxy or captive portal answering instead.',
    action: 'Check the registry host name; if a proxy or portal answers, route this host through the right proxy (or NO_PROXY it) and trust the proxy\'s CA.',
    related: [],
    texts: [/x509: certificate is valid for .+, not /i, /SSL: no alternative certificate subject name matches/i, /certificate is not valid for any names/i],
    examples: ['tls: failed to verify certificate: x509: certificate is valid for *.corp.example, not registry-1.docker.io', 'curl: (60) SSL: no alternative certificate subject name matches target host name \'registry.test\''],
    priority: 25,
  },
  {
    id: 'tls-expired',
    title: 'Certificate expired or not yet valid',
    cause: 'The certificate presented is outside its validity period, or this machine\'s clock is wrong.',
    action: 'Check the system clock; if it is right, the registry (or the intercepting proxy) must renew its certificate.',
    related: [],
    texts: [/x509: certificate has expired or is not yet valid/i, /SSL certificate problem: certificate has expired/i],
    examples: ['x509: certificate has expired or is not yet valid: current time 2026-11-30T07:00:00Z is after 2026-01-01T00:00:00Z'],
    priority: 25,
  },
  {
    id: 'registry-dns',
    title: 'Registry host does not resolve (direct)',
    cause: 'Going direct, the registry\'s host name cannot be resolved. On a network that only allows traffic through a proxy, this layer has no proxy (or NO_PROXY bypasses it).',
    action: 'Give this layer a proxy (HTTPS_PROXY for the shell, daemon.json "proxies" or a systemd drop-in for dockerd), or fix the host name / DNS if the registry is internal.',
    related: ['DJ005', 'SV011', 'CC008'],
    texts: [/dial tcp: lookup [^ ]+( on [^ ]+)?: no such host/i, /Could not resolve host/i, /Temporary failure in name resolution/i],
    examples: ['Error response from daemon: Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io on 127.0.0.53:53: no such host', 'curl: (6) Could not resolve host: registry-1.docker.io'],
    priority: 15,
  },
  {
    id: 'direct-refused',
    title: 'Registry refuses the connection (direct)',
    cause: 'Going direct, nothing accepts connections at the registry address, or a firewall rejects them.',
    action: 'Check the registry host and port; if your network needs a proxy, configure it for this layer (and make sure NO_PROXY does not bypass this host).',
    related: ['NP011'],
    texts: [/dial tcp [^ ]+:\d+: connect: connection refused/i],
    examples: ['Get "https://registry.internal:5000/v2/": dial tcp 10.1.2.3:5000: connect: connection refused'],
    priority: 10,
  },
  {
    id: 'direct-timeout',
    title: 'Timeout (no proxy used, or a dead one)',
    cause: 'The request got no answer in time. From the text alone it is open whether this layer has no proxy on a network that needs one, or its proxy is dead or blocked.',
    action: 'Run the connectivity test (docker-proxy-doctor test) or open the Proxy Status view: it shows whether this layer uses a proxy and which phase hangs.',
    related: ['DJ005', 'SV011'],
    texts: [/dial tcp [^ ]+:\d+: (i\/o timeout|connect: connection timed out)/i, /Client\.Timeout exceeded while awaiting headers/i, /net\/http: TLS handshake timeout/i, /Connection timed out after \d+ milliseconds/i],
    examples: ['Error response from daemon: Get "https://registry-1.docker.io/v2/": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)', 'dial tcp 44.205.64.79:443: i/o timeout'],
    priority: 10,
  },
  {
    id: 'oauth-token-failed',
    title: 'Registry token fetch failed (shell proxy)',
    layer: 'cli-shell',
    cause: 'The registry token is fetched from the realm (auth.docker.io for Docker Hub). For BuildKit builds the docker/buildx CLI process does that with the shell\'s HTTPS_PROXY/NO_PROXY, not with the daemon\'s or config.json\'s proxy, so `docker pull` works and `docker build` fails.',
    action: 'Export HTTPS_PROXY (and NO_PROXY) in the shell that runs docker build / buildx / compose build, or set BUILDKIT_NO_CLIENT_TOKEN=1 there so the builder fetches the token with its own proxy.',
    related: ['cli-shell'],
    texts: [/failed to fetch (oauth|anonymous) token/i, /failed to authorize: /i],
    examples: ['ERROR: failed to solve: node:20: failed to authorize: failed to fetch oauth token: Post "https://auth.docker.io/token": dial tcp 54.236.113.205:443: i/o timeout', '#3 ERROR: failed to fetch anonymous token: Get "https://auth.docker.io/token?scope=repository%3Alibrary%2Falpine%3Apull&service=registry.docker.io": proxyconnect tcp: dial tcp 127.0.0.1:3128: connect: connection refused'],
    priority: 40,
  },
  {
    id: 'registry-unexpected-response',
    title: 'Not a registry answer',
    cause: 'The answer to GET /v2/ is not what a registry sends (200, or 401 with a WWW-Authenticate challenge): a proxy error page, a captive portal or a wrong host/port answered.',
    action: 'Open https://<registry>/v2/ with the same proxy in a browser or curl to see who answers; check the registry host and port and this layer\'s NO_PROXY.',
    related: [],
    texts: [/invalid character '<' looking for beginning of value/i, /unexpected status( code)?:? \d{3}/i],
    examples: ['Error response from daemon: error parsing HTTP 200 response body: invalid character \'<\' looking for beginning of value'],
    priority: 5,
  },
  {
    id: 'connection-closed',
    title: 'Connection closed early',
    cause: 'The other end closed the connection before answering (a proxy or middlebox dropped it).',
    action: 'Look at the proxy\'s log; compare with a request from curl through the same proxy.',
    related: [],
    texts: [/: EOF\s*$/im, /Empty reply from server/i],
    examples: ['curl: (52) Empty reply from server'],
    priority: 5,
  },
  {
    id: 'proxy-scheme-not-probed',
    title: 'Proxy scheme the test does not speak',
    cause: 'This layer uses a SOCKS proxy (or another scheme). The test speaks HTTP CONNECT only, so it did not probe this route.',
    action: 'Check this route with `curl -x <proxy> https://<registry>/v2/`; Go (dockerd, the CLI, buildkitd) supports socks5:// and socks5h:// but not socks4.',
    related: ['DJ007', 'CC017'],
    texts: [],
    examples: [],
    priority: 0,
  },
  {
    id: 'daemon-down',
    title: 'Docker daemon not reachable',
    cause: 'The docker CLI cannot reach dockerd: it is not running, or DOCKER_HOST / the context points elsewhere.',
    action: 'Start Docker (sudo systemctl start docker, or Docker Desktop) and check `docker context ls`; then run the test again.',
    related: [],
    texts: [/Cannot connect to the Docker daemon at [^ ]+\. Is the docker daemon running\?/i, /error during connect: /i],
    examples: ['Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?'],
    priority: 30,
  },
  {
    id: 'docker-not-found',
    title: 'docker CLI not found',
    cause: 'The docker command could not be started: it is not installed, or not at the configured path.',
    action: 'Install the Docker CLI or set its path (setting dockerProxyDoctor.dockerPath in your user settings, or --docker PATH).',
    related: [],
    texts: [/docker: (command )?not found/i, /executable file not found in \$PATH/i],
    examples: ['bash: docker: command not found'],
    priority: 20,
  },
  {
    id: 'docker-permission',
    title: 'No permission to talk to dockerd',
    cause: 'The user cannot open the Docker socket.',
    action: 'Add the user to the docker group (then log in again) or run the command with sudo.',
    related: [],
    texts: [/permission denied while trying to connect to the Docker daemon socket/i],
    examples: ['permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Head "http://%2Fvar%2Frun%2Fdocker.sock/_ping": dial unix /var/run/docker.sock: connect: permission denied'],
    priority: 30,
  },
  {
    id: 'probe-timeout',
    title: 'No answer in time',
    cause: 'A phase of the test did not finish within the per-probe timeout.',
    action: 'See which phase hangs: before CONNECT it is the network path to the proxy, after it the proxy or the registry. Raise --timeout only if the network is just slow.',
    related: [],
    texts: [],
    examples: [],
    priority: 0,
  },
  {
    id: 'probe-error',
    title: 'Unexpected failure',
    cause: 'The test failed in a way it does not recognise.',
    action: 'Read the phase detail; try the same request with curl and the same proxy.',
    related: [],
    texts: [],
    examples: [],
    priority: 0,
  },
];

const BY_ID = new Map(CAUSES.map((c) => [c.id, c]));

export function causeById(id: string): Cause | undefined {
  return BY_ID.get(id);
}
