// A proxy a layer uses does not accept a TCP connection from this machine: every request of that layer through it
// fails ("proxyconnect tcp: … connection refused" from dockerd and the CLI), whatever else is right.
import type { StatusFinding } from '../report';
import { finding, type StatusCheck } from './check';
import { SRC } from '../../sources';

const WHAT = { refused: 'refuses connections', timeout: 'does not answer', dns: 'has a name that does not resolve', unreachable: 'is unreachable', error: 'cannot be reached' } as const;

export const SV030: StatusCheck = {
  meta: {
    id: 'SV030', name: 'proxy-not-listening', defaultSeverity: 'error', layer: 'daemon',
    summary: 'A proxy this layer uses does not accept a TCP connection from this machine: the proxy is down or the address is wrong.',
    description: 'Each refresh of the Proxy Status opens one TCP connection to every proxy a layer uses (in parallel, about a ' +
      'second each; nothing is sent). When the connection is refused, times out or the proxy\'s name does not resolve, every ' +
      'request of that layer through the proxy fails: `docker pull` ends with "proxyconnect tcp: dial tcp …: connect: connection ' +
      'refused", builds cannot fetch their base images.\n\nA proxy on 127.0.0.1 is checked only for consumers that share this ' +
      'machine\'s network namespace (the CLI shell, a rootful dockerd); for a container or a docker-container builder, loopback ' +
      'is the container itself (SV019, DJ013, CC007).\n\nFix: start the proxy (cntlm, px, squid …), or correct the address where ' +
      'the layer reads it, then restart what reads it.',
    example: {
      before: { caption: 'dockerd 26 with HTTPS_PROXY=http://127.0.0.1:3128 in its environment and nothing listening there (output captured here)', lang: 'text', text: '$ docker pull alpine\nError response from daemon: Get "https://registry-1.docker.io/v2/": proxyconnect tcp: dial tcp 127.0.0.1:3128: connect: connection refused' },
      after: { caption: 'The proxy started again; the next refresh finds it listening', lang: 'text', text: '$ sudo systemctl start cntlm    # or squid, px …\n$ docker pull alpine' },
    },
    sources: [
      { url: 'https://github.com/golang/go/blob/go1.22.0/src/net/http/transport.go', shows: 'Go\'s transport dials the proxy first and reports "proxyconnect tcp: …" when that connection fails' },
      SRC.daemonProxyConfig,
    ],
  },
  check(model) {
    const out: StatusFinding[] = [];
    for (const c of model.proxyChecks ?? []) {
      if (c.result.ok) continue;
      const what = WHAT[c.result.failure ?? 'error'];
      const at = c.host.includes(':') ? `[${c.host}]:${c.port}` : `${c.host}:${c.port}`;
      const seen = new Set<string>();
      for (const u of c.uses) {
        if (seen.has(u.layer)) continue;
        seen.add(u.layer);
        const names = c.uses.filter((x) => x.layer === u.layer).map((x) => x.name);
        out.push(finding(SV030.meta, `${names.join(' and ')} = ${u.masked}: a TCP connection from this machine to ${at} ${c.result.failure === 'timeout' ? `got no answer within ${Math.round(c.result.durationMs)} ms` : `failed (${c.result.message ?? c.result.failure})`}. Every request of this layer through the proxy fails until it listens again.`, {
          layer: u.layer, title: `Proxy ${at} ${what}`, about: names, ...(u.source ? { source: u.source } : {}),
          action: `start the proxy at ${at}, or correct the address${u.source ? ` in ${u.source.label}` : ''}`,
        }));
      }
    }
    return out;
  },
};
