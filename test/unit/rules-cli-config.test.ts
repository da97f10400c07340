// config.json (kind cli-config) rules: cases beyond each rule's own examples.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { applyFix, assertFixCleans, ids, lintAs, only } from './helpers';
import { CLI_CONFIG_PROXIES_HOVER } from '../../server/src/engine/rules/cliConfig/hoverText';

const NO = 'localhost,127.0.0.1,::1';
const P = 'http://proxy.example.com:3128';

/** config.json text with the given `proxies` object, pretty-printed like `docker login` writes it. */
function cfg(proxies: unknown, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ ...extra, proxies }, null, '\t') + '\n';
}

function lintCfg(text: string) {
  return lintAs('cli-config', text);
}

function ccIds(text: string): string[] {
  return ids(lintCfg(text)).filter((id) => id.startsWith('CC'));
}

/** Line (0-based) of the first line containing `needle`. */
function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((l) => l.includes(needle));
}

const GOOD = cfg({ default: { httpProxy: P, httpsProxy: P, noProxy: NO } });

describe('config.json: files that must get nothing', () => {
  test('only auths and credsStore: no findings at all', () => {
    const text = JSON.stringify({ auths: { 'https://index.docker.io/v1/': { auth: 'dXNlcjpwYXNz' } }, credsStore: 'desktop' }, null, '\t');
    assert.deepEqual(lintCfg(text), []);
  });
  test('credHelpers, currentContext, plugins and an empty proxies object: nothing', () => {
    const text = cfg({}, { credHelpers: { 'gcr.io': 'gcloud' }, currentContext: 'desktop-linux', plugins: {} });
    assert.deepEqual(lintCfg(text), []);
  });
  test('a correct default entry: nothing', () => {
    assert.deepEqual(lintCfg(GOOD), []);
  });
  test('a correct default plus a complete per-host entry: nothing', () => {
    const text = cfg({
      default: { httpProxy: P, httpsProxy: P, noProxy: NO },
      'unix:///var/run/docker.sock': { httpProxy: P, httpsProxy: P, noProxy: `${NO},.corp.example.com` },
    });
    assert.deepEqual(lintCfg(text), []);
  });
  test('"proxies": null is nothing to lint', () => {
    assert.deepEqual(lintCfg('{"proxies": null}'), []);
  });
  test('values under auths that look like proxy mistakes are never read', () => {
    const text = JSON.stringify({ auths: { 'http://127.0.0.1:5000': { auth: 'x', httpProxy: 'http://u:p@127.0.0.1' } } });
    assert.deepEqual(lintCfg(text), []);
  });
  test('broken JSON: PD002, and the rules still read the tolerant tree (no flicker while typing)', () => {
    const text = '{"proxies": {"default": {"httpProxy": "http://p:1",}}}';
    assert.ok(ids(lintCfg(text)).includes('PD002'));
    assert.deepEqual(ccIds(text), ['CC008', 'CC010']);
    for (const junk of ['{"proxies": {"default": {"httpProxy": ', '{"proxies": {"default": [', '\uFEFF{"proxies":{"x":{', '[1,2', '"proxies"']) lintCfg(junk);
  });
});

