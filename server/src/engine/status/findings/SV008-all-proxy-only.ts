// §6, §7: Go's ProxyFromEnvironment never reads ALL_PROXY. Drop-in files are covered by the lint rule SV008; this
// check covers the environments that are not files: the CLI shell and the unit environment systemd reports.
import { goEnv } from '../statusModel';
import { finding, envSource, type StatusCheck } from './check';
import type { StatusFinding } from '../report';
import { SRC } from '../../sources';

export const SV008: StatusCheck = {
  meta: {
    id: 'SV008', title: 'Only ALL_PROXY is set: Docker ignores it', name: 'all-proxy-only', severity: 'warning', layer: 'cli-shell', sharesLintRulePage: true,
    summary: 'Only ALL_PROXY is set: Go programs (docker, buildx, dockerd) ignore it and connect directly.',
    description: 'See the lint rule page.',
    sources: [SRC.xnetFromEnvironment, SRC.goProxyFromEnvironment],
  },
  check(model) {
    const out: StatusFinding[] = [];
    const all = goEnv(model.shellEnv, 'all');
    if (all && !goEnv(model.shellEnv, 'http') && !goEnv(model.shellEnv, 'https')) {
      out.push(finding(SV008.meta, `This shell sets only ${all.name}: docker and buildx (Go) ignore it, so the build token fetch and tcp:// daemon traffic go direct.`, {
        related: [envSource(all.name, true)], action: 'export HTTPS_PROXY and HTTP_PROXY (socks5:// URLs are allowed there)',
      }));
    }
    if (model.systemdEnv && model.dropIns.length === 0) {
      const env = Object.fromEntries(model.systemdEnv.map((e) => [e.name, e.value]));
      if (goEnv(env, 'all') && !goEnv(env, 'http') && !goEnv(env, 'https') && !model.winners.size) {
        out.push(finding(SV008.meta, 'The docker unit\'s environment sets only ALL_PROXY: dockerd ignores it and pulls directly.', {
          layer: 'daemon', related: [{ kind: 'command', label: `${model.systemdUnitCommand.replace('sudo ', '')} show --property=Environment docker` }],
          action: 'set HTTP_PROXY and HTTPS_PROXY in a drop-in, or "proxies" in daemon.json',
        }));
      }
    }
    return out;
  },
};
