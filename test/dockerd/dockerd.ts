// Starting and stopping a throw-away dockerd 26 (from .ci/cache/docker-trixie) for the status tests: its own data,
// exec root and unix socket under a scratch directory, no iptables, no bridge, vfs storage. Stopped by its PID.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..', '..'); // out/test/dockerd -> repository root
export const DOCKERD = path.resolve(ROOT, process.env.DOCKERD || '.ci/cache/docker-trixie/usr/sbin/dockerd');
export const BUILDX_PLUGIN = path.resolve(path.dirname(DOCKERD), '..', 'libexec/docker/cli-plugins/docker-buildx');

/** PATH with dockerd's own directories first (docker-proxy, and trixie's docker CLI where the machine has none). */
export function dockerPath(): string {
  const bin = path.dirname(DOCKERD);
  return [bin, path.resolve(bin, '..', 'bin'), process.env.PATH ?? ''].join(path.delimiter);
}

/** The environment without any proxy variable of the caller's, plus `extra`. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(https?|no|all|ftp)_proxy$/i.test(k)) env[k] = v;
  return { ...env, PATH: dockerPath(), ...extra };
}

export interface Daemon { proc: ChildProcess; dir: string; sock: string; log: string[] }
const live = new Set<ChildProcess>();
process.on('exit', () => { for (const p of live) try { p.kill('SIGKILL'); } catch { /* already gone */ } });

export async function startDaemon(configFile: string, env: Record<string, string> = {}): Promise<Daemon> {
  const base = process.env.RUN_DIR && fs.existsSync(process.env.RUN_DIR) ? process.env.RUN_DIR : os.tmpdir();
  const dir = fs.mkdtempSync(path.join(base, 'ds-')); // short: unix socket paths are limited to 107 bytes
  const sock = path.join(dir, 'd.sock');
  const args = [
    '--iptables=false', '--ip6tables=false', '--bridge=none', '--storage-driver=vfs',
    '--data-root', path.join(dir, 'data'), '--exec-root', path.join(dir, 'exec'),
    '--pidfile', path.join(dir, 'd.pid'), '--host', `unix://${sock}`, '--config-file', configFile,
  ];
  const proc = spawn(DOCKERD, args, { env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(proc);
  const daemon: Daemon = { proc, dir, sock, log: [] };
  await new Promise<void>((resolve, reject) => {
    let buf = '';
    // Failure guard only: readiness is the "API listen on" log line.
    const timer = setTimeout(() => reject(new Error(`dockerd not ready after 90 s:\n${daemon.log.slice(-15).join('\n')}`)), 90_000);
    const onData = (d: Buffer) => {
      buf += d.toString();
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i); buf = buf.slice(i + 1);
        daemon.log.push(line);
        if (line.includes('API listen on') && line.includes(sock)) { clearTimeout(timer); resolve(); }
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.once('error', (e) => { clearTimeout(timer); reject(e); });
    proc.once('exit', (code, sig) => { clearTimeout(timer); reject(new Error(`dockerd exited before it was ready (code ${code}, signal ${sig}):\n${daemon.log.slice(-15).join('\n')}`)); });
  });
  return daemon;
}

export async function stopDaemon(d: Daemon): Promise<void> {
  const { proc } = d;
  if (proc.exitCode === null && proc.signalCode === null) {
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = await Promise.race([exited.then(() => false), new Promise<boolean>((r) => { timer = setTimeout(() => r(true), 30_000); })]);
    clearTimeout(timer);
    if (gaveUp) {
      const pidFile = path.join(d.dir, 'exec', 'containerd', 'containerd.pid');
      const ctrPid = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8').trim()) : 0;
      proc.kill('SIGKILL');
      if (ctrPid > 1) try { process.kill(ctrPid, 'SIGKILL'); } catch { /* gone */ }
      await exited;
      live.delete(proc);
      throw new Error('dockerd did not exit within 30 s of SIGTERM (killed)');
    }
  }
  live.delete(proc);
  fs.rmSync(d.dir, { recursive: true, force: true });
}
