// Edits of a JSON file for the rules' fixes: set or remove a value with the file's own formatting, rename a key,
// replace a value, or several changes as one minimal edit. The parser (parse/json.ts) only reads.
import type { TextEdit } from '../findingTypes';
import { LineIndex } from '../lineIndex';
import { applyEdits, diffEdit } from '../edits';
import { jsonc, nodeRange, type JsonNode, type JsonProperty } from '../parse/json';

/**
 * Edits that set (or, with `undefined`, remove) the value at `path`, formatted like the rest of the file.
 * jsonc-parser handles commas and indentation for us.
 */
export function jsonSetEdits(text: string, lines: LineIndex, path: jsonc.JSONPath, value: unknown): TextEdit[] {
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  // A file written on one line (minified) stays on one line. Formatting it would also re-lay the whole line, and
  // jsonc-parser applies those many small edits one by one: quadratic, seconds for a 150 KB line.
  const minified = !/\n[ \t]*"/.test(text);
  const edits = jsonc.modify(text, path, value, minified ? {} : {
    formattingOptions: { insertSpaces: !indent.startsWith('\t'), tabSize: indent.startsWith('\t') ? 1 : indent.length, eol: lines.eol },
  });
  return edits.map((e) => ({ range: lines.range(e.offset, e.offset + e.length), newText: e.content }));
}

/** Edit that renames a property key in place, keeping its value and position. */
export function renameKeyEdit(lines: LineIndex, prop: JsonProperty, newKey: string): TextEdit {
  return { range: nodeRange(lines, prop.keyNode), newText: JSON.stringify(newKey) };
}

/** Edit that replaces a whole value node with the given JSON value (single-line rendering). */
export function replaceValueEdit(lines: LineIndex, node: JsonNode, value: unknown): TextEdit {
  return { range: nodeRange(lines, node), newText: JSON.stringify(value) };
}

/**
 * Applies JSON changes one after another (each on the result of the previous one, so paths stay valid) and
 * returns a single minimal edit against the original text. Use for fixes that move or rename several keys.
 */
export function jsonTransformEdit(text: string, steps: ReadonlyArray<{ path: jsonc.JSONPath; value: unknown }>): TextEdit {
  let current = text;
  for (const step of steps) current = applyEdits(current, jsonSetEdits(current, new LineIndex(current), step.path, step.value));
  return diffEdit(text, current);
}
