// Writes a setup plan's file changes and undoes them: a backup of every file before it changes (bytes, mode, owner,
// in a session directory only its owner can read), atomic writes (temp file in the same directory, fsync, rename),
// an existing file's mode and owner kept. `undoLastSetup` puts every byte back and removes files setup created.
import { promises as fs, constants as fsConstants } from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { FileChange } from '../engine/setup';

export interface WriterOptions {
  /** Prefix for every absolute path of the plan (a machine tree, `--root`); '' or '/' is the real root. */
  root?: string;
  /** Where session directories go (each holds backups and a manifest). */
  stateDir: string;
  now?: Date;
}

interface ManifestFile {
  path: string;
  /** The file as written on this machine (the path inside a --root tree). */
  target: string;
  existed: boolean;
  /** Backup file name inside the session directory. */
  backup?: string;
  mode?: number;
  uid?: number;
  gid?: number;
}

export interface SetupManifest {
  version: 1;
  createdAt: string;
  root: string;
  files: ManifestFile[];
  /** Commands that undo the plan's commands (builder recreation), raw: the manifest is readable by its owner only. */
  undoCommands: string[][];
  undone?: string;
}

export interface ApplyResult {
  sessionDir: string;
  written: Array<{ path: string; backup?: string; created: boolean }>;
}

export class SetupWriteError extends Error {}

const MANIFEST = 'manifest.json';

function inRoot(root: string | undefined, p: string): string {
  const r = root && root !== '/' ? root.replace(/\/+$/, '') : '';
  return r && p.startsWith('/') ? r + p : p;
}

/** Writes `data` to `target` through a temp file in the same directory, then rename; mode and owner as given. */
export async function writeAtomic(target: string, data: string | Buffer, mode: number, owner?: { uid: number; gid: number }): Promise<void> {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.dpd-${process.pid}-${randomBytes(4).toString('hex')}`);
  const handle = await fs.open(temp, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL, 0o600);
  try {
    await handle.writeFile(data);
    await handle.chmod(mode);
    if (owner && process.getuid?.() === 0) await handle.chown(owner.uid, owner.gid);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await fs.rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

async function statOrUndefined(p: string) {
  try {
    return await fs.stat(p);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function sessionName(now: Date): string {
  return `setup-${now.toISOString().replace(/[:.]/g, '-')}-${randomBytes(2).toString('hex')}`;
}

/**
 * Applies the file changes. Before writing anything it checks every file still holds the text the plan was made
 * from (else nothing is written), then backs all of them up, then writes them one by one.
 */
export async function applyChanges(changes: readonly FileChange[], options: WriterOptions, undoCommands: string[][] = []): Promise<ApplyResult> {
  const now = options.now ?? new Date();
  const targetOf = (c: FileChange) => (c.workspace ? c.path : inRoot(options.root, c.path));
  for (const c of changes) {
    const real = targetOf(c);
    let current: string | undefined;
    try {
      current = await fs.readFile(real, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new SetupWriteError(`cannot read ${c.path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    if (current !== c.before) throw new SetupWriteError(`${c.path} changed since the plan was made; nothing was written. Run setup again.`);
  }
  await fs.mkdir(options.stateDir, { recursive: true, mode: 0o700 });
  const sessionDir = path.join(options.stateDir, sessionName(now));
  await fs.mkdir(sessionDir, { mode: 0o700 });
  const manifest: SetupManifest = { version: 1, createdAt: now.toISOString(), root: options.root ?? '/', files: [], undoCommands };
  for (const [i, c] of changes.entries()) {
    const real = targetOf(c);
    const stat = await statOrUndefined(real);
    if (stat) {
      const backup = `${String(i).padStart(2, '0')}-${path.basename(c.path)}`;
      await fs.copyFile(real, path.join(sessionDir, backup), fsConstants.COPYFILE_EXCL);
      await fs.chmod(path.join(sessionDir, backup), 0o600);
      manifest.files.push({ path: c.path, target: real, existed: true, backup, mode: stat.mode & 0o7777, uid: stat.uid, gid: stat.gid });
    } else {
      manifest.files.push({ path: c.path, target: real, existed: false });
    }
  }
  await writeAtomic(path.join(sessionDir, MANIFEST), JSON.stringify(manifest, null, 2) + '\n', 0o600);
  const written: ApplyResult['written'] = [];
  for (const [i, c] of changes.entries()) {
    const real = targetOf(c);
    const m = manifest.files[i];
    if (!m.existed) await fs.mkdir(path.dirname(real), { recursive: true, mode: 0o755 });
    await writeAtomic(real, c.after, m.existed ? m.mode! : c.mode, m.existed ? { uid: m.uid!, gid: m.gid! } : undefined);
    written.push({ path: c.path, backup: m.backup && path.join(sessionDir, m.backup), created: !m.existed });
  }
  return { sessionDir, written };
}

