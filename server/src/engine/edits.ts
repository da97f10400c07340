// Applies TextEdits to a string; used by fix tests, `lint --fix` and fix-all.
import type { TextEdit } from './findingTypes';
import { LineIndex } from './lineIndex';

/** Applies non-overlapping edits (LSP semantics: all ranges refer to the original text). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const resolved = edits
    .map((edit, order) => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), text: edit.newText, order }))
    .sort((a, b) => b.start - a.start || b.order - a.order);
  let result = text;
  let limit = Infinity;
  for (const edit of resolved) {
    if (edit.end > limit) continue; // overlaps an edit already applied: skip rather than corrupt the text
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
    limit = edit.start;
  }
  return result;
}

/** One edit that turns `before` into `after`, covering only the changed middle (common prefix/suffix kept). */
export function diffEdit(before: string, after: string): TextEdit {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  const lines = new LineIndex(before);
  return { range: lines.range(start, endBefore), newText: after.slice(start, endAfter) };
}
