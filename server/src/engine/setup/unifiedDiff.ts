// A unified diff (`diff -u` layout) of two texts, for the plan's preview. Line-based LCS; the files it sees are small
// configuration files, and past MAX_CELLS it falls back to one hunk replacing everything (still a valid diff).

const MAX_CELLS = 4_000_000;
const CONTEXT = 3;

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

type Op = { kind: ' ' | '-' | '+'; line: string };

function ops(a: string[], b: string[]): Op[] {
  // Common prefix and suffix first: most edits touch a few lines of a file.
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const am = a.slice(pre, a.length - suf);
  const bm = b.slice(pre, b.length - suf);
  const middle: Op[] = [];
  if ((am.length + 1) * (bm.length + 1) > MAX_CELLS) {
    middle.push(...am.map((line) => ({ kind: '-' as const, line })), ...bm.map((line) => ({ kind: '+' as const, line })));
  } else {
    const n = am.length;
    const m = bm.length;
    const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = am[i] === bm[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && am[i] === bm[j]) { middle.push({ kind: ' ', line: am[i] }); i++; j++; }
      else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) { middle.push({ kind: '-', line: am[i] }); i++; }
      else { middle.push({ kind: '+', line: bm[j] }); j++; }
    }
  }
  return [...a.slice(0, pre).map((line) => ({ kind: ' ' as const, line })), ...middle, ...a.slice(a.length - suf).map((line) => ({ kind: ' ' as const, line }))];
}

/** `--- a/path` / `+++ b/path` diff; `before` undefined means a new file (`--- /dev/null`). Empty when equal. */
export function unifiedDiff(path: string, before: string | undefined, after: string): string {
  if (before === after) return '';
  const all = ops(splitLines(before ?? ''), splitLines(after));
  const out = [`--- ${before === undefined ? '/dev/null' : `a${path}`}`, `+++ b${path}`];
  let k = 0;
  while (k < all.length) {
    if (all[k].kind === ' ') { k++; continue; }
    // A hunk: from CONTEXT lines before this change to CONTEXT lines after the last change closer than 2*CONTEXT.
    const start = Math.max(0, k - CONTEXT);
    let end = k;
    let last = k;
    while (end < all.length) {
      if (all[end].kind !== ' ') last = end;
      else if (end - last > 2 * CONTEXT) break;
      end++;
    }
    end = Math.min(all.length, last + CONTEXT + 1);
    let oldLine = 1;
    let newLine = 1;
    for (let x = 0; x < start; x++) { if (all[x].kind !== '+') oldLine++; if (all[x].kind !== '-') newLine++; }
    const hunk = all.slice(start, end);
    const oldCount = hunk.filter((o) => o.kind !== '+').length;
    const newCount = hunk.filter((o) => o.kind !== '-').length;
    out.push(`@@ -${oldCount ? oldLine : oldLine - 1},${oldCount} +${newCount ? newLine : newLine - 1},${newCount} @@`);
    for (const o of hunk) out.push(`${o.kind}${o.line.replace(/\r$/, '')}`);
    k = end;
  }
  if (after !== '' && !after.endsWith('\n')) out.push('\\ No newline at end of file');
  return out.join('\n') + '\n';
}
