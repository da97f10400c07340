import type { Fix, RuleFinding } from '../../findingTypes';
import { defineRule, dfModel, type ProxyAssignment } from './dockerfileModel';
import { SRC } from '../../sources';
import { lazyFix } from '../../fix';

export const caseMismatch = defineRule({
  id: 'DF008',
  name: 'case-mismatch',
  kinds: ['dockerfile'],
  defaultSeverity: 'warning',
  summary: '`HTTP_PROXY` and `http_proxy` (or another pair) are set to different values: each tool picks a different one.',
  description:
    'Programs do not agree on which spelling wins. Go programs read the upper-case name first; curl, Python, Node.js ' +
    'and BuildKit\'s own handling of proxy build arguments (since dockerfile 1.23) prefer the lower-case one, and curl ' +
    'ignores upper-case `HTTP_PROXY` entirely. With two different values, the same build step behaves differently ' +
    'depending on the tool.\n\nSet both spellings to the same value (or set neither and rely on the predefined build ' +
    'arguments, which BuildKit exports in both cases).',
  sources: [SRC.buildkitRunProxyEnv, SRC.xnetFromEnvironment, SRC.curlProxy, SRC.pythonProxies],
  examples: {
    bad: { kind: 'dockerfile', text: 'FROM alpine:3.20\nARG HTTPS_PROXY=http://proxy-a.example.com:3128\nARG https_proxy=http://proxy-b.example.com:8080\nRUN apk add --no-cache curl\n' },
    good: { kind: 'dockerfile', text: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n' },
  },
}, (doc) => {
  const findings: RuleFinding[] = [];
  // Last assignment of each exact spelling, per stage and per instruction kind (ENV values and ARG defaults differ in how sure they are).
  const last = new Map<string, ProxyAssignment>();
  for (const a of dfModel(doc).proxies) {
    if (a.value === undefined || a.value === '') continue;
    if (a.name !== a.name.toUpperCase() && a.name !== a.name.toLowerCase()) continue;
    last.set(`${a.stage}|${a.keyword}|${a.name}`, a);
  }
  for (const a of last.values()) {
    if (a.name !== a.name.toLowerCase()) continue;
    const upper = last.get(`${a.stage}|${a.keyword}|${a.name.toUpperCase()}`);
    if (!upper || upper.value === undefined || a.value === undefined) continue;
    if (upper.value.includes('$') || a.value.includes('$') || upper.value.trim() === a.value.trim()) continue;
    const later = upper.start > a.start ? upper : a;
    const earlier = later === upper ? a : upper;
    const fixes: Fix[] = [];
    // Setting the later one to the earlier value: only when the later assignment maps 1:1 to the text.
    const laterRange = later.valueRange;
    const earlierRange = earlier.valueRange;
    if (later.valueOffset !== undefined && laterRange) {
      fixes.push(lazyFix(
        `Set ${later.name} to the value of ${earlier.name}`,
        false,
        () => [{ range: laterRange, newText: earlier.value!.trim().includes(' ') ? JSON.stringify(earlier.value!.trim()) : earlier.value!.trim() }],
      ));
    }
    if (earlier.valueOffset !== undefined && earlierRange) {
      fixes.push(lazyFix(
        `Set ${earlier.name} to the value of ${later.name}`,
        false,
        () => [{ range: earlierRange, newText: later.value!.trim().includes(' ') ? JSON.stringify(later.value!.trim()) : later.value!.trim() }],
      ));
    }
    findings.push({
      range: later.nameRange,
      message: `${later.name} and ${earlier.name} differ: Go tools use ${upper.name}, curl, Python and BuildKit use ${a.name}. Give both the same value.`,
      fixes,
    });
  }
  return findings;
});
