// NO_PROXY value rules: cases beyond each rule's own examples (positions, consumers, escaping, fixes re-linted).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FileKind, Finding } from '../../server/src/engine';
import { applyFix, assertFixCleans, lintAs, only } from './helpers';

const daemon = (noProxy: string, extra = '') =>
  `{\n${extra}  "proxies": {\n    "http-proxy": "http://proxy.example.com:3128",\n    "https-proxy": "http://proxy.example.com:3128",\n    "no-proxy": ${JSON.stringify(noProxy)}\n  }\n}\n`;
const client = (noProxy: string) =>
  `{\n  "proxies": {\n    "default": {\n      "httpsProxy": "http://proxy.example.com:3128",\n      "noProxy": ${JSON.stringify(noProxy)}\n    }\n  }\n}\n`;
const dockerfile = (noProxy: string) => `FROM alpine:3.20\nENV NO_PROXY=${noProxy}\n`;

function one(kind: FileKind, text: string, id: string): Finding {
  const found = only(lintAs(kind, text), id);
  assert.equal(found.length, 1, `${id}: ${JSON.stringify(found.map((f) => f.message))}`);
  return found[0];
}

function none(kind: FileKind, text: string, id: string): void {
  assert.deepEqual(only(lintAs(kind, text), id).map((f) => f.message), []);
}

/** The text under a finding's range (single-line ranges). */
function under(text: string, f: Finding): string {
  const line = text.split('\n')[f.range.start.line];
  return line.slice(f.range.start.character, f.range.end.character);
}

function noProxyOf(json: string, kind: 'daemon' | 'client'): string {
  const o = JSON.parse(json);
  return kind === 'daemon' ? o.proxies['no-proxy'] : o.proxies.default.noProxy;
}

describe('NO_PROXY rules stay quiet', () => {
  test('files without proxy settings', () => {
    for (const [kind, text] of [
      ['daemon-json', '{\n  "registry-mirrors": ["https://mirror.lab.internal"],\n  "insecure-registries": ["10.0.0.5:5000"]\n}\n'],
      ['cli-config', '{\n  "auths": {}\n}\n'],
      ['dockerfile', 'FROM alpine:3.20\nRUN echo hi\n'],
    ] as [FileKind, string][]) {
      assert.deepEqual(lintAs(kind, text).filter((f) => f.ruleId.startsWith('NP')), []);
    }
  });
  test('correct configurations', () => {
    const cases: [FileKind, string][] = [
      ['daemon-json', daemon('localhost,127.0.0.1,.corp.example.com,10.0.0.0/8,registry.lab.example.com:5000,::1',
        '  "insecure-registries": ["registry.lab.example.com:5000"],\n  "registry-mirrors": ["https://mirror.gcr.io"],\n')],
      ['cli-config', client('localhost,127.0.0.1,::1,example.com,10.0.0.0/8,host.docker.internal')],
      ['dockerfile', 'FROM alpine:3.20\nARG NO_PROXY=localhost,127.0.0.1,::1,example.com\n'],
      ['dockerfile', 'FROM alpine:3.20\nENV NO_PROXY=$NO_PROXY no_proxy=${no_proxy}\n'],
      ['cli-config', client('*')],
      ['daemon-json', daemon('*')],
    ];
    for (const [kind, text] of cases) assert.deepEqual(lintAs(kind, text).filter((f) => f.ruleId.startsWith('NP')).map((f) => f.message), [], text);
  });
});

