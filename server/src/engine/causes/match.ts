// Matches error output against the cause catalog. Deliberately small: the connectivity test uses it to attach a
// cause to a `docker pull` failure; the explainer (issue 10) builds line handling and ANSI stripping on top of it.
//
// Some texts are only half an answer: `getaddrinfo ENOTFOUND x`, `Could not resolve 'x'` or `connect ETIMEDOUT x`
// read the same whether x is the registry or the proxy. The optional context says which hosts are proxies (from the
// machine, or from proxy URLs in the same log), and turns a direct-connection cause into the proxy one when the
// host that failed is one of them.
import { CAUSES, causeById, type Cause } from './catalog';

export interface CauseMatch {
  cause: Cause;
  /** The matched part of the text. */
  text: string;
  /** What tells the candidates apart, when the context changes the cause's own advice. */
  decide?: string;
}

export interface MatchContext {
  /** Host names or addresses of the proxies this machine uses (the machine model), or that the log names. */
  knownProxyHosts?: string[];
  /** The log shows proxy values passed to the build (`--build-arg HTTP_PROXY=…`): do not advise passing them. */
  proxyPassedToBuild?: boolean;
}

/** Strips ANSI colour codes, the usual decoration of terminal output. */
export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, '');
}

// The name a failed lookup was for, in the words of Go, Node, curl, apt, wget, yum and busybox.
const LOOKUP_SUBJECT: RegExp[] = [
  /\blookup ([^\s:]+|\[[^\]]+\])(?: on [^ ]+)?:/i,
  /getaddrinfo (?:ENOTFOUND|EAI_AGAIN) ([^\s,]+)/i,
  /Could not resolve (?:host|proxy): ([^\s;]+)/i,
  /(?:Could not resolve|Temporary failure resolving|Couldn't resolve host|bad address|unable to resolve host address) '([^']+)'/i,
  /Resolving ([^\s]+) \(/i,
];

// The host a failed direct connection went to.
const CONNECT_SUBJECT: RegExp[] = [
  /dial tcp ([^\s]+):\d+: /i,
  /connect (?:ECONNREFUSED|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH) ([^\s,]+?)(?::\d+)?(?=[\s,]|$)/i,
  /Failed to connect to ([^\s]+) port \d+/i,
  /Could not connect to ([^\s:]+):\d+/i,
  /Connecting to ([^\s|]+?)(?:\|[^|]*\|)?:\d+\.\.\. failed/i,
  /Failed connect to ([^\s:;"]+):\d+/i,
  /Unable to connect to ([^\s:]+):\d+:/i,
];

function hostOnly(name: string): string {
  let h = name.trim().replace(/^["'`]+|["'`.;,]+$/g, '').toLowerCase();
  // a proxy URL: its host (`http://user:pw@proxy.corp:3128/` → `proxy.corp`)
  const url = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?([^/?#]*)/.exec(h);
  if (url) h = url[1];
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') > 0 ? h.indexOf(']') : undefined);
  const colon = h.lastIndexOf(':');
  if (colon > 0 && h.indexOf(':') === colon && /^\d+$/.test(h.slice(colon + 1))) h = h.slice(0, colon);
  return h;
}

function subjectOf(text: string, patterns: RegExp[]): string | undefined {
  for (const re of patterns) {
    const m = re.exec(text);
    if (m) return hostOnly(m[1]);
  }
  return undefined;
}

/** A name that says it is a proxy: `proxy`, `proxy.corp`, `web-proxy`, `proxy2.example.com` (not `goproxy.cn`). */
function namedLikeProxy(host: string): boolean {
  return /^(?:[a-z0-9]+-)?proxy\d*(?:[.-]|$)/i.test(host);
}

function isKnownProxy(host: string, ctx: MatchContext | undefined): boolean {
  return (ctx?.knownProxyHosts ?? []).some((h) => hostOnly(h) === host);
}

// Proxy URLs in a log: `--build-arg http_proxy=http://proxy.my.url:8080`, `export HTTPS_PROXY=…`, `--proxy …`,
// `npm config set proxy …`, `http: error connecting to proxy http://…`, a curl -v `Uses proxy env variable`.
const PROXY_URL_IN_LOG = /\b(?:https?_proxy|all_proxy|proxy)\b["']?(?:\s*[=:]\s*|\s+(?:==\s+)?)["']?(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[^\s@/"']*@)?(\[[^\]\s]+\]|[a-z0-9][a-z0-9._-]*)(?=[:/"'\s]|$)/gi;
const PROXY_BUILD_ARG = /--build-arg[=\s]+["']?(?:HTTPS?_PROXY|https?_proxy)=/;

/** What a whole log says about its proxies, for matching its lines. Linear in the text. */
export function contextFromLog(text: string, knownProxyHosts: readonly string[] = []): MatchContext {
  const hosts = new Set(knownProxyHosts.map(hostOnly));
  for (const m of text.slice(0, 2_000_000).matchAll(PROXY_URL_IN_LOG)) {
    const h = hostOnly(m[1]);
    // `proxy: proxy.corp`, `proxy http://…`; not the word proxy followed by ordinary prose
    if (/[.:\d]/.test(h) || namedLikeProxy(h) || /:\/\//.test(m[0])) hosts.add(h);
  }
  return { knownProxyHosts: [...hosts], proxyPassedToBuild: PROXY_BUILD_ARG.test(text) };
}

const VIA_PROXY: Record<string, string> = {
  'registry-dns': 'proxy-dns',
  'direct-refused': 'proxy-refused',
  'direct-timeout': 'proxy-timeout',
  'direct-unreachable': 'proxy-timeout',
};

/** The proxy cause for a direct-connection match whose host is a proxy, else the match itself. */
function withSubject(m: CauseMatch, clean: string, ctx: MatchContext | undefined): CauseMatch {
  const target = VIA_PROXY[m.cause.id];
  if (!target) return m;
  const host = subjectOf(m.text, m.cause.id === 'registry-dns' ? LOOKUP_SUBJECT : CONNECT_SUBJECT) ??
    subjectOf(clean, m.cause.id === 'registry-dns' ? LOOKUP_SUBJECT : CONNECT_SUBJECT);
  if (!host) return m;
  const proxy = isKnownProxy(host, ctx) || (m.cause.id === 'registry-dns' && namedLikeProxy(host));
  const cause = proxy ? causeById(target) : undefined;
  return cause ? { cause, text: m.text } : m;
}

const PASSED_NOTE = 'The log shows proxy values passed to the build (--build-arg), so the build had a proxy: if the name that failed is the registry\'s, the tool in that step ignores the variable (or NO_PROXY bypasses it); if it is the proxy\'s own name, it does not resolve where the step runs (use an address the step can resolve).';

/** Every cause whose texts match, most specific first (priority, then the longer match). */
export function matchCauses(text: string, context?: MatchContext): CauseMatch[] {
  const clean = stripAnsi(text);
  const found: CauseMatch[] = [];
  for (const cause of CAUSES) {
    let best: string | undefined;
    for (const re of cause.texts) {
      const m = re.exec(clean);
      if (m && (best === undefined || m[0].length > best.length)) best = m[0];
    }
    if (best !== undefined) found.push(withSubject({ cause, text: best }, clean, context));
  }
  const unique = found.filter((m, i) => found.findIndex((o) => o.cause.id === m.cause.id) === i);
  const sorted = unique.sort((a, b) => b.cause.priority - a.cause.priority || b.text.length - a.text.length);
  if (context?.proxyPassedToBuild && sorted[0] && (sorted[0].cause.id === 'registry-dns' || sorted[0].cause.id === 'proxy-dns')) {
    sorted[0] = { ...sorted[0], decide: PASSED_NOTE };
  }
  return sorted;
}

/** The most specific cause for a text, if any. */
export function matchCause(text: string, context?: MatchContext): CauseMatch | undefined {
  return matchCauses(text, context)[0];
}
