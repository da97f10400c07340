// daemon.json and config.json are strict JSON to their readers (Go encoding/json): no comments, no trailing commas.
// jsonc-parser gives us a tolerant tree with offsets plus the list of strict-JSON violations.
import * as jsonc from 'jsonc-parser';
import type { Range, TextEdit } from '../findingTypes';
import { LineIndex } from '../lineIndex';

export type JsonNode = jsonc.Node;

export interface JsonSyntaxError { message: string; range: Range }

export interface JsonModel {
  root: JsonNode | undefined;
  syntaxErrors: JsonSyntaxError[];
}

const ERROR_TEXT: Record<number, string> = {
  [jsonc.ParseErrorCode.InvalidSymbol]: 'invalid symbol',
  [jsonc.ParseErrorCode.InvalidNumberFormat]: 'invalid number',
  [jsonc.ParseErrorCode.PropertyNameExpected]: 'property name expected',
  [jsonc.ParseErrorCode.ValueExpected]: 'value expected',
  [jsonc.ParseErrorCode.ColonExpected]: 'colon expected',
  [jsonc.ParseErrorCode.CommaExpected]: 'comma expected',
  [jsonc.ParseErrorCode.CloseBraceExpected]: 'closing brace expected',
  [jsonc.ParseErrorCode.CloseBracketExpected]: 'closing bracket expected',
  [jsonc.ParseErrorCode.EndOfFileExpected]: 'end of file expected',
  [jsonc.ParseErrorCode.InvalidCommentToken]: 'comments are not allowed in JSON',
  [jsonc.ParseErrorCode.UnexpectedEndOfComment]: 'unterminated comment',
  [jsonc.ParseErrorCode.UnexpectedEndOfString]: 'unterminated string',
  [jsonc.ParseErrorCode.UnexpectedEndOfNumber]: 'unterminated number',
  [jsonc.ParseErrorCode.InvalidUnicode]: 'invalid unicode escape',
  [jsonc.ParseErrorCode.InvalidEscapeCharacter]: 'invalid escape character',
  [jsonc.ParseErrorCode.InvalidCharacter]: 'invalid character',
};

/**
 * Deepest nesting the JSON parser is given. jsonc-parser and every walk over its tree recurse once per level, so a
 * file like `[[[[…` 100,000 deep would overflow the stack, and jsonc-parser's formatter (used by our fixes) fails
 * past about 100 levels. Real daemon.json and config.json files nest 3 or 4 levels.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * Deepest `{`/`[` nesting in a JSON(C) text, found by one linear scan that skips strings and comments. Stops counting
 * once `stopAbove` is passed (the returned value is then `stopAbove + 1`), so a hostile file costs one pass at most.
 */
export function jsonNestingDepth(text: string, stopAbove = Number.MAX_SAFE_INTEGER): number {
  let depth = 0;
  let max = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) i++;
        else if (d === 0x22 || d === 0x0a) break; // an unterminated string ends at the line end for jsonc-parser too
      }
    } else if (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2f) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? n : end;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a /* * */) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 1;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > stopAbove) return max;
      }
    } else if ((c === 0x7d /* } */ || c === 0x5d /* ] */) && depth > 0) {
      depth--;
    }
  }
  return max;
}

export function parseJson(text: string, lines: LineIndex): JsonModel {
  // Never hand the recursive parser a text nested deeper than we allow (the lint reports PD001 before this).
  if (jsonNestingDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) return { root: undefined, syntaxErrors: [] };
  // Go's decoder accepts a leading UTF-8 BOM in these files (dockerd --validate says "configuration OK"); blank it
  // out without shifting offsets.
  const source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const errors: jsonc.ParseError[] = [];
  const root = jsonc.parseTree(source, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: true });
  const syntaxErrors = errors.map((e) => ({
    message: ERROR_TEXT[e.error] ?? jsonc.printParseErrorCode(e.error),
    range: lines.range(e.offset, e.offset + Math.max(1, e.length)),
  }));
  if (root === undefined && source.trim() !== '' && syntaxErrors.length === 0) {
    syntaxErrors.push({ message: 'value expected', range: lines.range(0, 1) });
  }
  return { root, syntaxErrors };
}

export interface JsonProperty {
  key: string;
  keyNode: JsonNode;
  valueNode: JsonNode | undefined;
  propertyNode: JsonNode;
}

/** Properties of an object node, in file order (duplicates kept: Go's decoder lets the last one win). */
export function objectProperties(node: JsonNode | undefined): JsonProperty[] {
  if (!node || node.type !== 'object' || !node.children) return [];
  const result: JsonProperty[] = [];
  for (const prop of node.children) {
    const keyNode = prop.children?.[0];
    if (!keyNode || typeof keyNode.value !== 'string') continue;
    result.push({ key: keyNode.value, keyNode, valueNode: prop.children?.[1], propertyNode: prop });
  }
  return result;
}

/** The last property with this exact key (Go's decoder keeps the last duplicate). */
export function findProperty(node: JsonNode | undefined, key: string): JsonProperty | undefined {
  const all = objectProperties(node).filter((p) => p.key === key);
  return all[all.length - 1];
}

export function nodeRange(lines: LineIndex, node: JsonNode): Range {
  return lines.range(node.offset, node.offset + node.length);
}

/** Range inside the quotes of a string node, or the whole node otherwise. */
export function stringContentRange(lines: LineIndex, node: JsonNode): Range {
  if (node.type === 'string' && node.length >= 2) return lines.range(node.offset + 1, node.offset + node.length - 1);
  return nodeRange(lines, node);
}

/** Offset of the first character of a string's value when the JSON text holds it without escapes. */
export function stringValueOffset(text: string, node: JsonNode): number | undefined {
  if (node.type !== 'string' || typeof node.value !== 'string') return undefined;
  const raw = text.slice(node.offset + 1, node.offset + node.length - 1);
  return raw === node.value ? node.offset + 1 : undefined;
}

/** Path of keys from the root to a node, as jsonc-parser's `modify` expects. */
export function pathOf(node: JsonNode): jsonc.JSONPath {
  return jsonc.getNodePath(node);
}

export { jsonc };
