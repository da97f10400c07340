// Docker Desktop normally hands its VM's dockerd its own relay (http.docker.internal:3128). When docker info shows a
// loopback proxy instead, dockerd in the VM dials its own 127.0.0.1, where no proxy listens.
import { isLoopbackHost, maskCredentials, parseProxyUrl } from '../../proxy/url';
import type { StatusFinding } from '../report';
import { finding, type StatusCheck } from './check';

export const EN004: StatusCheck = {
  meta: {
    id: 'EN004', name: 'desktop-loopback-in-vm', defaultSeverity: 'error', layer: 'daemon',
    summary: 'Docker Desktop\'s dockerd reports a proxy on 127.0.0.1/localhost: inside Desktop\'s VM that is the VM, so pulls cannot reach it.',
    description: 'Docker Desktop runs dockerd in a VM. Its daemon should use Desktop\'s own relay `http.docker.internal:3128`, which ' +
      'forwards to the proxy set in Settings → Resources → Proxies (or the system proxy). Some versions pass a system proxy that ' +
      'listens on the host\'s loopback (Clash, V2Ray, px on `127.0.0.1`) into the VM as is; dockerd then dials the VM\'s own loopback ' +
      'and `docker pull` fails with "proxyconnect … connection refused".\n\n' +
      'Fix: in Settings → Resources → Proxies choose Manual proxy configuration and enter the proxy there (Desktop\'s host-side ' +
      'relay can reach the host\'s 127.0.0.1), or leave the manual fields empty to connect directly; select Apply.\n\n' +
      'Sources: [Docker Desktop networking: using a proxy](https://docs.docker.com/desktop/features/networking/#using-docker-desktop-with-a-proxy), ' +
      '[docker/for-win#14844](https://github.com/docker/for-win/issues/14844) (a 127.0.0.1 proxy injected into the daemon).',
    sources: [
      { url: 'https://docs.docker.com/desktop/features/networking/', shows: 'Docker Desktop runs the engine in a VM; the host is `host.docker.internal` from there, not 127.0.0.1' },
      { url: 'https://github.com/docker/for-win/issues/14844', shows: 'a user report: Desktop\'s proxy on 127.0.0.1 does not work from the engine' },
    ],
    example: {
      before: { caption: 'Docker Desktop on Windows with a local proxy tool as the system proxy', lang: 'text', text: '$ docker info | findstr Proxy\n HTTP Proxy: http://127.0.0.1:7890\n HTTPS Proxy: http://127.0.0.1:7890' },
      after: { caption: 'Manual proxy configuration in Settings → Resources → Proxies', lang: 'text', text: '$ docker info | findstr Proxy\n HTTP Proxy: http.docker.internal:3128\n HTTPS Proxy: http.docker.internal:3128' },
    },
  },
  check(model) {
    if (!model.desktop || !model.effective) return [];
    const out: StatusFinding[] = [];
    for (const v of ['https', 'http'] as const) {
      const eff = model.effective[v];
      const url = eff ? parseProxyUrl(eff) : undefined;
      if (!url || !isLoopbackHost(url.host)) continue;
      out.push(finding(EN004.meta, `dockerd in Docker Desktop's VM uses ${v.toUpperCase()} proxy ${maskCredentials(eff)}: 127.0.0.1 there is the VM, not this computer, so pulls cannot reach the proxy.`, {
        source: { kind: 'command', label: model.obs.info!.command },
        action: 'Docker Desktop → Settings → Resources → Proxies: Manual proxy configuration with your proxy (or empty to go direct), then Apply',
      }));
      break;
    }
    return out;
  },
};
