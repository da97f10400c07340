// The proxy-URL checks (bodies in the DJ006/7/9–12/24 rule files, run by the CC and DF rules too) and the URL
// semantics they share (engine/proxy/proxyValueParts.ts), exercised on daemon.json and config.json settings.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, parseDocument, type FileKind, type ProxySetting } from '../../server/src/engine';
import type { ParsedDocument } from '../../server/src/engine/document';
import { percentEncodeUserinfo, splitProxyValue } from '../../server/src/engine/proxy/proxyValueParts';
import { valueEdit } from '../../server/src/engine/rules/proxyValueEdits';
import { checkTlsToProxy } from '../../server/src/engine/rules/daemonJson/DJ006-tls-to-proxy';
import { checkUnsupportedScheme } from '../../server/src/engine/rules/daemonJson/DJ007-unsupported-scheme';
import { checkMissingScheme } from '../../server/src/engine/rules/daemonJson/DJ009-missing-scheme';
import { checkMissingPort } from '../../server/src/engine/rules/daemonJson/DJ010-missing-port';
import { checkBadUserinfo } from '../../server/src/engine/rules/daemonJson/DJ011-bad-userinfo';
import { checkCredentials } from '../../server/src/engine/rules/daemonJson/DJ012-credentials-in-url';
import { checkNotAUrl } from '../../server/src/engine/rules/daemonJson/DJ024-not-a-proxy-url';

/** A document with one proxy setting: daemon.json `proxies.https-proxy` or config.json `proxies.default.httpsProxy`. */
function one(value: string, kind: FileKind = 'daemon-json'): { doc: ParsedDocument; setting: ProxySetting } {
  const text = kind === 'daemon-json'
    ? `{\n  "proxies": {\n    "https-proxy": ${JSON.stringify(value)}\n  }\n}\n`
    : `{\n  "proxies": {\n    "default": {\n      "httpsProxy": ${JSON.stringify(value)}\n    }\n  }\n}\n`;
  const doc = parseDocument(text, kind);
  assert.equal(doc.proxySettings.length, 1);
  return { doc, setting: doc.proxySettings[0] };
}

function covered(doc: ParsedDocument, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  return doc.text.slice(doc.lines.offsetAt(range.start), doc.lines.offsetAt(range.end));
}

/** Applies the finding's first fix and returns the new value of the setting. */
function fixedValue(doc: ParsedDocument, fixIndex: number, finding: { fixes?: { edits: Parameters<typeof applyEdits>[1] }[] }, kind: FileKind = doc.kind): string {
  const text = applyEdits(doc.text, finding.fixes![fixIndex].edits);
  return parseDocument(text, kind).proxySettings[0].value;
}

describe('splitProxyValue', () => {
  test('splits scheme, userinfo (last @), host and port with offsets', () => {
    const v = ' http://u:p@ss@proxy:3128/';
    const p = splitProxyValue(v)!;
    assert.equal(p.scheme, 'http');
    assert.equal(v.slice(...p.userinfoRange!), 'u:p@ss');
    assert.equal(p.host, 'proxy');
    assert.equal(p.port, '3128');
    assert.equal(v.slice(...p.portRange!), '3128');
  });
  test('IPv6 host with port, no scheme', () => {
    const p = splitProxyValue('[::1]:3128')!;
    assert.equal(p.scheme, '');
    assert.equal(p.host, '[::1]');
    assert.equal(p.port, '3128');
  });
  test('blank value', () => assert.equal(splitProxyValue('  '), undefined));
});

describe('checkTlsToProxy', () => {
  test('points at the scheme and fixes it to http (not auto-applied)', () => {
    const { doc, setting } = one('https://proxy.corp:3128');
    const f = checkTlsToProxy(doc, setting)!;
    assert.equal(covered(doc, f.range), 'https');
    assert.equal(f.fixes![0].safe, false);
    assert.equal(fixedValue(doc, 0, f), 'http://proxy.corp:3128');
  });
  test('http, socks5 and no scheme are fine', () => {
    for (const v of ['http://p:1', 'socks5://p:1', 'p:1']) assert.equal(checkTlsToProxy(one(v).doc, one(v).setting), undefined);
  });
  test('does not leak credentials', () => {
    const { doc, setting } = one('https://alice:hunter2@proxy:3128');
    assert.doesNotMatch(checkTlsToProxy(doc, setting)!.message, /hunter2|alice/);
  });
});

