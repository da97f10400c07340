// §8: Docker Desktop hard-wires its VM-side proxy into the daemon; user-edited daemon proxies fight with that.
import { fileSource } from '../statusModel';
import type { StatusFinding } from '../report';
import { finding, type StatusCheck } from './check';
import { SRC } from '../../sources';

export const DJ020: StatusCheck = {
  meta: {
    id: 'DJ020', title: 'Docker Desktop overwrites this daemon proxy', name: 'desktop-managed', defaultSeverity: 'warning', layer: 'daemon',
    summary: 'Docker Desktop manages the daemon proxy, but a daemon.json on this machine sets "proxies".',
    description: 'Docker Desktop writes `http.docker.internal:3128` as the daemon\'s proxy when its VM starts and sends that ' +
      'traffic through the proxy configured in its Settings. `proxies` in a daemon.json (Desktop\'s Docker Engine JSON, or a host ' +
      '`/etc/docker/daemon.json` that the VM never reads) is at best ignored and at worst replaces Desktop\'s own proxy.\n\n' +
      'Fix: remove `proxies` and set the proxy in Docker Desktop → Settings → Resources → Proxies.',
    sources: [SRC.desktopProxies],
    example: {
      before: { caption: "Docker Desktop, with \"proxies\" in its daemon.json (Settings → Docker Engine)", lang: 'json', text: "{\n  \"builder\": { \"gc\": { \"enabled\": true } },\n  \"proxies\": { \"https-proxy\": \"http://proxy.example.com:3128\" }\n}" },
      after: { caption: "\"proxies\" removed there; the proxy set in Settings → Resources → Proxies → Manual proxy configuration", lang: 'json', text: "{\n  \"builder\": { \"gc\": { \"enabled\": true } }\n}" },
    },
  },
  check(model) {
    if (!model.desktop) return [];
    const out: StatusFinding[] = [];
    for (const f of model.files) {
      if ((f.role !== 'daemon-json' && f.role !== 'daemon-json-desktop') || !f.doc || f.doc.proxySettings.length === 0) continue;
      out.push(finding(DJ020.meta, 'Docker Desktop manages the daemon\'s proxy: these "proxies" are ignored or replace Desktop\'s own; set the proxy in Settings → Resources → Proxies instead.', {
        source: fileSource(f, f.doc.proxySettings[0].nameRange.start.line), action: 'Open Docker Desktop → Settings → Resources → Proxies',
      }));
    }
    return out;
  },
};
