// Over LSP stdio, one harness, our server and rcjsuen's dockerfile-language-server-nodejs side by side: cold start,
// didChange -> publishDiagnostics latency (p50/p95), a burst of typing, and RSS after opening 1,000 documents.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { BenchClient, type ProcessMemory, type ServerSpec, type V8Memory } from './lspHarness';
import { plainDockerfile, proxyDockerfile } from './inputs';
import { fmtMs, percentile, ratio } from './timing';

export interface LspOptions { quick: boolean; root: string; /** Only what the issue 19 targets read. */ targetsOnly?: boolean }

/** Ratios the targets read: didChange p95 (proxy-heavy) by lines, and RSS after opening 1,000 documents. */
export interface LspTargets { p95: Map<number, number>; rss?: number }

const KEYSTROKES = 20;
const KEYSTROKE_GAP_MS = 30;

function specs(root: string): [ServerSpec, ServerSpec] {
  return [
    { name: 'ours', command: process.execPath, args: [path.join(root, 'dist/server.js'), '--stdio'] },
    {
      name: 'dockerfile-language-server-nodejs',
      command: process.execPath,
      args: [path.join(root, 'node_modules/dockerfile-language-server-nodejs/bin/docker-langserver'), '--stdio'],
    },
  ];
}

/** The publish that answers `version` of `uri`: ours carries the version; the peer publishes once per change. */
function answers(uri: string, version: number, ours: boolean) {
  return (p: { uri: string; version?: number }) => p.uri === uri && (!ours || p.version === version);
}

async function coldStarts(all: ServerSpec[], runs: number): Promise<Map<string, number[]>> {
  const times = new Map<string, number[]>(all.map((s) => [s.name, []]));
  for (let r = 0; r < runs; r++) {
    for (const spec of all) {
      const { client, coldStartMs } = await BenchClient.start(spec);
      times.get(spec.name)!.push(coldStartMs);
      await client.stop();
    }
  }
  return times;
}

/** Opens a document and waits until its first diagnostics arrived. */
async function openAndWait(client: BenchClient, uri: string, text: string, ours: boolean): Promise<void> {
  const from = client.publishes.length;
  await client.open(uri, text);
  await client.waitForPublish(from, answers(uri, 1, ours), `diagnostics for ${uri}`);
}

/** Latency of single edits (insert a character on the last line, then remove it), alternating between servers. */
async function latencies(clients: BenchClient[], text: string, samples: number, tag: string): Promise<Map<string, number[]>> {
  const result = new Map<string, number[]>(clients.map((c) => [c.spec.name, []]));
  const lastLine = text.split('\n').length - 1;
  const uri = `file:///bench/${tag}/Dockerfile`;
  for (const c of clients) await openAndWait(c, uri, text, c.spec.name === 'ours');
  let version = 1;
  for (let i = 0; i < samples; i++) {
    version++;
    for (const c of clients) {
      const ours = c.spec.name === 'ours';
      const from = c.publishes.length;
      const t0 = performance.now();
      if (version % 2 === 0) await c.insert(uri, version, lastLine, 0, '#');
      else await c.remove(uri, version, lastLine, 0, 1);
      const p = await c.waitForPublish(from, answers(uri, version, ours), `diagnostics for version ${version}`);
      result.get(c.spec.name)!.push(p.at - t0);
    }
  }
  return result;
}

/** Types KEYSTROKES characters KEYSTROKE_GAP_MS apart; returns the time from the last keystroke to the last result. */
async function burst(client: BenchClient, text: string, tag: string): Promise<{ ms: number; publishes: number }> {
  const ours = client.spec.name === 'ours';
  const uri = `file:///bench/${tag}/Dockerfile`;
  const lastLine = text.split('\n').length - 1;
  await openAndWait(client, uri, text, ours);
  const from = client.publishes.length;
  let version = 1;
  let lastSent = 0;
  for (let k = 0; k < KEYSTROKES; k++) {
    version++;
    lastSent = performance.now();
    await client.insert(uri, version, lastLine, k, k === 0 ? '#' : 'x');
    if (k < KEYSTROKES - 1) await delay(KEYSTROKE_GAP_MS); // the typing rhythm being simulated, not a wait for a result
  }
  let last;
  if (ours) {
    last = await client.waitForPublish(from, answers(uri, version, true), 'diagnostics after the burst');
  } else {
    // rcjsuen's server validates every change: its last result is its KEYSTROKES-th publish for the document.
    const mine = () => client.publishes.slice(from).filter((p) => p.params.uri === uri);
    last = await client.waitUntil(() => mine()[KEYSTROKES - 1], 'diagnostics after the burst');
  }
  return { ms: last.at - lastSent, publishes: client.publishes.slice(from).filter((p) => p.params.uri === uri).length };
}

