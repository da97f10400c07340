import type { Rule } from '../../rule';
import type { RuleFinding } from '../../findingTypes';
import { matchesNoProxy } from '../../proxy/noProxyMatch';
import { CONTAINER_KINDS, appending, fixOf, hasVariable, noProxyValues, type NoProxyValue } from './shared';
import { SRC } from '../../sources';

const LOOPBACK = ['localhost', '127.0.0.1', '::1'] as const;

const SOUND: ReadonlySet<string> = new Set(['domain', 'leading-dot', 'ip', 'cidr']);

/**
 * Whether some well-formed entry, read the way curl reads it (the strictest common client), exempts the host.
 * Entries other rules report as broken do not count, so fixing them never makes this rule appear.
 */
function covers(v: NoProxyValue, host: string): boolean {
  return v.setting.value.trim() === '*' || v.entries.some((e) => SOUND.has(e.kind) && matchesNoProxy('curl', e.text, host));
}

export const loopbackMissing: Rule = {
  meta: {
    id: 'NP010',
    name: 'loopback-missing',
    kinds: CONTAINER_KINDS,
    defaultSeverity: 'warning',
    summary: 'A container or build NO_PROXY with neither `localhost` nor `127.0.0.1` sends local traffic to the proxy.',
    description:
      'Only Go skips the proxy for localhost and loopback addresses on its own. curl, wget, Python and Node inside a ' +
      'container send `http://localhost:8080` or `http://127.0.0.1:9000` to the proxy unless NO_PROXY lists them; ' +
      'health checks, sidecars and test servers then fail with proxy errors.\n\n' +
      'List `localhost,127.0.0.1,::1` explicitly in every NO_PROXY meant for containers and build steps. The rule ' +
      'fires only when no loopback entry is listed at all.',
    sources: [SRC.xnetLoopback, SRC.curlNoProxy, SRC.cliProxyRun],
    examples: {
      bad: { kind: 'cli-config', text: '{\n  "proxies": {\n    "default": {\n      "httpsProxy": "http://proxy.example.com:3128",\n      "noProxy": "internal.example.com"\n    }\n  }\n}\n' },
      good: { kind: 'cli-config', text: '{\n  "proxies": {\n    "default": {\n      "httpsProxy": "http://proxy.example.com:3128",\n      "noProxy": "localhost,127.0.0.1,::1,internal.example.com"\n    }\n  }\n}\n' },
    },
  },
  check(doc): RuleFinding[] {
    const findings: RuleFinding[] = [];
    for (const v of noProxyValues(doc)) {
      if (v.setting.consumer !== 'containers' || v.entries.length === 0 || hasVariable(v)) continue;
      // Only when no loopback name or address is listed at all: `localhost` alone shows the author thought of it.
      if (covers(v, 'localhost') || covers(v, '127.0.0.1')) continue;
      const missing = LOOPBACK.filter((h) => !covers(v, h));
      findings.push({
        range: v.setting.valueRange,
        message: 'NO_PROXY lists neither `localhost` nor `127.0.0.1`: unlike Go, curl, wget and Python in containers send loopback traffic to the proxy; add them.',
        fixes: fixOf(doc, v, `Add ${missing.join(',')} to NO_PROXY`, true, [appending(v, missing)]),
      });
    }
    return findings;
  },
};
