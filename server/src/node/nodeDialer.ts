// The real network for the probes: dns.lookup, net.connect and tls.connect over the same socket (so TLS runs inside
// a proxy's CONNECT tunnel). Certificates are checked here, not by Node, so the probe can name the issuer.
import { promises as dns } from 'node:dns';
import * as net from 'node:net';
import * as tls from 'node:tls';
import { readFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { DialError, type Clock, type Dialer, type DialFailure, type ProbeConnection, type RawResponse, type StepOptions, type TlsFailure, type TlsOptions, type TlsOutcome } from '../engine/probe/dialer';

/** Largest answer we read; a registry challenge or a token is a few KiB. */
const MAX_RESPONSE_BYTES = 256 * 1024;

export interface NodeDialerOptions {
  /** Extra CA certificates (PEM texts) trusted on top of Node's bundled roots. */
  extraCaPem?: string[];
  /**
   * Fixed answers for names, like /etc/hosts lines (`{ "registry.test": "127.0.0.1" }`). Used by tests to give
   * loopback servers non-loopback names (Go never proxies loopback, facts §6).
   */
  hosts?: Readonly<Record<string, string>>;
}

export const nodeClock: Clock = {
  now: () => performance.now(),
  setTimer: (ms, fn) => {
    const t = setTimeout(fn, ms);
    return () => clearTimeout(t);
  },
};

function failureOf(error: NodeJS.ErrnoException): DialFailure {
  switch (error.code) {
    case 'ECONNREFUSED': return 'refused';
    case 'ECONNRESET': case 'EPIPE': return 'reset';
    case 'ENOTFOUND': case 'EAI_AGAIN': case 'EAI_NONAME': case 'EAI_FAIL': return 'dns';
    case 'ENETUNREACH': case 'EHOSTUNREACH': case 'ETIMEDOUT': return 'unreachable';
    case 'ABORT_ERR': return 'aborted';
    default: return 'other';
  }
}

function dialError(error: unknown): DialError {
  if (error instanceof DialError) return error;
  const e = error as NodeJS.ErrnoException;
  return new DialError(failureOf(e), e.code ? `${e.code}: ${e.message}` : String(e.message ?? e));
}

/** Reads PEM files (extra CAs). Throws a clear message when one cannot be read. */
export function readCaFiles(files: readonly string[]): string[] {
  return files.map((f) => {
    try {
      const text = readFileSync(f, 'utf8');
      if (!text.includes('-----BEGIN CERTIFICATE-----')) throw new Error('no PEM certificate in it');
      return text;
    } catch (e) {
      throw new Error(`cannot use CA file ${f}: ${(e as Error).message}`);
    }
  });
}

const UNKNOWN_AUTHORITY = new Set(['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_GET_ISSUER_CERT', 'CERT_UNTRUSTED']);
const EXPIRED = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);

