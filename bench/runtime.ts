// Wall times of the two things that run commands and open connections, against what a user would otherwise run:
// - Proxy Status refresh (every layer, all its commands in parallel) on a real dockerd 26 vs one `docker info`;
// - the connectivity test (6 layer setups × 2 registries, probed in parallel) vs its slowest single probe, against
//   the real registry, squid, tinyproxy and proxy-chain of test/probe/parts.ts.
// Both need root and the parts .ci/install.sh provides; without them the row says why it was skipped.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { computeStatusReport } from '../server/src/engine/status';
import { createNodeMachine } from '../server/src/node/nodeMachine';
import { createNodeDialer, nodeClock } from '../server/src/node/nodeDialer';
import { runConnectivityTest, type LayerProxyInput } from '../server/src/engine/probe';
import { BUILDX_PLUGIN, DOCKERD, cleanEnv, dockerPath, startDaemon, stopDaemon } from '../test/dockerd/dockerd';
import { HOSTS, PROXY_PASSWORD, PROXY_USER, startParts } from '../test/probe/parts';
import { percentile } from './timing';

export interface RuntimeOptions { quick: boolean }

const COMMAND_TIMEOUT_MS = 60_000;

function row(cells: string[]): void {
  console.log(`| ${cells.join(' | ')} |`);
}

function ms(value: number): string {
  return `${value.toFixed(0)} ms`;
}

function dockerInfo(sock: string, config: string): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    execFile('docker', ['info', '--format', '{{json .}}'], { env: cleanEnv({ DOCKER_HOST: `unix://${sock}`, DOCKER_CONFIG: config }), timeout: COMMAND_TIMEOUT_MS },
      (error) => (error ? reject(error) : resolve(performance.now() - t0)));
  });
}

async function statusRefresh(reps: number): Promise<void> {
  if (process.getuid?.() !== 0) return row(['Proxy Status refresh vs `docker info`', 'skipped: a real dockerd needs root', '', '', '']);
  if (!fs.existsSync(DOCKERD)) return row(['Proxy Status refresh vs `docker info`', `skipped: no dockerd at ${DOCKERD} (run bash .ci/install.sh)`, '', '', '']);
  const base = fs.mkdtempSync(path.join(process.env.RUN_DIR && fs.existsSync(process.env.RUN_DIR) ? process.env.RUN_DIR : os.tmpdir(), 'bench-status-'));
  const tree = path.join(base, 'tree');
  const config = path.join(base, 'cli');
  fs.mkdirSync(path.join(tree, 'etc/docker'), { recursive: true });
  fs.mkdirSync(path.join(config, 'cli-plugins'), { recursive: true });
  if (fs.existsSync(BUILDX_PLUGIN)) fs.copyFileSync(BUILDX_PLUGIN, path.join(config, 'cli-plugins/docker-buildx'));
  const daemonJson = path.join(tree, 'etc/docker/daemon.json');
  fs.writeFileSync(daemonJson, JSON.stringify({ proxies: { 'http-proxy': 'http://proxy.corp.example:3128', 'https-proxy': 'http://proxy.corp.example:3128', 'no-proxy': 'localhost,127.0.0.1' } }, null, 2));
  const daemon = await startDaemon(daemonJson);
  try {
    const machine = createNodeMachine({ root: tree, env: { HOME: '/home/user', PATH: dockerPath(), DOCKER_HOST: `unix://${daemon.sock}`, DOCKER_CONFIG: config, HTTPS_PROXY: 'http://proxy.corp.example:3128' } });
    const refresh = async () => {
      const t0 = performance.now();
      const report = await computeStatusReport(machine, { trusted: true, commandTimeoutMs: COMMAND_TIMEOUT_MS, systemctlPath: '/nonexistent/systemctl' });
      if (report.docker.state !== 'ok') throw new Error(`status: docker is ${report.docker.state}: ${report.docker.message}`);
      const durations = report.commands.map((c) => c.durationMs);
      return { wall: performance.now() - t0, commands: report.commands.length, slowest: Math.max(...durations), sum: durations.reduce((a, b) => a + b, 0), names: report.commands.map((c) => c.command) };
    };
    const first = await refresh(); // the first one also warms the page cache for the docker binaries
    const walls: number[] = [];
    const infos: number[] = [];
    const slowest: number[] = [];
    const sums: number[] = [];
    for (let i = 0; i < reps; i++) { // interleaved, so load changes hit both alike
      const r = await refresh();
      walls.push(r.wall);
      slowest.push(r.slowest);
      sums.push(r.sum);
      infos.push(await dockerInfo(daemon.sock, config));
    }
    const refreshMedian = percentile(walls, 50);
    const infoMedian = percentile(infos, 50);
    row([`Proxy Status refresh (${first.commands} commands in parallel) vs one \`docker info\`, median of ${reps}`, ms(refreshMedian), ms(infoMedian), `${(refreshMedian / infoMedian).toFixed(2)}×`, `first refresh ${ms(first.wall)}; its slowest command ${ms(percentile(slowest, 50))} (refresh / slowest ${(refreshMedian / percentile(slowest, 50)).toFixed(2)}×); one after the other ${ms(percentile(sums, 50))}; commands: ${first.names.join(', ')}`]);
  } finally {
    await stopDaemon(daemon);
    fs.rmSync(base, { recursive: true, force: true });
  }
}

