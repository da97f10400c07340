// The engine part of the machine model: which engine, the files each layer of it really reads (and the ones it
// ignores, said so), Docker Desktop's upstream proxy behind its relay, WSL's network mode, a VM engine's proxy
// sources, rootless networking. Raw values stay here; layers and findings mask what they show.
import type { Observations } from '../discover';
import type { EngineObservations } from './discoverEngine';
import type { EngineRecognition } from './recognise';
import { versionAtLeast } from './recognise';
import { desktopProxyView, desktopProxyGuidance, type DesktopProxyGuidance, type DesktopProxyView, type DesktopValue, type DesktopSettingsFile } from './desktopSettings';
import type { OsProxy } from './osProxy';
import { wslLoopbackReach, type WslDistro, type WslProxyReach } from './wsl';
import type { VmConfigFile } from './vmEngines';
import type { LayerId, StatusSource } from '../report';
import { parseUnitFile } from '../../parse/unitFile';
import { LineIndex } from '../../lineIndex';

export interface EngineFileNote {
  layer: LayerId;
  path: string;
  read: boolean;
  /** Why it counts, or why it does not. */
  why: string;
  exists?: boolean;
  /** Why it could not be read, when it exists but was not readable (`permission`, `too-large`). */
  error?: string;
}

export interface ModelledUpstream {
  http?: string;
  https?: string;
  no?: string;
  /** `manual` settings, the OS `system` proxy, `none`, or unknown (system proxy unreadable). */
  from: 'manual' | 'system' | 'none' | 'unknown';
  source: StatusSource;
  /** Always `modelled`: Desktop's own resolution (PAC, 407 prompts) is not reproduced; "Verify with Docker" is the truth. */
  label: 'modelled';
}

export interface RootlessNet {
  driver: string;
  /** Where the driver name comes from, or `default` (slirp4netns when installed). */
  driverSource: string;
  /** DOCKERD_ROOTLESS_ROOTLESSKIT_DISABLE_HOST_LOOPBACK as set (default true). */
  disableHostLoopback: boolean;
  loopbackSource: string;
  /** The host's 127.0.0.1 as the daemon's namespace sees it when host loopback is allowed. */
  hostAddress?: string;
  /** The engine's dockerd-rootless.sh knows DISABLE_HOST_LOOPBACK (Docker Engine 26.0 and later, moby/moby#47352). */
  loopbackSwitchSupported?: boolean;
}

export interface EngineModel {
  recognition: EngineRecognition;
  files: EngineFileNote[];
  desktop?: {
    view: DesktopProxyView;
    files: DesktopSettingsFile[];
    osProxy?: OsProxy;
    osProxyTried: Array<{ command: string; outcome: string }>;
    osProxyNotRead?: string;
    upstream: ModelledUpstream;
    guidance: DesktopProxyGuidance;
    engineJsonPath: string;
    engineJsonHasProxies: boolean;
  };
  wsl?: WslDistro & { reach: WslProxyReach };
  vm: VmConfigFile[];
  vmMissing: string[];
  rootless?: RootlessNet;
}

function src(file: DesktopSettingsFile | undefined, v: DesktopValue | undefined): StatusSource {
  if (!file) return { kind: 'setting', label: 'Docker Desktop default (no settings file found)' };
  return v ? { kind: 'file', label: `${file.path}:${v.line + 1}`, path: file.path, line: v.line } : { kind: 'file', label: file.path, path: file.path };
}

function desktopUpstream(view: DesktopProxyView, os: OsProxy | undefined): ModelledUpstream {
  const p = view.proxy;
  const mode = p?.mode ?? 'system';
  if (mode === 'manual') return { http: p?.http?.value || undefined, https: p?.https?.value || undefined, no: p?.exclude?.value || undefined, from: 'manual', source: src(view.source, p?.http ?? p?.https ?? p?.modeRaw), label: 'modelled' };
  if (mode === 'none') return { from: 'none', source: src(view.source, p?.modeRaw), label: 'modelled' };
  if (mode === 'system' && os) return { http: os.enabled ? os.http : undefined, https: os.enabled ? os.https : undefined, no: os.enabled ? os.exclude : undefined, from: 'system', source: { kind: 'command', label: os.source }, label: 'modelled' };
  return { from: 'unknown', source: src(view.source, p?.modeRaw), label: 'modelled' };
}

