// The error explainer in real VS Code (code-server): the Explain Docker Error command on a selection, on a string
// argument, on the clipboard; the terminal link provider asked about the line a real (pseudo)terminal printed; the
// hover provider on a `log` document and on an Output channel document.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../../server/src/shared/protocol';
import { WAIT_MS, waitFor } from './helpers';

const EXPLAIN = 'dockerProxyDoctor.explainError';
const LINKS_FOR_LINE = 'dockerProxyDoctor.explain.terminalLinksForLine';

interface ExplanationLike { line: number; id: string; layer?: string; text: string; start: number; end: number }
interface LinkLike { startIndex: number; length: number; tooltip: string; id: string }

const BUILD_LOG = [
  '#2 [internal] load metadata for docker.io/library/node:20-alpine',
  '#2 ERROR: failed to authorize: failed to fetch oauth token: Post "https://auth.docker.io/token": dial tcp 54.236.113.205:443: i/o timeout',
  '#5 [2/3] RUN pip install flask',
  "#5 1.902 WARNING: Retrying (Retry(total=4)) after connection broken by 'ProxyError('Unable to connect to proxy', OSError('Tunnel connection failed: 407 Proxy Authentication Required'))': /simple/flask/",
  'Successfully built 3f2a1b',
  '',
].join('\n');

async function untitled(content: string, language: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ content, language });
  return vscode.window.showTextDocument(doc, { preview: false });
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

suite('Explain Docker errors', () => {
  suiteSetup(async function () {
    this.timeout(60_000);
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
    await ext.activate();
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the command is contributed and registered', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const contributed = (ext.packageJSON.contributes.commands as Array<{ command: string; title: string }>).find((c) => c.command === EXPLAIN);
    assert.equal(contributed?.title, 'Explain Docker Error');
    assert.ok((await vscode.commands.getCommands(true)).includes(EXPLAIN));
  });

  test('explains the selection: both errors of a BuildKit log, with their lines and layers; a clean selection finds nothing', async () => {
    const ed = await untitled(BUILD_LOG, 'log');
    ed.selection = new vscode.Selection(0, 0, 4, 0);
    const found = await vscode.commands.executeCommand<ExplanationLike[]>(EXPLAIN);
    assert.deepEqual(found.map((e) => [e.line, e.id, e.layer]), [[2, 'oauth-token-failed', 'cli-shell'], [4, 'proxy-auth-required', 'build-args']]);
    // only the error line of the pip step: no context, so no layer, and line 1 of the selection
    ed.selection = new vscode.Selection(3, 0, 3, ed.document.lineAt(3).text.length);
    const one = await vscode.commands.executeCommand<ExplanationLike[]>(EXPLAIN);
    assert.deepEqual(one.map((e) => [e.line, e.id]), [[1, 'proxy-auth-required']]);
    ed.selection = new vscode.Selection(4, 0, 4, 20);
    assert.deepEqual(await vscode.commands.executeCommand<ExplanationLike[]>(EXPLAIN), []);
  });

  test('a string argument wins over the selection; credentials in it are masked', async () => {
    const found = await vscode.commands.executeCommand<ExplanationLike[]>(EXPLAIN,
      'Error response from daemon: Get "https://registry-1.docker.io/v2/": proxyconnect tcp: tls: first record does not look like a TLS handshake (https://bob:hunter2@proxy.corp:3128)');
    assert.deepEqual(found.map((e) => e.id), ['https-proxy-url-to-plain-proxy']);
    assert.ok(!JSON.stringify(found).includes('hunter2'));
    assert.match(found[0].text, /xxxxx:xxxxx@proxy\.corp/);
  });

  test('no selection: explains the clipboard', async function () {
    const probe = `dpd-clipboard-${Date.now()}`;
    await vscode.env.clipboard.writeText(probe);
    if ((await vscode.env.clipboard.readText()) !== probe) this.skip(); // the browser denied clipboard access
    await vscode.env.clipboard.writeText('curl: (56) CONNECT tunnel failed, response 407\n');
    await untitled('nothing selected here', 'plaintext');
    const found = await vscode.commands.executeCommand<ExplanationLike[]>(EXPLAIN);
    assert.deepEqual(found.map((e) => e.id), ['proxy-auth-required']);
  });

  test('terminal: the link provider underlines the error a terminal printed, and nothing on an ordinary line', async function () {
    this.timeout(WAIT_MS * 2);
    const errorLine = 'ERROR: failed to solve: failed to fetch anonymous token: Get "https://auth.docker.io/token": proxyconnect tcp: dial tcp 127.0.0.1:3128: connect: connection refused';
    const written = new vscode.EventEmitter<string>();
    let opened: () => void = () => undefined;
    const ptyOpened = new Promise<void>((r) => { opened = r; });
    const terminal = vscode.window.createTerminal({
      name: 'dpd-explain',
      pty: { onDidWrite: written.event, open: () => { written.fire(`${errorLine}\r\n#5 [2/3] RUN apt-get update\r\n`); opened(); }, close: () => undefined },
    });
    try {
      terminal.show();
      await Promise.race([ptyOpened, new Promise((_, reject) => setTimeout(() => reject(new Error('the pseudoterminal never opened')), WAIT_MS))]);
      const links = await vscode.commands.executeCommand<LinkLike[]>(LINKS_FOR_LINE, errorLine, terminal);
      assert.equal(links.length, 1);
      assert.equal(links[0].id, 'oauth-token-failed');
      assert.equal(errorLine.slice(links[0].startIndex, links[0].startIndex + links[0].length), 'failed to fetch anonymous token');
      assert.match(links[0].tooltip, /Docker Proxy Doctor/);
      assert.deepEqual(await vscode.commands.executeCommand<LinkLike[]>(LINKS_FOR_LINE, '#5 [2/3] RUN apt-get update', terminal), []);
    } finally {
      terminal.dispose();
      written.dispose();
    }
  });

  test('hover in a log document: the explanation on the error words, nothing elsewhere', async () => {
    const ed = await untitled(BUILD_LOG, 'log');
    const line = ed.document.lineAt(1).text;
    const at = new vscode.Position(1, line.indexOf('failed to fetch oauth token') + 3);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', ed.document.uri, at);
    const text = hoverText(hovers);
    assert.match(text, /Docker Proxy Doctor/);
    assert.match(text, /oauth-token-failed/);
    assert.match(text, /BUILDKIT\\_NO\\_CLIENT\\_TOKEN|BUILDKIT_NO_CLIENT_TOKEN/);
    const clean = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', ed.document.uri, new vscode.Position(4, 3));
    assert.doesNotMatch(hoverText(clean), /Docker Proxy Doctor/);
  });

  test('hover in an Output channel document (scheme output)', async function () {
    this.timeout(WAIT_MS * 2);
    const channel = vscode.window.createOutputChannel('dpd-explain-hover');
    try {
      channel.appendLine('curl: (56) CONNECT tunnel failed, response 407');
      channel.show(true);
      const doc = await waitFor(vscode.workspace.onDidOpenTextDocument, () => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'output' && /dpd-explain-hover/.test(d.uri.toString())), 'the Output channel document');
      const ready = await waitFor(vscode.workspace.onDidChangeTextDocument, () => (doc.getText().includes('response 407') ? doc : undefined), 'the line in the Output document');
      const lineNo = ready.getText().split('\n').findIndex((l) => l.includes('response 407'));
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', ready.uri, new vscode.Position(lineNo, 20));
      assert.match(hoverText(hovers), /proxy-auth-required/);
    } finally {
      channel.dispose();
    }
  });
});
