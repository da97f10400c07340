// The one policy for "a proxy is set but NO_PROXY is not" (CC010, DF013, NP012, SV016): what the fixes add and the
// sentence that explains who bypasses loopback on their own. Written once so every kind says the same thing.

/** Loopback in every spelling the common clients need listed: only Go bypasses these without being told (facts §6). */
export const LOOPBACK_NO_PROXY = ['localhost', '127.0.0.1', '::1'] as const;

/** The NO_PROXY value a fix writes: loopback first, then the internal hosts the file itself names, no duplicates. */
export function suggestedNoProxy(internalHosts: readonly string[] = []): string {
  return [...new Set([...LOOPBACK_NO_PROXY, ...internalHosts.map((h) => h.toLowerCase())])].join(',');
}

/** Markdown shared by the rule pages: why the consequence differs per reader. */
export const PER_CONSUMER_NOTE =
  'Who is hurt depends on who reads the variables. Go programs (dockerd, the docker CLI, BuildKit) never send ' +
  '`localhost` or loopback addresses to a proxy, NO_PROXY or not; everything else (curl, wget, Python, Node with ' +
  '`NODE_USE_ENV_PROXY`) has no such exception and sends `http://localhost:8080`, health checks and calls to sibling ' +
  'services to the proxy, which cannot reach them. Internal hosts are proxied by every client until NO_PROXY names ' +
  'them. The quick fix adds `localhost,127.0.0.1,::1` plus the internal hosts this file itself names; add your own ' +
  'service names and internal domains after it. The severity policy is in [the rule index](./README.md).';
