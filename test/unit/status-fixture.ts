// A fixture Machine for the status engine: files from a map, commands answered from recorded outputs. This is the
// engine's injected seam (engine/machine.ts), not a fake of Docker: the recordings under test/fixtures/status/ are
// real `docker`/`buildx` outputs (or written after them), and test/dockerd/status.test.ts runs the same engine
// against a real dockerd.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ExecResult, Machine } from '../../server/src/engine/machine';

export type Reply = { stdout?: string; stderr?: string; exitCode?: number } | 'timeout' | 'not-found' | 'permission';

export interface Fixture {
  env?: Record<string, string>;
  home?: string;
  platform?: string;
  files?: Record<string, string>;
  /** Paths whose read fails with permission denied. */
  unreadable?: string[];
  /** /run/systemd/system exists. */
  systemd?: boolean;
  /** `file arg arg …` → reply. Anything not listed is "not found" (the program is not installed). */
  commands?: Record<string, Reply>;
}

export interface FixtureMachine extends Machine {
  calls: string[];
}

const RECORDINGS = path.resolve(__dirname, '../../../test/fixtures/status');
export function recording(name: string): string {
  return readFileSync(path.join(RECORDINGS, name), 'utf8');
}

/** Keys of the commands the discovery runs, for building fixtures. */
export const CMD = {
  info: "docker info --format {{json .}}",
  version: "docker version --format {{json .Server}}",
  contextInspect: 'docker context inspect',
  contextLs: "docker context ls --format {{json .}}",
  buildxLs: 'docker buildx ls',
  buildxInspect: 'docker buildx inspect',
  systemctl: 'systemctl show --property=Environment --property=ExecStart --property=FragmentPath --property=DropInPaths docker',
  systemctlUser: 'systemctl --user show --property=Environment --property=ExecStart --property=FragmentPath --property=DropInPaths docker',
  inspect: (container: string) => `docker inspect ${container}`,
  loginShell: '/bin/bash -l -i -c env',
} as const;

export const DEFAULT_CONTEXT = JSON.stringify([{ Name: 'default', Metadata: {}, Endpoints: { docker: { Host: 'unix:///var/run/docker.sock', SkipTLSVerify: false } }, TLSMaterial: {} }]);
export const DEFAULT_CONTEXT_LS = '{"Current":true,"Description":"Current DOCKER_HOST based configuration","DockerEndpoint":"unix:///var/run/docker.sock","Error":"","Name":"default"}\n';

/** A Linux machine whose docker answers with the given `docker info` recording, default context, buildx 0.13. */
export function dockerCommands(info: string, extra: Record<string, Reply> = {}): Record<string, Reply> {
  return {
    [CMD.info]: { stdout: info },
    [CMD.version]: { stdout: '{"Version":"26.1.5+dfsg1","GoVersion":"go1.24.4","Os":"linux"}\n' },
    [CMD.contextInspect]: { stdout: DEFAULT_CONTEXT },
    [CMD.contextLs]: { stdout: DEFAULT_CONTEXT_LS },
    [CMD.buildxLs]: { stdout: recording('buildx-ls-0.13-default.txt') },
    [CMD.buildxInspect]: { stdout: recording('buildx-inspect-docker.txt') },
    ...extra,
  };
}

export function fixtureMachine(fx: Fixture): FixtureMachine {
  const files = fx.files ?? {};
  const errors = new Map<string, string>();
  const calls: string[] = [];
  return {
    env: fx.env ?? { HOME: fx.home ?? '/home/alice' },
    platform: fx.platform ?? 'linux',
    homeDir: fx.home ?? '/home/alice',
    calls,
    async readFile(p) {
      if (fx.unreadable?.includes(p)) { errors.set(p, 'permission'); return undefined; }
      if (p in files) { errors.delete(p); return files[p]; }
      errors.set(p, 'missing');
      return undefined;
    },
    readError: (p) => errors.get(p),
    async readDir(dir) {
      if (dir === '/run/systemd/system') return fx.systemd ? ['default.target.wants'] : undefined;
      const names = Object.keys(files).filter((p) => path.posix.dirname(p) === dir).map((p) => path.posix.basename(p));
      return names.length ? names.sort() : undefined;
    },
    async exec(file, args, options): Promise<ExecResult> {
      const key = [file, ...args].join(' ');
      calls.push(key);
      const reply = fx.commands?.[key];
      if (reply === undefined || reply === 'not-found') return { exitCode: null, stdout: '', stderr: '', failure: 'not-found', message: `${file}: not found`, durationMs: 1 };
      if (reply === 'timeout') return { exitCode: null, stdout: '', stderr: '', failure: 'timeout', message: `timed out after ${Math.round(options.timeoutMs / 1000)} s`, durationMs: options.timeoutMs };
      if (reply === 'permission') return { exitCode: null, stdout: '', stderr: '', failure: 'permission', message: `${file}: permission denied`, durationMs: 1 };
      return { exitCode: reply.exitCode ?? 0, stdout: reply.stdout ?? '', stderr: reply.stderr ?? '', durationMs: 3 };
    },
    now: () => 0,
  };
}
