// Issue 18 item 2: whose name failed to resolve (or which host refused) — the proxy's or the registry's — from the
// machine's proxy hosts (a plain parameter the status model passes) or from proxy URLs in the same log; and no advice
// to pass --build-arg HTTP_PROXY when the log shows it was passed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contextFromLog, explainLine, explainLog, matchCause } from '../../server/src/engine/causes';

test('a failed lookup of a known proxy host is the proxy\'s DNS, of any other host the registry\'s', () => {
  const npm = 'npm ERR! network getaddrinfo ENOTFOUND gw.corp.example';
  assert.equal(matchCause(npm)?.cause.id, 'registry-dns');
  assert.equal(matchCause(npm, { knownProxyHosts: ['gw.corp.example'] })?.cause.id, 'proxy-dns');
  assert.equal(matchCause(npm, { knownProxyHosts: ['http://GW.corp.example:8080'] })?.cause.id, 'proxy-dns', 'a proxy URL counts as its host');
  assert.equal(explainLog(npm, { knownProxyHosts: ['gw.corp.example'] })[0].id, 'proxy-dns');
  assert.equal(explainLine(npm, { knownProxyHosts: ['other.example'] })?.id, 'registry-dns');
  // a name that says it is a proxy, with no context at all
  assert.equal(matchCause("  Could not resolve 'proxy.corp.example'")?.cause.id, 'proxy-dns');
  assert.equal(matchCause('Get "https://goproxy.cn/x": dial tcp: lookup goproxy.cn on 10.0.0.2:53: no such host')?.cause.id, 'registry-dns', 'goproxy.cn is a registry, not a proxy');
});

test('a refused or timed-out connection to a known proxy address is the proxy\'s', () => {
  const apt = 'E: Failed to fetch http://deb.debian.org/debian/dists/bookworm/InRelease  Unable to connect to 10.1.2.3:3142:';
  assert.equal(matchCause(apt)?.cause.id, 'direct-refused');
  assert.equal(matchCause(apt, { knownProxyHosts: ['10.1.2.3'] })?.cause.id, 'proxy-refused');
  const git = "fatal: unable to access 'https://github.com/a/b.git/': Failed to connect to 10.10.78.62 port 3128: Connection timed out";
  assert.equal(matchCause(git, { knownProxyHosts: ['10.10.78.62'] })?.cause.id, 'proxy-timeout');
});

test('proxy hosts named in the log itself: build args, exports, npm config, curl -v', () => {
  const ctx = contextFromLog([
    'docker build --build-arg http_proxy=http://user:pw@proxy.my.url:8080 --build-arg HTTPS_PROXY="http://10.9.8.7:3128" .',
    'export https_proxy=http://gw.corp:3128',
    'npm config set proxy http://npmproxy.corp:80',
    '* Uses proxy env variable https_proxy == \'http://curlproxy.corp:3128\'',
    'npm ERR! network This is most likely not a problem with npm itself and is related to network connectivity.',
    'If you are behind a proxy, please make sure that the',
  ].join('\n'));
  assert.deepEqual([...(ctx.knownProxyHosts ?? [])].sort(), ['10.9.8.7', 'curlproxy.corp', 'gw.corp', 'npmproxy.corp', 'proxy.my.url']);
  assert.equal(ctx.proxyPassedToBuild, true);
  assert.equal(contextFromLog('docker build -t x .').proxyPassedToBuild, false);
});

test('when the log shows the proxy passed with --build-arg, the advice is not to pass it', () => {
  const log = [
    'docker build --build-arg http_proxy=http://proxy.corp.example:8080 .',
    'Step 2/4 : RUN apt-get update',
    ' ---> Running in 6df2a92b3992',
    "W: Failed to fetch http://deb.debian.org/debian/dists/bookworm/InRelease  Temporary failure resolving 'deb.debian.org'",
  ].join('\n');
  const [e] = explainLog(log);
  assert.equal(e.id, 'registry-dns');
  assert.doesNotMatch(e.decide ?? '', /pass --build-arg/);
  assert.match(e.decide ?? '', /--build-arg\), so the build had a proxy/);
  const without = explainLog(log.split('\n').slice(1).join('\n'))[0];
  assert.match(without.decide ?? '', /pass --build-arg HTTP_PROXY/);
});
