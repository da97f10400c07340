// `docker-proxy-doctor explain` as a user runs it (dist/cli.js): file and stdin, text and JSON, exit codes, masking,
// bad input. Build first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'dist/cli.js');
const fixtures = path.join(root, 'test/fixtures/explain');

function run(args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [cli, ...args], { cwd: root, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
    if (stdin !== undefined) child.stdin!.end(stdin);
    else child.stdin!.end();
  });
}

const BUILD_LOG = [
  '#0 building with "default" instance using docker driver',
  '#2 [internal] load metadata for docker.io/library/node:20-alpine',
  '#2 ERROR: failed to authorize: failed to fetch oauth token: Post "https://auth.docker.io/token": dial tcp 54.236.113.205:443: i/o timeout',
  '#5 [2/3] RUN apt-get update',
  '#5 0.532 \u001b[31mW: Failed to fetch http://deb.debian.org/debian/dists/bookworm/InRelease  407  Proxy Authentication Required [IP: 10.0.0.5 3128]\u001b[0m',
  '* Uses proxy env variable HTTPS_PROXY == \'http://jdoe:Winter2026@proxy.corp:3128\'',
  'ERROR: failed to solve: failed to fetch oauth token: Post "https://auth.docker.io/token": dial tcp 54.236.113.205:443: i/o timeout',
  '',
].join('\n');

let tmp = '';
before(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'dpd-explain-'));
  writeFileSync(path.join(tmp, 'build.log'), BUILD_LOG);
  writeFileSync(path.join(tmp, 'clean.log'), readFileSync(path.join(fixtures, 'negative/buildkit-success.log')));
  writeFileSync(path.join(tmp, 'bom-crlf.log'), '\uFEFFStep 1/2 : FROM alpine\r\nError response from daemon: Get "https://registry-1.docker.io/v2/": proxyconnect tcp: tls: first record does not look like a TLS handshake\r\n');
  writeFileSync(path.join(tmp, 'binary.log'), Buffer.from([0, 1, 2, 0xff, 0xfe, 0x1b, 0x5b, 10, 13]));
});
after(() => rmSync(tmp, { recursive: true, force: true }));

test('a file: each error once with its line, cause, layer and action; exit 1', async () => {
  const r = await run(['explain', path.join(tmp, 'build.log')]);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /^line 3: \[oauth-token-failed\]/m);
  assert.match(r.stdout, /^line 5: \[proxy-auth-required\]/m);
  assert.equal(r.stdout.match(/\[oauth-token-failed\]/g)?.length, 1, 'BuildKit prints the error twice; explain once');
  assert.match(r.stdout, /layer: {2}build steps/);
  assert.match(r.stdout, /action: Export HTTPS_PROXY/);
  assert.match(r.stdout, /2 known Docker proxy errors\./);
  assert.doesNotMatch(r.stdout, /\u001b\[/);
  assert.doesNotMatch(r.stdout, /Winter2026/);
});

test('stdin (docker build . 2>&1 | docker-proxy-doctor explain) and "-" read the same; JSON rows', async () => {
  const piped = await run(['explain'], BUILD_LOG);
  const dash = await run(['explain', '-'], BUILD_LOG);
  const file = await run(['explain', path.join(tmp, 'build.log')]);
  assert.equal(piped.stdout, file.stdout);
  assert.equal(dash.stdout, file.stdout);
  const json = await run(['explain', '--format', 'json'], BUILD_LOG);
  assert.equal(json.code, 1);
  const rows = JSON.parse(json.stdout);
  assert.deepEqual(rows.map((x: { line: number; id: string; layer: string }) => [x.line, x.id, x.layer]), [[3, 'oauth-token-failed', 'cli-shell'], [5, 'proxy-auth-required', 'build-args']]);
  for (const row of rows) assert.deepEqual(Object.keys(row), ['line', 'id', 'layer', 'cause', 'action', 'text']);
  const eq = await run(['explain', '--format=json', path.join(tmp, 'build.log')]);
  assert.equal(eq.stdout, json.stdout);
});

test('nothing found: exit 0 and a plain sentence (text), [] (JSON)', async () => {
  const r = await run(['explain', path.join(tmp, 'clean.log')]);
  assert.equal(r.code, 0);
  assert.equal(r.stdout, 'No known Docker proxy error found.\n');
  const j = await run(['explain', '--format', 'json'], '');
  assert.equal(j.code, 0);
  assert.deepEqual(JSON.parse(j.stdout), []);
});

test('BOM, CRLF and binary junk: no crash', async () => {
  const crlf = await run(['explain', '--format', 'json', path.join(tmp, 'bom-crlf.log')]);
  assert.equal(crlf.code, 1);
  assert.deepEqual(JSON.parse(crlf.stdout).map((x: { line: number; id: string }) => [x.line, x.id]), [[2, 'https-proxy-url-to-plain-proxy']]);
  const bin = await run(['explain', path.join(tmp, 'binary.log')]);
  assert.equal(bin.code, 0, bin.stderr);
});

test('bad input: missing file, a directory, unreadable file, unknown option, two files: exit 2 with a next step', async () => {
  const missing = await run(['explain', path.join(tmp, 'nope.log')]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /cannot read .*nope\.log: no such file/);
  const dir = await run(['explain', tmp]);
  assert.equal(dir.code, 2);
  assert.match(dir.stderr, /directory; give a log file/);
  if (process.getuid?.() !== 0) {
    const locked = path.join(tmp, 'locked.log');
    writeFileSync(locked, 'x');
    chmodSync(locked, 0o000);
    const denied = await run(['explain', locked]);
    assert.equal(denied.code, 2);
    assert.match(denied.stderr, /permission denied/);
  }
  const opt = await run(['explain', '--colour']);
  assert.equal(opt.code, 2);
  assert.match(opt.stderr, /unknown option --colour/);
  assert.match(opt.stderr, /docker-proxy-doctor explain \[--format text\|json\] \[--machine \[--docker PATH\]\] \[FILE\]/);
  const fmt = await run(['explain', '--format', 'sarif']);
  assert.equal(fmt.code, 2);
  const two = await run(['explain', 'a.log', 'b.log']);
  assert.equal(two.code, 2);
  assert.match(two.stderr, /one FILE/);
});

test('every corpus file as one log: exit 1, and no password or Basic credentials in the output', async () => {
  const dir = path.join(fixtures, 'corpus');
  let total = 0;
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
    const r = await run(['explain', '--format', 'json', path.join(dir, f)]);
    assert.equal(r.code, 1, `${f}: ${r.stderr}`);
    const rows = JSON.parse(r.stdout);
    assert.ok(rows.length >= 3, `${f}: ${rows.length}`);
    total += rows.length;
    for (const s of ['Winter2026', 'S3cr%21t', 'amRvZTpXaW50ZXIyMDI2']) assert.ok(!r.stdout.includes(s), `${f}: ${s}`);
  }
  assert.ok(total >= 60, `only ${total}`);
});

test('help lists explain', async () => {
  const r = await run(['--help']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /docker build \. 2>&1 \| docker-proxy-doctor explain/);
});
