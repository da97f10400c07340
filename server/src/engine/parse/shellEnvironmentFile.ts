// Shell-style environment files that people mistake for dockerd's environment (/etc/default/docker,
// /etc/sysconfig/docker, /etc/environment): `VAR=value` lines. Pure: text in, assignments with ranges out.
import type { LineIndex } from '../lineIndex';
import { isOneToOne, type EnvAssignment, type SrcChar } from './envAssignment';

/**
 * Shell-style environment lines: `VAR=value`, `export VAR=value`, values unquoted, "double" or 'single' quoted.
 * Enough for /etc/default/docker, /etc/sysconfig/docker and /etc/environment (pam_env's simple format).
 */
export function parseShellEnvironment(lines: LineIndex): EnvAssignment[] {
  const result: EnvAssignment[] = [];
  const re = /^(\s*(?:export\s+)?)([A-Za-z_][A-Za-z0-9_]*)=/;
  for (let line = 0; line < lines.lineCount; line++) {
    let content = lines.lineText(line);
    let start = lines.lineStart(line);
    if (line === 0 && content.startsWith('\uFEFF')) { content = content.slice(1); start += 1; }
    const m = re.exec(content);
    if (!m) continue;
    const nameStart = start + m[1].length;
    const valueFrom = m[0].length;
    const decoded: SrcChar[] = [];
    let quote: string | undefined;
    let i = valueFrom;
    for (; i < content.length; i++) {
      const c = content[i];
      if (!quote && (c === ' ' || c === '\t' || c === '#' || c === ';')) break;
      if (quote) {
        if (c === quote) { quote = undefined; continue; }
        if (quote === '"' && c === '\\' && i + 1 < content.length && '$`"\\'.includes(content[i + 1])) {
          decoded.push({ ch: content[i + 1], start: start + i, end: start + i + 2 });
          i++;
          continue;
        }
        decoded.push({ ch: c, start: start + i, end: start + i + 1 });
        continue;
      }
      if (c === '"' || c === "'") { quote = c; continue; }
      if (c === '\\' && i + 1 < content.length) {
        decoded.push({ ch: content[i + 1], start: start + i, end: start + i + 2 });
        i++;
        continue;
      }
      decoded.push({ ch: c, start: start + i, end: start + i + 1 });
    }
    const valueStart = decoded.length > 0 ? decoded[0].start : start + valueFrom;
    const valueEnd = decoded.length > 0 ? decoded[decoded.length - 1].end : valueStart;
    result.push({
      name: m[2],
      value: decoded.map((c) => c.ch).join(''),
      nameRange: lines.range(nameStart, nameStart + m[2].length),
      valueRange: lines.range(valueStart, valueEnd),
      valueOffset: isOneToOne(decoded) ? valueStart : undefined,
      wordStart: nameStart,
      wordEnd: start + i,
      specifiers: [],
      invalid: quote ? 'an unterminated quote' : undefined,
      line,
    });
  }
  return result;
}
