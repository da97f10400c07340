// The CLI's status output (text and JSON) never shows a planted proxy password: files of a --root tree, and this
// machine's environment and files (HOME, XDG_CONFIG_HOME, DOCKER_CONFIG prepared, docker pointed at no daemon).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'dist/cli.js');
const SECRET = 's3cr3tPass';
const URL = `http://user:${SECRET}@proxy.corp.example:3128`;
let tmp = '';

function run(args: string[], env?: NodeJS.ProcessEnv): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { cwd: root, timeout: 60_000, env: env ?? process.env }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, out: stdout + stderr });
    });
  });
}

function plant(base: string): void {
  const w = (p: string, text: string) => { mkdirSync(path.dirname(path.join(base, p)), { recursive: true }); writeFileSync(path.join(base, p), text); };
  w('etc/docker/daemon.json', `{"proxies":{"http-proxy":"${URL}","https-proxy":"user:${SECRET}@proxy:3128"}}`);
  w('etc/systemd/system/docker.service.d/http-proxy.conf', `[Service]\nEnvironment="HTTP_PROXY=${URL}"\n`);
  w('home/user/.docker/config.json', `{"proxies":{"default":{"httpProxy":"${URL}","httpsProxy":"${URL}"}}}`);
  w('xdg/docker/daemon.json', `{"proxies":{"https-proxy":"${URL}"}}`);
  w('xdg/systemd/user/docker.service.d/p.conf', `[Service]\nEnvironment="HTTPS_PROXY=${URL}"\n`);
  w('dc/config.json', `{"proxies":{"default":{"httpsProxy":"${URL}"}}}`);
}

before(() => { tmp = mkdtempSync(path.join(os.tmpdir(), 'dpd-cli-secret-')); plant(tmp); });
after(() => rmSync(tmp, { recursive: true, force: true }));

test('--root tree: text and json are masked', async () => {
  for (const format of ['text', 'json']) {
    const r = await run(['status', '--root', tmp, '--format', format]);
    assert.match(r.out, /xxxxx:xxxxx@/);
    assert.doesNotMatch(r.out, new RegExp(SECRET), format);
  }
});

test('this machine: environment, rootless files, config.json and the docker CLI (no daemon) are masked', async () => {
  const env = {
    PATH: process.env.PATH, HOME: tmp, XDG_CONFIG_HOME: path.join(tmp, 'xdg'), DOCKER_CONFIG: path.join(tmp, 'dc'),
    DOCKER_HOST: `unix://${path.join(tmp, 'none.sock')}`, HTTP_PROXY: URL, ALL_PROXY: URL, https_proxy: URL,
  };
  for (const format of ['text', 'json']) {
    const r = await run(['status', '--format', format], env);
    assert.match(r.out, /xxxxx:xxxxx@/);
    assert.doesNotMatch(r.out, new RegExp(SECRET), format);
  }
});
