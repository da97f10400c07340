// Dockerfile model: dockerfile-ast's tree (ranges are already LSP positions) plus the parser directives, and a small
// word splitter for what dockerfile-ast leaves coarse (`ARG A B=c` declares two args; it reports one property).
import type { Dockerfile } from 'dockerfile-ast';
import { parseDockerfileLazily } from './dockerfileLazyParser';
import type { Range } from '../findingTypes';
import type { LineIndex } from '../lineIndex';
import { memoOn } from '../documentMemo';

export type { Dockerfile };

export function parseDockerfile(text: string): Dockerfile {
  return parseDockerfileLazily(text);
}

/** One whitespace-separated word of an instruction's arguments, with quotes removed as the builder would. */
export interface DockerfileWord {
  /** Offsets of the word in the document, quotes included. */
  start: number;
  end: number;
  /** The word as the builder reads it: quotes removed, escapes resolved, line continuations dropped. */
  value: string;
  /** For each character of `value`, its offset in the document (so parts of a value can be pointed at). */
  offsets: number[];
}

/**
 * Splits text[start, end) into words the way the Dockerfile frontend does for ARG/ENV: whitespace separates words
 * outside quotes, `'…'` and `"…"` group, the escape character escapes the next character, and escape + newline is a
 * line continuation (comment lines inside a continued instruction are skipped). Never throws.
 */
export function splitWords(text: string, start: number, end: number, escapeChar = '\\'): DockerfileWord[] {
  const words: DockerfileWord[] = [];
  let current: DockerfileWord | undefined;
  let quote: '"' | "'" | undefined;
  const limit = Math.min(end, text.length);
  let i = Math.max(0, start);
  const push = (ch: string, at: number) => {
    current ??= { start: at, end: at, value: '', offsets: [] };
    current.value += ch;
    current.offsets.push(at);
  };
  const atLineBreak = (at: number): number => {
    // Length of a line break at `at` (\n or \r\n), possibly after trailing blanks; 0 if none.
    let j = at;
    while (j < limit && (text[j] === ' ' || text[j] === '\t')) j++;
    if (text[j] === '\n') return j + 1 - at;
    if (text[j] === '\r' && text[j + 1] === '\n') return j + 2 - at;
    return 0;
  };
  while (i < limit) {
    const c = text[i];
    if (c === escapeChar && quote !== "'") {
      const br = atLineBreak(i + 1);
      if (br > 0) {
        i += 1 + br;
        // Skip comment lines (and blank lines) that sit inside the continuation.
        for (;;) {
          let j = i;
          while (j < limit && (text[j] === ' ' || text[j] === '\t')) j++;
          if (text[j] === '#') {
            const nl = text.indexOf('\n', j);
            i = nl < 0 || nl >= limit ? limit : nl + 1;
            continue;
          }
          break;
        }
        continue;
      }
      if (i + 1 < limit && !(quote === '"' && !'"\\$`'.includes(text[i + 1]) && escapeChar === '\\')) {
        current ??= { start: i, end: i, value: '', offsets: [] };
        push(text[i + 1], i + 1);
        current.end = i + 2;
        i += 2;
        continue;
      }
    }
    if (quote) {
      if (c === quote) {
        quote = undefined;
        current!.end = i + 1;
      } else {
        push(c, i);
        current!.end = i + 1;
      }
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      current ??= { start: i, end: i + 1, value: '', offsets: [] };
      current.end = i + 1;
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      if (current) words.push(current);
      current = undefined;
      i++;
      continue;
    }
    push(c, i);
    current!.end = i + 1;
    i++;
  }
  if (current) words.push(current);
  return words;
}

/** Minimal view of the dockerfile-ast instruction API used here (keeps the engine's own types independent). */
interface InstructionLike {
  getKeyword(): string;
  getRange(): Range;
  getArgumentsRange(): Range | null;
}
interface PropertyLike {
  getName(): string;
  getNameRange(): Range;
  getValue(): string | null;
  getValueRange(): Range | null;
  getRange(): Range;
}

/** One `NAME[=value]` item of an ARG, or one `NAME=value` / `NAME value` item of an ENV. */
export interface DockerfileAssignment {
  name: string;
  nameRange: Range;
  /** Decoded value; undefined for an ARG declared without a default. */
  value?: string;
  valueRange?: Range;
  /** Offset of value[0] in the document when the value maps 1:1 to the text (no quotes, escapes, continuations). */
  valueOffset?: number;
  /** Offsets of the whole item (name, '=' and value, quotes included). */
  start: number;
  end: number;
}

/**
 * The assignments of an ENV or ARG instruction. ENV comes from dockerfile-ast's properties (which also handle the
 * legacy `ENV NAME value with spaces` form); ARG is split here because one ARG may declare several names.
 */
export function assignmentsOf(instruction: InstructionLike, text: string, lines: LineIndex, escapeChar = '\\'): DockerfileAssignment[] {
  // Memoised per instruction object (one parse each): the DF rules and the settings extraction both ask.
  return memoOn(instruction, ASSIGNMENTS, () => readAssignments(instruction, text, lines, escapeChar));
}

const ASSIGNMENTS = Symbol('ENV/ARG assignments');

function readAssignments(instruction: InstructionLike, text: string, lines: LineIndex, escapeChar: string): DockerfileAssignment[] {
  const keyword = instruction.getKeyword();
  if (keyword === 'ENV') {
    const props = (instruction as unknown as { getProperties?(): PropertyLike[] }).getProperties?.() ?? [];
    const result: DockerfileAssignment[] = [];
    for (const p of props) {
      const name = p.getName();
      if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name)) continue; // `<<EOT` and other non-names
      const value = p.getValue();
      const valueRange = p.getValueRange() ?? undefined;
      let valueOffset: number | undefined;
      if (value !== null && valueRange) {
        const s = lines.offsetAt(valueRange.start);
        if (text.slice(s, lines.offsetAt(valueRange.end)) === value) valueOffset = s;
      }
      const range = p.getRange();
      result.push({
        name,
        nameRange: p.getNameRange(),
        value: value ?? '',
        valueRange: valueRange ?? { start: p.getNameRange().end, end: p.getNameRange().end },
        valueOffset,
        start: lines.offsetAt(range.start),
        end: lines.offsetAt(range.end),
      });
    }
    return result;
  }
  if (keyword !== 'ARG') return [];
  const args = instruction.getArgumentsRange();
  if (!args) return [];
  const end = lines.offsetAt(instruction.getRange().end);
  const result: DockerfileAssignment[] = [];
  for (const word of splitWords(text, lines.offsetAt(args.start), end, escapeChar)) {
    const eq = word.value.indexOf('=');
    const name = eq < 0 ? word.value : word.value.slice(0, eq);
    if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name)) continue;
    const nameStart = word.offsets[0] ?? word.start;
    const nameEnd = eq < 0 ? word.end : word.offsets[eq];
    const item: DockerfileAssignment = { name, nameRange: lines.range(nameStart, nameEnd), start: word.start, end: word.end };
    if (eq >= 0) {
      const value = word.value.slice(eq + 1);
      const valueStart = word.offsets[eq] + 1;
      item.value = value;
      item.valueRange = lines.range(valueStart, word.end);
      if (text.slice(valueStart, word.end) === value) item.valueOffset = valueStart;
    }
    result.push(item);
  }
  return result;
}
