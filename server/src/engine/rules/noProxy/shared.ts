// Helpers shared by the NO_PROXY value rules: the NO_PROXY settings of a document with their entries, ranges of
// single entries, and fixes that rewrite entries (JSON-escaped in JSON files, raw elsewhere).
import type { ParsedDocument } from '../../document';
import type { Fix, ProxySetting, Range, TextEdit } from '../../findingTypes';
import { parseNoProxy, type NoProxyEntry } from '../../proxy/noProxyEntries';
import { maskCredentials } from '../../proxy/url';
import { hasPlaceholder } from '../../proxy/placeholder';
import { lazyFix } from '../../fix';
import { memoOn } from '../../documentMemo';

/** A template placeholder other than a plain `$VAR` (those stay entries of kind `variable`, judged around). */
function hasTemplatePlaceholder(value: string): boolean {
  return hasPlaceholder(value.replace(/\$\{?[A-Za-z_][A-Za-z0-9_]*\}?/g, ''));
}

export const ALL_KINDS = ['daemon-json', 'cli-config', 'dockerfile', 'systemd-dropin', 'compose', 'ci-workflow', 'shell'] as const;
/** Kinds that can hold values read inside containers; the rules still check each setting's consumer. */
export const CONTAINER_KINDS = ['cli-config', 'dockerfile', 'compose', 'ci-workflow', 'shell'] as const;

export interface NoProxyValue {
  setting: ProxySetting;
  entries: NoProxyEntry[];
  /** Document offset of value[0] when each value character is one document character; undefined otherwise. */
  base?: number;
}

/** Document offset of the value's first character: `valueOffset`, or just inside simple quotes around the value. */
function baseOffset(doc: ParsedDocument, setting: ProxySetting): number | undefined {
  if (setting.valueOffset !== undefined) return setting.valueOffset;
  const start = doc.lines.offsetAt(setting.valueRange.start);
  const raw = doc.text.slice(start, doc.lines.offsetAt(setting.valueRange.end));
  const q = raw[0];
  if ((q === '"' || q === "'") && raw.length === setting.value.length + 2 && raw.endsWith(q) && raw.slice(1, -1) === setting.value) return start + 1;
  return undefined;
}

const VALUES = Symbol('NO_PROXY values');

/** Every NO_PROXY setting of the document, parsed; once per document, since every NP rule asks. Do not mutate. */
export function noProxyValues(doc: ParsedDocument): readonly NoProxyValue[] {
  return memoOn(doc, VALUES, () => doc.proxySettings
    .filter((s) => s.variable === 'no' && !hasTemplatePlaceholder(s.value))
    .map((setting) => ({ setting, entries: parseNoProxy(setting.value), base: baseOffset(doc, setting) })));
}

/** Range of value[start..end) in the document, or the whole value when offsets are unknown. */
export function spanRange(doc: ParsedDocument, v: NoProxyValue, start: number, end: number): Range {
  return v.base === undefined ? v.setting.valueRange : doc.lines.range(v.base + start, v.base + end);
}

export function entryRange(doc: ParsedDocument, v: NoProxyValue, entry: NoProxyEntry): Range {
  return spanRange(doc, v, entry.start, entry.end);
}

/** An entry as shown in a message or fix title: credentials masked, long text shortened. */
export function show(text: string): string {
  const masked = maskCredentials(text);
  return '`' + (masked.length > 60 ? masked.slice(0, 57) + '…' : masked) + '`';
}

/** A replacement of value[start..end) by `text` (offsets into the decoded value). */
export interface ValueReplacement { start: number; end: number; text: string }

const RAW_SAFE = /^[A-Za-z0-9._:/,*[\]-]*$/;

function isJson(doc: ParsedDocument): boolean {
  return doc.kind === 'daemon-json' || doc.kind === 'cli-config';
}

function encode(doc: ParsedDocument, text: string): string | undefined {
  if (isJson(doc)) return JSON.stringify(text).slice(1, -1);
  return RAW_SAFE.test(text) ? text : undefined;
}

/** Edits for value replacements; undefined when the file's escaping cannot be honoured safely. */
export function valueEdits(doc: ParsedDocument, v: NoProxyValue, replacements: readonly ValueReplacement[]): TextEdit[] | undefined {
  if (v.base !== undefined) {
    const edits: TextEdit[] = [];
    for (const r of replacements) {
      const text = encode(doc, r.text);
      if (text === undefined) return undefined;
      edits.push({ range: doc.lines.range(v.base + r.start, v.base + r.end), newText: text });
    }
    return edits;
  }
  // Offsets unknown (escapes in the file): rewrite the whole value.
  let value = v.setting.value;
  for (const r of [...replacements].sort((a, b) => b.start - a.start)) value = value.slice(0, r.start) + r.text + value.slice(r.end);
  const text = encode(doc, value);
  return text === undefined ? undefined : [{ range: v.setting.valueRange, newText: text }];
}

export function fixOf(doc: ParsedDocument, v: NoProxyValue, title: string, safe: boolean, replacements: readonly ValueReplacement[]): Fix[] {
  const edits = valueEdits(doc, v, replacements);
  return edits ? [lazyFix(title, safe, () => edits)] : [];
}

/** Replacement that removes an entry together with one neighbouring separator. */
export function removal(v: NoProxyValue, entry: NoProxyEntry): ValueReplacement {
  const i = v.entries.indexOf(entry);
  const next = v.entries[i + 1];
  const previous = v.entries[i - 1];
  if (next) return { start: entry.start, end: next.start, text: '' };
  if (previous) return { start: previous.end, end: entry.end, text: '' };
  return { start: entry.start, end: entry.end, text: '' };
}

export function removeFix(doc: ParsedDocument, v: NoProxyValue, entry: NoProxyEntry, title: string, safe: boolean): Fix[] {
  return fixOf(doc, v, title, safe, [removal(v, entry)]);
}

export function replaceFix(doc: ParsedDocument, v: NoProxyValue, entry: NoProxyEntry, text: string, title: string, safe: boolean): Fix[] {
  return fixOf(doc, v, title, safe, [{ start: entry.start, end: entry.end, text }]);
}

/** Replacement that appends entries after the last one (or fills an empty value). */
export function appending(v: NoProxyValue, items: readonly string[]): ValueReplacement {
  const last = v.entries[v.entries.length - 1];
  if (!last) return { start: 0, end: v.setting.value.length, text: items.join(',') };
  return { start: last.end, end: last.end, text: ',' + items.join(',') };
}

/** Whether some entry of the list is an unexpanded Dockerfile variable (the effective value is then unknown). */
export function hasVariable(v: NoProxyValue): boolean {
  return v.entries.some((e) => e.kind === 'variable');
}
