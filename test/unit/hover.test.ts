// Hover texts (engine/hover/): which layer reads a setting and which does not; values always masked.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPathFor, parseDocument, type FileKind } from '../../server/src/engine';
import { hoverAt } from '../../server/src/engine/hover';

const SECRET = 's3cr3tPass';

/** Hover at the first occurrence of `marker` (offset `delta` into it) in `text`. */
function hover(kind: FileKind, text: string, marker: string, delta = 1, path = defaultPathFor(kind)) {
  const offset = text.indexOf(marker);
  assert.ok(offset >= 0, `marker ${marker} not in text`);
  const doc = parseDocument(text, kind, path);
  const info = hoverAt(doc, doc.lines.positionAt(offset + delta));
  if (info) assert.ok(!info.markdown.includes(SECRET), `password in hover:\n${info.markdown}`);
  return info;
}

describe('daemon.json', () => {
  const text = `{\n  "http-proxy": "http://u:${SECRET}@old:3128",\n  "proxies": {\n    "https-proxy": "http://bob:${SECRET}@proxy.example.com:3128",\n    "no-proxy": "localhost,.corp",\n    "default": {}\n  },\n  "debug": true\n}\n`;

  test('proxies key: daemon layer reads it, CLI token fetch / containers / docker-container builder do not', () => {
    const h = hover('daemon-json', text, '"proxies"');
    assert.ok(h);
    assert.match(h.markdown, /\*\*Read by:\*\* dockerd/);
    assert.match(h.markdown, /Not read by/);
    assert.match(h.markdown, /token/);
    assert.match(h.markdown, /config\.json/);
    assert.match(h.markdown, /--driver-opt/);
  });

  test('a proxies value: masked value and the layer text, range on the hovered node', () => {
    const h = hover('daemon-json', text, 'http://bob', 5);
    assert.ok(h);
    assert.match(h.markdown, /proxies\.https-proxy/);
    assert.match(h.markdown, /`http:\/\/xxxxx:xxxxx@proxy\.example\.com:3128`/);
    assert.match(h.markdown, /restart dockerd/);
    const onKey = hover('daemon-json', text, '"https-proxy"');
    assert.ok(onKey);
    assert.equal(onKey.range.start.line, 3);
    assert.equal(onKey.range.start.character, 4);
  });

  test('top-level http-proxy is explained as ignored; unknown proxies key as fatal', () => {
    const top = hover('daemon-json', text, '"http-proxy"');
    assert.ok(top);
    assert.match(top.markdown, /ignored by dockerd/);
    assert.match(top.markdown, /xxxxx:xxxxx@old/);
    const unknown = hover('daemon-json', text, '"default"');
    assert.ok(unknown);
    assert.match(unknown.markdown, /refuses to start/);
  });

  test('nothing on unrelated keys or outside the tree', () => {
    assert.equal(hover('daemon-json', text, '"debug"'), undefined);
    assert.equal(hover('daemon-json', text, 'true', 1), undefined);
    assert.equal(hoverAt(parseDocument('{', 'daemon-json'), { line: 5, character: 0 }), undefined);
  });
});

describe('config.json', () => {
  const text = `{\n  "auths": {},\n  "proxies": {\n    "default": {\n      "httpProxy": "http://bob:${SECRET}@proxy:3128",\n      "allProxy": "socks5://proxy:1080"\n    },\n    "tcp://u:${SECRET}@docker.example.com:2376": {\n      "noProxy": "localhost"\n    }\n  }\n}\n`;

  test('proxies: containers yes, CLI and daemon no (facts §3)', () => {
    const h = hover('cli-config', text, '"proxies"');
    assert.ok(h);
    assert.match(h.markdown, /do \*\*not\*\* proxy the docker CLI itself, the daemon/);
  });

  test('default and per-host entries', () => {
    const d = hover('cli-config', text, '"default"');
    assert.ok(d);
    assert.match(d.markdown, /never merged/);
    const host = hover('cli-config', text, '"tcp://');
    assert.ok(host);
    assert.match(host.markdown, /exactly this/);
    assert.match(host.markdown, /xxxxx:xxxxx@docker\.example\.com/);
  });

  test('fields: injected names, buildx and allProxy', () => {
    const http = hover('cli-config', text, '"httpProxy"');
    assert.ok(http);
    assert.match(http.markdown, /`HTTP_PROXY` and `http_proxy`/);
    assert.match(http.markdown, /xxxxx:xxxxx@proxy:3128/);
    assert.match(http.markdown, /Not read by/);
    const all = hover('cli-config', text, '"allProxy"');
    assert.ok(all);
    assert.match(all.markdown, /does \*\*not\*\* pass `allProxy`/);
    assert.equal(hover('cli-config', text, '"auths"'), undefined);
  });
});

