// The `files.*` glob matcher and the per-document kind decision of the server (pure parts, no process).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { globToRegExp, matchGlob } from '../../server/src/lsp/glob';
import { documentKind } from '../../server/src/lsp/kind';
import { uriToPath } from '../../server/src/lsp/paths';
import { normaliseSettings, sectionOf } from '../../server/src/lsp/clientSettings';

describe('glob', () => {
  test('*, ?, ** and braces', () => {
    assert.ok(matchGlob('*.json', '/a/b/daemon.json'));
    assert.ok(!matchGlob('*.json', '/a/b/daemon.jsonc'));
    assert.ok(matchGlob('daemon-?.json', '/x/daemon-1.json'));
    assert.ok(!matchGlob('daemon-?.json', '/x/daemon-12.json'));
    assert.ok(matchGlob('**/infra/**/daemon.json', '/home/me/ws/infra/a/b/daemon.json'));
    assert.ok(matchGlob('**/infra/**/daemon.json', '/home/me/ws/infra/daemon.json'));
    assert.ok(!matchGlob('**/infra/*/daemon.json', '/home/me/ws/infra/a/b/daemon.json'));
    assert.ok(matchGlob('**/{dockerd,daemon}.{json,jsonc}', '/etc/x/dockerd.jsonc'));
    assert.ok(matchGlob('**/{a,b{c,d}}/x', '/r/bd/x'));
    assert.ok(!matchGlob('**/{a,b{c,d}}/x', '/r/be/x'));
    assert.ok(matchGlob('**/*.[cC]onf', '/u/http.Conf'));
    assert.ok(matchGlob('/etc/**', '/etc/docker/daemon.json'));
    assert.ok(!matchGlob('/etc/*', '/etc/docker/daemon.json'));
  });

  test('relative globs with a slash match at any directory boundary; Windows paths', () => {
    assert.ok(matchGlob('infra/*.json', '/home/me/repo/infra/dockerd.json'));
    assert.ok(!matchGlob('infra/*.json', '/home/me/repo/myinfra/dockerd.json'));
    assert.ok(matchGlob('./infra/*.json', '/repo/infra/a.json'));
    assert.ok(matchGlob('provisioning/**', 'C:\\work\\provisioning\\docker\\daemon.json'));
  });

  test('regex characters are literal; bad globs do not throw', () => {
    assert.ok(matchGlob('a+b(1).json', '/x/a+b(1).json'));
    assert.ok(!matchGlob('a.json', '/x/abjson'));
    assert.equal(globToRegExp(''), null);
    assert.ok(!matchGlob('{unclosed', '/x/unclosed'));
    assert.ok(matchGlob('{unclosed', '/x/{unclosed'));
    assert.doesNotThrow(() => matchGlob('[', '/x/['));
  });
});

describe('document kind', () => {
  test('locations, language ids, content, globs', () => {
    assert.equal(documentKind('/etc/docker/daemon.json', 'json', '{}'), 'daemon-json');
    assert.equal(documentKind('/home/u/.docker/config.json', 'json', '{}'), 'cli-config');
    assert.equal(documentKind('/home/u/project/config.json', 'json', '{"name":"x"}'), undefined);
    assert.equal(documentKind('/home/u/project/settings.json', 'json', '{"proxies":{"default":{}}}'), undefined);
    assert.equal(documentKind('Untitled-1', 'dockerfile', 'FROM a'), 'dockerfile');
    assert.equal(documentKind('/x/proxy.conf', 'systemd-dropin', '[Service]'), 'systemd-dropin');
    assert.equal(documentKind('/x/build/app.docker', 'plaintext', 'FROM a'), undefined);
    assert.equal(documentKind('/x/build/app.docker', 'plaintext', 'FROM a', { dockerfile: ['*.docker'] }), 'dockerfile');
    assert.equal(documentKind('/repo/infra/dockerd.json', 'json', '{}', { daemonJson: ['infra/*.json'] }), 'daemon-json');
  });

  test('uri to path', () => {
    assert.equal(uriToPath('file:///etc/docker/daemon.json'), '/etc/docker/daemon.json');
    assert.equal(uriToPath('file:///c%3A/ProgramData/docker/config/daemon.json'), 'c:/ProgramData/docker/config/daemon.json');
    assert.equal(uriToPath('file:///home/a%20b/.docker/config.json'), '/home/a b/.docker/config.json');
    assert.equal(uriToPath('untitled:Untitled-1'), 'Untitled-1');
    assert.equal(uriToPath('vscode-remote://ssh-remote%2Bhost/etc/docker/daemon.json'), '/etc/docker/daemon.json');
  });
});

describe('settings', () => {
  test('normalise drops bad values and fills defaults', () => {
    assert.deepEqual(normaliseSettings(null), { enable: true, rules: {}, files: {} });
    assert.deepEqual(normaliseSettings({ enable: false, rules: { DJ001: 'OFF', DJ002: 'loud', DJ003: false, DJ004: 3 }, files: { daemonJson: 'a/*.json', cliConfig: [1, '', 'x.json'], bogus: ['y'] } }), {
      enable: false,
      rules: { DJ001: 'off', DJ003: 'off' },
      files: { daemonJson: ['a/*.json'], cliConfig: ['x.json'] },
    });
  });

  test('sectionOf accepts the wrapped and the bare form', () => {
    assert.deepEqual(sectionOf({ dockerProxyDoctor: { enable: false } }, 'dockerProxyDoctor'), { enable: false });
    assert.deepEqual(sectionOf({ rules: {} }, 'dockerProxyDoctor'), { rules: {} });
    assert.equal(sectionOf({ other: 1 }, 'dockerProxyDoctor'), undefined);
    assert.equal(sectionOf(null, 'dockerProxyDoctor'), undefined);
  });
});