describe('CC001 unknown-proxy-field', () => {
  for (const key of ['http-proxy', 'http_proxy', 'HTTP_PROXY', 'Http-Proxy']) {
    test(`"${key}" is reported on its line and renamed to httpProxy`, () => {
      const text = cfg({ default: { [key]: P, httpsProxy: P, noProxy: NO } });
      const [f] = only(lintCfg(text), 'CC001');
      assert.equal(f.severity, 'error');
      assert.equal(f.range.start.line, lineOf(text, key));
      assert.match(f.message, /Use "httpProxy"/);
      assert.equal(f.fixes[0].safe, true);
      const fixed = assertFixCleans('cli-config', text, f, f.fixes[0]);
      assert.deepEqual(JSON.parse(fixed).proxies.default, { httpProxy: P, httpsProxy: P, noProxy: NO });
    });
  }
  test('every field has its alias: no_proxy, https-proxy, ALL_PROXY, ftp_proxy', () => {
    const text = cfg({ default: { httpProxy: P, 'https-proxy': P, no_proxy: NO, ALL_PROXY: 'socks5://s:1080', ftp_proxy: P } });
    const found = only(lintCfg(text), 'CC001');
    assert.deepEqual(found.map((f) => f.message.match(/Use "(\w+)"/)?.[1]), ['httpsProxy', 'noProxy', 'allProxy', 'ftpProxy']);
    for (const f of found) assertFixCleans('cli-config', text, f, f.fixes[0]);
  });
  test('an alias next to the real field: removal, safe only when the values agree', () => {
    const same = cfg({ default: { httpProxy: P, http_proxy: P, httpsProxy: P, noProxy: NO } });
    const [f1] = only(lintCfg(same), 'CC001');
    assert.match(f1.fixes[0].title, /Remove "http_proxy"/);
    assert.equal(f1.fixes[0].safe, true);
    assert.deepEqual(JSON.parse(assertFixCleans('cli-config', same, f1, f1.fixes[0])).proxies.default, { httpProxy: P, httpsProxy: P, noProxy: NO });
    const differ = cfg({ default: { httpProxy: P, http_proxy: 'http://other:8080', httpsProxy: P, noProxy: NO } });
    const [f2] = only(lintCfg(differ), 'CC001');
    assert.equal(f2.fixes[0].safe, false);
    assertFixCleans('cli-config', differ, f2, f2.fixes[0]);
  });
  test('a key that names no field is a warning without a fix', () => {
    const text = cfg({ default: { httpProxy: P, httpsProxy: P, noProxy: NO, socksProxy: 'socks5://s:1080' } });
    const [f] = only(lintCfg(text), 'CC001');
    assert.equal(f.severity, 'warning');
    assert.deepEqual(f.fixes, []);
  });
  test('per-host entries are checked too; correct and case-variant keys are not CC001', () => {
    const text = cfg({ default: { httpProxy: P, httpsProxy: P, noProxy: NO }, 'tcp://h:2376': { HTTPS_PROXY: P, httpProxy: P, noProxy: NO } });
    assert.equal(only(lintCfg(text), 'CC001').length, 1);
    assert.equal(only(lintCfg(cfg({ default: { HttpProxy: P, httpsProxy: P, noProxy: NO } })), 'CC001').length, 0);
  });
});

describe('CC002 noncanonical-case', () => {
  test('HTTPSPROXY is info, renamed safely', () => {
    const text = cfg({ default: { httpProxy: P, HTTPSPROXY: P, noProxy: NO } });
    const [f] = only(lintCfg(text), 'CC002');
    assert.equal(f.severity, 'info');
    assert.equal(f.range.start.line, lineOf(text, 'HTTPSPROXY'));
    assert.equal(f.fixes[0].safe, true);
    assert.deepEqual(JSON.parse(assertFixCleans('cli-config', text, f, f.fixes[0])).proxies.default.httpsProxy, P);
  });
  test('the exact names are fine', () => {
    assert.equal(only(lintCfg(GOOD), 'CC002').length, 0);
  });
});

