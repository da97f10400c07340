// Engine-level behaviour: bad input of any kind, suppression pragmas, severity settings, detection, masking.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { detectKind, lint, maskCredentials, MAX_LINT_BYTES } from '../../server/src/engine';
import { applyFix, ids, lintAs, only } from './helpers';
import { jsonNestingDepth } from '../../server/src/engine/parse/json';

describe('bad input never throws', () => {
  const junk = [
    '', ' ', '\uFEFF', '\uFEFF{"proxies":{"http-proxy":"http://p:1"}}', '{', '}', '[]', 'null', '"x"', '{"proxies":',
    '{"proxies":{"http-proxy":', '\r\n\r\n', '{"a":1}\r\n', 'FROM\n', 'ENV\n', 'ARG =\n', '[Service]\nEnvironment=\n',
    '\\\n\\\n', '\u00ff\u00fe\u0001\u0002', 'x'.repeat(10_000), '{"proxies":' + '['.repeat(5000),
  ];
  for (const kind of ['dockerfile', 'daemon-json', 'cli-config', 'systemd-dropin'] as const) {
    test(kind, () => {
      for (const text of junk) assert.doesNotThrow(() => lintAs(kind, text), JSON.stringify(text.slice(0, 40)));
    });
  }
  test('binary content is reported, not parsed', () => {
    assert.deepEqual(ids(lint('{"proxies":\u0000}', 'daemon-json')), ['PD001']);
  });
  test('oversized file is reported, not parsed', () => {
    const f = lint(' '.repeat(MAX_LINT_BYTES + 1), 'dockerfile');
    assert.deepEqual(ids(f), ['PD001']);
    assert.match(f[0].message, /larger than/);
  });
  // 100,000 levels: far past any recursion limit, so a recursive parse or walk anywhere would overflow the stack.
  const deepJson = ['['.repeat(100_000), '{"proxies":' + '['.repeat(100_000), '{"proxies":' + '{"a":'.repeat(100_000), '['.repeat(100_000) + ']'.repeat(100_000)];
  const deepOther = [
    'FROM x\nCMD ' + '['.repeat(100_000) + '\n',
    'FROM x\nENV http_proxy=' + '{'.repeat(100_000) + '\n',
    '[Service]\nEnvironment="HTTP_PROXY=' + '['.repeat(100_000) + '"\n',
  ];
  for (const kind of ['dockerfile', 'daemon-json', 'cli-config', 'systemd-dropin'] as const) {
    test(`100,000 nesting levels as ${kind}: no throw, JSON kinds report PD001 with depth and limit`, () => {
      for (const text of [...deepJson, ...deepOther]) {
        const findings = lintAs(kind, text);
        if ((kind === 'daemon-json' || kind === 'cli-config') && deepJson.includes(text)) {
          assert.deepEqual(ids(findings), ['PD001'], text.slice(0, 20));
          assert.match(findings[0].message, /nesting depth 100,?00[01] exceeds the limit of 64/);
        }
      }
    });
  }
  test('nesting at the limit is still linted', () => {
    const ok = '{"proxies":{"http-proxy":"http://p:3128","x":' + '['.repeat(60) + ']'.repeat(60) + '}}';
    assert.ok(!ids(lintAs('daemon-json', ok)).includes('PD001'));
    assert.equal(jsonNestingDepth('{"a":"[[[[{{","b":[1,[2]]}'), 3);
    assert.equal(jsonNestingDepth('// [[[\n/* {{{ */[]'), 1);
  });
  test('a BOM is accepted like dockerd accepts it', () => {
    assert.deepEqual(ids(lintAs('daemon-json', '\uFEFF{}')), []);
  });
});

describe('JSON syntax', () => {
  test('trailing comma and comments are errors that dockerd also refuses', () => {
    const [f] = only(lintAs('daemon-json', '{"proxies":{"http-proxy":"http://p:1",}}'), 'PD002');
    assert.equal(f.ruleId, 'PD002');
    assert.equal(f.dockerdRefuses, true);
    assert.equal(lintAs('daemon-json', '// c\n{}')[0].ruleId, 'PD002');
  });
  test('in config.json it is not a dockerd matter', () => {
    const [f] = lintAs('cli-config', '{"proxies":}');
    assert.equal(f.dockerdRefuses, false);
  });
});

describe('severity settings', () => {
  const text = '{"http-proxy":"http://p:1"}';
  test('off by id or by name', () => {
    assert.deepEqual(ids(lint(text, 'daemon-json', { rules: { DJ001: 'off' } })), []);
    assert.deepEqual(ids(lint(text, 'daemon-json', { rules: { 'top-level-proxy-key': 'off' } })), []);
  });
  test('override', () => {
    assert.equal(lint(text, 'daemon-json', { rules: { DJ001: 'info' } })[0].severity, 'info');
  });
});

