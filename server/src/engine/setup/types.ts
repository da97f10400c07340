// The plan `setup` shows, and applies only when asked. Every string meant for display is masked; the raw values
// (with a password) live only in `after` of a change and `argv` of a command, which adapters write or run, never print.
import type { SetupLayer } from './input';

export interface FileChange {
  layer: SetupLayer;
  path: string;
  /** The current text; undefined when the file does not exist yet. */
  before?: string;
  /** The new text (raw: may hold a password; write it, never show it). */
  after: string;
  /** Mode for a new file (an existing file keeps its own). */
  mode: number;
  /** Who may write it: `root` files go through sudo in a terminal the user sees. */
  owner: 'root' | 'user';
  /** What the change does, one line (masked). */
  title: string;
  /** Unified diff of the masked texts. */
  diff: string;
  /** `after` holds a password: a staged copy must be readable by its owner only. */
  secret: boolean;
  /** A workspace file (a Dockerfile): its path is the editor's, never inside a `--root` machine tree. */
  workspace?: boolean;
}

export interface PlanCommand {
  layer: SetupLayer;
  title: string;
  /** The command line to show (masked, shell-quoted). */
  display: string;
  /** The command to run (raw). */
  argv: string[];
  /** Needs root (sudo) on this machine. */
  root: boolean;
  /** argv holds a password: run it without echoing, or from a staged script readable by its owner only. */
  secret: boolean;
  /** The commands that undo this one (recreating a builder with its old options); raw like argv. */
  undo?: string[][];
}

export interface PlanNote {
  layer: SetupLayer | 'general';
  severity: 'info' | 'warning';
  text: string;
}

/** A layer the plan does not touch, and why (a file it cannot parse, a setting it must not edit). */
export interface PlanBlock {
  layer: SetupLayer;
  path?: string;
  reason: string;
}

export interface SetupPlan {
  /** The proxy as shown (masked). */
  proxy: string;
  noProxy: string[];
  layers: SetupLayer[];
  changes: FileChange[];
  commands: PlanCommand[];
  notes: PlanNote[];
  blocked: PlanBlock[];
  /** Docker Desktop: the values to type into Settings → Resources → Proxies (masked), instead of any edit. */
  desktop?: { http: string; https: string; bypass: string };
}

/** Single-quote a word for a POSIX shell when it needs it. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
