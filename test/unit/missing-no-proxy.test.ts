// Issue 5 item 1: one missing-NO_PROXY policy for every kind (CC010, DF013, NP012, SV016). Severity per reader, the
// finding on the object or line that lacks NO_PROXY, and a fix that adds loopback plus the hosts the file names.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, assertFixCleans, lintAs, only } from './helpers';
import type { FileKind } from '../../server/src/engine';

function one(kind: FileKind, text: string, id: string, path?: string) {
  const found = only(lintAs(kind, text, path), id);
  assert.equal(found.length, 1, `${id} on:\n${text}\ngot ${JSON.stringify(found.map((f) => f.message))}`);
  return found[0];
}
const lineOf = (text: string, line: number) => text.split('\n')[line];

describe('missing NO_PROXY, every kind', () => {
  test('config.json: warning on the entry key, fix adds loopback', () => {
    const text = '{\n  "proxies": {\n    "default": {\n      "httpsProxy": "http://proxy.corp:3128"\n    }\n  }\n}\n';
    const f = one('cli-config', text, 'CC010');
    assert.equal(f.severity, 'warning');
    assert.match(lineOf(text, f.range.start.line), /"default"/);
    const fixed = assertFixCleans('cli-config', text, f, f.fixes[0]);
    assert.equal(JSON.parse(fixed).proxies.default.noProxy, 'localhost,127.0.0.1,::1');
  });

  test('daemon.json: info without internal hosts, warning with them; fix names them', () => {
    const plain = '{\n  "proxies": {\n    "http-proxy": "http://proxy.corp:3128",\n    "https-proxy": "http://proxy.corp:3128"\n  }\n}\n';
    const f = one('daemon-json', plain, 'NP012');
    assert.equal(f.severity, 'info');
    assert.equal(JSON.parse(assertFixCleans('daemon-json', plain, f, f.fixes[0])).proxies['no-proxy'], 'localhost,127.0.0.1,::1');
    const internal = plain.replace('{\n', '{\n  "insecure-registries": ["registry.lab:5000"],\n');
    const g = one('daemon-json', internal, 'NP012');
    assert.equal(g.severity, 'warning');
    assert.equal(JSON.parse(assertFixCleans('daemon-json', internal, g, g.fixes[0])).proxies['no-proxy'], 'localhost,127.0.0.1,::1,registry.lab');
  });

  test('Dockerfile: ENV is a warning per stage, ARG default is info, the fix adds a line after the last one', () => {
    const text = 'FROM golang:1.22 AS build\nENV HTTP_PROXY=http://proxy.corp:3128 HTTPS_PROXY=http://proxy.corp:3128\nRUN go build ./...\n\nFROM alpine:3.20\nARG https_proxy=http://proxy.corp:3128\nRUN apk add --no-cache ca-certificates\n';
    const found = only(lintAs('dockerfile', text), 'DF013');
    assert.deepEqual(found.map((f) => [f.range.start.line, f.severity]), [[1, 'warning'], [5, 'info']]);
    const fixed = assertFixCleans('dockerfile', text, found[0], found[0].fixes[0]);
    assert.match(fixed, /HTTPS_PROXY=http:\/\/proxy.corp:3128\nENV NO_PROXY=localhost,127.0.0.1,::1\nRUN go build/);
    assert.match(assertFixCleans('dockerfile', text, found[1], found[1].fixes[0]), /ARG https_proxy=http:\/\/proxy.corp:3128\nARG no_proxy=localhost,127.0.0.1,::1\n/);
  });

  test('Dockerfile: silent when no_proxy is mentioned anywhere, or no proxy is set, or it is cleared', () => {
    for (const text of [
      'FROM alpine\nENV http_proxy=http://p:3128\nENV NO_PROXY=localhost\n',
      'FROM alpine\nARG http_proxy=http://p:3128\nRUN no_proxy=localhost,127.0.0.1 wget http://x/\n',
      'FROM alpine\nENV http_proxy=""\n',
      'FROM alpine\nARG HTTP_PROXY\nRUN apk add curl\n',
    ]) assert.equal(only(lintAs('dockerfile', text), 'DF013').length, 0, text);
  });

  test('drop-in: info on the last proxy variable, fix adds an Environment= line', () => {
    const text = '[Service]\nEnvironment="HTTP_PROXY=http://proxy.corp:3128"\nEnvironment="HTTPS_PROXY=http://proxy.corp:3128"\n';
    const f = one('systemd-dropin', text, 'SV016');
    assert.equal(f.severity, 'info');
    assert.equal(f.range.start.line, 2);
    assert.match(assertFixCleans('systemd-dropin', text, f, f.fixes[0]), /3128"\nEnvironment="NO_PROXY=localhost,127.0.0.1,::1"\n$/);
    assert.equal(only(lintAs('systemd-dropin', text + 'Environment="no_proxy=.corp"\n'), 'SV016').length, 0);
  });

  test('/etc/default/docker and /etc/environment: info, fix keeps the file\'s style', () => {
    const text = '# proxy for docker\nexport http_proxy="http://proxy.corp:3128/"\n';
    const f = one('systemd-dropin', text, 'SV016', '/etc/default/docker');
    assert.equal(f.severity, 'info');
    // Not assertFixCleans: SV006 ("dockerd never reads this file") rightly reports the new line as it reports the others.
    const fixed = applyFix(text, f.fixes[0]);
    assert.match(fixed, /\nexport no_proxy="localhost,127.0.0.1,::1"\n$/);
    const after = lintAs('systemd-dropin', fixed, '/etc/default/docker');
    assert.deepEqual(after.map((g) => `${g.ruleId}:${g.range.start.line}`), ['SV006:1', 'SV006:2']);
    const env = 'HTTP_PROXY=http://proxy.corp:3128\nNO_PROXY=localhost\n';
    assert.equal(only(lintAs('systemd-dropin', env, '/etc/environment'), 'SV016').length, 0);
  });
});
