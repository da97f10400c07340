// Real components for the connectivity tests, all on 127.0.0.1 with ephemeral ports, started once per test file:
// - distribution 2.8 (Debian `docker-registry`) over TLS, once with token auth and once with htpasswd (Basic);
// - a small token service for the token registry's realm, on another host name (auth.test);
// - squid, the one proxy that maps the test names (registry.test, auth.test, basic.test) to 127.0.0.1 through its
//   hosts_file (Go never sends loopback names through a proxy, so the registries need non-loopback names);
// - tinyproxy plain and with BasicAuth, both chained to squid for the name mapping;
// - proxy-chain (npm) for 407 and for a proxy that accepts CONNECT and never answers;
// - FAKES, for faults no real proxy produces on demand: a proxy that resets every connection, and a small
//   TLS-intercepting proxy that re-signs the registry's certificate with its own CA (squid's ssl-bump is not built
//   into Debian's squid package).
// Names resolve for the probes through the Node dialer's `hosts` map; certificates come from openssl, made here.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import * as https from 'node:https';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tls from 'node:tls';

/** Failure guard for a part to come up (CI is a busy 2-core box). */
const READY_MS = 30_000;

export const NAMES = ['registry.test', 'auth.test', 'basic.test'] as const;
export const HOSTS: Record<string, string> = Object.fromEntries(NAMES.map((n) => [n, '127.0.0.1']));
export const PROXY_USER = 'feas';
export const PROXY_PASSWORD = 'p@ss#w0rd';

export interface Parts {
  dir: string;
  caFile: string;
  caPem: string;
  mitmCaFile: string;
  mitmCaPem: string;
  tokenRegistry: number;
  basicRegistry: number;
  tokenService: number;
  squid: number;
  tinyproxy: number;
  tinyproxyAuth: number;
  proxyChainAuth: number;
  proxyChainHang: number;
  /** proxy-chain speaking TLS itself (an `https://` proxy URL is right for it), chained to squid. */
  proxyChainTls: number;
  reset: number;
  /** FAKE: accepts TCP connections and never sends a byte (a registry or proxy that hangs). */
  silent: number;
  mitm: number;
  deadPort: number;
  /** Connections each in-process proxy has seen (to prove a proxy was NOT contacted). */
  seen: { proxyChainAuth: number; proxyChainHang: number; reset: number; mitm: number };
  /** Resolves the next time the hanging proxy gets a CONNECT. */
  nextHang(): Promise<void>;
  /** Resolves the next time the silent server accepts a connection. */
  nextSilent(): Promise<void>;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
  });
}