describe('CC003 entry-not-object', () => {
  test('fields directly under proxies: one finding per field, wrapped in default', () => {
    const text = cfg({ httpProxy: P, httpsProxy: P, noProxy: NO });
    const found = only(lintCfg(text), 'CC003');
    assert.equal(found.length, 3);
    assert.equal(found[0].range.start.line, lineOf(text, '"httpProxy"'));
    for (const f of found) assertFixCleans('cli-config', text, f, f.fixes[0]);
    const fixed = applyFix(text, found[0].fixes[0]);
    assert.deepEqual(JSON.parse(fixed), { proxies: { default: { httpProxy: P, httpsProxy: P, noProxy: NO } } });
    assert.deepEqual(lintCfg(fixed), []);
  });
  test('daemon.json-style keys are renamed while wrapped', () => {
    const text = cfg({ 'http-proxy': P, 'https-proxy': P, 'no-proxy': NO });
    const [f] = only(lintCfg(text), 'CC003');
    const fixed = assertFixCleans('cli-config', text, f, f.fixes[0]);
    assert.deepEqual(JSON.parse(fixed).proxies, { default: { httpProxy: P, httpsProxy: P, noProxy: NO } });
  });
  test('strays next to an existing default are merged into it', () => {
    const text = cfg({ default: { httpProxy: P, noProxy: NO }, httpsProxy: P });
    const [f] = only(lintCfg(text), 'CC003');
    assert.match(f.fixes[0].title, /Move/);
    assert.deepEqual(JSON.parse(assertFixCleans('cli-config', text, f, f.fixes[0])).proxies, { default: { httpProxy: P, noProxy: NO, httpsProxy: P } });
  });
  test('duplicated and misspelled strays: the spelling Go reads wins, every copy is removed', () => {
    const text = '{\n  "proxies": {\n    "httpProxy": "http://a:1",\n    "http_proxy": "http://b:2",\n    "httpProxy": "http://c:3",\n    "httpsProxy": "http://c:3",\n    "noProxy": "localhost"\n  }\n}\n';
    const found = only(lintCfg(text), 'CC003');
    assert.equal(found.length, 5);
    const fixed = assertFixCleans('cli-config', text, found[0], found[0].fixes[0]);
    assert.deepEqual(JSON.parse(fixed), { proxies: { default: { httpProxy: 'http://c:3', httpsProxy: 'http://c:3', noProxy: 'localhost' } } });
  });
  test('a stray that conflicts with default gets no fix', () => {
    const text = cfg({ default: { httpProxy: P, httpsProxy: P, noProxy: NO }, httpProxy: 'http://other:8080' });
    const [f] = only(lintCfg(text), 'CC003');
    assert.deepEqual(f.fixes, []);
  });
  test('the stray fields still get the entry checks (so the wrap reveals nothing new)', () => {
    const text = cfg({ httpProxy: P });
    const found = lintCfg(text);
    assert.deepEqual(found.filter((f) => f.ruleId.startsWith('CC')).map((f) => f.ruleId).sort(), ['CC003', 'CC008', 'CC010']);
    const cc008 = only(found, 'CC008')[0];
    assert.equal(cc008.range.start.line, lineOf(text, '"proxies"'), 'missing-field findings sit on "proxies" for strays');
    assert.deepEqual(cc008.fixes, []);
    assertFixCleans('cli-config', text, only(found, 'CC003')[0], only(found, 'CC003')[0].fixes[0]);
  });
  test('proxies as a string, and non-object entries', () => {
    const s = only(lintCfg('{"proxies": "http://proxy:3128"}'), 'CC003');
    assert.equal(s.length, 1);
    assert.match(s[0].message, /must be an object/);
    const n = only(lintCfg(cfg({ default: 'http://proxy:3128', 'tcp://h:2376': [P] })), 'CC003');
    assert.equal(n.length, 2);
    assert.deepEqual(n.flatMap((f) => f.fixes), []);
  });
  test('object entries are fine', () => {
    assert.equal(only(lintCfg(GOOD), 'CC003').length, 0);
  });
});

describe('CC005 per-host-key-never-matches', () => {
  for (const key of ['https://docker-daemon1.example.com', 'https://manager1.mycorp.example.com:2377', 'http://daemon:2375', 'ssh://me@build-host']) {
    test(`"${key}" never matches`, () => {
      const text = cfg({ [key]: { httpProxy: P, httpsProxy: P, noProxy: NO } });
      const [f] = only(lintCfg(text), 'CC005');
      assert.equal(f.range.start.line, lineOf(text, key));
      assert.equal(f.fixes[0].safe, false);
      assert.deepEqual(Object.keys(JSON.parse(assertFixCleans('cli-config', text, f, f.fixes[0])).proxies), ['default']);
    });
  }
  test('"Default" is a typo with a safe rename', () => {
    const text = cfg({ Default: { httpProxy: P, httpsProxy: P, noProxy: NO } });
    const [f] = only(lintCfg(text), 'CC005');
    assert.equal(f.fixes[0].safe, true);
    assertFixCleans('cli-config', text, f, f.fixes[0]);
  });
  test('no rename offered when default exists', () => {
    const text = cfg({ default: { httpProxy: P, httpsProxy: P, noProxy: NO }, 'ssh://me@h': { httpProxy: P, httpsProxy: P, noProxy: NO } });
    const [f] = only(lintCfg(text), 'CC005');
    assert.deepEqual(f.fixes, []);
  });
  test('daemon hosts the CLI can produce are fine, and so is the connection-helper placeholder', () => {
    for (const key of ['default', 'unix:///var/run/docker.sock', 'npipe:////./pipe/docker_engine', 'tcp://10.0.0.5:2376', 'http://docker.example.com']) {
      assert.equal(only(lintCfg(cfg({ [key]: { httpProxy: P, httpsProxy: P, noProxy: NO } })), 'CC005').length, 0, key);
    }
  });
});

