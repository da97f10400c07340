// Protocol tests against the bundled server (dist/server.js; run `npm run build` first). Documents come from didOpen
// text; nothing is read from disk. Assertions filter by rule id so that rules added later do not break them.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, Hover, PublishDiagnosticsParams, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { applyEdits, lint, type FileKind } from '../../server/src/engine';
import { TestClient } from './client';

const DAEMON_URI = 'file:///etc/docker/daemon.json';
const DAEMON_BAD = '{\n  "http-proxy": "http://proxy.example.com:3128",\n  "proxies": {\n    "https-proxy": "http://proxy.example.com:3128",\n    "no-proxy": "localhost,127.0.0.1"\n  }\n}\n';
const PASSWORD = 'hunter2secret';
const DAEMON_WITH_PASSWORD = `{\n  "proxies": {\n    "http-proxy": "http://bob:${PASSWORD}@proxy.example.com:3128",\n    "https-proxy": "http://bob:${PASSWORD}@proxy.example.com:3128",\n    "no-proxy": "localhost,127.0.0.1"\n  }\n}\n`;
const CLI_URI = 'file:///home/user/.docker/config.json';
const CLI_BAD = '{\n  "proxies": {\n    "default": {\n      "httpProxy": "http://proxy.example.com:3128",\n      "https-proxy": "http://proxy.example.com:3128"\n    }\n  }\n}\n';
const DOCKERFILE_URI = 'file:///project/Dockerfile';
const DOCKERFILE = `# syntax=docker/dockerfile:1\nFROM alpine:3.20\nENV http_proxy=http://bob:${PASSWORD}@proxy.example.com:3128\nRUN apk add curl\n`;

function ofCode(p: PublishDiagnosticsParams | undefined, code: string): Diagnostic[] {
  return (p?.diagnostics ?? []).filter((d) => d.code === code);
}

function msg(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : (d.message as { value: string }).value;
}

function editsOf(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  if (edit.changes?.[uri]) return edit.changes[uri];
  const dc = edit.documentChanges?.find((c) => 'textDocument' in c && c.textDocument.uri === uri);
  return dc && 'edits' in dc ? (dc.edits as TextEdit[]) : [];
}

/** What the engine itself reports for a text, as `code@line:char` strings (sorted). */
function engineKeys(text: string, kind: FileKind, path: string): string[] {
  return lint(text, kind, { path }).map((f) => `${f.ruleId}@${f.range.start.line}:${f.range.start.character}`).sort();
}
function publishedKeys(p: PublishDiagnosticsParams): string[] {
  return p.diagnostics.map((d) => `${String(d.code)}@${d.range.start.line}:${d.range.start.character}`).sort();
}

