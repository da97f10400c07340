// Offset <-> position conversion. Lines end at \n, \r\n or a lone \r, as in LSP and VS Code (and dockerfile-ast's
// TextDocument), so positions computed here match what the editor shows even in old-Mac (CR-only) files.
import type { Position, Range } from './findingTypes';

export class LineIndex {
  private readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[Math.max(0, position.line)];
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  range(startOffset: number, endOffset: number): Range {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
  }

  /** Text of a line without its line break. */
  lineText(line: number): string {
    if (line < 0 || line >= this.lineStarts.length) return '';
    return this.text.slice(this.lineStarts[line], this.lineEnd(line));
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.min(Math.max(0, line), this.lineStarts.length - 1)];
  }

  /** Offset of the end of a line's content, before its \r\n, \n or \r. */
  lineEnd(line: number): number {
    if (line + 1 >= this.lineStarts.length) return this.text.length;
    const brk = this.lineStarts[line + 1] - 1; // the \n or lone \r that ends the line
    return this.text.charCodeAt(brk) === 10 && brk > this.lineStarts[line] && this.text.charCodeAt(brk - 1) === 13 ? brk - 1 : brk;
  }

  /** The document's line break, so inserted lines match it. */
  get eol(): string {
    return this.text.includes('\r\n') ? '\r\n' : '\n';
  }
}

export function rangeContains(outer: Range, inner: Range): boolean {
  const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}
