// A fix whose edits are built when something reads them (a code action, fix-all, `lint --fix`), not with every
// finding: a proxy-heavy file has a finding every few lines, and most of their fixes are never asked for.
import type { Fix, TextEdit } from './model';

/**
 * `build` runs at most once, on the first read of `edits`. It must only read what the rule had when it made the
 * finding (the parsed document is immutable). A build that throws gives no edits rather than breaking the reader
 * (a code action request, fix-all): the finding itself was already reported.
 */
export function lazyFix(title: string, safe: boolean, build: () => TextEdit[]): Fix {
  let edits: TextEdit[] | undefined;
  return {
    title,
    safe,
    get edits(): TextEdit[] {
      if (edits === undefined) {
        try {
          edits = build();
        } catch {
          edits = [];
        }
      }
      return edits;
    },
  };
}
