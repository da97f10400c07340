// `Environment=` values split into words the way systemd does (extract_first_word with unquoting and C unescapes,
// systemd.exec(5)): each word a `NAME=value` assignment with `%` specifiers recorded, plus the assignments a writer
// packed into one quoted word. Pure: the joined value and each character's document offset in, assignments out.
import type { LineIndex } from '../lineIndex';
import { ENV_NAME, isOneToOne, type EnvAssignment, type SrcChar, type Specifier } from './envAssignment';

/** Whitespace between words (and around unit-file keys and values). */
export const UNIT_WHITESPACE = ' \t\n\r';
const WS = UNIT_WHITESPACE;

/** C-style escape after a backslash at `chars[i]` (systemd's cunescape_one); undefined when invalid. */
function unescapeAt(chars: string, i: number): { text: string; length: number } | undefined {
  const c = chars[i + 1];
  if (c === undefined) return undefined;
  const simple: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"', "'": "'", s: ' ' };
  if (c in simple) return { text: simple[c], length: 2 };
  const hex = (digits: number, from: number) => {
    const h = chars.slice(from, from + digits);
    return h.length === digits && /^[0-9A-Fa-f]+$/.test(h) ? parseInt(h, 16) : undefined;
  };
  if (c === 'x') { const n = hex(2, i + 2); return n === undefined || n === 0 ? undefined : { text: String.fromCharCode(n), length: 4 }; }
  if (c === 'u' || c === 'U') {
    const digits = c === 'u' ? 4 : 8;
    const n = hex(digits, i + 2);
    return n === undefined || n === 0 || n > 0x10ffff ? undefined : { text: String.fromCodePoint(n), length: 2 + digits };
  }
  if (/[0-7]/.test(c)) {
    const o = chars.slice(i + 1, i + 4);
    if (!/^[0-7]{3}$/.test(o)) return undefined;
    const n = parseInt(o, 8);
    return n === 0 || n > 255 ? undefined : { text: String.fromCharCode(n), length: 4 };
  }
  return undefined;
}

/** Builds an assignment from decoded characters (specifiers already folded), split at the first `=`. */
function assignmentOf(
  lines: LineIndex, decoded: readonly SrcChar[], wordStart: number, wordEnd: number, line: number,
  specifiers: Specifier[], quote: EnvAssignment['quote'], invalid: string | undefined,
): EnvAssignment {
  const eq = decoded.findIndex((c) => c.ch === '=');
  const nameChars = eq < 0 ? decoded : decoded.slice(0, eq);
  const valueChars = eq < 0 ? [] : decoded.slice(eq + 1);
  const name = nameChars.map((c) => c.ch).join('');
  const nameStart = nameChars.length > 0 ? nameChars[0].start : wordStart;
  const nameEnd = nameChars.length > 0 ? nameChars[nameChars.length - 1].end : wordStart;
  const valueStart = valueChars.length > 0 ? valueChars[0].start : eq >= 0 ? decoded[eq].end : wordEnd;
  const valueEnd = valueChars.length > 0 ? valueChars[valueChars.length - 1].end : valueStart;
  let why = invalid;
  if (!why && eq < 0) why = 'no "=" in the assignment';
  if (!why && !ENV_NAME.test(name)) why = 'not a valid variable name';
  return {
    name,
    value: valueChars.map((c) => c.ch).join(''),
    nameRange: lines.range(nameStart, nameEnd),
    valueRange: lines.range(valueStart, valueEnd),
    valueOffset: isOneToOne(valueChars) ? valueStart : undefined,
    wordStart,
    wordEnd,
    quote,
    specifiers,
    invalid: why,
    line,
  };
}

