import type { Rule } from '../../rule';
import type { RuleFinding } from '../../findingTypes';
import { parseIPv4 } from '../../proxy/ipAddress';
import { ALL_KINDS, entryRange, fixOf, noProxyValues, spanRange } from './shared';
import { SRC } from '../../sources';

const NUMERIC = /^\d+(?:\.\d+)*$/;

export const entryCannotBeMeant: Rule = {
  meta: {
    id: 'NP013',
    name: 'entry-cannot-be-meant',
    kinds: ALL_KINDS,
    defaultSeverity: 'warning',
    summary: 'A NO_PROXY entry that cannot be what was meant: an IP split by a comma (`172,17.0.1`), a bare number, an empty entry.',
    description:
      'A comma typed for a dot splits an address in two: `172,17.0.1` gives the entries `172` and `17.0.1`, neither of ' +
      'which is an address or a host name, so `172.17.0.1` still goes through the proxy. A bare number (`5000`, `10`) ' +
      'matches no host either: ports and address prefixes are not NO_PROXY entries. Both are warnings; the split ' +
      'address has a fix that joins it.\n\nAn empty entry (`a,,b`) is skipped by every client, so it changes nothing, ' +
      'but it often marks a deleted or never-filled value: that one is information.',
    sources: [SRC.xnetNoProxyParse, SRC.curlNoProxy],
    examples: {
      bad: { kind: 'systemd-dropin', text: '[Service]\nEnvironment="HTTPS_PROXY=http://proxy.example.com:3128"\nEnvironment="NO_PROXY=localhost,127.0.0.1,172,17.0.1"\n' },
      good: { kind: 'systemd-dropin', text: '[Service]\nEnvironment="HTTPS_PROXY=http://proxy.example.com:3128"\nEnvironment="NO_PROXY=localhost,127.0.0.1,172.17.0.1"\n' },
    },
  },
  check(doc): RuleFinding[] {
    const findings: RuleFinding[] = [];
    for (const v of noProxyValues(doc)) {
      const numeric = (i: number) => { const e = v.entries[i]; return !!e && e.kind === 'domain' && NUMERIC.test(e.text); };
      for (let i = 0; i < v.entries.length; i++) {
        const entry = v.entries[i];
        if (!numeric(i)) continue;
        const next = v.entries[i + 1];
        const between = next ? v.setting.value.slice(entry.end, next.start) : '';
        if (next && numeric(i + 1) && /^\s*,\s*$/.test(between) && parseIPv4(`${entry.text}.${next.text}`)) {
          findings.push({
            range: spanRange(doc, v, entry.start, next.end),
            message: `\`${entry.text},${next.text}\` looks like the address ${entry.text}.${next.text} with a comma for a dot: as written it is two entries that match nothing.`,
            fixes: fixOf(doc, v, `Join into ${entry.text}.${next.text}`, false, [{ start: entry.end, end: next.start, text: '.' }]),
          });
          i++;
          continue;
        }
        if (parseIPv4(entry.text)) continue;
        findings.push({
          range: entryRange(doc, v, entry),
          message: `\`${entry.text}\` is neither a host name nor an address, so it matches nothing (ports and address prefixes are not NO_PROXY entries).`,
        });
      }
      for (const m of v.setting.value.matchAll(/,(\s*),/g)) {
        findings.push({
          range: spanRange(doc, v, m.index!, m.index! + m[0].length),
          severity: 'info',
          message: 'An empty NO_PROXY entry: every client skips it, but it often marks a value that was deleted or never filled in.',
          fixes: fixOf(doc, v, 'Remove the empty entry', true, [{ start: m.index!, end: m.index! + 1 + m[1].length, text: '' }]),
        });
      }
    }
    return findings;
  },
};
