// Sets values in a JSON file's text the way the existing fixes do (jsonc-parser's modify: every other byte kept),
// or says why the file cannot be edited safely.
import { parseDocument, type JsonDocument } from '../document';
import { unlintableReason } from '../lint';
import type { FileKind } from '../findingTypes';

/** Why this JSON text must not be rewritten, or undefined when it can be. */
export function jsonBlockReason(text: string, kind: FileKind): string | undefined {
  const unlintable = unlintableReason(text, kind);
  if (unlintable) return unlintable;
  const doc = parseDocument(text, kind) as JsonDocument;
  const err = doc.json.syntaxErrors[0];
  if (err) return `it is not valid JSON (line ${err.range.start.line + 1}: ${err.message}); fix that first`;
  if (doc.json.root && doc.json.root.type !== 'object') return 'its top level is not a JSON object; fix that first';
  return undefined;
}

type Node = NonNullable<JsonDocument['json']['root']>;

/** Depth of a node in the tree (root object = 0). */
function depthOf(node: Node): number {
  let d = 0;
  for (let p = node.parent; p; p = p.parent) if (p.type === 'object' || p.type === 'array') d++;
  return d;
}

function render(value: unknown, depth: number, unit: string, eol: string, compact: boolean): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const entries = Object.entries(value as Record<string, unknown>);
  if (compact) return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${render(v, depth + 1, unit, eol, true)}`).join(',')}}`;
  const inner = unit.repeat(depth + 1);
  return `{${eol}${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${render(v, depth + 1, unit, eol, false)}`).join(`,${eol}`)}${eol}${unit.repeat(depth)}}`;
}

/**
 * Sets one value at `path` by splicing text: a value that exists is replaced in place; a missing key is added after
 * the last property of its object, indented like the file. Every other byte stays as it was (jsonc-parser's
 * formatter would re-lay neighbouring values).
 */
function setOne(text: string, path: readonly string[], value: unknown, fresh: boolean): string {
  const doc = parseDocument(text, 'daemon-json') as JsonDocument;
  const eol = doc.lines.eol;
  const firstIndent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  const indentUnit = firstIndent.startsWith('\t') ? '\t' : ' '.repeat(firstIndent.length || 2);
  const compact = !fresh && !/\n[ \t]*"/.test(text);
  let node = doc.json.root as Node | undefined;
  if (!node) return render(nest(path, value), 0, indentUnit, eol, compact) + eol;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const props = (node!.children ?? []).filter((c) => c.type === 'property' && c.children?.[0]?.value === key);
    const prop = props[props.length - 1];
    const rest = nest(path.slice(i + 1), value);
    if (!prop || !prop.children?.[1]) {
      const depth = depthOf(node!);
      const entry = `${JSON.stringify(key)}:${compact ? '' : ' '}${render(rest, depth + 1, indentUnit, eol, compact)}`;
      const last = (node!.children ?? [])[(node!.children ?? []).length - 1];
      if (!last) {
        const body = compact ? `{${entry}}` : `{${eol}${indentUnit.repeat(depth + 1)}${entry}${eol}${indentUnit.repeat(depth)}}`;
        return text.slice(0, node!.offset) + body + text.slice(node!.offset + node!.length);
      }
      const at = last.offset + last.length;
      return text.slice(0, at) + (compact ? `,${entry}` : `,${eol}${indentUnit.repeat(depth + 1)}${entry}`) + text.slice(at);
    }
    const valueNode = prop.children[1] as Node;
    if (i === path.length - 1 || valueNode.type !== 'object') {
      const rendered = render(rest, depthOf(valueNode), indentUnit, eol, compact);
      const current = text.slice(valueNode.offset, valueNode.offset + valueNode.length);
      if (i === path.length - 1 && typeof value === 'string' && valueNode.type === 'string' && valueNode.value === value) return text;
      return current === rendered ? text : text.slice(0, valueNode.offset) + rendered + text.slice(valueNode.offset + valueNode.length);
    }
    node = valueNode;
  }
  return text;
}

function nest(path: readonly string[], value: unknown): unknown {
  return path.reduceRight<unknown>((acc, key) => ({ [key]: acc }), value);
}

/** The text with each `path` set to its value (a leading BOM kept). Paths are applied one after another. */
export function setJsonValues(text: string, values: ReadonlyArray<{ path: string[]; value: unknown }>): string {
  const bom = text.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
  let current = bom ? text.slice(1) : text;
  // A new or empty file is written in Docker's own layout (two spaces); an existing one keeps its layout.
  const fresh = current.trim() === '' || current.trim() === '{}';
  if (fresh) current = '{}\n';
  for (const v of values) current = setOne(current, v.path, v.value, fresh);
  return bom + current;
}

const CREDENTIAL_KEYS = new Set(['auths', 'credsStore', 'credHelpers', 'HttpHeaders']);

/**
 * config.json for display: every string inside `auths`, `credsStore`, `credHelpers` (and `HttpHeaders`, which may hold
 * tokens) replaced by "(hidden)", so a diff's context lines never show them. Offsets of other lines are unchanged.
 */
export function hideCredentialEntries(text: string): string {
  const doc = parseDocument(text, 'cli-config') as JsonDocument;
  const spans: Array<[number, number]> = [];
  const collect = (node: NonNullable<JsonDocument['json']['root']>) => {
    if (node.type === 'string') spans.push([node.offset, node.offset + node.length]);
    for (const c of node.children ?? []) collect(c);
  };
  for (const p of doc.json.root?.type === 'object' ? doc.json.root.children ?? [] : []) {
    const [k, v] = p.children ?? [];
    if (k && v && typeof k.value === 'string' && CREDENTIAL_KEYS.has(k.value)) collect(v);
  }
  let out = text;
  for (const [s, e] of spans.sort((a, b) => b[0] - a[0])) out = out.slice(0, s) + '"(hidden)"' + out.slice(e);
  return out;
}
