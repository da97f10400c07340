// §8 "Loopback proxy": rootless dockerd lives in RootlessKit's namespace (host loopback disabled by default); Desktop's
// dockerd lives in a VM. In both, 127.0.0.1 is not the host.
import { maskCredentials, isLoopbackHost, parseProxyUrl } from '../../proxy/url';
import type { StatusFinding } from '../report';
import { finding, type StatusCheck } from './check';
import { SRC } from '../../sources';
import { rootlessLoopbackRoute } from '../engines/rootlessAdvice';

export const DJ013: StatusCheck = {
  meta: {
    id: 'DJ013', title: 'Daemon proxy on loopback: unreachable from its namespace', name: 'loopback-proxy-context', defaultSeverity: 'warning', layer: 'daemon',
    summary: 'The daemon\'s proxy is on 127.0.0.1/localhost, but this dockerd is rootless or runs in Docker Desktop\'s VM, where loopback is not the host.',
    description: 'A rootful dockerd on Linux shares the host\'s network namespace, so a local proxy on 127.0.0.1 works for it. ' +
      'A rootless dockerd runs inside RootlessKit\'s namespace with host loopback disabled by default, and Docker Desktop\'s dockerd ' +
      'runs in a VM: for both, 127.0.0.1 is not the machine where the proxy listens.\n\nFix: rootless: allow host loopback ' +
      '(`DOCKERD_ROOTLESS_ROOTLESSKIT_DISABLE_HOST_LOOPBACK=false`, Docker Engine 26.0 and later, ' +
      '[moby/moby#47352](https://github.com/moby/moby/pull/47352)) and use the host\'s address as RootlessKit\'s network ' +
      'sees it (10.0.2.2 with slirp4netns or pasta, 192.168.65.2 with VPNKit, [rootlesskit docs/network.md](https://github.com/rootless-containers/rootlesskit/blob/99b2c78647d7629f036e64307af5cc99b53b3849/docs/network.md)); ' +
      'Docker Desktop: set the proxy in Settings → Resources → Proxies, or use `host.docker.internal:<port>`.',
    sources: [SRC.mobyRootlessNet, SRC.desktopProxies, SRC.goProxyFromEnvironment],
    example: {
      before: { caption: "A rootless daemon with a proxy on loopback", lang: 'text', text: "$ docker info --format \'{{.SecurityOptions}}\'\n[name=seccomp,profile=builtin name=rootless name=cgroupns]\n$ cat ~/.config/docker/daemon.json\n{ \"proxies\": { \"https-proxy\": \"http://127.0.0.1:3128\" } }" },
      after: { caption: "The host as RootlessKit\'s network sees it (10.0.2.2 with slirp4netns), DOCKERD_ROOTLESS_ROOTLESSKIT_DISABLE_HOST_LOOPBACK=false in the user unit, then restart the user service", lang: 'json', text: "{ \"proxies\": { \"https-proxy\": \"http://10.0.2.2:3128\" } }" },
    },
  },
  check(model) {
    if (!model.rootless && !model.desktop) return [];
    const out: StatusFinding[] = [];
    const where = model.desktop ? 'Docker Desktop\'s VM' : 'the rootless daemon\'s network namespace';
    for (const w of model.winners.values()) {
      const url = w.variable !== 'no' ? parseProxyUrl(w.value) : undefined;
      if (!url || !isLoopbackHost(url.host)) continue;
      out.push(finding(DJ013.meta, `${w.name} is ${maskCredentials(w.value)}: inside ${where}, ${url.host} is not this machine, so dockerd cannot reach the proxy.`, {
        source: w.source, action: model.desktop ? 'set the proxy in Docker Desktop → Settings → Resources → Proxies' : rootlessLoopbackRoute(model.engine?.rootless, url.port),
      }));
    }
    return out;
  },
};
