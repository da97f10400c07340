import type { Fix, RuleFinding } from '../../findingTypes';
import { splitProxyValue } from '../../proxy/proxyValueParts';
import { getValue, type Node } from '../../parse/yaml';
import { defineComposeRule, eachProxyVar, insertFirstKey } from './composeProxyVars';
import { SRC } from '../../sources';
import { lazyFix } from '../../fix';

const HOST = 'host.docker.internal';

export const hostGatewayMissing = defineComposeRule({
  id: 'DC006',
  name: 'host-gateway-missing',
  kinds: ['compose'],
  defaultSeverity: 'info',
  summary: 'A proxy on `host.docker.internal` without `extra_hosts: host.docker.internal:host-gateway` does not resolve on Linux.',
  description:
    'Docker Desktop resolves `host.docker.internal` to the host by itself. Docker Engine on Linux does not: the name ' +
    'exists in a container only with `extra_hosts: ["host.docker.internal:host-gateway"]` (Docker 20.10+), for the ' +
    'service (`environment:` proxies) or for the build (`build.extra_hosts`, for proxy build args). Without it, every ' +
    'request through the proxy fails with a name-resolution error on Linux hosts and CI runners.\n\n' +
    'Add the mapping; it is harmless on Docker Desktop. Services with `network_mode: host` (or builds with ' +
    '`network: host`) should use `127.0.0.1` instead and are not reported.',
  sources: [SRC.composeExtraHosts, SRC.dockerdHostGateway, SRC.mobyHostGateway],
  examples: {
    bad: { kind: 'compose', text: 'services:\n  app:\n    image: example/app:1\n    environment:\n      HTTPS_PROXY: http://host.docker.internal:3128\n      NO_PROXY: localhost,127.0.0.1\n' },
    good: { kind: 'compose', text: 'services:\n  app:\n    image: example/app:1\n    extra_hosts:\n      - "host.docker.internal:host-gateway"\n    environment:\n      HTTPS_PROXY: http://host.docker.internal:3128\n      NO_PROXY: localhost,127.0.0.1\n' },
  },
}, (doc) => {
  const findings: RuleFinding[] = [];
  const reported = new Set<string>();
  eachProxyVar(doc, (service, v, section) => {
    if (v.variable === 'no' || v.value === undefined || v.dynamic) return;
    const parts = splitProxyValue(v.value);
    if (!parts || parts.host.toLowerCase() !== HOST) return;
    const forBuild = section === 'build.args';
    if (forBuild ? service.build?.network === 'host' : service.networkMode === 'host') return;
    const hosts = forBuild ? service.build?.extraHosts ?? [] : service.extraHosts;
    if (hosts.some((h) => h.toLowerCase().startsWith(`${HOST}:`))) return;
    const key = `${service.name}:${section}`;
    if (reported.has(key)) return;
    reported.add(key);
    const target = forBuild ? getValue(doc.yaml, service.node, 'build') : service.node;
    const existing = target ? getValue(doc.yaml, target, 'extra_hosts') : undefined;
    const edit = target && !existing ? insertFirstKey(doc, target as Node, 'extra_hosts', [`- "${HOST}:host-gateway"`]) : undefined;
    const fixes: Fix[] = edit ? [lazyFix(`Add extra_hosts "${HOST}:host-gateway"${forBuild ? ' to build' : ''}`, true, () => [edit])] : [];
    findings.push({
      range: v.valueRange ?? v.nameRange,
      message: `${v.name} uses ${HOST}, which Docker Engine on Linux resolves only with ${forBuild ? 'build.extra_hosts' : 'extra_hosts'} "${HOST}:host-gateway" (Docker Desktop resolves it itself).`,
      fixes,
    });
  });
  return findings;
});