function dn(name: tls.Certificate | undefined): string | undefined {
  if (!name) return undefined;
  const parts = (['CN', 'O', 'OU'] as const).filter((k) => name[k]).map((k) => `${k}=${String(name[k])}`);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** Issuer of the leaf, and the subject of the last certificate of the chain the peer sent. */
function chainNames(socket: tls.TLSSocket): { issuer?: string; root?: string; subject?: string } {
  const leaf = socket.getPeerCertificate(true);
  if (!leaf || Object.keys(leaf).length === 0) return {};
  let top: tls.DetailedPeerCertificate = leaf;
  for (let i = 0; i < 10 && top.issuerCertificate && top.issuerCertificate !== top && top.issuerCertificate.fingerprint256 !== top.fingerprint256; i++) top = top.issuerCertificate;
  return { subject: dn(leaf.subject), issuer: dn(leaf.issuer), root: top === leaf ? dn(leaf.issuer) : dn(top.subject) ?? dn(top.issuer) };
}

/** The label of the first reference CA that signed a certificate of the peer's chain (checked by signature). */
function issuedBy(socket: tls.TLSSocket, references: TlsOptions['referenceCas']): string | undefined {
  if (!references?.length) return undefined;
  const chain: X509Certificate[] = [];
  let cert: tls.DetailedPeerCertificate | undefined = socket.getPeerCertificate(true);
  for (let i = 0; i < 10 && cert?.raw; i++) {
    chain.push(new X509Certificate(cert.raw));
    if (!cert.issuerCertificate || cert.issuerCertificate.fingerprint256 === cert.fingerprint256) break;
    cert = cert.issuerCertificate;
  }
  for (const ref of references) {
    let ca: X509Certificate;
    try { ca = new X509Certificate(ref.pem); } catch { continue; }
    if (chain.some((c) => c.fingerprint256 === ca.fingerprint256 || (c.checkIssued(ca) && c.verify(ca.publicKey)))) return ref.label;
  }
  return undefined;
}

class NodeConnection implements ProbeConnection {
  private buffered = Buffer.alloc(0);
  private ended = false;
  private error: Error | undefined;
  private wake: (() => void) | undefined;

  constructor(private socket: net.Socket, private readonly ca: string[]) {
    this.attach(socket);
  }

  private readonly onData = (chunk: Buffer) => { this.buffered = Buffer.concat([this.buffered, chunk]); this.wake?.(); };
  private readonly onEnd = () => { this.ended = true; this.wake?.(); };
  private readonly onError = (e: Error) => { this.error = e; this.wake?.(); };

  private attach(socket: net.Socket): void {
    socket.on('data', this.onData);
    socket.on('end', this.onEnd);
    socket.on('close', this.onEnd);
    socket.on('error', this.onError);
  }

  /** Removes only our listeners (Node's own stay), before the socket is handed to TLS. */
  private detach(socket: net.Socket): void {
    socket.removeListener('data', this.onData);
    socket.removeListener('end', this.onEnd);
    socket.removeListener('close', this.onEnd);
    socket.removeListener('error', this.onError);
    socket.on('error', () => { /* reported through the TLS socket */ });
  }

  /** Waits for more data, the end, an error or the abort. */
  private next(signal: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal.aborted) { reject(new DialError('aborted', 'aborted')); return; }
      const onAbort = () => { this.wake = undefined; reject(new DialError('aborted', 'aborted')); };
      signal.addEventListener('abort', onAbort, { once: true });
      this.wake = () => { this.wake = undefined; signal.removeEventListener('abort', onAbort); resolve(); };
    });
  }

  startTls(serverName: string, options: TlsOptions): Promise<TlsOutcome> {
    const raw = this.socket;
    this.detach(raw);
    return new Promise<TlsOutcome>((resolve, reject) => {
      const servername = net.isIP(serverName) ? undefined : serverName;
      // rejectUnauthorized false: we judge the chain ourselves below, so a failure can name the issuer.
      const secure = tls.connect({ socket: raw, servername, ca: [...tls.rootCertificates, ...this.ca, ...(options.ca ?? [])], rejectUnauthorized: false, ALPNProtocols: ['http/1.1'] });
      let settled = false;
      const done = (v: TlsOutcome | DialError) => {
        if (settled) return;
        settled = true;
        options.signal.removeEventListener('abort', onAbort);
        if (v instanceof DialError) reject(v); else resolve(v);
      };
      const onAbort = () => { secure.destroy(); done(new DialError('aborted', 'aborted')); };
      options.signal.addEventListener('abort', onAbort, { once: true });
      secure.once('secureConnect', () => {
        this.socket = secure;
        this.attach(secure);
        const names = chainNames(secure);
        const protocol = secure.getProtocol() ?? undefined;
        if (!secure.authorized) {
          const code = String((secure.authorizationError as unknown as string) ?? 'unknown');
          const failure: TlsFailure = UNKNOWN_AUTHORITY.has(code) ? 'unknown-authority' : EXPIRED.has(code) ? 'expired' : 'other';
          done({ ok: false, failure, message: `certificate not trusted (${code})`, issuer: names.issuer, root: names.root, subject: names.subject, issuedByReference: issuedBy(secure, options.referenceCas) });
          return;
        }
        const identityError = tls.checkServerIdentity(serverName, secure.getPeerCertificate());
        if (identityError) {
          done({ ok: false, failure: 'hostname-mismatch', message: identityError.message, issuer: names.issuer, root: names.root });
          return;
        }
        done({ ok: true, protocol, subject: names.subject, issuer: names.issuer });
      });
      secure.once('error', (e: NodeJS.ErrnoException) => {
        const text = `${e.code ?? ''} ${e.message}`;
        let failure: TlsFailure = 'other';
        if (/WRONG_VERSION_NUMBER|PACKET_LENGTH_TOO_LONG|HTTP_REQUEST|wrong version number|record layer failure|unknown protocol/i.test(text)) failure = 'not-tls';
        else if (/ECONNRESET|socket disconnected|socket hang up|EPIPE/i.test(text)) failure = 'closed';
        done({ ok: false, failure, message: e.code ? `${e.code}: ${e.message}` : e.message });
      });
    });
  }

  async exchange(request: string, options: StepOptions & { readBody?: boolean }): Promise<RawResponse> {
    if (this.ended || this.socket.destroyed) throw new DialError('closed', 'connection already closed');
    this.socket.write(request);
    let headEnd = -1;
    for (;;) {
      headEnd = this.buffered.indexOf('\r\n\r\n');
      if (headEnd >= 0) break;
      if (this.error) throw dialError(this.error);
      if (this.ended) throw new DialError(this.buffered.length === 0 ? 'closed' : 'other', this.buffered.length === 0 ? 'connection closed before any answer' : 'connection closed in the middle of the answer');
      if (this.buffered.length > MAX_RESPONSE_BYTES) throw new DialError('other', 'answer head too large');
      await this.next(options.signal);
    }
    const head = this.buffered.subarray(0, headEnd).toString('latin1');
    this.buffered = this.buffered.subarray(headEnd + 4);
    if (!options.readBody) return { head, body: '' };
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(`\r\n${head}`);
    const want = length ? Math.min(Number(length[1]), MAX_RESPONSE_BYTES) : MAX_RESPONSE_BYTES;
    while (this.buffered.length < want && !this.ended && !this.error) await this.next(options.signal);
    const body = this.buffered.subarray(0, want).toString('utf8');
    this.buffered = this.buffered.subarray(Math.min(want, this.buffered.length));
    return { head, body };
  }

  close(): void {
    this.socket.destroy();
  }
}

