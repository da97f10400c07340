// The pure parts of engine support: recognition from names and daemon answers, Desktop's settings files in both
// casings (and admin-settings.json), OS proxy outputs, .wslconfig, VM engine configs, Windows/macOS path flavours.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { recogniseEngine, kindFromEndpoint, versionAtLeast } from '../../server/src/engine/status/engines/recognise';
import { desktopProxyGuidance, desktopProxyView, parseDesktopSettings } from '../../server/src/engine/status/engines/desktopSettings';
import { parseNetshWinhttp, parseScutilProxy, parseGsettingsProxy, parseRegInternetSettings } from '../../server/src/engine/status/engines/osProxy';
import { parseWslConfig, pickWindowsHome, isWslKernel, wslLoopbackReach } from '../../server/src/engine/status/engines/wsl';
import { parseContainersConf, parseVmYaml, vmConfigPaths } from '../../server/src/engine/status/engines/vmEngines';
import { desktopPaths } from '../../server/src/engine/status/engines/desktopPaths';
import { joinPath, plainText, wslMountPath } from '../../server/src/engine/status/platformPaths';
import { locationsFor } from '../../server/src/engine/status/locations';
import { rootlessLoopbackRoute } from '../../server/src/engine/status/engines/rootlessAdvice';
import { parseDockerInfo } from '../../server/src/engine/status/dockerInfo';

describe('engine recognition', () => {
  const cases: Array<[string, string | undefined, string | undefined, string, string]> = [
    // [case, context, host, platform, kind]
    ['Desktop for Linux/Mac context', 'desktop-linux', 'unix:///Users/alice/.docker/run/docker.sock', 'darwin', 'desktop'],
    ['Desktop for Windows context (named pipe, docker/for-win#12397)', 'desktop-linux', 'npipe:////./pipe/dockerDesktopLinuxEngine', 'win32', 'desktop'],
    ['Desktop Windows containers context', 'desktop-windows', 'npipe:////./pipe/dockerDesktopWindowsEngine', 'win32', 'desktop'],
    ['Desktop for Linux socket without context name', undefined, 'unix:///home/alice/.docker/desktop/docker.sock', 'linux', 'desktop'],
    ['Colima default profile (FAQ socket)', 'colima', 'unix:///Users/bob/.colima/default/docker.sock', 'darwin', 'colima'],
    ['Colima other profile', 'colima-work', 'unix:///Users/bob/.colima/work/docker.sock', 'darwin', 'colima'],
    ['Lima instance socket', undefined, 'unix:///Users/bob/.lima/docker/sock/docker.sock', 'darwin', 'lima'],
    ['Rancher Desktop without admin access', 'rancher-desktop', 'unix:///Users/bob/.rd/docker.sock', 'darwin', 'rancher-desktop'],
    ['Podman machine socket via DOCKER_HOST (containers/podman#16725)', undefined, 'unix:///Users/davidhyc/.local/share/containers/podman/machine/podman-machine-default/podman.sock', 'darwin', 'podman'],
    ['Podman rootless service on Linux', undefined, 'unix:///run/user/1000/podman/podman.sock', 'linux', 'podman'],
    ['rootless Docker socket', undefined, 'unix:///run/user/1000/docker.sock', 'linux', 'engine-rootless'],
    ['remote tcp daemon', 'build-box', 'tcp://10.1.2.3:2376', 'linux', 'remote'],
    ['ssh daemon', 'prod', 'ssh://deploy@build.example.com', 'linux', 'remote'],
  ];
  for (const [name, context, host, platform, kind] of cases) {
    test(name, () => assert.equal(recogniseEngine({ platform, context, host }).kind, kind));
  }
  test('the default socket with no answer: Docker Engine on Linux, Desktop assumed on macOS/Windows', () => {
    assert.equal(recogniseEngine({ platform: 'linux', host: 'unix:///var/run/docker.sock' }).kind, 'engine');
    assert.equal(recogniseEngine({ platform: 'win32', host: 'npipe:////./pipe/docker_engine' }).kind, 'desktop');
    assert.equal(kindFromEndpoint('default', 'npipe:////./pipe/docker_engine', 'win32'), undefined);
  });
  test('Windows docker_engine pipe answered by Rancher Desktop\'s dockerd: the daemon decides', () => {
    const info = parseDockerInfo(JSON.stringify({ ServerVersion: '27.3.1', OperatingSystem: 'Rancher Desktop WSL Distribution', Name: 'x' }))!;
    const r = recogniseEngine({ platform: 'win32', host: 'npipe:////./pipe/docker_engine', context: 'default', info });
    assert.equal(r.kind, 'rancher-desktop');
    assert.equal(r.inVm, true);
  });
  test('Podman answering on /var/run/docker.sock (podman-mac-helper): docker version names Podman Engine', () => {
    const r = recogniseEngine({ platform: 'darwin', host: 'unix:///var/run/docker.sock', context: 'default', server: { components: ['Podman Engine'] } });
    assert.equal(r.kind, 'podman');
  });
  test('Desktop version from docker version Platform.Name', () => {
    const r = recogniseEngine({ platform: 'win32', context: 'desktop-linux', host: 'npipe:////./pipe/dockerDesktopLinuxEngine', server: { platformName: 'Docker Desktop 4.38.0 (181591)' } });
    assert.equal(r.label, 'Docker Desktop 4.38.0');
    assert.equal(r.desktopVersion, '4.38.0');
  });
  test('versionAtLeast', () => {
    assert.equal(versionAtLeast('4.35.0', '4.35'), true);
    assert.equal(versionAtLeast('4.34.9', '4.35'), false);
    assert.equal(versionAtLeast('20.10.0', '20.10'), true);
    assert.equal(versionAtLeast(undefined, '1'), undefined);
  });
});

