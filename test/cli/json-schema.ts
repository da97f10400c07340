// A small JSON Schema (draft-04) validator, limited to the keywords the SARIF 2.1.0 schema uses: $ref to
// #/definitions, type, properties, additionalProperties, required, items, minItems, uniqueItems, minimum, maximum,
// enum, pattern, format (uri, uri-reference, date-time), anyOf, oneOf; description/default/title/id/$schema are
// annotations. Any other keyword throws, so a schema that needs more cannot pass by being half-read.
// Dependency-free on purpose: Ajv 8 (in node_modules only as a transitive dev dependency) dropped draft-04.

type Schema = Record<string, unknown>;
const ANNOTATIONS = new Set(['description', 'default', 'title', 'id', '$schema', 'definitions']);
const KEYWORDS = new Set(['$ref', 'type', 'properties', 'additionalProperties', 'required', 'items', 'minItems', 'uniqueItems',
  'minimum', 'maximum', 'enum', 'pattern', 'format', 'anyOf', 'oneOf']);

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function formatOk(format: string, v: string): boolean {
  switch (format) {
    case 'uri': return /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]*$/.test(v);
    case 'uri-reference': return !/\s/.test(v);
    case 'date-time': return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v);
    default: throw new Error(`format "${format}" is not supported by this validator`);
  }
}

/** Errors of `data` against `schema` (empty when valid), each as `<JSON pointer>: <what>`. */
export function validate(root: Schema, data: unknown): string[] {
  const errors: string[] = [];
  const resolve = (ref: string): Schema => {
    const m = /^#\/definitions\/([^/]+)$/.exec(ref);
    const target = m && (root.definitions as Record<string, Schema> | undefined)?.[m[1]];
    if (!target) throw new Error(`unsupported or dangling $ref ${ref}`);
    return target;
  };
  const check = (schema: Schema, v: unknown, at: string, out: string[]): void => {
    for (const k of Object.keys(schema)) if (!KEYWORDS.has(k) && !ANNOTATIONS.has(k)) throw new Error(`keyword "${k}" at ${at} is not supported`);
    if (typeof schema.$ref === 'string') { check(resolve(schema.$ref), v, at, out); return; }
    const t = typeOf(v);
    if (schema.type !== undefined) {
      const types = ([] as string[]).concat(schema.type as string | string[]);
      if (!types.some((x) => x === t || (x === 'number' && t === 'integer'))) { out.push(`${at}: is ${t}, expected ${types.join('|')}`); return; }
    }
    if (schema.enum && !(schema.enum as unknown[]).some((e) => JSON.stringify(e) === JSON.stringify(v))) out.push(`${at}: ${JSON.stringify(v)} is not one of ${JSON.stringify(schema.enum)}`);
    if (t === 'string') {
      const s = v as string;
      if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(s)) out.push(`${at}: "${s}" does not match ${schema.pattern}`);
      if (typeof schema.format === 'string' && !formatOk(schema.format, s)) out.push(`${at}: "${s}" is not a ${schema.format}`);
    }
    if (t === 'integer' || t === 'number') {
      if (typeof schema.minimum === 'number' && (v as number) < schema.minimum) out.push(`${at}: ${v} < minimum ${schema.minimum}`);
      if (typeof schema.maximum === 'number' && (v as number) > schema.maximum) out.push(`${at}: ${v} > maximum ${schema.maximum}`);
    }
    if (t === 'array') {
      const a = v as unknown[];
      if (typeof schema.minItems === 'number' && a.length < schema.minItems) out.push(`${at}: ${a.length} items, at least ${schema.minItems} needed`);
      if (schema.uniqueItems === true && new Set(a.map((x) => JSON.stringify(x))).size !== a.length) out.push(`${at}: items are not unique`);
      if (schema.items && typeof schema.items === 'object') a.forEach((x, i) => check(schema.items as Schema, x, `${at}/${i}`, out));
    }
    if (t === 'object') {
      const o = v as Record<string, unknown>;
      const props = (schema.properties ?? {}) as Record<string, Schema>;
      for (const r of (schema.required ?? []) as string[]) if (!(r in o)) out.push(`${at}: required property "${r}" is missing`);
      for (const [k, x] of Object.entries(o)) {
        if (props[k]) check(props[k], x, `${at}/${k}`, out);
        else if (schema.additionalProperties === false) out.push(`${at}: property "${k}" is not allowed`);
        else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') check(schema.additionalProperties as Schema, x, `${at}/${k}`, out);
      }
    }
    for (const [kw, need] of [['anyOf', (n: number) => n >= 1], ['oneOf', (n: number) => n === 1]] as const) {
      const alts = schema[kw] as Schema[] | undefined;
      if (!alts) continue;
      const passing = alts.filter((alt) => { const e: string[] = []; check(alt, v, at, e); return e.length === 0; }).length;
      if (!need(passing)) out.push(`${at}: matches ${passing} of the ${kw} alternatives`);
    }
  };
  check(root, data, '', errors);
  return errors;
}
