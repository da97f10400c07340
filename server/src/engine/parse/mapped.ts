// Text pulled out of a document (a YAML block scalar, Makefile recipe lines, a Groovy string) together with the
// document offset of each of its characters, so findings on the extracted text point at the right place.

export interface MappedText {
  text: string;
  /** offsets[i] = document offset of text[i]; offsets[text.length] = document offset just after the last one. */
  offsets: number[];
}

/** Text that is a plain slice of the document starting at `start`. */
export function sliceOf(docText: string, start: number, end: number): MappedText {
  const text = docText.slice(start, end);
  const offsets = new Array<number>(text.length + 1);
  for (let i = 0; i <= text.length; i++) offsets[i] = start + i;
  return { text, offsets };
}

/**
 * Aligns a decoded value with the raw document text it came from (quotes, indentation, line folding and escapes
 * removed by the decoder): each value character is matched to the next equal raw character. A value character
 * that cannot be matched (an escape such as `\t`) takes the position after the previous one. Linear.
 */
export function alignValue(value: string, docText: string, rawStart: number, rawEnd: number): MappedText {
  const offsets = new Array<number>(value.length + 1);
  let r = rawStart;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    let k = r;
    // Look ahead a bounded distance so that one unmatched character cannot swallow the rest of the value.
    const limit = Math.min(rawEnd, r + 256);
    while (k < limit && docText[k] !== c && !(c === ' ' && docText[k] === '\n')) k++;
    if (k < limit) {
      offsets[i] = k;
      r = k + 1;
    } else offsets[i] = Math.min(r, rawEnd);
  }
  offsets[value.length] = value.length > 0 ? Math.min(rawEnd, Math.max(r, offsets[value.length - 1] + 1)) : rawStart;
  return { text: value, offsets };
}

/** Document offset where text[start..end) begins when those characters are written as-is, one after the other. */
export function contiguousOffset(m: MappedText, docText: string, start: number, end: number): number | undefined {
  if (start < 0 || end > m.text.length || start > end) return undefined;
  if (start === end) return m.offsets[start];
  const base = m.offsets[start];
  for (let i = start; i < end; i++) if (m.offsets[i] !== base + (i - start) || docText[base + (i - start)] !== m.text[i]) return undefined;
  return base;
}

/** Document [start, end) covering text[start..end). */
export function docSpan(m: MappedText, start: number, end: number): [number, number] {
  const s = m.offsets[Math.min(start, m.text.length)];
  const e = end > start ? m.offsets[end - 1] + 1 : s;
  return [s, Math.max(s, e)];
}

/** A sub-range of a mapped text, still mapped. */
export function subMapped(m: MappedText, start: number, end: number): MappedText {
  const offsets = m.offsets.slice(start, end);
  offsets.push(end > start ? m.offsets[end - 1] + 1 : m.offsets[start]);
  return { text: m.text.slice(start, end), offsets };
}
