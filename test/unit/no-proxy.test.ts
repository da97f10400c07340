// NO_PROXY parsing, classification and per-consumer matching (facts §6), table-driven.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCidr, parseIp, splitHostPort } from '../../server/src/engine/proxy/ipAddress';
import { classifyEntry, parseNoProxy, type NoProxyEntryKind } from '../../server/src/engine/proxy/noProxyEntries';
import { effectiveNoProxy, matchesNoProxy, type NoProxyConsumer } from '../../server/src/engine/proxy/noProxyMatch';

type Case = [noProxy: string, host: string, expected: boolean, port?: number, scheme?: string];

const CASES: Record<NoProxyConsumer, Case[]> = {
  go: [
    // implicit bypass of localhost and loopback literals, whatever NO_PROXY says
    ['', 'localhost', true],
    ['', '127.0.0.1', true],
    ['', '127.9.8.7', true],
    ['', '::1', true],
    ['', '[::1]', true],
    ['', '::ffff:127.0.0.1', true],
    ['', 'foo.localhost', false],
    ['', 'example.com', false],
    ['example.org', 'localhost', true],
    // domains: the domain and its subdomains, with a dot boundary
    ['example.com', 'example.com', true],
    ['example.com', 'a.b.example.com', true],
    ['example.com', 'nexample.com', false],
    ['EXAMPLE.COM', 'example.com', true],
    ['example.com', 'Registry.Example.com', true],
    [' example.com , other ', 'x.example.com', true],
    // leading dot: subdomains only; `*.` is the same as a leading dot
    ['.example.com', 'example.com', false],
    ['.example.com', 'a.example.com', true],
    ['*.example.com', 'example.com', false],
    ['*.example.com', 'a.example.com', true],
    // `*` anywhere in the list disables the proxy for every host
    ['*', 'anything.org', true],
    ['localhost,*', 'anything.org', true],
    ['*,localhost', '203.0.113.9', true],
    ['a.com, * ', 'b.org', true],
    // other wildcards never match
    ['172.17.*', '172.17.0.2', false],
    ['10.*.*.*', '10.1.2.3', false],
    ['*corp.com', 'mycorp.com', false],
    ['*corp.com', 'corp.com', false],
    ['corp.*', 'corp.com', false],
    ['*:443', 'example.com', false],
    // CIDR: IP literals only, never host names
    ['172.17.0.0/16', '172.17.0.2', true],
    ['172.17.0.0/16', '172.18.0.2', false],
    ['10.0.0.0/8', 'ten.example.com', false],
    ['10.0.0.1/8', '10.200.0.1', true],
    ['fd00::/8', 'fd12::1', true],
    ['fd00::/8', '[fd12::1]', true],
    ['fd00::/8', '10.0.0.1', false],
    ['10.0.0.0/33', '10.0.0.1', false],
    // exact IPs, optionally with a port
    ['10.0.0.5', '10.0.0.5', true],
    ['10.0.0.5', '10.0.0.50', false],
    ['10.0.0.5:5000', '10.0.0.5', true, 5000],
    ['10.0.0.5:5000', '10.0.0.5', false],
    ['fd00::1', 'fd00::1', true],
    ['fd00::1', '[fd00:0::1]', true],
    ['[fd00::1]', 'fd00::1', false],
    ['[fd00::1]:443', 'fd00::1', true],
    ['[fd00::1]:80', 'fd00::1', false],
    ['[fd00::1]:80', 'fd00::1', true, undefined, 'http'],
    // host:port: that port only; the request port defaults by scheme
    ['example.com:8080', 'example.com', true, 8080],
    ['example.com:8080', 'example.com', false],
    ['example.com:443', 'example.com', true],
    ['example.com:80', 'example.com', true, undefined, 'http'],
    ['example.com:1080', 'example.com', true, undefined, 'socks5'],
    ['registry:5000', 'registry', true, 5000, 'http'],
    ['example.com:', 'example.com', true, 9999],
    ['.example.com:8080', 'a.example.com', true, 8080],
    // domain entries never match IP literals
    ['0.0.1', '10.0.0.1', false],
    // scheme or path: never matches
    ['http://example.com', 'example.com', false],
    ['example.com/', 'example.com', false],
    // whitespace-separated entries are one bogus entry
    ['localhost .example.com', 'www.example.com', false],
    ['example.org example.com', 'example.com', false],
  ],
  curl: [
    // `*` only as the entire value
    ['*', 'anything.org', true],
    ['localhost,*', 'anything.org', false],
    ['*,localhost', 'localhost', true],
    // no implicit loopback bypass
    ['', 'localhost', false],
    ['', '127.0.0.1', false],
    // dots stripped: .example.com matches the apex too
    ['.example.com', 'example.com', true],
    ['.example.com', 'a.example.com', true],
    ['example.com', 'a.example.com', true],
    ['example.com.', 'www.example.com', true],
    ['example.com', 'www.example.com.', true],
    ['example.com', 'nexample.com', false],
    ['EXAMPLE.com', 'example.COM', true],
    // no `*.`, no other wildcard, no ports
    ['*.example.com', 'a.example.com', false],
    ['172.17.*', '172.17.0.2', false],
    ['example.com:8080', 'example.com', false, 8080],
    // IPs and CIDR: IP-literal hosts only, no prefix match for a bare IP
    ['10.0.0.0/8', '10.1.2.3', true],
    ['10.0.0.0/8', 'ten.example.com', false],
    ['10.0.0.5', '10.0.0.5', true],
    ['10.0.0.0', '10.0.0.5', false],
    ['::1', '[::1]', true],
    ['::1', '::1', true],
    ['fd00::/8', '[fd12::1]', true],
    ['[::1]', '[::1]', false],
    // whitespace: a blank not followed by a comma ends parsing
    ['localhost .example.com', 'www.example.com', false],
    ['localhost .example.com', 'localhost', true],
    ['localhost, .example.com', 'www.example.com', true],
    ['localhost ,example.com', 'example.com', true],
  ],
  'python-requests': [
    ['10.0.0.0/8', '10.1.2.3', true],
    ['10.0.0.5', '10.0.0.5', true],
    ['10.0.0.0/8', 'ten.example.com', false],
    ['fd00::/8', 'fd12::1', false],
    ['.example.com', 'example.com', true],
    ['example.com', 'a.example.com', true],
    ['example.com', 'nexample.com', false],
    ['example.com:8080', 'example.com', true, 8080],
    ['example.com:8080', 'example.com', false],
    ['*', 'anything.org', true],
    ['localhost,*', 'anything.org', false],
    ['*.example.com', 'a.example.com', false],
    ['', 'localhost', false],
    ['localhost, example.com', 'example.com', true],
  ],
  'python-urllib': [
    ['*', 'anything.org', true],
    ['localhost,*', 'anything.org', false],
    ['.example.com', 'example.com', true],
    ['example.com', 'a.example.com', true],
    ['example.com', 'nexample.com', false],
    ['10.0.0.0/8', '10.1.2.3', false],
    ['example.com:8080', 'example.com', true, 8080],
    ['example.com:8080', 'example.com', false],
    ['*.example.com', 'a.example.com', false],
    ['[::1]', '::1', true],
    ['', 'localhost', false],
    // suffix with a dot boundary, even for IP literals
    ['0.0.1', '10.0.0.1', true],
  ],
  'gnu-wget': [
    ['example.com', 'example.com', true],
    ['example.com', 'a.example.com', true],
    ['example.com', 'badexample.com', true],
    ['.example.com', 'example.com', false],
    ['.example.com', 'a.example.com', true],
    ['*', 'anything.org', false],
    ['*.example.com', 'a.example.com', false],
    ['10.0.0.0/8', '10.1.2.3', false],
    ['example.com:443', 'example.com', false],
    ['EXAMPLE.com', 'a.example.COM', true],
    ['localhost, example.com', 'example.com', true],
    ['', 'localhost', false],
  ],
  'busybox-wget': [
    ['*', 'anything.org', false],
    ['example.com', 'example.com', false],
    ['localhost', 'localhost', false],
  ],
};

