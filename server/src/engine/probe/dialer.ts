// What the probes need from the network, injected so the engine stays pure: the Node adapter
// (server/src/node/nodeDialer.ts) uses dns/net/tls; unit tests can pass scripted dialers.

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
  | {
    ok: false; failure: TlsFailure; message: string; /** Issuer of the peer certificate and the top of its chain. */ issuer?: string; root?: string;
    /** Subject of the peer (leaf) certificate. */ subject?: string;
    /** Label of the reference CA (TlsOptions.referenceCas) that issued a certificate of the chain, when one did. */
    issuedByReference?: string;
  };

export interface TlsOptions extends StepOptions {
  /** Extra CAs trusted for this handshake only (the layer's CA for this registry, e.g. dockerd's certs.d). */
  ca?: readonly string[];
  /**
   * CAs that are not trusted here but known for this host elsewhere (another layer's CA for it): when one of them
   * issued the chain, the failure says so (`issuedByReference`), which tells a registry's own CA from a proxy's.
   */
  referenceCas?: ReadonlyArray<{ label: string; pem: string }>;
}

export interface RawResponse {
  /** Status line and headers, without the blank line. */
  head: string;
  /** Body (only when asked for), capped by the adapter. */
  body: string;
}

export interface ProbeConnection {
  /** Upgrades the connection to TLS. Certificate problems come back as an outcome, not as a rejection. */
  startTls(serverName: string, options: TlsOptions): Promise<TlsOutcome>;
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
