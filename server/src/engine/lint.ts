// The one entry point adapters call: text + kind -> findings with severities resolved and suppressions applied.
import type { Finding, SeveritySetting } from './findingTypes';
import { kindInfo, mayHaveFindings, type FileKind } from './fileKinds';
import { parseDocument, type ParsedDocument } from './document';
import { ALL_RULES } from './rules';
import type { Rule } from './rule';
import { LineIndex } from './lineIndex';
import { jsonNestingDepth, MAX_JSON_DEPTH } from './parse/json';
import { isSuppressed, readSuppressions, SUPPRESS_PRAGMA } from './suppress';
import { settingFor } from './checkMeta';
import { MAX_YAML_DEPTH, yamlNestingDepth } from './parse/yaml';
import { guardFixes } from './fix';

export const MAX_LINT_BYTES = 2 * 1024 * 1024;

export interface LintOptions {
  path?: string;
  /** Per-rule severity overrides by id (`DJ001`) or name (`top-level-proxy-key`); `off` disables the rule. */
  rules?: Readonly<Record<string, SeveritySetting>>;
  /** Called when a rule throws; the other rules still run. */
  onRuleError?: (ruleId: string, error: unknown) => void;
  /**
   * Skip parsing and rules when a cheap scan proves nothing can fire (prescan.ts). On by default; tests turn it off
   * to compare against the full lint.
   */
  prescan?: boolean;
}

// The pragma's word lives with the edits that write it (suppress.ts, below lint in the layers); re-exported for index.ts.
export { SUPPRESS_PRAGMA };

function severitySetting(rule: Rule, options: LintOptions): SeveritySetting | undefined {
  return settingFor(rule.meta, options.rules);
}

/** The PD001 finding for input that is not linted (binary, too large), honouring the rule's severity setting. */
export function notLintable(reason: string, options: LintOptions = {}): Finding[] {
  const rule = ALL_RULES.find((r) => r.meta.id === 'PD001');
  const setting = rule && severitySetting(rule, options);
  if (!rule || setting === 'off') return [];
  return [{
    ruleId: 'PD001',
    ruleName: rule.meta.name,
    severity: setting ?? rule.meta.defaultSeverity,
    message: `Not linted: ${reason}.`,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    fixes: [],
    dockerdRefuses: false,
  }];
}

/** The nesting limit of each syntax a parser recurses into (a kind names its syntax in fileKinds.ts). */
const NESTING = {
  json: { depth: jsonNestingDepth, max: MAX_JSON_DEPTH, name: 'JSON' },
  yaml: { depth: yamlNestingDepth, max: MAX_YAML_DEPTH, name: 'YAML' },
} as const;

/**
 * Why a text must not be parsed as this kind (too large, binary, nested deeper than the parsers can recurse), or
 * undefined when it can be. Every adapter asks this before parsing; each check is one linear pass.
 */
export function unlintableReason(text: string, kind: FileKind): string | undefined {
  if (text.length > MAX_LINT_BYTES) return `the file is larger than ${MAX_LINT_BYTES / 1024 / 1024} MiB`;
  if (text.includes('\u0000')) return 'the file contains NUL bytes (binary content?)';
  const nesting = kindInfo(kind).nesting;
  if (nesting) {
    const { depth: depthOf, max, name } = NESTING[nesting];
    const depth = depthOf(text);
    if (depth > max) return `${name} nesting depth ${depth} exceeds the limit of ${max} levels`;
  }
  return undefined;
}

/** Lints a whole document. Never throws for any input. */
export function lint(text: string, kind: FileKind, options: LintOptions = {}): Finding[] {
  const reason = unlintableReason(text, kind);
  if (reason) return notLintable(reason, options);
  if (options.prescan !== false && !mayHaveFindings(text, kind)) return [];
  const doc = parseDocument(text, kind, options.path);
  return lintDocument(doc, options);
}

export function lintDocument(doc: ParsedDocument, options: LintOptions = {}): Finding[] {
  const suppressions = readSuppressions(doc.kind, doc.lines);
  const findings: Finding[] = [];
  for (const rule of ALL_RULES) {
    if (!rule.meta.kinds.includes(doc.kind)) continue;
    const setting = severitySetting(rule, options);
    if (setting === 'off') continue;
    let raw;
    try {
      raw = rule.check(doc);
    } catch (error) {
      options.onRuleError?.(rule.meta.id, error);
      continue;
    }
    for (const f of raw) {
      if (isSuppressed(suppressions, rule.meta, f.range.start.line)) continue;
      findings.push({
        ruleId: rule.meta.id,
        ruleName: rule.meta.name,
        severity: setting ?? f.severity ?? rule.meta.defaultSeverity,
        message: f.message,
        range: f.range,
        fixes: f.fixes?.length ? guardFixes(f.fixes, options.onRuleError && ((e) => options.onRuleError!(rule.meta.id, e))) : [],
        dockerdRefuses: !!rule.meta.dockerdRefuses && kindInfo(doc.kind).readByDockerdAtStart,
      });
    }
  }
  if ('units' in doc) {
    for (const f of embeddedFindings(doc, options)) {
      const rule = ALL_RULES.find((r) => r.meta.id === f.ruleId);
      if (!rule || !isSuppressed(suppressions, rule.meta, f.range.start.line)) findings.push(f);
    }
  }
  // Rule ids are ASCII, so a plain comparison orders them (localeCompare costs a collator call per comparison).
  return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
}

/**
 * Docker's own files a script writes from a here-document (`cat > /etc/docker/daemon.json <<EOF`), linted as those
 * files, with ranges mapped back into the script. Fixes are dropped (their edits are in the body's coordinates);
 * with an unquoted delimiter the shell expands `$…` first, so findings on such lines are left out.
 */
function embeddedFindings(doc: Extract<ParsedDocument, { units: unknown }>, options: LintOptions): Finding[] {
  const out: Finding[] = [];
  for (const unit of doc.units) {
    for (const e of unit.embedded) {
      const bodyLines = new LineIndex(e.body.text);
      const path = e.path.replace(/^(?:~|\$\{?HOME\}?)(?=\/)/, '/home/user');
      for (const f of lint(e.body.text, e.kind, { ...options, path })) {
        if (f.ruleId === 'PD001') continue;
        if (e.expands && /[$`]/.test(bodyLines.lineText(f.range.start.line))) continue;
        const at = (p: Finding['range']['start']) => e.body.offsets[Math.min(bodyLines.offsetAt(p), e.body.text.length)];
        out.push({
          ...f,
          message: `${f.message} (in the ${kindInfo(e.kind).scriptTargetLabel} written to ${e.path})`,
          range: doc.lines.range(at(f.range.start), Math.max(at(f.range.start), at(f.range.end))),
          fixes: [],
        });
      }
    }
  }
  return out;
}

/** Path an example or test lints a kind as, when the caller has none. */
export function defaultPathFor(kind: FileKind): string {
  return kindInfo(kind).defaultPath;
}