describe('checkUnsupportedScheme', () => {
  test('socks4 is unsupported for the daemon (Go), fix to socks5', () => {
    const { doc, setting } = one('socks4://p:1080');
    const f = checkUnsupportedScheme(doc, setting)!;
    assert.equal(covered(doc, f.range), 'socks4');
    assert.equal(fixedValue(doc, 0, f), 'socks5://p:1080');
  });
  test('socks4 is fine for containers (curl), ftp is not', () => {
    const s4 = one('socks4://p:1080', 'cli-config');
    assert.equal(checkUnsupportedScheme(s4.doc, s4.setting), undefined);
    const ftp = one('ftp://p:21', 'cli-config');
    assert.match(checkUnsupportedScheme(ftp.doc, ftp.setting)!.message, /"ftp:\/\/"/);
  });
  test('supported and empty schemes pass', () => {
    for (const v of ['http://p:1', 'https://p:1', 'socks5h://p:1', 'HTTP://p:1', 'p:1']) {
      const { doc, setting } = one(v);
      assert.equal(checkUnsupportedScheme(doc, setting), undefined, v);
    }
  });
});

describe('checkMissingScheme', () => {
  test('covers the value and prepends http:// (safe)', () => {
    const { doc, setting } = one('proxy.corp:3128');
    const f = checkMissingScheme(doc, setting)!;
    assert.equal(covered(doc, f.range), 'proxy.corp:3128');
    assert.equal(f.fixes![0].safe, true);
    assert.equal(fixedValue(doc, 0, f), 'http://proxy.corp:3128');
  });
  test('"http:proxy" is malformed, reported as an error without a fix', () => {
    const { doc, setting } = one('http:proxy:3128');
    const f = checkMissingScheme(doc, setting)!;
    assert.equal(f.severity, 'error');
    assert.equal(f.fixes, undefined);
  });
  test('a scheme, or an empty value, is fine', () => {
    for (const v of ['http://p:1', '']) {
      const d = parseDocument(`{"proxies":{"http-proxy":${JSON.stringify(v)}}}`, 'daemon-json');
      assert.equal(checkMissingScheme(d, d.proxySettings[0]), undefined);
    }
  });
  test('no-proxy values are never URL-checked', () => {
    const d = parseDocument('{"proxies":{"no-proxy":"localhost"}}', 'daemon-json');
    assert.equal(checkMissingScheme(d, d.proxySettings[0]), undefined);
  });
});

describe('checkMissingPort', () => {
  test('reports host without port, on the host', () => {
    const { doc, setting } = one('http://proxy.corp');
    const f = checkMissingPort(doc, setting)!;
    assert.equal(covered(doc, f.range), 'proxy.corp');
    assert.equal(f.fixes, undefined);
    assert.match(f.message, /80/);
  });
  test('containers: mentions curl\'s 1080', () => {
    const { doc, setting } = one('http://proxy.corp', 'cli-config');
    assert.match(checkMissingPort(doc, setting)!.message, /curl uses 1080/);
  });
  test('a non-numeric or out-of-range port is an error on the port', () => {
    for (const v of ['http://p:abc', 'http://p:70000', 'http://p:0']) {
      const { doc, setting } = one(v);
      const f = checkMissingPort(doc, setting)!;
      assert.equal(f.severity, 'error', v);
      assert.equal(covered(doc, f.range), v.slice(v.lastIndexOf(':') + 1));
    }
  });
  test('ports, IPv6 and userinfo with ":" are fine', () => {
    for (const v of ['http://p:3128', 'http://[::1]:3128', 'http://u:p@proxy:8080/', 'proxy:3128']) {
      const { doc, setting } = one(v);
      assert.equal(checkMissingPort(doc, setting), undefined, v);
    }
  });
});

