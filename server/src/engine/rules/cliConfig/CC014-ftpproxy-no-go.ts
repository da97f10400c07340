import type { Rule } from '../../rule';
import type { RuleFinding } from '../../findingTypes';
import { nodeRange } from '../../parse/json';
import { readClientProxies } from './clientProxies';
import { SRC } from '../../sources';

export const ftpProxyNoGo: Rule = {
  meta: {
    id: 'CC014',
    name: 'ftpproxy-no-go',
    kinds: ['cli-config'],
    defaultSeverity: 'info',
    summary: 'config.json ftpProxy becomes FTP_PROXY, which Go programs never read.',
    description:
      '`ftpProxy` is injected as `FTP_PROXY`/`ftp_proxy` into containers and as a build arg. curl, GNU wget, BusyBox ' +
      'wget and Python read it for `ftp://` URLs; Go programs (and so Docker\'s own tools running in containers) do ' +
      'not read `FTP_PROXY` at all. Nothing to fix if your containers fetch `ftp://` URLs with those tools; otherwise ' +
      'the field has no effect.',
    sources: [SRC.xnetFromEnvironment, SRC.cliProxyConfig],
    examples: {
      bad: { kind: 'cli-config', text: '{\n  "proxies": {\n    "default": {\n      "httpProxy": "http://proxy.example.com:3128",\n      "httpsProxy": "http://proxy.example.com:3128",\n      "ftpProxy": "http://proxy.example.com:3128",\n      "noProxy": "localhost,127.0.0.1,::1"\n    }\n  }\n}\n' },
      good: { kind: 'cli-config', text: '{\n  "proxies": {\n    "default": {\n      "httpProxy": "http://proxy.example.com:3128",\n      "httpsProxy": "http://proxy.example.com:3128",\n      "noProxy": "localhost,127.0.0.1,::1"\n    }\n  }\n}\n' },
    },
  },
  check(doc): RuleFinding[] {
    const p = readClientProxies(doc);
    if (!p) return [];
    return p.entries.flatMap((e) => e.fields)
      .filter((f) => f.field === 'ftpProxy' && f.value !== undefined && f.value.trim() !== '')
      .map((f) => ({
        range: nodeRange(doc.lines, f.prop.keyNode),
        message: 'ftpProxy is read by curl, wget and Python for ftp:// URLs only; Go tools ignore FTP_PROXY.',
      }));
  },
};
