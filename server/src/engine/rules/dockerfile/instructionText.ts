// How the DF rules read one instruction: its keyword, the document text of its arguments, the proxy URLs and
// variable references written in it, and whether a RUN uses the host's network. Each is computed once per instruction.
import type { DockerfileDocument } from '../../document';
import { memoOn } from '../../documentMemo';
import { proxyUrlsInText, type TextProxyUrl } from './textProxyUrls';

/** The dockerfile-ast instruction type, without importing the library's classes into every rule. */
export type Instruction = DockerfileDocument['dockerfile'] extends { getInstructions(): (infer I)[] } ? I : never;

const ESCAPE = Symbol('escape character');

// Per-instruction memos. dockerfile-ast recomputes an instruction's arguments on every getArgumentsRange() call (a
// re-tokenisation), its keyword on every getKeyword() (an upper-casing), and a dozen rules read the same RUN text, so
// each is computed once and kept on the instruction object itself under a private symbol: a property read is much
// cheaper than a WeakMap lookup on this hot path, and the object belongs to exactly one parse, so nothing outlives or
// crosses a document.
const MEMO = Symbol('proxy-doctor instruction memo');
interface InstructionMemo {
  keyword: string;
  args?: { text: string; offset: number };
  urls?: TextProxyUrl[];
  refs?: VariableRef[];
  hostNetwork?: boolean;
}
type Memoised = Instruction & { [MEMO]?: InstructionMemo };

function memoOf(instruction: Instruction): InstructionMemo {
  const target = instruction as Memoised;
  return (target[MEMO] ??= { keyword: instruction.getKeyword() });
}

/** The instruction's keyword, upper-cased (`RUN`), computed once. */
export function keywordOf(instruction: Instruction): string {
  return memoOf(instruction).keyword;
}

/** Document text of an instruction's arguments (heredoc bodies included), and where it starts. */
export function argumentsText(doc: DockerfileDocument, instruction: Instruction): { text: string; offset: number } {
  const memo = memoOf(instruction);
  if (memo.args) return memo.args;
  const end = doc.lines.offsetAt(instruction.getRange().end);
  const start = plainArgumentsStart(doc, instruction, end) ?? libraryArgumentsStart(doc, instruction);
  memo.args = start === undefined ? { text: '', offset: end } : { text: doc.text.slice(start, Math.max(start, end)), offset: start };
  return memo.args;
}

/**
 * Where the arguments start in the common case, found without dockerfile-ast's tokeniser: the first character after
 * the keyword and its blanks, when that is an ordinary character. A flag (`--mount`), a line continuation, a comment
 * or an instruction without arguments returns undefined, and the library decides (test/unit/dockerfile-args.test.ts
 * checks both paths agree).
 */
function plainArgumentsStart(doc: DockerfileDocument, instruction: Instruction, end: number): number | undefined {
  // HEALTHCHECK looks for flags up to its CMD/NONE word, anywhere among the first words: the library decides.
  if (keywordOf(instruction) === 'HEALTHCHECK') return undefined;
  let i = doc.lines.offsetAt(instruction.getInstructionRange().end);
  const text = doc.text;
  while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
  if (i >= end) return undefined;
  const c = text[i];
  if (c === '\n' || c === '\r' || c === '#' || c === '-' || c === escapeOf(doc)) return undefined;
  // The library drops one leading word per flag found among the first words that contain "--" anywhere
  // (`RUN x--y --network=host cmd` starts at `cmd`), so such a first word goes to the library too.
  let wordEnd = i;
  while (wordEnd < end && text[wordEnd] !== ' ' && text[wordEnd] !== '\t' && text[wordEnd] !== '\n' && text[wordEnd] !== '\r') wordEnd++;
  if (text.slice(i, wordEnd).includes('--')) return undefined;
  return i;
}

/** The document's escape character (a parser directive; looked up once, and without dfModel, which calls us). */
export function escapeOf(doc: DockerfileDocument): string {
  return memoOn(doc, ESCAPE, () => doc.dockerfile.getEscapeCharacter());
}


/** Where dockerfile-ast puts the first argument (flags of RUN/COPY/ADD/FROM excluded). Exported for the test. */
export function libraryArgumentsStart(doc: DockerfileDocument, instruction: Instruction): number | undefined {
  const args = instruction.getArgumentsRange();
  return args ? doc.lines.offsetAt(args.start) : undefined;
}

/** True when a RUN runs in the host's network namespace (`RUN --network=host`), where loopback is the host. */
export function isHostNetworkRun(doc: DockerfileDocument, instruction: Instruction): boolean {
  const memo = memoOf(instruction);
  if (memo.hostNetwork !== undefined) return memo.hostNetwork;
  // Reading the flags re-tokenises the instruction; without the word "network" in its text there is no such flag.
  const range = instruction.getRange();
  if (!doc.text.slice(doc.lines.offsetAt(range.start), doc.lines.offsetAt(range.end)).includes('network')) return (memo.hostNetwork = false);
  const flags = (instruction as unknown as { getFlags?(): { getName(): string; getValue(): string | null }[] }).getFlags?.() ?? [];
  return (memo.hostNetwork = flags.some((f) => f.getName() === 'network' && f.getValue() === 'host'));
}

/** proxyUrlsInText over an instruction's arguments, computed once per instruction. Callers must not mutate it. */
export function instructionProxyUrls(doc: DockerfileDocument, instruction: Instruction): readonly TextProxyUrl[] {
  const memo = memoOf(instruction);
  if (!memo.urls) {
    const { text, offset } = argumentsText(doc, instruction);
    memo.urls = proxyUrlsInText(text, offset);
  }
  return memo.urls;
}


/** A `$NAME` or `${NAME…}` reference the frontend expands (not inside single quotes, not escaped). */
export interface VariableRef {
  name: string;
  /** Offsets of the whole reference in the document. */
  start: number;
  end: number;
  /** True for `${NAME:-x}`, `${NAME:+x}` and other forms with a modifier. */
  modifier: boolean;
}

/**
 * Variable references in an instruction's arguments. Linear in the text (dockerfile-ast's getVariables() resolves
 * each variable against the whole file, which is quadratic on large files).
 */
export function variableRefs(doc: DockerfileDocument, instruction: Instruction, escape: string): readonly VariableRef[] {
  // The escape character is fixed per document, so the instruction alone keys the memo.
  const memo = memoOf(instruction);
  return (memo.refs ??= scanVariableRefs(argumentsText(doc, instruction), escape));
}

function scanVariableRefs({ text, offset }: { text: string; offset: number }, escape: string): VariableRef[] {
  const refs: VariableRef[] = [];
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote === "'") { if (c === "'") quote = undefined; continue; }
    if (c === escape) { i++; continue; }
    if (c === '"') { quote = quote === '"' ? undefined : '"'; continue; }
    if (c === "'" && !quote) { quote = "'"; continue; }
    if (c !== '$') continue;
    if (text[i + 1] === '{') {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 2, i + 258));
      if (!m) continue;
      const close = text.indexOf('}', i + 2 + m[0].length);
      const end = close < 0 ? i + 2 + m[0].length : close + 1;
      refs.push({ name: m[0], start: offset + i, end: offset + end, modifier: text[i + 2 + m[0].length] !== '}' });
      i = end - 1;
    } else {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1, i + 257));
      if (!m) continue;
      refs.push({ name: m[0], start: offset + i, end: offset + i + 1 + m[0].length, modifier: false });
      i += m[0].length;
    }
  }
  return refs;
}
