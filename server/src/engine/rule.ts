// A rule = metadata + a pure check over a parsed document. One file per rule under rules/<kind>/. Its metadata is
// the one every check has (checkMeta.ts); a Proxy Status finding (status/findings/) reads the machine instead.
import type { ParsedDocument } from './document';
import type { FileKind, RuleFinding } from './findingTypes';
import type { CheckMeta } from './checkMeta';

export interface RuleExample {
  kind: FileKind;
  /** Path the example is linted as (some rules depend on the location); defaults per kind. */
  path?: string;
  text: string;
}

/** A lint rule's metadata: the shared check metadata plus the file kinds it reads and its examples. */
export interface RuleMeta extends CheckMeta {
  kinds: readonly FileKind[];
  /** True when a file with this finding makes dockerd refuse to start (checked against real dockerd --validate). */
  dockerdRefuses?: boolean;
  /** `bad` must trigger the rule, `good` must not; both are run as tests and shown in the docs. */
  examples: { bad: RuleExample; good: RuleExample };
}

export interface Rule {
  meta: RuleMeta;
  check(doc: ParsedDocument): RuleFinding[];
}

export { DOCS_BASE_URL, docsUrl } from './links';
