import type { Rule } from '../../rule';
import type { Fix, RuleFinding } from '../../findingTypes';
import type { ParsedDocument } from '../../document';
import { replaceValueEdit } from '../jsonEdits';
import { isLoopbackHost, maskCredentials } from '../../proxy/url';
import { splitProxyValue } from '../../proxy/proxyValueParts';
import { readClientProxies, URL_FIELDS, valueRangeOf, type EntryField } from './clientProxies';
import { SRC } from '../../sources';
import { lazyFix } from '../../fix';

/** The loopback host replaced by `host` in a field's value, or undefined when the field is not a loopback proxy. */
function withHost(f: EntryField, host: string): string | undefined {
  const parts = f.value !== undefined ? splitProxyValue(f.value) : undefined;
  if (!parts || !f.prop.valueNode || f.value === undefined || !isLoopbackHost(parts.host)) return undefined;
  const start = parts.hostPortRange[0];
  return f.value.slice(0, start) + host + f.value.slice(start + parts.host.length);
}

/**
 * Both fixes rewrite every loopback URL field of the entry at once (fixing httpProxy alone left httpsProxy, the one
 * registries use, on loopback). Neither is safe to apply blindly: each works only under a condition its title names.
 */
function replaceHostFixes(doc: ParsedDocument, entryFields: readonly EntryField[]): Fix[] {
  const make = (host: string, title: string): Fix[] => {
    // Which fields change is known now (cheap); their edits are built when a code action reads them.
    const fields = entryFields.filter((f) => URL_FIELDS.includes(f.field) && withHost(f, host) !== undefined);
    return fields.length
      ? [lazyFix(title, false, () => fields.map((f) => replaceValueEdit(doc.lines, f.prop.valueNode!, withHost(f, host)!)))]
      : [];
  };
  return [
    ...make('host.docker.internal', 'Use host.docker.internal (Docker Desktop; on Linux it does not resolve in containers unless every run and build adds --add-host=host.docker.internal:host-gateway, and the proxy must listen on the bridge address)'),
    ...make('172.17.0.1', 'Use 172.17.0.1, the docker0 gateway on Linux (the proxy must also listen on 172.17.0.1, not only on 127.0.0.1)'),
  ];
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
    sources: [SRC.cliProxyRun, SRC.cliProxyBuild, SRC.addHost, SRC.dockerdHostGateway],
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
          fixes: replaceHostFixes(doc, entry.fields),
        });
      }
    }
    return findings;
  },
};
