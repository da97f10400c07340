// What the probes need from the network, injected so the engine stays pure: the Node adapter
// (server/src/node/dialer.ts) uses dns/net/tls; unit tests can pass scripted dialers.

/** Why a network step failed, in the terms the cause catalog uses. */
export type DialFailure = 'dns' | 'refused' | 'reset' | 'unreachable' | 'closed' | 'aborted' | 'other';

export class DialError extends Error {
  constructor(readonly failure: DialFailure, message: string) {
    super(message);
    this.name = 'DialError';
  }
}

export interface StepOptions {
  /** Aborted on timeout or cancellation; the adapter then destroys its socket and rejects. */
  signal: AbortSignal;
}

export type TlsFailure =
  /** The peer answered the ClientHello with something that is not TLS (a plain HTTP proxy). */
  | 'not-tls'
  /** The peer closed or reset the connection during the handshake. */
  | 'closed'
  /** The chain ends at a CA that is not trusted. */
  | 'unknown-authority'
  | 'hostname-mismatch'
  | 'expired'
  | 'other';

export type TlsOutcome =
  | { ok: true; /** Subject of the peer certificate and its issuer, for the report. */ subject?: string; issuer?: string; protocol?: string }
  | { ok: false; failure: TlsFailure; message: string; /** Issuer of the peer certificate and the top of its chain. */ issuer?: string; root?: string };

export interface RawResponse {
  /** Status line and headers, without the blank line. */
  head: string;
  /** Body (only when asked for), capped by the adapter. */
  body: string;
}

export interface ProbeConnection {
  /** Upgrades the connection to TLS. Certificate problems come back as an outcome, not as a rejection. */
  startTls(serverName: string, options: StepOptions): Promise<TlsOutcome>;
  /**
   * Writes `request` (an HTTP/1.1 request head, CRLF line ends) and reads the answer's head; with `readBody`, also the
   * body up to its Content-Length or the end of the connection. Rejects with DialError when the peer closes first.
   */
  exchange(request: string, options: StepOptions & { readBody?: boolean }): Promise<RawResponse>;
  close(): void;
}

export interface Dialer {
  /** Addresses of a host name. Rejects with DialError('dns'). */
  resolve(host: string, options: StepOptions): Promise<string[]>;
  /** A TCP connection. Rejects with DialError('refused' | 'reset' | 'unreachable' | …). */
  connect(address: string, port: number, options: StepOptions): Promise<ProbeConnection>;
}

/** Time, injected so tests control it and the engine reads no global clock. */
export interface Clock {
  now(): number;
  /** Calls `fn` after `ms`; returns a function that cancels it. */
  setTimer(ms: number, fn: () => void): () => void;
}
