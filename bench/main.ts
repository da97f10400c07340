// `npm run bench` (full) or `npm run bench -- --quick` (CI: smaller samples, under a minute on an idle 2-core box).
// Prints markdown tables with ratios against the named peers, measured in this same run on the same inputs, and
// ends with the issue 19 targets, each with PASS or MISS (the bench exits 0 either way: targets are not tests).
//   --only=engine,lsp,sizes,runtime   run only these parts (default: all)
//   --targets                         only the rows the targets read (proxy-heavy Dockerfiles, p95, RSS)
//   --runs=N                          measure engine and LSP N times; the targets table shows each run and the median
import { cpus, loadavg, totalmem } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { benchEngine, type EngineTargets } from './engine';
import { benchLsp, type LspTargets } from './lsp';
import { benchSizes } from './sizes';
import { benchRuntime } from './runtime';
import { percentile } from './timing';

const ROOT = path.resolve(__dirname, '../..');
const PARTS = ['engine', 'lsp', 'sizes', 'runtime'] as const;

function option(name: string): string | undefined {
  const arg = process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  return arg === undefined ? undefined : arg.slice(name.length + 3);
}

interface Target { what: string; limit: number; values: number[] }

/** The issue 19 targets: each ratio against its limit, the median over the runs deciding PASS or MISS. */
function targetsTable(engine: EngineTargets[], lsp: LspTargets[]): void {
  const targets: Target[] = [];
  const add = (what: string, limit: number, values: Array<number | undefined>) => {
    const known = values.filter((v): v is number => v !== undefined && Number.isFinite(v));
    if (known.length > 0) targets.push({ what, limit, values: known });
  };
  for (const size of [100, 1000, 10000]) add(`proxy-heavy lint / dockerfile-utils validate, ${size} lines`, 1.0, engine.map((e) => e.validate.get(size)));
  for (const size of [100, 1000, 10000]) add(`proxy-heavy lint / bare dockerfile-ast parse, ${size} lines`, 1.5, engine.map((e) => e.parse.get(size)));
  for (const lines of [100, 1000]) add(`didChange → diagnostics p95 / rcjsuen's server, proxy-heavy, ${lines} lines`, 1.0, lsp.map((l) => l.p95.get(lines)));
  add('server RSS after 1,000 documents (young generation 1 MB in both, after full GCs) / rcjsuen\'s server', 1.2, lsp.map((l) => l.rss));
  if (targets.length === 0) return;
  console.log('\n### Targets (issue 19)\n');
  console.log('| target | limit | runs | median | result |');
  console.log('|---|---|---|---|---|');
  for (const t of targets) {
    const median = percentile(t.values, 50);
    console.log(`| ${t.what} | ≤ ${t.limit.toFixed(1)}× | ${t.values.map((v) => `${v.toFixed(2)}×`).join(', ')} | ${median.toFixed(2)}× | ${median <= t.limit ? 'PASS' : 'MISS'} |`);
  }
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const targetsOnly = process.argv.includes('--targets');
  const runs = Math.max(1, Number(option('runs') ?? 1) || 1);
  const only = new Set((option('only') ?? PARTS.join(',')).split(',').filter(Boolean));
  for (const part of only) if (!(PARTS as readonly string[]).includes(part)) throw new Error(`--only: unknown part ${part} (parts: ${PARTS.join(', ')})`);
  const started = performance.now();
  const peers = ['dockerfile-utils', 'dockerfile-ast', 'dockerfile-language-server-nodejs', 'jsonc-parser']
    .map((name) => `${name} ${require(path.join(ROOT, 'node_modules', name, 'package.json')).version}`);
  console.log(`## Docker Proxy Doctor bench${quick ? ' (--quick)' : ''}${targetsOnly ? ' (--targets)' : ''}${runs > 1 ? ` (${runs} runs)` : ''}`);
  console.log(`\n${new Date().toISOString()}; ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}; ${(totalmem() / 2 ** 30).toFixed(1)} GiB; ` +
    `Node ${process.version}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`Peers: ${peers.join(', ')}`);

  const engine: EngineTargets[] = [];
  const lsp: LspTargets[] = [];
  for (let run = 1; run <= runs; run++) {
    if (runs > 1) console.log(`\n## Run ${run} of ${runs} (load average ${loadavg().map((l) => l.toFixed(1)).join(' ')})`);
    if (only.has('engine')) engine.push(benchEngine({ quick, targetsOnly }));
    if (only.has('lsp')) lsp.push(await benchLsp({ quick, root: ROOT, targetsOnly }));
  }
  if (only.has('sizes') && !targetsOnly) benchSizes(ROOT);
  if (only.has('runtime') && !targetsOnly) await benchRuntime({ quick });
  targetsTable(engine, lsp);
  console.log(`\nbench finished in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
