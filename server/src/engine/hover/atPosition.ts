// What a hover position points at: a JSON node with its path (key or value), a proxy setting's name or value.
import type { ParsedDocument, JsonDocument } from '../document';
import type { Position, ProxySetting, Range } from '../findingTypes';
import { jsonc, nodeRange, type JsonNode } from '../parse/json';
import { rangeContains } from '../lineIndex';

export function contains(range: Range, position: Position): boolean {
  return rangeContains(range, { start: position, end: position });
}

export interface JsonHit { path: (string | number)[]; node: JsonNode; isKey: boolean; property?: JsonNode }

export function jsonHit(doc: JsonDocument, position: Position): JsonHit | undefined {
  const root = doc.json.root;
  if (!root) return undefined;
  const offset = doc.lines.offsetAt(position);
  const node = jsonc.findNodeAtOffset(root, offset, true);
  if (!node) return undefined;
  const parent = node.parent;
  const isKey = !!parent && parent.type === 'property' && parent.children?.[0] === node;
  let path: (string | number)[];
  try {
    path = jsonc.getNodePath(node);
  } catch {
    return undefined;
  }
  return { path, node, isKey, property: parent?.type === 'property' ? parent : undefined };
}

export function hoverRange(doc: ParsedDocument, hit: JsonHit): Range {
  return nodeRange(doc.lines, hit.node);
}

export function settingAt(settings: readonly ProxySetting[], position: Position): ProxySetting | undefined {
  return settings.find((s) => contains(s.nameRange, position) || contains(s.valueRange, position));
}