/** DOCKERD_ROOTLESS_* from the user unit's environment (systemctl --user show) or the rootless drop-ins. */
function rootlessNet(obs: Observations, engineVersion: string | undefined): RootlessNet {
  const env: Record<string, { value: string; source: string }> = {};
  for (const f of obs.files.filter((x) => x.role === 'dropin-rootless' && x.text !== undefined)) {
    for (const a of parseUnitFile(f.text!, new LineIndex(f.text!)).assignments) {
      for (const w of a.environment ?? []) if (/^DOCKERD_ROOTLESS_/.test(w.name)) env[w.name] = { value: w.value, source: `${f.path}:${w.nameRange.start.line + 1}` };
    }
  }
  for (const e of obs.systemctlUser?.parsed?.environment ?? []) if (/^DOCKERD_ROOTLESS_/.test(e.name)) env[e.name] = { value: e.value, source: 'systemctl --user show docker' };
  const driver = env.DOCKERD_ROOTLESS_ROOTLESSKIT_NET?.value || 'slirp4netns';
  const loop = env.DOCKERD_ROOTLESS_ROOTLESSKIT_DISABLE_HOST_LOOPBACK;
  const disableHostLoopback = loop?.value !== 'false';
  // RootlessKit docs/network.md: slirp4netns and pasta reach the host's loopback at 10.0.2.2, VPNKit at 192.168.65.2,
  // gvisor-tap-vsock at 10.0.2.1; lxc-user-nic has no such address.
  const hostAddress = { slirp4netns: '10.0.2.2', pasta: '10.0.2.2', vpnkit: '192.168.65.2', 'gvisor-tap-vsock': '10.0.2.1' }[driver];
  const major = engineVersion ? Number.parseInt(engineVersion, 10) : undefined;
  return {
    driver,
    driverSource: env.DOCKERD_ROOTLESS_ROOTLESSKIT_NET ? env.DOCKERD_ROOTLESS_ROOTLESSKIT_NET.source : 'default (slirp4netns when installed)',
    disableHostLoopback,
    loopbackSource: loop ? loop.source : 'default (true)',
    hostAddress,
    loopbackSwitchSupported: major === undefined || Number.isNaN(major) ? undefined : versionAtLeast(engineVersion!.replace(/[^\d.].*$/, ''), '26.0'),
  };
}

const HOST_ENGINE = new Set(['engine', 'engine-rootless', 'unknown']);

