// Underlines known Docker proxy errors in the integrated terminal; a click shows the explanation. Matching is the
// engine's (bundled: it is pure and synchronous, and the provider runs for every rendered line).
import * as vscode from 'vscode';
import { explainLine, type Explanation } from '../../../server/src/engine/causes';
import { presentExplanation } from './present';

export interface ExplainTerminalLink extends vscode.TerminalLink {
  explanation: Explanation;
}

export class ExplainTerminalLinkProvider implements vscode.TerminalLinkProvider<ExplainTerminalLink> {
  constructor(private readonly output: vscode.LogOutputChannel) {}

  provideTerminalLinks(context: vscode.TerminalLinkContext): ExplainTerminalLink[] {
    const e = explainLine(context.line);
    if (!e || e.end > context.line.length) return [];
    return [{ startIndex: e.start, length: e.end - e.start, tooltip: `Docker Proxy Doctor: ${e.title} (click to explain)`, explanation: e }];
  }

  handleTerminalLink(link: ExplainTerminalLink): Promise<void> {
    return presentExplanation(link.explanation, this.output);
  }
}
