// Rule links inside VS Code. The server links each diagnostic's code to the rule's web page (right for every LSP
// client); here the link becomes a command URI that opens the page bundled in the extension, so a click on the rule
// id in the Problems panel or the hover works offline and shows the docs of the installed version. VS Code opens
// `code.target` links with commands allowed (the Problems panel's link widget calls the opener with allowCommands).
import * as vscode from 'vscode';
import { Commands, DIAGNOSTIC_SOURCE } from '../../server/src/shared/protocol';

const RULE_ID = /^[A-Z]{2}\d{3}$/;

/** `command:dockerProxyDoctor.showRuleDocs?["DJ001"]`: the same action as "Show documentation" for that rule. */
export function ruleDocsCommandUri(ruleId: string): vscode.Uri {
  return vscode.Uri.from({ scheme: 'command', path: Commands.showRuleDocs, query: JSON.stringify([ruleId]) });
}

/** Our diagnostics with their code link pointed at the bundled docs; other sources' diagnostics are left alone. */
export function withBundledDocLinks(diagnostics: vscode.Diagnostic[]): vscode.Diagnostic[] {
  for (const d of diagnostics) {
    if (d.source !== DIAGNOSTIC_SOURCE) continue;
    const value = typeof d.code === 'object' && d.code !== null ? d.code.value : d.code;
    if (typeof value === 'string' && RULE_ID.test(value)) d.code = { value, target: ruleDocsCommandUri(value) };
  }
  return diagnostics;
}