describe('NP001 unsupported-wildcard', () => {
  test('sits on the entry and turns an IP wildcard into a CIDR', () => {
    const text = daemon('localhost,172.17.*,example.com');
    const f = one('daemon-json', text, 'NP001');
    assert.equal(under(text, f), '172.17.*');
    assert.equal(f.severity, 'error');
    assert.equal(f.fixes[0].safe, true);
    assert.equal(noProxyOf(assertFixCleans('daemon-json', text, f, f.fixes[0]), 'daemon'), 'localhost,172.17.0.0/16,example.com');
    assert.equal(noProxyOf(assertFixCleans('daemon-json', text, f, f.fixes[1]), 'daemon'), 'localhost,example.com');
  });
  for (const [entry, cidr] of [['10.*.*.*', '10.0.0.0/8'], ['192.168.1.*', '192.168.1.0/24'], ['172.17.*.*', '172.17.0.0/16']]) {
    test(`${entry} -> ${cidr}`, () => {
      const text = client(`localhost,127.0.0.1,${entry}`);
      const f = one('cli-config', text, 'NP001');
      assert.equal(noProxyOf(assertFixCleans('cli-config', text, f, f.fixes[0]), 'client'), `localhost,127.0.0.1,${cidr}`);
    });
  }
  test('*corp.example.com: an unsafe bare-domain fix; corp.*: only removal', () => {
    const a = client('localhost,127.0.0.1,*corp.example.com');
    const fa = one('cli-config', a, 'NP001');
    assert.equal(fa.fixes[0].safe, false);
    assert.equal(noProxyOf(assertFixCleans('cli-config', a, fa, fa.fixes[0]), 'client'), 'localhost,127.0.0.1,corp.example.com');
    const b = client('localhost,127.0.0.1,corp.*');
    const fb = one('cli-config', b, 'NP001');
    assert.deepEqual(fb.fixes.map((x) => x.title), ['Remove `corp.*`']);
  });
  test('Dockerfile ENV with a quoted value: entry range and fix', () => {
    const text = 'FROM alpine:3.20\nENV NO_PROXY="localhost,127.0.0.1,10.*"\n';
    const f = one('dockerfile', text, 'NP001');
    assert.equal(under(text, f), '10.*');
    assert.equal(assertFixCleans('dockerfile', text, f, f.fixes[0]), 'FROM alpine:3.20\nENV NO_PROXY="localhost,127.0.0.1,10.0.0.0/8"\n');
  });
  test('`*` and `*.domain` are not NP001', () => {
    none('daemon-json', daemon('*'), 'NP001');
    none('daemon-json', daemon('*.example.com'), 'NP001');
  });
});

describe('NP002 star-in-list', () => {
  test('daemon: says the proxy is off; both fixes clean', () => {
    const text = daemon('localhost,*');
    const f = one('daemon-json', text, 'NP002');
    assert.equal(under(text, f), '*');
    assert.match(f.message, /proxy is off/);
    assert.equal(noProxyOf(assertFixCleans('daemon-json', text, f, f.fixes[0]), 'daemon'), 'localhost');
    assert.equal(noProxyOf(assertFixCleans('daemon-json', text, f, f.fixes[1]), 'daemon'), '*');
  });
  test('`*` alone is fine', () => none('cli-config', client('*'), 'NP002'));
});

describe('NP003 scheme-or-path', () => {
  test('never shows a password; daemon keeps the port, containers drop it', () => {
    const entry = 'http://user:s3cret@registry.example.com:5000/v2/';
    const d = daemon(`localhost,${entry}`);
    const fd = one('daemon-json', d, 'NP003');
    assert.doesNotMatch(fd.message, /s3cret/);
    assert.ok(fd.fixes.every((x) => !x.title.includes('s3cret')));
    assert.equal(noProxyOf(assertFixCleans('daemon-json', d, fd, fd.fixes[0]), 'daemon'), 'localhost,registry.example.com:5000');
    const c = client(`localhost,127.0.0.1,${entry}`);
    const fc = one('cli-config', c, 'NP003');
    assert.equal(noProxyOf(assertFixCleans('cli-config', c, fc, fc.fixes[0]), 'client'), 'localhost,127.0.0.1,registry.example.com');
  });
  test('a trailing slash', () => {
    const text = daemon('registry.example.com/');
    const f = one('daemon-json', text, 'NP003');
    assert.equal(noProxyOf(applyFix(text, f.fixes[0]), 'daemon'), 'registry.example.com');
  });
  test('an invalid CIDR is reported without a strip fix; a valid one is fine', () => {
    const f = one('daemon-json', daemon('10.0.0.0/33'), 'NP003');
    assert.match(f.message, /not a valid CIDR/);
    assert.deepEqual(f.fixes.map((x) => x.title), ['Remove `10.0.0.0/33`']);
    none('daemon-json', daemon('10.0.0.0/8,fd00::/8'), 'NP003');
  });
});

