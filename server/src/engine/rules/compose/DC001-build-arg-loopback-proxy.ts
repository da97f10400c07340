import type { RuleFinding } from '../../findingTypes';
import { isLoopbackHost } from '../../proxy/url';
import { splitProxyValue } from '../../proxy/proxyValueParts';
import { defineComposeRule, eachProxyVar } from './composeProxyVars';
import { SRC } from '../../sources';

export const buildArgLoopbackProxy = defineComposeRule({
  id: 'DC001',
  name: 'build-arg-loopback-proxy',
  kinds: ['compose'],
  defaultSeverity: 'warning',
  summary: 'A proxy on 127.0.0.1/localhost in `build.args` is unreachable from RUN steps, which have their own network namespace.',
  description:
    'Build args reach only the `RUN` steps of the build, and each step runs in its own network namespace (the ' +
    'bridge network with the docker driver, the buildkitd container with a docker-container builder, the VM with ' +
    'Docker Desktop). There, `127.0.0.1` is the step itself, so a proxy listening on your machine\'s loopback (cntlm, ' +
    'px, a local Squid) refuses the connection.\n\n' +
    'Use `host.docker.internal:<port>` and, on Linux, add `extra_hosts: ["host.docker.internal:host-gateway"]` to ' +
    'the `build:` section; make the proxy listen on the bridge address too. Services built with ' +
    '`build.network: host` are not reported.',
  sources: [SRC.composeBuildArgs, SRC.buildkitProxyArgs, SRC.dockerdHostGateway],
  examples: {
    bad: { kind: 'compose', text: 'services:\n  app:\n    build:\n      context: .\n      args:\n        HTTP_PROXY: http://127.0.0.1:3128\n        HTTPS_PROXY: http://127.0.0.1:3128\n' },
    good: { kind: 'compose', text: 'services:\n  app:\n    build:\n      context: .\n      extra_hosts:\n        - "host.docker.internal:host-gateway"\n      args:\n        HTTP_PROXY: http://host.docker.internal:3128\n        HTTPS_PROXY: http://host.docker.internal:3128\n' },
  },
}, (doc) => {
  const findings: RuleFinding[] = [];
  eachProxyVar(doc, (service, v, section) => {
    if (section !== 'build.args' || v.variable === 'no' || v.value === undefined || v.dynamic) return;
    if (service.build?.network === 'host') return;
    const parts = splitProxyValue(v.value);
    if (!parts || !isLoopbackHost(parts.host) || !v.mapped) return;
    const [hs] = parts.hostPortRange;
    const s = v.mapped.offsets[hs];
    findings.push({
      range: doc.lines.range(s, s + parts.host.length),
      message: `Build arg ${v.name} points at ${parts.host}, which inside a RUN step is the step's own loopback, not your machine; use host.docker.internal (with extra_hosts "host.docker.internal:host-gateway" on Linux).`,
    });
  });
  return findings;
});
