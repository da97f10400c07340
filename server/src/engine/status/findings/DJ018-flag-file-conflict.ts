// §1 "Precedence and conflicts": the same proxy as a dockerd flag and in daemon.json is a fatal conflict.
import type { StatusFinding } from '../report';
import { finding, type StatusCheck } from './check';
import { SRC } from '../../sources';

export const DJ018: StatusCheck = {
  meta: {
    id: 'DJ018', title: 'Proxy set both as a flag and in daemon.json: dockerd will not start', name: 'flag-file-conflict', defaultSeverity: 'error', layer: 'daemon',
    summary: 'The same proxy is set as a dockerd flag (ExecStart) and in daemon.json: dockerd refuses to start.',
    description: 'dockerd merges its flags with daemon.json and stops with "the following directives are specified both as a flag ' +
      'and in the configuration file: http-proxy: (from flag: …, from file: …)" when a key is in both. The unit\'s `ExecStart` ' +
      '(or a drop-in that replaces it) with `--http-proxy`, `--https-proxy` or `--no-proxy` and daemon.json `proxies` with the ' +
      'same key cannot both stay.\n\nFix: keep the setting in daemon.json and remove the flag from ExecStart (or the other way round).',
    sources: [SRC.mobyFlagFileConflict, SRC.dockerdConfigFile, SRC.mobyProxyFlags],
    example: {
      before: { caption: "The same proxy as a flag and in daemon.json", lang: 'ini', text: "# /etc/systemd/system/docker.service.d/override.conf\n[Service]\nExecStart=\nExecStart=/usr/bin/dockerd -H fd:// --https-proxy http://proxy.example.com:3128\n\n# /etc/docker/daemon.json: { \"proxies\": { \"https-proxy\": \"http://proxy.example.com:3128\" } }" },
      after: { caption: "One place only: the flag removed, daemon.json kept", lang: 'ini', text: "# /etc/systemd/system/docker.service.d/override.conf\n[Service]\nExecStart=\nExecStart=/usr/bin/dockerd -H fd://" },
    },
  },
  check(model) {
    const out: StatusFinding[] = [];
    for (const flag of model.configured.filter((c) => c.via === 'flag')) {
      const file = model.configured.find((c) => c.via === 'daemon-json' && c.variable === flag.variable);
      if (!file) continue;
      out.push(finding(DJ018.meta, `${file.name} is set in daemon.json and as ${flag.name} in dockerd's ExecStart (${flag.source.label}): dockerd refuses to start with both.`, {
        source: file.source, related: [flag.source], action: `remove ${flag.name} from ExecStart or "${file.name}" from daemon.json`,
      }));
    }
    return out;
  },
};
