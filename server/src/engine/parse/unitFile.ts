// systemd unit-file / drop-in parser (what systemd's conf-parser does, reduced to what the proxy rules need): sections,
// `Key=Value` lines with continuations, and `Environment=` split into words (unitEnvironment.ts). The same text is
// also read as a shell-style environment file (shellEnvironmentFile.ts), and unitFileFlavor says which reading a
// file gets. Pure: text in, model with ranges out.
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
import type { EnvAssignment } from './envAssignment';
import { parseShellEnvironment } from './shellEnvironmentFile';
import { UNIT_WHITESPACE as WS, splitEnvironment } from './unitEnvironment';

export interface UnitSection {
  name: string;
  /** Range of the whole `[Name]` header. */
  range: Range;
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