describe('NP004 space-separated', () => {
  test('one finding per value, every run fixed with commas', () => {
    const text = daemon('localhost 127.0.0.1  example.com,foo.org bar.org');
    const f = one('daemon-json', text, 'NP004');
    assert.equal(under(text, f), 'localhost 127.0.0.1  example.com,foo.org bar.org');
    assert.equal(noProxyOf(assertFixCleans('daemon-json', text, f, f.fixes[0]), 'daemon'), 'localhost,127.0.0.1,example.com,foo.org,bar.org');
  });
  test('fixing another entry inside a run keeps the NP004 message', () => {
    const text = daemon('localhost 172.17.*');
    const f = one('daemon-json', text, 'NP001');
    const fixed = assertFixCleans('daemon-json', text, f, f.fixes[0]);
    assert.equal(noProxyOf(fixed, 'daemon'), 'localhost 172.17.0.0/16');
    one('daemon-json', fixed, 'NP004');
  });
  test('blanks next to commas are fine', () => none('daemon-json', daemon('localhost, 127.0.0.1 , example.com'), 'NP004'));
  test('a JSON value with escapes is rewritten whole, as valid JSON', () => {
    const text = '{\n  "proxies": {\n    "https-proxy": "http://p.example.com:3128",\n    "no-proxy": "localhost\\u0020example.com"\n  }\n}\n';
    const f = one('daemon-json', text, 'NP004');
    const fixed = assertFixCleans('daemon-json', text, f, f.fixes[0]);
    assert.equal(noProxyOf(fixed, 'daemon'), 'localhost,example.com');
  });
  test('Dockerfile, quoted', () => {
    const text = 'FROM alpine:3.20\nENV no_proxy="localhost 127.0.0.1"\n';
    const f = one('dockerfile', text, 'NP004');
    assert.equal(assertFixCleans('dockerfile', text, f, f.fixes[0]), 'FROM alpine:3.20\nENV no_proxy="localhost,127.0.0.1"\n');
  });
});

describe('NP005 star-dot-prefix', () => {
  test('daemon: info, safe fix to the leading-dot form', () => {
    const text = daemon('localhost,*.example.com');
    const f = one('daemon-json', text, 'NP005');
    assert.equal(f.severity, 'info');
    assert.equal(f.fixes[0].safe, true);
    assert.equal(noProxyOf(assertFixCleans('daemon-json', text, f, f.fixes[0]), 'daemon'), 'localhost,.example.com');
  });
  test('containers: warning, fix to the bare domain', () => {
    const text = dockerfile('localhost,127.0.0.1,*.example.com');
    const f = one('dockerfile', text, 'NP005');
    assert.equal(f.severity, 'warning');
    assert.equal(assertFixCleans('dockerfile', text, f, f.fixes[0]), dockerfile('localhost,127.0.0.1,example.com'));
  });
  test('already covered: remove it', () => {
    const text = client('localhost,127.0.0.1,example.com,*.example.com');
    const f = one('cli-config', text, 'NP005');
    assert.equal(noProxyOf(assertFixCleans('cli-config', text, f, f.fixes[0]), 'client'), 'localhost,127.0.0.1,example.com');
  });
});

describe('NP008 bracketed-ipv6', () => {
  test('fix removes the brackets; with a port it is fine', () => {
    const text = daemon('localhost,[fd00::10]');
    const f = one('daemon-json', text, 'NP008');
    assert.equal(under(text, f), '[fd00::10]');
    assert.equal(noProxyOf(assertFixCleans('daemon-json', text, f, f.fixes[0]), 'daemon'), 'localhost,fd00::10');
    none('daemon-json', daemon('[fd00::10]:5000'), 'NP008');
  });
});

describe('NP009 port-entry', () => {
  test('containers: info with an unsafe fix; daemon: nothing', () => {
    const text = client('localhost,127.0.0.1,[fd00::1]:5000');
    const f = one('cli-config', text, 'NP009');
    assert.equal(f.fixes[0].safe, false);
    assert.equal(noProxyOf(assertFixCleans('cli-config', text, f, f.fixes[0]), 'client'), 'localhost,127.0.0.1,fd00::1');
    none('daemon-json', daemon('registry.local:5000'), 'NP009');
  });
});

