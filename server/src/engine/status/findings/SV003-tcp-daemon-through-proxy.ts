// §3: the CLI's HTTP client to a tcp:// daemon uses http.ProxyFromEnvironment (Go NO_PROXY semantics, §6).
import { goEnv } from '../statusModel';
import { tcpHostOf } from '../dockerContext';
import { matchesNoProxy } from '../../proxy/noProxyMatch';
import { envSource, finding, type StatusCheck } from './check';
import { SRC } from '../../sources';

export const SV003: StatusCheck = {
  meta: {
    id: 'SV003', title: 'tcp:// daemon connection goes through the proxy', name: 'tcp-daemon-through-proxy', defaultSeverity: 'warning', layer: 'cli-shell',
    summary: 'The CLI talks to a tcp:// daemon and the shell\'s proxy covers that host: every docker command goes through the proxy.',
    description: 'For a `tcp://` daemon (DOCKER_HOST, `-H` or a context) the docker CLI is an ordinary Go HTTP client: it sends its ' +
      'API calls through `HTTPS_PROXY` (with TLS) or `HTTP_PROXY` (without) unless `NO_PROXY` covers the daemon\'s host. Corporate ' +
      'proxies usually refuse or break that traffic (CONNECT to port 2376 denied, hijacked `attach`/`exec` streams).\n\n' +
      'Fix: add the daemon\'s host or IP to `NO_PROXY` in the shell. Unix sockets, named pipes and ssh:// never use the proxy.',
    sources: [SRC.cliOwnTransport, SRC.cliEnvVars],
    example: {
      before: { caption: "A tcp:// daemon, and a shell proxy that does not exempt it", lang: 'text', text: "$ export DOCKER_HOST=tcp://build-host.corp.example:2376\n$ export HTTPS_PROXY=http://proxy.example.com:3128 HTTP_PROXY=http://proxy.example.com:3128" },
      after: { caption: "The daemon host in NO_PROXY", lang: 'text', text: "$ export NO_PROXY=build-host.corp.example,localhost,127.0.0.1" },
    },
  },
  check(model) {
    const h = model.daemonHost;
    const tcp = h && tcpHostOf(h.host);
    if (!h || !tcp) return [];
    const scheme = h.tls ? 'https' : 'http';
    const proxy = goEnv(model.shellEnv, scheme);
    if (!proxy) return [];
    const noProxy = goEnv(model.shellEnv, 'no')?.value ?? '';
    if (matchesNoProxy('go', noProxy, tcp.host, tcp.port, scheme)) return [];
    return [finding(SV003.meta, `The daemon is ${h.host} and ${proxy.name} is set without a NO_PROXY entry for ${tcp.host}: docker commands go through the proxy.`, {
      related: [h.source, envSource(proxy.name, true)],
      action: `export NO_PROXY=${noProxy ? `${noProxy},` : ''}${tcp.host}`,
    })];
  },
};
