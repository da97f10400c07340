// What the user said about status findings, applied the way lint applies it to lint findings (one kind of check):
// the rules settings (`dockerProxyDoctor.rules`, `--config`: severity or "off", by id or name) and the suppression
// comments of the file a finding points at (`# proxy-doctor ignore=DJ017` above a drop-in line, or
// `# proxy-doctor global ignore=SV001` anywhere in it). JSON files (daemon.json, config.json) hold no comments, so
// findings there are turned off in the settings only, as lint findings are.
import { resolvedSeverity, type RuleSettings } from '../checkMeta';
import { LineIndex } from '../lineIndex';
import { isSuppressed, readSuppressions, type Suppressions } from '../suppress';
import type { StatusFinding, StatusSource } from './report';
import type { StatusModel } from './statusModel';
import { STATUS_CHECKS } from './findings';

const CHECKS = new Map(STATUS_CHECKS.map((c) => [c.meta.id, c.meta]));

/**
 * The file line a finding belongs to: its own source when that is a file, else the first related file. Editors show
 * the finding there as a diagnostic, and a suppression comment there silences it.
 */
export function findingAnchor(f: StatusFinding): StatusSource | undefined {
  if (f.source?.kind === 'file' && f.source.path) return f.source;
  return f.related?.find((r) => r.kind === 'file' && r.path);
}

/**
 * Drops the status findings the settings turn off or a comment suppresses, and gives the rest their set severity.
 * Lint findings of the files the status read (`lint: true`) got both when they were linted.
 */
export function applyFindingSettings(findings: readonly StatusFinding[], model: StatusModel, rules: RuleSettings | undefined): StatusFinding[] {
  const pragmas = new Map<string, Suppressions | undefined>();
  const pragmasOf = (path: string): Suppressions | undefined => {
    if (!pragmas.has(path)) {
      const file = model.files.find((x) => x.path === path && x.text !== undefined);
      pragmas.set(path, file?.text !== undefined ? readSuppressions(file.kind, new LineIndex(file.text)) : undefined);
    }
    return pragmas.get(path);
  };
  const out: StatusFinding[] = [];
  for (const f of findings) {
    const meta = CHECKS.get(f.id);
    if (f.lint || !meta) {
      out.push(f);
      continue;
    }
    const severity = resolvedSeverity(meta, rules, f.severity);
    if (!severity) continue;
    const anchor = findingAnchor(f);
    const pragmasThere = anchor?.path !== undefined ? pragmasOf(anchor.path) : undefined;
    if (pragmasThere && isSuppressed(pragmasThere, meta, anchor!.line)) continue;
    out.push(severity === f.severity ? f : { ...f, severity });
  }
  return out;
}
