// "Fix all": every SAFE fix of a document at once, as one edit. Each round lints, takes the first safe fix of every
// finding, drops fixes that overlap one already taken, and applies the rest; rounds repeat (at most MAX_ROUNDS)
// until nothing changes, so fixes skipped for overlapping get their turn on the updated text.
import type { FileKind, TextEdit } from './findingTypes';
import { lint, type LintOptions } from './lint';
import { LineIndex } from './lineIndex';
import { applyEdits, diffEdit } from './edits';

export const MAX_ROUNDS = 10;

interface Span { start: number; end: number }

function overlaps(a: Span, b: Span): boolean {
  if (a.start === b.start) return true; // two edits at one point: their order would be ambiguous
  return a.start < b.end && b.start < a.end;
}

/** The text after applying all safe fixes (the input itself when there are none). */
export function fixAllText(text: string, kind: FileKind, options: LintOptions = {}): string {
  let current = text;
  const seen = new Set<string>([current]);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const lines = new LineIndex(current);
    const taken: Span[] = [];
    const edits: TextEdit[] = [];
    for (const finding of lint(current, kind, options)) {
      const fix = finding.fixes.find((f) => f.safe && f.edits.length > 0);
      if (!fix) continue;
      const spans = fix.edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end) }));
      if (spans.some((s) => taken.some((t) => overlaps(s, t)))) continue;
      taken.push(...spans);
      edits.push(...fix.edits);
    }
    if (edits.length === 0) break;
    const next = applyEdits(current, edits);
    if (seen.has(next)) break; // no change, or fixes undoing each other
    seen.add(next);
    current = next;
  }
  return current;
}

/** One edit against `text` that applies every safe fix, or undefined when there is nothing to fix. */
export function fixAllEdit(text: string, kind: FileKind, options: LintOptions = {}): TextEdit | undefined {
  const fixed = fixAllText(text, kind, options);
  return fixed === text ? undefined : diffEdit(text, fixed);
}
