// Shared by the package tests: build the .vsix once per test file with the project's own vsce, read files out of it.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../..');
const VSCE = path.join(ROOT, 'node_modules/@vscode/vsce/vsce');
const GUARD_MS = 180_000; // failure guard for a busy CI box, not a timing assertion

export interface Packaged {
  vsix: string;
  /** vsce's combined stdout and stderr. */
  log: string;
}

/** `vsce package` exactly as `npm run package` runs it (options come from package.json "vsce"). */
export function packageVsix(): Packaged {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dpd-vsix-'));
  const vsix = path.join(dir, 'docker-proxy-doctor.vsix');
  const r = spawnSync(process.execPath, [VSCE, 'package', '-o', vsix], { cwd: ROOT, encoding: 'utf8', timeout: GUARD_MS, env: noColor() });
  const log = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.status !== 0) throw new Error(`vsce package failed (exit ${r.status}, ${r.error?.message ?? ''}):\n${log}`);
  return { vsix, log };
}

/** Files `vsce ls` says it would pack (paths relative to the project). */
export function vsceLs(): string[] {
  const out = execFileSync(process.execPath, [VSCE, 'ls'], { cwd: ROOT, encoding: 'utf8', timeout: GUARD_MS, env: noColor() });
  return out.split('\n').map((l) => l.trim()).filter(Boolean).sort();
}

/** Entries of the .vsix with their uncompressed sizes (`unzip -Z1` lists names; `unzip -l` adds sizes). */
export function vsixEntries(vsix: string): Map<string, number> {
  const out = execFileSync('unzip', ['-l', vsix], { encoding: 'utf8', timeout: GUARD_MS });
  const entries = new Map<string, number>();
  for (const m of out.matchAll(/^\s*(\d+)\s+\S+\s+\S+\s+(\S.*)$/gm)) entries.set(m[2], Number(m[1]));
  return entries;
}

export function vsixFile(vsix: string, entry: string): string {
  return execFileSync('unzip', ['-p', vsix, entry], { encoding: 'utf8', timeout: GUARD_MS, maxBuffer: 64 << 20 });
}

function noColor(): NodeJS.ProcessEnv {
  return { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
}
