// Issue 5 item 4: client-style or camelCase keys in daemon.json each get their own finding on their own line, with
// their own fix, under "proxies" and under "proxies.default".
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFixCleans, lintAs, only } from './helpers';

const lineOf = (text: string, line: number) => text.split('\n')[line];

describe('one finding per offending key', () => {
  test('under proxies.default: the entry and each field, each on its line', () => {
    const text = '{\n  "proxies": {\n    "default": {\n      "httpProxy": "http://proxy.corp:3128",\n      "httpsProxy": "http://proxy.corp:3128",\n      "noProxy": "localhost,127.0.0.1"\n    }\n  }\n}\n';
    const found = only(lintAs('daemon-json', text), 'DJ003');
    assert.deepEqual(found.map((f) => lineOf(text, f.range.start.line).trim().split(':')[0]), ['"default"', '"httpProxy"', '"httpsProxy"', '"noProxy"']);
    for (const f of found.slice(1)) {
      assert.equal(f.fixes.length, 1, f.message);
      const fixed = assertFixCleans('daemon-json', text, f, f.fixes[0]);
      assert.doesNotThrow(() => JSON.parse(fixed));
    }
    const moved = JSON.parse(assertFixCleans('daemon-json', text, found[2], found[2].fixes[0]));
    assert.equal(moved.proxies['https-proxy'], 'http://proxy.corp:3128');
    assert.equal(moved.proxies.default.httpsProxy, undefined);
  });
  test('the last field takes the emptied entry along', () => {
    const text = '{\n  "proxies": {\n    "default": {\n      "httpsProxy": "http://proxy.corp:3128"\n    }\n  }\n}\n';
    const f = only(lintAs('daemon-json', text), 'DJ003')[1];
    assert.deepEqual(JSON.parse(assertFixCleans('daemon-json', text, f, f.fixes[0])), { proxies: { 'https-proxy': 'http://proxy.corp:3128' } });
  });
  test('directly under proxies: DJ002 on each key', () => {
    const text = '{\n  "proxies": {\n    "httpProxy": "http://proxy.corp:3128",\n    "httpsProxy": "http://proxy.corp:3128",\n    "noProxy": "localhost"\n  }\n}\n';
    const found = only(lintAs('daemon-json', text), 'DJ002');
    assert.deepEqual(found.map((f) => f.range.start.line), [2, 3, 4]);
    for (const f of found) assert.ok(f.fixes.length > 0, f.message);
  });
  test('allProxy inside default: its own finding, no move (there is no daemon key)', () => {
    const text = '{\n  "proxies": {\n    "default": {\n      "httpsProxy": "http://p.corp:3128",\n      "allProxy": "socks5://p.corp:1080"\n    }\n  }\n}\n';
    const f = only(lintAs('daemon-json', text), 'DJ003').find((g) => /allProxy/.test(g.message))!;
    assert.equal(f.range.start.line, 4);
    assert.equal(f.fixes.length, 0);
  });
});
