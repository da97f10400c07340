import type { Rule } from '../../rule';
import { isTemplatePath, maskPlaceholders } from '../../proxy/placeholder';
import type { RuleFinding } from '../../findingTypes';
import { isUnitDoc, setsProxy, serviceEnvironment } from './unitProxyAssignments';
import { SRC } from '../../sources';
import { lazyFix } from '../../fix';

/** Specifier letters systemd resolves in unit files (systemd.unit(5) "Specifiers"); any other `%x` fails. */
const KNOWN_SPECIFIERS = new Set('aAbBCdEfgGhHiIjJlLmMnNoPpqsStTuUvVwWyY');

export const percentSpecifier: Rule = {
  meta: {
    id: 'SV005',
    name: 'percent-specifier',
    kinds: ['systemd-dropin'],
    defaultSeverity: 'error',
    summary: 'A single "%" in a drop-in\'s proxy Environment= value is a systemd specifier: the assignment is dropped or altered.',
    description:
      'In unit files and drop-ins `%` introduces a *specifier* (`%h` is the home directory, `%n` the unit name, …) and ' +
      'only `%%` stands for a literal percent sign. Percent-encoded proxy credentials such as `p%40ss` therefore break: ' +
      '`%4` is no specifier, systemd logs `Failed to resolve specifiers … ignoring` and the whole assignment is dropped, ' +
      'so dockerd starts without that proxy variable. A `%` followed by a specifier letter (`%a`, `%d`, `%E`…) is ' +
      'silently replaced by something else instead.\n\n' +
      'Double every `%` in the value: `http://user:p%%40ss@proxy:3128`. The quick fix does that (systemd then passes ' +
      '`p%40ss` to dockerd). Check the result with `systemctl show --property=Environment docker` after ' +
      '`systemctl daemon-reload`.',
    sources: [SRC.systemdSpecifiers, SRC.daemonProxySystemd],
    examples: {
      bad: {
        kind: 'systemd-dropin',
        text: '[Service]\nEnvironment="HTTP_PROXY=http://alice:s3cr%23t@proxy.example.com:3128"\nEnvironment="HTTPS_PROXY=http://alice:s3cr%23t@proxy.example.com:3128"\n',
      },
      good: {
        kind: 'systemd-dropin',
        text: '[Service]\nEnvironment="HTTP_PROXY=http://alice:s3cr%%23t@proxy.example.com:3128"\nEnvironment="HTTPS_PROXY=http://alice:s3cr%%23t@proxy.example.com:3128"\n',
      },
    },
  },
  check(doc): RuleFinding[] {
    if (!isUnitDoc(doc)) return [];
    const findings: RuleFinding[] = [];
    // In a template, a '%' inside `<%= … %>` or `%PROXY%` is rendered away before systemd reads the file.
    const masked = isTemplatePath(doc.path) ? maskPlaceholders(doc.text) : doc.text;
    for (const { word: raw } of serviceEnvironment(doc)) {
      const specifiers = raw.specifiers.filter((s) => masked[s.start] === doc.text[s.start]);
      const word = { ...raw, specifiers };
      if (word.specifiers.length === 0 || !setsProxy(word)) continue;
      const first = word.specifiers[0];
      const last = word.specifiers[word.specifiers.length - 1];
      const start = doc.lines.positionAt(first.start);
      const lastEnd = doc.lines.positionAt(last.end);
      const end = lastEnd.line === start.line ? lastEnd : doc.lines.positionAt(first.end);
      const names = (word.packed ?? [word]).map((a) => a.name).join(', ');
      const unknown = word.specifiers.some((s) => !KNOWN_SPECIFIERS.has(s.char));
      const outcome = unknown
        ? `systemd fails to resolve it ("Failed to resolve specifiers") and drops ${names}, so dockerd never gets it`
        : `systemd replaces it with a specifier value, so dockerd gets a different ${names}`;
      const count = word.specifiers.length === 1 ? 'A single "%"' : `${word.specifiers.length} single "%" signs`;
      findings.push({
        range: { start, end },
        message: `${count} in a drop-in value: ${outcome}. Write "%%" for a literal "%".`,
        fixes: [lazyFix(
          'Double every single "%" ("%" → "%%")',
          true,
          () => word.specifiers.map((s) => {
            const at = doc.lines.positionAt(s.start);
            return { range: { start: at, end: at }, newText: '%' };
          }),
        )],
      });
    }
    return findings;
  },
};
