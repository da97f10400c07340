// A VM engine's dockerd with a proxy on 127.0.0.1/localhost dials the VM's own loopback. Colima copies the shell's
// proxy into the VM's environment with loopback rewritten to the host's address (through Lima), but older Colima
// wrote it into the VM's daemon.json unchanged (abiosoft/colima#1144, fixed for 127.0.0.1 by PR #1145 and for
// localhost by PR #1298), and the `docker:` section of colima.yaml is the VM's daemon.json as written.
import { isLoopbackHost, maskCredentials, parseProxyUrl } from '../../proxy/url';
import type { StatusFinding } from '../report';
import { finding, type StatusCheck } from './check';
import { LIMA_HOST_ADDRESS } from '../engines/vmEngines';
import { vmRestartCommand } from './EN001-vm-stale-proxy-env';

const VM_KINDS = new Set(['colima', 'lima', 'rancher-desktop', 'podman']);

export const EN002: StatusCheck = {
  meta: {
    id: 'EN002', name: 'vm-daemon-loopback-proxy', defaultSeverity: 'error', layer: 'daemon',
    summary: 'A VM engine\'s dockerd (Colima, Lima, Rancher Desktop, Podman machine) has its proxy on 127.0.0.1/localhost, which inside the VM is the VM itself.',
    description: 'Colima, Lima, Rancher Desktop and Podman machine run dockerd (or podman) in a VM. A proxy listening on the Mac\'s ' +
      'or PC\'s loopback is reachable from there only through the host\'s address as the VM sees it (`192.168.5.2`, also ' +
      '`host.lima.internal`, for Lima-based VMs). Lima and Colima rewrite `127.0.0.1` in the environment they copy into the VM, ' +
      'but Colima wrote the same proxy into the VM\'s daemon.json unchanged until its fix for abiosoft/colima#1144 (PR #1145; ' +
      '`localhost` only since PR #1298), and the `docker:` section of `colima.yaml` becomes the VM\'s daemon.json as written. ' +
      'dockerd then fails every pull with "proxyconnect tcp: dial tcp 127.0.0.1:…: connection refused".\n\n' +
      `Fix: upgrade Colima, or write the host's address as the VM sees it (\`http://${LIMA_HOST_ADDRESS}:<port>\`) in colima.yaml ` +
      '(`env:` or `docker: proxies:`), then restart the VM.\n\n' +
      'Sources: [abiosoft/colima#1144](https://github.com/abiosoft/colima/issues/1144), ' +
      '[abiosoft/colima PR #1145](https://github.com/abiosoft/colima/pull/1145), [PR #1298](https://github.com/abiosoft/colima/pull/1298), ' +
      '[Colima FAQ: customizing the Docker config](https://github.com/abiosoft/colima/blob/939cfe4d5da7afeea2bf83a02090680da85934a7/docs/FAQ.md#how-to-customize-docker-config-eg-adding-insecure-registries-or-registry-mirrors), ' +
      '[Lima user-mode network: host at 192.168.5.2](https://github.com/lima-vm/lima/blob/ee3714a3e0aeb8e46be467a4c1884d4524f1b386/website/content/en/docs/config/network/user.md).',
    sources: [
      { url: 'https://github.com/abiosoft/colima/issues/1144', shows: 'a user report: a 127.0.0.1 proxy written into the VM\'s daemon.json points at the VM itself' },
      { url: 'https://github.com/abiosoft/colima/pull/1145', shows: 'Colima\'s change that rewrites 127.0.0.1 in the proxy it passes to the VM' },
      { url: 'https://github.com/lima-vm/lima/blob/ee3714a3e0aeb8e46be467a4c1884d4524f1b386/website/content/en/docs/config/network/user.md', shows: 'inside a Lima VM with user-mode networking the host is reached at its own gateway address, not 127.0.0.1' },
    ],
    example: {
      before: { caption: 'Colima started from a shell with a local proxy; the VM\'s daemon.json kept 127.0.0.1', lang: 'text', text: '$ echo $HTTPS_PROXY\nhttp://127.0.0.1:9000\n$ docker info | grep Proxy\n HTTP Proxy: http://127.0.0.1:9000\n HTTPS Proxy: http://127.0.0.1:9000' },
      after: { caption: 'The host as the VM sees it, in ~/.colima/default/colima.yaml; then colima stop && colima start', lang: 'text', text: `docker:\n  proxies:\n    http-proxy: http://${LIMA_HOST_ADDRESS}:9000\n    https-proxy: http://${LIMA_HOST_ADDRESS}:9000` },
    },
  },
  check(model) {
    const kind = model.engine?.recognition.kind;
    if (!kind || !VM_KINDS.has(kind) || (kind === 'podman' && model.obs.platform === 'linux')) return [];
    const out: StatusFinding[] = [];
    const fixed = (value: string, host: string) => maskCredentials(value.replace(host, LIMA_HOST_ADDRESS));
    for (const f of model.engine!.vm) {
      for (const s of f.settings) {
        if (s.target !== 'vm-daemon-json' || s.name === 'no-proxy') continue;
        const url = parseProxyUrl(s.value);
        if (!url || !isLoopbackHost(url.host)) continue;
        out.push(finding(EN002.meta, `${s.name} ${maskCredentials(s.value)} goes into the VM's daemon.json as written, where ${url.host} is the VM itself: dockerd cannot reach the proxy.`, {
          source: { kind: 'file', label: `${f.path}:${s.line + 1}`, path: f.path, line: s.line },
          action: `use ${fixed(s.value, url.host)}, then ${vmRestartCommand(model)}`,
        }));
      }
    }
    for (const v of ['https', 'http'] as const) {
      const eff = model.effective?.[v];
      const url = eff ? parseProxyUrl(eff) : undefined;
      if (!eff || !url || !isLoopbackHost(url.host) || out.length) continue;
      out.push(finding(EN002.meta, `The VM's dockerd uses ${v.toUpperCase()} proxy ${maskCredentials(eff)}: ${url.host} inside ${model.engine!.recognition.label}'s VM is the VM, not this computer, so pulls cannot reach the proxy.`, {
        source: { kind: 'command', label: model.obs.info!.command },
        action: `${kind === 'colima' ? 'upgrade Colima (older versions copied 127.0.0.1 into the VM\'s daemon.json) or set ' : 'set '}the proxy as http://${LIMA_HOST_ADDRESS}:${url.port ?? '<port>'}${kind === 'colima' ? ' in colima.yaml env:' : ''}, then ${vmRestartCommand(model)}`,
      }));
    }
    return out;
  },
};