describe('Docker Desktop settings files', () => {
  test('settings-store.json, PascalCase (4.35 and later)', () => {
    const f = parseDesktopSettings('{\n  "ProxyHTTPMode": "manual",\n  "OverrideProxyHTTP": "http://proxy:3128",\n  "OverrideProxyHTTPS": "http://proxy:3128",\n  "OverrideProxyExclude": "localhost,.corp"\n}\n', '/s', 'settings-store');
    assert.equal(f.proxy?.mode, 'manual');
    assert.deepEqual([f.proxy?.http?.value, f.proxy?.https?.line, f.proxy?.exclude?.value], ['http://proxy:3128', 3, 'localhost,.corp']);
  });
  test('settings.json, camelCase (4.34 and earlier), BOM and CRLF', () => {
    const f = parseDesktopSettings('\uFEFF{\r\n  "proxyHttpMode": "system",\r\n  "overrideProxyHttp": "",\r\n  "containersProxyHttpMode": "manual",\r\n  "containersOverrideProxyHttps": "http://c:8080"\r\n}\r\n', '/s', 'settings');
    assert.equal(f.proxy?.mode, 'system');
    assert.equal(f.containers?.mode, 'manual');
    assert.equal(f.containers?.https?.value, 'http://c:8080');
    assert.equal(f.containers?.https?.line, 4);
  });
  test('Desktop 3.x boolean mode (docker/for-win#9773) and a {"Value": …} entry', () => {
    assert.equal(parseDesktopSettings('{"proxyHttpMode": true, "overrideProxyHttp": "http://p:1"}', '/s', 'settings').proxy?.mode, 'manual');
    assert.equal(parseDesktopSettings('{"ProxyHTTPMode": {"Source": "defaults", "Value": "system"}}', '/s', 'settings-store').proxy?.mode, 'system');
  });
  test('not JSON, binary junk, a JSON array: an error, never a throw', () => {
    assert.match(parseDesktopSettings('{"ProxyHTTPMode": ', '/s', 'settings-store').error!, /not valid JSON/);
    assert.ok(parseDesktopSettings('\u0000\u0001\u0002', '/s', 'settings-store').error);
    assert.equal(parseDesktopSettings('[]', '/s', 'settings-store').error, 'not a JSON object');
  });
  test('admin-settings.json: the example of docs.docker.com configure-json-file (proxy locked to system, containersProxy locked manual)', () => {
    // From https://docs.docker.com/enterprise/security/hardened-desktop/settings-management/configure-json-file/ (proxy part).
    const admin = '{\n  "configurationFileVersion": 2,\n  "exposeDockerAPIOnTCP2375": {\n    "locked": true,\n    "value": false\n  },\n  "proxy": {\n    "locked": true,\n    "mode": "system",\n    "http": "",\n    "https": "",\n    "exclude": [],\n    "windowsDockerdPort": 65000,\n    "enableKerberosNtlm": false,\n    "pac": "",\n    "embeddedPac": ""\n  },\n  "containersProxy": {\n    "locked": true,\n    "mode": "manual",\n    "http": "",\n    "https": "",\n    "exclude": [],\n    "pac":"",\n    "embeddedPac": "",\n    "transparentPorts": ""\n  }\n}\n';
    const a = parseDesktopSettings(admin, '/admin', 'admin-settings');
    assert.equal(a.proxy?.mode, 'system');
    assert.equal(a.proxyLocked, true);
    assert.equal(a.containers?.mode, 'manual');
    const user = parseDesktopSettings('{"ProxyHTTPMode":"manual","OverrideProxyHTTP":"http://mine:1"}', '/user', 'settings-store');
    const view = desktopProxyView([user, a]);
    assert.equal(view.proxy?.mode, 'system'); // locked admin wins
    assert.equal(view.locked, true);
    assert.match(desktopProxyGuidance({}, { locked: true }).steps[0], /locked by your organisation's admin-settings\.json/);
  });
  test('both files present: the new one counts, the old one is named', () => {
    const store = parseDesktopSettings('{"ProxyHTTPMode":"manual","OverrideProxyHTTP":"http://new:1"}', '/store', 'settings-store');
    const legacy = parseDesktopSettings('{"proxyHttpMode":"manual","overrideProxyHttp":"http://old:1"}', '/legacy', 'settings');
    const v = desktopProxyView([store, legacy]);
    assert.equal(v.proxy?.http?.value, 'http://new:1');
    assert.match(v.notes[0], /\/legacy is the file of Desktop 4\.34 and earlier/);
  });
  test('guidance: exact values and where to click', () => {
    const g = desktopProxyGuidance({ http: 'http://proxy.corp:3128', https: 'http://proxy.corp:3128', exclude: 'localhost,.corp' });
    assert.equal(g.where, 'Docker Desktop → Settings → Resources → Proxies');
    assert.deepEqual(g.steps.slice(1, 5), ['Turn on Manual proxy configuration.', 'Web Server (HTTP): http://proxy.corp:3128', 'Secure Web Server (HTTPS): http://proxy.corp:3128', 'Bypass proxy settings for these hosts & domains: localhost,.corp']);
  });
});

describe('OS proxy readers', () => {
  test('scutil --proxy with a PAC URL (httptoolkit/httptoolkit#151)', () => {
    const p = parseScutilProxy('<dictionary> {\n  ProxyAutoConfigEnable : 1\n  ProxyAutoConfigURLString : http://wpad.company.com/wpad.dat\n}\n')!;
    assert.deepEqual([p.enabled, p.pac, p.http], [true, 'http://wpad.company.com/wpad.dat', undefined]);
  });
  test('netsh winhttp: direct access (the sentence quoted in Yvand/EntraCP#20)', () => {
    assert.deepEqual(parseNetshWinhttp('Current WinHTTP proxy Settings: Direct access (no proxy server).'), { source: 'netsh winhttp show proxy', enabled: false });
  });
  test('unknown output is "not understood", never a wrong value', () => {
    assert.equal(parseScutilProxy('scutil: command not found'), undefined);
    assert.equal(parseRegInternetSettings('ERROR: The system was unable to find the specified registry key or value.'), undefined);
    assert.equal(parseNetshWinhttp(''), undefined);
    assert.equal(parseGsettingsProxy('No such schema “org.gnome.system.proxy”'), undefined);
  });
});

describe('WSL', () => {
  test('/proc/version of a WSL 2 kernel', () => {
    assert.equal(isWslKernel('Linux version 5.15.133.1-microsoft-standard-WSL2 (root@1c602f52c2e4) (gcc (GCC) 11.2.0, GNU ld (GNU Binutils) 2.37) #1 SMP Thu Oct 5 21:02:42 UTC 2023'), true);
    assert.equal(isWslKernel('Linux version 6.1.0-18-amd64 (debian-kernel@lists.debian.org)'), false);
  });
  test('.wslconfig: [wsl2] wins over [experimental], CRLF, comments; unset mode is NAT', () => {
    const c = parseWslConfig('# mine\r\n[experimental]\r\nnetworkingMode=nat\r\nautoProxy=false\r\n[wsl2]\r\nnetworkingMode = Mirrored ; inline\r\n', '/w');
    assert.deepEqual([c.networkingMode?.value, c.networkingMode?.line, c.autoProxy?.value], ['mirrored', 5, false]);
    assert.equal(wslLoopbackReach(parseWslConfig('[wsl2]\nmemory=8GB\n', '/w')), 'nat');
    assert.equal(wslLoopbackReach(undefined), 'unknown');
  });
  test('the Windows profile seen from the distro', () => {
    assert.equal(pickWindowsHome(['All Users', 'Default', 'Public', 'desktop.ini', 'Alice'], 'alice'), '/mnt/c/Users/Alice');
    assert.equal(pickWindowsHome(['Public', 'bob'], 'alice'), '/mnt/c/Users/bob');
    assert.equal(pickWindowsHome(['Public', 'bob', 'carol'], 'alice'), undefined);
  });
});

describe('VM engine configs', () => {
  test('colima.yaml: env: and docker: proxies, with lines', () => {
    const f = parseVmYaml('cpu: 2\nenv:\n  HTTPS_PROXY: http://proxy:3128\n  OTHER: x\ndocker:\n  proxies:\n    http-proxy: http://127.0.0.1:9000\n', '/c', 'colima.yaml');
    assert.deepEqual(f.settings.map((s) => [s.name, s.line, s.target]), [['HTTPS_PROXY', 2, 'vm-env'], ['http-proxy', 6, 'vm-daemon-json']]);
  });
  test('Lima override.yaml: propagateProxyEnv false; broken YAML is an error', () => {
    assert.equal(parseVmYaml('propagateProxyEnv: false\n', '/o', 'lima-override.yaml').propagateProxyEnv, false);
    assert.match(parseVmYaml('env: [\n', '/o', 'lima-override.yaml').error!, /not valid YAML/);
  });
  test('containers.conf: [engine] env over several lines, [containers] http_proxy', () => {
    const f = parseContainersConf('[containers]\nhttp_proxy = false\n\n[engine]\nenv = [\n  "https_proxy=http://proxy:3128",\n  "FOO=bar",\n]\n', '/cc');
    assert.equal(f.passHostProxy, false);
    assert.deepEqual(f.settings.map((s) => [s.name, s.value, s.target]), [['https_proxy', 'http://proxy:3128', 'engine-env']]);
  });
  test('where each engine keeps them', () => {
    assert.equal(vmConfigPaths('colima', { home: '/Users/a', env: { COLIMA_HOME: '/opt/colima' }, platform: 'darwin', profile: 'work' })[0].path, '/opt/colima/work/colima.yaml');
    assert.equal(vmConfigPaths('rancher-desktop', { home: '/Users/a', env: {}, platform: 'darwin' })[0].path, '/Users/a/Library/Application Support/rancher-desktop/lima/_config/override.yaml');
    assert.deepEqual(vmConfigPaths('rancher-desktop', { home: 'C:\\Users\\a', env: {}, platform: 'win32' }), []);
  });
});

describe('path flavours', () => {
  test('Windows joins, %APPDATA% and %ProgramData% (case-insensitive names), named pipes untouched', () => {
    assert.equal(joinPath('win32', 'C:\\Users\\a', '.docker/config.json'), 'C:\\Users\\a\\.docker\\config.json');
    const d = desktopPaths('win32', 'C:\\Users\\a', { AppData: 'D:\\Roaming', PROGRAMDATA: 'E:\\PD' });
    assert.equal(d.settings[0].path, 'D:\\Roaming\\Docker\\settings-store.json');
    assert.equal(d.admin[0], 'E:\\PD\\DockerDesktop\\admin-settings.json');
    assert.equal(d.windowsEngineJson, 'E:\\PD\\Docker\\config\\daemon.json');
    const l = locationsFor({ DOCKER_CONFIG: 'C:\\cfg' }, 'C:\\Users\\a', 'win32');
    assert.deepEqual([l.cliConfig, l.daemonJson, l.daemonJsonDesktop], ['C:\\cfg\\config.json', 'C:\\ProgramData\\docker\\config\\daemon.json', 'C:\\Users\\a\\.docker\\daemon.json']);
  });
  test('macOS: the group container and admin paths', () => {
    const d = desktopPaths('darwin', '/Users/a', {});
    assert.deepEqual(d.settings.map((s) => s.path), ['/Users/a/Library/Group Containers/group.com.docker/settings-store.json', '/Users/a/Library/Application Support/Docker/settings-store.json', '/Users/a/Library/Group Containers/group.com.docker/settings.json']);
    assert.equal(d.admin[0], '/Library/Application Support/com.docker.docker/admin-settings.json');
  });
  test('Linux Desktop and WSL mounts; CRLF and BOM made plain', () => {
    assert.equal(desktopPaths('linux', '/home/a', {}).settings[0].path, '/home/a/.docker/desktop/settings-store.json');
    assert.equal(wslMountPath('C:\\Users\\Alice\\.wslconfig'), '/mnt/c/Users/Alice/.wslconfig');
    assert.equal(plainText('\uFEFFa\r\nb\rc'), 'a\nb\nc');
  });
});

describe('rootless loopback route', () => {
  const base = { driverSource: 'x', loopbackSource: 'default (true)', disableHostLoopback: true };
  test('slirp4netns/pasta: 10.0.2.2; VPNKit: 192.168.65.2; lxc-user-nic: no such address', () => {
    assert.match(rootlessLoopbackRoute({ ...base, driver: 'slirp4netns', hostAddress: '10.0.2.2' }, '3128'), /^use http:\/\/10\.0\.2\.2:3128/);
    assert.match(rootlessLoopbackRoute({ ...base, driver: 'vpnkit', hostAddress: '192.168.65.2' }, '3128'), /^use http:\/\/192\.168\.65\.2:3128/);
    assert.match(rootlessLoopbackRoute({ ...base, driver: 'lxc-user-nic' }, '3128'), /no address for the host's loopback/);
  });
  test('an engine older than 26.0 gets no DISABLE_HOST_LOOPBACK advice (moby v26.0.0 release notes)', () => {
    assert.match(rootlessLoopbackRoute({ ...base, driver: 'slirp4netns', hostAddress: '10.0.2.2', loopbackSwitchSupported: false }, '3128'), /always disables host loopback \(DOCKERD_ROOTLESS_ROOTLESSKIT_DISABLE_HOST_LOOPBACK came with Docker Engine 26\.0\)/);
  });
});
