// Every engine a developer runs, each a recorded machine replayed through the Machine seam: the engine is recognised
// before any layer is judged, each layer lists the files that engine reads (and says so for the ones it ignores),
// Desktop's upstream behind its relay, WSL's mode, VM engines' traps, rootless networking.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { computeStatusModel, computeStatusReport } from '../../server/src/engine/status';
import { probeInputsFromModel } from '../../server/src/engine/probe/inputs';
import type { ProxyStatusReport, StatusLayer } from '../../server/src/engine/status/report';
import { ENGINES_DIR, recordedMachine } from './engine-machines';

async function view(name: string, overrides: Parameters<typeof recordedMachine>[1] = {}): Promise<ProxyStatusReport> {
  return computeStatusReport(recordedMachine(name, overrides), { now: new Date(0) });
}
const layer = (r: ProxyStatusReport, id: StatusLayer['id']) => r.layers.find((l) => l.id === id)!;
const notes = (r: ProxyStatusReport, id: StatusLayer['id']) => layer(r, id).notes.map((n) => n.text);
const ids = (r: ProxyStatusReport) => r.findings.filter((f) => !f.lint).map((f) => f.id).sort();

describe('recorded machines name their public sources', () => {
  for (const name of ['desktop-mac', 'desktop-windows', 'colima', 'rootless', 'engine', 'wsl-desktop']) {
    test(name, () => {
      const spec = JSON.parse(readFileSync(path.join(ENGINES_DIR, name, 'machine.json'), 'utf8')) as { sources: Record<string, string>; commands: Record<string, { file?: string }>; files: Record<string, string> };
      const used = new Set([...Object.values(spec.commands).map((c) => c.file).filter(Boolean), ...Object.values(spec.files)] as string[]);
      for (const f of used) assert.ok(spec.sources[f], `${name}/${f} has no source`);
      for (const s of Object.values(spec.sources)) assert.match(s, /https:\/\/|captured here|recorded earlier|test input|contrib\/dockerd-rootless\.sh/);
    });
  }
});

