import type { Rule } from '../../rule';
import type { Fix, RuleFinding } from '../../findingTypes';
import { envVariableOf } from '../../proxy/names';
import { isUnitDoc, serviceEnvironment } from './unitProxyAssignments';
import { SRC } from '../../sources';
import { lazyFix } from '../../fix';

export const rejectedAssignment: Rule = {
  meta: {
    id: 'SV015',
    name: 'rejected-assignment',
    kinds: ['systemd-dropin'],
    defaultSeverity: 'error',
    summary: 'systemd rejects a proxy Environment= assignment with an unclosed quote or an unknown backslash escape.',
    description:
      'systemd reads `Environment=` values with shell-like quoting and C-style backslash escapes (`\\n`, `\\t`, ' +
      '`\\\\`, `\\x41`, …). A quote that is never closed, or a backslash that starts no known escape, makes systemd log ' +
      '"Invalid syntax" and ignore the assignment, so dockerd starts without that proxy variable. The classic case is ' +
      'a Windows-style user name: `http://DOMAIN\\user:pass@proxy:3128`, where `\\u` is an incomplete Unicode escape.\n\n' +
      'Close the quote (the quick fix does, at the end of the line). For a backslash inside a proxy user name, ' +
      'percent-encode it instead: `DOMAIN%%5Cuser` (`%5C`, with the `%` doubled for systemd).',
    sources: [SRC.systemdQuoting, SRC.systemdEnvironment],
    examples: {
      bad: {
        kind: 'systemd-dropin',
        text: '[Service]\nEnvironment="HTTP_PROXY=http://proxy.example.com:3128\nEnvironment="HTTPS_PROXY=http://proxy.example.com:3128"\n',
      },
      good: {
        kind: 'systemd-dropin',
        text: '[Service]\nEnvironment="HTTP_PROXY=http://proxy.example.com:3128"\nEnvironment="HTTPS_PROXY=http://proxy.example.com:3128"\n',
      },
    },
  },
  check(doc): RuleFinding[] {
    if (!isUnitDoc(doc)) return [];
    const findings: RuleFinding[] = [];
    for (const { line, word } of serviceEnvironment(doc)) {
      if (!word.recoverable || !envVariableOf(word.name)) continue;
      const unclosed = word.invalid === 'an unterminated quote';
      const fixes: Fix[] = [];
      if (unclosed && line.line === line.endLine && word.quote === undefined) {
        const end = doc.lines.positionAt(word.wordEnd);
        const opening = doc.text.slice(word.wordStart, word.wordEnd).match(/["']/)?.[0] ?? '"';
        fixes.push(lazyFix('Close the quote', true, () => [{ range: { start: end, end }, newText: opening }]));
      }
      findings.push({
        range: word.nameRange,
        message: unclosed
          ? `systemd rejects this assignment (the quote is never closed), so dockerd never gets ${word.name}. Close the quote.`
          : `systemd rejects this assignment (a backslash that starts no known escape), so dockerd never gets ${word.name}. ` +
            'In a proxy user name write the backslash as "%%5C".',
        fixes,
      });
    }
    return findings;
  },
};
