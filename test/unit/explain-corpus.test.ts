// The error explainer against real-world output: one fixture file per tool (test/fixtures/explain/corpus/*.txt,
// format in its README), negatives that must stay silent, masking, terminal-line offsets, and the connectivity
// test's own failures explained by the same catalog.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CAUSES, explainLine, explainLog, formatExplanationsJson, formatExplanationsText, matchCause } from '../../server/src/engine/causes';
import { DialError, formatConnectivityReport, probeLayer, type Clock, type Dialer, type LayerProxyInput, type ProbeConnection, type TlsOutcome } from '../../server/src/engine/probe';
import type { ConnectivityReport, ProbeResult } from '../../server/src/engine/status/report';

const ROOT = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'explain');
const SECRETS = ['Winter2026', 'S3cr%21t', 'amRvZTpXaW50ZXIyMDI2', 'hunter2'];

interface Case { tool: string; title: string; id: string; layer?: string; line?: number; only: boolean; text: string }

function loadCorpus(): Case[] {
  const cases: Case[] = [];
  const dir = path.join(ROOT, 'corpus');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const tool = file.replace(/\.txt$/, '');
    const blocks = readFileSync(path.join(dir, file), 'utf8').split(/^(?=### )/m).filter((b) => b.startsWith('### '));
    for (const block of blocks) {
      const nl = block.indexOf('\n');
      const header = block.slice(4, nl);
      const [spec, title = ''] = header.split(' | ');
      const [id, ...opts] = spec.trim().split(/\s+/);
      const c: Case = { tool, title: title.trim(), id, only: false, text: block.slice(nl + 1).replace(/\\e\[/g, '\u001b[').replace(/\n+$/, '\n') };
      for (const o of opts) {
        if (o === 'only') c.only = true;
        else if (o.startsWith('layer=')) c.layer = o.slice(6);
        else if (o.startsWith('line=')) c.line = Number(o.slice(5));
        else throw new Error(`${file}: unknown option ${o} in "${header}"`);
      }
      cases.push(c);
    }
  }
  return cases;
}

const corpus = loadCorpus();
const TOOLS = ['apt', 'buildkit', 'containerd', 'curl', 'docker-cli', 'dockerd', 'git', 'go', 'npm', 'pip', 'systemd', 'wget'];

test('the corpus has at least 60 real-world outputs across every tool, each with a known cause id', () => {
  const ids = new Set(CAUSES.map((c) => c.id));
  assert.ok(corpus.length >= 60, `only ${corpus.length} cases`);
  const perTool = new Map<string, number>();
  for (const c of corpus) {
    assert.ok(ids.has(c.id), `${c.tool}: ${c.id} is not in the catalog`);
    perTool.set(c.tool, (perTool.get(c.tool) ?? 0) + 1);
  }
  assert.deepEqual([...perTool.keys()].sort(), TOOLS);
  // printed for the closing note of issue 10
  console.log(`corpus: ${corpus.length} cases; ${[...perTool].map(([t, n]) => `${t} ${n}`).join(', ')}`);
});

for (const c of corpus) {
  test(`${c.tool}: ${c.title} → ${c.id}`, () => {
    const found = explainLog(c.text);
    const summary = found.map((e) => `${e.line}:${e.id}(${e.layer ?? '-'})`).join(', ') || '(nothing)';
    assert.ok(found.length > 0, `nothing recognised in:\n${c.text}`);
    const first = found[0];
    assert.equal(first.id, c.id, summary);
    if (c.line !== undefined) assert.equal(first.line, c.line, summary);
    if (c.layer !== undefined) assert.equal(first.layer ?? '-', c.layer, summary);
    if (c.only) assert.equal(found.length, 1, summary);
    const printed = formatExplanationsText(found) + formatExplanationsJson(found);
    for (const s of SECRETS) assert.ok(!printed.includes(s), `${s} printed unmasked:\n${printed}`);
  });
}

test('every cause with texts is covered by the corpus or by its own examples', () => {
  const covered = new Set(corpus.map((c) => c.id));
  for (const cause of CAUSES) {
    if (cause.texts.length === 0) continue;
    assert.ok(covered.has(cause.id) || cause.examples.length > 0 || cause.id === 'registry-unknown-ca', `${cause.id} has texts but no test`);
  }
});

test('ordinary logs stay silent: successful builds, pulls, daemon start-up, app tests with ECONNREFUSED to a database', () => {
  const dir = path.join(ROOT, 'negative');
  const files = readdirSync(dir).filter((f) => f.endsWith('.log'));
  assert.ok(files.length >= 4);
  let lines = 0;
  for (const f of files) {
    const text = readFileSync(path.join(dir, f), 'utf8');
    lines += text.split('\n').length;
    assert.deepEqual(explainLog(text).map((e) => `${e.line}:${e.id} ${e.matched}`), [], f);
  }
  assert.ok(lines > 150, `only ${lines} negative lines`);
});

test('each error once, with its line; several causes in one log keep their order', () => {
  const log = [
    '#5 [2/3] RUN apt-get update',
    "#5 0.301 W: Failed to fetch http://deb.debian.org/debian/dists/bookworm/InRelease  Temporary failure resolving 'deb.debian.org'",
    "#5 0.302 W: Failed to fetch http://deb.debian.org/debian/dists/bookworm-updates/InRelease  Temporary failure resolving 'deb.debian.org'",
    'ERROR: failed to solve: failed to fetch oauth token: Post "https://auth.docker.io/token": proxyconnect tcp: dial tcp 10.0.0.5:3128: connect: connection refused',
    'ERROR: failed to solve: failed to fetch oauth token: Post "https://auth.docker.io/token": proxyconnect tcp: dial tcp 10.0.0.5:3128: connect: connection refused',
  ].join('\n');
  assert.deepEqual(explainLog(log).map((e) => [e.line, e.id, e.layer]), [[2, 'registry-dns', 'build-args'], [4, 'oauth-token-failed', 'cli-shell']]);
});

test('ambiguous texts name the other candidates and what decides, pointing at the status view or the connectivity test', () => {
  const [timeout] = explainLog('Error response from daemon: Get "https://registry-1.docker.io/v2/": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)');
  assert.equal(timeout.id, 'direct-timeout');
  assert.match(timeout.decide ?? '', /Proxy Status view/);
  assert.match(timeout.decide ?? '', /connectivity test/);
  const [ca] = explainLog('x509: certificate signed by unknown authority');
  assert.equal(ca.id, 'tls-intercepting-proxy');
  assert.deepEqual(ca.alternatives.map((a) => a.id), ['registry-unknown-ca']);
  assert.match(ca.decide ?? '', /issuer/);
  const [refused] = explainLog('curl: (7) Failed to connect to proxy.corp port 3128 after 3 ms: Couldn\'t connect to server');
  assert.match(refused.decide ?? '', /proxy-refused/);
});

test('masking: user:password@ never reaches the text, JSON or matched words, also in a journal line and a Basic header', () => {
  const log = [
    'Nov 30 07:02:11 h systemd[1]: /etc/systemd/system/docker.service.d/http-proxy.conf:3: Failed to resolve specifiers in HTTPS_PROXY=http://corp%5Cjdoe:S3cr%21t@proxy.corp:3128, ignoring: Invalid slot',
    'Proxy-Authorization: Basic amRvZTpXaW50ZXIyMDI2 -> 407 Proxy Authentication Required',
    'Error response from daemon: Get "https://registry-1.docker.io/v2/": proxyconnect tcp: dial tcp 127.0.0.1:3128: connect: connection refused (http://bob:hunter2@127.0.0.1:3128)',
  ].join('\n');
  const found = explainLog(log);
  assert.deepEqual(found.map((e) => e.id), ['systemd-specifier', 'proxy-auth-required', 'proxy-loopback-other-netns']);
  const all = JSON.stringify(found) + formatExplanationsText(found) + formatExplanationsJson(found);
  for (const s of SECRETS) assert.ok(!all.includes(s), s);
  assert.match(all, /xxxxx:xxxxx@proxy\.corp/);
});

test('JSON rows are {line, id, layer, cause, action, text}', () => {
  const rows = JSON.parse(formatExplanationsJson(explainLog('x\ncurl: (56) CONNECT tunnel failed, response 407\n')));
  assert.deepEqual(Object.keys(rows[0]), ['line', 'id', 'layer', 'cause', 'action', 'text']);
  assert.equal(rows[0].line, 2);
  assert.equal(rows[0].layer, null);
});

test('a terminal line: the link range covers the matched words, after a BuildKit prefix and in a logfmt line', () => {
  const line = '#7 0.532 npm ERR! code E407';
  const e = explainLine(line)!;
  assert.equal(e.id, 'proxy-auth-required');
  assert.equal(line.slice(e.start, e.end), 'code E407');
  const journal = 'dockerd[1]: level=error msg="Get \\"https://r/v2/\\": proxyconnect tcp: tls: first record does not look like a TLS handshake"';
  const j = explainLine(journal)!;
  assert.equal(journal.slice(j.start, j.end), 'first record does not look like a TLS handshake');
  assert.equal(explainLine('Status: Downloaded newer image for alpine:3.20'), undefined);
  assert.equal(explainLine('x'.repeat(200_000)), undefined);
});

test('huge and hostile input: bounded, no crash', () => {
  const big = ('#5 0.1 Get:1 http://deb.debian.org/debian bookworm InRelease\n').repeat(50_000) + 'curl: (56) CONNECT tunnel failed, response 407\n';
  assert.deepEqual(explainLog(big).map((e) => e.id), ['proxy-auth-required']);
  assert.deepEqual(explainLog('\u0000\u001b[\u001b]0;title\u0007 \r\r\n\ud800'), []);
  const many = Array.from({ length: 1000 }, (_, i) => `Get "https://r${i}/v2/": dial tcp 10.0.${i % 250}.1:443: i/o timeout`).join('\n');
  assert.equal(explainLog(many).length, 1, 'the same cause in the same layer is reported once');
});

// ---- The connectivity test's own failures -------------------------------------------------------------------

const immediateClock: Clock = { now: () => 0, setTimer: () => () => undefined };

function connection(answer: { tls?: TlsOutcome; head?: string }): ProbeConnection {
  return {
    startTls: async () => answer.tls ?? { ok: true },
    exchange: async () => {
      if (answer.head === undefined) throw new DialError('closed', 'closed');
      return { head: answer.head, body: '' };
    },
    close: () => undefined,
  };
}

function dialer(how: 'dns' | 'refused' | 'reset' | { tls?: TlsOutcome; head?: string }): Dialer {
  return {
    resolve: async (host) => { if (how === 'dns') throw new DialError('dns', `getaddrinfo ENOTFOUND ${host}`); return ['10.9.9.9']; },
    connect: async () => {
      if (how === 'refused') throw new DialError('refused', 'connect ECONNREFUSED 10.9.9.9:3128');
      if (how === 'reset') throw new DialError('reset', 'read ECONNRESET');
      if (how === 'dns') throw new DialError('dns', 'dns');
      return connection(how);
    },
  };
}

test('the connectivity test\'s failures, pasted from its report, are explained with the same causes and layers', async () => {
  const hub = { name: 'registry-1.docker.io', host: 'registry-1.docker.io', port: 443 };
  const viaProxy = (l: LayerProxyInput['layer']): LayerProxyInput => ({ layer: l, consumerLabel: 'test', env: { HTTPS_PROXY: 'http://bob:hunter2@proxy.corp:3128' }, consumer: 'go', namespace: 'host', source: 'test' });
  const scenarios: Array<[LayerProxyInput, Dialer]> = [
    [viaProxy('daemon'), dialer('refused')],
    [viaProxy('cli-shell'), dialer('dns')],
    [viaProxy('client-config'), dialer({ head: 'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="corp"' })],
    [viaProxy('builder'), dialer({ head: 'HTTP/1.1 403 Forbidden' })],
    [viaProxy('daemon'), dialer({ head: 'HTTP/1.1 200 Connection established', tls: { ok: false, failure: 'unknown-authority', message: 'self-signed certificate in certificate chain', issuer: 'Corp Root CA' } })],
    [{ ...viaProxy('cli-shell'), env: { HTTPS_PROXY: 'https://proxy.corp:3128' } }, dialer({ tls: { ok: false, failure: 'not-tls', message: 'wrong version number' } })],
  ];
  const results: ProbeResult[] = [];
  for (const [input, d] of scenarios) results.push(await probeLayer(input, hub, { dialer: d, clock: immediateClock, timeoutMs: 5_000 }));
  const failed = results.filter((r) => r.causeId);
  assert.equal(failed.length, scenarios.length, results.map((r) => `${r.layer}:${r.outcome}`).join(', '));
  const report: ConnectivityReport = { generatedAt: 't', registries: ['registry-1.docker.io'], results, durationMs: 0, worst: 'error' };
  const text = formatConnectivityReport(report);
  const explained = explainLog(text);
  const want = failed.map((r) => `${r.causeId}@${r.layer}`);
  assert.deepEqual(explained.filter((e) => /cause:/.test(e.text)).map((e) => `${e.id}@${e.layer}`), want, text);
  assert.ok(!JSON.stringify(explained).includes('hunter2'));
  assert.ok(new Set(want.map((w) => w.split('@')[0])).size >= 5, `only ${want.join(', ')}`);
});

test('the deep test\'s docker pull output gets the same cause from the explainer as from the probe', () => {
  for (const output of [
    'Error response from daemon: Get "https://registry-1.docker.io/v2/": proxyconnect tcp: dial tcp 10.0.0.5:3128: i/o timeout',
    'Error response from daemon: Get "https://registry-1.docker.io/v2/": Proxy Authentication Required',
    'Error response from daemon: Get "https://registry-1.docker.io/v2/": tls: failed to verify certificate: x509: certificate signed by unknown authority',
  ]) {
    assert.equal(explainLog(`Using default tag: latest\n${output}\n`)[0].id, matchCause(output)?.cause.id);
  }
});
