// Input limits through the engine: a 20 MB file, one-line minified JSON, deep nesting, binary bytes, BOM + CRLF,
// lone surrogates and invalid UTF-8. Each is linted or skipped with a PD001 that says why; nothing throws.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, lint, LineIndex, type FileKind } from '../../server/src/engine';
import { FILE_KINDS } from '../../server/src/engine/findingTypes';
import { lintAs } from './helpers';

const PROXY_CONFIG = {
  proxies: { default: { httpProxy: 'http://proxy.corp.example:3128', noProxy: 'localhost,127.0.0.1' } },
  auths: Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`registry${i}.example.com`, {}])),
};

describe('input limits', () => {
  test('a 20 MB file of every kind is skipped with a PD001 that names the size limit', () => {
    const line = 'RUN echo "http_proxy=http://proxy.example.com:3128" # padding padding padding padding\n';
    const huge = line.repeat(Math.ceil((20 * 1024 * 1024) / line.length));
    for (const kind of FILE_KINDS) {
      const found = lint(huge, kind);
      assert.deepEqual(found.map((f) => f.ruleId), ['PD001'], kind);
      assert.match(found[0].message, /larger than 2 MiB/);
    }
  });

  test('one-line minified config.json: same rules as the pretty file, and fixes keep it on one line', () => {
    const pretty = JSON.stringify(PROXY_CONFIG, null, 2) + '\n';
    const oneLine = JSON.stringify(PROXY_CONFIG);
    const rules = (text: string) => [...new Set(lintAs('cli-config', text).map((f) => f.ruleId))].sort();
    assert.deepEqual(rules(oneLine), rules(pretty));
    const withFix = lintAs('cli-config', oneLine).filter((f) => f.fixes.length > 0);
    assert.ok(withFix.length > 0, 'expected a finding with a fix on the one-line file');
    for (const f of withFix) {
      for (const fix of f.fixes) {
        const fixed = applyEdits(oneLine, fix.edits);
        assert.ok(!fixed.includes('\n'), `"${fix.title}" re-formatted the one-line file`);
        assert.doesNotThrow(() => JSON.parse(fixed), `"${fix.title}" broke the JSON`);
      }
    }
  });

  test('deep nesting in every kind: PD001 for JSON, plain findings or none for the others, no stack overflow', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    for (const kind of ['daemon-json', 'cli-config'] as FileKind[]) {
      const found = lint(`{"proxies": ${deep}}`, kind);
      assert.deepEqual(found.map((f) => f.ruleId), ['PD001'], kind);
      assert.match(found[0].message, /nesting depth/);
    }
    for (const kind of ['dockerfile', 'systemd-dropin'] as FileKind[]) assert.doesNotThrow(() => lint(`ENV HTTP_PROXY=${deep}\n`, kind));
  });

  test('binary bytes: NUL means PD001; other binary decoded as UTF-8 lints without throwing', () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    for (const kind of FILE_KINDS) {
      const withNul = lint(bytes.toString('latin1'), kind);
      assert.deepEqual(withNul.map((f) => f.ruleId), ['PD001'], kind);
      assert.match(withNul[0].message, /NUL bytes/);
      const noNul = Buffer.from(bytes.filter((b) => b !== 0)).toString('utf8');
      assert.doesNotThrow(() => lint(noNul, kind), kind);
    }
  });

  test('BOM + CRLF: findings on the right lines and columns', () => {
    const dockerfile = '\ufeffFROM alpine:3.20\r\nENV http_proxy=http://proxy.example.com:3128\r\nRUN apk add curl\r\n';
    const df = lintAs('dockerfile', dockerfile).filter((f) => f.ruleId === 'DF001');
    assert.equal(df.length, 1);
    assert.equal(df[0].range.start.line, 1);
    const lines = new LineIndex(dockerfile);
    assert.ok(df[0].range.end.character <= lines.lineText(1).length, 'range runs into the CR');
    const daemon = '\ufeff{\r\n  "http-proxy": "http://proxy.example.com:3128"\r\n}\r\n';
    const found = lintAs('daemon-json', daemon);
    assert.ok(found.length > 0, 'a BOM must not hide the daemon.json findings');
    for (const f of found) assert.ok(f.range.start.line <= 2, `${f.ruleId} at line ${f.range.start.line}`);
  });

  test('CR-only line breaks (old Mac files): lines as LSP and VS Code count them', () => {
    // LSP and VS Code end a line at \n, \r\n or a lone \r; dockerfile-ast does too, so its positions and ours agree.
    const dockerfile = 'FROM alpine:3.20\rENV http_proxy=http://proxy.example.com:3128\rRUN apk add curl\r';
    const df = lintAs('dockerfile', dockerfile).filter((f) => f.ruleId === 'DF001');
    assert.equal(df.length, 1);
    assert.deepEqual(df[0].range, { start: { line: 1, character: 4 }, end: { line: 1, character: 14 } });
    const daemon = '{\r  "http-proxy": "http://proxy.example.com:3128"\r}\r';
    const dj = lintAs('daemon-json', daemon).filter((f) => f.ruleId === 'DJ001');
    assert.equal(dj.length, 1);
    assert.equal(dj[0].range.start.line, 1);
    const lines = new LineIndex('a\rb\r\nc\nd\r');
    assert.deepEqual([0, 1, 2, 3, 4].map((l) => lines.lineText(l)), ['a', 'b', 'c', 'd', '']);
    assert.deepEqual(lines.positionAt(2), { line: 1, character: 0 });
  });

  test('lone surrogates and invalid UTF-8 (decoded to U+FFFD) lint without throwing, findings still found', () => {
    const invalid = Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82]).toString('utf8');
    for (const kind of FILE_KINDS) {
      for (const junk of ['\ud800', '\udc00x\ud800', invalid]) {
        assert.doesNotThrow(() => lint(`${junk}\n{ "proxies": { "http-proxy": "http://${junk}proxy:3128" } }\n${junk}`, kind), kind);
      }
    }
    const df = lintAs('dockerfile', `FROM alpine\nLABEL note="\ud800${invalid}"\nENV http_proxy=http://proxy.example.com:3128\n`);
    assert.ok(df.some((f) => f.ruleId === 'DF001'), 'DF001 must still be found after invalid text');
  });
});
