import type { RuleFinding } from '../../findingTypes';
import { isLoopbackHost } from '../../proxy/url';
import { splitProxyValue } from '../../proxy/proxyValueParts';
import { driverOptPairs, envKey } from '../../scripts/driverOpts';
import { envVariableOf } from '../../proxy/names';
import { defineUnitRule } from './driverOptRewrite';
import { SRC } from '../../sources';

export const containerBuilderLoopbackProxy = defineUnitRule({
  id: 'BX003',
  name: 'container-builder-loopback-proxy',
  kinds: ['shell', 'ci-workflow'],
  defaultSeverity: 'warning',
  summary: 'A proxy on 127.0.0.1/localhost for a docker-container builder is the builder container\'s own loopback.',
  description:
    'A docker-container builder runs buildkitd in its own container (`buildx_buildkit_<name>0`) with its own network ' +
    'namespace. `--driver-opt env.https_proxy=http://127.0.0.1:3128` there points at that container, not at the ' +
    'proxy on your machine, so every pull and `ADD <url>` of the build fails to connect.\n\n' +
    'Create the builder with `--driver-opt network=host` (it then shares the host\'s network and loopback), or give ' +
    'the proxy an address the container can reach.',
  sources: [SRC.containerDriver, SRC.buildxEnvDriverOpt, SRC.dockerdHostGateway],
  examples: {
    bad: { kind: 'shell', text: '#!/bin/sh\ndocker buildx create --name local --driver docker-container \\\n  --driver-opt env.https_proxy=http://127.0.0.1:3128\n' },
    good: { kind: 'shell', text: '#!/bin/sh\ndocker buildx create --name local --driver docker-container \\\n  --driver-opt network=host --driver-opt env.https_proxy=http://127.0.0.1:3128\n' },
  },
}, (doc) => {
  const findings: RuleFinding[] = [];
  for (const unit of doc.units) {
    for (const create of unit.creates) {
      if (create.driver !== 'docker-container') continue;
      const pairs = create.driverOpts.flatMap((o) => driverOptPairs(o).pairs);
      if (pairs.some((p) => p.key === 'network' && p.value === 'host')) continue;
      for (const p of pairs) {
        const name = envKey(p.key);
        const variable = name && envVariableOf(name);
        if (!variable || variable === 'no' || /[$]/.test(p.value)) continue;
        const parts = splitProxyValue(p.value);
        if (!parts || !isLoopbackHost(parts.host)) continue;
        const s = p.mapped.offsets[parts.hostPortRange[0]];
        findings.push({
          range: doc.lines.range(s, s + parts.host.length),
          message: `${p.key} points at ${parts.host}, which is the builder container's own loopback; add --driver-opt network=host or use an address the container can reach.`,
        });
      }
    }
  }
  return findings;
});
