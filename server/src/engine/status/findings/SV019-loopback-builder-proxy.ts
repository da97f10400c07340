// §8 "Loopback proxy": a docker-container builder has its own network namespace unless network=host.
import { goEnv } from '../statusModel';
import { builderProxyEnv } from '../layers/builderLayer';
import { isLoopbackHost, parseProxyUrl } from '../../proxy/url';
import { finding, type StatusCheck } from './check';
import { SRC } from '../../sources';

export const SV019: StatusCheck = {
  meta: {
    id: 'SV019', title: 'Builder proxy on loopback: unreachable from its container', name: 'loopback-builder-proxy', defaultSeverity: 'warning', layer: 'builder',
    summary: 'The docker-container builder\'s proxy is on 127.0.0.1/localhost, but the builder has its own network namespace.',
    description: 'A `docker-container` builder is a container on the default bridge network unless it was created with ' +
      '`--driver-opt network=host`. Inside it, 127.0.0.1 is the builder container itself, so a proxy listening on the host\'s ' +
      'loopback (cntlm, px, a local Clash) is unreachable and every pull fails with "connection refused".\n\n' +
      'Fix: recreate the builder with `--driver-opt network=host`, or use an address of the host that the container can reach ' +
      '(the docker0 gateway, with the proxy listening there).',
    sources: [SRC.containerDriver, SRC.buildxEnvDriverOpt, SRC.dockerdHostGateway],
    example: {
      before: { caption: "A docker-container builder told to use a proxy on loopback", lang: 'text', text: "$ docker buildx create --name ci --driver docker-container --use \\\n    --driver-opt \'\"env.https_proxy=http://127.0.0.1:3128\"\'" },
      after: { caption: "The builder on the host network, where 127.0.0.1 is the host", lang: 'text', text: "$ docker buildx rm ci\n$ docker buildx create --name ci --driver docker-container --use \\\n    --driver-opt network=host \\\n    --driver-opt \'\"env.https_proxy=http://127.0.0.1:3128\"\'" },
    },
  },
  check(model) {
    const b = builderProxyEnv(model);
    if (!b || b.network === 'host') return [];
    for (const v of ['https', 'http'] as const) {
      const p = goEnv(b.env, v);
      const url = p && parseProxyUrl(p.value);
      if (url && isLoopbackHost(url.host)) {
        return [finding(SV019.meta, `The builder's ${p!.name} points at ${url.host}, which inside the builder container is the container itself: builds cannot reach the proxy.`, {
          related: [{ kind: 'command', label: b.label }], about: Object.keys(b.env).filter((n) => /^(https?|all)_proxy$/i.test(n)), action: 'recreate the builder with --driver-opt network=host, or use the host\'s docker0 address',
        })];
      }
    }
    return [];
  },
};
