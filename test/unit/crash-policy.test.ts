// The client's crash policy: restart after a crash and say so; stop after MAX_CRASHES within the window and say how
// to go on; old crashes age out; a user restart resets the count. A fake clock, no timers.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CRASH_WINDOW_MS, CrashPolicy, MAX_CRASHES } from '../../client/src/crashPolicy';

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
});
