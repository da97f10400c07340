// The error explainer in VS Code: terminal links, the explain command and hovers in Output/log views.
import * as vscode from 'vscode';
import { EXPLAIN_COMMAND, explainError, type MachineExplainer } from './explainCommand';
import { ExplainHoverProvider, HOVER_SELECTOR } from './outputHover';
import { ExplainTerminalLinkProvider } from './terminalLinks';

export { EXPLAIN_COMMAND } from './explainCommand';

export function registerExplain(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, withMachine?: MachineExplainer): void {
  const links = new ExplainTerminalLinkProvider(output);
  context.subscriptions.push(
    vscode.commands.registerCommand(EXPLAIN_COMMAND, (arg?: unknown) => explainError(output, arg, withMachine)),
    vscode.window.registerTerminalLinkProvider(links),
    vscode.languages.registerHoverProvider(HOVER_SELECTOR, new ExplainHoverProvider()),
    // Not contributed (no palette entry): lets tests ask the registered provider about a terminal line, since VS Code
    // has no API to read what a terminal shows or which links it underlined.
    vscode.commands.registerCommand(TERMINAL_LINKS_FOR_LINE, (line: unknown, terminal?: vscode.Terminal) => {
      if (typeof line !== 'string') return [];
      const found = links.provideTerminalLinks({ line, terminal: terminal ?? vscode.window.activeTerminal! });
      return found.map((l) => ({ startIndex: l.startIndex, length: l.length, tooltip: l.tooltip, id: l.explanation.id }));
    }),
  );
}

export const TERMINAL_LINKS_FOR_LINE = 'dockerProxyDoctor.explain.terminalLinksForLine';