export function buildEngineModel(obs: Observations, engineVersion: string | undefined): EngineModel | undefined {
  const e: EngineObservations | undefined = obs.engine;
  if (!e) return undefined;
  const r = e.recognition;
  const files: EngineFileNote[] = [];
  const loc = obs.locations;
  const exists = (p: string) => obs.files.some((f) => f.path === p && f.text !== undefined);
  const out: EngineModel = { recognition: r, files, vm: e.vm, vmMissing: e.vmMissing };

  if (r.kind === 'desktop' && e.desktop) {
    const d = e.desktop;
    const view = desktopProxyView(d.files);
    const osProxy = d.osProxy.map((o) => o.parsed).find((p) => p && (p.enabled || p.http || p.https)) ?? d.osProxy.map((o) => o.parsed).find(Boolean);
    const upstream = desktopUpstream(view, osProxy);
    const engineJsonText = d.engineJson.text ?? '';
    out.desktop = {
      view, files: d.files, osProxy, osProxyTried: d.osProxy.map((o) => ({ command: o.command, outcome: o.outcome })), osProxyNotRead: d.osProxyNotRead,
      upstream,
      guidance: desktopProxyGuidance({ http: upstream.http, https: upstream.https, exclude: upstream.no }, { locked: view.locked, desktopVersion: r.desktopVersion }),
      engineJsonPath: d.paths.engineJson,
      engineJsonHasProxies: /"proxies"\s*:/.test(engineJsonText),
    };
    const state = (p: string) => { const r = d.read.find((x) => x.path === p); return { exists: r?.text !== undefined, error: r?.error && r.error !== 'missing' ? r.error : undefined }; };
    for (const s of d.paths.settings) files.push({ layer: 'daemon', path: s.path, read: true, ...state(s.path), why: s.kind === 'settings-store' ? 'Desktop 4.35+ settings (Settings → Resources → Proxies)' : 'Desktop 4.34 and earlier settings' });
    for (const p of d.paths.admin) files.push({ layer: 'daemon', path: p, read: true, ...state(p), why: 'Settings Management (locked settings win over the user\'s)' });
    files.push({ layer: 'daemon', path: d.paths.engineJson, read: true, exists: d.engineJson.text !== undefined, why: 'Desktop\'s "Docker Engine" settings: read by its dockerd, but its "proxies" are ignored' });
    if (d.paths.windowsEngineJson) files.push({ layer: 'daemon', path: d.paths.windowsEngineJson, read: false, why: 'read only in Windows containers mode (dockerd.exe on the host)' });
    for (const p of d.paths.notRead) files.push({ layer: 'daemon', path: p, read: false, exists: exists(p), why: 'Desktop\'s dockerd runs in its VM and never reads this host file' });
  } else if (HOST_ENGINE.has(r.kind)) {
    const rootless = r.kind === 'engine-rootless';
    files.push({ layer: 'daemon', path: rootless ? loc.daemonJsonRootless : loc.daemonJson, read: true, why: rootless ? 'rootless dockerd\'s daemon.json' : 'dockerd\'s daemon.json' });
    files.push({ layer: 'daemon', path: `${rootless ? loc.dropInDirRootless : loc.dropInDir}/*.conf`, read: true, why: rootless ? 'systemctl --user docker.service drop-ins' : 'docker.service drop-ins' });
    files.push({ layer: 'daemon', path: rootless ? loc.daemonJson : loc.daemonJsonRootless, read: false, exists: exists(rootless ? loc.daemonJson : loc.daemonJsonRootless), why: rootless ? 'the rootful daemon\'s file: a rootless dockerd never reads it' : 'a rootless daemon\'s file: this rootful dockerd never reads it' });
    if (rootless) out.rootless = rootlessNet(obs, engineVersion);
  } else {
    // VM engines and remote daemons: dockerd's files are inside the VM or on another machine.
    const where = r.kind === 'remote' ? 'on the daemon\'s machine' : 'inside the VM';
    files.push({ layer: 'daemon', path: loc.daemonJson, read: false, exists: exists(loc.daemonJson), why: `this host's file; the daemon reads the one ${where}` });
    files.push({ layer: 'daemon', path: `${loc.dropInDir}/*.conf`, read: false, why: `this host's drop-ins; the daemon's service runs ${where}` });
    for (const f of e.vm) files.push({ layer: 'daemon', path: f.path, read: true, exists: true, why: f.kind === 'colima.yaml' ? 'Colima profile: env: and docker: (the VM\'s daemon.json) are applied at colima start' : f.kind === 'containers.conf' ? 'Podman\'s containers.conf' : 'Lima override.yaml: env: is written to the VM\'s /etc/environment at start' });
    for (const p of e.vmMissing) files.push({ layer: 'daemon', path: p, read: true, exists: false, why: 'not present' });
  }
  if (e.wsl) out.wsl = { ...e.wsl, reach: wslLoopbackReach(e.wsl.wslconfig) };
  return out;
}