describe('Dockerfile', () => {
  const text = `# syntax=docker/dockerfile:1\nARG BASE=alpine\nFROM alpine:3.20 AS build\nARG HTTPS_PROXY\nENV http_proxy=http://bob:${SECRET}@proxy:3128 OTHER=1\nRUN apk add curl\nFROM build\nFROM scratch\n`;

  test('FROM and # syntax: pulled by the builder with its own proxy; token by the CLI shell', () => {
    const from = hover('dockerfile', text, 'FROM alpine');
    assert.ok(from);
    assert.match(from.markdown, /\*\*builder\*\*/);
    assert.match(from.markdown, /Build args and `ENV` proxy values do \*\*not\*\* apply/);
    assert.match(from.markdown, /shell that runs `docker build`/);
    const syntax = hover('dockerfile', text, 'syntax');
    assert.ok(syntax);
    assert.match(syntax.markdown, /frontend image/);
  });

  test('no pull hover for FROM <stage> or FROM scratch, nor without any proxy in the file', () => {
    assert.equal(hover('dockerfile', text, 'FROM build', 2), undefined);
    assert.equal(hover('dockerfile', text, 'FROM scratch', 2), undefined);
    assert.equal(hover('dockerfile', 'FROM alpine\nRUN true\n', 'FROM', 1), undefined);
  });

  test('ENV: baked into the image; ARG: predefined, history and cache', () => {
    const env = hover('dockerfile', text, 'http_proxy=');
    assert.ok(env);
    assert.match(env.markdown, /every container started/);
    assert.match(env.markdown, /--build-arg http_proxy/);
    assert.match(env.markdown, /xxxxx:xxxxx@proxy:3128/);
    const value = hover('dockerfile', text, 'http://bob', 3);
    assert.ok(value);
    assert.equal(value.range.start.line, 4);
    assert.equal(value.range.start.character, 15);
    const arg = hover('dockerfile', text, 'HTTPS_PROXY');
    assert.ok(arg);
    assert.match(arg.markdown, /predefined build arg/);
    assert.match(arg.markdown, /image history/);
    assert.equal(hover('dockerfile', text, 'OTHER'), undefined);
    assert.equal(hover('dockerfile', text, 'BASE'), undefined);
    assert.equal(hover('dockerfile', text, 'apk'), undefined);
  });
});

describe('systemd drop-in', () => {
  const text = `[Service]\nEnvironment="HTTPS_PROXY=http://bob:${SECRET}@proxy:3128" "NO_PROXY=localhost"\nEnvironment=FOO=bar\n`;

  test('Environment= proxy variables: dockerd reads them, the CLI shell does not', () => {
    const h = hover('systemd-dropin', text, 'HTTPS_PROXY');
    assert.ok(h);
    assert.match(h.markdown, /\*\*Read by:\*\* dockerd/);
    assert.match(h.markdown, /daemon-reload/);
    assert.match(h.markdown, /xxxxx:xxxxx@proxy:3128/);
    assert.match(h.markdown, /%%/);
    const no = hover('systemd-dropin', text, 'NO_PROXY');
    assert.ok(no);
    assert.match(no.markdown, /`localhost`/);
    assert.equal(hover('systemd-dropin', text, 'FOO'), undefined);
  });

  test('/etc/default/docker is not read by systemd', () => {
    const file = `export HTTP_PROXY="http://bob:${SECRET}@proxy:3128"\n`;
    const h = hover('systemd-dropin', file, 'HTTP_PROXY', 1, '/etc/default/docker');
    assert.ok(h);
    assert.match(h.markdown, /Not read by dockerd under systemd/);
    assert.match(h.markdown, /`http:\/\/xxxxx:xxxxx@proxy:3128`/);
  });
});

describe('robustness', () => {
  test('any position in junk input: no throw', () => {
    const junk = '\u0000{"proxies": [\ufffe\n\r\n' + 'x'.repeat(1000);
    for (const kind of ['daemon-json', 'cli-config', 'dockerfile', 'systemd-dropin'] as const) {
      const doc = parseDocument(junk, kind);
      for (let line = 0; line < 5; line++) for (const character of [0, 3, 50, 5000]) assert.doesNotThrow(() => hoverAt(doc, { line, character }));
    }
  });
});
