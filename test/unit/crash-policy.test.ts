// The client's crash policy: restart after a crash and say so; stop after MAX_CRASHES within the window and say how
// to go on; old crashes age out; a user restart resets the count. A fake clock, no timers. And which connection
// errors mean "the process is going away" (real errors from a real exited child).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { CRASH_WINDOW_MS, CrashPolicy, isClosingConnectionError, MAX_CRASHES } from '../../client/src/crashPolicy';

describe('language server crash policy', () => {
  test('restarts, saying so, until MAX_CRASHES within the window; then stops with the next step', () => {
    let now = 1_000_000;
    const policy = new CrashPolicy(() => now);
    for (let i = 1; i < MAX_CRASHES; i++) {
      const d = policy.onCrash();
      assert.equal(d.restart, true, `crash ${i}`);
      assert.equal(d.recent, i);
      assert.match(d.message, /was restarted/);
      now += 1000;
    }
    const last = policy.onCrash();
    assert.equal(last.restart, false);
    assert.equal(last.recent, MAX_CRASHES);
    assert.match(last.message, /will not be restarted/);
    assert.match(last.message, /Restart Language Server/);
  });

  test('crashes older than the window no longer count', () => {
    let now = 0;
    const policy = new CrashPolicy(() => now);
    for (let i = 0; i < 10; i++) {
      assert.equal(policy.onCrash().restart, true, `crash ${i} is spread out and must restart`);
      now += CRASH_WINDOW_MS / (MAX_CRASHES - 1) + 1;
    }
  });

  test('a restart by the user resets the count', () => {
    const policy = new CrashPolicy(() => 0);
    for (let i = 0; i < MAX_CRASHES; i++) policy.onCrash();
    assert.equal(policy.onCrash().restart, false);
    policy.reset();
    assert.equal(policy.onCrash().restart, true);
  });

  test('errors of a connection whose process died are left to the close handler; others are counted', async () => {
    // Real errors from a real child that has exited: a write to its stdin pipe (EPIPE) and a send on its IPC channel.
    const child = spawn(process.execPath, ['-e', ''], { stdio: ['pipe', 'ignore', 'ignore', 'ipc'] });
    await once(child, 'exit');
    const sendError = await new Promise<unknown>((resolve) => child.send('x', (e) => resolve(e)));
    const writeError = await new Promise<unknown>((resolve) => {
      child.stdin!.on('error', resolve);
      child.stdin!.write('x'.repeat(1 << 16), (e) => e && resolve(e));
    });
    assert.equal(isClosingConnectionError(sendError), true, `send: ${String(sendError)}`);
    assert.equal(isClosingConnectionError(writeError), true, `write: ${String(writeError)}`);
    assert.equal(isClosingConnectionError(new Error('Message header must be a string')), false);
    assert.equal(isClosingConnectionError(undefined), false);
  });
});
