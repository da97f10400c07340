// §1 "Precedence and conflicts": daemon.json wins over the environment; dockerd only logs a warning.
import { maskCredentials } from '../../proxy/url';
import type { StatusFinding } from '../report';
import { finding, type StatusCheck } from './check';
import { sameProxyValue } from './SV004-stale-daemon-env';
import { SRC } from '../../sources';

export const DJ019: StatusCheck = {
  meta: {
    id: 'DJ019', title: 'Environment proxy overridden by daemon.json', name: 'env-overridden', defaultSeverity: 'info', layer: 'daemon',
    summary: 'A drop-in sets a proxy variable that daemon.json also sets, to another value: daemon.json wins and the drop-in value is unused.',
    description: 'At start dockerd writes every non-empty daemon.json `proxies` value into its own environment, replacing what ' +
      'systemd passed, and logs "overriding existing proxy variable with value from configuration". The drop-in\'s value is then ' +
      'never used. Two places with different values make the next edit go to the wrong one.\n\nFix: keep one source, preferably ' +
      'daemon.json, and remove the duplicate.',
    sources: [SRC.mobyConfigureProxyEnv, SRC.daemonProxyConfig, SRC.dockerdProxyFlags],
    example: {
      before: { caption: "A drop-in and daemon.json set HTTPS_PROXY to different proxies", lang: 'ini', text: "# /etc/systemd/system/docker.service.d/http-proxy.conf\n[Service]\nEnvironment=\"HTTPS_PROXY=http://old-proxy.example.com:3128\"\n\n# /etc/docker/daemon.json: { \"proxies\": { \"https-proxy\": \"http://proxy.example.com:3128\" } }" },
      after: { caption: "The drop-in line removed (daemon.json wins anyway); then daemon-reload and restart", lang: 'ini', text: "# /etc/systemd/system/docker.service.d/http-proxy.conf\n[Service]" },
    },
  },
  check(model) {
    const out: StatusFinding[] = [];
    for (const env of model.configured.filter((c) => c.via === 'drop-in' && c.variable !== 'all')) {
      const json = model.configured.find((c) => c.via === 'daemon-json' && c.variable === env.variable && c.value !== '');
      if (!json || sameProxyValue(json.value, env.value)) continue;
      out.push(finding(DJ019.meta, `${env.name} here (${maskCredentials(env.value)}) is overridden by daemon.json "${json.name}" (${maskCredentials(json.value)}): dockerd uses the daemon.json value.`, {
        source: env.source, related: [json.source], action: `remove ${env.name} from the drop-in (daemon.json wins)`,
      }));
    }
    return out;
  },
};