export function createNodeDialer(options: NodeDialerOptions = {}): Dialer {
  const ca = options.extraCaPem ?? [];
  const hosts = new Map(Object.entries(options.hosts ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    async resolve(host, { signal }) {
      const fixed = hosts.get(host.toLowerCase());
      if (fixed) return [fixed];
      if (signal.aborted) throw new DialError('aborted', 'aborted');
      try {
        const found = await dns.lookup(host, { all: true });
        if (found.length === 0) throw new DialError('dns', `${host}: no address`);
        return found.map((a) => a.address);
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        if (err instanceof DialError) throw err;
        throw new DialError(failureOf(err) === 'other' ? 'dns' : failureOf(err), `lookup ${host}: ${err.code ?? err.message}`);
      }
    },
    connect(address, port, { signal }) {
      return new Promise<ProbeConnection>((resolve, reject) => {
        if (signal.aborted) { reject(new DialError('aborted', 'aborted')); return; }
        const socket = net.connect({ host: address, port });
        const cleanup = () => { signal.removeEventListener('abort', onAbort); socket.removeListener('error', onError); };
        const onAbort = () => { cleanup(); socket.destroy(); reject(new DialError('aborted', 'aborted')); };
        const onError = (e: Error) => { cleanup(); socket.destroy(); reject(dialError(e)); };
        signal.addEventListener('abort', onAbort, { once: true });
        socket.once('error', onError);
        socket.once('connect', () => {
          cleanup();
          const conn = new NodeConnection(socket, ca);
          // Destroy the socket when the probe is aborted later (timeout, cancel), so nothing lingers.
          signal.addEventListener('abort', () => conn.close(), { once: true });
          resolve(conn);
        });
      });
    },
  };
}
