// "Docker Proxy Doctor: Set Up Proxy…" in real VS Code (code-server): the command is contributed to the palette and
// the Proxy Status view title; with its input given (as another extension would), it plans on this machine's model,
// opens one multi-file diff of masked texts, writes the user's config.json (backup first) keeping other keys, puts
// root-owned steps in a terminal line that names no password, and "Undo Last Setup" restores every byte.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../../server/src/shared/protocol';
import type { SetupRun } from '../../../client/src/setup/setupCommand';

const PASSWORD = 'p%ss@w:rd';
const ENCODED = 'p%25ss%40w%3Ard';

function configJson(): string {
  assert.ok(process.env.DOCKER_CONFIG, 'run-in-code-server.sh must set DOCKER_CONFIG');
  return path.join(process.env.DOCKER_CONFIG, 'config.json');
}

suite('Set Up Proxy', () => {
  let original = '';
  let applied = false;
  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    original = fs.readFileSync(configJson(), 'utf8');
  });
  suiteTeardown(async () => {
    // Whatever happened, the prepared machine goes back as it was for the suites that follow.
    if (applied) await vscode.commands.executeCommand('dockerProxyDoctor.undoSetup');
    if (fs.readFileSync(configJson(), 'utf8') !== original) fs.writeFileSync(configJson(), original);
  });

  test('contributed to the palette and the Proxy Status view title', () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
    const commands = (pkg.contributes.commands as Array<{ command: string; title: string }>).map((c) => `${c.command}=${c.title}`);
    assert.ok(commands.includes('dockerProxyDoctor.setupProxy=Set Up Proxy…'));
    assert.ok(commands.includes('dockerProxyDoctor.undoSetup=Undo Last Setup'));
    const title = pkg.contributes.menus['view/title'] as Array<{ command: string; when: string }>;
    assert.ok(title.some((m) => m.command === 'dockerProxyDoctor.setupProxy' && m.when === 'view == dockerProxyDoctor.status'));
  });

  test('plans, previews as a multi-file diff, writes config.json, hands root steps to a terminal; undo restores', async function () {
    this.timeout(120_000);
    const run = await vscode.commands.executeCommand<SetupRun>('dockerProxyDoctor.setupProxy', {
      proxy: 'http://127.0.0.1:3128', user: 'alice', password: PASSWORD, noProxy: ['localhost', '127.0.0.1', '::1'],
      layers: ['daemon', 'client-config'], apply: true, verify: false,
    });
    applied = !!run.sessionDir;
    assert.ok(run.plan, 'a plan was made');
    const paths = run.plan.changes.map((c) => c.path);
    assert.ok(paths.includes(configJson()), `config.json is in the plan: ${paths.join(', ')}`);

    // The preview: one tab titled after the change count, its texts masked.
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label));
    assert.ok(tabs.some((l) => /^Set Up Proxy: \d+ file change\(s\)/.test(l)), `tabs: ${tabs.join(' | ')}`);
    for (const c of run.plan.changes) assert.ok(!c.diff.includes(ENCODED) && !c.title.includes(ENCODED));

    // config.json: written by VS Code with the proxy for containers, the rest of the file kept.
    const written = JSON.parse(fs.readFileSync(configJson(), 'utf8'));
    assert.match(written.proxies.default.httpsProxy, new RegExp(`^http://alice:${ENCODED.replace(/%/g, '%')}@`));
    assert.equal(written.proxies.default.noProxy, 'localhost,127.0.0.1,::1');
    assert.ok(run.written.includes(configJson()));

    // Root-owned files and restarts: one terminal line, not run, naming staged files and never the password.
    const rootChanges = run.plan.changes.filter((c) => c.owner === 'root');
    if (rootChanges.length) {
      assert.match(run.terminalText ?? '', /^sudo install -D -m 0644 \S+staged-\S+ \/etc\/docker\/daemon\.json/);
      const staged = /sudo install -D -m 0644 (\S+) /.exec(run.terminalText!)![1];
      assert.equal(fs.statSync(staged).mode & 0o777, 0o600, 'the staged file is readable by its owner only');
      assert.ok(vscode.window.terminals.some((t) => t.name === 'Docker Proxy Doctor: Setup'));
    }
    assert.ok(!(run.terminalText ?? '').includes(ENCODED) && !(run.terminalText ?? '').includes(PASSWORD));

    // Same input again: nothing to change.
    const again = await vscode.commands.executeCommand<SetupRun>('dockerProxyDoctor.setupProxy', {
      proxy: 'http://127.0.0.1:3128', user: 'alice', password: PASSWORD, noProxy: ['localhost', '127.0.0.1', '::1'], layers: ['client-config'], apply: true, verify: false,
    });
    assert.deepEqual(again.plan?.changes, []);

    const undo = await vscode.commands.executeCommand<{ restored: string[] }>('dockerProxyDoctor.undoSetup');
    applied = false;
    assert.ok(undo.restored.includes(configJson()));
    assert.equal(fs.readFileSync(configJson(), 'utf8'), original, 'undo restores every byte');
  });
});
