// Issue 5 item 2: template placeholders are unknown values. URL-shape and NO_PROXY value rules stay silent on them,
// structural rules still apply, and template file names are linted as the file they render.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { detectKind, type Finding } from '../../server/src/engine';
import { hasPlaceholder } from '../../server/src/engine/proxy/placeholder';
import { lintAs } from './helpers';

const PLACEHOLDERS = ['${PROXY}', '$PROXY', '{{ proxy_url }}', '{{ .Proxy }}', '<%= @proxy %>', '%PROXY%', '@PROXY@', '<proxy-host>', 'http://{{ proxy_host }}:{{ proxy_port }}', 'http://<proxy-host>:<port>'];
const loud = (findings: Finding[]) => findings.filter((f) => f.severity !== 'info').map((f) => `${f.ruleId}: ${f.message}`);

describe('template placeholders', () => {
  test('recognised, and ordinary values are not placeholders', () => {
    for (const p of PLACEHOLDERS) assert.ok(hasPlaceholder(p), p);
    for (const v of ['http://proxy.corp:3128', 'http://u:p%40ss@proxy:3128', 'http://user@proxy:3128', 'localhost,127.0.0.1', 'http://a%5Cb:c@p:1']) assert.ok(!hasPlaceholder(v), v);
  });

  test('daemon.json: no URL or NO_PROXY finding on a placeholder', () => {
    for (const p of PLACEHOLDERS) {
      const text = JSON.stringify({ proxies: { 'http-proxy': p, 'https-proxy': p, 'no-proxy': `localhost,${p}` } }, null, 2);
      assert.deepEqual(loud(lintAs('daemon-json', text)), [], p);
    }
  });

  test('config.json, drop-in and Dockerfile: the same', () => {
    for (const p of PLACEHOLDERS) {
      const cc = JSON.stringify({ proxies: { default: { httpProxy: p, httpsProxy: p, noProxy: `localhost,127.0.0.1,${p}` } } });
      assert.deepEqual(loud(lintAs('cli-config', cc)), [], p);
      const sv = `[Service]\nEnvironment="HTTP_PROXY=${p}"\nEnvironment="HTTPS_PROXY=${p}"\nEnvironment="NO_PROXY={{ no_proxy }}"\n`;
      assert.deepEqual(loud(lintAs('systemd-dropin', sv, '/srv/roles/docker/templates/http-proxy.conf.j2')).filter((m) => !m.startsWith('SV017')), [], p);
    }
  });

  test('structural rules still apply to templates', () => {
    const clientShape = '{\n  "proxies": {\n    "default": {\n      "httpProxy": "{{ proxy }}"\n    }\n  }\n}\n';
    assert.ok(lintAs('daemon-json', clientShape).some((f) => f.ruleId === 'DJ003'));
    const onlyHttp = '{\n  "proxies": {\n    "http-proxy": "${PROXY}",\n    "no-proxy": "localhost"\n  }\n}\n';
    assert.ok(lintAs('daemon-json', onlyHttp).some((f) => f.ruleId === 'DJ005'));
    assert.ok(lintAs('dockerfile', 'FROM alpine\nENV http_proxy={{ proxy }}\n').some((f) => f.ruleId === 'DF001'));
  });

  test('template syntax outside strings is information in a template, an error elsewhere', () => {
    const text = '{\n  "proxies": {\n    "http-proxy": {{ proxy | to_json }},\n    "https-proxy": {{ proxy | to_json }}\n  }\n}\n';
    const templ = lintAs('daemon-json', text, '/srv/roles/docker/templates/daemon.json.j2').filter((f) => f.ruleId === 'PD002');
    assert.deepEqual(templ.map((f) => f.severity), ['info']);
    assert.equal(lintAs('daemon-json', text).find((f) => f.ruleId === 'PD002')?.severity, 'error');
  });

  test('template file names get the kind of the file they render', () => {
    assert.equal(detectKind('/srv/roles/docker/templates/daemon.json.j2', '{"proxies":{"http-proxy":"{{ p }}"}}'), 'daemon-json');
    assert.equal(detectKind('/srv/templates/daemon.json.tmpl', '{"registry-mirrors":[]}'), 'daemon-json');
    assert.equal(detectKind('/srv/files/config.json.erb', '{"proxies":{"default":{"httpProxy":"<%= @p %>"}}}'), 'cli-config');
    assert.equal(detectKind('/srv/etc/systemd/system/docker.service.d/http-proxy.conf.tpl', ''), 'systemd-dropin');
    assert.equal(detectKind('/srv/roles/docker/templates/docker-proxy.conf.j2', '[Service]\nEnvironment="HTTP_PROXY={{ proxy }}"\n'), 'systemd-dropin');
    assert.equal(detectKind('/srv/templates/Dockerfile.j2', 'FROM {{ base }}\n'), 'dockerfile');
    assert.equal(detectKind('/srv/templates/nginx.conf.j2', '[Service]\nExecStart=/bin/true\n'), undefined);
    assert.equal(detectKind('/srv/templates/settings.json.j2', '{"proxies":{}}'), undefined);
  });
});
