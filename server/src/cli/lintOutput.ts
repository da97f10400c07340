// Output formats of `lint`: human text, a flat JSON array, and SARIF 2.1.0 for code scanning.
import { ALL_RULES, docsUrl, maskCredentials, PROJECT_URL, type Finding, type Severity } from '../engine';

export interface FileFindings { file: string; findings: Finding[] }

export interface JsonFinding {
  file: string; line: number; column: number; endLine: number; endColumn: number;
  rule: string; severity: Severity; message: string;
}

/** 1-based positions, as editors and CI annotations show them. */
export function toJsonFindings(results: FileFindings[]): JsonFinding[] {
  return results.flatMap(({ file, findings }) => findings.map((f) => ({
    file,
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    rule: f.ruleId,
    severity: f.severity,
    message: maskCredentials(f.message),
  })));
}

export function formatJson(results: FileFindings[]): string {
  return JSON.stringify(toJsonFindings(results), null, 2) + '\n';
}

export function formatText(results: FileFindings[], color: boolean): string {
  const paint = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const label: Record<Severity, string> = { error: paint('31', 'error'), warning: paint('33', 'warning'), info: paint('36', 'info') };
  const lines: string[] = [];
  const count: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const { file, findings } of results) {
    for (const f of findings) {
      count[f.severity]++;
      lines.push(`${file}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${label[f.severity]} ${maskCredentials(f.message)} ${paint('2', `[${f.ruleId} ${f.ruleName}]`)}`);
    }
  }
  const files = results.length;
  lines.push(`${files} file${files === 1 ? '' : 's'} checked: ${count.error} error${count.error === 1 ? '' : 's'}, ${count.warning} warning${count.warning === 1 ? '' : 's'}, ${count.info} info.`);
  return lines.join('\n') + '\n';
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note' };

/** SARIF 2.1.0: one run, every rule described once, locations relative to the working directory. */
export function formatSarif(results: FileFindings[], version: string, toUri: (file: string) => string): string {
  const rules = ALL_RULES.map((r) => ({
    id: r.meta.id,
    name: r.meta.name,
    shortDescription: { text: r.meta.summary },
    fullDescription: { text: r.meta.summary },
    helpUri: docsUrl(r.meta.id),
    help: { text: r.meta.summary, markdown: r.meta.description },
    defaultConfiguration: { level: SARIF_LEVEL[r.meta.defaultSeverity] },
    properties: { tags: ['docker', 'proxy', ...r.meta.kinds] },
  }));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const sarifResults = results.flatMap(({ file, findings }) => findings.map((f) => ({
    ruleId: f.ruleId,
    ruleIndex: index.get(f.ruleId),
    level: SARIF_LEVEL[f.severity],
    message: { text: maskCredentials(f.message) },
    locations: [{
      physicalLocation: {
        artifactLocation: { uri: toUri(file), uriBaseId: '%SRCROOT%' },
        region: {
          startLine: f.range.start.line + 1,
          startColumn: f.range.start.character + 1,
          endLine: f.range.end.line + 1,
          endColumn: f.range.end.character + 1,
        },
      },
    }],
  })));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'docker-proxy-doctor', informationUri: PROJECT_URL, semanticVersion: version, rules } },
      columnKind: 'utf16CodeUnits',
      results: sarifResults,
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
