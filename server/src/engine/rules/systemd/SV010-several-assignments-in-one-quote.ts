import type { Rule } from '../../rule';
import type { Fix, RuleFinding } from '../../findingTypes';
import type { EnvAssignment } from '../../parse/envAssignment';
import type { UnitAssignment } from '../../parse/unitFile';
import type { SystemdDocument } from '../../document';
import { isUnitDoc, serviceEnvironment, setsProxy } from './unitProxyAssignments';
import { SRC } from '../../sources';
import { lazyFix } from '../../fix';

/** One `Environment=` line per packed assignment, or separately quoted words when the line holds other words too. */
function splitFix(doc: SystemdDocument, line: UnitAssignment, word: EnvAssignment): Fix[] {
  if (!word.quote || !word.packed) return [];
  const pieces: string[] = [];
  for (const p of word.packed) {
    const text = doc.text.slice(p.wordStart, p.wordEnd);
    if (/[\r\n"']/.test(text)) return [];
    pieces.push(word.quote + text + word.quote);
  }
  const wordRange = doc.lines.range(word.wordStart, word.wordEnd);
  if (line.environment?.length === 1 && line.line === line.endLine) {
    const indent = doc.lines.lineText(line.line).slice(0, line.keyRange.start.character);
    const newText = pieces.map((p, i) => (i === 0 ? '' : indent) + `${line.key}=${p}`).join(doc.lines.eol);
    return [lazyFix('One Environment= line per variable', true, () => [{ range: { start: line.keyRange.start, end: wordRange.end }, newText }])];
  }
  return [lazyFix('Quote each assignment separately', true, () => [{ range: wordRange, newText: pieces.join(' ') }])];
}

export const severalAssignmentsInOneQuote: Rule = {
  meta: {
    id: 'SV010',
    name: 'several-assignments-in-one-quote',
    kinds: ['systemd-dropin'],
    defaultSeverity: 'error',
    summary: 'Environment="A=1 B=2" sets one variable A to "1 B=2": quotes group a whole assignment.',
    description:
      '`Environment=` takes a space-separated list of assignments, and quotes keep spaces *inside one assignment*. ' +
      '`Environment="HTTP_PROXY=http://proxy:3128 HTTPS_PROXY=http://proxy:3128"` therefore defines a single variable ' +
      '`HTTP_PROXY` whose value is `http://proxy:3128 HTTPS_PROXY=http://proxy:3128`, which Go cannot parse, and no ' +
      '`HTTPS_PROXY` at all: dockerd ends up without a proxy.\n\n' +
      'Write one `Environment=` line per variable (what the quick fix does), or quote each assignment on its own: ' +
      '`Environment="HTTP_PROXY=…" "HTTPS_PROXY=…"`.',
    sources: [SRC.systemdEnvironment, SRC.daemonProxySystemd],
    examples: {
      bad: { kind: 'systemd-dropin', text: '[Service]\nEnvironment="HTTP_PROXY=http://proxy.example.com:3128 HTTPS_PROXY=http://proxy.example.com:3128"\n' },
      good: { kind: 'systemd-dropin', text: '[Service]\nEnvironment="HTTP_PROXY=http://proxy.example.com:3128"\nEnvironment="HTTPS_PROXY=http://proxy.example.com:3128"\n' },
    },
  },
  check(doc): RuleFinding[] {
    if (!isUnitDoc(doc)) return [];
    const findings: RuleFinding[] = [];
    for (const { line, word } of serviceEnvironment(doc)) {
      if (!word.packed || !setsProxy(word)) continue;
      const others = word.packed.slice(1).map((a) => a.name);
      const wordRange = doc.lines.range(word.wordStart, word.wordEnd);
      findings.push({
        range: wordRange.start.line === wordRange.end.line ? wordRange : word.nameRange,
        message: `One quoted string holds ${word.packed.length} assignments: systemd sets only ${word.name} (to the rest of the string, including ${others.join(', ')}). Write one Environment= line per variable.`,
        fixes: splitFix(doc, line, word),
      });
    }
    return findings;
  },
};