/** The newest session not undone yet, or undefined. */
export async function lastSession(stateDir: string): Promise<{ dir: string; manifest: SetupManifest } | undefined> {
  let names: string[];
  try {
    names = (await fs.readdir(stateDir)).filter((n) => n.startsWith('setup-')).sort().reverse();
  } catch {
    return undefined;
  }
  for (const n of names) {
    const dir = path.join(stateDir, n);
    try {
      const manifest = JSON.parse(await fs.readFile(path.join(dir, MANIFEST), 'utf8')) as SetupManifest;
      if (!manifest.undone) return { dir, manifest };
    } catch {
      // a session that never got its manifest wrote nothing
    }
  }
  return undefined;
}

export interface UndoResult {
  sessionDir: string;
  restored: string[];
  removed: string[];
  undoCommands: string[][];
}

/** Restores every file of the last session byte for byte (mode and owner too) and removes the files it created. */
export async function undoLastSetup(options: WriterOptions): Promise<UndoResult | undefined> {
  const last = await lastSession(options.stateDir);
  if (!last) return undefined;
  const { dir, manifest } = last;
  const restored: string[] = [];
  const removed: string[] = [];
  for (const f of manifest.files) {
    const real = f.target;
    if (f.existed && f.backup) {
      const bytes = await fs.readFile(path.join(dir, f.backup));
      await writeAtomic(real, bytes, f.mode ?? 0o644, f.uid !== undefined && f.gid !== undefined ? { uid: f.uid, gid: f.gid } : undefined);
      restored.push(f.path);
    } else if (!f.existed) {
      await fs.rm(real, { force: true });
      removed.push(f.path);
    }
  }
  manifest.undone = (options.now ?? new Date()).toISOString();
  await writeAtomic(path.join(dir, MANIFEST), JSON.stringify(manifest, null, 2) + '\n', 0o600);
  return { sessionDir: dir, restored, removed, undoCommands: manifest.undoCommands };
}

/** `$XDG_STATE_HOME/docker-proxy-doctor`, else `~/.local/state/docker-proxy-doctor`. */
export function defaultStateDir(env: Readonly<Record<string, string | undefined>>, home: string): string {
  return path.join(env.XDG_STATE_HOME || path.join(home, '.local', 'state'), 'docker-proxy-doctor');
}

const ROOT_UNDO = 'root-undo.txt';

function octal(mode: number): string {
  return (mode & 0o777).toString(8).padStart(4, '0');
}

function shellQuote(word: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * Root-owned changes for a user who is not root: each new text staged in the session directory (mode 0600: it may
 * hold the password), a copy of the current file beside it, and the `sudo install` lines that put them in place.
 * The lines that undo them are kept in the session for `undoLastSetup`'s caller.
 */
export async function stageRootChanges(sessionDir: string, changes: readonly FileChange[]): Promise<{ install: string[]; backups: Array<{ path: string; backup: string }> }> {
  const install: string[] = [];
  const undo: string[] = [];
  const backups: Array<{ path: string; backup: string }> = [];
  for (const [i, c] of changes.entries()) {
    const name = `${String(i).padStart(2, '0')}-${path.basename(c.path)}`;
    const staged = path.join(sessionDir, `staged-${name}`);
    await writeAtomic(staged, c.after, 0o600);
    install.push(`sudo install -D -m ${octal(c.mode)} ${shellQuote(staged)} ${shellQuote(c.path)}`);
    if (c.before !== undefined) {
      const backup = path.join(sessionDir, `before-${name}`);
      await writeAtomic(backup, c.before, 0o600);
      backups.push({ path: c.path, backup });
      undo.push(`sudo install -m ${octal(c.mode)} ${shellQuote(backup)} ${shellQuote(c.path)}`);
    } else {
      undo.push(`sudo rm -f ${shellQuote(c.path)}`);
    }
  }
  if (undo.length) await writeAtomic(path.join(sessionDir, ROOT_UNDO), undo.join('\n') + '\n', 0o600);
  return { install, backups };
}

/** The `sudo` lines that undo a session's root-owned files (empty when it had none). */
export async function rootUndoLines(sessionDir: string): Promise<string[]> {
  try {
    return (await fs.readFile(path.join(sessionDir, ROOT_UNDO), 'utf8')).split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

/** A script holding commands with secrets (mode 0700, readable by its owner only), run as `sh <script>`. */
export async function stageScript(sessionDir: string, name: string, commands: readonly string[][]): Promise<string> {
  const file = path.join(sessionDir, name);
  await writeAtomic(file, ['#!/bin/sh', 'set -e', ...commands.map((argv) => argv.map(shellQuote).join(' ')), ''].join('\n'), 0o700);
  return file;
}
