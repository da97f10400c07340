// A proxy on the host's loopback is reachable only from the host's own network namespace. For every consumer the
// plan writes an address that consumer can reach (facts §8, platforms-facts "Rootless"), and says when the proxy must
// also listen there.
import type { StatusModel } from '../status/statusModel';
import { isLoopbackHost, parseProxyUrl } from '../proxy/url';
import { daemonJsonString } from './input';

/** Where a consumer runs: the host's namespace, a container on the daemon's networks, or the daemon's own. */
export type Consumer = 'daemon' | 'containers' | 'host-network-builder';

export interface ConsumerAddress {
  /** The URL to write for this consumer (raw: may hold credentials). */
  url: string;
  /** Set when the host was rewritten: what it became and what must hold for it to work. */
  rewrite?: { from: string; to: string; note: string };
}

const DEFAULT_BRIDGE_GATEWAY = '172.17.0.1';

/** The docker0 gateway: daemon.json `bip` (its address part), else Docker's default 172.17.0.1. */
export function bridgeGateway(model: StatusModel): { address: string; from: string } {
  const bip = daemonJsonString(model, 'bip');
  const m = bip ? /^(\d{1,3}(?:\.\d{1,3}){3})\/\d+$/.exec(bip.trim()) : undefined;
  return m ? { address: m[1], from: `daemon.json "bip" ${bip}` } : { address: DEFAULT_BRIDGE_GATEWAY, from: 'Docker\'s default bridge (no "bip" in daemon.json)' };
}

function replaceHost(url: string, host: string): string {
  const p = parseProxyUrl(url);
  if (!p) return url;
  const [s, e] = p.offsets.host;
  return url.slice(0, s) + host + url.slice(e);
}

/** The address `consumer` must use to reach `url`. */
export function addressFor(model: StatusModel, url: string, consumer: Consumer): ConsumerAddress {
  const p = parseProxyUrl(url);
  if (!p || !isLoopbackHost(p.host)) return { url };
  const port = p.port ?? '';
  if (model.desktop) {
    if (consumer === 'daemon') return { url }; // Desktop's settings are given as they are; Desktop maps them itself
    const to = 'host.docker.internal';
    return { url: replaceHost(url, to), rewrite: { from: p.host, to, note: `Docker Desktop resolves ${to} in containers and builds to the host.` } };
  }
  if (model.rootless) {
    const to = '10.0.2.2';
    const who = consumer === 'daemon' ? 'the rootless dockerd' : 'containers of the rootless daemon';
    return {
      url: replaceHost(url, to),
      rewrite: {
        from: p.host,
        to,
        note: `${who} run in RootlessKit's network namespace, where ${p.host} is not the host: with slirp4netns the host's loopback is ${to}, ` +
          'and only once host loopback is allowed (Environment=DOCKERD_ROOTLESS_ROOTLESSKIT_DISABLE_HOST_LOOPBACK=false in the user unit, Engine 26+' +
          (consumer === 'daemon' ? '' : `, and "host-gateway-ip": "${to}" in the rootless daemon.json`) + '). Other network drivers (pasta, vpnkit) use another address.',
      },
    };
  }
  if (consumer === 'daemon' || consumer === 'host-network-builder') return { url }; // rootful dockerd shares the host's loopback
  const gw = bridgeGateway(model);
  return {
    url: replaceHost(url, gw.address),
    rewrite: {
      from: p.host,
      to: gw.address,
      note: `containers and RUN steps have their own loopback, so ${p.host} is not the host there. ${gw.address} is the docker0 gateway (${gw.from}); ` +
        `the proxy must also listen on ${gw.address}:${port} (squid: "http_port ${gw.address}:${port}", and allow the bridge's clients). ` +
        'host.docker.internal would need --add-host=host.docker.internal:host-gateway on every container and build, which config.json cannot add.',
    },
  };
}
