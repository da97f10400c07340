// A fix whose edits are built when something reads them (a code action, fix-all, `lint --fix`), not with every
// finding: a proxy-heavy file has a finding every few lines, and most of their fixes are never asked for.
import type { Fix, TextEdit } from './findingTypes';

/**
 * `build` runs at most once, on the first read of `edits`. It must only read what the rule had when it made the
 * finding (the parsed document is immutable). A build that throws throws to the reader; lint wraps every fix it
 * returns (guardFixes) so that the error is reported as the rule's and the reader gets no edits.
 */
let editsBuilt = 0;

/** How many lazy fixes have built their edits so far in this process (tests count that a lint builds none). */
export function fixEditsBuilt(): number {
  return editsBuilt;
}

export function lazyFix(title: string, safe: boolean, build: () => TextEdit[]): Fix {
  return new LazyFix(title, safe, build);
}

// Classes, not object literals whose getter closes over the rule's data: with those literals V8's scavenger kept
// the findings of a burst of lints alive (about 20% of the young generation survived each scavenge, 1% now) and the
// server's heap grew with garbage (docs/performance.md, "Less memory"). A fix still looks like a plain
// `{ title, safe, edits }`: `edits` is an own enumerable getter (one shared getter function, so every fix shares its
// hidden class) and the state is in private fields (so assert.deepEqual compares fixes by their edits, as before).
const EDITS: PropertyDescriptor = {
  get(this: LazyFix | GuardedFix) { return this.read(); },
  enumerable: true,
  configurable: true,
};

class LazyFix {
  declare readonly edits: TextEdit[];
  #built?: TextEdit[];
  #build: (() => TextEdit[]) | undefined;
  constructor(readonly title: string, readonly safe: boolean, build: () => TextEdit[]) {
    this.#build = build;
    Object.defineProperty(this, 'edits', EDITS);
  }
  read(): TextEdit[] {
    if (this.#built === undefined) {
      this.#built = this.#build!();
      this.#build = undefined;
      editsBuilt++;
    }
    return this.#built;
  }
}

class GuardedFix {
  declare readonly edits: TextEdit[];
  readonly title: string;
  readonly safe: boolean;
  #built?: TextEdit[];
  readonly #fix: Fix;
  readonly #onError: ((error: unknown) => void) | undefined;
  constructor(fix: Fix, onError: ((error: unknown) => void) | undefined) {
    this.title = fix.title;
    this.safe = fix.safe;
    this.#fix = fix;
    this.#onError = onError;
    Object.defineProperty(this, 'edits', EDITS);
  }
  read(): TextEdit[] {
    if (this.#built === undefined) {
      try {
        this.#built = this.#fix.edits;
      } catch (error) {
        this.#built = [];
        this.#onError?.(error);
      }
    }
    return this.#built;
  }
}

/**
 * The fixes of one rule's finding as lint hands them out: reading `edits` never throws. A fix whose edits cannot be
 * built is reported once through `onError` (the rule's id and the error, like an exception in its check) and offers
 * no edits, so a code action or fix-all skips it instead of failing as a whole.
 */
export function guardFixes(fixes: readonly Fix[], onError: ((error: unknown) => void) | undefined): Fix[] {
  return fixes.map((fix) => new GuardedFix(fix, onError));
}
