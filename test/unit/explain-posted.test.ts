// The error explainer against error outputs people posted in public issues and forums (issue 18): one file per
// group of misses (test/fixtures/explain/posted/*.txt, format in its README). Every case names the public page it
// was copied from; only the lines that carry the error are kept. The test prints the hit rate per group and fails
// on any miss, so a pattern change that loses a real-world text shows up here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CAUSES, explainLog } from '../../server/src/engine/causes';

const DIR = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'explain', 'posted');

/** Causes that do not blame a proxy: a non-proxy error may get one of these, or nothing. */
const NOT_PROXY = new Set(['daemon-down', 'docker-not-found', 'docker-permission', 'daemon-json-syntax', 'daemon-json-unknown-key', 'daemon-mirror-invalid']);

export interface PostedCase { group: string; id: string; layer?: string; line?: number; url: string; text: string; proxyHosts?: string[] }

export function loadPosted(): PostedCase[] {
  const cases: PostedCase[] = [];
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort()) {
    const group = file.replace(/\.txt$/, '');
    for (const block of readFileSync(path.join(DIR, file), 'utf8').split(/^(?=### )/m).filter((b) => b.startsWith('### '))) {
      const nl = block.indexOf('\n');
      const header = block.slice(4, nl);
      const bar = header.indexOf(' | ');
      assert.ok(bar > 0, `${file}: header without " | <url>": ${header}`);
      const [id, ...opts] = header.slice(0, bar).trim().split(/\s+/);
      const c: PostedCase = { group, id, url: header.slice(bar + 3).trim(), text: block.slice(nl + 1).replace(/\n+$/, '\n') };
      for (const o of opts) {
        if (o.startsWith('layer=')) c.layer = o.slice(6);
        else if (o.startsWith('line=')) c.line = Number(o.slice(5));
        else if (o.startsWith('proxy-hosts=')) c.proxyHosts = o.slice(12).split(',');
        else throw new Error(`${file}: unknown option ${o} in "${header}"`);
      }
      cases.push(c);
    }
  }
  return cases;
}

const cases = loadPosted();

/** Why a case misses, or undefined when the explainer gets it right. */
function miss(c: PostedCase): string | undefined {
  const found = explainLog(c.text, c.proxyHosts ? { knownProxyHosts: c.proxyHosts } : undefined);
  const summary = found.map((e) => `${e.line}:${e.id}(${e.layer ?? '-'})`).join(', ') || '(nothing)';
  if (c.id === 'none') return found.every((e) => NOT_PROXY.has(e.id)) ? undefined : `blamed on a proxy: ${summary}`;
  const first = found[0];
  if (!first) return 'nothing recognised';
  if (first.id !== c.id) return `got ${summary}`;
  if (c.line !== undefined && first.line !== c.line) return `line: ${summary}`;
  if (c.layer !== undefined && (first.layer ?? '-') !== c.layer) return `layer: ${summary}`;
  return undefined;
}

test('the posted set: at least 150 real outputs, each with its public source, ids from the catalog', () => {
  const ids = new Set([...CAUSES.map((c) => c.id), 'none']);
  assert.ok(cases.length >= 150, `only ${cases.length} cases`);
  for (const c of cases) {
    assert.ok(ids.has(c.id), `${c.url}: ${c.id} is not in the catalog`);
    assert.match(c.url, /^https:\/\/\S+$/, `${c.group}: a case without a source URL`);
  }
  assert.ok(cases.filter((c) => c.id === 'none').length >= 10, 'at least 10 non-proxy errors');
  const rows = new Map<string, { n: number; hit: number }>();
  for (const c of cases) {
    const r = rows.get(c.group) ?? { n: 0, hit: 0 };
    r.n++;
    if (!miss(c)) r.hit++;
    rows.set(c.group, r);
  }
  const total = [...rows.values()].reduce((a, r) => ({ n: a.n + r.n, hit: a.hit + r.hit }), { n: 0, hit: 0 });
  // printed for the closing note of issue 18
  console.log(`posted: ${total.hit}/${total.n} explained right; ${[...rows].map(([g, r]) => `${g} ${r.hit}/${r.n}`).join(', ')}`);
});

for (const c of cases) {
  test(`${c.group}: ${c.id} ← ${c.url}`, () => {
    const why = miss(c);
    assert.equal(why, undefined, `${why}\n${c.text}`);
  });
}
