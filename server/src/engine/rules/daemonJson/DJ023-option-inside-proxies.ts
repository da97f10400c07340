import type { Rule } from '../../rule';
import type { Fix, RuleFinding } from '../../findingTypes';
import { findProperty, jsonc, nodeRange, objectProperties } from '../../parse/json';
import { jsonTransformEdit } from '../jsonEdits';
import { DAEMON_PROXY_KEYS } from '../../proxy/names';
import { DOCKERD_OPTION_NAMES, proxiesProperty } from './daemonJsonShape';
import { MEASURED, SRC } from '../../sources';
import { lazyFix } from '../../fix';

export const optionInsideProxies: Rule = {
  meta: {
    id: 'DJ023',
    name: 'option-inside-proxies',
    kinds: ['daemon-json'],
    defaultSeverity: 'warning',
    summary: 'A dockerd option placed inside "proxies" passes validation and is then ignored.',
    description:
      'dockerd validates the keys inside `proxies` as if they were top-level options, so a real option name placed ' +
      'there (`registry-mirrors`, `insecure-registries`, `debug`…) passes `dockerd --validate`. It is then read only as ' +
      'part of `proxies`, which knows just `http-proxy`, `https-proxy` and `no-proxy`, so the option has no effect. ' +
      'Move it to the top level.\n\n`userland-proxy` and `userland-proxy-path` are not HTTP proxy settings at all: they ' +
      'control how published container ports are forwarded (docker-proxy).',
    sources: [SRC.mobyFlatten, SRC.mobyFlatOptions, SRC.mobyUnknownKeys, MEASURED.dockerdValidate],
    examples: {
      bad: { kind: 'daemon-json', text: '{\n  "proxies": {\n    "http-proxy": "http://proxy.example.com:3128",\n    "https-proxy": "http://proxy.example.com:3128",\n    "registry-mirrors": ["https://mirror.gcr.io"]\n  }\n}\n' },
      good: { kind: 'daemon-json', text: '{\n  "proxies": {\n    "http-proxy": "http://proxy.example.com:3128",\n    "https-proxy": "http://proxy.example.com:3128"\n  },\n  "registry-mirrors": ["https://mirror.gcr.io"]\n}\n' },
    },
  },
  check(doc): RuleFinding[] {
    const proxies = proxiesProperty(doc)?.valueNode;
    if (doc.kind !== 'daemon-json' || proxies?.type !== 'object') return [];
    return objectProperties(proxies)
      .filter((p) => DOCKERD_OPTION_NAMES.has(p.key) && !(p.key in DAEMON_PROXY_KEYS))
      .map((prop): RuleFinding => {
        const atTop = !!findProperty(doc.json.root, prop.key);
        const valueNode = prop.valueNode;
        const fixes: Fix[] = atTop || !valueNode ? [] : [lazyFix(
          `Move "${prop.key}" to the top level`,
          false,
          () => [jsonTransformEdit(doc.text, [
            { path: [prop.key], value: jsonc.getNodeValue(valueNode) },
            { path: ['proxies', prop.key], value: undefined },
          ])],
        )];
        const userland = prop.key.startsWith('userland-proxy');
        return {
          range: nodeRange(doc.lines, prop.keyNode),
          message: userland
            ? `"${prop.key}" is not an HTTP proxy setting (it controls port forwarding) and is ignored inside "proxies".`
            : `"${prop.key}" is a top-level dockerd option; inside "proxies" it passes validation but is ignored. Move it to the top level.`,
          fixes,
        };
      });
  },
};
