// A fix whose edits are built when something reads them (a code action, fix-all, `lint --fix`), not with every
// finding: a proxy-heavy file has a finding every few lines, and most of their fixes are never asked for.
import type { Fix, TextEdit } from './findingTypes';

/**
 * `build` runs at most once, on the first read of `edits`. It must only read what the rule had when it made the
 * finding (the parsed document is immutable). A build that throws throws to the reader; lint wraps every fix it
 * returns (guardFixes) so that the error is reported as the rule's and the reader gets no edits.
 */
export function lazyFix(title: string, safe: boolean, build: () => TextEdit[]): Fix {
  let edits: TextEdit[] | undefined;
  return {
    title,
    safe,
    get edits(): TextEdit[] {
      if (edits === undefined) edits = build();
      return edits;
    },
  };
}

/**
 * The fixes of one rule's finding as lint hands them out: reading `edits` never throws. A fix whose edits cannot be
 * built is reported once through `onError` (the rule's id and the error, like an exception in its check) and offers
 * no edits, so a code action or fix-all skips it instead of failing as a whole.
 */
export function guardFixes(fixes: readonly Fix[], onError: ((error: unknown) => void) | undefined): Fix[] {
  return fixes.map((fix) => {
    let edits: TextEdit[] | undefined;
    return {
      title: fix.title,
      safe: fix.safe,
      get edits(): TextEdit[] {
        if (edits === undefined) {
          try {
            edits = fix.edits;
          } catch (error) {
            edits = [];
            onError?.(error);
          }
        }
        return edits;
      },
    };
  });
}