describe('Docker Desktop on macOS (system mode, PAC)', () => {
  test('recognised from docker info and the desktop-linux context; Desktop files listed, /etc/docker/daemon.json ignored', async () => {
    const r = await view('desktop-mac');
    assert.equal(r.docker.engine?.kind, 'desktop');
    assert.deepEqual(r.docker.engine?.evidence, ['context desktop-linux', 'docker info: OperatingSystem "Docker Desktop"']);
    const d = notes(r, 'daemon');
    assert.ok(d.some((t) => t.startsWith('Reads /Users/alice/Library/Group Containers/group.com.docker/settings-store.json (present)')), d.join('\n'));
    assert.ok(d.some((t) => t.startsWith('Reads /Users/alice/.docker/daemon.json (not present): Desktop\'s "Docker Engine" settings: read by its dockerd, but its "proxies" are ignored')));
    assert.ok(d.some((t) => t.startsWith('Ignores /etc/docker/daemon.json') && t.includes('never reads this host file')));
    assert.ok(d.some((t) => t.startsWith('Reads /Library/Application Support/com.docker.docker/admin-settings.json (not present)')));
  });
  test('mode "system" (the default: no key in settings-store.json) and the Mac\'s PAC from scutil --proxy', async () => {
    const m = recordedMachine('desktop-mac');
    const r = await computeStatusReport(m, { now: new Date(0) });
    assert.ok(m.calls.includes('scutil --proxy'));
    const values = layer(r, 'daemon').values;
    assert.equal(values.find((v) => v.name === 'Desktop proxy mode')?.value, 'system (default)');
    const pac = values.find((v) => v.name === 'system PAC');
    assert.equal(pac?.value, 'http://wpad.company.com/wpad.dat');
    assert.equal(pac?.source.label, 'scutil --proxy');
    assert.ok(notes(r, 'daemon').some((t) => t.startsWith('To change it: Open Docker Desktop → Settings (gear icon) → Resources → Proxies.')));
  });
  test('the builder comes from buildx ls (desktop-linux, docker driver) although buildx inspect was not recorded', async () => {
    const r = await view('desktop-mac');
    assert.match(layer(r, 'builder').summary, /^desktop-linux: docker driver/);
  });
  test('untrusted: no command runs, not even scutil; the view says the system proxy was not read', async () => {
    const m = recordedMachine('desktop-mac');
    const r = await computeStatusReport(m, { trusted: false, now: new Date(0) });
    assert.deepEqual(m.calls, []);
    assert.equal(r.docker.engine?.kind, 'desktop'); // macOS without an answer: Desktop is assumed
    assert.ok(notes(r, 'daemon').some((t) => /could not be read here \(commands are off/.test(t)));
  });
});

describe('Docker Desktop on Windows (manual mode, cleared fields, 127.0.0.1 in the VM)', () => {
  test('Windows paths: %APPDATA% settings read with CRLF, %ProgramData% admin file, named-pipe context', async () => {
    const r = await view('desktop-windows');
    assert.equal(r.docker.engine?.kind, 'desktop');
    assert.equal(r.docker.engine?.label, 'Docker Desktop 4.38.0');
    assert.equal(r.docker.host, 'npipe:////./pipe/dockerDesktopLinuxEngine');
    const d = notes(r, 'daemon');
    assert.ok(d.some((t) => t.startsWith('Reads C:\\Users\\alice\\AppData\\Roaming\\Docker\\settings-store.json (present)')), d.join('\n'));
    assert.ok(d.some((t) => t.startsWith('Reads C:\\ProgramData\\DockerDesktop\\admin-settings.json (not present)')));
    assert.ok(d.some((t) => t.startsWith('Ignores C:\\ProgramData\\Docker\\config\\daemon.json') && t.includes('Windows containers mode')));
    const mode = layer(r, 'daemon').values.find((v) => v.name === 'Desktop proxy mode');
    assert.equal(mode?.value, 'manual');
    assert.equal(mode?.source.label, 'C:\\Users\\alice\\AppData\\Roaming\\Docker\\settings-store.json:2');
    assert.ok(d.includes('Manual proxy configuration with no address: Desktop connects directly.'));
  });
  test('EN004: docker info shows 127.0.0.1:7890 inside Desktop\'s VM', async () => {
    const r = await view('desktop-windows');
    assert.deepEqual(ids(r), ['EN004', 'SV001', 'SV009']); // SV001: buildx's token fetch still needs the shell's proxy
    const f = r.findings.find((x) => x.id === 'EN004')!;
    assert.equal(f.severity, 'error');
    assert.match(f.message, /127\.0\.0\.1:7890: 127\.0\.0\.1 there is the VM/);
    assert.match(f.action!, /Settings → Resources → Proxies: Manual proxy configuration/);
  });
  test('no OS proxy command runs in manual mode', async () => {
    const m = recordedMachine('desktop-windows');
    await computeStatusReport(m, { now: new Date(0) });
    assert.ok(!m.calls.some((c) => c.startsWith('reg ') || c.startsWith('netsh ')), m.calls.join('\n'));
  });
});

describe('Colima (a stale proxy copied into the VM)', () => {
  test('recognised from the colima context; host daemon files ignored; EN001 names the restart', async () => {
    const r = await view('colima');
    assert.equal(r.docker.engine?.kind, 'colima');
    assert.equal(r.docker.engine?.label, 'Colima (profile default)');
    const d = notes(r, 'daemon');
    assert.ok(d.some((t) => t.startsWith('Ignores /etc/docker/daemon.json') && t.includes('inside the VM')), d.join('\n'));
    assert.ok(d.some((t) => t.startsWith('Reads /Users/adrian.galera/.colima/default/colima.yaml (not present)')));
    assert.ok(!d.includes('No daemon.json and no docker.service drop-in found.'));
    assert.deepEqual(ids(r), ['EN001', 'SV001']);
    const f = r.findings.find((x) => x.id === 'EN001')!;
    assert.match(f.message, /HTTPS_PROXY http:\/\/192\.168\.8\.231:8100, but this shell has none/);
    assert.match(f.action!, /colima stop && colima start/);
  });
  test('negative: the same VM proxy in this shell (as 127.0.0.1, which Colima rewrites) is not stale', async () => {
    const r = await view('colima', { env: { HOME: '/Users/adrian.galera', HTTPS_PROXY: 'http://192.168.8.231:8100', HTTP_PROXY: 'http://192.168.8.231:8100' } });
    assert.deepEqual(ids(r), []);
  });
  test('negative: the proxy set in colima.yaml env: is not stale either', async () => {
    const r = await view('colima', { files: { '/Users/adrian.galera/.colima/default/colima.yaml': 'env:\r\n  HTTPS_PROXY: http://192.168.8.231:8100\r\n  HTTP_PROXY: http://192.168.8.231:8100\r\n' } });
    assert.deepEqual(ids(r), ['SV001']); // the shell still lacks the proxy buildx needs, but the VM's is not stale
    assert.ok(layer(r, 'daemon').values.some((v) => v.name === 'HTTPS_PROXY' && v.source.label === '/Users/adrian.galera/.colima/default/colima.yaml:2'));
  });
  test('EN002: colima.yaml docker: proxies on 127.0.0.1 go unchanged into the VM\'s daemon.json', async () => {
    const yaml = 'runtime: docker\ndocker:\n  proxies:\n    http-proxy: http://127.0.0.1:9000\n    https-proxy: http://127.0.0.1:9000\n    no-proxy: localhost\n';
    const r = await view('colima', { files: { '/Users/adrian.galera/.colima/default/colima.yaml': yaml } });
    const en2 = r.findings.filter((f) => f.id === 'EN002');
    assert.equal(en2.length, 2);
    assert.equal(en2[0].source?.label, '/Users/adrian.galera/.colima/default/colima.yaml:4');
    assert.match(en2[0].action!, /use http:\/\/192\.168\.5\.2:9000, then colima stop && colima start/);
  });
});

describe('Rootless Docker Engine (pasta, loopback proxy)', () => {
  test('rootless files read, rootful ones ignored; network driver and host loopback from the user drop-in', async () => {
    const r = await view('rootless');
    assert.equal(r.docker.engine?.kind, 'engine-rootless');
    const d = notes(r, 'daemon');
    assert.ok(d.some((t) => t.startsWith('Reads /home/alice/.config/docker/daemon.json')), d.join('\n'));
    assert.ok(d.some((t) => t.startsWith('Ignores /etc/docker/daemon.json (not present): the rootful daemon\'s file')));
    assert.ok(d.some((t) => t.startsWith('Rootless network driver: pasta (/home/alice/.config/systemd/user/docker.service.d/override.conf:2); host loopback disabled')));
  });
  test('DJ013 gives the route for this driver and engine version: 10.0.2.2 and DISABLE_HOST_LOOPBACK=false', async () => {
    const r = await view('rootless');
    const dj13 = r.findings.filter((f) => f.id === 'DJ013');
    assert.ok(dj13.length > 0);
    assert.match(dj13[0].action!, /^use http:\/\/10\.0\.2\.2:3128 \(the host's 127\.0\.0\.1 as pasta sees it\) and allow host loopback: set Environment="DOCKERD_ROOTLESS_ROOTLESSKIT_DISABLE_HOST_LOOPBACK=false"/);
  });
  test('host loopback already allowed: the advice is just the address', async () => {
    const dropIn = '[Service]\nEnvironment="DOCKERD_ROOTLESS_ROOTLESSKIT_DISABLE_HOST_LOOPBACK=false"\n';
    const r = await view('rootless', { files: { '/home/alice/.config/systemd/user/docker.service.d/override.conf': dropIn } });
    assert.match(r.findings.find((f) => f.id === 'DJ013')!.action!, /^host loopback is allowed .*: use http:\/\/10\.0\.2\.2:3128 \(slirp4netns\)$/);
  });
});

describe('Docker Engine (rootful)', () => {
  test('its daemon.json and drop-ins are read; the rootless location is named as ignored', async () => {
    const r = await view('engine');
    assert.equal(r.docker.engine?.kind, 'engine');
    const d = notes(r, 'daemon');
    assert.ok(d.some((t) => t.startsWith('Reads /etc/docker/daemon.json: dockerd\'s daemon.json')), d.join('\n'));
    assert.ok(d.some((t) => t.startsWith('Ignores /home/alice/.config/docker/daemon.json (not present)')));
    assert.ok(layer(r, 'daemon').values.some((v) => v.source.label === '/etc/docker/daemon.json:3'));
  });
});

describe('WSL 2 distro with Docker Desktop integration', () => {
  test('the distro, .wslconfig (CRLF, [experimental] keys) and Desktop\'s files through /mnt/c', async () => {
    const r = await view('wsl-desktop');
    assert.equal(r.docker.engine?.kind, 'desktop');
    const shell = notes(r, 'cli-shell');
    assert.ok(shell.some((t) => t.startsWith('WSL distro Ubuntu (WSL_DISTRO_NAME=Ubuntu); networkingMode mirrored, autoProxy true.')), shell.join('\n'));
    assert.ok(notes(r, 'client-config').some((t) => t.startsWith('Each WSL distro has its own ~/.docker/config.json')));
    const d = notes(r, 'daemon');
    assert.ok(d.some((t) => t.startsWith('Reads /mnt/c/Users/alice/AppData/Roaming/Docker/settings-store.json (present)')), d.join('\n'));
    assert.ok(d.some((t) => /its system proxy cannot be read from inside the WSL distro/.test(t)));
    assert.ok(d.some((t) => t.startsWith('docker info shows http.docker.internal:3128: Desktop\'s own relay')));
    assert.deepEqual(ids(r), ['SV009']);
  });
  test('EN003: NAT mode (no networkingMode) and a loopback proxy in the distro', async () => {
    const r = await view('wsl-desktop', {
      env: { HOME: '/home/alice', USER: 'alice', WSL_DISTRO_NAME: 'Ubuntu', HTTPS_PROXY: 'http://127.0.0.1:7890' },
      files: { '/mnt/c/Users/alice/.wslconfig': '[wsl2]\r\nmemory=8GB\r\n' },
    });
    const f = r.findings.find((x) => x.id === 'EN003');
    assert.ok(f, ids(r).join());
    assert.match(f!.action!, /networkingMode=mirrored under \[wsl2\] in \/mnt\/c\/Users\/alice\/\.wslconfig, then run wsl --shutdown/);
  });
  test('negative: mirrored mode and the same loopback proxy: no EN003', async () => {
    const r = await view('wsl-desktop', { env: { HOME: '/home/alice', USER: 'alice', WSL_DISTRO_NAME: 'Ubuntu', HTTPS_PROXY: 'http://127.0.0.1:7890' } });
    assert.ok(!ids(r).includes('EN003'));
  });
});

describe('every recorded machine: masked, no crash', () => {
  test('a password in Desktop\'s manual settings never shows', async () => {
    const store = '{"ProxyHTTPMode":"manual","OverrideProxyHTTP":"http://bob:s3cretpw@proxy.corp.example:3128","OverrideProxyHTTPS":"http://bob:s3cretpw@proxy.corp.example:3128","OverrideProxyExclude":"localhost,.corp.example"}';
    const r = await view('desktop-mac', { files: { '/Users/alice/Library/Group Containers/group.com.docker/settings-store.json': store } });
    const text = JSON.stringify(r);
    assert.doesNotMatch(text, /s3cretpw/);
    const v = layer(r, 'daemon').values.find((x) => x.name === 'OverrideProxyHTTPS');
    assert.equal(v?.value, 'http://xxxxx:xxxxx@proxy.corp.example:3128');
    assert.equal(v?.source.label, '/Users/alice/Library/Group Containers/group.com.docker/settings-store.json:1');
    assert.ok(notes(r, 'daemon').some((t) => t.includes('Web Server (HTTP): http://xxxxx:xxxxx@proxy.corp.example:3128')));
  });
});

describe('unreadable and broken Desktop files', () => {
  test('a settings file that cannot be read is said so, not "not present"; broken JSON is named, never thrown', async () => {
    const base = recordedMachine('desktop-mac', { files: { '/Users/alice/Library/Group Containers/group.com.docker/settings.json': '{"proxyHttpMode": "manual", ' } });
    const store = '/Users/alice/Library/Group Containers/group.com.docker/settings-store.json';
    const m = { ...base, readFile: async (p: string) => (p === store ? undefined : base.readFile(p)), readError: (p: string) => (p === store ? 'permission' : base.readError!(p)) };
    const r = await computeStatusReport(m, { now: new Date(0) });
    const d = notes(r, 'daemon');
    assert.ok(d.includes(`${store}: could not be read (permission): Desktop 4.35+ settings (Settings → Resources → Proxies).`), d.join('\n'));
    assert.ok(d.some((t) => /settings\.json: not valid JSON .*Desktop's own reading of it is unknown/.test(t)), d.join('\n'));
  });
});

describe('the connectivity test probes Desktop\'s upstream, not its relay', () => {
  test('manual mode: the daemon layer\'s input is the upstream from settings-store.json, from this host, labelled modelled', async () => {
    const store = '{"ProxyHTTPMode":"manual","OverrideProxyHTTP":"http://proxy.corp.example:3128","OverrideProxyHTTPS":"http://proxy.corp.example:3129","OverrideProxyExclude":"localhost,.corp.example"}';
    const machine = recordedMachine('desktop-mac', { files: { '/Users/alice/Library/Group Containers/group.com.docker/settings-store.json': store } });
    const model = await computeStatusModel(machine, { now: new Date(0) });
    const daemon = probeInputsFromModel(model).layers.find((l) => l.layer === 'daemon');
    assert.ok(daemon, 'the daemon layer is probed');
    assert.equal(daemon.env.HTTPS_PROXY, 'http://proxy.corp.example:3129');
    assert.equal(daemon.env.HTTP_PROXY, 'http://proxy.corp.example:3128');
    assert.equal(daemon.env.NO_PROXY, 'localhost,.corp.example');
    assert.equal(daemon.namespace, 'host');
    assert.ok(!daemon.desktop, 'not skipped as "only Docker can test it"');
    assert.match(daemon.modelled ?? '', /upstream/);
    assert.doesNotMatch(JSON.stringify(daemon.env), /docker\.internal/);
  });

});
