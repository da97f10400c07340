// What every check has, whether it reads one file (a lint rule, rules/) or the whole machine (a Proxy Status finding,
// status/findings/): one id space, one settings entry (`dockerProxyDoctor.rules`, `--config`), one suppression
// comment, one generated docs page (docs/rules/<id>.md). The two kinds differ only in what their body reads.
import type { Severity, SeveritySetting } from './findingTypes';
import type { Source } from './sources';

export interface CheckMeta {
  /** Stable id, never reused, unique across lint rules and status findings: DJ001, CC007, SV030, EN002 ... */
  id: string;
  /** Short kebab-case name: `top-level-proxy-key`. Settings and suppression comments accept it as well as the id. */
  name: string;
  /** One short line naming what is wrong, for lists of problems; status findings default to the name and layer. */
  title?: string;
  /** Severity unless the settings say otherwise (a finding may raise or lower its own, e.g. when a password shows). */
  defaultSeverity: Severity;
  /** One sentence, shown in docs tables, settings descriptions and hovers. */
  summary: string;
  /** Markdown for the docs page: what goes wrong, who reads the value, how to fix it. */
  description: string;
  /**
   * Where the behaviour is established, as public links (Docker docs section, upstream source at a release tag, man
   * page, public issue) each with what it shows, plus any test of this repository that measured it. Rendered as the
   * page's "Based on"; the docs test fails when none is an https link on the allow-list (scripts/link-check.ts).
   */
  sources: readonly Source[];
}

export type RuleSettings = Readonly<Record<string, SeveritySetting>>;

/** The user's setting for a check, by id (`DJ001`) or name (`top-level-proxy-key`); undefined when not set. */
export function settingFor(meta: Pick<CheckMeta, 'id' | 'name'>, rules: RuleSettings | undefined): SeveritySetting | undefined {
  return rules?.[meta.id] ?? rules?.[meta.name];
}

/** The severity a finding is shown with, or undefined when the settings turn its check off. */
export function resolvedSeverity(meta: CheckMeta, rules: RuleSettings | undefined, findingSeverity?: Severity): Severity | undefined {
  const setting = settingFor(meta, rules);
  if (setting === 'off') return undefined;
  return setting ?? findingSeverity ?? meta.defaultSeverity;
}