describe('CC006 per-host-no-inheritance', () => {
  const base = { httpProxy: P, httpsProxy: P, noProxy: NO };
  test('a noProxy-only override lacks both proxies; the fix copies them', () => {
    const text = cfg({ default: base, 'tcp://h:2376': { noProxy: `${NO},.corp` } });
    const [f] = only(lintCfg(text), 'CC006');
    assert.equal(f.range.start.line, lineOf(text, 'tcp://h:2376'));
    assert.match(f.message, /httpProxy, httpsProxy/);
    assert.equal(f.fixes[0].safe, false);
    const fixed = assertFixCleans('cli-config', text, f, f.fixes[0]);
    assert.deepEqual(JSON.parse(fixed).proxies['tcp://h:2376'], { noProxy: `${NO},.corp`, httpProxy: P, httpsProxy: P });
  });
  test('it takes over CC008/CC010 for fields default has', () => {
    const text = cfg({ default: base, 'unix:///var/run/docker.sock': { httpProxy: P } });
    assert.deepEqual(ccIds(text), ['CC006']);
  });
  test('the copied loopback value is reported the same way as on default (no new finding)', () => {
    const loop = { httpProxy: 'http://127.0.0.1:3128', httpsProxy: 'http://127.0.0.1:3128', noProxy: NO };
    const text = cfg({ default: loop, 'tcp://h:2376': { noProxy: NO } });
    const [f] = only(lintCfg(text), 'CC006');
    assertFixCleans('cli-config', text, f, f.fixes[0]);
  });
  test('no default, a complete entry, or a dead entry: nothing', () => {
    assert.equal(only(lintCfg(cfg({ 'tcp://h:2376': { noProxy: NO } })), 'CC006').length, 0);
    assert.equal(only(lintCfg(cfg({ default: base, 'tcp://h:2376': base })), 'CC006').length, 0);
    assert.equal(only(lintCfg(cfg({ default: base, 'ssh://h': { noProxy: NO } })), 'CC006').length, 0);
  });
});

