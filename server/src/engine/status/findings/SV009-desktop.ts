// §8: Docker Desktop wires its own proxy (http.docker.internal:3128) into the VM's daemon; the GUI sets the upstream.
import { finding, type StatusCheck } from './check';
import { SRC } from '../../sources';

export const SV009: StatusCheck = {
  meta: {
    id: 'SV009', title: 'Docker Desktop manages this proxy', name: 'desktop', defaultSeverity: 'info', layer: 'daemon',
    summary: 'Docker Desktop manages the daemon\'s proxy: daemon.json proxies and systemd drop-ins do not apply; use Settings → Resources → Proxies.',
    description: 'Docker Desktop runs dockerd in a VM and points its proxy at `http.docker.internal:3128`, Desktop\'s own proxy on the ' +
      'host side, which then goes direct or through the upstream proxy set in Settings → Resources → Proxies (or the system proxy). ' +
      'systemd drop-ins and `/etc/docker/daemon.json` on the host are not read. CLI plugins such as buildx still need ' +
      '`HTTPS_PROXY`/`NO_PROXY` in the shell for their own requests (token fetch).',
    sources: [SRC.desktopProxies],
    example: {
      before: { caption: "Docker Desktop, and a drop-in on the host that it never reads", lang: 'text', text: "$ docker info --format \'{{.OperatingSystem}} {{.HTTPSProxy}}\'\nDocker Desktop http.docker.internal:3128\n$ cat /etc/systemd/system/docker.service.d/http-proxy.conf\n[Service]\nEnvironment=\"HTTPS_PROXY=http://proxy.example.com:3128\"" },
      after: { caption: "The proxy set where Desktop reads it", lang: 'text', text: "Docker Desktop → Settings → Resources → Proxies → Manual proxy configuration\n  Web Server (HTTP):         http://proxy.example.com:3128\n  Secure Web Server (HTTPS): http://proxy.example.com:3128\n  Bypass proxy settings for these hosts: localhost,127.0.0.1" },
    },
  },
  check(model) {
    if (!model.desktop || !model.info) return [];
    return [finding(SV009.meta, 'Docker Desktop manages the daemon\'s proxy (the daemon uses http.docker.internal:3128): set the upstream proxy in Settings → Resources → Proxies, not in daemon.json or systemd.', {
      related: [{ kind: 'command', label: model.obs.info!.command }], action: 'Open Docker Desktop → Settings → Resources → Proxies',
    })];
  },
};
