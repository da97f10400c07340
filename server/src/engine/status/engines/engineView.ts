// What the engine adds to each layer of the view: the engine and why we think so, the files it reads and the ones
// it ignores, Docker Desktop's upstream proxy behind http.docker.internal:3128 (masked, with its file and line), the
// OS proxy in "system" mode, a VM engine's proxy sources, WSL's network mode, rootless networking.
import type { StatusModel } from '../statusModel';
import type { StatusLayer, StatusNote } from '../report';
import { makeValue, note } from '../layers/layerParts';
import { LIMA_HOST_ADDRESS } from './vmEngines';

function fileNote(layer: StatusLayer, f: { path: string; read: boolean; why: string; exists?: boolean; error?: string }): void {
  if (f.error) {
    layer.notes.push(note(`${f.path}: could not be read (${f.error}): ${f.why}.`, 'unknown', { kind: 'file', label: f.path, path: f.path }));
    return;
  }
  const state = f.exists === undefined ? '' : f.exists ? ' (present)' : ' (not present)';
  const text = f.read ? `Reads ${f.path}${state}: ${f.why}.` : `Ignores ${f.path}${state}: ${f.why}.`;
  layer.notes.push(note(text, 'ok', f.exists && !f.path.endsWith('/') && !f.path.includes('*') ? { kind: 'file', label: f.path, path: f.path } : undefined));
}

