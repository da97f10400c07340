// Explanations on hover in the Output panel and in log files (language `log`, scheme `output`). VS Code lets an
// extension attach a HoverProvider to those documents; whether a given Output channel shows it depends on the
// editor honouring hovers there (see test/vscode/suite/explain.test.ts for what is checked).
import * as vscode from 'vscode';
import { explainLine, layerLabel } from '../../../server/src/engine/causes';
import { Commands } from '../../../server/src/shared/protocol';
import { TEST_CONNECTIVITY_COMMAND } from './present';

export const HOVER_SELECTOR: vscode.DocumentSelector = [{ scheme: 'output' }, { language: 'log' }];
const RULE_ID = /^[A-Z]{2}\d{3}$/;

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

export class ExplainHoverProvider implements vscode.HoverProvider {
  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const line = document.lineAt(position.line).text;
    const e = explainLine(line);
    if (!e || position.character < e.start || position.character > e.end) return undefined;
    const md = new vscode.MarkdownString(undefined, true);
    md.isTrusted = { enabledCommands: [TEST_CONNECTIVITY_COMMAND, Commands.showRuleDocs] };
    md.appendMarkdown(`**Docker Proxy Doctor: ${escape(e.title)}** \`${e.id}\`\n\n`);
    md.appendMarkdown(`*Layer:* ${escape(layerLabel(e.layer))}\n\n${escape(e.cause)}\n\n**Next:** ${escape(e.action)}\n\n`);
    if (e.decide) md.appendMarkdown(`${escape(e.decide)}\n\n`);
    const links = [`[Test connectivity](command:${TEST_CONNECTIVITY_COMMAND})`];
    const rule = e.related.find((r) => RULE_ID.test(r));
    if (rule) links.push(`[Rule ${rule}](command:${Commands.showRuleDocs}?${encodeURIComponent(JSON.stringify([rule]))})`);
    md.appendMarkdown(links.join(' · '));
    return new vscode.Hover(md, new vscode.Range(position.line, e.start, position.line, Math.min(e.end, line.length)));
  }
}
