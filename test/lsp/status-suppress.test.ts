// A status finding that points at a drop-in line is suppressed the way a lint finding is: the code action of its
// diagnostic writes `# proxy-doctor ignore=<ID>` above the line, and after the save the status leaves it out. Over
// stdio against the bundled server, with a prepared HOME: a rootless drop-in under XDG_CONFIG_HOME gives dockerd an
// HTTPS proxy, the server's own environment has none, so SV001 points at that line. Untrusted requests: no program
// runs and no proxy is contacted (the finding comes from the files and the environment alone).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import type { ProxyStatusReport } from '../../server/src/engine/status/report';
import { applyEdits } from '../../server/src/engine';
import { TestClient } from './client';

const DROPIN = '[Service]\nEnvironment="HTTP_PROXY=http://proxy.corp.example:3128"\nEnvironment="HTTPS_PROXY=http://proxy.corp.example:3128"\nEnvironment="NO_PROXY=localhost,127.0.0.1"\n';
let tmp = '';
let dropIn = '';
let client: TestClient;

before(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'dpd-lsp-status-suppress-'));
  const xdg = path.join(tmp, 'xdg');
  dropIn = path.join(xdg, 'systemd/user/docker.service.d/http-proxy.conf');
  mkdirSync(path.dirname(dropIn), { recursive: true });
  writeFileSync(dropIn, DROPIN);
  client = await TestClient.start({
    env: { PATH: process.env.PATH, HOME: tmp, XDG_CONFIG_HOME: xdg, DOCKER_CONFIG: path.join(tmp, 'docker-config'), DOCKER_HOST: `unix://${path.join(tmp, 'no-daemon.sock')}` },
  });
});
after(async () => {
  await client?.shutdown().catch(() => client.dispose());
  rmSync(tmp, { recursive: true, force: true });
});

describe('suppressing a status finding with a comment in the drop-in it points at', () => {
  const uri = () => `file://${dropIn}`;
  let diagnostic: Diagnostic;
  test('SV001 is a diagnostic of the drop-in\'s HTTPS_PROXY line', async () => {
    const from = client.mark();
    await client.open(uri(), 'systemd', DROPIN);
    const report = await client.request<ProxyStatusReport>('dockerProxy/status', { trusted: false });
    assert.equal(report.findings.find((f) => f.id === 'SV001')?.source?.path, dropIn);
    const p = await client.waitForPublish(uri(), from, (x) => x.diagnostics.some((d) => d.code === 'SV001'));
    diagnostic = p.diagnostics.find((d) => d.code === 'SV001')!;
    assert.equal(diagnostic.range.start.line, 2);
  });
  test('its code actions include "Disable SV001 for this line"; applied and saved, the status leaves SV001 out', async () => {
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uri() }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Disable SV001 for this file'), titles.join('; '));
    const line = actions.find((a) => a.title === 'Disable SV001 for this line');
    assert.ok(line?.edit?.changes, titles.join('; '));
    const edits = line.edit.changes[uri()] as TextEdit[];
    const fixed = applyEdits(DROPIN, edits);
    assert.equal(fixed.split('\n')[2], '# proxy-doctor ignore=SV001');
    // What an editor does: the buffer changes, the file is written, then saved.
    writeFileSync(dropIn, fixed);
    const from = client.mark();
    await client.change(uri(), 2, fixed);
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri: uri() } });
    const p = await client.waitForPublish(uri(), from, (x) => x.version === 2 && !x.diagnostics.some((d) => d.code === 'SV001'));
    assert.equal(p.diagnostics.some((d) => d.code === 'SV001'), false);
    const report = await client.request<ProxyStatusReport>('dockerProxy/status', { trusted: false });
    assert.equal(report.findings.some((f) => f.id === 'SV001'), false, 'the view\'s report leaves it out too');
    assert.equal(readFileSync(dropIn, 'utf8'), fixed);
  });
});
