// WSL 2 in NAT mode (the default) gives the distro its own network: Windows' 127.0.0.1 is not the distro's.
import { isLoopbackHost, maskCredentials, parseProxyUrl } from '../../proxy/url';
import type { StatusFinding } from '../report';
import { goEnv } from '../statusModel';
import { envSource, finding, type StatusCheck } from './check';

export const EN003: StatusCheck = {
  meta: {
    id: 'EN003', name: 'wsl-localhost-proxy-nat', defaultSeverity: 'warning', layer: 'cli-shell',
    summary: 'A WSL distro in NAT mode has a proxy on 127.0.0.1/localhost: a proxy listening on Windows\' loopback is not reachable there.',
    description: 'In WSL 2\'s default NAT networking mode the distro runs in a VM with its own address; `127.0.0.1` in the distro is ' +
      'the distro, not Windows. A proxy tool on Windows that listens on `127.0.0.1` (Clash, px, cntlm) is reachable from the distro ' +
      'only in mirrored mode; in NAT mode WSL itself warns that a localhost proxy configuration is not mirrored into WSL. ' +
      'The docker CLI, buildx and every tool in the distro then fail to connect. (A proxy that runs inside this distro is fine.)\n\n' +
      'Fix: set `networkingMode=mirrored` under `[wsl2]` in `%UserProfile%\\.wslconfig` and run `wsl --shutdown`, or use the ' +
      'Windows host\'s address and let the proxy listen on it.\n\n' +
      'Sources: [Microsoft Learn: WSL networking, mirrored mode](https://learn.microsoft.com/en-us/windows/wsl/networking), ' +
      '[Microsoft Learn: .wslconfig networkingMode and autoProxy](https://learn.microsoft.com/en-us/windows/wsl/wsl-config).',
    sources: [
      { url: 'https://learn.microsoft.com/en-us/windows/wsl/networking', shows: 'in NAT mode a WSL 2 distro has its own network: Windows\' localhost is not the distro\'s; mirrored mode shares it' },
      { url: 'https://learn.microsoft.com/en-us/windows/wsl/wsl-config', shows: '`.wslconfig` `networkingMode` and `autoProxy` settings' },
    ],
    example: {
      before: { caption: 'A distro in NAT mode (no networkingMode in .wslconfig) with a Windows-side proxy on loopback', lang: 'text', text: '$ echo $WSL_DISTRO_NAME $HTTPS_PROXY\nUbuntu http://127.0.0.1:7890\n$ cat /mnt/c/Users/alice/.wslconfig\n[wsl2]\nmemory=8GB' },
      after: { caption: 'Mirrored networking, then wsl --shutdown', lang: 'ini', text: '[wsl2]\nmemory=8GB\nnetworkingMode=mirrored' },
    },
  },
  check(model) {
    const wsl = model.engine?.wsl;
    if (!wsl || wsl.reach !== 'nat') return [];
    const out: StatusFinding[] = [];
    for (const v of ['https', 'http'] as const) {
      const e = goEnv(model.shellEnv, v);
      const url = e && parseProxyUrl(e.value);
      if (!e || !url || !isLoopbackHost(url.host)) continue;
      const cfg = wsl.wslconfig && !wsl.wslconfig.error ? wsl.wslconfig : undefined;
      out.push(finding(EN003.meta, `${e.name} is ${maskCredentials(e.value)}, but this WSL distro runs in NAT mode: Windows' ${url.host} is not reachable as ${url.host} here (unless the proxy runs inside this distro).`, {
        source: envSource(e.name, true), related: cfg ? [{ kind: 'file', label: cfg.path, path: cfg.path }] : undefined,
        action: `set networkingMode=mirrored under [wsl2] in ${cfg?.path ?? '%UserProfile%\\.wslconfig'}, then run wsl --shutdown`,
      }));
      break;
    }
    return out;
  },
};
