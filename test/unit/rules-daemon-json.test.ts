// daemon.json rules: cases beyond each rule's own examples.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { assertFixCleans, lintAs, only } from './helpers';

describe('DJ001 top-level-proxy-key', () => {
  test('sits on the key and moves it into an existing proxies object', () => {
    const text = '{\n  "proxies": {\n    "no-proxy": "localhost"\n  },\n  "https-proxy": "http://p:3128"\n}\n';
    const [f] = only(lintAs('daemon-json', text), 'DJ001');
    assert.equal(f.range.start.line, 4);
    const fixed = assertFixCleans('daemon-json', text, f, f.fixes[0]);
    assert.deepEqual(JSON.parse(fixed), { proxies: { 'no-proxy': 'localhost', 'https-proxy': 'http://p:3128' } });
  });
  test('drops a top-level duplicate of a key proxies already has', () => {
    const text = '{"http-proxy":"http://a:1","proxies":{"http-proxy":"http://b:2"}}';
    const [f] = only(lintAs('daemon-json', text), 'DJ001');
    assert.match(f.fixes[0].title, /Remove/);
    assert.deepEqual(JSON.parse(assertFixCleans('daemon-json', text, f, f.fixes[0])), { proxies: { 'http-proxy': 'http://b:2' } });
  });
  test('nested keys of the right name are not top-level', () => {
    assert.equal(only(lintAs('daemon-json', '{"proxies":{"http-proxy":"http://p:1"}}'), 'DJ001').length, 0);
  });
});

// The missing-no-proxy note (NP012 info) would sit on most snippets here; it has its own tests (missing-no-proxy.test.ts).
const dj = (text: string) => lintAs('daemon-json', text).filter((f) => !(f.ruleId === 'NP012' && f.severity === 'info'));
const prox = (body: Record<string, unknown>, extra: Record<string, unknown> = {}) => JSON.stringify({ proxies: body, ...extra }, null, 2) + '\n';
const GOOD = { 'http-proxy': 'http://proxy.corp:3128', 'https-proxy': 'http://proxy.corp:3128', 'no-proxy': 'localhost,127.0.0.1' };

describe('correct and proxy-free files get nothing', () => {
  for (const [name, text] of Object.entries({
    empty: '',
    'empty object': '{}',
    'no proxies': '{\n  "debug": true,\n  "log-driver": "json-file",\n  "registry-mirrors": ["https://mirror.gcr.io"]\n}\n',
    'valid proxies': prox(GOOD),
    'socks5 proxies': prox({ 'http-proxy': 'socks5://p:1080', 'https-proxy': 'socks5h://p:1080' }),
    'encoded @': prox({ 'http-proxy': 'http://user:p%40ss@p:3128', 'https-proxy': 'http://user:p%40ss@p:3128' }),
    'empty proxies': '{"proxies":{}}',
    'null value': '{"proxies":{"http-proxy":null}}',
    bom: '\uFEFF' + prox(GOOD),
  })) {
    test(name, () => assert.deepEqual(dj(text).filter((f) => f.ruleId !== 'DJ012').map((f) => f.ruleId), []));
  }
});

