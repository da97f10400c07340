import type { Rule } from '../../rule';
import type { Fix, RuleFinding } from '../../findingTypes';
import { envVariableOf } from '../../proxy/names';
import { isUnitDoc, SHELL_KEY } from './unitProxyAssignments';
import { SRC } from '../../sources';
import { lazyFix } from '../../fix';

export const shellSyntaxInDropin: Rule = {
  meta: {
    id: 'SV012',
    name: 'shell-syntax-in-dropin',
    kinds: ['systemd-dropin'],
    defaultSeverity: 'error',
    summary: 'A drop-in line such as HTTP_PROXY=… or export HTTP_PROXY=… is not a systemd setting and sets nothing.',
    description:
      'A drop-in is a unit file, not a shell script. systemd knows `Environment=` but no key called `HTTP_PROXY` or ' +
      '`export HTTP_PROXY`: it logs "Unknown key name" (or "Assignment outside of section") and ignores the line, so ' +
      'dockerd gets no proxy.\n\n' +
      'Write `Environment="HTTP_PROXY=http://proxy:3128"` under `[Service]`. The quick fix rewrites the line that way ' +
      '(doubling any `%`, which a shell line could hold literally but a unit file cannot).',
    sources: [SRC.daemonProxySystemd, SRC.systemdEnvironment],
    examples: {
      bad: { kind: 'systemd-dropin', text: '[Service]\nHTTP_PROXY=http://proxy.example.com:3128\nHTTPS_PROXY=http://proxy.example.com:3128\n' },
      good: { kind: 'systemd-dropin', text: '[Service]\nEnvironment="HTTP_PROXY=http://proxy.example.com:3128"\nEnvironment="HTTPS_PROXY=http://proxy.example.com:3128"\n' },
    },
  },
  check(doc): RuleFinding[] {
    if (!isUnitDoc(doc)) return [];
    const findings: RuleFinding[] = [];
    for (const a of doc.unit.assignments) {
      const m = SHELL_KEY.exec(a.key);
      if (!m || !envVariableOf(m[1])) continue;
      let value = a.rawValue;
      const q = value[0];
      if ((q === '"' || q === "'") && value.length >= 2 && value.endsWith(q)) value = value.slice(1, -1);
      const fixes: Fix[] = [];
      if (a.section === 'Service' && a.line === a.endLine && !/["'\\]/.test(value)) {
        fixes.push(lazyFix(
          `Write Environment="${m[1]}=…"`,
          true,
          () => [{ range: { start: a.keyRange.start, end: a.valueRange.end }, newText: `Environment="${m[1]}=${value.replace(/%/g, '%%')}"` }],
        ));
      }
      findings.push({
        range: a.keyRange,
        message: `systemd has no "${a.key}" setting: this line is ignored and dockerd never gets ${m[1]}. Write Environment="${m[1]}=…" under [Service].`,
        fixes,
      });
    }
    return findings;
  },
};
