// A rule = metadata + a pure check over a parsed document. One file per rule under rules/<kind>/.
import type { ParsedDocument } from './document';
import type { FileKind, RuleFinding, Severity } from './findingTypes';
import type { Source } from './sources';

export interface RuleExample {
  kind: FileKind;
  /** Path the example is linted as (some rules depend on the location); defaults per kind. */
  path?: string;
  text: string;
}

export interface RuleMeta {
  /** Stable id, never reused: DJ001, CC007, DF004, NP001, SV005 ... */
  id: string;
  /** Short kebab-case name: `top-level-proxy-key`. */
  name: string;
  kinds: readonly FileKind[];
  defaultSeverity: Severity;
  /** One sentence, shown in docs tables and hovers. */
  summary: string;
  /** Markdown for the docs page: what goes wrong, who reads the value, how to fix it. */
  description: string;
  /**
   * Where the behaviour is established, as public links (Docker docs section, upstream source at a release tag, man
   * page, public issue) each with what it shows, plus any test of this repository that measured it. Rendered as the
   * page's "Based on"; the docs test fails when none is an https link on the allow-list (scripts/link-check.ts).
   */
  sources: readonly Source[];
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