describe('DJ002 unknown-proxies-key', () => {
  test('camelCase, env-style and upper kebab are renamed (safe)', () => {
    for (const [key, target] of [['httpsProxy', 'https-proxy'], ['HTTPS_PROXY', 'https-proxy'], ['https_proxy', 'https-proxy'], ['HTTPS-PROXY', 'https-proxy']]) {
      const text = prox({ 'http-proxy': 'http://p:3128', [key]: 'http://p:3128' });
      const [f] = only(dj(text), 'DJ002');
      assert.equal(f.dockerdRefuses, true);
      assert.equal(f.range.start.line, 3);
      assert.match(f.message, new RegExp(`"${target}"`));
      assert.equal(f.fixes[0].safe, true);
      const fixed = assertFixCleans('daemon-json', text, f, f.fixes[0]);
      assert.deepEqual(Object.keys(JSON.parse(fixed).proxies), ['http-proxy', target]);
    }
  });
  test('all-proxy has its own clear message and can become http(s)-proxy', () => {
    const text = prox({ 'all-proxy': 'socks5://p:1080' });
    const [f] = only(dj(text), 'DJ002');
    assert.match(f.message, /"all-proxy" does not exist.*no ALL_PROXY.*socks5:\/\//);
    const move = f.fixes.find((x) => /Use its value/.test(x.title))!;
    assert.deepEqual(JSON.parse(assertFixCleans('daemon-json', text, f, move)).proxies, { 'http-proxy': 'socks5://p:1080', 'https-proxy': 'socks5://p:1080' });
    const remove = f.fixes.find((x) => /Remove/.test(x.title))!;
    assert.equal(remove.safe, false);
  });
  test('all-proxy next to http(s)-proxy: removal is safe', () => {
    const text = prox({ ...GOOD, allProxy: 'socks5://p:1080' });
    const [f] = only(dj(text), 'DJ002');
    assert.equal(f.fixes.length, 1);
    assert.equal(f.fixes[0].safe, true);
    assert.deepEqual(JSON.parse(assertFixCleans('daemon-json', text, f, f.fixes[0])).proxies, GOOD);
  });
  test('ftp-proxy: removal', () => {
    const text = prox({ ...GOOD, 'ftp-proxy': 'http://p:21' });
    const [f] = only(dj(text), 'DJ002');
    assert.match(f.message, /FTP/);
    assert.deepEqual(JSON.parse(assertFixCleans('daemon-json', text, f, f.fixes[0])).proxies, GOOD);
  });
  test('a misspelling of a key that is already set: removal, safe only with the same value', () => {
    const same = prox({ ...GOOD, httpProxy: GOOD['http-proxy'] });
    assert.equal(only(dj(same), 'DJ002')[0].fixes[0].safe, true);
    const other = prox({ ...GOOD, httpProxy: 'http://other:1' });
    const [f] = only(dj(other), 'DJ002');
    assert.equal(f.fixes[0].safe, false);
    assertFixCleans('daemon-json', other, f, f.fixes[0]);
  });
  test('two spellings of the same key: renames are not auto-applied', () => {
    const text = prox({ HTTP_PROXY: 'http://p:1', httpProxy: 'http://p:1', 'https-proxy': 'http://p:1' });
    assert.deepEqual(only(dj(text), 'DJ002').map((f) => f.fixes[0].safe), [false, false]);
  });
  test('unknown names: generic message, unsafe removal', () => {
    const [f] = only(dj(prox({ ...GOOD, proxy: 'http://p:1' })), 'DJ002');
    assert.match(f.message, /"proxy" is not a proxy key/);
    assert.equal(f.fixes[0].safe, false);
  });
  test('dockerd option names and client-shape entries are left to DJ023 / DJ003', () => {
    assert.equal(only(dj(prox({ ...GOOD, debug: true })), 'DJ002').length, 0);
    assert.equal(only(dj(prox({ default: { httpProxy: 'http://p:1' } })), 'DJ002').length, 0);
  });
  test('only the last "proxies" counts (Go keeps the last duplicate)', () => {
    assert.equal(only(dj('{"proxies":{"ftp-proxy":"x"},"proxies":{"http-proxy":"http://p:1","https-proxy":"http://p:1"}}'), 'DJ002').length, 0);
  });
  test('not in config.json', () => {
    assert.equal(only(lintAs('cli-config', prox({ httpProxy: 'http://p:1' })), 'DJ002').length, 0);
  });
});

describe('DJ003 client-shape-in-daemon-json', () => {
  test('unwraps default, converts case, drops ftpProxy; safe', () => {
    const text = prox({ default: { httpProxy: 'http://p:3128', httpsProxy: 'http://p:3128', noProxy: 'localhost', ftpProxy: 'http://p:21' } });
    const [f] = only(dj(text), 'DJ003');
    assert.equal(f.range.start.line, 2);
    assert.equal(f.dockerdRefuses, true);
    assert.equal(f.fixes[0].safe, true);
    assert.deepEqual(JSON.parse(assertFixCleans('daemon-json', text, f, f.fixes[0])).proxies, { 'http-proxy': 'http://p:3128', 'https-proxy': 'http://p:3128', 'no-proxy': 'localhost' });
  });
  test('allProxy or a clash with existing keys: not auto-applied, existing keys win', () => {
    const text = prox({ 'http-proxy': 'http://keep:1', default: { httpProxy: 'http://drop:1', httpsProxy: 'http://p:1', allProxy: 'socks5://p:1' } });
    const [f] = only(dj(text), 'DJ003');
    assert.equal(f.fixes[0].safe, false);
    assert.deepEqual(JSON.parse(assertFixCleans('daemon-json', text, f, f.fixes[0])).proxies, { 'http-proxy': 'http://keep:1', 'https-proxy': 'http://p:1' });
  });
  test('per-daemon URL keys are client shape too', () => {
    const [f] = only(dj(prox({ 'tcp://docker:2376': { httpsProxy: 'http://p:1' } })), 'DJ003');
    assert.match(f.message, /tcp:\/\/docker:2376/);
    assert.equal(f.fixes[0].safe, false);
  });
});

describe('DJ004 proxies-not-object', () => {
  test('string: wrap into http(s)-proxy', () => {
    const text = '{\n  "proxies": "http://p:3128"\n}\n';
    const [f] = only(dj(text), 'DJ004');
    assert.equal(f.range.start.line, 1);
    assert.equal(f.dockerdRefuses, true);
    assert.deepEqual(JSON.parse(assertFixCleans('daemon-json', text, f, f.fixes[0])).proxies, { 'http-proxy': 'http://p:3128', 'https-proxy': 'http://p:3128' });
  });
  test('null, array, number, boolean', () => {
    for (const v of ['null', '["http://p:1"]', '5', 'true']) {
      const text = `{"proxies":${v}}`;
      const [f] = only(dj(text), 'DJ004');
      assert.ok(f, v);
      const remove = f.fixes.find((x) => /Remove/.test(x.title))!;
      assert.equal(remove.safe, v === 'null');
      assert.deepEqual(JSON.parse(assertFixCleans('daemon-json', text, f, remove)), {});
    }
  });
});

describe('DJ005 https-proxy-missing', () => {
  test('on the proxies key; fix adds the same URL', () => {
    const text = prox({ 'http-proxy': 'http://p:3128', 'no-proxy': 'localhost' });
    const [f] = only(dj(text), 'DJ005');
    assert.equal(f.range.start.line, 1);
    assert.equal(f.dockerdRefuses, false);
    assert.equal(JSON.parse(assertFixCleans('daemon-json', text, f, f.fixes[0])).proxies['https-proxy'], 'http://p:3128');
  });
  test('empty https-proxy counts as missing', () => {
    assert.equal(only(dj(prox({ 'http-proxy': 'http://p:1', 'https-proxy': '' })), 'DJ005').length, 1);
  });
  test('not when https-proxy alone, not when misspelled (DJ002), not with a syntax error', () => {
    assert.equal(only(dj(prox({ 'https-proxy': 'http://p:1' })), 'DJ005').length, 0);
    assert.equal(only(dj(prox({ 'http-proxy': 'http://p:1', httpsProxy: 'http://p:1' })), 'DJ005').length, 0);
    assert.equal(only(dj('{"proxies":{"http-proxy":"http://p:1",}}'), 'DJ005').length, 0);
  });
});

describe('DJ006..DJ012 proxy URL values', () => {
  const urlCase = (v: string, extra: Record<string, string> = {}) => prox({ 'http-proxy': 'http://p:3128', 'https-proxy': v, ...extra });
  test('DJ006 https:// proxy: warning on the scheme, fix to http://', () => {
    const text = urlCase('https://p:3128');
    const [f] = only(dj(text), 'DJ006');
    assert.equal(f.severity, 'warning');
    assert.equal(f.range.start.line, 3);
    assert.equal(f.range.end.character - f.range.start.character, 'https'.length);
    assert.equal(JSON.parse(assertFixCleans('daemon-json', text, f, f.fixes[0])).proxies['https-proxy'], 'http://p:3128');
  });
  test('DJ007 socks4:// and socks://', () => {
    for (const v of ['socks4://p:1080', 'socks://p:1080', 'ftp://p:21']) {
      const text = urlCase(v);
      const [f] = only(dj(text), 'DJ007');
      assert.ok(f, v);
      assertFixCleans('daemon-json', text, f, f.fixes[0]);
    }
  });
  test('DJ009 no scheme: info, safe fix', () => {
    const text = urlCase('p:3128');
    const [f] = only(dj(text), 'DJ009');
    assert.equal(f.severity, 'info');
    assert.equal(f.fixes[0].safe, true);
    assertFixCleans('daemon-json', text, f, f.fixes[0]);
  });
  test('DJ010 no port: warning, no fix; bad port: error', () => {
    const [f] = only(dj(urlCase('http://proxy.corp')), 'DJ010');
    assert.equal(f.severity, 'warning');
    assert.deepEqual(f.fixes, []);
    assert.equal(only(dj(urlCase('http://proxy.corp:31280')), 'DJ010').length, 0);
    assert.equal(only(dj(urlCase('http://proxy.corp:99999')), 'DJ010')[0].severity, 'error');
  });
  test('DJ011 bad userinfo: error, percent-encoded by the fix, raw @ is fine for dockerd', () => {
    const text = urlCase('http://u:a/b#c@p:3128');
    const [f] = only(dj(text), 'DJ011');
    assert.equal(f.severity, 'error');
    assert.equal(f.dockerdRefuses, false);
    assert.equal(JSON.parse(assertFixCleans('daemon-json', text, f, f.fixes[0])).proxies['https-proxy'], 'http://u:a%2Fb%23c@p:3128');
    assert.equal(only(dj(urlCase('http://u:p@ss@p:3128')), 'DJ011').length, 0);
  });
  test('DJ012 credentials: info, never the password in any message', () => {
    const findings = dj(urlCase('https://alice:hunter2@p', { 'http-proxy': 'http://alice:hunter2@p:3128' }));
    assert.equal(only(findings, 'DJ012').length, 2);
    for (const f of findings) assert.doesNotMatch(f.message, /hunter2/);
  });
  test('URL rules ignore no-proxy, top-level keys and misspelled keys', () => {
    assert.equal(dj(prox({ ...GOOD, 'no-proxy': 'proxy.corp' })).length, 0);
    assert.deepEqual(dj('{"http-proxy":"https://p"}').map((f) => f.ruleId), ['DJ001']);
  });
});

describe('DJ014 / DJ015 / DJ016 registry mirrors', () => {
  test('DJ014 no scheme: error, not a --validate refusal in dockerd 26, fix https://', () => {
    const text = '{\n  "registry-mirrors": [\n    "https://ok.example.com",\n    "mirror.gcr.io"\n  ]\n}\n';
    const [f] = only(dj(text), 'DJ014');
    assert.equal(f.range.start.line, 3);
    assert.equal(f.dockerdRefuses, false);
    assert.deepEqual(JSON.parse(assertFixCleans('daemon-json', text, f, f.fixes[0]))['registry-mirrors'], ['https://ok.example.com', 'https://mirror.gcr.io']);
  });
  test('DJ014 wrong scheme', () => {
    assert.match(only(dj('{"registry-mirrors":["socks5://m:1080"]}'), 'DJ014')[0].message, /socks5/);
  });
  test('DJ015 credentials, query, fragment; message without the password', () => {
    const text = '{"registry-mirrors":["https://bob:hunter2@mirror.example.com/path?x=1#y"]}';
    const [f] = only(dj(text), 'DJ015');
    assert.doesNotMatch(f.message, /hunter2/);
    assert.match(f.message, /user name or password and a query and a fragment/);
    assert.deepEqual(JSON.parse(assertFixCleans('daemon-json', text, f, f.fixes[0]))['registry-mirrors'], ['https://mirror.example.com/path']);
    assert.equal(only(dj('{"registry-mirrors":["https://mirror.example.com/v2/"]}'), 'DJ015').length, 0);
  });
  test('DJ016 the proxy as a mirror: warning; port 3128: info with a move fix', () => {
    const same = prox(GOOD, { 'registry-mirrors': ['http://proxy.corp:3128'] });
    const [w] = only(dj(same), 'DJ016');
    assert.equal(w.severity, 'warning');
    assertFixCleans('daemon-json', same, w, w.fixes[0]);
    const guess = '{"registry-mirrors":["http://squid.corp:3128"]}';
    const [i] = only(dj(guess), 'DJ016');
    assert.equal(i.severity, 'info');
    const moved = JSON.parse(assertFixCleans('daemon-json', guess, i, i.fixes[0]));
    assert.deepEqual(moved, { 'registry-mirrors': [], proxies: { 'http-proxy': 'http://squid.corp:3128', 'https-proxy': 'http://squid.corp:3128' } });
    assert.equal(only(dj('{"registry-mirrors":["http://nexus.corp:8080"]}'), 'DJ016').length, 0);
  });
});

describe('DJ021 / DJ022 / DJ023 value shapes', () => {
  test('DJ021 number, boolean, object; null is fine', () => {
    for (const v of ['3128', 'true', '{}']) {
      const [f] = only(dj(`{"proxies":{"http-proxy":${v}}}`), 'DJ021');
      assert.ok(f, v);
      assert.equal(f.dockerdRefuses, true);
    }
    assert.equal(only(dj('{"proxies":{"https-proxy":null}}'), 'DJ021').length, 0);
  });
  test('DJ021 single-string list: unwrap fix', () => {
    const text = '{"proxies":{"http-proxy":["http://p:1"],"https-proxy":"http://p:1"}}';
    const [f] = only(dj(text), 'DJ021');
    assert.equal(JSON.parse(assertFixCleans('daemon-json', text, f, f.fixes[0])).proxies['http-proxy'], 'http://p:1');
  });
  test('DJ022 no-proxy array joined with commas (safe), not also DJ021', () => {
    const text = prox({ 'http-proxy': 'http://p:1', 'https-proxy': 'http://p:1', 'no-proxy': ['localhost', ' .corp ', '10.0.0.0/8'] });
    const findings = dj(text);
    assert.deepEqual(findings.map((f) => f.ruleId), ['DJ022']);
    assert.equal(findings[0].fixes[0].safe, true);
    assert.equal(JSON.parse(assertFixCleans('daemon-json', text, findings[0], findings[0].fixes[0])).proxies['no-proxy'], 'localhost,.corp,10.0.0.0/8');
  });
  test('DJ023 option inside proxies: warning, not a refusal, move fix', () => {
    const text = prox({ ...GOOD, 'no-proxy': 'localhost,127.0.0.1,reg.corp', 'insecure-registries': ['reg.corp:5000'] });
    const [f] = only(dj(text), 'DJ023');
    assert.equal(f.dockerdRefuses, false);
    const fixed = JSON.parse(assertFixCleans('daemon-json', text, f, f.fixes[0]));
    assert.deepEqual(fixed['insecure-registries'], ['reg.corp:5000']);
    assert.match(only(dj(prox({ ...GOOD, 'userland-proxy': false })), 'DJ023')[0].message, /not an HTTP proxy setting/);
  });
});

describe('DJ024 not-a-proxy-url / DJ025 root-not-object', () => {
  test('DJ024 on values Go cannot parse, and the other URL rules stay quiet there', () => {
    for (const v of ['not a url', 'http://', 'http:// proxy:3128', 'http://pro{xy:3128']) {
      const findings = dj(prox({ 'http-proxy': 'http://p:3128', 'https-proxy': v }));
      assert.deepEqual(findings.map((f) => f.ruleId), ['DJ024'], v);
      assert.equal(findings[0].dockerdRefuses, false);
    }
  });
  test('DJ025 for array, string, number and boolean roots; null, empty and objects are fine', () => {
    for (const v of ['[]', '"x"', '5', 'true']) assert.equal(only(dj(v), 'DJ025')[0]?.dockerdRefuses, true, v);
    for (const v of ['null', '', '{}']) assert.equal(only(dj(v), 'DJ025').length, 0, v);
  });
});

describe('schemas/daemon-json.schema.json', () => {
  const schema = JSON.parse(readFileSync(path.resolve(__dirname, '../../../schemas/daemon-json.schema.json'), 'utf8'));
  test('describes the three proxies keys, mirrors and insecure registries', () => {
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.deepEqual(Object.keys(schema.properties.proxies.properties), ['http-proxy', 'https-proxy', 'no-proxy']);
    assert.ok(schema.properties['registry-mirrors'] && schema.properties['insecure-registries']);
    assert.equal(schema.properties['http-proxy'], undefined, 'never suggest the ignored top-level form');
  });
  test('has no constraint that would make VS Code report a second problem for a DJ finding', () => {
    const found: string[] = [];
    const walk = (node: unknown, at: string): void => {
      if (Array.isArray(node)) return node.forEach((n) => walk(n, at));
      if (!node || typeof node !== 'object') return;
      for (const [k, v] of Object.entries(node)) {
        if (k === 'defaultSnippets' || k === 'examples') continue;
        if (['type', 'enum', 'const', 'required', 'additionalProperties', 'pattern', 'deprecationMessage', 'format', 'minLength', 'not', 'oneOf', 'anyOf'].includes(k)) found.push(`${at}/${k}`);
        walk(v, `${at}/${k}`);
      }
    };
    walk(schema, '');
    assert.deepEqual(found, []);
  });
});
