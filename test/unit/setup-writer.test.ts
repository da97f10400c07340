// The setup writer on a scratch directory: refuses to write when a file changed since the plan, keeps modes, stages
// root-owned files readable by their owner only with the `sudo install` lines that place and undo them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyChanges, rootUndoLines, SetupWriteError, stageRootChanges, stageScript, undoLastSetup } from '../../server/src/node/setupWriter';
import type { FileChange } from '../../server/src/engine/setup';

function change(p: string, before: string | undefined, after: string, owner: FileChange['owner'] = 'user'): FileChange {
  return { layer: 'daemon', path: p, before, after, mode: 0o644, owner, title: 't', diff: '', secret: true };
}

test('nothing is written when a file changed since the plan; otherwise backups, modes and undo', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dpd-writer-'));
  try {
    const file = path.join(dir, 'etc/daemon.json');
    fs.mkdirSync(path.dirname(file));
    fs.writeFileSync(file, '{}\n', { mode: 0o640 });
    const state = path.join(dir, 'state');
    await assert.rejects(applyChanges([change('/etc/daemon.json', '{ "x": 1 }\n', 'new')], { root: dir, stateDir: state }), SetupWriteError);
    assert.equal(fs.readFileSync(file, 'utf8'), '{}\n');
    const r = await applyChanges([change('/etc/daemon.json', '{}\n', '{"a":1}\n'), change('/etc/new.conf', undefined, 'x\n')], { root: dir, stateDir: state });
    assert.equal(fs.statSync(file).mode & 0o777, 0o640);
    assert.equal(fs.statSync(path.join(dir, 'etc/new.conf')).mode & 0o777, 0o644);
    assert.equal(fs.statSync(r.sessionDir).mode & 0o777, 0o700);
    assert.deepEqual(fs.readdirSync(path.dirname(file)).filter((n) => n.includes('.dpd-')), [], 'no temp file left behind');
    const u = await undoLastSetup({ stateDir: state });
    assert.deepEqual([u?.restored, u?.removed], [['/etc/daemon.json'], ['/etc/new.conf']]);
    assert.equal(fs.readFileSync(file, 'utf8'), '{}\n');
    assert.equal(await undoLastSetup({ stateDir: state }), undefined);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('root-owned changes are staged 0600 with install and undo lines; secret commands go to a 0700 script', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dpd-stage-'));
  try {
    const staged = await stageRootChanges(dir, [change('/etc/docker/daemon.json', '{}\n', '{"proxies":{"http-proxy":"http://u:p%40w@h:1"}}\n', 'root'), change('/etc/systemd/system/docker.service.d/http-proxy.conf', undefined, '[Service]\n', 'root')]);
    assert.equal(staged.install.length, 2);
    assert.match(staged.install[0], /^sudo install -D -m 0644 \S+\/staged-00-daemon\.json \/etc\/docker\/daemon\.json$/);
    const stagedFile = staged.install[0].split(' ')[5];
    assert.equal(fs.statSync(stagedFile).mode & 0o777, 0o600);
    assert.ok(!staged.install.join(' ').includes('p%40w'));
    assert.deepEqual((await rootUndoLines(dir)).map((l) => l.replace(dir, 'S')), ['sudo install -m 0644 S/before-00-daemon.json /etc/docker/daemon.json', 'sudo rm -f /etc/systemd/system/docker.service.d/http-proxy.conf']);
    const script = await stageScript(dir, 'b.sh', [['docker', 'buildx', 'create', '--driver-opt', 'env.http_proxy=http://u:p%40w@h:1,"env.no_proxy=a,b"']]);
    assert.equal(fs.statSync(script).mode & 0o777, 0o700);
    assert.match(fs.readFileSync(script, 'utf8'), /^docker buildx create --driver-opt 'env\.http_proxy=http:\/\/u:p%40w@h:1,"env\.no_proxy=a,b"'$/m);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
