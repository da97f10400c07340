// Issue 5 item 5: text systemd (and Docker) mishandle silently: typographic quotes, $VAR in Environment=, and
// [Service] lines that are no directives.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFixCleans, lintAs, only } from './helpers';

describe('typographic quotes (PD003)', () => {
  test('in a drop-in, a Dockerfile and a JSON string; the fix uses ASCII quotes', () => {
    const dropin = '[Service]\nEnvironment=\u201CHTTPS_PROXY=http://proxy.corp:3128\u201D\nEnvironment="NO_PROXY=localhost"\n';
    const f = only(lintAs('systemd-dropin', dropin), 'PD003')[0];
    assert.equal(f.range.start.line, 1);
    assert.equal(assertFixCleans('systemd-dropin', dropin, f, f.fixes[0]).split('\n')[1], 'Environment="HTTPS_PROXY=http://proxy.corp:3128"');
    const df = 'FROM alpine\nENV http_proxy=\u2018http://proxy.corp:3128\u2019\n';
    assert.equal(only(lintAs('dockerfile', df), 'PD003').length, 1);
    const json = '{\n  "proxies": {\n    "https-proxy": "\u201Chttp://proxy.corp:3128\u201D"\n  }\n}\n';
    const j = only(lintAs('daemon-json', json), 'PD003')[0];
    assert.equal(JSON.parse(assertFixCleans('daemon-json', json, j, j.fixes[0])).proxies['https-proxy'], 'http://proxy.corp:3128');
  });
  test('not in comments or lines about something else', () => {
    assert.equal(only(lintAs('dockerfile', 'FROM alpine\n# set the \u201Cproxy\u201D with --build-arg\nLABEL note=\u201Chello\u201D\n'), 'PD003').length, 0);
  });
});

describe('$VAR in Environment= (SV017)', () => {
  test('${VAR} anywhere and $USER-style URL parts', () => {
    for (const v of ['${PROXY}', 'http://$PROXY_USER:$PROXY_PASS@proxy.corp:3128', 'http://${PROXY_HOST}:3128']) {
      const text = `[Service]\nEnvironment="HTTPS_PROXY=${v}"\nEnvironment="NO_PROXY=localhost"\n`;
      assert.equal(only(lintAs('systemd-dropin', text), 'SV017').length, 1, v);
    }
  });
  test('a $ inside a password, a non-proxy variable and templates are fine', () => {
    const text = '[Service]\nEnvironment="HTTPS_PROXY=http://alice:pa$$word@proxy.corp:3128"\nEnvironment="OPTS=$FOO"\nEnvironment="NO_PROXY=localhost"\n';
    assert.equal(only(lintAs('systemd-dropin', text), 'SV017').length, 0);
    assert.equal(only(lintAs('systemd-dropin', '[Service]\nEnvironment="HTTPS_PROXY=${PROXY}"\n', '/srv/templates/http-proxy.conf.j2'), 'SV017').length, 0);
  });
});

describe('[Service] lines that are no directives (SV018)', () => {
  test('lower-case keys and bare words are reported; SV012 keeps the proxy-variable lines', () => {
    const text = '[Service]\nEnvironment="HTTPS_PROXY=http://proxy.corp:3128"\nusr=alice\nHTTP_PROXY=http://proxy.corp:3128\nhttp://proxy.corp:3128\nLimitNOFILE=65536\n';
    const found = lintAs('systemd-dropin', text);
    assert.deepEqual(only(found, 'SV018').map((f) => f.range.start.line), [2, 4]);
    assert.deepEqual(only(found, 'SV012').map((f) => f.range.start.line), [3]);
  });
  test('other sections and real directives are left alone', () => {
    assert.equal(only(lintAs('systemd-dropin', '[Unit]\nfoo=bar\n[Service]\nExecStart=\nExecStart=/usr/bin/dockerd\nTimeoutStartSec=0\n'), 'SV018').length, 0);
  });
});
