// The cause catalog: every example names its own cause first, ids and related ids are real, ambiguity is ordered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CAUSES, causeById, matchCause, matchCauses } from '../../server/src/engine/causes';
import { ALL_RULES } from '../../server/src/engine';

const LAYERS = ['vscode', 'cli-shell', 'client-config', 'daemon', 'builder', 'build-args'];

test('cause ids are unique kebab-case and every cause has a cause text and a next action', () => {
  const ids = CAUSES.map((c) => c.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const c of CAUSES) {
    assert.match(c.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(c.cause.length > 20 && c.action.length > 20, c.id);
    assert.ok(!/[a-z]+:\/\/[^\s@]+:[^\s@]+@/.test(c.cause + c.action), `${c.id}: a URL with credentials in the text`);
  }
});

test('related ids are lint rules or layers', () => {
  const ruleIds = new Set(ALL_RULES.map((r) => r.meta.id));
  for (const c of CAUSES) for (const r of c.related) assert.ok(ruleIds.has(r) || LAYERS.includes(r), `${c.id}: unknown related id ${r}`);
});

test('each example is explained by its own cause first', () => {
  let n = 0;
  for (const c of CAUSES) {
    for (const example of c.examples) {
      assert.equal(matchCause(example)?.cause.id, c.id, `${c.id}: ${example} → ${matchCauses(example).map((m) => m.cause.id).join(', ')}`);
      n++;
    }
  }
  assert.ok(n >= 25, `only ${n} examples`);
});

test('ambiguous texts: the more specific cause wins, the other is still listed', () => {
  const x509 = matchCauses('x509: certificate signed by unknown authority').map((m) => m.cause.id);
  assert.deepEqual(x509.slice(0, 2), ['tls-intercepting-proxy', 'registry-unknown-ca']);
  const token = matchCauses('failed to solve: failed to fetch oauth token: Post "https://auth.docker.io/token": proxyconnect tcp: dial tcp 127.0.0.1:3128: connect: connection refused').map((m) => m.cause.id);
  assert.equal(token[0], 'oauth-token-failed');
  assert.ok(token.includes('proxy-loopback-other-netns'));
  assert.equal(matchCause('\u001b[31mproxyconnect tcp: tls: first record does not look like a TLS handshake\u001b[0m')?.cause.id, 'https-proxy-url-to-plain-proxy');
});

test('ordinary build output matches nothing', () => {
  for (const line of ['#5 [2/3] RUN apt-get update', 'Successfully built 3f2a1b', 'Status: Downloaded newer image for alpine:3.20', 'latest: Pulling from library/alpine']) {
    assert.equal(matchCause(line), undefined, line);
  }
});

test('ids the probes report exist in the catalog', () => {
  for (const id of ['proxy-loopback-other-netns', 'proxy-refused', 'proxy-dns', 'proxy-timeout', 'proxy-reset', 'proxy-auth-required', 'proxy-forbidden', 'proxy-upstream-error', 'https-proxy-url-to-plain-proxy', 'tls-intercepting-proxy', 'registry-unknown-ca', 'tls-hostname-mismatch', 'tls-expired', 'registry-dns', 'direct-refused', 'direct-timeout', 'registry-unexpected-response', 'connection-closed', 'proxy-scheme-not-probed', 'probe-timeout', 'probe-error', 'docker-not-found', 'docker-permission', 'daemon-down']) {
    assert.ok(causeById(id), id);
  }
});