describe('NP010 loopback-missing', () => {
  test('Dockerfile: on the value, fix appends the missing names', () => {
    const text = dockerfile('example.com');
    const f = one('dockerfile', text, 'NP010');
    assert.equal(under(text, f), 'example.com');
    assert.equal(assertFixCleans('dockerfile', text, f, f.fixes[0]), dockerfile('example.com,localhost,127.0.0.1,::1'));
  });
  test('a trailing comma; ::1 already there', () => {
    const text = client('::1,example.com,');
    const f = one('cli-config', text, 'NP010');
    assert.equal(noProxyOf(assertFixCleans('cli-config', text, f, f.fixes[0]), 'client'), '::1,example.com,localhost,127.0.0.1,');
  });
  test('one loopback entry is enough', () => {
    none('cli-config', client('localhost,example.com'), 'NP010');
    none('cli-config', client('127.0.0.1'), 'NP010');
  });
  test('covered by a CIDR or `*`; not for the daemon; not for variables', () => {
    none('cli-config', client('localhost,127.0.0.0/8'), 'NP010');
    none('cli-config', client('*'), 'NP010');
    none('daemon-json', daemon('example.com'), 'NP010');
    none('dockerfile', dockerfile('$no_proxy,example.com'), 'NP010');
  });
  test('a `*` inside a list does not count for curl', () => {
    one('cli-config', client('example.com,*'), 'NP010');
  });
});

describe('NP011 registry-not-in-no-proxy', () => {
  const withRegs = (regs: string, noProxy: string) => daemon(noProxy, regs);
  test('insecure registry: on the registry string, fix appends the host', () => {
    const text = withRegs('  "insecure-registries": ["10.20.0.5:5000"],\n', 'localhost');
    const f = one('daemon-json', text, 'NP011');
    assert.equal(under(text, f), '"10.20.0.5:5000"');
    assert.equal(noProxyOf(assertFixCleans('daemon-json', text, f, f.fixes[0]), 'daemon'), 'localhost,10.20.0.5');
  });
  test('covered by a CIDR, a domain suffix or host:port', () => {
    none('daemon-json', withRegs('  "insecure-registries": ["10.20.0.5:5000"],\n', '10.0.0.0/8'), 'NP011');
    none('daemon-json', withRegs('  "insecure-registries": ["reg.lab.example.com:5000"],\n', '.lab.example.com'), 'NP011');
    none('daemon-json', withRegs('  "insecure-registries": ["reg.lab.example.com:5000"],\n', 'reg.lab.example.com:5000'), 'NP011');
  });
  test('public mirrors are expected to use the proxy; internal ones are reported', () => {
    none('daemon-json', withRegs('  "registry-mirrors": ["https://mirror.gcr.io"],\n', 'localhost'), 'NP011');
    one('daemon-json', withRegs('  "registry-mirrors": ["https://mirror.example.com"],\n', 'localhost'), 'NP011'); // same domain as the proxy
    one('daemon-json', withRegs('  "registry-mirrors": ["http://192.168.1.10:5000"],\n', 'localhost'), 'NP011');
  });
  test('an http mirror with only an https proxy goes direct anyway', () => {
    const text = '{\n  "registry-mirrors": ["http://192.168.1.10:5000"],\n  "proxies": {\n    "https-proxy": "http://p.example.com:3128",\n    "no-proxy": "localhost"\n  }\n}\n';
    none('daemon-json', text, 'NP011');
  });
  test('no proxy set: nothing', () => {
    none('daemon-json', '{\n  "insecure-registries": ["10.20.0.5:5000"],\n  "proxies": {\n    "no-proxy": "localhost"\n  }\n}\n', 'NP011');
  });
});

describe('NP012 no-proxy-missing', () => {
  test('on the proxies key; fix adds no-proxy with the hosts', () => {
    const text = '{\n  "insecure-registries": ["10.20.0.5:5000", "registry.lab:5000", "10.0.0.0/8"],\n  "proxies": {\n    "https-proxy": "http://proxy.example.com:3128"\n  }\n}\n';
    const f = one('daemon-json', text, 'NP012');
    assert.equal(under(text, f), '"proxies"');
    assert.match(f.message, /and 1 more/);
    const fixed = assertFixCleans('daemon-json', text, f, f.fixes[0]);
    assert.equal(noProxyOf(fixed, 'daemon'), 'localhost,127.0.0.1,::1,10.20.0.5,registry.lab');
    assert.equal(f.severity, 'warning');
  });
  test('quiet with a no-proxy or without a proxy; only information with public mirrors', () => {
    none('daemon-json', daemon('', '  "insecure-registries": ["10.20.0.5:5000"],\n'), 'NP012');
    none('daemon-json', '{\n  "insecure-registries": ["10.20.0.5:5000"],\n  "proxies": {}\n}\n', 'NP012');
    const f = one('daemon-json', '{\n  "registry-mirrors": ["https://mirror.gcr.io"],\n  "proxies": {\n    "https-proxy": "http://proxy.example.com:3128"\n  }\n}\n', 'NP012');
    assert.equal(f.severity, 'info');
  });
});

