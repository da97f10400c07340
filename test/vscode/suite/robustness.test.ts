// Crashes of the language server in real VS Code: the client restarts a killed server (and the new one lints), and
// after repeated crashes it stops restarting and reports the server as failed. The server process is the real one,
// killed with SIGKILL; the "Restart Language Server" command brings it back for the suites that follow.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../../server/src/shared/protocol';
import { MAX_CRASHES } from '../../../client/src/crashPolicy';
import { barrier, fileIn, hasCode, lacksCode, open, waitFor, waitForOurDiagnostics } from './helpers';

interface DoctorApi { serverState(): string; whenReady(): Promise<boolean>; status: { onDidRender: vscode.Event<unknown> } }

/**
 * Fires on diagnostics changes and whenever the Proxy Status view redraws, which it does on every server state change:
 * a server that gave up publishes nothing more, so its "failed" state is seen through the view.
 */
const diagnosticsOrState: vscode.Event<unknown> = (listener, thisArgs?, disposables?) => {
  const subs = vscode.Disposable.from(vscode.languages.onDidChangeDiagnostics(listener, thisArgs), api().status.onDidRender(listener, thisArgs));
  disposables?.push(subs);
  return subs;
};

/** PIDs of our language server processes started by this extension host (found through /proc: Linux only). */
function serverPids(): number[] {
  const pids: number[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      const cmd = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8');
      if (/dist[\\/]server\.js/.test(cmd)) pids.push(Number(name));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

function api(): DoctorApi {
  return vscode.extensions.getExtension<DoctorApi>(EXTENSION_ID)!.exports;
}

suite('language server crashes', () => {
  suiteTeardown(async function () {
    this.timeout(60_000);
    // Leave a running server behind whatever happened above.
    if (api().serverState() !== 'running') await vscode.commands.executeCommand('dockerProxyDoctor.restartServer');
  });

  test('a killed server is restarted and the new one lints; repeated crashes stop the restarts', async function () {
    this.timeout(180_000);
    assert.equal(await vscode.commands.executeCommand('dockerProxyDoctor.restartServer'), true); // fresh crash count
    // Its own file: other suites edit and fix the fixture's etc/docker/daemon.json in this same window.
    const rel = `crash-${Date.now()}/etc/docker/daemon.json`;
    await vscode.workspace.fs.writeFile(fileIn(rel), Buffer.from('{\n  "http-proxy": "http://proxy.example.com:3128"\n}\n'));
    const ed = await open(rel);
    const uri = ed.document.uri;
    await waitForOurDiagnostics(uri, hasCode('DJ001'), 'DJ001 before the crash');

    const first = serverPids();
    assert.equal(first.length, 1, `expected one server process, found ${first.join(', ') || 'none'}`);
    process.kill(first[0], 'SIGKILL');
    // The restarted server republishes the open document; wait for a new process and its diagnostics.
    const second = await waitFor(diagnosticsOrState, () => {
      const now = serverPids();
      return now.length === 1 && now[0] !== first[0] && api().serverState() === 'running' ? now[0] : undefined;
    }, 'a new server process after the kill', 60_000);
    // The new server really lints: an edit that removes DJ001 is answered, and undoing it brings DJ001 back.
    const original = ed.document.getText();
    await ed.edit((b) => b.replace(new vscode.Range(0, 0, ed.document.lineCount, 0), '{}\n'));
    await waitForOurDiagnostics(uri, lacksCode('DJ001'), 'DJ001 gone after the edit (restarted server)');
    await ed.edit((b) => b.replace(new vscode.Range(0, 0, ed.document.lineCount, 0), original));
    await waitForOurDiagnostics(uri, hasCode('DJ001'), 'DJ001 back (restarted server)');

    // Crash it until the policy gives up: that crash count leaves the server failed and not running.
    let victim = second;
    for (let crash = 2; crash <= MAX_CRASHES; crash++) {
      process.kill(victim, 'SIGKILL');
      const last = crash === MAX_CRASHES;
      const next = await waitFor(diagnosticsOrState, () => {
        const now = serverPids().filter((p) => p !== victim);
        if (last) return api().serverState() === 'failed' && now.length === 0 ? -1 : undefined;
        return now.length === 1 && api().serverState() === 'running' ? now[0] : undefined;
      }, last ? 'the client to give up' : `restart after crash ${crash}`, 60_000);
      victim = next;
    }
    assert.equal(api().serverState(), 'failed');
    assert.deepEqual(serverPids(), []);

    // The documented next step works: Restart Language Server brings it back and it lints again.
    assert.equal(await vscode.commands.executeCommand('dockerProxyDoctor.restartServer'), true);
    assert.equal(api().serverState(), 'running');
    await barrier();
  });
});
