import type { RuleFinding } from '../../findingTypes';
import { isLoopbackHost } from '../../proxy/url';
import { splitProxyValue } from '../../proxy/proxyValueParts';
import { envVariableOf } from '../../proxy/names';
import { defineUnitRule } from '../buildx/driverOptRewrite';
import { SRC } from '../../sources';

export const buildArgLoopbackProxyInScript = defineUnitRule({
  id: 'SH003',
  name: 'build-arg-loopback-proxy-in-script',
  kinds: ['shell', 'ci-workflow'],
  defaultSeverity: 'warning',
  summary: 'A proxy on 127.0.0.1/localhost passed with `--build-arg` is unreachable from RUN steps, which have their own network namespace.',
  description:
    '`docker build --build-arg http_proxy=http://127.0.0.1:3128` hands the value to the `RUN` steps of the build, and ' +
    'each step runs in its own network namespace (the bridge network with the docker driver, the buildkitd container ' +
    'with a docker-container builder, the VM with Docker Desktop). There, `127.0.0.1` is the step itself, so a proxy ' +
    'listening on your machine\'s loopback (cntlm, px, a local Squid) refuses the connection.\n\n' +
    'Pass an address the step can reach: `host.docker.internal:<port>` (on Linux with `--add-host ' +
    'host.docker.internal:host-gateway`, and the proxy listening on the bridge address), or build with `--network host`, ' +
    'which shares the host\'s loopback. Builds with `--network host` are not reported.',
  sources: [
    { url: 'https://docs.docker.com/engine/cli/proxy/#set-proxy-using-the-cli', shows: '`--build-arg` proxy values are handed to the build\'s RUN steps, which run in their own network namespace' },
    { url: 'https://docs.docker.com/reference/cli/docker/buildx/build/#network', shows: '`--network host` runs RUN steps in the host\'s network namespace, where the host\'s loopback is reachable' },
    SRC.dockerdHostGateway,
  ],
  examples: {
    bad: { kind: 'shell', text: '#!/bin/sh\ndocker build --build-arg http_proxy=http://127.0.0.1:3128 --build-arg https_proxy=http://127.0.0.1:3128 -t app .\n' },
    good: { kind: 'shell', text: '#!/bin/sh\ndocker build --add-host host.docker.internal:host-gateway \\\n  --build-arg http_proxy=http://host.docker.internal:3128 -t app .\n' },
  },
}, (doc) => {
  const findings: RuleFinding[] = [];
  for (const unit of doc.units) {
    for (const a of unit.buildArgs) {
      const v = envVariableOf(a.name);
      if (v !== 'http' && v !== 'https' && v !== 'all') continue;
      if (a.origin !== 'command-line' || a.hostNetwork || a.dynamic || a.value === undefined || !a.mapped) continue;
      const parts = splitProxyValue(a.value);
      if (!parts || !isLoopbackHost(parts.host)) continue;
      const s = a.mapped.offsets[parts.hostPortRange[0]];
      findings.push({
        range: doc.lines.range(s, s + parts.host.length),
        message: `--build-arg ${a.name} points at ${parts.host}, which inside a RUN step is the step's own loopback, not your machine; use host.docker.internal (with --add-host host.docker.internal:host-gateway on Linux) or build with --network host.`,
      });
    }
  }
  return findings;
});
