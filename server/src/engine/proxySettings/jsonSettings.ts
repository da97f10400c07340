// Effective proxy settings of daemon.json and config.json: only what dockerd / the CLI really read.
import type { LineIndex } from '../lineIndex';
import type { ProxySetting } from '../findingTypes';
import { findProperty, nodeRange, objectProperties, stringContentRange, stringValueOffset, type JsonModel, type JsonProperty } from '../parse/json';

/** The part of a JSON document this reads (document.ts builds it; typed here so the two do not import each other). */
export interface JsonText { text: string; lines: LineIndex; json: JsonModel }
import { DAEMON_PROXY_KEYS, CLIENT_PROXY_FIELDS, clientFieldFor } from '../proxy/names';

function settingOf(doc: JsonText, prop: JsonProperty, variable: ProxySetting['variable'], consumer: ProxySetting['consumer']): ProxySetting | undefined {
  const value = prop.valueNode;
  if (!value || value.type !== 'string' || typeof value.value !== 'string') return undefined;
  return {
    variable,
    name: prop.key,
    value: value.value,
    nameRange: nodeRange(doc.lines, prop.keyNode),
    valueRange: stringContentRange(doc.lines, value),
    valueOffset: stringValueOffset(doc.text, value),
    consumer,
  };
}

/** `proxies.http-proxy` etc. Top-level and misspelled keys are ignored or fatal for dockerd, so they are not settings. */
export function daemonJsonSettings(doc: JsonText): ProxySetting[] {
  const proxies = findProperty(doc.json.root, 'proxies')?.valueNode;
  const result: ProxySetting[] = [];
  for (const prop of objectProperties(proxies)) {
    const variable = DAEMON_PROXY_KEYS[prop.key];
    const setting = variable && settingOf(doc, prop, variable, 'daemon');
    if (setting) result.push(setting);
  }
  return result;
}

/** Every `proxies.<host>` entry's fields, matched case-insensitively as Go's decoder does. */
export function cliConfigSettings(doc: JsonText): ProxySetting[] {
  const proxies = findProperty(doc.json.root, 'proxies')?.valueNode;
  const result: ProxySetting[] = [];
  for (const entry of objectProperties(proxies)) {
    for (const prop of objectProperties(entry.valueNode)) {
      const field = clientFieldFor(prop.key);
      const setting = field && settingOf(doc, prop, CLIENT_PROXY_FIELDS[field], 'containers');
      if (setting) result.push(setting);
    }
  }
  return result;
}