/** `Environment=` value -> assignments, the way systemd splits it (extract_first_word with unquote + C unescape). */
export function splitEnvironment(lines: LineIndex, raw: string, offsets: readonly number[], line: number): EnvAssignment[] {
  const result: EnvAssignment[] = [];
  const n = raw.length;
  let i = 0;
  while (i < n) {
    while (i < n && WS.includes(raw[i])) i++;
    if (i >= n) break;
    const first = i;
    const decoded: SrcChar[] = [];
    let quote: string | undefined;
    let invalid: string | undefined;
    let quotes = 0;
    while (i < n) {
      const c = raw[i];
      if (!quote && WS.includes(c)) break;
      if (c === '\\') {
        const esc = unescapeAt(raw, i);
        if (!esc) {
          invalid ??= 'an invalid backslash escape';
          decoded.push({ ch: c, start: offsets[i], end: offsets[i] + 1 });
          i++;
          continue;
        }
        for (const ch of esc.text) decoded.push({ ch, start: offsets[i], end: offsets[i + esc.length - 1] + 1 });
        i += esc.length;
        continue;
      }
      if (quote) {
        if (c === quote) quote = undefined;
        else decoded.push({ ch: c, start: offsets[i], end: offsets[i] + 1 });
        i++;
        continue;
      }
      if (c === '"' || c === "'") { quote = c; quotes++; i++; continue; }
      decoded.push({ ch: c, start: offsets[i], end: offsets[i] + 1 });
      i++;
    }
    if (quote) invalid ??= 'an unterminated quote';
    const wordStart = offsets[first];
    const wordEnd = offsets[i - 1] + 1;
    const wholeQuote = quotes === 1 && (raw[first] === '"' || raw[first] === "'") && raw[i - 1] === raw[first] && i - 1 > first
      ? (raw[first] as '"' | "'") : undefined;

    // Specifiers: `%%` -> `%` (one decoded char spanning both), any other `%x` kept as written and recorded.
    const folded: SrcChar[] = [];
    const specifiers: Specifier[] = [];
    for (let j = 0; j < decoded.length; j++) {
      const d = decoded[j];
      if (d.ch !== '%') { folded.push(d); continue; }
      const next = decoded[j + 1];
      if (next?.ch === '%') { folded.push({ ch: '%', start: d.start, end: next.end }); j++; continue; }
      specifiers.push({ char: next?.ch ?? '', start: d.start, end: next ? next.end : d.end });
      folded.push(d);
    }
    const assignment = assignmentOf(lines, folded, wordStart, wordEnd, line, specifiers, wholeQuote, invalid);
    if (invalid && ENV_NAME.test(assignment.name) && folded.some((c) => c.ch === '=')) assignment.recoverable = true;
    if (quotes > 0 && !assignment.invalid) {
      const packed = unpack(lines, folded, specifiers, line);
      if (packed) assignment.packed = packed;
    }
    result.push(assignment);
  }
  return result;
}

/** Splits `A=1 B=2` (one decoded word) where whitespace is followed by `NAME=`; undefined when there is one assignment. */
function unpack(lines: LineIndex, folded: readonly SrcChar[], specifiers: readonly Specifier[], line: number): EnvAssignment[] | undefined {
  const s = folded.map((c) => c.ch).join('');
  const eq = s.indexOf('=');
  const cuts: Array<[number, number]> = []; // [end of previous piece, start of next piece]
  const re = /\s+(?=[A-Za-z_][A-Za-z0-9_]*=)/g;
  re.lastIndex = eq + 1;
  for (let m = re.exec(s); m; m = re.exec(s)) cuts.push([m.index, m.index + m[0].length]);
  if (cuts.length === 0) return undefined;
  const pieces: EnvAssignment[] = [];
  let from = 0;
  for (let k = 0; k <= cuts.length; k++) {
    const to = k < cuts.length ? cuts[k][0] : folded.length;
    const chars = folded.slice(from, to);
    if (chars.length > 0) {
      const start = chars[0].start;
      const end = chars[chars.length - 1].end;
      pieces.push(assignmentOf(lines, chars, start, end, line, specifiers.filter((sp) => sp.start >= start && sp.start < end), undefined, undefined));
    }
    if (k < cuts.length) from = cuts[k][1];
  }
  return pieces;
}
