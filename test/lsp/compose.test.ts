// The server lints Compose files, CI workflows and build scripts (issue 11): kind from the path (and the
// `dockercompose` language id), diagnostics equal to the engine's, quick fixes, and silence on unrelated YAML/scripts.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, PublishDiagnosticsParams, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { applyEdits, lint, type FileKind } from '../../server/src/engine';
import { TestClient } from './client';

function editsOf(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  if (edit.changes?.[uri]) return edit.changes[uri];
  const dc = edit.documentChanges?.find((c) => 'textDocument' in c && c.textDocument.uri === uri);
  return dc && 'edits' in dc ? (dc.edits as TextEdit[]) : [];
}
const keys = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => `${String(d.code)}@${d.range.start.line}:${d.range.start.character}`).sort();
const engineKeys = (text: string, kind: FileKind, path: string) => lint(text, kind, { path }).map((f) => `${f.ruleId}@${f.range.start.line}:${f.range.start.character}`).sort();

const COMPOSE_URI = 'file:///project/compose.yaml';
const COMPOSE = 'services:\n  web:\n    image: nginx:1.27\n    environment:\n      HTTPS_PROXY: http://proxy.example.com:3128\n      NO_PROXY: localhost,127.0.0.1\n  api:\n    image: example/api:2\n';
const WORKFLOW_URI = 'file:///project/.github/workflows/build.yml';
const WORKFLOW = 'on: push\njobs:\n  build:\n    runs-on: self-hosted\n    env:\n      HTTPS_PROXY: http://proxy.example.com:3128\n    steps:\n      - uses: docker/setup-buildx-action@v3\n        with:\n          driver-opts: |\n            env.https_proxy=http://proxy.example.com:3128\n            env.no_proxy=localhost,127.0.0.1\n';
const SCRIPT_URI = 'file:///project/scripts/build.sh';
const SCRIPT = '#!/bin/sh\ndocker build --build-arg HTTPS_PROXY=http://ci:S3cretPw@proxy.example.com:3128 -t app .\n';

describe('language server: Compose files, workflows and scripts', () => {
  let client: TestClient;
  before(async () => { client = await TestClient.start({ initializationOptions: { debounceMs: 30 } }); });
  after(async () => {
    try { await client.shutdown(); } finally { client.dispose(); }
  });

  async function quickFix(uri: string, text: string, p: PublishDiagnosticsParams, code: string): Promise<string> {
    const d = p.diagnostics.find((x) => x.code === code);
    assert.ok(d, `no ${code} published`);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    const fix = actions.find((a) => a.kind === 'quickfix' && a.edit && !a.title.startsWith('Disable'));
    assert.ok(fix, actions.map((a) => a.title).join(' | '));
    return applyEdits(text, editsOf(fix.edit, uri));
  }

  test('compose.yaml (language dockercompose): diagnostics match the engine; the DC002 quick fix completes NO_PROXY', async () => {
    const from = client.mark();
    await client.open(COMPOSE_URI, 'dockercompose', COMPOSE);
    const p = await client.waitForPublish(COMPOSE_URI, from);
    assert.deepEqual(keys(p), engineKeys(COMPOSE, 'compose', '/project/compose.yaml'));
    assert.ok(p.diagnostics.some((d) => d.code === 'DC002'));
    const fixed = await quickFix(COMPOSE_URI, COMPOSE, p, 'DC002');
    assert.match(fixed, /NO_PROXY: localhost,127\.0\.0\.1,api/);
    assert.ok(!lint(fixed, 'compose', { path: '/project/compose.yaml' }).some((f) => f.ruleId === 'DC002'));
    await client.close(COMPOSE_URI);
  });

  test('a workflow opened as plain yaml: BX001 with a fix that quotes the line for CSV', async () => {
    const from = client.mark();
    await client.open(WORKFLOW_URI, 'yaml', WORKFLOW);
    const p = await client.waitForPublish(WORKFLOW_URI, from);
    assert.deepEqual(keys(p), engineKeys(WORKFLOW, 'ci-workflow', '/project/.github/workflows/build.yml'));
    const fixed = await quickFix(WORKFLOW_URI, WORKFLOW, p, 'BX001');
    assert.match(fixed, /\n {12}"env\.no_proxy=localhost,127\.0\.0\.1"\n/);
    await client.close(WORKFLOW_URI);
  });

  test('a script: SH002 never shows the password; line and file suppressions are offered', async () => {
    const from = client.mark();
    await client.open(SCRIPT_URI, 'shellscript', SCRIPT);
    const p = await client.waitForPublish(SCRIPT_URI, from);
    assert.deepEqual(keys(p), engineKeys(SCRIPT, 'shell', '/project/scripts/build.sh'));
    const d = p.diagnostics.find((x) => x.code === 'SH002');
    assert.ok(d);
    for (const x of p.diagnostics) assert.ok(!JSON.stringify(x).includes('S3cretPw'), JSON.stringify(x));
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: SCRIPT_URI }, range: d.range, context: { diagnostics: [d] } });
    const line = actions.find((a) => a.title === 'Disable SH002 for this line');
    assert.ok(line && actions.some((a) => a.title === 'Disable SH002 for this file'));
    const suppressed = applyEdits(SCRIPT, editsOf(line.edit, SCRIPT_URI));
    assert.ok(!lint(suppressed, 'shell', { path: '/project/scripts/build.sh' }).some((f) => f.ruleId === 'SH002'), suppressed);
    await client.close(SCRIPT_URI);
  });

  test('unrelated YAML and scripts get nothing, even with proxy-looking content', async () => {
    const unrelated: [string, string, string][] = [
      ['file:///project/k8s/deploy.yaml', 'yaml', 'spec:\n  env:\n    - name: HTTPS_PROXY\n      value: http://u:p4ss@127.0.0.1:3128\n'],
      ['file:///project/.github/dependabot.yml', 'yaml', 'version: 2\nupdates:\n  - package-ecosystem: docker\n    directory: /\n'],
      ['file:///project/scripts/lint.sh', 'shellscript', '#!/bin/sh\nshellcheck scripts/*.sh\n'],
    ];
    for (const [uri, lang, text] of unrelated) await client.open(uri, lang, text);
    // Opened after them with the same debounce: once its diagnostics arrive, the others have been handled too.
    const from = client.mark();
    await client.open(COMPOSE_URI, 'dockercompose', COMPOSE);
    await client.waitForPublish(COMPOSE_URI, from);
    for (const [uri] of unrelated) {
      assert.deepEqual(client.publishesFor(uri).flatMap((x) => x.diagnostics), [], `${uri} got diagnostics`);
      const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 14 } });
      assert.equal(hover, null);
      await client.close(uri);
    }
    await client.close(COMPOSE_URI);
  });

  test('files.compose globs make an override file named with -f a compose file', async () => {
    const uri = 'file:///project/deploy/stack.yml';
    client.settings = { files: { compose: ['**/deploy/*.yml'] } };
    await client.configurationChanged(null);
    const from = client.mark();
    await client.open(uri, 'yaml', COMPOSE);
    const p = await client.waitForPublish(uri, from);
    assert.ok(p.diagnostics.some((d) => d.code === 'DC002'));
    client.settings = {};
    await client.configurationChanged(null);
    await client.close(uri);
  });
});