describe('NO_PROXY rules on generated values', () => {
  // Deterministic junk built from the characters NO_PROXY mistakes are made of: no rule throws, every fix keeps
  // JSON valid, clears its finding and adds no other NO_PROXY finding.
  const pieces = ['a', '.', '*', ',', ' ', '\t', ':', '[', ']', '/', '1', '0', '::', 'http://', '$', '"', '\\', '@', '%', 'localhost', '127.0.0.1', 'x.y', 'é'];
  let seed = 7;
  const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
  test('600 values in three file kinds', () => {
    for (let i = 0; i < 600; i++) {
      let v = '';
      for (let j = rnd(10); j > 0; j--) v += pieces[rnd(pieces.length)];
      const docs: [FileKind, string][] = [
        ['daemon-json', JSON.stringify({ 'insecure-registries': ['10.0.0.5', 'reg.lab:5000'], proxies: { 'https-proxy': 'http://p.corp:3128', 'no-proxy': v } })],
        ['cli-config', JSON.stringify({ proxies: { default: { httpsProxy: 'http://p:3128', noProxy: v } } })],
        ['dockerfile', `FROM x\nENV NO_PROXY="${v.replace(/["\\\n]/g, '')}"\n`],
      ];
      for (const [kind, text] of docs) {
        const before = lintAs(kind, text);
        const keys = new Set(before.map((f) => `${f.ruleId}:${f.message}`));
        for (const f of before.filter((g) => g.ruleId.startsWith('NP'))) {
          for (const fix of f.fixes) {
            const fixed = applyFix(text, fix);
            if (kind !== 'dockerfile') assert.doesNotThrow(() => JSON.parse(fixed), fixed);
            const after = lintAs(kind, fixed).filter((g) => g.ruleId.startsWith('NP'));
            assert.deepEqual(after.filter((g) => g.ruleId === f.ruleId && g.message === f.message && g.range.start.line === f.range.start.line).length, 0, `${fix.title}: ${fixed}`);
            // NP013 may rightly judge what is left of a junk entry (`1:/::` stripped to `1` is a bare number).
            assert.deepEqual(after.filter((g) => !keys.has(`${g.ruleId}:${g.message}`) && g.ruleId !== 'NP013').map((g) => g.message), [], `${fix.title}: ${fixed}`);
          }
        }
      }
    }
  });
});

describe('NP013 entry-cannot-be-meant', () => {
  const dropin = (no: string) => `[Service]\nEnvironment="HTTPS_PROXY=http://proxy.corp:3128"\nEnvironment="NO_PROXY=${no}"\n`;
  test('a split IP is one finding with a join fix; a bare number is a warning; an empty entry is info', () => {
    const text = dropin('localhost,172,17.0.1,5000,,registry.corp');
    const found = only(lintAs('systemd-dropin', text), 'NP013');
    assert.deepEqual(found.map((f) => [under(text, f), f.severity]), [['172,17.0.1', 'warning'], ['5000', 'warning'], [',,', 'info']]);
    assert.match(assertFixCleans('systemd-dropin', text, found[0], found[0].fixes[0]), /NO_PROXY=localhost,172\.17\.0\.1,5000,,registry/);
  });
  test('addresses, CIDRs and names are fine', () => {
    assert.equal(only(lintAs('systemd-dropin', dropin('localhost,127.0.0.1,10.0.0.0/8,172.17.0.1,.corp,db')), 'NP013').length, 0);
  });
});

describe('NP014 registry-sent-direct', () => {
  test('Docker Hub hosts in the daemon NO_PROXY while a proxy is set', () => {
    const text = '[Service]\nEnvironment="HTTPS_PROXY=http://proxy.corp:3128"\nEnvironment="NO_PROXY=localhost,.docker.io,auth.docker.io,registry.corp"\n';
    assert.deepEqual(only(lintAs('systemd-dropin', text), 'NP014').map((f) => under(text, f)), ['.docker.io', 'auth.docker.io']);
  });
  test('not without a proxy, and not for containers', () => {
    assert.equal(only(lintAs('systemd-dropin', '[Service]\nEnvironment="NO_PROXY=docker.io"\n'), 'NP014').length, 0);
    assert.equal(only(lintAs('cli-config', '{"proxies":{"default":{"httpsProxy":"http://p:3128","noProxy":"localhost,docker.io"}}}'), 'NP014').length, 0);
  });
});
