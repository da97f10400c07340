import type { Rule } from '../../rule';
import type { Fix, RuleFinding } from '../../model';
import type { ParsedDocument } from '../../document';
import { replaceValueEdit } from '../../parse/json';
import { isLoopbackHost, maskCredentials } from '../../proxy/url';
import { splitProxyValue } from '../../proxy/urlChecks';
import { readClientProxies, URL_FIELDS, valueRangeOf, type EntryField } from './common';
import { lazyFix } from '../../fix';

function replaceHostFix(doc: ParsedDocument, f: EntryField): Fix[] {
  const parts = f.value !== undefined ? splitProxyValue(f.value) : undefined;
  if (!parts || !f.prop.valueNode || f.value === undefined) return [];
  const start = parts.hostPortRange[0];
  const end = start + parts.host.length;
  const valueNode = f.prop.valueNode;
  const fixed = f.value.slice(0, start) + 'host.docker.internal' + f.value.slice(end);
  return [lazyFix(
    'Use host.docker.internal (Linux: run containers with --add-host=host.docker.internal:host-gateway)',
    false,
    () => [replaceValueEdit(doc.lines, valueNode, fixed)],
  )];
}

export const clientLoopbackProxy: Rule = {
  meta: {
    id: 'CC007',
    name: 'client-loopback-proxy',
    kinds: ['cli-config'],
    defaultSeverity: 'error',
    summary: 'A config.json proxy on 127.0.0.1/localhost is injected into containers and builds, where loopback is the container itself.',
    description:
      'The CLI copies config.json `proxies` into the environment of new containers and into the proxy build args of ' +
      '`RUN` steps. Those run in their own network namespace, so `127.0.0.1`, `localhost`, `::1` or `0.0.0.0` is the ' +
      'container (or build sandbox), not the machine where your local proxy (cntlm, px, a VPN client) listens: every ' +
      'proxied request fails with "connection refused".\n\n' +
      '- Docker Desktop: use `host.docker.internal:<port>`.\n' +
      '- Docker Engine on Linux: `host.docker.internal` resolves only with `--add-host=host.docker.internal:host-gateway` ' +
      '(`docker buildx build --add-host host.docker.internal=host-gateway` for builds), and the proxy must listen on the ' +
      'bridge address, not only on 127.0.0.1. The host\'s bridge IP (the `docker0` gateway) works as well.\n\n' +
      'The daemon\'s own settings are a different matter: a rootful Linux dockerd shares the host\'s loopback.',
    fact: 'docker-proxy-facts.md §8 "Loopback proxy" and "Docker Engine on Linux" (host-gateway since v20.10.0); §3 "Where the values are injected".',
    examples: {
      bad: { kind: 'cli-config', text: '{\n  "proxies": {\n    "default": {\n      "httpProxy": "http://127.0.0.1:3128",\n      "httpsProxy": "http://127.0.0.1:3128",\n      "noProxy": "localhost,127.0.0.1,::1"\n    }\n  }\n}\n' },
      good: { kind: 'cli-config', text: '{\n  "proxies": {\n    "default": {\n      "httpProxy": "http://host.docker.internal:3128",\n      "httpsProxy": "http://host.docker.internal:3128",\n      "noProxy": "localhost,127.0.0.1,::1"\n    }\n  }\n}\n' },
    },
  },
  check(doc): RuleFinding[] {
    const p = readClientProxies(doc);
    if (!p) return [];
    const findings: RuleFinding[] = [];
    for (const entry of p.entries) {
      for (const f of entry.fields) {
        if (!URL_FIELDS.includes(f.field) || f.value === undefined) continue;
        // Host after the last '@', as meant (a broken password is CC016's business, not a reason to stay silent here).
        const parts = splitProxyValue(f.value);
        if (!parts || !isLoopbackHost(parts.host)) continue;
        findings.push({
          range: valueRangeOf(doc, f),
          message: `${f.field} points at ${maskCredentials(parts.host)}, which inside containers and RUN steps is the container itself. Use host.docker.internal (on Linux it needs --add-host=host.docker.internal:host-gateway) or the host's IP.`,
          fixes: replaceHostFix(doc, f),
        });
      }
    }
    return findings;
  },
};
