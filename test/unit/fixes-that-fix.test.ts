// Issue 17 item 5: a fix judged by what the consumer really gets. Fix All on a Dockerfile that bakes a proxy password
// must remove those ENV lines, not keep them and add `ENV no_proxy` beside them.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fixAllText, lint } from '../../server/src/engine';

describe('Fix All on Dockerfiles with baked proxies', () => {
  test('ENV lines with a proxy password are removed, and no ENV no_proxy is added beside them', () => {
    const text = 'FROM debian:bookworm\nENV http_proxy=http://bob:hunter2@proxy.corp:3128\nENV https_proxy=http://bob:hunter2@proxy.corp:3128\nRUN apt-get update\n';
    const fixed = fixAllText(text, 'dockerfile');
    assert.equal(fixed, 'FROM debian:bookworm\nRUN apt-get update\n');
    assert.ok(!lint(fixed, 'dockerfile').some((f) => f.ruleId === 'DF001' || f.ruleId === 'DF013'));
  });
  test('a password in one ENV of several: that variable goes, the others stay', () => {
    const text = 'FROM debian:bookworm\nENV LANG=C.UTF-8 https_proxy=http://bob:hunter2@proxy.corp:3128\nRUN apt-get update\n';
    assert.equal(fixAllText(text, 'dockerfile'), 'FROM debian:bookworm\nENV LANG=C.UTF-8\nRUN apt-get update\n');
  });
  test('without a password the ENV is the author\'s choice: Fix All keeps it and adds no_proxy (DF013 stays safe)', () => {
    const text = 'FROM debian:bookworm\nENV http_proxy=http://proxy.corp:3128\nRUN apt-get update\n';
    assert.equal(fixAllText(text, 'dockerfile'), 'FROM debian:bookworm\nENV http_proxy=http://proxy.corp:3128\nENV no_proxy=localhost,127.0.0.1,::1\nRUN apt-get update\n');
    const df013 = lint(text, 'dockerfile').find((f) => f.ruleId === 'DF013')!;
    assert.equal(df013.fixes[0].safe, true);
  });
});
