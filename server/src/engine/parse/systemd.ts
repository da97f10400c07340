// systemd unit-file / drop-in parser (what systemd's conf-parser and config_parse_environ do, reduced to what the
// proxy rules need), plus a reader for the shell-style `VAR=value` files that people mistake for dockerd's
// environment (/etc/default/docker, /etc/sysconfig/docker, /etc/environment). Pure: text in, model with ranges out.
//
// Unit-file rules followed here (systemd.syntax(7), systemd.exec(5)):
// - `[Section]` headers; `Key=Value`, whitespace around both trimmed; `#` or `;` at line start is a comment
//   (a `#` later in the line is part of the value);
// - a line ending in an odd number of backslashes continues on the next line: the backslash becomes a space;
//   comment lines inside a continuation are skipped;
// - `Environment=` holds whitespace-separated words; double or single quotes keep spaces; backslash escapes are
//   C-style (inside and outside quotes); each word is `NAME=value`; an empty `Environment=` resets the list;
// - `%x` in a word is a specifier, `%%` a literal `%`. Specifiers are resolved after unquoting.
import type { Range } from '../findingTypes';
import type { LineIndex } from '../lineIndex';

export interface UnitSection {
  name: string;
  /** Range of the whole `[Name]` header. */
  range: Range;
  line: number;
}

/** One `%` specifier in an `Environment=` word (anything but `%%`). */
export interface Specifier {
  /** The character after `%` ('' when `%` ends the word). */
  char: string;
  /** Document offset of the `%` (of the escape that produced it, e.g. `\x25`). */
  start: number;
  /** Document offset just past the specifier character. */
  end: number;
}

/** One `NAME=value` assignment: a word of `Environment=`, or a shell-style line. */
export interface EnvAssignment {
  name: string;
  /**
   * The value as the writer meant it: quotes and escapes decoded, `%%` read as `%`, and any other `%x` kept as written
   * (systemd would instead drop the word or substitute something; see `specifiers`).
   */
  value: string;
  nameRange: Range;
  /** The value text in the document, inside any quotes (empty range right after `=` for an empty value). */
  valueRange: Range;
  /** Document offset of value[0] when every value character is exactly one document character. */
  valueOffset?: number;
  /** [start, end) document offsets of the whole word, quotes included. */
  wordStart: number;
  wordEnd: number;
  /** Set when the word is one quoted string from its first to its last character. */
  quote?: '"' | "'";
  /** `%x` specifiers in the word (never `%%`). Empty for shell-style lines. */
  specifiers: Specifier[];
  /** Why systemd (or the shell) ignores this word, when it does: unterminated quote, bad escape, no `=`, bad name. */
  invalid?: string;
  /**
   * systemd rejects the word (an unclosed quote, an unknown backslash escape such as `DOMAIN\user`), but the name is
   * valid and what the writer meant is clear: `value` holds it (the quote read to the end, the backslash kept).
   */
  recoverable?: boolean;
  /**
   * Set when one quoted word holds several assignments (`"HTTP_PROXY=a HTTPS_PROXY=b"`): systemd sets only `name`
   * (to the whole rest); these are the assignments the writer meant, this word's own first, each with its own ranges.
   */
  packed?: EnvAssignment[];
  line: number;
}

export interface UnitAssignment {
  /** Section name without brackets; '' before the first header. */
  section: string;
  key: string;
  keyRange: Range;
  /** Value after `=`, continuation lines joined (each continuation backslash replaced by a space), ends trimmed. */
  rawValue: string;
  /** From the first to the last character of the value (may span lines). */
  valueRange: Range;
  /** Document offset of each rawValue character (a continuation's space maps to its backslash). */
  rawOffsets: readonly number[];
  /** Line of the key. */
  line: number;
  /** Last line of the assignment (continuations). */
  endLine: number;
  /** Words of `Environment=` (any section); undefined for other keys. */
  environment?: EnvAssignment[];
}

export interface UnitFile {
  sections: UnitSection[];
  assignments: UnitAssignment[];
  /** Lines that are neither blank, comment, header nor `Key=Value` (systemd logs and ignores them). */
  invalidLines: number[];
  /** The same text read as a shell-style environment file (`export VAR=value`, `VAR="value"`). */
  shellAssignments: EnvAssignment[];
}

const WS = ' \t\n\r';
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A decoded character and the document span it came from. */
interface SrcChar { ch: string; start: number; end: number }

