// Matches error output against the cause catalog. Deliberately small: the connectivity test uses it to attach a
// cause to a `docker pull` failure; the explainer (issue 10) builds line handling and ANSI stripping on top of it.
import { CAUSES, type Cause } from './catalog';

export interface CauseMatch {
  cause: Cause;
  /** The matched part of the text. */
  text: string;
}

/** Strips ANSI colour codes, the usual decoration of terminal output. */
export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, '');
}

/** Every cause whose texts match, most specific first (priority, then the longer match). */
export function matchCauses(text: string): CauseMatch[] {
  const clean = stripAnsi(text);
  const found: CauseMatch[] = [];
  for (const cause of CAUSES) {
    let best: string | undefined;
    for (const re of cause.texts) {
      const m = re.exec(clean);
      if (m && (best === undefined || m[0].length > best.length)) best = m[0];
    }
    if (best !== undefined) found.push({ cause, text: best });
  }
  return found.sort((a, b) => b.cause.priority - a.cause.priority || b.text.length - a.text.length);
}

/** The most specific cause for a text, if any. */
export function matchCause(text: string): CauseMatch | undefined {
  return matchCauses(text)[0];
}
