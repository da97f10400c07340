// How the docker CLI reads config.json `proxies` (facts §3), shared by the CC rules.
// Only `proxies` is ever looked at: `auths`, `credsStore` and `credHelpers` hold credentials and stay unread.
import type { ParsedDocument } from '../../document';
import type { Fix, ProxySetting, Range, RuleFinding } from '../../findingTypes';
import type { Rule, RuleMeta } from '../../rule';
import { memoOn } from '../../documentMemo';
import { findProperty, nodeRange, objectProperties, stringContentRange, stringValueOffset, type JsonNode, type JsonProperty } from '../../parse/json';
import { jsonSetEdits } from '../jsonEdits';
import { CLIENT_PROXY_FIELDS, clientFieldFor } from '../../proxy/names';
import { lazyFix } from '../../fix';

export type ClientField = 'httpProxy' | 'httpsProxy' | 'noProxy' | 'ftpProxy' | 'allProxy';
export const CLIENT_FIELDS: readonly ClientField[] = ['httpProxy', 'httpsProxy', 'noProxy', 'ftpProxy', 'allProxy'];
/** Fields whose value is a proxy URL (noProxy is a host list). */
export const URL_FIELDS: readonly ClientField[] = ['httpProxy', 'httpsProxy', 'ftpProxy', 'allProxy'];

/**
 * How a key inside an entry is read: `exact` is the documented camelCase; `case` differs only in case (Go's
 * encoding/json still matches it); `ignored` was meant as a field (`http-proxy`, `HTTP_PROXY`) but Go drops it.
 */
export type Spelling = 'exact' | 'case' | 'ignored';

/** The field a key was meant for, ignoring case, `-` and `_`; undefined for a key that names no field. */
export function intendedField(key: string): ClientField | undefined {
  const squashed = key.toLowerCase().replace(/[-_]/g, '');
  return CLIENT_FIELDS.find((f) => f.toLowerCase() === squashed);
}

export function spellingOf(key: string, field: ClientField): Spelling {
  if (key === field) return 'exact';
  return clientFieldFor(key) === field ? 'case' : 'ignored';
}

export interface EntryField {
  field: ClientField;
  prop: JsonProperty;
  spelling: Spelling;
  /** String value, undefined when the value is not a string. */
  value: string | undefined;
  /** True for a string written directly under `proxies` (CC003): it belongs to no entry until wrapped in `default`. */
  stray: boolean;
}

export interface ProxyEntry {
  /** Map key (`default`, `unix:///var/run/docker.sock`); `default` for the implied entry built from stray fields. */
  key: string;
  /** Where entry-level ("missing X") findings sit: the entry key, or `proxies` for the implied entry. */
  anchor: JsonNode;
  /** The entry's object; undefined for the implied entry. */
  object: JsonNode | undefined;
  implied: boolean;
  /** Fields by intent, in file order (including misspelled ones, so findings stay put when a key is renamed). */
  fields: EntryField[];
  /** Keys that name no field at all. */
  unknown: JsonProperty[];
}

export interface ClientProxies {
  proxies: JsonProperty;
  /** True when `proxies` is an object (otherwise the CLI gets a type error and no entries). */
  isObject: boolean;
  /** Object entries (the last of each duplicated key, as Go's map decoding keeps) plus the implied `default`. */
  entries: ProxyEntry[];
  /** String values directly under `proxies` whose key names a field: the "forgot the `default` level" mistake. */
  stray: EntryField[];
  /** Other values under `proxies` that are neither objects nor null (a type error for the CLI). */
  invalid: JsonProperty[];
}

const PROXIES = Symbol('config.json proxies');

/** The `proxies` section of a config.json, or undefined when there is none (or the document is another kind). */
export function readClientProxies(doc: ParsedDocument): ClientProxies | undefined {
  if (doc.kind !== 'cli-config') return undefined;
  return memoOn(doc, PROXIES, () => read(doc.json.root));
}

function fieldsOf(props: JsonProperty[], stray: boolean): { fields: EntryField[]; unknown: JsonProperty[] } {
  const fields: EntryField[] = [];
  const unknown: JsonProperty[] = [];
  for (const prop of props) {
    const field = intendedField(prop.key);
    if (!field) {
      unknown.push(prop);
      continue;
    }
    const value = prop.valueNode?.type === 'string' && typeof prop.valueNode.value === 'string' ? prop.valueNode.value : undefined;
    fields.push({ field, prop, spelling: spellingOf(prop.key, field), value, stray });
  }
  return { fields, unknown };
}

function read(root: JsonNode | undefined): ClientProxies | undefined {
  const proxies = findProperty(root, 'proxies');
  if (!proxies?.valueNode || proxies.valueNode.type === 'null') return undefined;
  if (proxies.valueNode.type !== 'object') return { proxies, isObject: false, entries: [], stray: [], invalid: [] };
  const all = objectProperties(proxies.valueNode);
  const entries: ProxyEntry[] = [];
  const strayProps: JsonProperty[] = [];
  const invalid: JsonProperty[] = [];
  all.forEach((prop, i) => {
    const v = prop.valueNode;
    if (!v || v.type === 'null') return;
    if (v.type === 'object') {
      if (all.slice(i + 1).some((later) => later.key === prop.key)) return; // a later duplicate replaces it
      const { fields, unknown } = fieldsOf(objectProperties(v), false);
      entries.push({ key: prop.key, anchor: prop.keyNode, object: v, implied: false, fields, unknown });
    } else if (v.type === 'string' && intendedField(prop.key)) strayProps.push(prop);
    else invalid.push(prop);
  });
  const stray = fieldsOf(strayProps, true).fields;
  if (stray.length > 0) {
    // Read the strays as the user meant them: part of `default` (only where `default` lacks that field).
    const def = entries.find((e) => e.key === 'default');
    if (def) def.fields.push(...stray.filter((s) => !fieldOf(def, s.field)));
    else entries.push({ key: 'default', anchor: proxies.keyNode, object: undefined, implied: true, fields: stray, unknown: [] });
  }
  return { proxies, isObject: true, entries, stray, invalid };
}

