import type { RuleFinding } from '../../findingTypes';
import { parseNoProxy } from '../../proxy/noProxyEntries';
import { matchesNoProxy } from '../../proxy/noProxyMatch';
import { contiguousOffset } from '../../parse/mapped';
import { isVerbatimScalar } from '../../parse/yaml';
import { splitProxyValue } from '../../proxy/proxyValueParts';
import type { ComposeModel, ComposeService } from '../../parse/compose';
import { defineComposeRule, proxyVars } from './composeProxyVars';
import { SRC } from '../../sources';
import { lazyFix } from '../../fix';

const RAW_SAFE = /^[A-Za-z0-9._-]+$/;

/**
 * The networks whose DNS a service uses to find others by name: its own (`default` when it lists none), those of
 * the service it shares a namespace with (`network_mode: service:x`); undefined when names of other services do not
 * resolve there at all (`host`, `none`, `container:…`, a `service:` it cannot find).
 */
function dnsNetworks(compose: ComposeModel, service: ComposeService, hop = 0): string[] | undefined {
  const mode = service.networkMode?.trim();
  if (mode === undefined || mode === '' || mode === 'bridge' || mode === 'default') return service.networks ?? ['default'];
  const m = /^service:(.+)$/.exec(mode);
  const peer = m && hop < 3 ? compose.services.find((s) => s.name === m[1].trim()) : undefined;
  return peer ? dnsNetworks(compose, peer, hop + 1) : undefined;
}

/** Services another service reaches by name: on a shared network, with their own DNS name there. */
function reachableByName(compose: ComposeModel, from: string[], other: ComposeService): boolean {
  const mode = other.networkMode?.trim();
  if (mode !== undefined && mode !== '' && mode !== 'bridge' && mode !== 'default') return false;
  const theirs = other.networks ?? ['default'];
  return theirs.some((n) => from.includes(n));
}

export const serviceNamesNotInNoProxy = defineComposeRule({
  id: 'DC002',
  name: 'service-names-not-in-no-proxy',
  kinds: ['compose'],
  defaultSeverity: 'warning',
  summary: 'A service has a proxy in `environment:` but its NO_PROXY does not list the other services it can call.',
  description:
    'Inside a Compose project, services reach each other by service name (`http://db:5432`, `http://api:8080`). ' +
    'With `HTTP_PROXY`/`HTTPS_PROXY` in a service\'s environment, HTTP clients in it send those requests to the ' +
    'corporate proxy, which cannot resolve the names: inter-service calls fail with proxy errors or 502/503 ' +
    'answers. The same happens when the CLI injects `~/.docker/config.json` proxies into the containers.\n\n' +
    'List the other services\' names in the service\'s NO_PROXY (and `no_proxy`, which curl, Python and Node prefer), ' +
    'together with `localhost,127.0.0.1`. The quick fix appends the missing names. A `${NO_PROXY}` value taken from ' +
    'the shell is not judged. Only services on a network the service shares are asked for; a service with ' +
    '`network_mode: host` (where service names do not resolve), or one that sits only on `internal: true` networks ' +
    '(where the proxy is the only way out, on purpose), is not reported.',
  sources: [SRC.composeEnvironment, SRC.composeNetworking, SRC.composeIssueNoProxy, SRC.xnetNoProxyGrammar,
    { url: 'https://docs.docker.com/reference/compose-file/networks/#internal', shows: 'an `internal: true` network has no route out, so a service only on such networks reaches the outside only through a proxy on that network' },
    { url: 'https://docs.docker.com/reference/compose-file/services/#network_mode', shows: '`network_mode: host`/`none`/`container:`/`service:` replace the project network, where service names resolve' }],
  examples: {
    bad: { kind: 'compose', text: 'services:\n  web:\n    image: nginx:1.27\n    environment:\n      HTTPS_PROXY: http://proxy.example.com:3128\n      NO_PROXY: localhost,127.0.0.1\n  api:\n    image: example/api:2\n  db:\n    image: postgres:16\n' },
    good: { kind: 'compose', text: 'services:\n  web:\n    image: nginx:1.27\n    environment:\n      HTTPS_PROXY: http://proxy.example.com:3128\n      NO_PROXY: localhost,127.0.0.1,api,db\n  api:\n    image: example/api:2\n  db:\n    image: postgres:16\n' },
  },
}, (doc) => {
  const findings: RuleFinding[] = [];
  const services = doc.compose.services;
  if (services.length < 2) return findings;
  const reported = new Set<string>();
  for (const service of services) {
    const vars = proxyVars(service.environment);
    const proxies = vars.filter((v) => (v.variable === 'http' || v.variable === 'https') && (v.dynamic || (v.value ?? '').trim() !== ''));
    if (proxies.length === 0) continue;
    // `network_mode: host`: other services' names do not resolve there, so there is nothing to list
    const networks = dnsNetworks(doc.compose, service);
    if (!networks) continue;
    // only on internal networks: no route out except the proxy, which is meant for everything
    if (networks.every((n) => doc.compose.internalNetworks.has(n))) continue;
    // The proxy itself may be a service of the project (`HTTP_PROXY: http://squid:3128`): it is reached as the proxy.
    const proxyHosts = new Set(proxies.map((p) => splitProxyValue(p.value ?? '')?.host.toLowerCase()).filter((h): h is string => !!h));
    const others = services
      .filter((s) => s !== service && !proxyHosts.has(s.name.toLowerCase()) && reachableByName(doc.compose, networks, s))
      .map((s) => s.name).filter((n) => RAW_SAFE.test(n));
    if (others.length === 0) continue;
    const noProxies = vars.filter((v) => v.variable === 'no');
    if (noProxies.length === 0) {
      const p = proxies[0];
      const key = `${p.range.start.line}:${p.range.start.character}`;
      if (reported.has(key)) continue;
      reported.add(key);
      findings.push({
        range: p.nameRange,
        message: `Service "${service.name}" sets ${p.name} but no NO_PROXY: its calls to ${others.join(', ')} go to the proxy; add NO_PROXY=localhost,127.0.0.1,${others.join(',')}.`,
      });
      continue;
    }
    for (const np of noProxies) {
      if (np.value === undefined || np.dynamic || !np.mapped || !np.valueRange) continue;
      const value = np.value;
      if (value.trim() === '*') continue;
      const missing = others.filter((name) => !matchesNoProxy('curl', value, name.toLowerCase()));
      if (missing.length === 0) continue;
      const key = `${np.range.start.line}:${np.range.start.character}:${missing.join(',')}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const entries = parseNoProxy(value);
      const last = entries[entries.length - 1];
      const insertAt = last ? last.end : value.length;
      const offset = isVerbatimScalar(np.node) ? contiguousOffset(np.mapped, doc.text, 0, value.length) : undefined;
      const addition = (last ? ',' : '') + missing.join(',');
      findings.push({
        range: np.valueRange,
        message: `Service "${service.name}" sends requests to ${missing.join(', ')} through its proxy: ${np.name} does not list ${missing.length === 1 ? 'that service' : 'those services'}.`,
        fixes: offset === undefined ? [] : [lazyFix(
          `Add ${missing.join(',')} to ${np.name}`,
          true,
          () => [{ range: doc.lines.range(offset + insertAt, offset + insertAt), newText: addition }],
        )],
      });
    }
  }
  return findings;
});