describe('checkBadUserinfo', () => {
  test('"#" in the password: error range on userinfo, safe percent-encoding fix', () => {
    const { doc, setting } = one('http://alice:pa#ss@proxy:3128');
    const f = checkBadUserinfo(doc, setting)!;
    assert.equal(covered(doc, f.range), 'alice:pa#ss');
    assert.doesNotMatch(f.message, /pa#ss|alice/);
    assert.equal(f.fixes![0].safe, true);
    assert.equal(fixedValue(doc, 0, f), 'http://alice:pa%23ss@proxy:3128');
  });
  test('"/", "?", space and bad % escapes are reported', () => {
    for (const v of ['http://u:a/b@p:1', 'http://u:a?b@p:1', 'http://u:a b@p:1', 'http://u:50%@p:1', 'http://u:%zz@p:1', 'http://DOMAIN\\user:x@p:1']) {
      const { doc, setting } = one(v);
      assert.ok(checkBadUserinfo(doc, setting), v);
    }
  });
  test('a fix on a value with "%" is not auto-applied', () => {
    const { doc, setting } = one('http://u:50%@p:1');
    const f = checkBadUserinfo(doc, setting)!;
    assert.equal(f.fixes![0].safe, false);
    assert.equal(fixedValue(doc, 0, f), 'http://u:50%25@p:1');
  });
  test('raw "@": fine for the daemon (Go takes the last @), an error for containers (curl takes the first)', () => {
    const d = one('http://u:p@ss@proxy:3128');
    assert.equal(checkBadUserinfo(d.doc, d.setting), undefined);
    const c = one('http://u:p@ss@proxy:3128', 'cli-config');
    const f = checkBadUserinfo(c.doc, c.setting)!;
    assert.match(f.message, /raw "@"/);
    assert.equal(fixedValue(c.doc, 0, f), 'http://u:p%40ss@proxy:3128');
  });
  test('valid encodings pass', () => {
    for (const v of ['http://u:p%40ss@p:1', 'http://user:pa$$w0rd!@p:1', 'http://p:1']) {
      const { doc, setting } = one(v);
      assert.equal(checkBadUserinfo(doc, setting), undefined, v);
    }
  });
  test('percentEncodeUserinfo keeps valid escapes and the first ":" and encodes the rest', () => {
    assert.equal(percentEncodeUserinfo('dom\\us:er:p@s s#%41%'), 'dom%5Cus:er:p%40s%20s%23%41%25');
    assert.equal(percentEncodeUserinfo('ü:é'), '%C3%BC:%C3%A9');
  });
});

describe('checkCredentials', () => {
  test('info on the userinfo, never the secret in the message', () => {
    const { doc, setting } = one('http://alice:hunter2@proxy:3128');
    const f = checkCredentials(doc, setting)!;
    assert.equal(covered(doc, f.range), 'alice:hunter2');
    assert.doesNotMatch(f.message, /hunter2|alice/);
  });
  test('no userinfo, nothing', () => {
    const { doc, setting } = one('http://proxy:3128');
    assert.equal(checkCredentials(doc, setting), undefined);
  });
});

describe('ranges and edits with JSON escapes', () => {
  test('a value with escapes falls back to the whole value and re-escapes the new text', () => {
    const doc = parseDocument('{"proxies":{"https-proxy":"https:\\/\\/proxy:3128"}}', 'daemon-json');
    const setting = doc.proxySettings[0];
    assert.equal(setting.value, 'https://proxy:3128');
    assert.equal(setting.valueOffset, undefined);
    const f = checkTlsToProxy(doc, setting)!;
    assert.deepEqual(f.range, setting.valueRange);
    assert.equal(fixedValue(doc, 0, f), 'http://proxy:3128');
  });
  test('valueEdit escapes quotes and backslashes for JSON', () => {
    const { doc, setting } = one('http://p:1');
    const text = applyEdits(doc.text, [valueEdit(doc, setting, 'http://a"b\\c:1')]);
    assert.equal(JSON.parse(text).proxies['https-proxy'], 'http://a"b\\c:1');
  });
  test('a custom encoder is used (systemd-style %-doubling)', () => {
    const { doc, setting } = one('http://u:a#b@p:1');
    const f = checkBadUserinfo(doc, setting, { encode: (s) => s.replace(/%/g, '%%') })!;
    assert.equal(f.fixes![0].edits[0].newText, '%%23'); // only the changed middle is replaced
  });
});

describe('checkNotAUrl', () => {
  test('no host or a host with spaces', () => {
    for (const v of ['not a url', 'http://', 'http://:3128', 'http://a b:1']) {
      const { doc, setting } = one(v);
      assert.ok(checkNotAUrl(doc, setting), v);
    }
  });
  test('URLs and bare host:port are fine', () => {
    for (const v of ['http://p:1', 'p:1', 'http://u:p#x@p:1', 'socks5://[::1]:1080']) {
      const { doc, setting } = one(v);
      assert.equal(checkNotAUrl(doc, setting), undefined, v);
    }
  });
});
