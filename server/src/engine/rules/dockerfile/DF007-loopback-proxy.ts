import type { Fix, RuleFinding } from '../../findingTypes';
import { isLoopbackHost } from '../../proxy/url';
import { splitProxyValue } from '../../proxy/proxyValueParts';
import { defineRule, dfModel, runProxyUrls } from './dockerfileModel';
import { isHostNetworkRun, keywordOf } from './instructionText';
import { SRC } from '../../sources';
import { lazyFix } from '../../fix';

function message(host: string): string {
  return `A proxy on ${host} is the build step's own loopback, not your machine: RUN has its own network namespace. ` +
    'Use host.docker.internal (on Linux also pass --add-host host.docker.internal=host-gateway to docker build).';
}

export const loopbackProxy = defineRule({
  id: 'DF007',
  name: 'loopback-proxy',
  kinds: ['dockerfile'],
  defaultSeverity: 'warning',
  summary: 'A proxy on 127.0.0.1/localhost is unreachable from RUN steps: each step has its own network namespace.',
  description:
    'A proxy that listens on your machine\'s loopback (cntlm, px, a local Clash or Squid) is reachable as ' +
    '`127.0.0.1` only from the machine itself. `RUN` steps run in their own network namespace (a bridge network with ' +
    'the docker driver, the buildkitd container with a docker-container builder, a VM with Docker Desktop), so there ' +
    '`127.0.0.1` is the step itself and the connection is refused.\n\n' +
    'Point the proxy at `host.docker.internal:<port>`: Docker Desktop resolves it to the host; on Linux add ' +
    '`--add-host host.docker.internal=host-gateway` to `docker build` (Docker 20.10+) and make the proxy listen on ' +
    'the bridge address, not only on 127.0.0.1. `RUN --network=host` steps are not reported.',
  sources: [SRC.buildkitProxyArgs, SRC.dockerfileRun, SRC.dockerdHostGateway],
  examples: {
    bad: { kind: 'dockerfile', text: 'FROM debian:bookworm\nRUN http_proxy=http://127.0.0.1:3128 apt-get update\n' },
    good: { kind: 'dockerfile', text: 'FROM debian:bookworm\nRUN http_proxy=http://host.docker.internal:3128 apt-get update\n' },
  },
}, (doc) => {
  const model = dfModel(doc);
  const findings: RuleFinding[] = [];
  const report = (value: string, valueOffset: number | undefined, fallback: { start: number; end: number }) => {
    if (value.includes('$')) return;
    const parts = splitProxyValue(value);
    if (!parts || !isLoopbackHost(parts.host)) return;
    const [hs, he] = parts.hostPortRange[0] === parts.hostPortRange[1] ? [parts.start, parts.end] : [parts.hostPortRange[0], parts.hostPortRange[0] + parts.host.length];
    const fixes: Fix[] = valueOffset === undefined ? [] : [lazyFix(
      'Use host.docker.internal',
      false,
      () => [{ range: doc.lines.range(valueOffset + hs, valueOffset + he), newText: 'host.docker.internal' }],
    )];
    const range = valueOffset === undefined ? doc.lines.range(fallback.start, fallback.end) : doc.lines.range(valueOffset + hs, valueOffset + he);
    findings.push({ range, message: message(parts.host), fixes });
  };
  const hostNetworkStages = new Set(model.stages.filter((s) => s.instructions.some((i) => keywordOf(i) === 'RUN' && isHostNetworkRun(doc, i))).map((s) => s.index));
  for (const a of model.proxies) {
    if (a.variable === 'no' || a.value === undefined || hostNetworkStages.has(a.stage)) continue;
    const range = a.valueRange ?? a.nameRange;
    report(a.value, a.valueOffset, { start: doc.lines.offsetAt(range.start), end: doc.lines.offsetAt(range.end) });
  }
  for (const { instruction, url } of runProxyUrls(doc)) {
    if (url.variable === 'no' || isHostNetworkRun(doc, instruction)) continue;
    report(url.value, url.start, url);
  }
  return findings;
});