async function connectivity(reps: number): Promise<void> {
  let parts;
  try {
    parts = await startParts();
  } catch (error) {
    return row(['Connectivity test vs its slowest single probe', `skipped: the registry and proxies did not start (${String(error).split('\n')[0].slice(0, 160)}; run bash .ci/install.sh)`, '', '', '']);
  }
  try {
    const p = parts;
    const creds = `${PROXY_USER}:${encodeURIComponent(PROXY_PASSWORD)}@`;
    const layer = (layerId: LayerProxyInput['layer'], env: Record<string, string>, extra: Partial<LayerProxyInput> = {}): LayerProxyInput =>
      ({ layer: layerId, consumerLabel: 'bench', env, consumer: 'go', namespace: 'host', source: 'bench', ...extra });
    const layers = [
      layer('cli-shell', {}),
      layer('daemon', { HTTPS_PROXY: `http://127.0.0.1:${p.squid}` }),
      layer('vscode', { https_proxy: `http://127.0.0.1:${p.tinyproxy}` }, { consumer: 'curl' }),
      layer('builder', { HTTPS_PROXY: `http://${creds}127.0.0.1:${p.proxyChainAuth}` }),
      layer('build-args', { HTTPS_PROXY: `http://127.0.0.1:${p.deadPort}` }),
      layer('client-config', { HTTPS_PROXY: `http://127.0.0.1:${p.squid}` }, { namespace: 'container', consumer: 'curl' }),
    ];
    const registries = [`registry.test:${p.tokenRegistry}`, `basic.test:${p.basicRegistry}`];
    const dialer = createNodeDialer({ extraCaPem: [p.caPem], hosts: HOSTS });
    const ratios: number[] = [];
    const totals: number[] = [];
    const slowests: number[] = [];
    let sums = 0;
    for (let i = 0; i < reps; i++) {
      const t0 = performance.now();
      const report = await runConnectivityTest({ layers, registries, dialer, clock: nodeClock, timeoutMs: 20_000, generatedAt: new Date().toISOString() });
      const total = performance.now() - t0;
      const slowest = Math.max(...report.results.map((r) => r.durationMs));
      totals.push(total);
      slowests.push(slowest);
      ratios.push(total / slowest);
      sums += report.results.reduce((s, r) => s + r.durationMs, 0);
    }
    const median = percentile(ratios, 50);
    row([`Connectivity test, ${layers.length} layers × ${registries.length} registries = ${layers.length * registries.length} probes, median of ${reps}`, ms(percentile(totals, 50)), ms(percentile(slowests, 50)), `${median.toFixed(2)}×`, `target ≤ 1.1×: ${median <= 1.1 ? 'met' : 'not met'}; the probes one after the other would take ${ms(sums / reps)}`]);
  } finally {
    await parts.stop();
  }
}

export async function benchRuntime(options: RuntimeOptions): Promise<void> {
  console.log('\n### Proxy Status refresh and connectivity test (wall time, real dockerd, registry and proxies)\n');
  row(['what', 'ours', 'peer', 'ours / peer', 'note']);
  console.log('|---|---|---|---|---|');
  const reps = options.quick ? 3 : 7;
  for (const part of [statusRefresh, connectivity]) {
    try {
      await part(reps);
    } catch (error) {
      row([part === statusRefresh ? 'Proxy Status refresh vs `docker info`' : 'Connectivity test vs its slowest single probe', `failed: ${String(error).split('\n')[0].slice(0, 200)}`, '', '', '']);
    }
  }
}
