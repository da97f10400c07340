import type { Rule } from '../../rule';
import type { RuleFinding, TextEdit } from '../../findingTypes';
import { SRC } from '../../sources';
import { lazyFix } from '../../fix';

const CURLY_CHARS = '[\u201C\u201D\u2018\u2019\u201E\u00AB\u00BB]';
const HAS_CURLY = new RegExp(CURLY_CHARS);
const CURLY = new RegExp(CURLY_CHARS, 'g');
const DOUBLE = new Set(['\u201C', '\u201D', '\u201E', '\u00AB', '\u00BB']);

export const typographicQuotes: Rule = {
  meta: {
    id: 'PD003',
    name: 'typographic-quotes',
    kinds: ['dockerfile', 'daemon-json', 'cli-config', 'systemd-dropin'],
    defaultSeverity: 'error',
    summary: 'Typographic quotes (“ ” ‘ ’) pasted from a web page are ordinary characters to Docker and systemd, not quotes.',
    description:
      'Text copied from blogs, chat or word processors often carries curly quotes. Neither systemd, nor the Dockerfile ' +
      'parser, nor JSON treat them as quotes: `Environment=“HTTP_PROXY=http://proxy:3128”` assigns a variable whose ' +
      'name starts with `“` (systemd rejects it, or dockerd never reads it), `ENV http_proxy=“http://proxy:3128”` puts ' +
      'the quote characters into the URL, and in JSON they end up inside the string. Either way the proxy is not used.' +
      '\n\nOnly lines that mention a proxy are checked, and comments are skipped. The quick fix replaces them with ' +
      'ASCII quotes (in JSON it removes them, since the string already has its quotes).',
    sources: [SRC.systemdQuoting, SRC.rfc8259Strings],
    examples: {
      bad: { kind: 'systemd-dropin', text: '[Service]\nEnvironment=\u201CHTTPS_PROXY=http://proxy.example.com:3128\u201D\n' },
      good: { kind: 'systemd-dropin', text: '[Service]\nEnvironment="HTTPS_PROXY=http://proxy.example.com:3128"\n' },
    },
  },
  check(doc): RuleFinding[] {
    const json = doc.kind === 'daemon-json' || doc.kind === 'cli-config';
    const findings: RuleFinding[] = [];
    for (let line = 0; line < doc.lines.lineCount; line++) {
      const text = doc.lines.lineText(line);
      if (!/proxy/i.test(text) || !HAS_CURLY.test(text)) continue;
      if (!json && /^\s*[#;]/.test(text)) continue;
      const hits = [...text.matchAll(CURLY)];
      const edits: TextEdit[] = hits.map((m) => ({
        range: { start: { line, character: m.index! }, end: { line, character: m.index! + 1 } },
        newText: json ? '' : DOUBLE.has(m[0]) ? '"' : "'",
      }));
      findings.push({
        range: { start: { line, character: hits[0].index! }, end: { line, character: hits[hits.length - 1].index! + 1 } },
        message: `${hits.map((m) => m[0]).join(' ')}: typographic quotes are not quotes here; they become part of the ${doc.kind === 'systemd-dropin' ? 'assignment' : 'value'} and the proxy setting does not work. Use ASCII quotes.`,
        fixes: [lazyFix(json ? 'Remove the typographic quotes' : 'Replace with ASCII quotes', false, () => edits)],
      });
    }
    return findings;
  },
};