describe('language server over stdio, client with workspace/configuration', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ initializationOptions: { debounceMs: 30 } });
  });
  after(async () => {
    try {
      await client.shutdown();
    } finally {
      client.dispose();
    }
  });

  test('initialize advertises incremental sync with save, code actions, hover and the fixAll command', () => {
    const caps = client.initializeResult!.capabilities;
    // save: the server refreshes the Proxy Status after a Docker file is saved (dockerProxy/status, lsp/statusHandler.ts).
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
    assert.ok(caps.hoverProvider);
    const kinds = (caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds;
    assert.ok(kinds.includes('quickfix') && kinds.includes('source.fixAll.dockerProxyDoctor'));
    assert.deepEqual(caps.executeCommandProvider?.commands, ['dockerProxyDoctor.fixAll']);
  });

  test('daemon.json: DJ001 with range, source, docs link, version and the index of its fixes in data', async () => {
    const from = client.mark();
    await client.open(DAEMON_URI, 'json', DAEMON_BAD);
    const p = await client.waitForPublish(DAEMON_URI, from);
    assert.equal(p.version, 1);
    const [d] = ofCode(p, 'DJ001');
    assert.ok(d, `no DJ001 in ${JSON.stringify(p.diagnostics)}`);
    assert.deepEqual(d.range, { start: { line: 1, character: 2 }, end: { line: 1, character: 14 } });
    assert.equal(d.source, 'docker-proxy-doctor');
    assert.equal(d.severity, 1);
    assert.match(d.codeDescription!.href, /DJ001\.md$/);
    const data = d.data as { ruleId: string; ruleName: string; fixIndex?: number; fixes?: unknown; version: number };
    assert.equal(data.ruleId, 'DJ001');
    assert.equal(data.ruleName, 'top-level-proxy-key');
    assert.equal(data.version, 1);
    // The fixes stay on the server; the diagnostic names the finding (the code action test gets them through it).
    assert.equal(typeof data.fixIndex, 'number', JSON.stringify(data));
    assert.equal(data.fixes, undefined);
    assert.deepEqual(publishedKeys(p), engineKeys(DAEMON_BAD, 'daemon-json', '/etc/docker/daemon.json'));
    // The server requested settings for this very document.
    assert.ok(client.configurationRequests.some((r) => r.items.some((i) => i.scopeUri === DAEMON_URI && i.section === 'dockerProxyDoctor')));
  });

  test('code actions: the fix (preferred), disable in settings and docs; no comment suppression in JSON', async () => {
    const p = client.publishesFor(DAEMON_URI).at(-1)!;
    const d = ofCode(p, 'DJ001')[0];
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: DAEMON_URI }, range: d.range, context: { diagnostics: [d] },
    });
    const titles = actions.map((a) => a.title);
    const fix = actions.find((a) => a.title.startsWith('Move "http-proxy"'));
    assert.ok(fix, titles.join(' | '));
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    const settings = actions.find((a) => a.title === 'Disable DJ001 in settings');
    assert.deepEqual(settings?.command, { title: 'Disable DJ001 in settings', command: 'dockerProxyDoctor.disableRuleInSettings', arguments: ['DJ001', DAEMON_URI] });
    const docs = actions.find((a) => a.title === 'Show documentation for DJ001');
    assert.deepEqual(docs?.command?.arguments, ['DJ001']);
    assert.equal(docs?.command?.command, 'dockerProxyDoctor.showRuleDocs');
    assert.ok(!titles.some((t) => /for this (line|file)/.test(t)), `JSON must not get comment suppressions: ${titles.join(' | ')}`);

    // Applying the fix and sending the result: DJ001 is gone, for the new version.
    const fixed = applyEdits(DAEMON_BAD, editsOf(fix.edit, DAEMON_URI));
    const from = client.mark();
    await client.change(DAEMON_URI, 2, fixed);
    const after = await client.waitForPublish(DAEMON_URI, from, (x) => x.version === 2);
    assert.deepEqual(ofCode(after, 'DJ001'), []);
    assert.deepEqual(publishedKeys(after), engineKeys(fixed, 'daemon-json', '/etc/docker/daemon.json'));
  });

  test('a fix from an older version is not offered', async () => {
    const from = client.mark();
    await client.change(DAEMON_URI, 3, DAEMON_BAD);
    const p = await client.waitForPublish(DAEMON_URI, from, (x) => x.version === 3);
    const d = ofCode(p, 'DJ001')[0];
    await client.change(DAEMON_URI, 4, DAEMON_BAD + '\n');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: DAEMON_URI }, range: d.range, context: { diagnostics: [d] },
    });
    assert.ok(!actions.some((a) => a.title.startsWith('Move')), 'stale fix offered');
    assert.ok(actions.some((a) => a.title === 'Show documentation for DJ001'));
    await client.waitForPublish(DAEMON_URI, from, (x) => x.version === 4);
  });

  test('a fix is still offered after another document was linted (the server keeps only its last lint)', async () => {
    const p = client.publishesFor(DAEMON_URI).at(-1)!;
    assert.equal(p.version, 4);
    const d = ofCode(p, 'DJ001')[0];
    const otherUri = 'file:///srv/other/etc/docker/daemon.json';
    const from = client.mark();
    await client.open(otherUri, 'json', '{\n  "https-proxy": "http://proxy.example.com:3128"\n}\n');
    await client.waitForPublish(otherUri, from);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: DAEMON_URI }, range: d.range, context: { diagnostics: [d] },
    });
    const fix = actions.find((a) => a.title.startsWith('Move "http-proxy"'));
    assert.ok(fix, actions.map((a) => a.title).join(' | '));
    const fixed = applyEdits(DAEMON_BAD + '\n', editsOf(fix.edit, DAEMON_URI));
    assert.deepEqual(engineKeys(fixed, 'daemon-json', '/etc/docker/daemon.json').filter((k) => k.includes('DJ001')), []);
  });

  test('three rapid changes: only the last version is published', async () => {
    const rapidUri = 'file:///home/user/.config/docker/daemon.json';
    const from = client.mark();
    // The first lint waits for this document's settings; hold them so the next changes arrive while it runs.
    const release = client.holdConfiguration();
    const asked = client.configurationRequests.length;
    await client.open(rapidUri, 'json', '{}');
    await client.waitFor('workspace/configuration for the new document', () =>
      client.configurationRequests.slice(asked).some((r) => r.items.some((i) => i.scopeUri === rapidUri)) || undefined);
    await client.change(rapidUri, 2, '{ "http-proxy": "http://a:1" }');
    await client.change(rapidUri, 3, '{ "http-proxy": "http://b:2", }');
    await client.change(rapidUri, 4, DAEMON_BAD);
    await client.roundTrip();
    release();
    const last = await client.waitForPublish(rapidUri, from, (x) => x.version === 4);
    assert.equal(ofCode(last, 'DJ001').length, 1);
    const versions = client.publishesFor(rapidUri, from).map((x) => x.version);
    assert.ok(!versions.includes(2) && !versions.includes(3), `superseded versions were published: ${versions.join(',')}`);
    assert.equal(versions.at(-1), 4);
    // An empty-object change then clears it (a publish with the new version and no DJ001).
    const mark = client.mark();
    await client.change(rapidUri, 5, '{}');
    const cleared = await client.waitForPublish(rapidUri, mark, (x) => x.version === 5);
    assert.deepEqual(cleared.diagnostics, []);
  });

  test('PD002 for broken JSON; incremental range change re-lints', async () => {
    const u = 'file:///C:/ProgramData/docker/config/daemon.json';
    const text = '{\n  "proxies": {\n    "https-proxy": "http://proxy.example.com:3128"\n  }\n}\n';
    const from = client.mark();
    await client.open(u, 'json', text);
    const first = await client.waitForPublish(u, from, (x) => x.version === 1);
    assert.deepEqual(ofCode(first, 'PD002'), []);
    // Insert a trailing comma after the https-proxy value (line 2, after the closing quote).
    const line2 = text.split('\n')[2];
    const mark = client.mark();
    await client.changeRange(u, 2, { start: { line: 2, character: line2.length }, end: { line: 2, character: line2.length } }, ',');
    const second = await client.waitForPublish(u, mark, (x) => x.version === 2);
    const [syntax] = ofCode(second, 'PD002');
    assert.ok(syntax, JSON.stringify(second.diagnostics));
    assert.equal(syntax.range.start.line, 2); // on the trailing comma itself (issue 5 item 8)
    await client.close(u);
  });

  test('config.json at ~/.docker: CC findings match the engine; an unrelated config.json gets nothing', async () => {
    const unrelated = 'file:///home/user/project/config.json';
    const from = client.mark();
    await client.open(unrelated, 'json', '{\n  "name": "app",\n  "http-proxy": "http://proxy:3128",\n  "port": 8080\n}\n');
    await client.open(CLI_URI, 'json', CLI_BAD);
    const p = await client.waitForPublish(CLI_URI, from);
    assert.ok(p.diagnostics.length > 0);
    assert.deepEqual(publishedKeys(p), engineKeys(CLI_BAD, 'cli-config', '/home/user/.docker/config.json'));
    assert.ok(p.diagnostics.every((d) => d.source === 'docker-proxy-doctor'));
    // The unrelated file was opened first, so its lint ran before config.json's was published.
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: unrelated }, position: { line: 2, character: 4 } }), null);
    const forUnrelated = client.publishesFor(unrelated, from);
    assert.ok(forUnrelated.every((x) => x.diagnostics.length === 0), JSON.stringify(forUnrelated));
    await client.close(unrelated);
  });

  test('source.fixAll applies every safe fix at once; the fixAll command goes through workspace/applyEdit', async () => {
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: CLI_URI },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(actions.length, 1, JSON.stringify(actions));
    assert.equal(actions[0].kind, 'source.fixAll.dockerProxyDoctor');
    const fixed = applyEdits(CLI_BAD, editsOf(actions[0].edit, CLI_URI));
    const remaining = lint(fixed, 'cli-config', { path: '/home/user/.docker/config.json' });
    assert.deepEqual(remaining.filter((f) => f.fixes.some((x) => x.safe)).map((f) => f.ruleId), [], fixed);
    assert.ok(/"httpsProxy"/.test(fixed), fixed);

    // Quick fixes only when asked for quickfix: no source action in the light bulb list.
    const quick = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: CLI_URI },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [] },
    });
    assert.ok(!quick.some((a) => a.kind === 'source.fixAll.dockerProxyDoctor'));

    const before = client.appliedEdits.length;
    const result = await client.request<{ applied: boolean }>('workspace/executeCommand', { command: 'dockerProxyDoctor.fixAll', arguments: [CLI_URI] });
    assert.equal(result.applied, true);
    const applied = client.appliedEdits[before];
    assert.ok(applied, 'server sent workspace/applyEdit');
    assert.equal(applyEdits(CLI_BAD, editsOf(applied.edit, CLI_URI)), fixed);
  });

  test('Dockerfile: findings match the engine; disable for line/file edits suppress them; # syntax stays first', async () => {
    const from = client.mark();
    await client.open(DOCKERFILE_URI, 'dockerfile', DOCKERFILE);
    const p = await client.waitForPublish(DOCKERFILE_URI, from);
    assert.deepEqual(publishedKeys(p), engineKeys(DOCKERFILE, 'dockerfile', '/project/Dockerfile'));
    for (const d of p.diagnostics) assert.ok(!msg(d).includes(PASSWORD), msg(d));
    const d = p.diagnostics[0];
    if (!d) return; // no Dockerfile rule registered yet: nothing more to check here
    const id = String(d.code);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: DOCKERFILE_URI }, range: d.range, context: { diagnostics: [d] },
    });
    for (const a of actions) assert.ok(!a.title.includes(PASSWORD));
    const line = actions.find((a) => a.title === `Disable ${id} for this line`);
    const file = actions.find((a) => a.title === `Disable ${id} for this file`);
    assert.ok(line && file, actions.map((a) => a.title).join(' | '));
    assert.ok(actions.some((a) => a.title === `Show documentation for ${id}`));
    const lineFixed = applyEdits(DOCKERFILE, editsOf(line.edit, DOCKERFILE_URI));
    assert.ok(lineFixed.includes(`# proxy-doctor ignore=${id}\nENV`), lineFixed);
    assert.ok(!lint(lineFixed, 'dockerfile', { path: '/project/Dockerfile' }).some((f) => f.ruleId === id));
    const fileFixed = applyEdits(DOCKERFILE, editsOf(file.edit, DOCKERFILE_URI));
    assert.ok(fileFixed.startsWith(`# syntax=docker/dockerfile:1\n# proxy-doctor global ignore=${id}\n`), fileFixed);
    assert.ok(!lint(fileFixed, 'dockerfile', { path: '/project/Dockerfile' }).some((f) => f.ruleId === id));
  });

  test('systemd drop-in: findings match the engine, comment suppressions offered, hover on Environment=', async () => {
    const uri = 'file:///etc/systemd/system/docker.service.d/http-proxy.conf';
    const text = `[Service]\nEnvironment="HTTP_PROXY=http://bob:${PASSWORD}%40x@proxy.example.com:3128"\nEnvironment="NO_PROXY=localhost,127.0.0.1"\n`;
    const from = client.mark();
    await client.open(uri, 'systemd-dropin', text);
    const p = await client.waitForPublish(uri, from);
    assert.deepEqual(publishedKeys(p), engineKeys(text, 'systemd-dropin', '/etc/systemd/system/docker.service.d/http-proxy.conf'));
    for (const d of p.diagnostics) assert.ok(!msg(d).includes(PASSWORD), msg(d));
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 15 } });
    const value = (hover?.contents as { value: string } | undefined)?.value ?? '';
    assert.match(value, /Read by:\*\* dockerd/);
    assert.ok(!value.includes(PASSWORD));
    const d = p.diagnostics[0];
    if (d) {
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
      assert.ok(actions.some((a) => a.title === `Disable ${String(d.code)} for this line`), actions.map((a) => a.title).join(' | '));
      assert.ok(actions.some((a) => a.title === `Disable ${String(d.code)} for this file`));
    }
    await client.close(uri);
  });

  test('hover names the layer that reads the value and masks the password', async () => {
    const uri = 'file:///home/alice/.config/docker/daemon.json';
    const from = client.mark();
    await client.open(uri, 'json', DAEMON_WITH_PASSWORD);
    await client.waitForPublish(uri, from);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 8 } });
    const value = (hover?.contents as { value: string } | undefined)?.value ?? '';
    assert.match(value, /Read by:\*\* dockerd/);
    assert.match(value, /Not read by/);
    assert.match(value, /token/);
    assert.match(value, /xxxxx:xxxxx@proxy\.example\.com/);
    assert.ok(!value.includes(PASSWORD));
    assert.deepEqual(hover!.range!.start, { line: 2, character: 4 });
    // On the value too, and the diagnostics for this file never carry the password.
    const onValue = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 30 } });
    assert.ok(!(onValue?.contents as { value: string }).value.includes(PASSWORD));
    for (const p of client.publishesFor(uri)) for (const d of p.diagnostics) assert.ok(!msg(d).includes(PASSWORD));

    const cli = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: CLI_URI }, position: { line: 1, character: 5 } });
    assert.match((cli?.contents as { value: string }).value, /do \*\*not\*\* proxy the docker CLI/);
    const from2 = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: DOCKERFILE_URI }, position: { line: 1, character: 7 } });
    const fromText = (from2?.contents as { value: string }).value;
    assert.match(fromText, /builder/);
    assert.match(fromText, /Build args and `ENV` proxy values do \*\*not\*\* apply/);
    const env = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: DOCKERFILE_URI }, position: { line: 2, character: 6 } });
    const envText = (env?.contents as { value: string }).value;
    assert.match(envText, /every container started/);
    assert.ok(!envText.includes(PASSWORD));
    const nothing = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: DOCKERFILE_URI }, position: { line: 3, character: 2 } });
    assert.equal(nothing, null);
    await client.close(uri);
  });

  test('settings change: rule off via workspace/configuration removes the diagnostic; enable:false clears all', async () => {
    let from = client.mark();
    await client.change(DAEMON_URI, 10, DAEMON_BAD);
    await client.waitForPublish(DAEMON_URI, from, (x) => x.version === 10 && ofCode(x, 'DJ001').length === 1);
    client.settings = { rules: { DJ001: 'off' } };
    from = client.mark();
    await client.configurationChanged(null);
    const off = await client.waitForPublish(DAEMON_URI, from);
    assert.deepEqual(ofCode(off, 'DJ001'), []);
    client.settings = { rules: { DJ001: 'info' } };
    from = client.mark();
    await client.configurationChanged(null);
    const info = await client.waitForPublish(DAEMON_URI, from);
    assert.equal(ofCode(info, 'DJ001')[0]?.severity, 3);
    client.settings = { enable: false };
    from = client.mark();
    await client.configurationChanged(null);
    const disabled = await client.waitForPublish(DAEMON_URI, from);
    assert.deepEqual(disabled.diagnostics, []);
    client.settings = {};
    from = client.mark();
    await client.configurationChanged(null);
    await client.waitForPublish(DAEMON_URI, from, (x) => ofCode(x, 'DJ001').length === 1);
  });

  test('user globs decide the kind (files.daemonJson), per resource', async () => {
    const uri = 'file:///srv/provisioning/files/docker-daemon.json';
    client.settings = { files: { daemonJson: ['**/provisioning/**/docker-*.json'] } };
    await client.configurationChanged(null);
    const from = client.mark();
    await client.open(uri, 'json', DAEMON_BAD);
    const p = await client.waitForPublish(uri, from);
    assert.equal(ofCode(p, 'DJ001').length, 1);
    client.settings = {};
    const mark = client.mark();
    await client.configurationChanged(null);
    const cleared = await client.waitForPublish(uri, mark);
    assert.deepEqual(cleared.diagnostics, [], 'without the glob the file is not ours');
    await client.close(uri);
  });

  test('untitled documents use the language id; BOM + CRLF keep positions right', async () => {
    const untitled = 'untitled:Untitled-1';
    let from = client.mark();
    await client.open(untitled, 'dockerfile', DOCKERFILE);
    const p = await client.waitForPublish(untitled, from);
    assert.deepEqual(publishedKeys(p), engineKeys(DOCKERFILE, 'dockerfile', 'Untitled-1'));
    await client.close(untitled);

    const crlf = 'file:///root/.config/docker/daemon.json';
    const text = '\ufeff' + DAEMON_BAD.replace(/\n/g, '\r\n');
    from = client.mark();
    await client.open(crlf, 'json', text);
    const q = await client.waitForPublish(crlf, from);
    assert.deepEqual(ofCode(q, 'DJ001').map((d) => d.range.start), [{ line: 1, character: 2 }]);
    await client.close(crlf);
  });

  test('binary junk and a 3 MB file neither crash nor hang the server', async () => {
    const binUri = 'file:///home/bin/.docker/config.json';
    const junk = Array.from({ length: 5000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('');
    const huge = '{"proxies":{"https-proxy":"http://p.example.com:3128"},"x":"' + 'a'.repeat(3 * 1024 * 1024) + '"}';
    const hugeUri = 'file:///opt/h/etc/docker/daemon.json';
    const from = client.mark();
    await client.open(binUri, 'json', junk);
    await client.open(hugeUri, 'json', huge);
    const bin = await client.waitForPublish(binUri, from);
    const big = await client.waitForPublish(hugeUri, from);
    assert.ok(bin.diagnostics.every((d) => d.range.start.line >= 0));
    assert.ok(big.diagnostics.length <= 1, JSON.stringify(big.diagnostics));
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: hugeUri }, position: { line: 0, character: 3 } });
    assert.equal(hover, null);
    await client.request('textDocument/hover', { textDocument: { uri: binUri }, position: { line: 0, character: 10 } });
    await client.request('textDocument/codeAction', {
      textDocument: { uri: binUri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
      context: { diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'x', source: 'docker-proxy-doctor', data: { ruleId: 'PD001', fixes: 'junk' } }] },
    });
    await client.close(binUri);
    await client.close(hugeUri);
    assert.equal(client.exitCode, undefined, client.stderr);
  });

  test('100,000 nesting levels in every kind: PD001 for JSON, the server stays up and answers', async () => {
    const cases: Array<[string, string, string]> = [
      ['file:///deep/etc/docker/daemon.json', 'json', '{"proxies":' + '['.repeat(100_000)],
      ['file:///deep/.docker/config.json', 'json', '{"proxies":' + '{"a":'.repeat(100_000)],
      ['file:///deep/Dockerfile', 'dockerfile', 'FROM x\nCMD ' + '['.repeat(100_000) + '\n'],
      ['file:///deep/etc/systemd/system/docker.service.d/p.conf', 'systemd-dropin', '[Service]\nEnvironment="HTTP_PROXY=' + '['.repeat(100_000) + '"\n'],
    ];
    const from = client.mark();
    for (const [uri, lang, text] of cases) await client.open(uri, lang, text);
    for (const [uri, , text] of cases) {
      const published = await client.waitForPublish(uri, from);
      if (text.startsWith('{')) {
        assert.deepEqual(published.diagnostics.map((d) => d.code), ['PD001'], uri);
        assert.match(msg(published.diagnostics[0]), /nesting depth \d+ exceeds the limit of 64/);
      }
      await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 12 } });
    }
    for (const [uri] of cases) await client.close(uri);
    assert.equal(client.exitCode, undefined, client.stderr);
  });

  test('closing a document clears its diagnostics', async () => {
    const from = client.mark();
    await client.close(DOCKERFILE_URI);
    const p = await client.waitForPublish(DOCKERFILE_URI, from);
    assert.deepEqual(p.diagnostics, []);
  });
});

