// How the DF rules read a Dockerfile: stages, proxy ENV/ARG assignments by scope, RUN text, proxy URLs written in
// instruction text, and the edits that delete one assignment. Computed once per document (WeakMap cache).
import type { DockerfileDocument, ParsedDocument } from '../../document';
import type { Fix, ProxyVariable, Range, RuleFinding, TextEdit } from '../../findingTypes';
import type { Rule, RuleMeta } from '../../rule';
import { assignmentsOf, type DockerfileAssignment } from '../../parse/dockerfile';
import { envVariableOf, mayNameProxyVariable } from '../../proxy/names';
import { splitProxyValue } from '../../proxy/proxyValueParts';
import { hasPlaceholder } from '../../proxy/placeholder';
import { lazyFix } from '../../fix';

/** The dockerfile-ast instruction type, without importing the library's classes into every rule. */
export type Instruction = DockerfileDocument['dockerfile'] extends { getInstructions(): (infer I)[] } ? I : never;

export interface ProxyAssignment extends DockerfileAssignment {
  keyword: 'ENV' | 'ARG';
  variable: ProxyVariable;
  instruction: Instruction;
  /** -1 before the first FROM (global scope), else the stage index. */
  stage: number;
  /** All assignments of the same instruction (proxy or not), for deletion edits. */
  siblings: DockerfileAssignment[];
}

export interface Stage {
  index: number;
  from: Instruction;
  /** Image reference as written (`alpine:3.20`, `${BASE}`, a stage name), '' when missing. */
  image: string;
  /** `AS name`, lower-cased, when present. */
  name?: string;
  instructions: Instruction[];
}

export interface DfModel {
  /** Instructions before the first FROM. */
  preamble: Instruction[];
  stages: Stage[];
  /** Every proxy ENV/ARG assignment in file order. */
  proxies: ProxyAssignment[];
  /** The `# syntax=` parser directive when present. */
  syntax?: { value: string; range: Range };
  escape: string;
}

const cache = new WeakMap<object, DfModel>();
const stagesByName = new WeakMap<DfModel, Map<string, Stage>>();

export function dfModel(doc: DockerfileDocument): DfModel {
  const cached = cache.get(doc);
  if (cached) return cached;
  const df = doc.dockerfile;
  const escape = escapeOf(doc);
  const preamble: Instruction[] = [];
  const stages: Stage[] = [];
  const proxies: ProxyAssignment[] = [];
  for (const instruction of df.getInstructions()) {
    const keyword = keywordOf(instruction);
    if (keyword === 'FROM') {
      const args = instruction.getArguments().map((a) => a.getValue());
      const words = args.filter((a) => !a.startsWith('--'));
      const asIndex = words.findIndex((w) => w.toLowerCase() === 'as');
      stages.push({
        index: stages.length,
        from: instruction,
        image: words[0] ?? '',
        name: asIndex >= 0 && words[asIndex + 1] ? words[asIndex + 1].toLowerCase() : undefined,
        instructions: [],
      });
      continue;
    }
    const stage = stages.length - 1;
    if (stage < 0) preamble.push(instruction);
    else stages[stage].instructions.push(instruction);
    if (keyword !== 'ENV' && keyword !== 'ARG') continue;
    if (!mayNameProxyVariable(argumentsText(doc, instruction).text)) continue; // other ENV/ARG lines need no split
    const siblings = assignmentsOf(instruction, doc.text, doc.lines, escape);
    for (const a of siblings) {
      const variable = envVariableOf(a.name);
      if (variable) proxies.push({ ...a, keyword, variable, instruction, stage, siblings });
    }
  }
  let syntax: DfModel['syntax'];
  for (const d of df.getDirectives()) {
    const value = d.getValue();
    if (String(d.getDirective() ?? '').toLowerCase() === 'syntax' && value) syntax = { value, range: d.getRange() };
  }
  const model: DfModel = { preamble, stages, proxies, syntax, escape };
  cache.set(doc, model);
  return model;
}

export function asDockerfile(doc: ParsedDocument): DockerfileDocument | undefined {
  return doc.kind === 'dockerfile' ? doc : undefined;
}

/** The instructions of a stage, plus the stages it builds on by name (`FROM builder`), nearest first. */
export function stageChain(model: DfModel, stage: Stage): Stage[] {
  let byName = stagesByName.get(model);
  if (!byName) {
    // The first stage of each name: a linear scan per lookup made every caller quadratic in the stage count.
    byName = new Map();
    for (const s of model.stages) if (s.name !== undefined && !byName.has(s.name)) byName.set(s.name, s);
    stagesByName.set(model, byName);
  }
  const chain: Stage[] = [stage];
  let current = stage;
  for (let guard = 0; guard < model.stages.length; guard++) {
    const named = byName.get(current.image.toLowerCase());
    const parent = named && named.index < current.index ? named : undefined;
    if (!parent) break;
    chain.push(parent);
    current = parent;
  }
  return chain;
}

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

const runUrlsCache = new WeakMap<object, RunProxyUrl[]>();

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

const escapeCache = new WeakMap<DockerfileDocument, string>();

