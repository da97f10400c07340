// Shared by the builder rules: which documents carry script units, how a driver option was meant, and how to write
// it back so that the shell (for `--driver-opt`) and buildx's CSV parsing both leave the intended value.
import type { ParsedDocument } from '../../document';
import type { Fix, RuleFinding, TextEdit } from '../../findingTypes';
import type { Rule, RuleMeta } from '../../rule';
import type { DriverOpt, ScriptUnit } from '../../scripts/scriptUnit';
import { lazyFix } from '../../fix';

export type UnitDocument = Extract<ParsedDocument, { kind: 'shell' | 'ci-workflow' }>;

export function defineUnitRule(meta: RuleMeta, check: (doc: UnitDocument) => RuleFinding[]): Rule {
  return { meta, check: (doc) => (doc.kind === 'shell' || doc.kind === 'ci-workflow' ? check(doc) : []) };
}

/** Every driver option of every builder the document creates, once (a workflow's units never share them). */
export function eachDriverOpt(doc: UnitDocument, fn: (opt: DriverOpt, unit: ScriptUnit) => void): void {
  for (const unit of doc.units) for (const c of unit.creates) for (const opt of c.driverOpts) fn(opt, unit);
}

export interface MeantOption {
  key: string;
  /** The value the writer meant: inner quotes removed. */
  value: string;
  /** How the option is wrong, if it is. */
  problem?: 'split' | 'nested-quotes' | 'unquoted-expansion';
}

const ENV_KEY_RE = /^env\.[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * What an `env.NAME=value` driver option was meant to say, and whether buildx reads it that way. Other options
 * (`network=host`, `image=…`, several `k=v` in one CSV record) are left alone: they are not ours to judge.
 */
export function meantOption(opt: DriverOpt): MeantOption | undefined {
  let text = opt.text;
  const csvQuoted = text.length >= 2 && text.startsWith('"') && text.endsWith('"');
  if (csvQuoted) text = text.slice(1, -1).replace(/""/g, '"');
  const eq = text.indexOf('=');
  if (eq < 0) return undefined;
  const key = text.slice(0, eq);
  if (!ENV_KEY_RE.test(key)) return undefined;
  let value = text.slice(eq + 1);
  const q = value[0];
  if ((q === "'" || q === '"') && value.length >= 2 && value.endsWith(q)) {
    value = value.slice(1, -1);
    return { key, value, problem: 'nested-quotes' };
  }
  if (csvQuoted) return { key, value };
  if (value.includes('"')) return { key, value: value.replace(/"/g, ''), problem: 'nested-quotes' };
  if (value.includes(',')) return { key, value, problem: 'split' };
  // `env.no_proxy=$NO_PROXY`: the variable almost always holds a comma list, which buildx then splits.
  if (/^no_proxy$/i.test(key.slice(4)) && /[$]/.test(value)) return { key, value, problem: 'unquoted-expansion' };
  return { key, value };
}

/** The option as buildx must receive it: CSV-quoted when the value has a comma, a quote or an expansion. */
function csvText(key: string, value: string, quote: boolean): string {
  const field = `${key}=${value}`;
  return quote ? `"${field.replace(/"/g, '""')}"` : field;
}

/** Shell text for one word holding `s` (single quotes unless it must expand, then double quotes). */
function shellQuote(s: string): string {
  if (!/[$`]/.test(s) && !s.includes("'")) return `'${s}'`;
  return `"${s.replace(/(["\\])/g, '\\$1')}"`;
}

/** Edit writing the option so that the shell and buildx's CSV parsing leave `key=value`. */
export function rewriteOption(doc: UnitDocument, opt: DriverOpt, meant: MeantOption): TextEdit | undefined {
  const quote = /[,"]/.test(meant.value) || /[$]/.test(meant.value) && /^no_proxy$/i.test(meant.key.slice(4));
  const csv = csvText(meant.key, meant.value, quote);
  if (opt.origin === 'action') {
    // One line of a block scalar: written as is, trimmed (docker/actions-toolkit getList, quote: false).
    const start = doc.lines.positionAt(opt.mapped.offsets[0]);
    if (doc.lines.lineText(start.line).slice(0, start.character).trim() !== '') return undefined;
    return { range: opt.range, newText: csv };
  }
  const word = opt.word;
  if (!word) return undefined;
  // `--driver-opt=value` keeps its plain prefix; the value is the rest of the word.
  const prefixLength = word.value.length - opt.text.length;
  const prefix = word.value.slice(0, prefixLength);
  if (prefixLength > 0 && doc.text.slice(word.start, word.start + prefixLength) !== prefix) return undefined;
  return { range: doc.lines.range(word.start + prefixLength, word.end), newText: shellQuote(csv) };
}

export function rewriteFix(doc: UnitDocument, opt: DriverOpt, meant: MeantOption, title: string): Fix[] {
  const edit = rewriteOption(doc, opt, meant);
  return edit ? [lazyFix(title, true, () => [edit])] : [];
}