describe('language server without workspace/configuration', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({
      configuration: false,
      documentChanges: true,
      initializationOptions: { debounceMs: 10, settings: { rules: { DJ001: 'warning' }, files: { daemonJson: ['infra/*.json'] } } },
    });
  });
  after(async () => {
    try {
      await client.shutdown();
    } finally {
      client.dispose();
    }
  });

  test('initializationOptions.settings apply (severity, globs); versioned documentChanges in code actions', async () => {
    const uri = 'file:///work/repo/infra/dockerd.json';
    const from = client.mark();
    await client.open(uri, 'json', DAEMON_BAD);
    const p = await client.waitForPublish(uri, from);
    const [d] = ofCode(p, 'DJ001');
    assert.equal(d?.severity, 2);
    assert.equal(client.configurationRequests.length, 0);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri }, range: d.range, context: { diagnostics: [d] },
    });
    const fix = actions.find((a) => a.isPreferred);
    const change = fix?.edit?.documentChanges?.[0] as { textDocument: { uri: string; version: number } } | undefined;
    assert.deepEqual(change?.textDocument, { uri, version: 1 });
  });

  test('didChangeConfiguration payload replaces the settings', async () => {
    const uri = 'file:///work/repo/infra/dockerd.json';
    let from = client.mark();
    await client.configurationChanged({ dockerProxyDoctor: { rules: { DJ001: 'off' }, files: { daemonJson: ['infra/*.json'] } } });
    const off = await client.waitForPublish(uri, from);
    assert.deepEqual(ofCode(off, 'DJ001'), []);
    from = client.mark();
    await client.configurationChanged({ dockerProxyDoctor: { rules: { DJ001: 'error' }, files: { daemonJson: ['infra/*.json'] } } });
    const on = await client.waitForPublish(uri, from);
    assert.equal(ofCode(on, 'DJ001')[0]?.severity, 1);
    from = client.mark();
    await client.configurationChanged({ dockerProxyDoctor: { enable: false } });
    const cleared = await client.waitForPublish(uri, from);
    assert.deepEqual(cleared.diagnostics, []);
    // Still disabled: code actions for the file are empty.
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri }, range: { start: { line: 1, character: 2 }, end: { line: 1, character: 2 } },
      context: { diagnostics: on.diagnostics },
    });
    assert.deepEqual(actions, []);
  });
});

describe('transport and lifecycle', () => {
  const started: TestClient[] = [];
  after(() => started.forEach((c) => c.dispose()));

  test('node IPC transport (what the VS Code client uses) publishes diagnostics', async () => {
    const client = await TestClient.start({ transport: 'ipc' });
    started.push(client);
    const from = client.mark();
    await client.open(DAEMON_URI, 'json', DAEMON_BAD);
    const p = await client.waitForPublish(DAEMON_URI, from);
    assert.equal(ofCode(p, 'DJ001').length, 1);
    assert.equal(await client.shutdown(), 0);
  });

  test('shutdown + exit ends the process with code 0', async () => {
    const client = await TestClient.start();
    started.push(client);
    assert.equal(await client.shutdown(), 0);
  });

  test('exit without shutdown ends the process with code 1', async () => {
    const client = await TestClient.start();
    started.push(client);
    const exited = client.waitFor('process exit', () => client.exitCode);
    await client.connection.sendNotification('exit');
    assert.equal(await exited, 1);
  });
});
