// §7 and "Uncertain": socks5h:// is understood by Go's transport from about Go 1.23; older engines go direct.
import { maskCredentials, parseProxyUrl } from '../../proxy/url';
import type { StatusFinding } from '../report';
import { finding, type StatusCheck } from './check';
import { SRC } from '../../sources';

function goOlderThan(version: string, major: number, minor: number): boolean {
  const m = /go(\d+)\.(\d+)/.exec(version);
  return !!m && (Number(m[1]) < major || (Number(m[1]) === major && Number(m[2]) < minor));
}

export const DJ008: StatusCheck = {
  meta: {
    id: 'DJ008', title: 'socks5h proxy: this engine is too old for it', name: 'socks5h-old-engine', defaultSeverity: 'warning', layer: 'daemon',
    summary: 'The daemon\'s proxy uses socks5h://, but the running engine was built with a Go older than 1.23, which does not know that scheme.',
    description: 'Go\'s HTTP transport learned `socks5h://` in 2024 (Go 1.23, inferred from the x/net change). An engine built ' +
      'with an older Go treats such a proxy URL as unusable and connects directly. `socks5://` works everywhere in Go, and Go resolves ' +
      'host names through the SOCKS proxy with it anyway.\n\nFix: write `socks5://` instead of `socks5h://` for dockerd.',
    sources: [SRC.goIssueSocks5h, SRC.goProxyFromEnvironment],
    example: {
      before: { caption: "The engine reports an old Go, and daemon.json names a socks5h:// proxy", lang: 'text', text: "$ docker version --format \'{{.Server.GoVersion}}\'\ngo1.21.13\n$ cat /etc/docker/daemon.json\n{ \"proxies\": { \"https-proxy\": \"socks5h://proxy.example.com:1080\" } }" },
      after: { caption: "socks5:// instead (Go sends host names to a SOCKS5 proxy either way), then restart dockerd", lang: 'json', text: "{ \"proxies\": { \"https-proxy\": \"socks5://proxy.example.com:1080\" } }" },
    },
  },
  check(model) {
    const go = model.obs.version?.parsed;
    if (!go || !goOlderThan(go, 1, 23)) return [];
    const out: StatusFinding[] = [];
    for (const w of model.winners.values()) {
      if (w.variable === 'no' || parseProxyUrl(w.value)?.scheme !== 'socks5h') continue;
      out.push(finding(DJ008.meta, `${w.name} is ${maskCredentials(w.value)}, but this engine is built with ${go}: socks5h:// needs Go 1.23+, so dockerd connects directly. Use socks5://.`, {
        source: w.source, related: [{ kind: 'command', label: model.obs.version!.command }], action: 'replace socks5h:// with socks5://',
      }));
    }
    return out;
  },
};