describe('detection', () => {
  test('real locations', () => {
    assert.equal(detectKind('/etc/docker/daemon.json'), 'daemon-json');
    assert.equal(detectKind('/home/u/.config/docker/daemon.json'), 'daemon-json');
    assert.equal(detectKind('C:\\ProgramData\\docker\\config\\daemon.json'), 'daemon-json');
    assert.equal(detectKind('/home/u/.docker/config.json'), 'cli-config');
    assert.equal(detectKind('/etc/systemd/system/docker.service.d/http-proxy.conf'), 'systemd-dropin');
    assert.equal(detectKind('/etc/default/docker'), 'systemd-dropin');
    for (const name of ['Dockerfile', 'Containerfile', 'Dockerfile.dev', 'api.Dockerfile', 'x.dockerfile']) {
      assert.equal(detectKind('/repo/' + name), 'dockerfile', name);
    }
  });
  test('unrelated files get nothing', () => {
    assert.equal(detectKind('/repo/config.json', '{"name":"app","port":8080}'), undefined);
    assert.equal(detectKind('/repo/tsconfig.json', '{"compilerOptions":{}}'), undefined);
    assert.equal(detectKind('/repo/daemon.json', '{"workers":4}'), undefined);
    assert.equal(detectKind('/repo/package.json', '{"proxies":{"default":{}}}'), undefined);
    assert.equal(detectKind('/repo/docker.service.d.conf'), undefined);
  });
  test('name plus content', () => {
    assert.equal(detectKind('/repo/provision/daemon.json', '{"registry-mirrors":[]}'), 'daemon-json');
    assert.equal(detectKind('/repo/ci/config.json', '{"proxies":{"default":{"httpProxy":"http://p:1"}}}'), 'cli-config');
    assert.equal(detectKind('/repo/ci/config.json', '{"auths":{}}'), 'cli-config');
  });
});

describe('suppression pragmas', () => {
  test('unknown ids are harmless and comments in JSON are not pragmas', () => {
    assert.deepEqual(ids(lintAs('daemon-json', '{"http-proxy":"http://p:1"}')), ['DJ001']);
  });
});

describe('credential masking', () => {
  for (const [input, expected] of [
    ['http://user:s3cret@proxy:3128', 'http://xxxxx:xxxxx@proxy:3128'],
    ['HTTPS_PROXY=http://dom%5Cu:p%40ss@proxy:3128 x', 'HTTPS_PROXY=http://xxxxx:xxxxx@proxy:3128 x'],
    ['socks5://a:b@c:1080', 'socks5://xxxxx:xxxxx@c:1080'],
    ['http://u:p@ss@host:1', 'http://xxxxx:xxxxx@host:1'],
    ['u:pw@proxy.corp:8080', 'xxxxx:xxxxx@proxy.corp:8080'],
    ['http://proxy:3128', 'http://proxy:3128'],
  ] as const) {
    test(input, () => {
      const masked = maskCredentials(input);
      assert.equal(masked, expected);
    });
  }
});

describe('JSON syntax errors where they were made (issue 5 item 8)', () => {
  const lineText = (text: string, line: number) => text.split('\n')[line];
  test('a trailing comma is reported on the comma, says so, and its fix clears it', () => {
    const text = '{\n  "proxies": {\n    "https-proxy": "http://p.corp:3128",\n    "no-proxy": "localhost",\n  }\n}\n';
    const [f] = only(lintAs('daemon-json', text), 'PD002');
    assert.equal(f.range.start.line, 3);
    assert.equal(lineText(text, 3)[f.range.start.character], ',');
    assert.match(f.message, /trailing comma.*dockerd will not start/);
    assert.equal(only(lintAs('daemon-json', applyFix(text, f.fixes[0])), 'PD002').length, 0);
  });
  test('a missing comma is reported at the end of the first member', () => {
    const text = '{\n  "proxies": {\n    "https-proxy": "http://p.corp:3128"\n    "no-proxy": "localhost"\n  }\n}\n';
    const [f] = only(lintAs('daemon-json', text), 'PD002');
    assert.equal(f.range.start.line, 2);
    assert.equal(f.range.start.character, lineText(text, 2).length - 1);
    assert.match(f.message, /missing comma.*dockerd will not start/);
    assert.equal(only(lintAs('daemon-json', applyFix(text, f.fixes[0])), 'PD002').length, 0);
  });
  test('config.json says the CLI ignores the file', () => {
    assert.match(only(lintAs('cli-config', '{"proxies":{"default":{"httpProxy":"http://p:1",}}}'), 'PD002')[0].message, /trailing comma.*docker CLI ignores/);
  });
});