/** Memory readings after the documents: idle as the server left it, then after two full GCs (see rssAfterOpening). */
interface RssReading { asLeft: ProcessMemory; afterGc: ProcessMemory; v8: V8Memory }

/** Idle samples per reading, IDLE_GAP_MS apart; each reading is their median. */
const IDLE_SAMPLES = 5;
const IDLE_GAP_MS = 200;

async function idleMedian(client: BenchClient): Promise<ProcessMemory> {
  const samples: ProcessMemory[] = [];
  for (let i = 0; i < IDLE_SAMPLES; i++) {
    const m = client.memory();
    if (m) samples.push(m);
    if (i < IDLE_SAMPLES - 1) await delay(IDLE_GAP_MS); // the sampling rhythm, not a wait for a result
  }
  if (samples.length === 0) throw new Error(`${client.spec.name}: /proc/PID/smaps_rollup unreadable`);
  const med = (key: keyof ProcessMemory) => percentile(samples.map((s) => s[key]), 50);
  return { rss: med('rss'), pssAnon: med('pssAnon'), pssFile: med('pssFile') };
}

/**
 * Opens `documents` Dockerfiles, waits for all their diagnostics, then reads the server's memory twice while it is
 * idle: as left, and after two full GCs (bench/gcOnSignal.ts, preloaded into both servers alike). `v8Flags` go to
 * both servers alike too (the young generation's size, see benchLsp).
 */
async function rssAfterOpening(spec: ServerSpec, documents: number, lines: number, root: string, v8Flags: string[]): Promise<RssReading> {
  const preload = path.join(root, 'out/bench/gcOnSignal.js');
  const { client } = await BenchClient.start({ ...spec, args: [...v8Flags, '--expose-gc', '--require', preload, ...spec.args] });
  try {
    const ours = spec.name === 'ours';
    const small = [proxyDockerfile(lines), plainDockerfile(lines)];
    const from = client.publishes.length;
    const uris = new Set<string>();
    for (let i = 0; i < documents; i++) {
      const uri = `file:///bench/rss/${i}/Dockerfile`;
      uris.add(uri);
      await client.open(uri, `${small[i % 2]}# document ${i}\n`);
    }
    const pending = new Set(uris);
    let next = from;
    await client.waitUntil(() => {
      for (; next < client.publishes.length; next++) {
        const p = client.publishes[next].params;
        if (!ours || p.version === 1) pending.delete(p.uri);
      }
      return pending.size === 0 ? true : undefined;
    }, `diagnostics for ${documents} documents`);
    const asLeft = await idleMedian(client);
    const v8 = await client.fullGc();
    const afterGc = await idleMedian(client);
    return { asLeft, afterGc, v8 };
  } finally {
    await client.stop();
  }
}