/** The document's escape character (a parser directive; looked up once, and without dfModel, which calls us). */
function escapeOf(doc: DockerfileDocument): string {
  let escape = escapeCache.get(doc);
  if (escape === undefined) {
    escape = doc.dockerfile.getEscapeCharacter();
    escapeCache.set(doc, escape);
  }
  return escape;
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

/**
 * Edit that deletes one assignment from its ENV/ARG: the whole instruction (with its line break) when it is the only
 * one, else the assignment and the blank before it (or after it, for the first one).
 */
export function deleteAssignmentEdit(doc: DockerfileDocument, instruction: Instruction, siblings: DockerfileAssignment[], target: DockerfileAssignment): TextEdit {
  const index = siblings.findIndex((s) => s.start === target.start);
  if (siblings.length <= 1 || index < 0) return deleteInstructionEdit(doc, instruction);
  if (index === 0) return { range: doc.lines.range(target.start, siblings[1].start), newText: '' };
  return { range: doc.lines.range(siblings[index - 1].end, target.end), newText: '' };
}

export function deleteInstructionEdit(doc: DockerfileDocument, instruction: Instruction): TextEdit {
  const range = instruction.getRange();
  const start = doc.lines.lineStart(range.start.line);
  const end = range.end.line + 1 < doc.lines.lineCount ? doc.lines.lineStart(range.end.line + 1) : doc.text.length;
  return { range: doc.lines.range(start, end), newText: '' };
}

export function deleteAssignmentFix(doc: DockerfileDocument, a: ProxyAssignment, title: string, safe = false): Fix {
  return lazyFix(title, safe, () => [deleteAssignmentEdit(doc, a.instruction, a.siblings, a)]);
}

/** Userinfo `user:password` with a literal (non-variable, non-empty) password, as [start, end) in `value`. */
export function literalPassword(value: string): [number, number] | undefined {
  const parts = splitProxyValue(value);
  if (!parts?.userinfoRange) return undefined;
  const [s, e] = parts.userinfoRange;
  const userinfo = value.slice(s, e);
  const colon = userinfo.indexOf(':');
  if (colon < 0 || colon === userinfo.length - 1 || hasPlaceholder(userinfo)) return undefined;
  return [s, e];
}

/** A proxy URL written in instruction text (RUN command, LABEL, ENV/ARG of a non-standard name ...). */
export interface TextProxyUrl {
  /** Offsets of the value in the document. */
  start: number;
  end: number;
  value: string;
  /** Which variable it is assigned to, when written as `http_proxy=...`. */
  variable?: ProxyVariable;
}

const ASSIGNMENT_RE = /(?<![A-Za-z0-9_$-])((?:https?|ftp|all|socks|no)_proxy)=("[^"\n]*"|'[^'\n]*'|[^\s"';&|)`]*)/gi;
const URL_RE = /\b[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s"'`;|&<>()]+/g;

/**
 * Proxy values written in text: `http_proxy=value` assignments (any case), and `scheme://…` URLs whose preceding
 * text on the same line names a proxy (`--proxy`, `Acquire::http::Proxy`, `proxy=`, `PIP_PROXY=`, curl `-x`).
 */
export function proxyUrlsInText(text: string, offset: number): TextProxyUrl[] {
  const found: TextProxyUrl[] = [];
  for (const m of text.matchAll(ASSIGNMENT_RE)) {
    const raw = m[2];
    const quoted = raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw[raw.length - 1] === raw[0];
    const value = quoted ? raw.slice(1, -1) : raw;
    const start = offset + m.index! + m[1].length + 1 + (quoted ? 1 : 0);
    if (value === '') continue;
    found.push({ start, end: start + value.length, value, variable: envVariableOf(m[1]) });
  }
  const assignments = found.slice();
  for (const m of text.matchAll(URL_RE)) {
    const start = offset + m.index!;
    if (assignments.some((f) => start >= f.start && start < f.end)) continue;
    let before = text.slice(Math.max(0, m.index! - 80), m.index!);
    before = before.slice(before.lastIndexOf('\n') + 1);
    // The last two words before the URL (plus the part of its own word before it) must name a proxy.
    const tail = before.split(/\s+/).slice(-3).join(' ');
    if (!/proxy/i.test(tail) && !/(^|\s)-x\s*["']?$/.test(before)) continue;
    let value = m[0];
    value = value.replace(/[.,\]}]+$/, '');
    found.push({ start, end: start + value.length, value });
  }
  return found.sort((a, b) => a.start - b.start);
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

export interface RunProxyUrl { instruction: Instruction; stage: number; url: TextProxyUrl }

/** Proxy URLs written in the text of RUN instructions, with the instruction they sit in. Callers must not mutate it. */
export function runProxyUrls(doc: DockerfileDocument): readonly RunProxyUrl[] {
  const cached = runUrlsCache.get(doc);
  if (cached) return cached;
  const model = dfModel(doc);
  const result: RunProxyUrl[] = [];
  for (const stage of model.stages) {
    for (const instruction of stage.instructions) {
      if (keywordOf(instruction) !== 'RUN') continue;
      for (const url of instructionProxyUrls(doc, instruction)) result.push({ instruction, stage: stage.index, url });
    }
  }
  runUrlsCache.set(doc, result);
  return result;
}

/** The shared sentence for "pulls use the builder's proxy, not build args" (facts §4 "FROM is not affected", §5). */
export function builderProxySentence(variable: string, withSyntax: boolean): string {
  const pulls = withSyntax ? 'base-image and "# syntax=" frontend pulls use' : 'base-image pulls use';
  return (
    `${pulls} the builder's proxy (dockerd's daemon.json "proxies" or systemd drop-in with the default docker driver; ` +
    `--driver-opt env.${variable.toLowerCase()}=… for a docker-container builder), and the registry token is fetched ` +
    'with the proxy of the shell running docker build'
  );
}

export function defineRule(meta: RuleMeta, check: (doc: DockerfileDocument) => RuleFinding[]): Rule {
  return {
    meta,
    check(doc) {
      const df = asDockerfile(doc);
      return df ? check(df) : [];
    },
  };
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
