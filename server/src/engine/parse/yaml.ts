// YAML through the `yaml` package (the parser yaml-language-server uses), keeping node ranges. Helpers read maps,
// aliases and merge keys (`<<: *anchor`) the way Compose and CI files use them, and map scalar values back to the
// document for precise ranges and edits.
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { alignValue, type MappedText } from './mapped';

export interface YamlModel {
  doc: Document.Parsed;
  /** Syntax errors (the rules still run on what was parsed). */
  errors: { message: string; offset: number }[];
}

export function parseYaml(text: string): YamlModel {
  // Sizes are bounded by the engine (2 MiB); alias expansion is never done here (we resolve single aliases only).
  const doc = parseDocument(text, { keepSourceTokens: false, uniqueKeys: false, strict: false, prettyErrors: false });
  return { doc, errors: doc.errors.map((e) => ({ message: e.message, offset: e.pos[0] })) };
}

/** Follows an alias to its anchored node (one level; anchors cannot be cyclic in parsed documents). */
export function resolve(model: YamlModel, node: unknown): Node | undefined {
  if (isAlias(node)) {
    const target = node.resolve(model.doc);
    return (target ?? undefined) as Node | undefined;
  }
  return (node ?? undefined) as Node | undefined;
}

function keyText(pair: Pair): string | undefined {
  const k = pair.key;
  if (isScalar(k)) return typeof k.value === 'symbol' ? '<<' : String(k.value);
  return undefined;
}

/**
 * The pairs of a map, merge keys expanded: `<<: *x` and `<<: [*x, *y]` contribute the anchored maps' pairs
 * (which keep their own ranges, at the anchor). Later own keys win over merged ones, as in YAML merge.
 */
export function mapPairs(model: YamlModel, node: unknown, depth = 0): { key: string; pair: Pair }[] {
  const map = resolve(model, node);
  if (!isMap(map) || depth > 8) return [];
  const own: { key: string; pair: Pair }[] = [];
  const merged: { key: string; pair: Pair }[] = [];
  for (const pair of (map as YAMLMap).items) {
    if (!isPair(pair)) continue;
    const key = keyText(pair);
    if (key === undefined) continue;
    if (key === '<<') {
      const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
      for (const s of sources) merged.push(...mapPairs(model, s, depth + 1));
      continue;
    }
    own.push({ key, pair });
  }
  const ownKeys = new Set(own.map((p) => p.key));
  return [...merged.filter((p) => !ownKeys.has(p.key)), ...own];
}

export function getPair(model: YamlModel, node: unknown, key: string): Pair | undefined {
  const found = mapPairs(model, node).filter((p) => p.key === key);
  return found[found.length - 1]?.pair;
}

export function getValue(model: YamlModel, node: unknown, key: string): Node | undefined {
  return resolve(model, getPair(model, node, key)?.value);
}

/** Items of a sequence (aliases resolved), or [] when the node is not one. */
export function seqItems(model: YamlModel, node: unknown): Node[] {
  const seq = resolve(model, node);
  if (!isSeq(seq)) return [];
  return seq.items.map((i) => resolve(model, i)).filter((i): i is Node => i !== undefined);
}

/** String value of a scalar (numbers and booleans as written), undefined for anything else or null. */
export function scalarString(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = (node as Scalar).value;
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') {
    const src = (node as Scalar).source;
    return typeof src === 'string' ? src : String(v);
  }
  return undefined;
}

/** Document [start, end) of a node's value text. */
export function nodeSpan(node: Node | Pair | undefined | null): [number, number] | undefined {
  if (!node) return undefined;
  if (isPair(node)) {
    const k = nodeSpan(node.key as Node);
    const v = nodeSpan(node.value as Node);
    if (!k) return v;
    return [k[0], v ? v[1] : k[1]];
  }
  const r = (node as Node).range;
  return r ? [r[0], r[1]] : undefined;
}

/** A scalar's value mapped to the document, or undefined for non-scalars. */
export function mappedScalar(node: unknown, docText: string): MappedText | undefined {
  const value = scalarString(node);
  const span = nodeSpan(node as Node);
  if (value === undefined || !span) return undefined;
  return alignValue(value, docText, span[0], span[1]);
}

/** True for scalar styles where a value character written as-is is also the document character (no escaping). */
export function isVerbatimScalar(node: unknown): boolean {
  if (!isScalar(node)) return false;
  const t = (node as Scalar).type;
  return t === 'PLAIN' || t === 'BLOCK_LITERAL' || t === 'QUOTE_DOUBLE' || t === 'QUOTE_SINGLE';
}

export { isMap, isScalar, isSeq, isPair };
export type { Node, Pair, Scalar };

/** Deepest nesting the YAML kinds accept; real Compose files and workflows stay far below it. */
export const MAX_YAML_DEPTH = 64;

/**
 * How deeply a YAML text nests, estimated in one linear pass without parsing: flow brackets (`[`, `{`) outside
 * quotes and comments, and block nesting from indentation (two columns a level) plus `- ` markers. The parser
 * slows down sharply on pathological nesting, so such input is refused before it is parsed.
 */
export function yamlNestingDepth(text: string): number {
  let max = 0;
  let flow = 0;
  let lineStart = true;
  let indent = 0;
  let dashes = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') { lineStart = true; indent = 0; dashes = 0; quote = undefined; continue; }
    if (lineStart) {
      if (c === ' ') { indent++; continue; }
      if (c === '-' && (text[i + 1] === ' ' || text[i + 1] === '\n')) { dashes++; indent += 2; i++; max = Math.max(max, Math.floor(indent / 2)); continue; }
      lineStart = false;
      max = Math.max(max, Math.floor(indent / 2), dashes);
    }
    if (quote) { if (c === quote) quote = undefined; continue; }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) { while (i + 1 < text.length && text[i + 1] !== '\n') i++; continue; }
    if ((c === '"' || c === "'") && flow > 0) { quote = c; continue; }
    if (c === '[' || c === '{') max = Math.max(max, ++flow);
    else if ((c === ']' || c === '}') && flow > 0) flow--;
  }
  return max;
}