export function parseUnitFile(_text: string, lines: LineIndex): UnitFile {
  const sections: UnitSection[] = [];
  const assignments: UnitAssignment[] = [];
  const invalidLines: number[] = [];
  let section = '';
  // A pending assignment whose line ended with a continuation backslash.
  let pending: { key: string; keyRange: Range; line: number; chars: string[]; offsets: number[] } | undefined;

  const finish = (endLine: number) => {
    if (!pending) return;
    const { chars, offsets } = pending;
    while (chars.length > 0 && WS.includes(chars[chars.length - 1])) { chars.pop(); offsets.pop(); }
    const rawValue = chars.join('');
    const valueStart = offsets.length > 0 ? offsets[0] : undefined;
    const assignment: UnitAssignment = {
      section,
      key: pending.key,
      keyRange: pending.keyRange,
      rawValue,
      valueRange: valueStart === undefined
        ? { start: pending.keyRange.end, end: pending.keyRange.end }
        : lines.range(valueStart, offsets[offsets.length - 1] + 1),
      rawOffsets: offsets,
      line: pending.line,
      endLine,
    };
    if (pending.key === 'Environment') assignment.environment = splitEnvironment(lines, rawValue, offsets, pending.line);
    assignments.push(assignment);
    pending = undefined;
  };

  /** Appends `content` (document offset `base`) to the pending value; true when it continues on the next line. */
  const append = (content: string, base: number): boolean => {
    let end = content.length;
    while (end > 0 && WS.includes(content[end - 1])) end--;
    let run = 0;
    while (run < end && content[end - 1 - run] === '\\') run++;
    const continues = run % 2 === 1;
    for (let i = 0; i < end; i++) {
      pending!.chars.push(continues && i === end - 1 ? ' ' : content[i]);
      pending!.offsets.push(base + i);
    }
    return continues;
  };

  for (let line = 0; line < lines.lineCount; line++) {
    let content = lines.lineText(line);
    let start = lines.lineStart(line);
    if (line === 0 && content.startsWith('\uFEFF')) { content = content.slice(1); start += 1; }
    const lead = content.length - content.trimStart().length;
    const first = content[lead];
    if (pending) {
      if (first === '#' || first === ';') continue;
      if (!append(content, start)) finish(line);
      continue;
    }
    if (first === undefined || first === '#' || first === ';') continue;
    if (first === '[') {
      const close = content.indexOf(']', lead);
      const name = close < 0 ? content.slice(lead + 1).trim() : content.slice(lead + 1, close);
      section = name;
      sections.push({ name, range: lines.range(start + lead, start + (close < 0 ? content.trimEnd().length : close + 1)), line });
      continue;
    }
    const eq = content.indexOf('=');
    if (eq < 0) { invalidLines.push(line); continue; }
    const key = content.slice(lead, eq).trimEnd();
    let vs = eq + 1;
    while (vs < content.length && (content[vs] === ' ' || content[vs] === '\t')) vs++;
    pending = { key, keyRange: lines.range(start + lead, start + lead + key.length), line, chars: [], offsets: [] };
    if (!append(content.slice(vs), start + vs)) finish(line);
  }
  finish(lines.lineCount - 1);
  return { sections, assignments, invalidLines, shellAssignments: parseShellEnvironment(lines) };
}

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

function isOneToOne(chars: readonly SrcChar[]): boolean {
  for (let i = 0; i < chars.length; i++) {
    if (chars[i].end - chars[i].start !== 1) return false;
    if (i > 0 && chars[i].start !== chars[i - 1].end) return false;
  }
  return true;
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

/**
 * How a file of kind `systemd-dropin` is read: `unit` for docker.service drop-ins, `shell` for the environment files
 * dockerd's upstream unit never reads. By path when known; otherwise a file without section headers but with
 * `VAR=value` lines is taken as shell-style.
 */
export function unitFileFlavor(path: string | undefined, unit: UnitFile): 'unit' | 'shell' {
  if (path !== undefined) {
    const p = path.replace(/\\/g, '/');
    if (/(^|\/)etc\/(default|sysconfig)\/docker$/.test(p) || /(^|\/)etc\/environment$/.test(p)) return 'shell';
    if (/\.conf$/.test(p) || /\.service$/.test(p)) return 'unit';
  }
  return unit.sections.length === 0 && unit.shellAssignments.length > 0 ? 'shell' : 'unit';
}