function mb(bytes: number | undefined): string {
  return bytes === undefined ? 'n/a' : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export async function benchLsp(options: LspOptions): Promise<LspTargets> {
  const all = specs(options.root);
  const [oursSpec, peerSpec] = all;
  const targets: LspTargets = { p95: new Map() };

  console.log('\n### LSP over stdio: ours vs dockerfile-language-server-nodejs (wall time)\n');
  // `node scripts/build.mjs` alone writes the development bundle (unminified, with a source map): about 5 MB more
  // RSS than the minified one `npm run build` ships in the VSIX and the npm package (median 107.1 against 101.7 MB).
  if (readFileSync(path.join(options.root, 'dist/server.js'), 'utf8').includes('//# sourceMappingURL=')) {
    console.log('Note: dist/server.js is the development bundle; `npm run build` gives the one that ships.\n');
  }
  console.log('| measure | ours | peer | ours / peer |');
  console.log('|---|---|---|---|');
  if (!options.targetsOnly) {
    const cold = await coldStarts(all, options.quick ? 2 : 10);
    const coldOurs = percentile(cold.get('ours')!, 50);
    const coldPeer = percentile(cold.get(peerSpec.name)!, 50);
    console.log(`| cold start (spawn → initialize result), median of ${cold.get('ours')!.length} | ${fmtMs(coldOurs)} | ${fmtMs(coldPeer)} | ${ratio(coldOurs, coldPeer)} |`);
  }

  const started = [await BenchClient.start(oursSpec), await BenchClient.start(peerSpec)].map((s) => s.client);
  try {
    const samples = options.quick ? 10 : 100;
    for (const lines of [100, 1000]) {
      for (const [label, make] of options.targetsOnly ? [['proxy-heavy', proxyDockerfile]] as const : [['proxy-heavy', proxyDockerfile], ['proxy-free', plainDockerfile]] as const) {
        const lat = await latencies(started, make(lines), samples, `lat-${label}-${lines}`);
        const o = lat.get('ours')!;
        const p = lat.get(peerSpec.name)!;
        if (label === 'proxy-heavy') targets.p95.set(lines, percentile(o, 95) / percentile(p, 95));
        for (const q of [50, 95]) {
          console.log(`| didChange → publishDiagnostics p${q}, ${lines} lines ${label} (${samples} edits) | ${fmtMs(percentile(o, q))} | ${fmtMs(percentile(p, q))} | ${ratio(percentile(o, q), percentile(p, q))} |`);
        }
      }
    }
    for (const lines of options.targetsOnly ? [] : [100, 1000]) {
      const text = proxyDockerfile(lines);
      const runs = options.quick ? 1 : 3;
      const o: number[] = [];
      const p: number[] = [];
      let oPub = 0;
      let pPub = 0;
      for (let r = 0; r < runs; r++) {
        const a = await burst(started[0], text, `burst-${lines}-${r}`);
        const b = await burst(started[1], text, `burst-${lines}-${r}`);
        o.push(a.ms);
        p.push(b.ms);
        oPub = a.publishes;
        pPub = b.publishes;
      }
      console.log(`| ${KEYSTROKES} keystrokes ${KEYSTROKE_GAP_MS} ms apart, ${lines} lines proxy-heavy: last keystroke → last diagnostics (median of ${runs}); publishes | ${fmtMs(percentile(o, 50))}; ${oPub} | ${fmtMs(percentile(p, 50))}; ${pPub} | ${ratio(percentile(o, 50), percentile(p, 50))} |`);
    }
  } finally {
    for (const c of started) await c.stop();
  }

  const documents = 1000;
  const lines = options.quick ? 30 : 100; // --quick keeps the count but makes each document smaller
  // V8 sizes the young generation by its own heuristics (semi-spaces grow from 1 MB to 16 MB when scavenges keep
  // much) and a full GC does not shrink it: in plain node the peer read 95 MB in most runs and 81 MB in others, with
  // the same old generation, because its young generation had or had not grown. The target reads both servers with
  // the young generation pinned to V8's minimum (1 MB semi-spaces) after two full GCs: what each holds beyond a
  // sizing choice of V8's, and the least favourable of the three readings for us in the runs so far. Plain node and
  // a 16 MB pin (V8's default maximum) are printed beside it.
  const read = async (flags: string[]) => [
    await rssAfterOpening(oursSpec, documents, lines, options.root, flags),
    await rssAfterOpening(peerSpec, documents, lines, options.root, flags),
  ];
  const [plainO, plainP] = await read([]);
  const [o, p] = await read(['--min-semi-space-size=1', '--max-semi-space-size=1']);
  const [bigO, bigP] = await read(['--min-semi-space-size=16', '--max-semi-space-size=16']);
  targets.rss = o.afterGc.rss / p.afterGc.rss;
  const what = `${documents} Dockerfiles of ${lines} lines (half with proxies)`;
  const row = (label: string, a: number, b: number) => console.log(`| ${label} | ${mb(a)} | ${mb(b)} | ${ratio(a, b)} |`);
  const idle = `median of ${IDLE_SAMPLES} idle samples`;
  row(`server RSS after opening ${what}, plain node as editors start it, as left (${idle})`, plainO.asLeft.rss, plainP.asLeft.rss);
  row('  V8 heap committed (heapTotal) in that run, after two full GCs: tells whether the young generation had grown', plainO.v8.heapTotal, plainP.v8.heapTotal);
  row(`server RSS after opening ${what}, young generation 1 MB in both, after two full GCs (${idle}; the target)`, o.afterGc.rss, p.afterGc.rss);
  row('  of it Pss_Anon (V8 heap, malloc, stacks)', o.afterGc.pssAnon, p.afterGc.pssAnon);
  row('  of it Pss_File (node binary and libraries, shared with other node processes)', o.afterGc.pssFile, p.afterGc.pssFile);
  row('  V8 heap committed (heapTotal)', o.v8.heapTotal, p.v8.heapTotal);
  row('  V8 heap used', o.v8.heapUsed, p.v8.heapUsed);
  row('  V8 external (array buffers included)', o.v8.external, p.v8.external);
  row(`server RSS after opening ${what}, young generation 16 MB in both, after two full GCs (${idle})`, bigO.afterGc.rss, bigP.afterGc.rss);
  console.log('\nTargets: cold start ≤ 1.0× the peer; didChange p95 ≤ 1.0× the peer.');
  return targets;
}
