// Recorded machines (test/fixtures/engines/<machine>/machine.json) as Machines for the status engine: files and
// directories from the recording, commands answered with the recorded outputs, anything else "not found". Paths are
// the machine's own flavour (C:\Users\… on Windows, /Users/… on macOS): nothing is translated for this Linux box.
import * as path from 'node:path';
import type { ExecResult, Machine } from '../../server/src/engine/machine';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const replay = require(path.resolve(__dirname, '../../../test/fixtures/engines/replay.js')) as {
  loadMachine(dir: string): { platform: string; home: string; env: Record<string, string>; files: Record<string, string>; dirs: Record<string, string[]>; answers: Record<string, { stdout: string; stderr: string; exitCode: number }>; sources: Record<string, string> };
  infoTextToJson(text: string): Record<string, unknown>;
};

export const ENGINES_DIR = path.resolve(__dirname, '../../../test/fixtures/engines');

export interface RecordedMachine extends Machine { calls: string[]; sources: Record<string, string> }

export function recordedMachine(name: string, overrides: { env?: Record<string, string>; files?: Record<string, string> } = {}): RecordedMachine {
  const m = replay.loadMachine(path.join(ENGINES_DIR, name));
  const files = { ...m.files, ...(overrides.files ?? {}) };
  const errors = new Map<string, string>();
  const calls: string[] = [];
  const sep = m.platform === 'win32' ? '\\' : '/';
  const dirname = (p: string) => p.slice(0, Math.max(p.lastIndexOf(sep), 0));
  const basename = (p: string) => p.slice(p.lastIndexOf(sep) + 1);
  return {
    env: { ...m.env, ...(overrides.env ?? {}) },
    platform: m.platform,
    homeDir: m.home,
    calls,
    sources: m.sources,
    async readFile(p) {
      if (p in files) { errors.delete(p); return files[p]; }
      errors.set(p, 'missing');
      return undefined;
    },
    readError: (p) => errors.get(p),
    async readDir(dir) {
      if (m.dirs[dir]) return [...m.dirs[dir]].sort();
      const names = Object.keys(files).filter((p) => dirname(p) === dir).map(basename);
      return names.length ? names.sort() : undefined;
    },
    async exec(file, args): Promise<ExecResult> {
      const key = [file, ...args].join(' ');
      calls.push(key);
      const a = m.answers[key];
      if (!a) return { exitCode: null, stdout: '', stderr: '', failure: 'not-found', message: `${file}: not found`, durationMs: 1 };
      return { exitCode: a.exitCode, stdout: a.stdout, stderr: a.stderr, durationMs: 2 };
    },
    now: () => 0,
  };
}

export const infoTextToJson = replay.infoTextToJson;