describe('CC007 client-loopback-proxy', () => {
  for (const host of ['127.0.0.1', 'localhost', '[::1]', '0.0.0.0', '127.0.1.1']) {
    test(`${host} is reported on the value, with an unsafe host.docker.internal fix`, () => {
      const text = cfg({ default: { httpProxy: P, httpsProxy: `http://${host}:7890`, noProxy: NO } });
      const [f] = only(lintCfg(text), 'CC007');
      assert.equal(f.severity, 'error');
      assert.equal(f.range.start.line, lineOf(text, '"httpsProxy"'));
      assert.match(f.message, /--add-host=host\.docker\.internal:host-gateway/);
      assert.equal(f.fixes[0].safe, false);
      const fixed = assertFixCleans('cli-config', text, f, f.fixes[0]);
      assert.equal(JSON.parse(fixed).proxies.default.httpsProxy, 'http://host.docker.internal:7890');
    });
  }
  test('no password in the message, and the fix keeps the credentials', () => {
    const text = cfg({ default: { httpProxy: 'http://bob:hunter2@localhost:3128', httpsProxy: P, noProxy: NO } });
    const [f] = only(lintCfg(text), 'CC007');
    assert.doesNotMatch(f.message, /hunter2|bob/);
    assert.equal(JSON.parse(applyFix(text, f.fixes[0])).proxies.default.httpProxy, 'http://bob:hunter2@host.docker.internal:3128');
  });
  test('allProxy and scheme-less values count; noProxy listing localhost does not', () => {
    const text = cfg({ default: { httpProxy: '127.0.0.1:3128', httpsProxy: P, allProxy: 'socks5://localhost:1080', noProxy: NO } });
    assert.equal(only(lintCfg(text), 'CC007').length, 2);
    assert.equal(only(lintCfg(GOOD), 'CC007').length, 0);
  });
  test('issue 17: each fix rewrites every loopback field of the entry and names the condition it needs on Linux', () => {
    const text = cfg({ default: { httpProxy: 'http://127.0.0.1:3128', httpsProxy: 'http://127.0.0.1:3128', noProxy: NO } });
    const [f] = only(lintCfg(text), 'CC007');
    assert.deepEqual(f.fixes.map((x) => x.safe), [false, false]);
    assert.match(f.fixes[0].title, /does not resolve in containers unless every run and build adds --add-host=host\.docker\.internal:host-gateway, and the proxy must listen on the bridge address/);
    const viaName = JSON.parse(applyFix(text, f.fixes[0])).proxies.default;
    assert.deepEqual([viaName.httpProxy, viaName.httpsProxy], ['http://host.docker.internal:3128', 'http://host.docker.internal:3128']);
    assert.match(f.fixes[1].title, /172\.17\.0\.1.*must also listen on 172\.17\.0\.1/);
    const fixed = applyFix(text, f.fixes[1]);
    assert.deepEqual(only(lintCfg(fixed), 'CC007'), [], 'no loopback field is left behind');
    assert.equal(JSON.parse(fixed).proxies.default.httpsProxy, 'http://172.17.0.1:3128');
  });
  test('a host that merely starts with 127 or localhost is fine', () => {
    const text = cfg({ default: { httpProxy: 'http://localhost-proxy.corp:3128', httpsProxy: 'http://127proxy.corp:3128', noProxy: NO } });
    assert.equal(only(lintCfg(text), 'CC007').length, 0);
  });
});

describe('CC008 https-missing', () => {
  test('on the entry key; the fix copies the httpProxy URL (not safe)', () => {
    const text = cfg({ default: { httpProxy: P, noProxy: NO } });
    const [f] = only(lintCfg(text), 'CC008');
    assert.equal(f.range.start.line, lineOf(text, '"default"'));
    assert.equal(f.fixes[0].safe, false);
    assert.equal(JSON.parse(assertFixCleans('cli-config', text, f, f.fixes[0])).proxies.default.httpsProxy, P);
  });
  test('httpsProxy in any spelling counts, an empty httpProxy does not trigger', () => {
    assert.equal(only(lintCfg(cfg({ default: { httpProxy: P, https_proxy: P, noProxy: NO } })), 'CC008').length, 0);
    assert.equal(only(lintCfg(cfg({ default: { httpProxy: '', noProxy: NO } })), 'CC008').length, 0);
    assert.equal(only(lintCfg(cfg({ default: { httpsProxy: P, noProxy: NO } })), 'CC008').length, 0);
  });
});

describe('CC010 noproxy-missing', () => {
  test('on the entry key; the safe fix adds the loopback list', () => {
    const text = cfg({ default: { httpProxy: P, httpsProxy: P } });
    const [f] = only(lintCfg(text), 'CC010');
    assert.equal(f.range.start.line, lineOf(text, '"default"'));
    assert.equal(f.fixes[0].safe, true);
    const fixed = assertFixCleans('cli-config', text, f, f.fixes[0]);
    assert.equal(JSON.parse(fixed).proxies.default.noProxy, NO);
    assert.deepEqual(lintCfg(fixed), []);
  });
  test('an existing noProxy, even without loopback, is left to the NO_PROXY rules', () => {
    assert.equal(only(lintCfg(cfg({ default: { httpProxy: P, httpsProxy: P, noProxy: '.corp.example.com' } })), 'CC010').length, 0);
  });
  test('no proxy at all (only allProxy or ftpProxy): nothing', () => {
    assert.equal(only(lintCfg(cfg({ default: { allProxy: 'socks5://s:1080' } })), 'CC010').length, 0);
  });
  test('fixes work in CRLF files and keep CRLF', () => {
    const text = cfg({ default: { httpProxy: P, httpsProxy: P } }).replace(/\n/g, '\r\n');
    const [f] = only(lintCfg(text), 'CC010');
    const fixed = assertFixCleans('cli-config', text, f, f.fixes[0]);
    assert.doesNotMatch(fixed.replace(/\r\n/g, ''), /\n/);
  });
});

