import type { Rule } from '../../rule';
import type { Fix, RuleFinding } from '../../findingTypes';
import type { JsonDocument } from '../../document';
import { jsonc, nodeRange, objectProperties, type JsonProperty } from '../../parse/json';
import { jsonTransformEdit } from '../jsonEdits';
import { CLIENT_PROXY_FIELDS, DAEMON_PROXY_KEYS, clientFieldFor } from '../../proxy/names';
import { maskCredentials } from '../../proxy/url';
import { isClientShapeEntry, proxiesProperty, proxyKeyTarget } from './daemonJsonShape';
import { MEASURED, SRC } from '../../sources';
import { lazyFix } from '../../fix';

const KEBAB: Record<string, string> = { http: 'http-proxy', https: 'https-proxy', no: 'no-proxy' };

/** Replaces `proxies.<entry>` by its fields in daemon.json spelling; keys `proxies` already has are kept as they are. */
function unwrapFix(doc: JsonDocument, entry: JsonProperty, siblings: JsonProperty[], onlyEntry: boolean): Fix {
  const existing = new Set(siblings.filter((p) => p.key in DAEMON_PROXY_KEYS).map((p) => p.key));
  const steps: Array<{ path: jsonc.JSONPath; value: unknown }> = [{ path: ['proxies', entry.key], value: undefined }];
  let lossy = false;
  for (const field of objectProperties(entry.valueNode)) {
    const canonical = clientFieldFor(field.key);
    const kebab = canonical ? KEBAB[CLIENT_PROXY_FIELDS[canonical]] : undefined;
    if (!kebab || !field.valueNode) {
      // ftpProxy: never used by dockerd, dropping it loses nothing; allProxy or unknown fields may carry intent.
      if (canonical !== 'ftpProxy') lossy = true;
      continue;
    }
    if (existing.has(kebab)) {
      lossy = true;
      continue;
    }
    existing.add(kebab);
    steps.push({ path: ['proxies', kebab], value: jsonc.getNodeValue(field.valueNode) });
  }
  return lazyFix(
    `Move the "${maskCredentials(entry.key)}" values into "proxies" as http-proxy/https-proxy/no-proxy`,
    onlyEntry && entry.key === 'default' && !lossy,
    () => [jsonTransformEdit(doc.text, steps)],
  );
}

/** A field of a client-shaped entry: its daemon.json name, and a fix that moves it up into `proxies` when free. */
function fieldFinding(doc: JsonDocument, entry: JsonProperty, field: JsonProperty, siblings: JsonProperty[]): RuleFinding[] {
  const target = proxyKeyTarget(field.key);
  const key = maskCredentials(field.key);
  const where = `"proxies.${maskCredentials(entry.key)}.${key}"`;
  if (target === undefined) return [];
  if (target === 'all' || target === 'ftp') {
    return [{
      range: nodeRange(doc.lines, field.keyNode),
      message: `${where} has no daemon.json equivalent: dockerd (Go) never reads ${target === 'all' ? 'ALL_PROXY' : 'FTP_PROXY'}. For a SOCKS proxy use "socks5://…" in "http-proxy"/"https-proxy".`,
    }];
  }
  const fields = objectProperties(entry.valueNode);
  const taken = siblings.some((p) => p.key === target);
  const valueNode = field.valueNode;
  const fixes: Fix[] = taken || !valueNode ? [] : [lazyFix(
    `Move it to "proxies.${target}"`,
    false,
    () => [jsonTransformEdit(doc.text, [
      { path: ['proxies', target], value: jsonc.getNodeValue(valueNode) },
      // The last field takes its entry along, so no empty "default" is left behind.
      fields.length === 1 ? { path: ['proxies', entry.key], value: undefined } : { path: ['proxies', entry.key, field.key], value: undefined },
    ])],
  )];
  return [{
    range: nodeRange(doc.lines, field.keyNode),
    message: `${where} is config.json spelling; daemon.json reads "${target}" directly in "proxies"${taken ? ` (already set there)` : ''}.`,
    fixes,
  }];
}

export const clientShapeInDaemonJson: Rule = {
  meta: {
    id: 'DJ003',
    name: 'client-shape-in-daemon-json',
    kinds: ['daemon-json'],
    defaultSeverity: 'error',
    summary: 'daemon.json uses the client config.json shape ("proxies": {"default": {"httpProxy": …}}), so dockerd refuses to start.',
    description:
      'The docker CLI\'s `~/.docker/config.json` nests proxy settings per daemon (`proxies.default.httpProxy`, ' +
      'camelCase). daemon.json does not: its keys sit directly in `proxies` and are kebab-case (`http-proxy`, ' +
      '`https-proxy`, `no-proxy`). dockerd checks every key inside `proxies` against its option names, so `default` ' +
      '(or a `tcp://host:port` entry) stops it at startup with `the following directives don\'t match any configuration ' +
      'option: default`.\n\nThe quick fix lifts the values out of the entry and renames them; `ftpProxy` and `allProxy` ' +
      'have no daemon equivalent and are dropped (for a SOCKS proxy, use `socks5://…` in `http-proxy`/`https-proxy`). ' +
      'If you meant to configure containers rather than the daemon, the original belongs in `~/.docker/config.json`.\n\n' +
      'Besides the entry, each client-style field in it (`httpsProxy`, `noProxy`, `HTTP_PROXY` …) gets its own finding ' +
      'on its own line, with a fix that moves just that field.',
    sources: [SRC.mobyFlatten, SRC.mobyUnknownKeys, SRC.cliProxyConfig, MEASURED.dockerdValidate],
    dockerdRefuses: true,
    examples: {
      bad: {
        kind: 'daemon-json',
        text: '{\n  "proxies": {\n    "default": {\n      "httpProxy": "http://proxy.example.com:3128",\n      "httpsProxy": "http://proxy.example.com:3128",\n      "noProxy": "localhost,127.0.0.1"\n    }\n  }\n}\n',
      },
      good: {
        kind: 'daemon-json',
        text: '{\n  "proxies": {\n    "http-proxy": "http://proxy.example.com:3128",\n    "https-proxy": "http://proxy.example.com:3128",\n    "no-proxy": "localhost,127.0.0.1"\n  }\n}\n',
      },
    },
  },
  check(doc): RuleFinding[] {
    const proxies = proxiesProperty(doc);
    if (doc.kind !== 'daemon-json' || proxies?.valueNode?.type !== 'object') return [];
    const props = objectProperties(proxies.valueNode);
    const entries = props.filter(isClientShapeEntry);
    return entries.flatMap((entry) => {
      const key = maskCredentials(entry.key);
      const findings: RuleFinding[] = [{
        range: nodeRange(doc.lines, entry.keyNode),
        message:
          `"proxies.${key}" is the client config.json shape; dockerd does not know "${key}" and refuses to start. ` +
          'In daemon.json, put "http-proxy", "https-proxy" and "no-proxy" directly in "proxies".',
        fixes: [unwrapFix(doc, entry, props, entries.length === 1)],
      }];
      // Each client-style field on its own line, with a fix that moves just that one (issue 5 item 4).
      for (const field of objectProperties(entry.valueNode)) findings.push(...fieldFinding(doc, entry, field, props));
      return findings;
    });
  },
};
