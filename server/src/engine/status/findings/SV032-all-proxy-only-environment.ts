// Go's ProxyFromEnvironment never reads ALL_PROXY. A drop-in that sets only ALL_PROXY is the lint rule SV008 (a file
// line); this check covers the environments that are no file: the CLI shell and the unit environment systemd reports.
// (Until the two kinds of check shared one id space, this finding was also called SV008.)
import { goEnv } from '../statusModel';
import { finding, envSource, type StatusCheck } from './check';
import type { StatusFinding } from '../report';
import { SRC } from '../../sources';

export const SV032: StatusCheck = {
  meta: {
    id: 'SV032', title: 'Only ALL_PROXY is set: Docker ignores it', name: 'all-proxy-only-environment', defaultSeverity: 'warning', layer: 'cli-shell',
    summary: 'Only ALL_PROXY is set in the shell running docker, or in the unit environment systemd gives dockerd: Go programs ignore it and connect directly.',
    description: 'Go\'s proxy support (docker, buildx, dockerd) reads `HTTP_PROXY`, `HTTPS_PROXY` and `NO_PROXY`, in either ' +
      'case, and nothing else: `ALL_PROXY` is never looked at, although curl in the same shell uses it. With only `ALL_PROXY` ' +
      'set:\n\n' +
      '- **in the shell** that runs `docker`: the registry token a build fetches through the client and the connection to a ' +
      '`tcp://` daemon go direct, so `docker build` fails with "failed to fetch oauth token" behind a firewall;\n' +
      '- **in the docker unit\'s environment** as `systemctl show` reports it (set somewhere the status did not read as a ' +
      'drop-in, such as the unit file itself): dockerd has no proxy and pulls go direct.\n\n' +
      'Set `HTTPS_PROXY` and `HTTP_PROXY` instead; a SOCKS proxy is fine there (`socks5://proxy:1080`). A drop-in file that ' +
      'sets only `ALL_PROXY` is reported on its line by the lint rule [SV008](SV008.md), with a quick fix. ' +
      '(Before lint rules and status findings shared one id space, this finding was shown as SV008 too.)',
    sources: [SRC.xnetFromEnvironment, SRC.goProxyFromEnvironment, SRC.buildkitClientToken, SRC.cliOwnTransport],
    example: {
      before: { caption: 'The shell running docker sets only ALL_PROXY', lang: 'text', text: '$ env | grep -i _proxy\nALL_PROXY=socks5://proxy.example.com:1080' },
      after: { caption: 'The variables Go reads are set', lang: 'text', text: '$ export HTTPS_PROXY=socks5://proxy.example.com:1080 HTTP_PROXY=socks5://proxy.example.com:1080 NO_PROXY=localhost,127.0.0.1' },
    },
  },
  check(model) {
    const out: StatusFinding[] = [];
    const all = goEnv(model.shellEnv, 'all');
    if (all && !goEnv(model.shellEnv, 'http') && !goEnv(model.shellEnv, 'https')) {
      out.push(finding(SV032.meta, `This shell sets only ${all.name}: docker and buildx (Go) ignore it, so the build token fetch and tcp:// daemon traffic go direct.`, {
        related: [envSource(all.name, true)], action: 'export HTTPS_PROXY and HTTP_PROXY (socks5:// URLs are allowed there)',
      }));
    }
    if (model.systemdEnv && model.dropIns.length === 0) {
      const env = Object.fromEntries(model.systemdEnv.map((e) => [e.name, e.value]));
      if (goEnv(env, 'all') && !goEnv(env, 'http') && !goEnv(env, 'https') && !model.winners.size) {
        out.push(finding(SV032.meta, 'The docker unit\'s environment sets only ALL_PROXY: dockerd ignores it and pulls directly.', {
          layer: 'daemon', related: [{ kind: 'command', label: `${model.systemdUnitCommand.replace('sudo ', '')} show --property=Environment docker` }],
          action: 'set HTTP_PROXY and HTTPS_PROXY in a drop-in, or "proxies" in daemon.json',
        }));
      }
    }
    return out;
  },
};