describe('CC011 allproxy-not-for-buildx and CC014 ftpproxy-no-go', () => {
  test('info on the key', () => {
    const text = cfg({ default: { httpProxy: P, httpsProxy: P, noProxy: NO, allProxy: 'socks5://s:1080', ftpProxy: P } });
    const found = lintCfg(text);
    assert.equal(only(found, 'CC011')[0].range.start.line, lineOf(text, 'allProxy'));
    assert.equal(only(found, 'CC011')[0].severity, 'info');
    assert.equal(only(found, 'CC014')[0].range.start.line, lineOf(text, 'ftpProxy'));
    assert.equal(only(found, 'CC014')[0].severity, 'info');
  });
  test('empty values are not reported', () => {
    const text = cfg({ default: { httpProxy: P, httpsProxy: P, noProxy: NO, allProxy: '', ftpProxy: '' } });
    assert.deepEqual(ccIds(text), []);
  });
});

describe('CC012 credentials-in-client-proxies', () => {
  test('a warning on each value with user:password, never quoting the password', () => {
    const u = 'http://alice:s3cret@proxy.example.com:3128';
    const text = cfg({ default: { httpProxy: u, httpsProxy: u, noProxy: NO } });
    const found = only(lintCfg(text), 'CC012');
    assert.equal(found.length, 2);
    assert.equal(found[0].severity, 'warning');
    for (const f of lintCfg(text)) assert.doesNotMatch(f.message, /s3cret|alice/);
  });
  test('a broken password is still a password', () => {
    const text = cfg({ default: { httpProxy: 'http://alice:pa#ss@proxy:3128', httpsProxy: P, noProxy: NO } });
    assert.equal(only(lintCfg(text), 'CC012').length, 1);
  });
  test('no userinfo, or an @ in noProxy: nothing', () => {
    assert.equal(only(lintCfg(cfg({ default: { httpProxy: P, httpsProxy: P, noProxy: 'a@b' } })), 'CC012').length, 0);
  });
});

