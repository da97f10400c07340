// `npm run bench` (full) or `npm run bench -- --quick` (CI: smaller samples, under a minute on an idle 2-core box).
// Prints markdown tables with ratios against the named peers, measured in this same run on the same inputs.
// No thresholds: the targets are printed next to the numbers, and docs/performance.md records a full run.
import { cpus, loadavg, totalmem } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { benchEngine } from './engine';
import { benchLsp } from './lsp';
import { benchSizes } from './sizes';
import { benchRuntime } from './runtime';

const ROOT = path.resolve(__dirname, '../..');

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const started = performance.now();
  const peers = ['dockerfile-utils', 'dockerfile-ast', 'dockerfile-language-server-nodejs', 'jsonc-parser']
    .map((name) => `${name} ${require(path.join(ROOT, 'node_modules', name, 'package.json')).version}`);
  console.log(`## Docker Proxy Doctor bench${quick ? ' (--quick)' : ''}`);
  console.log(`\n${new Date().toISOString()}; ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}; ${(totalmem() / 2 ** 30).toFixed(1)} GiB; ` +
    `Node ${process.version}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`Peers: ${peers.join(', ')}`);

  benchEngine({ quick });
  await benchLsp({ quick, root: ROOT });
  benchSizes(ROOT);

  await benchRuntime({ quick });
  console.log(`\nbench finished in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
