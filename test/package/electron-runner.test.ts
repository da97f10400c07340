// `npm run test:electron` must fail fast and say what to do when VS Code cannot be downloaded. The download is made
// impossible on any machine (with or without internet) by pointing test-electron's proxy setting at a closed port
// on 127.0.0.1, and by an empty download cache, so no earlier download is reused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from './helpers';

/** A port on 127.0.0.1 that nothing listens on: bound by us, then closed. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

test('test:electron without a reachable download exits 2 with the reason and the code-server alternative', async () => {
  const cache = mkdtempSync(path.join(os.tmpdir(), 'dpd-vscode-test-'));
  const port = await closedPort();
  const child = spawn(process.execPath, [path.join(ROOT, 'out/test/vscode/run-in-electron.js')], {
    cwd: ROOT,
    env: { ...process.env, npm_config_https_proxy: `http://127.0.0.1:${port}`, npm_config_proxy: '', DPD_VSCODE_TEST_CACHE: cache },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const guard = setTimeout(() => child.kill('SIGKILL'), 120_000); // failure guard only: a hang ends as a failure
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((r) => child.on('exit', (c, s) => r([c, s])));
  clearTimeout(guard);
  assert.equal(signal, null, `the runner hung and was killed; output:\n${out}`);
  assert.equal(code, 2, `exit code ${code}; output:\n${out}`);
  assert.match(out, /could not download VS Code 1\.100\.3/);
  assert.match(out, new RegExp(`ECONNREFUSED 127\\.0\\.0\\.1:${port}`), 'the underlying reason is shown');
  assert.match(out, /npm run test:vscode/, 'the message names the offline alternative');
  assert.deepEqual(readdirSync(cache), [], 'nothing half-downloaded is left in the cache');
});

test('test:electron runs the one suite that code-server runs, pinned to the same VS Code', () => {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  assert.match(manifest.scripts['test:electron'], /node out\/test\/vscode\/run-in-electron\.js/);
  assert.match(manifest.devDependencies['@vscode/test-electron'], /^\d+\.\d+\.\d+$/, 'pinned exactly');
  const runner = readFileSync(path.join(ROOT, 'test/vscode/run-in-electron.ts'), 'utf8');
  const codeServer = readFileSync(path.join(ROOT, 'test/vscode/run-in-code-server.sh'), 'utf8');
  assert.match(runner, /'out\/test\/vscode\/suite\/index'/);
  assert.match(codeServer, /out\/test\/vscode\/suite\/index/);
  const cs = /code-server (\d+\.\d+\.\d+) \(VS Code (\d+\.\d+\.\d+)\)/.exec(codeServer);
  assert.ok(cs, 'run-in-code-server.sh names its code-server and VS Code versions');
  assert.match(runner, new RegExp(`VSCODE_VERSION = '${cs[2].replace(/\./g, '\\.')}'`), 'both hosts run the same VS Code release');
});
