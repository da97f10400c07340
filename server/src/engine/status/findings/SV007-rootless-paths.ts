// §9 rootless setup and §1 config file locations: a rootless dockerd reads ~/.config, not /etc.
import type { StatusFinding } from '../report';
import { fileSource } from '../statusModel';
import { finding, type StatusCheck } from './check';
import { SRC } from '../../sources';

export const SV007: StatusCheck = {
  meta: {
    id: 'SV007', title: 'Proxy configured where the rootless daemon does not look', name: 'rootless-paths', defaultSeverity: 'warning', layer: 'daemon',
    summary: 'A rootless dockerd runs, but the proxy is configured in the rootful locations (/etc/systemd/system, /etc/docker), which it never reads.',
    description: 'A rootless daemon is a `systemctl --user` service: it reads drop-ins from `~/.config/systemd/user/docker.service.d/` ' +
      'and its daemon.json from `~/.config/docker/daemon.json` (`$XDG_CONFIG_HOME`). Files in `/etc/systemd/system/docker.service.d/` ' +
      'and `/etc/docker/daemon.json` configure the rootful daemon only.\n\nFix: move the settings to the rootless locations, then ' +
      '`systemctl --user daemon-reload && systemctl --user restart docker`.',
    sources: [SRC.mobyRootlessConfigDir, SRC.daemonProxySystemd],
    example: {
      before: { caption: "A rootless daemon, with the drop-in where only the rootful daemon looks", lang: 'text', text: "$ docker context ls   # rootless * unix:///run/user/1000/docker.sock\n$ ls /etc/systemd/system/docker.service.d/\nhttp-proxy.conf" },
      after: { caption: "The drop-in in the user unit\'s directory, then the user service restarted", lang: 'text', text: "$ mkdir -p ~/.config/systemd/user/docker.service.d\n$ sudo mv /etc/systemd/system/docker.service.d/http-proxy.conf ~/.config/systemd/user/docker.service.d/\n$ systemctl --user daemon-reload && systemctl --user restart docker" },
    },
  },
  check(model) {
    if (!model.rootless || model.desktop) return [];
    const out: StatusFinding[] = [];
    const target = `${model.obs.locations.dropInDirRootless}/`;
    for (const f of model.misplacedDropIns) {
      const line = f.doc?.proxySettings[0]?.nameRange.start.line;
      out.push(finding(SV007.meta, `The daemon runs rootless, but this drop-in is for the rootful service: it never reaches the rootless dockerd. Move it to ${target}.`, {
        source: fileSource(f, line), action: `mkdir -p ${target} && mv ${f.path} ${target} && systemctl --user daemon-reload && systemctl --user restart docker`,
      }));
    }
    const rootfulJson = model.files.find((f) => f.role === 'daemon-json' && f.doc && f.doc.proxySettings.length > 0);
    const rootlessJson = model.files.find((f) => f.role === 'daemon-json-rootless' && f.text !== undefined);
    if (rootfulJson && !rootlessJson) {
      out.push(finding(SV007.meta, `The daemon runs rootless and reads ${model.obs.locations.daemonJsonRootless}, not this file: its proxies do not apply.`, {
        source: fileSource(rootfulJson, rootfulJson.doc!.proxySettings[0].nameRange.start.line),
        action: `copy "proxies" into ${model.obs.locations.daemonJsonRootless}, then systemctl --user restart docker`,
      }));
    }
    return out;
  },
};
