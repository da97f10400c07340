import type { Rule } from '../../rule';
import type { RuleFinding } from '../../findingTypes';
import { nodeRange } from '../../parse/json';
import { readClientProxies } from './clientProxies';
import { SRC } from '../../sources';

export const allProxyNotForBuildx: Rule = {
  meta: {
    id: 'CC011',
    name: 'allproxy-not-for-buildx',
    kinds: ['cli-config'],
    defaultSeverity: 'info',
    summary: 'config.json allProxy reaches docker run/create and compose containers, but not buildx builds.',
    description:
      '`allProxy` becomes `ALL_PROXY`/`all_proxy` in containers created by `docker run`, `docker create` and ' +
      '`docker compose up`, and a build arg for the legacy builder. buildx (the default `docker build` since Engine ' +
      '23.0) and `docker compose build` pass only `HTTP_PROXY`, `HTTPS_PROXY`, `NO_PROXY` and `FTP_PROXY`, so `RUN` ' +
      'steps never see it. Go programs ignore `ALL_PROXY` anywhere.\n\n' +
      'If builds need it (e.g. a SOCKS proxy for curl), pass `--build-arg ALL_PROXY=…`, or put the `socks5://` URL in ' +
      '`httpProxy`/`httpsProxy`, which every layer reads.',
    sources: [SRC.buildxProxyConfig, SRC.xnetFromEnvironment, SRC.cliProxyConfig],
    examples: {
      bad: { kind: 'cli-config', text: '{\n  "proxies": {\n    "default": {\n      "allProxy": "socks5://proxy.example.com:1080"\n    }\n  }\n}\n' },
      good: { kind: 'cli-config', text: '{\n  "proxies": {\n    "default": {\n      "httpProxy": "socks5://proxy.example.com:1080",\n      "httpsProxy": "socks5://proxy.example.com:1080",\n      "noProxy": "localhost,127.0.0.1,::1"\n    }\n  }\n}\n' },
    },
  },
  check(doc): RuleFinding[] {
    const p = readClientProxies(doc);
    if (!p) return [];
    return p.entries.flatMap((e) => e.fields)
      .filter((f) => f.field === 'allProxy' && f.value !== undefined && f.value.trim() !== '')
      .map((f) => ({
        range: nodeRange(doc.lines, f.prop.keyNode),
        message: 'allProxy reaches docker run/create and compose containers only: buildx builds do not pass it and Go tools ignore it.',
      }));
  },
};
