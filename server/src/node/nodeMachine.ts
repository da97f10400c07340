// The real machine for the CLI and the language server: fs, execFile (never a shell), the process environment.
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import type { ConnectResult, ExecOptions, ExecResult, Machine } from '../engine/machine';
import { MAX_LINT_BYTES } from '../engine/lint';

/** Output kept per stream; `docker info` and `inspect` are a few KiB, anything past this is not ours to read. */
const MAX_OUTPUT_BYTES = 4 * 1024 * 1024;

export interface NodeMachineOptions {
  env?: Readonly<Record<string, string | undefined>>;
  /** Prefix prepended to absolute paths read from disk (a fixture tree); `/` or undefined means the real root. */
  root?: string;
  /** The platform and home of the machine the tree belongs to (default: this process's). */
  platform?: string;
  homeDir?: string;
  /** Extra environment for every command (not part of the modelled `env`): a tree's own DOCKER_CONFIG. */
  execEnv?: Readonly<Record<string, string>>;
  /** No network of ours: another machine's tree gets no proxy reachability check. */
  noNetwork?: boolean;
}

export function createNodeMachine(options: NodeMachineOptions = {}): Machine {
  const env = options.env ?? process.env;
  const root = options.root && options.root !== '/' ? options.root.replace(/\/+$/, '') : '';
  // Under a root, a Windows machine's `C:\Users\a` lives at ROOT/C/Users/a (and `\\.\pipe\…` is never a file).
  const inRoot = (p: string) => {
    if (!root) return p;
    if (p.startsWith('/')) return root + p;
    const drive = /^([A-Za-z]):[\\/](.*)$/.exec(p);
    return drive ? `${root}/${drive[1].toUpperCase()}/${drive[2].replace(/\\/g, '/')}` : p;
  };
  const readErrors = new Map<string, string>();
  return {
    env,
    platform: options.platform ?? process.platform,
    homeDir: options.homeDir ?? env.HOME ?? os.homedir(),
    async readFile(path) {
      try {
        const stat = await fs.stat(inRoot(path));
        if (!stat.isFile()) { readErrors.set(path, 'not a file'); return undefined; }
        if (stat.size > MAX_LINT_BYTES) { readErrors.set(path, 'too-large'); return undefined; }
        readErrors.delete(path);
        return await fs.readFile(inRoot(path), 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        readErrors.set(path, code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : code === 'EACCES' || code === 'EPERM' ? 'permission' : String((error as Error).message));
        return undefined;
      }
    },
    readError: (path) => readErrors.get(path),
    async readDir(path) {
      try {
        return (await fs.readdir(inRoot(path))).sort();
      } catch {
        return undefined;
      }
    },
    exec: (file, args, execOptions) => runFile(file, args, options.execEnv ? { ...execOptions, env: { ...options.execEnv, ...(execOptions.env ?? {}) } } : execOptions, env),
    now: () => performance.now(),
    connect: options.noNetwork ? undefined : tcpConnect,
  };
}

/** A TCP connect with a deadline, closed at once; nothing is sent. */
export function tcpConnect(host: string, port: number, timeoutMs: number, send?: string): Promise<ConnectResult> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const socket = net.connect({ host: host.replace(/^\[|\]$/g, ''), port });
    let settled = false;
    const done = (r: Omit<ConnectResult, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ ...r, durationMs: performance.now() - t0 });
    };
    let connected = false;
    let answer = '';
    // Connected but silent after `send`: the TCP check passed, the answer is just unknown.
    const timer = setTimeout(() => done(connected ? { ok: true } : { ok: false, failure: 'timeout', message: `no answer within ${timeoutMs} ms` }), timeoutMs);
    socket.once('connect', () => {
      connected = true;
      if (send === undefined) { done({ ok: true }); return; }
      socket.write(send);
      socket.on('data', (chunk: Buffer) => {
        answer += chunk.toString('latin1');
        const eol = answer.indexOf('\r\n');
        if (eol >= 0 || answer.length > 4096) done({ ok: true, firstLine: answer.slice(0, eol >= 0 ? eol : 200) });
      });
      socket.once('end', () => done({ ok: true, ...(answer ? { firstLine: answer.split('\r\n')[0] } : {}) }));
    });
    socket.once('error', (e: NodeJS.ErrnoException) => {
      if (connected) { done({ ok: true }); return; }
      const failure = e.code === 'ECONNREFUSED' ? 'refused' : e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN' ? 'dns' : e.code === 'EHOSTUNREACH' || e.code === 'ENETUNREACH' ? 'unreachable' : 'error';
      done({ ok: false, failure, message: e.code ?? e.message });
    });
  });
}

/** execFile with a timeout; never rejects. */
export function runFile(file: string, args: readonly string[], options: ExecOptions, env: Readonly<Record<string, string | undefined>> = process.env): Promise<ExecResult> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    let child;
    try {
      child = execFile(
        file,
        [...args],
        {
          timeout: options.timeoutMs,
          killSignal: 'SIGKILL',
          maxBuffer: MAX_OUTPUT_BYTES,
          windowsHide: true,
          env: { ...(env as NodeJS.ProcessEnv), ...(options.env ?? {}) },
          encoding: 'utf8',
        },
        (error, stdout, stderr) => {
          const durationMs = performance.now() - t0;
          if (!error) return resolve({ exitCode: 0, stdout, stderr, durationMs });
          const e = error as NodeJS.ErrnoException & { killed?: boolean; signal?: string; code?: string | number };
          if (e.killed && durationMs >= options.timeoutMs * 0.9) return resolve({ exitCode: null, stdout, stderr, failure: 'timeout', message: `timed out after ${Math.round(options.timeoutMs / 1000)} s`, durationMs });
          if (e.code === 'ENOENT') return resolve({ exitCode: null, stdout, stderr, failure: 'not-found', message: `${file}: not found`, durationMs });
          if (e.code === 'EACCES') return resolve({ exitCode: null, stdout, stderr, failure: 'permission', message: `${file}: permission denied`, durationMs });
          if (typeof e.code === 'number') return resolve({ exitCode: e.code, stdout, stderr, durationMs });
          resolve({ exitCode: null, stdout, stderr, failure: 'error', message: e.message, durationMs });
        },
      );
    } catch (error) {
      resolve({ exitCode: null, stdout: '', stderr: '', failure: 'error', message: (error as Error).message, durationMs: performance.now() - t0 });
      return;
    }
    child.stdin?.end();
  });
}
