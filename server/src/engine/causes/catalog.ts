// The one catalog of Docker proxy failure causes. The connectivity test reports its failures through it, and the
// error explainer (issue 10) matches terminal output against the same `texts`. Facts: §5, §6, §7, §8.
import type { LayerId } from '../status/report';
import { MACHINE_CAUSES } from './machineCauses';

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
   * BuildKit, containerd, systemd, curl, apt, pip, npm, git, wget. Matched case-insensitively against one cleaned
   * log line (engine/causes/logLines.ts: no ANSI, no BuildKit prefix, `\"` unescaped).
   */
  texts: RegExp[];
  /** Real-looking examples of those texts (tests check that each one matches this cause first). */
  examples: string[];
  /** Higher wins when several causes match the same text (a more specific message beats a generic one). */
  priority: number;
  /**
   * For texts that several causes share (a timeout, an unknown CA): what tells them apart, and where to look.
   * The explainer shows it with the other candidates.
   */
  decide?: string;
}

const ASK_THE_TEST = 'The Proxy Status view (or `docker-proxy-doctor status`) shows which proxy, if any, this layer uses; the connectivity test (Docker Proxy Doctor: Test Connectivity, or `docker-proxy-doctor test`) shows which phase fails and through which route.';

/** An unknown CA: the words are the same whether a proxy intercepts or a private registry uses its own CA. */
const UNKNOWN_CA_TEXTS: RegExp[] = [
      /x509: certificate signed by unknown authority/i,
      /SSL certificate problem: (unable to get local issuer certificate|self[- ]signed certificate in certificate chain)/i,
      /certificate verify failed/i,
      /\b(SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT_LOCALLY|UNABLE_TO_VERIFY_LEAF_SIGNATURE)\b/,
      /self[- ]signed certificate in certificate chain/i,
      /unable to get local issuer certificate/i,
      /server certificate verification failed\. CAfile:/i,
      /Certificate verification failed: The certificate is NOT trusted/i,
      /Unable to locally verify the issuer's authority/i,
      /cannot verify [^ ]+'s certificate, issued by/i,
    ];

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
    texts: [
      /proxyconnect tcp: dial tcp (127\.\d+\.\d+\.\d+|\[::1\]|localhost):\d+: connect: connection refused/i,
      // curl/git, apt, npm/yarn (Node) and pip name the loopback proxy they could not reach
      /Failed to connect to (127\.\d+\.\d+\.\d+|localhost|::1) port \d+\b.*(Connection refused|Couldn't connect to server)/i,
      /Could not connect to (127\.\d+\.\d+\.\d+|localhost):\d+ \([^)]*\)[.,]? ?-? ?connect \(111: Connection refused\)/i,
      /(failed, reason: |cause=)connect ECONNREFUSED (127\.\d+\.\d+\.\d+|::1):\d+/i,
      /can't connect to remote host \((127\.\d+\.\d+\.\d+)\): Connection refused/i,
      /Connecting to (127\.\d+\.\d+\.\d+|localhost)[^ ]*:\d+\.\.\. failed: Connection refused/i,
    ],
    examples: [
      'Get "https://registry-1.docker.io/v2/": proxyconnect tcp: dial tcp 127.0.0.1:7890: connect: connection refused',
      'npm ERR! request to https://registry.npmjs.org/express failed, reason: connect ECONNREFUSED 127.0.0.1:3128',
    ],
    priority: 30,
    decide: 'Outside a container (a host shell) a refused loopback proxy is simply a proxy that is not running; inside a RUN step, a container or a docker-container builder it is the namespace problem described here.',
  },
  {
    id: 'proxy-refused',
    title: 'Proxy refuses connections',
    cause: 'Nothing accepts connections at the proxy address: the proxy is down, the port is wrong, or the host is wrong.',
    action: 'Check the proxy host and port in this layer\'s setting (Proxy Status view), and that the proxy is running and reachable from this machine (for example `curl -x <proxy> https://registry-1.docker.io/v2/`).',
    related: ['DJ010', 'CC015'],
    texts: [
      /proxyconnect tcp: dial tcp [^ ]+: connect: connection refused/i,
      /Failed to connect to [^ ]+ port \d+ .*Connection refused/i,
      /Unable to connect to proxy/i,
      /Cannot connect to proxy.*(Connection refused|Errno 111)/i,
      /tunneling socket could not be established, cause=connect ECONNREFUSED/i,
    ],
    examples: [
      'proxyconnect tcp: dial tcp 10.0.0.5:3128: connect: connection refused',
      'curl: (7) Failed to connect to proxy.corp port 3128 after 2 ms: Connection refused',
      "WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection broken by 'ProxyError('Cannot connect to proxy.', NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection object at 0x7f2b>: Failed to establish a new connection: [Errno 111] Connection refused'))': /simple/flask/",
    ],
    priority: 20,
  },
  {
    id: 'proxy-dns',
    title: 'Proxy host name does not resolve',
    cause: 'The proxy\'s host name cannot be resolved from where the request starts.',
    action: 'Fix the proxy host name, or use its IP address; check the DNS this consumer uses (a container or VM may not see the corporate DNS).',
    related: [],
    texts: [
      /proxyconnect tcp: dial tcp: lookup [^ ]+.*(no such host|server misbehaving|i\/o timeout)/i,
      /Could not resolve proxy/i,
      /Cannot connect to proxy.*(Name or service not known|Temporary failure in name resolution|Errno -[23])/i,
      /tunneling socket could not be established, cause=getaddrinfo (ENOTFOUND|EAI_AGAIN)/i,
    ],
    examples: ['proxyconnect tcp: dial tcp: lookup proxy.corp on 127.0.0.53:53: no such host', 'curl: (5) Could not resolve proxy: proxy.corp'],
    priority: 25,
  },
  {
    id: 'proxy-timeout',
    title: 'Proxy does not answer',
    cause: 'The connection to the proxy, or its answer to CONNECT, did not arrive in time: a firewall drops the packets, or the proxy hangs.',
    action: 'Check that the proxy address is the one your network expects and that a firewall lets this machine reach it; try the same proxy with curl -x. If it only happens in builds or containers, compare their proxy with the shell\'s.',
    related: [],
    texts: [
      /proxyconnect tcp: dial tcp [^ ]+: (i\/o timeout|connect: connection timed out)/i,
      /Proxy CONNECT aborted due to timeout/i,
      /proxyconnect tcp: net\/http: TLS handshake timeout/i,
      /Cannot connect to proxy.*timed out/i,
      /tunneling socket could not be established, cause=connect ETIMEDOUT/i,
    ],
    examples: ['proxyconnect tcp: dial tcp 10.0.0.5:3128: i/o timeout', 'curl: (28) Proxy CONNECT aborted due to timeout'],
    priority: 25,
  },
  {
    id: 'proxy-reset',
    title: 'Proxy resets the connection',
    cause: 'The proxy (or something in front of it) closed the connection abruptly, often because it rejects the protocol, the client address or the target.',
    action: 'Look at the proxy\'s log for this request; check that the URL scheme matches what the proxy speaks (http:// for a plain proxy) and that it allows CONNECT to port 443.',
    related: [],
    texts: [
      /proxyconnect tcp: .*(connection reset by peer|EOF)/i,
      /Proxy CONNECT aborted/i,
      /Recv failure: Connection (reset by peer|was reset)/i,
      /Cannot connect to proxy.*(ConnectionResetError|Connection reset by peer|RemoteDisconnected)/i,
      /tunneling socket could not be established, cause=(socket hang up|read ECONNRESET)/i,
    ],
    examples: ['proxyconnect tcp: read tcp 172.17.0.2:51000->10.0.0.5:3128: read: connection reset by peer', 'curl: (56) Recv failure: Connection reset by peer'],
    priority: 15,
  },
  {
    id: 'proxy-auth-required',
    title: 'Proxy wants credentials (407)',
    cause: 'The proxy answered 407 Proxy Authentication Required: this layer sent no credentials, or credentials it rejects.',
    action: 'Add the user name and password to this layer\'s proxy URL (as user:password@ in front of the proxy host, with @ # / % : percent-encoded; in a systemd drop-in also double every %), or use a local authenticating proxy (cntlm, px) for NTLM/Kerberos.',
    related: ['DJ011', 'CC016', 'SV005'],
    texts: [
      /407 Proxy Authentication Required/i,
      /Proxy Authentication Required/i,
      /received HTTP code 407 from proxy/i,
      /CONNECT tunnel failed, response 407/i,
      /Tunnel connection failed: 407/i,
      /tunneling socket could not be established, statusCode=407/i,
      /\bcode E407\b/i,
    ],
    examples: [
      'Error response from daemon: Get "https://registry-1.docker.io/v2/": Proxy Authentication Required',
      'curl: (56) CONNECT tunnel failed, response 407',
      'npm ERR! code E407',
    ],
    priority: 30,
  },
  {
    id: 'proxy-forbidden',
    title: 'Proxy policy forbids this destination (403)',
    cause: 'The proxy answered CONNECT with 403: its policy does not allow this host or port (or this user).',
    action: 'Ask the proxy\'s administrators to allow the registry hosts (Docker Hub: registry-1.docker.io, auth.docker.io, production.cloudflare.docker.com and docker-images-prod.*.r2.cloudflarestorage.com) on port 443, or use an allowed mirror.',
    related: [],
    texts: [
      /CONNECT tunnel failed, response 403/i,
      /received HTTP code 403 from proxy after CONNECT/i,
      /"https:\/\/[^"]+": Forbidden\b/i,
      /Tunnel connection failed: 403/i,
      /tunneling socket could not be established, statusCode=403/i,
    ],
    examples: ['curl: (56) CONNECT tunnel failed, response 403', 'Get "https://registry-1.docker.io/v2/": Forbidden'],
    priority: 25,
  },
  {
    id: 'proxy-upstream-error',
    title: 'Proxy cannot reach the destination (5xx)',
    cause: 'The proxy accepted the request but could not connect onwards: it cannot resolve or reach the registry (its own DNS or firewall), or an upstream proxy failed.',
    action: 'Check that the registry host name is right and resolvable from the proxy; if the registry is internal, add it to NO_PROXY instead of sending it through the proxy.',
    related: ['NP011'],
    texts: [
      /CONNECT tunnel failed, response 5\d\d/i,
      /received HTTP code 5\d\d from proxy after CONNECT/i,
      /"https?:\/\/[^"]+": (Bad Gateway|Service Unavailable|Gateway Timeout)\b/i,
      /Tunnel connection failed: 5\d\d/i,
      /tunneling socket could not be established, statusCode=5\d\d/i,
    ],
    examples: ['curl: (56) CONNECT tunnel failed, response 502', 'Error response from daemon: Get "https://registry.internal/v2/": Bad Gateway'],
    priority: 20,
  },
  {
    id: 'https-proxy-url-to-plain-proxy',
    title: 'https:// proxy URL for a plain HTTP proxy',
    cause: 'The proxy URL starts with https://, so the client speaks TLS to the proxy itself; this proxy speaks plain HTTP and answers the handshake with text.',
    action: 'Write the proxy as http://proxy:port, also in HTTPS_PROXY / https-proxy / httpsProxy: the scheme is how to talk to the proxy, not the kind of traffic.',
    related: ['DJ006', 'CC009', 'DF011'],
    texts: [
      /first record does not look like a TLS handshake/i,
      /oversized record received with length \d+/i,
      /proxyconnect tcp: .*wrong version number/i,
      /SSL routines.*wrong version number/i,
      /\[SSL: WRONG_VERSION_NUMBER\] wrong version number/i,
      /ERR_SSL_WRONG_VERSION_NUMBER/i,
      /gnutls_handshake\(\) failed: An unexpected TLS packet was received/i,
    ],
    examples: [
      'proxyconnect tcp: tls: first record does not look like a TLS handshake',
      'curl: (35) error:0A00010B:SSL routines::wrong version number',
      "fatal: unable to access 'https://github.com/acme/tools.git/': gnutls_handshake() failed: An unexpected TLS packet was received.",
    ],
    priority: 35,
  },
  {
    id: 'tls-intercepting-proxy',
    title: 'TLS-intercepting proxy with its own CA',
    cause: 'Through the proxy, the registry presents a certificate issued by a CA this consumer does not trust: the proxy decrypts HTTPS and re-signs it with its own CA.',
    action: 'Get the proxy\'s CA certificate from your IT department (the report names its subject) and ' + TRUST_CA_STEPS + '. Do not switch to insecure-registries.',
    related: [],
    texts: UNKNOWN_CA_TEXTS,
    examples: [
      'Get "https://registry-1.docker.io/v2/": tls: failed to verify certificate: x509: certificate signed by unknown authority',
      'curl: (60) SSL certificate problem: self-signed certificate in certificate chain',
      'npm ERR! code SELF_SIGNED_CERT_IN_CHAIN',
    ],
    priority: 20,
    decide: 'For a public host (Docker Hub, pypi.org, registry.npmjs.org, github.com) behind a company proxy it is almost always the proxy re-signing; for your own registry it may be its private CA (registry-unknown-ca). The connectivity test names the issuer of the certificate it was given.',
  },
  {
    id: 'registry-unknown-ca',
    title: 'Registry certificate from an untrusted CA',
    cause: 'Connected directly, the registry presents a certificate from a CA this consumer does not trust (a private registry with its own CA).',
    action: 'Trust the registry\'s CA: ' + TRUST_CA_STEPS + '.',
    related: [],
    // Same words as an intercepting proxy; which one it is depends on whether a proxy was in the path.
    texts: UNKNOWN_CA_TEXTS,
    examples: [],
    priority: 10,
    decide: 'If the request went through a proxy, suspect the proxy (tls-intercepting-proxy); the connectivity test names the issuer and the route.',
  },
  {
    id: 'tls-hostname-mismatch',
    title: 'Certificate is for another host name',
    cause: 'The certificate presented does not name the host that was asked for: a wrong registry name, or an intercepting proxy or captive portal answering instead.',
    action: 'Check the registry host name; if a proxy or portal answers, route this host through the right proxy (or NO_PROXY it) and trust the proxy\'s CA.',
    related: [],
    texts: [
      /x509: certificate is valid for .+, not /i,
      /SSL: no alternative certificate subject name matches/i,
      /certificate is not valid for any names/i,
      /ERR_TLS_CERT_ALTNAME_INVALID/i,
      /Hostname\/IP does not match certificate's altnames/i,
      /\[SSL: CERTIFICATE_VERIFY_FAILED\] certificate verify failed: Hostname mismatch/i,
    ],
    examples: ['tls: failed to verify certificate: x509: certificate is valid for *.corp.example, not registry-1.docker.io', 'curl: (60) SSL: no alternative certificate subject name matches target host name \'registry.test\''],
    priority: 25,
  },
  {
    id: 'tls-expired',
    title: 'Certificate expired or not yet valid',
    cause: 'The certificate presented is outside its validity period, or this machine\'s clock is wrong.',
    action: 'Check the system clock; if it is right, the registry (or the intercepting proxy) must renew its certificate.',
    related: [],
    texts: [
      /x509: certificate has expired or is not yet valid/i,
      /SSL certificate problem: certificate (has expired|is not yet valid)/i,
      /\bCERT_HAS_EXPIRED\b/,
      /certificate verify failed: certificate has expired/i,
    ],
    examples: ['x509: certificate has expired or is not yet valid: current time 2026-11-30T07:00:00Z is after 2026-01-01T00:00:00Z'],
    priority: 25,
  },
  {
    id: 'registry-dns',
    title: 'Registry host does not resolve (direct)',
    cause: 'Going direct, the registry\'s host name cannot be resolved. On a network that only allows traffic through a proxy, this layer has no proxy (or NO_PROXY bypasses it).',
    action: 'Give this layer a proxy (HTTPS_PROXY for the shell, daemon.json "proxies" or a systemd drop-in for dockerd), or fix the host name / DNS if the registry is internal.',
    related: ['DJ005', 'SV011', 'CC008'],
    texts: [
      /dial tcp: lookup [^ ]+( on [^ ]+)?: no such host/i,
      /dial tcp: lookup [^ ]+ on [^ ]+: (server misbehaving|read udp [^ ]+: i\/o timeout)/i,
      /Could not resolve host/i,
      /Temporary failure in name resolution/i,
      /Temporary failure resolving '[^']+'/i,
      /failed, reason: getaddrinfo (ENOTFOUND|EAI_AGAIN) [^\s,]+/i,
      /unable to resolve host address/i,
      /wget: bad address '[^']+'/i,
      /Resolving [^ ]+ \([^)]*\)\.\.\. failed: (Name or service not known|Temporary failure in name resolution)/i,
      /Failed to establish a new connection: \[Errno -[23]\]/i,
      /Could not resolve '[^']+'/i,
    ],
    examples: [
      'Error response from daemon: Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io on 127.0.0.53:53: no such host',
      'curl: (6) Could not resolve host: registry-1.docker.io',
      "W: Failed to fetch http://deb.debian.org/debian/dists/bookworm/InRelease  Temporary failure resolving 'deb.debian.org'",
    ],
    priority: 15,
    decide: 'In a RUN step this usually means the build got no proxy (pass --build-arg HTTP_PROXY/HTTPS_PROXY or config.json "proxies"); on the host, check whether this layer has a proxy at all. ' + ASK_THE_TEST,
  },
  {
    id: 'direct-refused',
    title: 'Registry refuses the connection (direct)',
    cause: 'Going direct, nothing accepts connections at the registry address, or a firewall rejects them.',
    action: 'Check the registry host and port; if your network needs a proxy, configure it for this layer (and make sure NO_PROXY does not bypass this host).',
    related: ['NP011'],
    texts: [
      /dial tcp [^ ]+:\d+: connect: connection refused/i,
      // Node's own words appear in any app log (a database not started); only npm/yarn's request failures count
      /failed, reason: connect ECONNREFUSED [^\s,]+/i,
      /Could not connect to [^ ]+:\d+ \([^)]*\)[.,]? ?-? ?connect \(111: Connection refused\)/i,
      /Failed to connect to [^ ]+ port \d+\b.*Couldn't connect to server/i,
      /failed: Connection refused\./i,
      /can't connect to remote host \([^)]*\): Connection refused/i,
    ],
    examples: [
      'Get "https://registry.internal:5000/v2/": dial tcp 10.1.2.3:5000: connect: connection refused',
      'E: Failed to fetch http://deb.debian.org/debian/pool/main/c/curl/curl_7.88.1-10_amd64.deb  Could not connect to 10.0.0.5:3128 (10.0.0.5). - connect (111: Connection refused) [IP: 10.0.0.5 3128]',
    ],
    priority: 10,
    decide: 'Tools that talk to a proxy (apt, npm, curl, wget) print the proxy\'s address here: if the address is your proxy\'s, the proxy is down or the port is wrong (proxy-refused). ' + ASK_THE_TEST,
  },
  {
    id: 'direct-timeout',
    title: 'Timeout (no proxy used, or a dead one)',
    cause: 'The request got no answer in time. From the text alone it is open whether this layer has no proxy on a network that needs one, or its proxy is dead or blocked.',
    action: 'Run the connectivity test (docker-proxy-doctor test) or open the Proxy Status view: it shows whether this layer uses a proxy and which phase hangs.',
    related: ['DJ005', 'SV011'],
    texts: [
      /dial tcp [^ ]+:\d+: (i\/o timeout|connect: connection timed out)/i,
      /Client\.Timeout exceeded while awaiting headers/i,
      /net\/http: TLS handshake timeout/i,
      /net\/http: request canceled while waiting for connection/i,
      /Connection timed out after \d+ milliseconds/i,
      /Failed to connect to [^ ]+ port \d+\b.*(Connection timed out|Timeout was reached)/i,
      /"https?:\/\/[^"]+": context deadline exceeded/i,
      /failed, reason: connect ETIMEDOUT [^\s,]+/i,
      /\bERR_SOCKET_TIMEOUT\b/,
      /ConnectTimeoutError\(/,
      /Could not connect to [^ ]+:\d+ \([^)]*\), connection timed out/i,
      /failed: Connection timed out\./i,
    ],
    examples: [
      'Error response from daemon: Get "https://registry-1.docker.io/v2/": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)',
      'dial tcp 44.205.64.79:443: i/o timeout',
      'npm ERR! request to https://registry.npmjs.org/lodash failed, reason: connect ETIMEDOUT 104.16.24.35:443',
    ],
    priority: 10,
    decide: 'What decides it is whether this layer uses a proxy: none on a network that needs one, or one that is dead or filtered. ' + ASK_THE_TEST,
  },
  {
    id: 'oauth-token-failed',
    title: 'Registry token fetch failed (shell proxy)',
    layer: 'cli-shell',
    cause: 'The registry token is fetched from the realm (auth.docker.io for Docker Hub). For BuildKit builds the docker/buildx CLI process does that with the shell\'s HTTPS_PROXY/NO_PROXY, not with the daemon\'s or config.json\'s proxy, so `docker pull` works and `docker build` fails.',
    action: 'Export HTTPS_PROXY (and NO_PROXY) in the shell that runs docker build / buildx / compose build, or set BUILDKIT_NO_CLIENT_TOKEN=1 there so the builder fetches the token with its own proxy.',
    related: ['cli-shell'],
    texts: [/failed to fetch (oauth|anonymous) token/i, /failed to authorize: /i, /DeadlineExceeded: .*auth\.docker\.io\/token/i],
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
    texts: [
      /: EOF(?=["'\s]*$)/i,
      /Empty reply from server/i,
      /failed, reason: socket hang up/i,
      /Client network socket disconnected before secure TLS connection was established/i,
      /\bSSL_ERROR_SYSCALL\b/i,
      /\bnpm (ERR!|error) code ECONNRESET\b/i,
      /RemoteDisconnected\('Remote end closed connection without response'\)/,
    ],
    examples: ['curl: (52) Empty reply from server', 'npm ERR! network Client network socket disconnected before secure TLS connection was established'],
    priority: 5,
    decide: 'A proxy that closes the connection often rejects the scheme (an https:// proxy URL for a plain proxy) or the destination; its log says which. ' + ASK_THE_TEST,
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
    id: 'daemon-json-unknown-key',
    title: 'daemon.json has a key dockerd does not know',
    layer: 'daemon',
    cause: 'dockerd refused to start: daemon.json holds a key that is not a daemon option. Under "proxies" only http-proxy, https-proxy and no-proxy exist (kebab-case); the config.json shape (default, httpProxy) is not valid here.',
    action: 'Open daemon.json, rename the keys the message names (e.g. httpProxy → proxies.http-proxy, remove "default"), check with `dockerd --validate`, then restart docker.',
    related: ['DJ002', 'DJ003', 'DJ004', 'DJ023'],
    texts: [/the following directives don't match any configuration option/i],
    examples: ['unable to configure the Docker daemon with file /etc/docker/daemon.json: the following directives don\'t match any configuration option: httpProxy, httpsProxy'],
    priority: 50,
  },
  {
    id: 'daemon-flag-and-file-conflict',
    title: 'Proxy given both as a dockerd flag and in daemon.json',
    layer: 'daemon',
    cause: 'dockerd refused to start: the same option is set by a command-line flag (often in the service unit or a drop-in ExecStart) and in daemon.json.',
    action: 'Keep one of them: remove the --http-proxy/--https-proxy/--no-proxy flag from the unit (systemctl cat docker) or the key from daemon.json, then restart docker.',
    related: [],
    texts: [/the following directives are specified both as a flag and in the configuration file/i],
    examples: ['unable to configure the Docker daemon with file /etc/docker/daemon.json: the following directives are specified both as a flag and in the configuration file: http-proxy: (from flag: http://proxy.corp:3128, from file: http://proxy.corp:8080)'],
    priority: 50,
  },
  {
    id: 'daemon-json-syntax',
    title: 'daemon.json is not valid JSON',
    layer: 'daemon',
    cause: 'dockerd refused to start because daemon.json does not parse (a trailing comma, a comment or a missing quote, often added while editing the proxy settings).',
    action: 'Open daemon.json and fix the JSON at the position the message gives (strict JSON: no comments, no trailing commas), check with `dockerd --validate`, then restart docker.',
    related: ['PD002'],
    texts: [/unable to configure the Docker daemon with file [^ ]+: (invalid character|unexpected end of JSON input|json: cannot unmarshal)/i],
    examples: ['unable to configure the Docker daemon with file /etc/docker/daemon.json: invalid character \'}\' looking for beginning of object key string'],
    priority: 45,
  },
  {
    id: 'daemon-mirror-invalid',
    title: 'Invalid registry mirror',
    layer: 'daemon',
    cause: 'dockerd refused a registry-mirrors entry: a mirror needs http:// or https:// and no user, password, query or fragment. A mirror is a registry, not a proxy.',
    action: 'Fix the entry in daemon.json "registry-mirrors" (or remove it and put a forward proxy under "proxies"), then restart docker.',
    related: ['DJ014', 'DJ015', 'DJ016'],
    texts: [/invalid mirror: /i],
    examples: ['failed to start daemon: invalid mirror: no scheme specified for "mirror.corp:5000": must use either \'https://\' or \'http://\''],
    priority: 45,
  },
  {
    id: 'systemd-specifier',
    title: 'systemd dropped a proxy line: % not doubled',
    layer: 'daemon',
    cause: 'In a unit file % starts a specifier. A percent-encoded password (%40, %23) in an Environment= line makes systemd drop the whole assignment, so dockerd starts without that proxy variable.',
    action: 'Double every % in the drop-in (p%40ss → p%%40ss), then `sudo systemctl daemon-reload && sudo systemctl restart docker`; check with `systemctl show --property=Environment docker`.',
    related: ['SV005'],
    texts: [/Failed to resolve specifiers/i],
    examples: ['/etc/systemd/system/docker.service.d/http-proxy.conf:3: Failed to resolve specifiers in HTTPS_PROXY=http://jdoe:p%40ss@proxy.corp:3128, ignoring: Invalid slot'],
    priority: 50,
  },
  {
    id: 'systemd-invalid-assignment',
    title: 'systemd rejected an Environment= assignment',
    layer: 'daemon',
    cause: 'systemd could not parse an Environment= line of the docker.service drop-in (typographic quotes pasted from a web page, a stray backslash or unbalanced quotes), so it ignored it.',
    action: 'Rewrite the line with plain ASCII quotes, one Environment="NAME=value" per variable, then daemon-reload and restart docker.',
    related: ['SV015', 'SV010', 'SV012'],
    texts: [/Invalid environment assignment, ignoring/i, /Failed to parse environment/i, /Unbalanced quoting, ignoring/i],
    examples: ['/etc/systemd/system/docker.service.d/http-proxy.conf:2: Invalid environment assignment, ignoring: “HTTP_PROXY=http://proxy.corp:3128”'],
    priority: 45,
  },
  {
    id: 'buildx-driver-opt-csv',
    title: 'buildx split a --driver-opt value at its commas',
    layer: 'builder',
    cause: 'buildx reads --driver-opt as CSV, so env.no_proxy=a,b is split and "b" is taken as a separate option without "=". The shell removed the double quotes before buildx saw them.',
    action: 'Quote the whole option for the CSV reader and keep the quotes from the shell: --driver-opt \'"env.no_proxy=localhost,127.0.0.1,.corp"\'.',
    related: ['builder'],
    texts: [/invalid value "?[^"\s,]*"?,? expecting k=v/i],
    examples: ['ERROR: invalid value "127.0.0.1", expecting k=v'],
    priority: 40,
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

const BY_ID = new Map([...CAUSES, ...MACHINE_CAUSES].map((c) => [c.id, c]));

export function causeById(id: string): Cause | undefined {
  return BY_ID.get(id);
}
