// A failed request to the language server as one sentence with the next step. Pure (no `vscode`).
import { m } from './viewText';

/** A request error (JSON-RPC ResponseError, transport error, timeout) as one sentence with the next step. */
export function describeRequestError(method: string, e: unknown): string {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  const msg = m(e instanceof Error ? e.message : typeof e === 'object' && e !== null && 'message' in e ? String((e as { message: unknown }).message) : String(e));
  if (code === -32800) return `${method} was cancelled.`;
  if (/not running|is not ready|connection (got )?(disposed|closed)|stopped/i.test(msg)) {
    return `The language server is not running (${msg}). Run "Docker Proxy Doctor: Restart Language Server" or look at Output › Docker Proxy Doctor.`;
  }
  return `${method} failed: ${msg || 'unknown error'}. See Output › Docker Proxy Doctor for details.`;
}
