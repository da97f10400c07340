// Engine findings -> LSP diagnostics (code, docs link, source, data for the generic code-action handler).
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { docsUrl, maskCredentials, type Finding, type Severity } from '../engine';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from '../shared/protocol';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** `index` is the finding's position in the lint result, so code actions can find its fixes on the server. */
export function toDiagnostic(finding: Finding, version: number | undefined, index: number): Diagnostic {
  const data: DiagnosticData = { ruleId: finding.ruleId, ruleName: finding.ruleName, version };
  if (finding.fixes.length > 0) data.fixIndex = index;
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity] ?? DiagnosticSeverity.Warning,
    code: finding.ruleId,
    codeDescription: { href: docsUrl(finding.ruleId) },
    source: DIAGNOSTIC_SOURCE,
    // Rules mask values in their messages already; this is a second line of defence.
    message: maskCredentials(finding.message),
    data,
  };
}

/** The DiagnosticData of one of our diagnostics, or undefined for anything else (other sources, bad shapes). */
export function dataOf(diagnostic: Diagnostic): DiagnosticData | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  if (!data || typeof data !== 'object' || typeof data.ruleId !== 'string') return undefined;
  return {
    ruleId: data.ruleId,
    ruleName: typeof data.ruleName === 'string' ? data.ruleName : data.ruleId,
    fixIndex: Number.isInteger(data.fixIndex) && data.fixIndex! >= 0 ? data.fixIndex : undefined,
    version: typeof data.version === 'number' ? data.version : undefined,
  };
}
