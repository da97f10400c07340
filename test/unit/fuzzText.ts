// Seeded random texts for the fuzz and pre-scan tests: a small PRNG (so a failure can be replayed from its seed)
// and mutations that hit what parsers trip over: quotes, brackets, escapes, continuations, comments, odd Unicode.

/** mulberry32: a tiny 32-bit PRNG; the same seed gives the same sequence on every machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  '"', "'", '`', '\\', '\\\n', '\n', '\r\n', '#', '# ', '{', '}', '[', ']', ',', ':', '=', '$', '${', '%', '@',
  ' ', '\t', '\u0000', '\ufeff', '\ud800', '\udc00', '\u2028', 'é', '😀', 'null', 'true', '1e999', '-0',
  'ENV ', 'ARG ', 'RUN ', 'FROM ', '[Service]\n', 'Environment=', '"proxies"', 'http://', 'https://', 'socks5://',
  'HTTP_PROXY=', 'no_proxy=', '"http-proxy": ', '"httpProxy": ', 'localhost', '127.0.0.1', '*.', '.example.com',
  ':3128', 'user:pa:ss@', '"registry-mirrors": [', '-x ', '\\x50', '\\u0070', '/*', '*/', '//',
];

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)];
}

/** 1 to 6 random edits: delete, duplicate, insert a piece, swap case, cut the text. */
export function mutate(text: string, random: () => number): string {
  let out = text;
  const edits = 1 + Math.floor(random() * 6);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(random() * (out.length + 1));
    const len = Math.floor(random() * 12);
    switch (Math.floor(random() * 6)) {
      case 0: out = out.slice(0, at) + out.slice(at + len); break;
      case 1: out = out.slice(0, at) + out.slice(at, at + len) + out.slice(at); break;
      case 2: out = out.slice(0, at) + pick(PIECES, random) + out.slice(at); break;
      case 3: out = out.slice(0, at) + out.slice(at, at + len).toUpperCase() + out.slice(at + len); break;
      case 4: out = out.slice(0, at); break;
      default: out = out.replace(/prox/i, () => pick(['pro', 'PROX', 'pr\\\noxy', 'p', ''], random)); break;
    }
  }
  return out;
}

/** A random document from the pieces alone (no real file behind it). */
export function randomDocument(random: () => number, maxPieces = 60): string {
  const n = Math.floor(random() * maxPieces);
  let out = '';
  for (let i = 0; i < n; i++) out += random() < 0.2 ? String.fromCharCode(Math.floor(random() * 0x3000)) : pick(PIECES, random);
  return out;
}
