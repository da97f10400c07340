// The shape of one known failure in the cause catalog, in its own file so that the catalog and the machine-aware
// causes can both use it without importing each other.
import type { LayerId } from '../status/report';

export interface Cause {
  /** Stable id, kebab-case: shown in reports and JSON, used by links and tests. */
  id: string;
  /** Short title for lists and notifications. */
  title: string;
  /**
   * The layer that has to change, when the cause itself says which one. `undefined` means "the layer whose
   * request failed": the probe (or the explainer, from context) fills it in.
   */
  layer?: LayerId;
  /** Why it fails, in one or two sentences. */
  cause: string;
  /** The next step. */
  action: string;
  /** Lint rule ids or status finding ids that catch the same mistake in a file. */
  related: string[];
  /**
   * Texts that identify the failure in real output: Go's net/http and x509, dockerd, the docker CLI, buildx and
   * BuildKit, containerd, systemd, curl, apt, pip, npm, git, wget. Matched case-insensitively against one cleaned
   * log line (engine/causes/logLines.ts: no ANSI, no BuildKit prefix, `\"` unescaped).
   */
  texts: RegExp[];
  /** Real-looking examples of those texts (tests check that each one matches this cause first). */
  examples: string[];
  /** Higher wins when several causes match the same text (a more specific message beats a generic one). */
  priority: number;
  /**
   * For texts that several causes share (a timeout, an unknown CA): what tells them apart, and where to look.
   * The explainer shows it with the other candidates.
   */
  decide?: string;
}