/** Starts a program and resolves once `ready` appears in its output; rejects when it exits first or never says it. */
export function startProcess(children: ChildProcess[], file: string, args: string[], ready: RegExp, label: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let output = '';
    let settled = false;
    const timer = setTimeout(() => finish(new Error(`${label} did not become ready within ${READY_MS} ms:\n${output}`)), READY_MS);
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error); else resolve();
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) finish();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('error', (e) => finish(new Error(`${label}: ${e.message}`)));
    child.once('exit', (code) => finish(new Error(`${label} exited (${code}) before it was ready:\n${output}`)));
  });
}

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** A CA and a server certificate for the test names, signed by it. */
export function makeCa(dir: string, prefix: string, caName: string): { caFile: string; certFile: string; keyFile: string } {
  openssl(dir, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-keyout', `${prefix}-ca.key`, '-out', `${prefix}-ca.pem`, '-subj', `/CN=${caName}/O=docker-proxy-doctor tests`]);
  openssl(dir, ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${prefix}.key`, '-out', `${prefix}.csr`, '-subj', '/CN=registry.test']);
  writeFileSync(path.join(dir, `${prefix}.ext`), `subjectAltName=${[...NAMES, 'localhost'].map((n) => `DNS:${n}`).join(',')},IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`);
  openssl(dir, ['x509', '-req', '-in', `${prefix}.csr`, '-CA', `${prefix}-ca.pem`, '-CAkey', `${prefix}-ca.key`, '-CAcreateserial', '-days', '2', '-out', `${prefix}.pem`, '-extfile', `${prefix}.ext`]);
  return { caFile: path.join(dir, `${prefix}-ca.pem`), certFile: path.join(dir, `${prefix}.pem`), keyFile: path.join(dir, `${prefix}.key`) };
}

export function registryConfig(dir: string, name: string, port: number, cert: string, key: string, auth: string): string {
  const file = path.join(dir, `${name}.yml`);
  writeFileSync(file, `version: 0.1
log:
  level: info
storage:
  filesystem:
    rootdirectory: ${path.join(dir, name, 'data')}
http:
  addr: 127.0.0.1:${port}
  secret: probe-test-secret
  tls:
    certificate: ${cert}
    key: ${key}
auth:
${auth}`);
  return file;
}

function readHead(socket: net.Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    const onData = (chunk: Buffer) => {
      data += chunk.toString('latin1');
      const end = data.indexOf('\r\n\r\n');
      if (end >= 0) { socket.removeListener('data', onData); resolve(data.slice(0, end)); }
    };
    socket.on('data', onData);
    socket.once('error', reject);
  });
}

export async function startParts(): Promise<Parts> {
  const dir = mkdtempSync(path.join(process.env.RUN_DIR ?? os.tmpdir(), 'probe-parts-'));
  chmodSync(dir, 0o755); // squid and tinyproxy drop privileges when started as root
  const children: ChildProcess[] = [];
  const servers: net.Server[] = [];
  const closers: Array<() => Promise<void>> = [];
  const seen = { proxyChainAuth: 0, proxyChainHang: 0, reset: 0, mitm: 0 };
  const hangWaiters: Array<() => void> = [];
  const silentWaiters: Array<() => void> = [];
  const stop = async () => {
    for (const c of closers) await c().catch(() => undefined);
    for (const s of servers) s.close();
    await Promise.all(children.map((c) => new Promise<void>((resolve) => {
      if (c.exitCode !== null || c.signalCode !== null) { resolve(); return; }
      c.once('exit', () => resolve());
      c.kill('SIGKILL');
    })));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const reg = makeCa(dir, 'registry', 'Probe Test Registry CA');
    const mitmCa = makeCa(dir, 'mitm', 'Probe Test Intercepting Proxy CA');
    const isRoot = process.getuid?.() === 0;

    // Token service for the realm: any GET /token gets an anonymous token, like auth.docker.io.
    const tokenServer = https.createServer({ key: readFileSync(reg.keyFile), cert: readFileSync(reg.certFile) }, (req, res) => {
      if ((req.url ?? '').startsWith('/token')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ token: 'probe-test-token', access_token: 'probe-test-token', expires_in: 300 }));
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    const tokenService = await listen(tokenServer);
    servers.push(tokenServer);

    const [tokenRegistry, basicRegistry, squid, tinyproxy, tinyproxyAuth] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort()]);
    const tokenCfg = registryConfig(dir, 'token-registry', tokenRegistry, reg.certFile, reg.keyFile,
      `  token:\n    realm: https://auth.test:${tokenService}/token\n    service: probe-test-registry\n    issuer: probe-test-issuer\n    rootcertbundle: ${reg.caFile}\n`);
    // htpasswd: distribution 2.8 creates the file with a random user when it is missing; the probe never logs in.
    const basicCfg = registryConfig(dir, 'basic-registry', basicRegistry, reg.certFile, reg.keyFile,
      `  htpasswd:\n    realm: probe-basic-realm\n    path: ${path.join(dir, 'htpasswd')}\n`);

    const sq = path.join(dir, 'squid');
    mkdirSync(sq);
    writeFileSync(path.join(sq, 'hosts'), NAMES.map((n) => `127.0.0.1 ${n}\n`).join(''));
    writeFileSync(path.join(sq, 'squid.conf'), [
      `http_port 127.0.0.1:${squid}`,
      `pid_filename ${sq}/squid.pid`,
      ...(isRoot ? ['cache_effective_user proxy'] : []),
      `access_log stdio:${sq}/access.log squid`,
      `cache_log ${sq}/cache.log`,
      'cache_store_log none',
      'logfile_rotate 0',
      'cache deny all',
      'cache_mem 8 MB',
      `coredump_dir ${sq}`,
      `hosts_file ${sq}/hosts`,
      'dns_nameservers 127.0.0.1',
      'dns_timeout 2 seconds',
      'shutdown_lifetime 0 seconds',
      'pinger_enable off',
      'acl CONNECT method CONNECT',
      'http_access allow localhost',
      'http_access deny all',
      '',
    ].join('\n'));
    if (isRoot) execFileSync('chown', ['-R', 'proxy:proxy', sq]);

    const tinyConf = (name: string, port: number, extra: string[]) => {
      const file = path.join(dir, `${name}.conf`);
      writeFileSync(file, [
        `Port ${port}`, 'Listen 127.0.0.1', 'Timeout 30', 'LogLevel Info', 'MaxClients 20', 'Allow 127.0.0.1',
        ...(isRoot ? ['User nobody', 'Group nogroup'] : []),
        `Upstream http 127.0.0.1:${squid}`, ...extra, '',
      ].join('\n'));
      return file;
    };

    await Promise.all([
      startProcess(children, 'docker-registry', ['serve', tokenCfg], /listening on 127\.0\.0\.1/, 'docker-registry (token)'),
      startProcess(children, 'docker-registry', ['serve', basicCfg], /listening on 127\.0\.0\.1/, 'docker-registry (basic)'),
      startProcess(children, 'squid', ['-N', '-d', '1', '-f', path.join(sq, 'squid.conf')], /Accepting HTTP Socket connections/, 'squid'),
      startProcess(children, 'tinyproxy', ['-d', '-c', tinyConf('tinyproxy', tinyproxy, [])], /Accepting connections/, 'tinyproxy'),
      startProcess(children, 'tinyproxy', ['-d', '-c', tinyConf('tinyproxy-auth', tinyproxyAuth, [`BasicAuth ${PROXY_USER} s3cret`])], /Accepting connections/, 'tinyproxy (BasicAuth)'),
    ]);

    // proxy-chain is ESM-only; dynamic import from this CommonJS test.
    const ProxyChain = await import('proxy-chain');
    const authProxy = new ProxyChain.Server({
      port: 0, host: '127.0.0.1',
      prepareRequestFunction: ({ username, password }) => {
        seen.proxyChainAuth++;
        const ok = username === PROXY_USER && password === PROXY_PASSWORD;
        return { requestAuthentication: !ok, upstreamProxyUrl: ok ? `http://127.0.0.1:${squid}` : undefined };
      },
    });
    await authProxy.listen();
    closers.push(() => authProxy.close(true));
    const hangProxy = new ProxyChain.Server({
      port: 0, host: '127.0.0.1',
      // Accepts the connection and the CONNECT request, then never answers.
      prepareRequestFunction: () => {
        seen.proxyChainHang++;
        for (const w of hangWaiters.splice(0)) w();
        return new Promise<never>(() => undefined);
      },
    });
    await hangProxy.listen();
    closers.push(() => hangProxy.close(true));
    const tlsProxy = new ProxyChain.Server({
      port: 0, host: '127.0.0.1', serverType: 'https',
      httpsOptions: { key: readFileSync(reg.keyFile), cert: readFileSync(reg.certFile) },
      prepareRequestFunction: () => ({ upstreamProxyUrl: `http://127.0.0.1:${squid}` }),
    });
    await tlsProxy.listen();
    closers.push(() => tlsProxy.close(true));

    // FAKE: a proxy that resets every connection as soon as the client speaks (RST, not FIN).
    const resetServer = net.createServer((s) => {
      seen.reset++;
      s.once('data', () => s.resetAndDestroy());
      s.on('error', () => undefined);
    });
    const reset = await listen(resetServer);
    servers.push(resetServer);

    // FAKE: a TLS-intercepting proxy. It answers CONNECT with 200, terminates TLS with a certificate from its own CA,
    // and forwards the decrypted bytes to the real registry over a second TLS connection.
    const mitmKey = readFileSync(mitmCa.keyFile);
    const mitmCert = readFileSync(mitmCa.certFile);
    const registryCa = readFileSync(reg.caFile, 'utf8');
    const mitmServer = net.createServer((client) => {
      seen.mitm++;
      client.on('error', () => undefined);
      void readHead(client).then((head) => {
        const m = /^CONNECT ([^\s:]+):(\d+) /.exec(head);
        if (!m) { client.end('HTTP/1.1 400 Bad Request\r\n\r\n'); return; }
        client.write('HTTP/1.1 200 Connection established\r\n\r\n');
        const inner = new tls.TLSSocket(client, { isServer: true, key: mitmKey, cert: mitmCert });
        inner.on('error', () => undefined);
        const upstream = tls.connect({ host: HOSTS[m[1]] ?? m[1], port: Number(m[2]), servername: m[1], ca: registryCa });
        upstream.on('error', () => inner.destroy());
        inner.pipe(upstream).pipe(inner);
      }, () => client.destroy());
    });
    const mitm = await listen(mitmServer);
    servers.push(mitmServer);

    // FAKE: accepts and never answers.
    const silentSockets = new Set<net.Socket>();
    const silentServer = net.createServer((s) => {
      silentSockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => silentSockets.delete(s));
      for (const w of silentWaiters.splice(0)) w();
    });
    const silent = await listen(silentServer);
    servers.push(silentServer);
    closers.push(async () => { for (const s of silentSockets) s.destroy(); });

    const deadPort = await freePort();
    return {
      dir, caFile: reg.caFile, caPem: readFileSync(reg.caFile, 'utf8'), mitmCaFile: mitmCa.caFile, mitmCaPem: readFileSync(mitmCa.caFile, 'utf8'),
      tokenRegistry, basicRegistry, tokenService, squid, tinyproxy, tinyproxyAuth,
      proxyChainAuth: authProxy.port, proxyChainHang: hangProxy.port, proxyChainTls: tlsProxy.port, reset, silent, mitm, deadPort, seen,
      nextHang: () => new Promise<void>((resolve) => hangWaiters.push(resolve)),
      nextSilent: () => new Promise<void>((resolve) => silentWaiters.push(resolve)),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
