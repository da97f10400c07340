// `dockerProxy/explain`: the explainer with the machine. The text is explained with the cause catalog, then each
// explanation is attributed with the same machine model as the Proxy Status (which layer produced it, where that
// layer runs, which file and line configure it). In an untrusted workspace no command runs: the text alone decides.
import type { CancellationToken, Connection } from 'vscode-languageserver/node';
import type { Doctor } from '../engine/doctor';
import { Requests, type ExplainRequestParams, type ExplainResponse } from '../shared/protocol';
import { sanitize } from './statusHandler';

/** A terminal selection or a pasted log; anything longer is cut (the explainer is line-oriented). */
const MAX_TEXT = 1024 * 1024;

export function registerExplain(connection: Connection, doctor: Doctor): void {
  connection.onRequest(Requests.explain, async (params: ExplainRequestParams | null, token: CancellationToken): Promise<ExplainResponse> => {
    const text = typeof params?.text === 'string' ? params.text.slice(0, MAX_TEXT) : '';
    const p = sanitize(params);
    return doctor.explain(text, { ...p, trusted: p.trusted && !token.isCancellationRequested });
  });
}
