// §2, §5: a docker-container builder's buildkitd reads only its container's environment (--driver-opt env.*).
import { goEnv } from '../statusModel';
import { isDesktopProxy } from '../dockerInfo';
import { builderProxyEnv } from '../layers/builderLayer';
import { finding, type StatusCheck } from './check';
import { SRC } from '../../sources';

export const SV002: StatusCheck = {
  meta: {
    id: 'SV002', title: 'Container builder has no proxy', name: 'container-builder-no-proxy', defaultSeverity: 'warning', layer: 'builder',
    summary: 'The current buildx builder is a docker-container builder without proxy environment while the daemon has a proxy.',
    description: 'A `docker-container` builder runs buildkitd in its own container (`buildx_buildkit_<name>0`). buildx does not copy ' +
      'the daemon\'s or the client\'s proxy into it: the only source is `--driver-opt env.http_proxy=…` when the builder is created. ' +
      'Without it, image pulls, `ADD <url>` and git sources in builds connect directly and time out behind a proxy.\n\n' +
      'Fix: recreate the builder with the proxy, quoting each option for buildx\'s CSV parser:\n\n' +
      '```\ndocker buildx rm mybuilder\ndocker buildx create --name mybuilder --driver docker-container \\\n' +
      '  --driver-opt \'"env.http_proxy=http://proxy.example.com:3128"\' --driver-opt \'"env.https_proxy=http://proxy.example.com:3128"\' \\\n' +
      '  --driver-opt \'"env.no_proxy=localhost,127.0.0.1"\' --use\n```',
    sources: [SRC.buildxIssueContainerEnv, SRC.buildxEnvDriverOpt, SRC.containerDriver],
    example: {
      before: { caption: "A docker-container builder created without proxy options, on a daemon with a proxy", lang: 'text', text: "$ docker buildx create --name ci --driver docker-container --use" },
      after: { caption: "Created again with the proxy passed to its buildkitd", lang: 'text', text: "$ docker buildx rm ci\n$ docker buildx create --name ci --driver docker-container --use \\\n    --driver-opt \'\"env.http_proxy=http://proxy.example.com:3128\"\' \\\n    --driver-opt \'\"env.https_proxy=http://proxy.example.com:3128\"\' \\\n    --driver-opt \'\"env.no_proxy=localhost,127.0.0.1\"\'" },
    },
  },
  check(model) {
    const b = builderProxyEnv(model);
    if (!b) return [];
    if (goEnv(b.env, 'http') || goEnv(b.env, 'https')) return [];
    const daemonProxy = model.effective ? model.effective.https || model.effective.http : (model.winners.get('https') ?? model.winners.get('http'))?.value;
    if (!daemonProxy || isDesktopProxy(daemonProxy)) return [];
    const name = model.builder?.inspect?.name ?? model.builder?.builder?.name ?? 'mybuilder';
    return [finding(SV002.meta, `The buildx builder "${name}" (docker-container) has no proxy in its environment, while the daemon uses one: pulls during builds will not go through the proxy.`, {
      related: [{ kind: 'command', label: b.label }],
      action: `docker buildx rm ${name} && docker buildx create --name ${name} --driver docker-container --driver-opt '"env.http_proxy=${daemonProxy}"' --driver-opt '"env.https_proxy=${daemonProxy}"' --driver-opt '"env.no_proxy=localhost,127.0.0.1"' --use`,
    })];
  },
};
