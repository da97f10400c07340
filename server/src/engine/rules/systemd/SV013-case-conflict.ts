import type { Rule } from '../../rule';
import type { RuleFinding } from '../../findingTypes';
import { effective, isUnitDoc, proxyAssignments } from './unitProxyAssignments';
import { SRC } from '../../sources';

export const caseConflict: Rule = {
  meta: {
    id: 'SV013',
    name: 'case-conflict',
    kinds: ['systemd-dropin'],
    defaultSeverity: 'info',
    summary: 'Upper- and lower-case forms of a proxy variable have different values; dockerd (Go) uses the upper-case one.',
    description:
      'Go reads `HTTP_PROXY`, `HTTPS_PROXY` and `NO_PROXY` first and falls back to the lower-case names only when the ' +
      'upper-case variable is unset or empty. When a drop-in sets both spellings to different values, dockerd ' +
      'uses the upper-case value and the lower-case one is dead text (though other programs, such as curl, prefer ' +
      'lower case). Keep one spelling, or give both the same value.',
    sources: [SRC.xnetFromEnvironment, SRC.mobyInfo],
    examples: {
      bad: {
        kind: 'systemd-dropin',
        text: '[Service]\nEnvironment="HTTPS_PROXY=http://proxy.example.com:3128"\nEnvironment="https_proxy=http://old-proxy.example.com:8080"\n',
      },
      good: {
        kind: 'systemd-dropin',
        text: '[Service]\nEnvironment="HTTPS_PROXY=http://proxy.example.com:3128"\nEnvironment="https_proxy=http://proxy.example.com:3128"\n',
      },
    },
  },
  check(doc): RuleFinding[] {
    if (!isUnitDoc(doc)) return [];
    const map = proxyAssignments(doc);
    const findings: RuleFinding[] = [];
    for (const key of ['http_proxy', 'https_proxy', 'no_proxy', 'all_proxy']) {
      const upper = effective(map, key);
      if (!upper || upper.name !== key.toUpperCase()) continue;
      const lower = [...(map.get(key) ?? [])].reverse().find((a) => a.name === key);
      if (!lower || lower.value.trim() === '' || lower.value.trim() === upper.value.trim()) continue;
      findings.push({
        range: lower.nameRange,
        message: `${lower.name} differs from ${upper.name}; dockerd (Go) uses ${upper.name} and ignores ${lower.name}. Keep one, or give both the same value.`,
      });
    }
    return findings;
  },
};