for (const [consumer, cases] of Object.entries(CASES) as [NoProxyConsumer, Case[]][]) {
  describe(`matchesNoProxy ${consumer}`, () => {
    for (const [noProxy, host, expected, port, scheme] of cases) {
      const label = `NO_PROXY=${JSON.stringify(noProxy)} ${scheme ?? 'https'}://${host}${port !== undefined ? ':' + port : ''} -> ${expected ? 'direct' : 'proxied'}`;
      test(label, () => {
        assert.equal(matchesNoProxy(consumer, noProxy, host, port, scheme), expected);
      });
    }
  });
}

describe('matchesNoProxy: the facts sheet examples across consumers', () => {
  const row = (noProxy: string, host: string) =>
    Object.fromEntries((['go', 'curl', 'python-requests', 'python-urllib', 'gnu-wget', 'busybox-wget'] as const).map((c) => [c, matchesNoProxy(c, noProxy, host)]));
  test('.example.com vs the apex', () => {
    assert.deepEqual(row('.example.com', 'example.com'), { go: false, curl: true, 'python-requests': true, 'python-urllib': true, 'gnu-wget': false, 'busybox-wget': false });
  });
  test('*.example.com vs a subdomain', () => {
    assert.deepEqual(row('*.example.com', 'a.example.com'), { go: true, curl: false, 'python-requests': false, 'python-urllib': false, 'gnu-wget': false, 'busybox-wget': false });
  });
  test('localhost,* vs any host', () => {
    assert.deepEqual(row('localhost,*', 'example.org'), { go: true, curl: false, 'python-requests': false, 'python-urllib': false, 'gnu-wget': false, 'busybox-wget': false });
  });
  test('172.17.* never matches anywhere', () => {
    assert.deepEqual(Object.values(row('172.17.*', '172.17.0.2')), [false, false, false, false, false, false]);
  });
});

