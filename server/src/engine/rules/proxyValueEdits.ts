// Edits of one proxy value in its file, for the quick fixes of the URL rules: the value's text is JSON-escaped in
// daemon.json and config.json, `%` doubled in systemd drop-ins (specifiers), as written elsewhere.
import type { ParsedDocument } from '../document';
import type { Fix, ProxySetting, Range, TextEdit } from '../findingTypes';
import { lazyFix } from '../fix';

export interface UrlCheckOptions {
  /**
   * Turns a piece of decoded value into file text. Defaults by document kind: JSON string escaping for daemon.json and
   * config.json, `%` → `%%` for systemd drop-ins (systemd specifiers), unchanged for Dockerfiles.
   */
  encode?: (raw: string) => string;
}

function defaultEncoder(doc: ParsedDocument): (raw: string) => string {
  switch (doc.kind) {
    case 'daemon-json':
    case 'cli-config':
      return (raw) => JSON.stringify(raw).slice(1, -1);
    case 'systemd-dropin':
      return (raw) => raw.replace(/%/g, '%%');
    default:
      return (raw) => raw;
  }
}

/** Document range of value[start, end), precise when the value maps 1:1 to the text, else the whole value. */
export function valueSubRange(doc: ParsedDocument, setting: ProxySetting, start: number, end: number): Range {
  if (setting.valueOffset === undefined) return setting.valueRange;
  return doc.lines.range(setting.valueOffset + start, setting.valueOffset + end);
}

/** One edit turning the setting's value into `newValue`, touching only the changed middle when possible. */
export function valueEdit(doc: ParsedDocument, setting: ProxySetting, newValue: string, options: UrlCheckOptions = {}): TextEdit {
  const encode = options.encode ?? defaultEncoder(doc);
  const old = setting.value;
  if (setting.valueOffset === undefined) return { range: setting.valueRange, newText: encode(newValue) };
  let prefix = 0;
  while (prefix < old.length && prefix < newValue.length && old[prefix] === newValue[prefix]) prefix++;
  let suffix = 0;
  while (suffix < old.length - prefix && suffix < newValue.length - prefix && old[old.length - 1 - suffix] === newValue[newValue.length - 1 - suffix]) suffix++;
  return {
    range: valueSubRange(doc, setting, prefix, old.length - suffix),
    newText: encode(newValue.slice(prefix, newValue.length - suffix)),
  };
}

/** A fix that sets the value to `newValue`, its edit built when a code action asks for it. */
export function valueFix(doc: ParsedDocument, setting: ProxySetting, title: string, newValue: string, safe: boolean, options?: UrlCheckOptions): Fix {
  return lazyFix(title, safe, () => [valueEdit(doc, setting, newValue, options)]);
}