describe('CC009, CC015-CC018: proxy URL checks for container consumers', () => {
  test('CC009 https:// proxy: one finding per field, each fix clears only its own', () => {
    const h = 'https://proxy.example.com:3128';
    const text = cfg({ default: { httpProxy: h, httpsProxy: h, noProxy: NO } });
    const found = only(lintCfg(text), 'CC009');
    assert.equal(found.length, 2);
    assert.match(found[0].message, /^httpProxy: /);
    for (const f of found) assertFixCleans('cli-config', text, f, f.fixes[0]);
  });
  test('CC015 missing port', () => {
    const text = cfg({ default: { httpProxy: 'http://proxy.example.com', httpsProxy: P, noProxy: NO } });
    const [f] = only(lintCfg(text), 'CC015');
    assert.match(f.message, /curl uses 1080/);
    assert.equal(only(lintCfg(GOOD), 'CC015').length, 0);
  });
  test('CC016 bad userinfo: percent-encoded by the fix, and the password never shows', () => {
    const text = cfg({ default: { httpProxy: 'http://dom\\user:p@ss#1@proxy:3128', httpsProxy: P, noProxy: NO } });
    const [f] = only(lintCfg(text), 'CC016');
    assert.doesNotMatch(f.message, /p@ss|ss#1/);
    const fixed = assertFixCleans('cli-config', text, f, f.fixes[0]);
    assert.equal(JSON.parse(fixed).proxies.default.httpProxy, 'http://dom%5Cuser:p%40ss%231@proxy:3128');
  });
  test('CC017 unsupported scheme; socks4 and socks5h are fine for containers', () => {
    assert.equal(only(lintCfg(cfg({ default: { httpProxy: 'socks://s:1080', httpsProxy: P, noProxy: NO } })), 'CC017').length, 1);
    assert.equal(only(lintCfg(cfg({ default: { httpProxy: 'socks4://s:1080', httpsProxy: 'socks5h://s:1080', noProxy: NO } })), 'CC017').length, 0);
  });
  test('CC018 missing scheme: the safe fix prepends http://', () => {
    const text = cfg({ default: { httpProxy: 'proxy.example.com:3128', httpsProxy: P, noProxy: NO } });
    const [f] = only(lintCfg(text), 'CC018');
    assert.equal(f.fixes[0].safe, true);
    assert.equal(JSON.parse(assertFixCleans('cli-config', text, f, f.fixes[0])).proxies.default.httpProxy, P);
  });
  test('noProxy is not a URL', () => {
    assert.deepEqual(ccIds(cfg({ default: { httpProxy: P, httpsProxy: P, noProxy: 'proxy.example.com' } })), []);
  });
  test('misspelled keys are checked as meant, so renaming them reveals nothing', () => {
    const text = cfg({ default: { http_proxy: 'https://proxy.example.com:3128', httpsProxy: P, noProxy: NO } });
    const found = lintCfg(text);
    assert.equal(only(found, 'CC009').length, 1);
    const cc001 = only(found, 'CC001')[0];
    assertFixCleans('cli-config', text, cc001, cc001.fixes[0]);
  });
});

describe('CC013 hover text', () => {
  test('says what config.json proxies do not cover', () => {
    assert.match(CLI_CONFIG_PROXIES_HOVER, /do \*\*not\*\* proxy the docker CLI/);
    assert.match(CLI_CONFIG_PROXIES_HOVER, /default/);
  });
});

describe('config.json rules stay off other kinds', () => {
  test('a daemon.json shaped like config.json gets no CC finding', () => {
    const text = cfg({ default: { httpProxy: 'http://127.0.0.1:3128' } });
    assert.deepEqual(ids(lintAs('daemon-json', text)).filter((id) => id.startsWith('CC')), []);
  });
});

describe('schemas/cli-config.schema.json', () => {
  const schema = JSON.parse(readFileSync(path.resolve(__dirname, '../../../schemas/cli-config.schema.json'), 'utf8'));
  const walk = (node: unknown, visit: (n: Record<string, unknown>, at: string) => void, at = '#'): void => {
    if (!node || typeof node !== 'object') return;
    visit(node as Record<string, unknown>, at);
    for (const [k, v] of Object.entries(node)) walk(v, visit, `${at}/${k}`);
  };
  test('draft-07 with a $comment explaining why it does not validate proxies strictly', () => {
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.match(schema.$comment, /additionalProperties/);
  });
  test('no additionalProperties:false anywhere, and no type constraint on proxies or its entries (CC003 owns that)', () => {
    walk(schema, (n, at) => assert.notEqual(n.additionalProperties, false, at));
    const proxies = schema.properties.proxies;
    assert.equal(proxies.type, undefined);
    assert.equal(proxies.additionalProperties.type, undefined);
    assert.equal(schema.definitions.proxyEntry.type, undefined);
  });
  test('the five fields, each described, with a snippet and a URL example', () => {
    const fields = schema.definitions.proxyEntry.properties;
    assert.deepEqual(Object.keys(fields), ['httpProxy', 'httpsProxy', 'noProxy', 'ftpProxy', 'allProxy']);
    for (const [name, f] of Object.entries<Record<string, unknown>>(fields)) {
      assert.match(String(f.markdownDescription), /containers/, name);
      assert.ok(Array.isArray(f.defaultSnippets), name);
    }
  });
  test('credential keys are allowed but carry no detail', () => {
    for (const key of ['auths', 'credsStore', 'credHelpers']) {
      assert.deepEqual(Object.keys(schema.properties[key]), ['description'], key);
    }
  });
  test('every $ref resolves', () => {
    walk(schema, (n, at) => {
      if (typeof n.$ref !== 'string') return;
      const target = (n.$ref as string).replace(/^#\//, '').split('/').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], schema);
      assert.ok(target, `${at}: ${String(n.$ref)}`);
    });
  });
});