describe('parseNoProxy', () => {
  test('entries with offsets, kinds and whitespace joins', () => {
    const value = 'localhost, 127.0.0.1,.example.com *.corp 172.17.* http://x/ [::1] ::1 10.0.0.0/8,host:80,[::1]:80,$no_proxy,,';
    const entries = parseNoProxy(value);
    for (const e of entries) assert.equal(value.slice(e.start, e.end), e.text);
    assert.deepEqual(entries.map((e) => [e.text, e.kind, e.joinedByWhitespace]), [
      ['localhost', 'domain', false],
      ['127.0.0.1', 'ip', false],
      ['.example.com', 'leading-dot', false],
      ['*.corp', 'star-dot', true],
      ['172.17.*', 'wildcard', true],
      ['http://x/', 'scheme-or-path', true],
      ['[::1]', 'bracketed-ipv6', true],
      ['::1', 'ip', true],
      ['10.0.0.0/8', 'cidr', true],
      ['host:80', 'host-port', false],
      ['[::1]:80', 'ip-port', false],
      ['$no_proxy', 'variable', false],
    ]);
  });
  test('empty and blank values have no entries', () => {
    assert.deepEqual(parseNoProxy(''), []);
    assert.deepEqual(parseNoProxy(' , ,'), []);
  });
  const kinds: [string, NoProxyEntryKind, string?, string?][] = [
    ['*', 'star'],
    ['Example.COM', 'domain', 'example.com'],
    ['.corp', 'leading-dot', '.corp'],
    ['*.example.com', 'star-dot', '*.example.com'],
    ['*example.com', 'wildcard'],
    ['corp.*', 'wildcard'],
    ['10.*.*.*', 'wildcard'],
    ['*.*.example.com', 'wildcard'],
    ['fe80::1', 'ip', 'fe80::1'],
    ['1.2.3.4:8080', 'ip-port', '1.2.3.4', '8080'],
    ['registry.local:5000', 'host-port', 'registry.local', '5000'],
    ['fd00::/8', 'cidr'],
    ['10.0.0.0/33', 'scheme-or-path'],
    ['example.com/path', 'scheme-or-path'],
    ['https://registry.example.com:5000', 'scheme-or-path'],
    [':80', 'invalid'],
    ['"localhost"', 'invalid'],
    ['${NO_PROXY}', 'variable'],
    ['001.2.3.4', 'domain'],
  ];
  for (const [text, kind, host, port] of kinds) {
    test(`${text} is ${kind}`, () => {
      const c = classifyEntry(text);
      assert.equal(c.kind, kind);
      if (host !== undefined) assert.equal(c.host, host);
      if (port !== undefined) assert.equal(c.port, port);
    });
  }
});

describe('address helpers', () => {
  test('parseIp', () => {
    assert.ok(parseIp('10.0.0.1')?.v4);
    assert.ok(parseIp('::ffff:10.0.0.1')?.v4);
    assert.equal(parseIp('::1')?.v4, false);
    assert.equal(parseIp('010.0.0.1'), undefined);
    assert.equal(parseIp('1.2.3'), undefined);
    assert.equal(parseIp('1::2::3'), undefined);
    assert.equal(parseIp('fe80::1%eth0'), undefined);
    assert.equal(parseIp('1:2:3:4:5:6:7:8')?.bytes.length, 16);
  });
  test('parseCidr', () => {
    assert.equal(parseCidr('10.0.0.0/8')?.bits, 8);
    assert.equal(parseCidr('10.0.0.0/33'), undefined);
    assert.equal(parseCidr('::/0')?.bits, 0);
    assert.equal(parseCidr('example.com/8'), undefined);
  });
  test('splitHostPort follows Go', () => {
    assert.deepEqual(splitHostPort('h:80'), { host: 'h', port: '80', bracketed: false });
    assert.deepEqual(splitHostPort('[::1]:80'), { host: '::1', port: '80', bracketed: true });
    assert.deepEqual(splitHostPort('h:'), { host: 'h', port: '', bracketed: false });
    assert.equal(splitHostPort('::1'), undefined);
    assert.equal(splitHostPort('[::1]'), undefined);
    assert.equal(splitHostPort('h'), undefined);
  });
});

describe('effectiveNoProxy', () => {
  const env = { NO_PROXY: 'upper', no_proxy: 'lower' };
  test('Go prefers upper case, the others lower case', () => {
    assert.equal(effectiveNoProxy('go', env), 'upper');
    assert.equal(effectiveNoProxy('curl', env), 'lower');
    assert.equal(effectiveNoProxy('python-requests', env), 'lower');
    assert.equal(effectiveNoProxy('gnu-wget', env), 'lower');
    assert.equal(effectiveNoProxy('busybox-wget', env), '');
  });
  test('fallbacks', () => {
    assert.equal(effectiveNoProxy('go', { no_proxy: 'lower' }), 'lower');
    assert.equal(effectiveNoProxy('go', { NO_PROXY: '', no_proxy: 'lower' }), 'lower');
    assert.equal(effectiveNoProxy('curl', { NO_PROXY: 'upper' }), 'upper');
    assert.equal(effectiveNoProxy('gnu-wget', { NO_PROXY: 'upper' }), '');
  });
});
