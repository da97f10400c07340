// Real VS Code (code-server) tests: activation, diagnostics from the language server for every file kind, quick fix,
// fix all, disable-in-settings, rule docs, server restart, and silence on an unrelated config.json.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands, DIAGNOSTIC_SOURCE, EXTENSION_ID, SETTINGS_SECTION } from '../../../server/src/shared/protocol';
import {
  barrier, codeActionsAt, codeOf, describeDiagnostics, fileIn, hasCode, lacksCode, open, ours, waitFor, waitForOurDiagnostics,
} from './helpers';


interface DoctorApi { serverState(): string; whenReady(): Promise<boolean> }

function markdownPreviewTab(label: string): vscode.Tab | undefined {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .find((t) => t.input instanceof vscode.TabInputWebview && /markdown/i.test(t.input.viewType) && t.label.includes(label));
}

/** So a later test sees its own preview open, not one left over from an earlier test. */
async function closeMarkdownPreviews(): Promise<void> {
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && /markdown/i.test(t.input.viewType));
  if (tabs.length) await vscode.window.tabGroups.close(tabs);
}

suite('Docker Proxy Doctor in VS Code', () => {
  suiteSetup(async function () {
    this.timeout(60_000);
    const ext = vscode.extensions.getExtension<DoctorApi>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
    const api = await ext.activate();
    assert.equal(await api.whenReady(), true, 'the language server did not start');
  });

  test('the extension under test is the one from the development path and its server runs', async () => {
    const ext = vscode.extensions.getExtension<DoctorApi>(EXTENSION_ID)!;
    assert.equal(ext.isActive, true);
    const expected = process.env.DPD_EXPECT_EXT_PATH;
    if (expected) assert.equal(ext.extensionPath, expected, 'a different copy of the extension was loaded');
    assert.equal(ext.exports.serverState(), 'running');
    const commands = await vscode.commands.getCommands(true);
    for (const id of [Commands.showRuleDocs, Commands.disableRuleInSettings, Commands.fixAll, 'dockerProxyDoctor.restartServer']) {
      assert.ok(commands.includes(id), `command ${id} is not registered`);
    }
  });

  test('it runs on the workspace side: in the remote extension host when there is one, with local file paths there', () => {
    const ext = vscode.extensions.getExtension<DoctorApi>(EXTENSION_ID)!;
    // VS Code reports UI when no remote extension host exists (desktop, local folder), else where the extension runs.
    const expected = vscode.env.remoteName ? vscode.ExtensionKind.Workspace : vscode.ExtensionKind.UI;
    assert.equal(ext.extensionKind, expected, `remoteName=${vscode.env.remoteName}, extensionKind=${ext.extensionKind}`);
    // Paths, the environment and (later) commands are the extension host's own: its URIs are plain files there.
    assert.equal(ext.extensionUri.scheme, 'file');
    assert.equal(vscode.workspace.workspaceFolders?.[0]?.uri.scheme, 'file');
  });

  test('daemon.json: top-level "http-proxy" gets DJ001 from our server, linked to its docs', async () => {
    const ed = await open('etc/docker/daemon.json');
    assert.equal(ed.document.languageId, 'json');
    const diags = await waitForOurDiagnostics(ed.document.uri, hasCode('DJ001'), 'DJ001');
    const d = diags.find((x) => codeOf(x) === 'DJ001')!;
    assert.equal(d.source, DIAGNOSTIC_SOURCE);
    assert.equal(d.range.start.line, 1, 'DJ001 should point at line 2 ("http-proxy")');
    const target = typeof d.code === 'object' ? d.code.target : undefined;
    assert.ok(target && /DJ001/.test(target.toString()), `DJ001 has no docs link: ${String(target)}`);
  });

  test('the rule link of a diagnostic is a command URI that opens the bundled page (works offline)', async () => {
    const ed = await open('etc/docker/daemon.json');
    const [d] = (await waitForOurDiagnostics(ed.document.uri, hasCode('DJ001'), 'DJ001')).filter((x) => codeOf(x) === 'DJ001');
    const target = typeof d.code === 'object' ? d.code.target : undefined;
    assert.ok(target, 'DJ001 has no code link');
    assert.equal(target.scheme, 'command', `the link leaves VS Code: ${target.toString()}`);
    assert.equal(target.path, Commands.showRuleDocs);
    const args = JSON.parse(target.query) as unknown[];
    assert.deepEqual(args, ['DJ001']);
    // The Problems panel turns the link back into a URI with toString(true) and opens it; the query must survive that.
    assert.deepEqual(JSON.parse(vscode.Uri.parse(target.toString(true)).query), ['DJ001']);
    await closeMarkdownPreviews();
    assert.equal(await vscode.commands.executeCommand(target.path, ...args), true, 'the linked command did not show the page');
    await waitFor(vscode.window.tabGroups.onDidChangeTabs, () => markdownPreviewTab('DJ001'), 'a markdown preview tab for DJ001');
  });

  test('daemon.json with a trailing comma gets PD002 (JSON syntax)', async () => {
    const ed = await open('broken/etc/docker/daemon.json');
    await waitForOurDiagnostics(ed.document.uri, hasCode('PD002'), 'PD002');
  });

  test('~/.docker/config.json: proxy fields directly under "proxies" get CC003', async () => {
    const ed = await open('home/.docker/config.json');
    const diags = await waitForOurDiagnostics(ed.document.uri, hasCode('CC003'), 'CC003');
    assert.ok(diags.every((x) => x.source === DIAGNOSTIC_SOURCE));
  });

  test('docker.service.d drop-in: systemd-dropin language, a single % gets SV005', async () => {
    const ed = await open('etc/systemd/system/docker.service.d/http-proxy.conf');
    assert.equal(ed.document.languageId, 'systemd-dropin');
    const diags = await waitForOurDiagnostics(ed.document.uri, hasCode('SV005'), 'SV005');
    // the fixture's password must never reach a diagnostic message
    for (const d of diags) assert.ok(!d.message.includes('secret'), `${codeOf(d)} shows the proxy password`);
  });

  test('Dockerfile: ENV http_proxy=... gets DF001', async () => {
    const ed = await open('Dockerfile');
    assert.equal(ed.document.languageId, 'dockerfile');
    await waitForOurDiagnostics(ed.document.uri, hasCode('DF001'), 'DF001');
  });

  test('an unrelated config.json gets no diagnostics from us', async () => {
    const ed = await open('app/config.json');
    assert.equal(ed.document.languageId, 'json');
    await barrier(); // everything opened before the barrier has been linted
    assert.deepEqual(ours(ed.document.uri).map(codeOf), [], `unexpected: ${describeDiagnostics(ed.document.uri)}`);
  });

  test('quick fix for DJ001 moves the key into "proxies" and the finding clears', async () => {
    const ed = await open('etc/docker/daemon.json');
    const uri = ed.document.uri;
    const [dj001] = (await waitForOurDiagnostics(uri, hasCode('DJ001'), 'DJ001')).filter((d) => codeOf(d) === 'DJ001');
    const actions = await codeActionsAt(uri, dj001.range, vscode.CodeActionKind.QuickFix.value);
    // The API command drops `diagnostics` from the actions; the range holds only DJ001, so take its edit-bearing fix.
    const fix = actions.find((a) => a.edit && /"http-proxy"/.test(a.title));
    const seen = actions.map((a) => `${a.title} [edit=${!!a.edit} diags=${(a.diagnostics ?? []).map(codeOf).join('/')}]`);
    assert.ok(fix?.edit, `no quick fix with an edit for DJ001; got: ${seen.join(' | ') || '(none)'}`);
    const before = ed.document.getText();
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true, 'applyEdit failed');
    const after = ed.document.getText();
    assert.notEqual(after, before);
    const json = JSON.parse(after);
    assert.equal(json['http-proxy'], undefined, 'top-level "http-proxy" is still there');
    assert.equal(json.proxies['http-proxy'], 'http://proxy.example.com:3128');
    await waitForOurDiagnostics(uri, lacksCode('DJ001'), 'DJ001 to clear after the fix');
  });

  test('Fix All command applies the safe fixes of the active editor', async () => {
    const uri = fileIn('fixall/etc/docker/daemon.json');
    await vscode.workspace.fs.writeFile(uri, Buffer.from('{\n  "https-proxy": "http://proxy.example.com:3128"\n}\n'));
    const ed = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    await waitForOurDiagnostics(uri, hasCode('DJ001'), 'DJ001');
    const ok = await vscode.commands.executeCommand<boolean>(Commands.fixAll);
    assert.equal(ok, true, 'fix all reported that it applied nothing');
    await waitForOurDiagnostics(uri, lacksCode('DJ001'), 'DJ001 to clear after fix all');
    assert.equal(JSON.parse(ed.document.getText()).proxies?.['https-proxy'], 'http://proxy.example.com:3128');
  });

  test('"Disable rule in settings" writes rules.DJ001=off for the folder and the finding goes away (and back)', async () => {
    const ed = await open('disable-me/etc/docker/daemon.json');
    const uri = ed.document.uri;
    await waitForOurDiagnostics(uri, hasCode('DJ001'), 'DJ001');
    const folder = vscode.workspace.getWorkspaceFolder(uri)!;
    try {
      assert.equal(await vscode.commands.executeCommand(Commands.disableRuleInSettings, 'DJ001', uri.toString()), true);
      const rules = vscode.workspace.getConfiguration(SETTINGS_SECTION, folder.uri).inspect<Record<string, string>>('rules');
      assert.equal(rules?.workspaceFolderValue?.DJ001 ?? rules?.workspaceValue?.DJ001, 'off');
      await waitForOurDiagnostics(uri, lacksCode('DJ001'), 'DJ001 to disappear once disabled');
    } finally {
      await vscode.workspace.getConfiguration(SETTINGS_SECTION, folder.uri).update('rules', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    }
    await waitForOurDiagnostics(uri, hasCode('DJ001'), 'DJ001 to come back once the setting is removed');
  });

  test('Show Rule Documentation opens the bundled DJ001 page in a markdown preview', async () => {
    await closeMarkdownPreviews();
    const previewOpen = () => markdownPreviewTab('DJ001');
    assert.equal(await vscode.commands.executeCommand(Commands.showRuleDocs, 'DJ001'), true);
    await waitFor(vscode.window.tabGroups.onDidChangeTabs, previewOpen, 'a markdown preview tab for DJ001');
    assert.equal(await vscode.commands.executeCommand(Commands.showRuleDocs, 'ZZ999'), false, 'a missing page must not be reported as shown');
  });

  test('Restart Language Server restarts it and diagnostics keep coming', async () => {
    assert.equal(await vscode.commands.executeCommand('dockerProxyDoctor.restartServer'), true);
    const ext = vscode.extensions.getExtension<DoctorApi>(EXTENSION_ID)!;
    assert.equal(ext.exports.serverState(), 'running');
    await barrier();
  });
});
