// What the Proxy Status view holds (the status service's state) and what follows from it before any row is drawn:
// the welcome content key and the message line above the tree. Pure (no `vscode`).
import type { ConnectivityReport, ProxyStatusReport } from '../../../server/src/engine/status/report';
import { m } from './viewText';

/** Everything the view shows, held by the status service. */
export interface ViewState {
  report?: ProxyStatusReport;
  /** Last request failed: a message with the next step (already masked). */
  error?: string;
  /** A status request is in flight. */
  loading: boolean;
  /** `vscode.workspace.isTrusted` when the last request was sent. */
  trusted: boolean;
  connectivity?: ConnectivityReport;
  /** A connectivity test is running. */
  testing?: boolean;
}

/** Value of the context key `dockerProxyDoctor.welcome`; package.json viewsWelcome entries key on it. */
export type WelcomeKey = 'none' | 'loading' | 'error' | 'not-installed' | 'daemon-down' | 'untrusted' | 'no-config';

/** The tree is empty (and VS Code shows the welcome content) exactly when this is not `none`. */
export function welcomeKey(state: ViewState): WelcomeKey {
  const r = state.report;
  if (!r) {
    if (state.error) return 'error';
    return 'loading';
  }
  if (!r.noConfiguration || state.connectivity) return 'none';
  if (r.docker.state === 'not-installed') return 'not-installed';
  if (r.docker.state === 'daemon-down') return 'daemon-down';
  if (!state.trusted) return 'untrusted';
  return 'no-config';
}

/**
 * The line above the tree (TreeView.message): what is going on right now, never a secret. Undefined while the welcome
 * content is due, because VS Code hides the welcome content of a view that has a message.
 */
export function viewMessage(state: ViewState): string | undefined {
  if (welcomeKey(state) !== 'none') return undefined;
  const parts: string[] = [];
  if (state.loading) parts.push('Refreshing…');
  if (state.testing) parts.push('Testing connectivity…');
  if (state.report && state.error) parts.push(`Refresh failed, showing the previous result: ${m(state.error)}`);
  if (state.report && !state.trusted) parts.push('Untrusted workspace: no command was run, files and environment only.');
  return parts.length ? parts.join(' ') : undefined;
}
