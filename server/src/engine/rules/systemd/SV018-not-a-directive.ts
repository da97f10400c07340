import type { Rule } from '../../rule';
import type { RuleFinding } from '../../findingTypes';
import { envVariableOf } from '../../proxy/names';
import { hasPlaceholder, isTemplatePath } from '../../proxy/placeholder';
import { isUnitDoc, SHELL_KEY } from './unitProxyAssignments';
import { SRC } from '../../sources';

/** systemd directive names are CamelCase words (`Environment`, `ExecStart`, `LimitNOFILE`). */
const DIRECTIVE_NAME = /^[A-Z][A-Za-z0-9]*$/;

export const notADirective: Rule = {
  meta: {
    id: 'SV018',
    name: 'not-a-directive',
    kinds: ['systemd-dropin'],
    defaultSeverity: 'warning',
    summary: 'A line in [Service] that is no systemd directive (`usr=…`, `proxy_user=…`, a bare word) is ignored.',
    description:
      'systemd reads `[Service]` as `Directive=value` lines whose names are CamelCase words. A line such as ' +
      '`usr=alice`, `proxy-port=3128` or a pasted bare URL is logged as "Unknown key name" or "Missing \'=\'" and ' +
      'ignored, so whatever it was meant to set never reaches dockerd. Proxy variable lines written this way ' +
      '(`HTTP_PROXY=…`, `export …`) are SV012\'s finding; this rule reports the other lines.\n\n' +
      'Put variables in `Environment="NAME=value"` and drop notes into `#` comments. Only drop-ins that set a proxy ' +
      'are checked.',
    sources: [SRC.daemonProxySystemd, SRC.systemdEnvironment],
    examples: {
      bad: { kind: 'systemd-dropin', text: '[Service]\nEnvironment="HTTPS_PROXY=http://proxy.example.com:3128"\nproxy_user=alice\n' },
      good: { kind: 'systemd-dropin', text: '[Service]\nEnvironment="HTTPS_PROXY=http://proxy.example.com:3128"\n# proxy user: alice\n' },
    },
  },
  check(doc): RuleFinding[] {
    if (!isUnitDoc(doc)) return [];
    // Only drop-ins that set a proxy: other unit-file mistakes are not ours to report (strictly proxy-related).
    if (doc.proxySettings.length === 0) return [];
    // In a template, control lines (`<% if … %>`, `{% for … %}`) are gone once it is rendered.
    const template = isTemplatePath(doc.path);
    const findings: RuleFinding[] = [];
    for (const a of doc.unit.assignments) {
      if (a.section !== 'Service' || DIRECTIVE_NAME.test(a.key)) continue;
      if (template && hasPlaceholder(doc.lines.lineText(a.line))) continue;
      const shell = SHELL_KEY.exec(a.key);
      if (shell && envVariableOf(shell[1])) continue; // SV012
      findings.push({
        range: a.keyRange,
        message: `systemd has no "${a.key}" directive: it logs "Unknown key name" and ignores this line. Use Environment="NAME=value" for a variable, "#" for a note.`,
      });
    }
    const sectionAt = (line: number) => [...doc.unit.sections].reverse().find((s) => s.line < line)?.name;
    for (const line of doc.unit.invalidLines) {
      if (sectionAt(line) !== 'Service') continue;
      const text = doc.lines.lineText(line);
      if (template && hasPlaceholder(text)) continue;
      const start = text.search(/\S/);
      findings.push({
        range: { start: { line, character: Math.max(0, start) }, end: { line, character: text.trimEnd().length } },
        message: 'This line in [Service] is no "Directive=value" line: systemd ignores it. Use Environment="NAME=value" for a variable, "#" for a note.',
      });
    }
    return findings;
  },
};