export function addEngineView(model: StatusModel, layers: StatusLayer[]): void {
  const e = model.engine;
  if (!e) return;
  const layer = (id: StatusLayer['id']) => layers.find((l) => l.id === id)!;
  const daemon = layer('daemon');
  const r = e.recognition;
  const engineNote: StatusNote = note(`Engine: ${r.label}${r.unconfirmed ? ' (not confirmed: the daemon did not answer)' : ''}, from ${r.evidence.join('; ') || 'no evidence'}.`, 'ok');
  daemon.notes.unshift(engineNote);
  for (const f of e.files) fileNote(daemon, f);

  if (e.desktop) {
    const d = e.desktop;
    const p = d.view.proxy;
    const s = d.view.source;
    const at = (v?: { line: number }) => (s ? { kind: 'file' as const, label: v ? `${s.path}:${v.line + 1}` : s.path, path: s.path, line: v?.line } : { kind: 'setting' as const, label: 'Docker Desktop default' });
    daemon.values.push(makeValue('Desktop proxy mode', 'other', p?.modeRaw?.value ?? `${p?.mode ?? 'system'} (default)`, at(p?.modeRaw), { note: `${d.view.locked ? 'locked by admin-settings.json; ' : ''}Settings → Resources → Proxies` }));
    const up = d.upstream;
    const upNote = 'upstream behind http.docker.internal:3128 (modelled: Desktop forwards the daemon\'s requests to it)';
    if (up.from === 'manual') {
      if (p?.http?.value) daemon.values.push(makeValue(p.http.key, 'http', p.http.value, at(p.http), { note: upNote }));
      if (p?.https?.value) daemon.values.push(makeValue(p.https.key, 'https', p.https.value, at(p.https), { note: upNote }));
      if (p?.exclude?.value) daemon.values.push(makeValue(p.exclude.key, 'no', p.exclude.value, at(p.exclude), { note: 'bypass list of the upstream proxy' }));
      if (!p?.http?.value && !p?.https?.value) daemon.notes.push(note('Manual proxy configuration with no address: Desktop connects directly.', 'ok'));
    } else if (up.from === 'system' && d.osProxy) {
      const os = d.osProxy;
      const label = { kind: 'command' as const, label: os.source };
      if (!os.enabled) daemon.notes.push(note(`System proxy (${os.source}): none set, so Desktop connects directly.`, 'ok', label));
      if (os.enabled && os.http) daemon.values.push(makeValue('system HTTP proxy', 'http', os.http, label, { note: upNote }));
      if (os.enabled && os.https) daemon.values.push(makeValue('system HTTPS proxy', 'https', os.https, label, { note: upNote }));
      if (os.enabled && os.exclude) daemon.values.push(makeValue('system bypass list', 'no', os.exclude, label, { note: 'bypass list of the OS proxy' }));
      if (os.pac) daemon.values.push(makeValue('system PAC', 'other', os.pac, label, { note: 'a PAC file: its rules are not evaluated here; "Verify with Docker" is the truth' }));
    } else if (up.from === 'system' || up.from === 'unknown') {
      const why = d.osProxyNotRead ?? (d.osProxyTried.length ? d.osProxyTried.map((t) => `${t.command}: ${t.outcome}`).join('; ') : 'not asked');
      daemon.notes.push(note(`Mode "system": Desktop uses the operating system's proxy, which could not be read here (${why}).`, 'unknown'));
    } else if (up.from === 'none') {
      daemon.notes.push(note('Mode "no proxy": Desktop connects directly.', 'ok'));
    }
    const c = d.view.containers;
    if (c) {
      const cs = d.view.containersSource!;
      const cat = (v?: { line: number }) => ({ kind: 'file' as const, label: v ? `${cs.path}:${v.line + 1}` : cs.path, path: cs.path, line: v?.line });
      layer('client-config').values.push(makeValue('Desktop containers proxy mode', 'other', c.modeRaw?.value ?? c.mode, cat(c.modeRaw), { note: 'Docker Desktop containers proxy (outbound traffic of running containers)' }));
      if (c.http?.value) layer('client-config').values.push(makeValue(c.http.key, 'http', c.http.value, cat(c.http), { note: 'Docker Desktop containers proxy' }));
      if (c.https?.value) layer('client-config').values.push(makeValue(c.https.key, 'https', c.https.value, cat(c.https), { note: 'Docker Desktop containers proxy' }));
      if (c.exclude?.value) layer('client-config').values.push(makeValue(c.exclude.key, 'no', c.exclude.value, cat(c.exclude), { note: 'Docker Desktop containers proxy bypass list' }));
    }
    for (const n of d.view.notes) daemon.notes.push(note(n, 'unknown'));
    if (model.effective && /http\.docker\.internal/.test(`${model.effective.http} ${model.effective.https}`)) {
      daemon.notes.push(note('docker info shows http.docker.internal:3128: Desktop\'s own relay, the same whatever the settings say; the values above are what it forwards to.', 'ok'));
    }
    daemon.notes.push(note(`To change it: ${d.guidance.steps.join(' ')}`, 'ok'));
  }

  for (const f of e.vm) {
    const src = (line: number) => ({ kind: 'file' as const, label: `${f.path}:${line + 1}`, path: f.path, line });
    if (f.error) daemon.notes.push(note(`${f.path}: ${f.error}`, 'warning', { kind: 'file', label: f.path, path: f.path }));
    for (const s of f.settings) {
      const target = s.target === 'vm-daemon-json' ? 'written as-is into the VM\'s /etc/docker/daemon.json' : s.target === 'vm-env' ? 'set in the VM\'s environment at start' : s.target === 'engine-env' ? 'the engine\'s environment' : 'passed into containers';
      daemon.values.push(makeValue(s.name, s.name.replace(/-proxy$/, '').replace(/_proxy$/i, '').toLowerCase(), s.value, src(s.line), { note: target }));
    }
    if (f.propagateProxyEnv === false) daemon.notes.push(note('propagateProxyEnv: false: the shell\'s proxy is not copied into the VM at start.', 'ok'));
  }
  if (r.kind === 'colima' || r.kind === 'lima' || (r.kind === 'rancher-desktop' && model.obs.platform !== 'win32')) {
    daemon.notes.push(note(`The VM's dockerd takes its proxy from the VM's environment, copied at start from the shell that ran ${r.kind === 'colima' ? '`colima start`' : r.kind === 'lima' ? '`limactl start`' : 'Rancher Desktop'} (127.0.0.1/localhost rewritten to ${LIMA_HOST_ADDRESS}) and from env: in its YAML; change either, then restart the VM.`, 'ok'));
  }
  if (r.kind === 'rancher-desktop' && model.obs.platform === 'win32') daemon.notes.push(note('Rancher Desktop on Windows: set the proxy in Preferences → WSL → Proxy.', 'ok'));
  if (r.kind === 'podman') {
    daemon.notes.push(note(`Podman: ${model.obs.platform === 'linux' ? 'the podman service takes its proxy from its environment and containers.conf [engine] env' : 'the machine copies the proxy variables of the shell that ran `podman machine start` into the VM (at every start)'}; containers get the host's proxy variables when containers.conf [containers] http_proxy is true (the default).`, 'ok'));
  }

  if (e.rootless) {
    const rl = e.rootless;
    daemon.notes.push(note(`Rootless network driver: ${rl.driver} (${rl.driverSource}); host loopback ${rl.disableHostLoopback ? 'disabled' : 'allowed'} (DOCKERD_ROOTLESS_ROOTLESSKIT_DISABLE_HOST_LOOPBACK, ${rl.loopbackSource})${rl.hostAddress ? `; the host's 127.0.0.1 is ${rl.hostAddress} from the daemon when host loopback is allowed` : ''}.`, 'ok'));
  }

  if (e.wsl) {
    const w = e.wsl;
    const cfg = w.wslconfig;
    const mode = cfg?.networkingMode?.value ?? (cfg && !cfg.error ? 'nat (default)' : 'unknown');
    const src = cfg && !cfg.error ? { kind: 'file' as const, label: cfg.path, path: cfg.path, line: cfg.networkingMode?.line } : undefined;
    const shell = layer('cli-shell');
    shell.notes.push(note(`WSL distro${w.name ? ` ${w.name}` : ''} (${w.why}); networkingMode ${mode}${cfg?.autoProxy ? `, autoProxy ${cfg.autoProxy.value}` : ''}${cfg?.error ? ` (${cfg.path}: ${cfg.error})` : w.windowsHome ? '' : ' (Windows profile not found under /mnt/c/Users)'}.`, 'ok', src));
    if (w.reach === 'nat') shell.notes.push(note('NAT mode: a proxy listening on Windows\' 127.0.0.1 is not this distro\'s 127.0.0.1 (WSL does not mirror a localhost proxy in NAT mode); use networkingMode=mirrored or the proxy\'s LAN address.', 'ok'));
    layer('client-config').notes.push(note('Each WSL distro has its own ~/.docker/config.json: this is the one of this distro, not Windows\' %USERPROFILE%\\.docker\\config.json.', 'ok'));
  }
}
