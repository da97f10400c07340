// Finding the files to lint: explicit paths, or a directory walk that only picks names we could lint.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { detectKind, isWalkName, kindFromLocation, MAX_LINT_BYTES, type FileKind } from '../engine';

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', '.ci', '.vscode-test', '.test-artifacts']);

export interface LintTarget { file: string; kind?: FileKind; text?: string; tooLarge?: boolean; error?: string }

async function readTarget(file: string, forcedKind: FileKind | undefined, explicit: boolean): Promise<LintTarget | undefined> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (e) {
    return { file, error: `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}` };
  }
  const located = forcedKind ?? kindFromLocation(path.resolve(file));
  if (stat.size > MAX_LINT_BYTES) {
    // Never pull a huge file into memory: the engine's PD001 finding explains why it was skipped.
    return located || explicit ? { file, kind: located, tooLarge: true } : undefined;
  }
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    return { file, error: `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}` };
  }
  const kind = located ?? detectKind(path.resolve(file), text);
  if (!kind && !explicit) return undefined;
  return { file, kind, text };
}

async function walk(dir: string, out: string[]): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) await walk(full, out);
    } else if (entry.isFile() && isWalkName(entry.name)) {
      // Names worth reading (each kind's `walkNames`, fileKinds.ts); everything else is skipped unread.
      out.push(full);
    }
  }
}

/** Expands the command-line paths. Files named explicitly are always reported on, even when their kind is unknown. */
export async function collectTargets(paths: string[], forcedKind?: FileKind): Promise<LintTarget[]> {
  const targets: LintTarget[] = [];
  for (const p of paths) {
    let stat;
    try {
      stat = await fs.stat(p);
    } catch (e) {
      targets.push({ file: p, error: `cannot read ${p}: ${(e as NodeJS.ErrnoException).code ?? String(e)}` });
      continue;
    }
    if (stat.isDirectory()) {
      const files: string[] = [];
      await walk(p, files);
      for (const f of files) {
        // With --kind, a directory walk picks only the names that kind uses (not every *.yml for --kind dockerfile).
        if (forcedKind && !isWalkName(path.basename(f), forcedKind)) continue;
        const t = await readTarget(f, forcedKind, false);
        if (t) targets.push(t);
      }
    } else {
      const t = await readTarget(p, forcedKind, true);
      if (t) targets.push(t);
    }
  }
  return targets;
}
