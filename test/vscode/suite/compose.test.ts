// Real VS Code (code-server): a Compose file and a CI workflow opened as plain YAML get our diagnostics, and a quick
// fix clears its finding (issue 11). Fixture: test/fixtures/workspace/compose-project.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../../server/src/shared/protocol';
import { codeActionsAt, codeOf, hasCode, lacksCode, open, waitForOurDiagnostics } from './helpers';

suite('Compose files and CI workflows in VS Code', () => {
  suiteSetup(async function () {
    this.timeout(60_000);
    const ext = vscode.extensions.getExtension<{ whenReady(): Promise<boolean> }>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
    const api = await ext.activate();
    assert.equal(await api.whenReady(), true, 'the language server did not start');
  });

  async function applyQuickFix(rel: string, code: string, title: RegExp): Promise<string> {
    const ed = await open(rel);
    const uri = ed.document.uri;
    const [d] = (await waitForOurDiagnostics(uri, hasCode(code), code)).filter((x) => codeOf(x) === code);
    const actions = await codeActionsAt(uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.edit && title.test(a.title));
    assert.ok(fix?.edit, `no quick fix for ${code}; got: ${actions.map((a) => a.title).join(' | ') || '(none)'}`);
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true, 'applyEdit failed');
    await waitForOurDiagnostics(uri, lacksCode(code), `${code} to clear after the fix`);
    return ed.document.getText();
  }

  test('compose.yaml: DC002 for the missing service name; the quick fix adds it', async () => {
    const ed = await open('compose-project/compose.yaml');
    assert.equal(ed.document.languageId === 'yaml' || ed.document.languageId === 'dockercompose', true, ed.document.languageId);
    const text = await applyQuickFix('compose-project/compose.yaml', 'DC002', /Add api to NO_PROXY/);
    assert.match(text, /NO_PROXY: localhost,127\.0\.0\.1,api/);
  });

  test('.github/workflows/build.yml: BX001 for the unquoted no_proxy list; the quick fix quotes it for CSV', async () => {
    const text = await applyQuickFix('compose-project/.github/workflows/build.yml', 'BX001', /Quote the field/);
    assert.match(text, /\n {12}"env\.no_proxy=localhost,127\.0\.0\.1"\n/);
  });
});