/** The field as the CLI resolves it: the last key Go reads, else (for intent) the last misspelled one. */
export function fieldOf(entry: ProxyEntry, field: ClientField): EntryField | undefined {
  const all = entry.fields.filter((f) => f.field === field);
  const read = all.filter((f) => f.spelling !== 'ignored');
  return (read.length > 0 ? read : all).at(-1);
}

/** The non-empty string value of a field (the CLI skips empty values). */
export function valueOf(entry: ProxyEntry, field: ClientField): string | undefined {
  const v = fieldOf(entry, field)?.value;
  return v && v.trim() !== '' ? v : undefined;
}

export function defaultEntry(p: ClientProxies): ProxyEntry | undefined {
  return p.entries.find((e) => e.key === 'default');
}

/** The CLI's placeholder daemon host for ssh:// and other connection helpers (cli/connhelper/connhelper.go). */
export const CONNHELPER_PLACEHOLDER_HOST = 'http://docker.example.com';

/**
 * Why a per-host key can never equal the daemon host the CLI looks up, or undefined when it may match. Static checks
 * only: comparing with `docker context inspect` needs machine state.
 */
export function neverMatchReason(key: string): 'default-case' | 'url-scheme' | 'ssh' | undefined {
  if (key === 'default') return undefined;
  if (key.toLowerCase() === 'default') return 'default-case';
  const lower = key.toLowerCase();
  if (lower.startsWith('ssh://')) return 'ssh';
  if ((lower.startsWith('https://') || lower.startsWith('http://')) && lower.replace(/\/+$/, '') !== CONNHELPER_PLACEHOLDER_HOST) return 'url-scheme';
  return undefined;
}

/** Per-host entries (not `default`) that may match some daemon. */
export function liveHostEntries(p: ClientProxies): ProxyEntry[] {
  return p.entries.filter((e) => e.key !== 'default' && !neverMatchReason(e.key));
}

/** Fields `default` sets (non-empty) that this per-host entry does not: CC006 reports them, CC008/CC010 leave them. */
export function fieldsMissingFromDefault(p: ClientProxies, entry: ProxyEntry): ClientField[] {
  const def = defaultEntry(p);
  if (!def || entry.key === 'default' || neverMatchReason(entry.key)) return [];
  return CLIENT_FIELDS.filter((f) => valueOf(def, f) !== undefined && !fieldOf(entry, f));
}

export function valueRangeOf(doc: ParsedDocument, f: EntryField): Range {
  return f.prop.valueNode ? stringContentRange(doc.lines, f.prop.valueNode) : nodeRange(doc.lines, f.prop.keyNode);
}

export function keyRangeOf(doc: ParsedDocument, node: JsonNode): Range {
  return nodeRange(doc.lines, node);
}

/** A fix that adds `field: value` to a real (non-implied) entry; none for the implied entry (CC003 first). */
export function addFieldFix(doc: ParsedDocument, entry: ProxyEntry, field: ClientField, value: string, title: string, safe: boolean): Fix[] {
  if (entry.implied || !entry.object) return [];
  return [lazyFix(title, safe, () => jsonSetEdits(doc.text, doc.lines, ['proxies', entry.key, field], value))];
}

/**
 * Every string proxy URL of every entry as a ProxySetting, read by intent (misspelled keys and stray fields included,
 * so a finding does not come and go when CC001/CC003 rename or move the key).
 */
export function entryUrlSettings(doc: ParsedDocument): { field: EntryField; setting: ProxySetting }[] {
  const p = readClientProxies(doc);
  if (!p) return [];
  const result: { field: EntryField; setting: ProxySetting }[] = [];
  for (const f of p.entries.flatMap((e) => e.fields)) {
    const node = f.prop.valueNode;
    if (!URL_FIELDS.includes(f.field) || f.value === undefined || !node) continue;
    result.push({
      field: f,
      setting: {
        variable: CLIENT_PROXY_FIELDS[f.field],
        name: f.prop.key,
        value: f.value,
        nameRange: nodeRange(doc.lines, f.prop.keyNode),
        valueRange: stringContentRange(doc.lines, node),
        valueOffset: stringValueOffset(doc.text, node),
        consumer: 'containers',
      },
    });
  }
  return result;
}

/**
 * A rule running one proxy-URL check (the body of the daemon.json rule for the same mistake, e.g. DJ006's) on each
 * config.json proxy URL, whose readers are programs in containers. The message starts
 * with the field name, so two fields with the same mistake give two distinct findings.
 */
export function clientUrlRule(meta: RuleMeta, check: (doc: ParsedDocument, setting: ProxySetting) => RuleFinding | undefined): Rule {
  return {
    meta,
    check(doc): RuleFinding[] {
      const findings: RuleFinding[] = [];
      for (const { field, setting } of entryUrlSettings(doc)) {
        const finding = check(doc, setting);
        if (finding) findings.push({ ...finding, message: `${field.field}: ${finding.message}` });
      }
      return findings;
    },
  };
}

/** A config.json with one `default` entry, for rule examples. */
export function defaultEntryExample(fields: Partial<Record<ClientField, string>>): string {
  const body = Object.entries(fields).map(([k, v]) => `      ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n');
  return `{\n  "proxies": {\n    "default": {\n${body}\n    }\n  }\n}\n`;
}
