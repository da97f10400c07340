// What a rootless dockerd needs to reach a proxy on the host's 127.0.0.1, by RootlessKit network driver and engine
// version (contrib/dockerd-rootless.sh: DOCKERD_ROOTLESS_ROOTLESSKIT_DISABLE_HOST_LOOPBACK, Docker Engine 26.0 and later
// per its release notes (moby/moby#47352), default true, "prohibit
// connections to 127.0.0.1 on the host (including via 10.0.2.2, in the case of slirp4netns)"; rootlesskit
// docs/network.md: the host's loopback is 10.0.2.2 for slirp4netns and pasta, 192.168.65.2 for VPNKit).
import type { RootlessNet } from './engineModel';

export function rootlessLoopbackRoute(net: RootlessNet | undefined, proxyPort: string | undefined): string {
  const port = proxyPort ? `:${proxyPort}` : '';
  const driver = net?.driver ?? 'slirp4netns';
  const address = net?.hostAddress ?? '10.0.2.2';
  if (driver === 'lxc-user-nic') return 'lxc-user-nic has no address for the host\'s loopback: bind the proxy to an address of the host\'s LAN interface and use that';
  const dropIn = '~/.config/systemd/user/docker.service.d/override.conf';
  const allow = net?.loopbackSwitchSupported === false
    ? `this engine's dockerd-rootless.sh always disables host loopback (DOCKERD_ROOTLESS_ROOTLESSKIT_DISABLE_HOST_LOOPBACK came with Docker Engine 26.0): upgrade, or bind the proxy to the host's LAN address`
    : `set Environment="DOCKERD_ROOTLESS_ROOTLESSKIT_DISABLE_HOST_LOOPBACK=false" in ${dropIn} and \`systemctl --user daemon-reload && systemctl --user restart docker\``;
  if (net && !net.disableHostLoopback) return `host loopback is allowed (${net.loopbackSource}): use http://${address}${port} (${driver})`;
  return `use http://${address}${port} (the host's 127.0.0.1 as ${driver} sees it) and allow host loopback: ${allow}; or bind the proxy to the host's LAN address`;
}

