import type { Rule } from '../../rule';
import type { Fix, RuleFinding } from '../../findingTypes';
import { nodeRange, objectProperties } from '../../parse/json';
import { renameKeyEdit } from '../jsonEdits';
import { defaultEntry, neverMatchReason, readClientProxies } from './clientProxies';
import { SRC } from '../../sources';
import { lazyFix } from '../../fix';

const WHY = {
  'default-case': 'per-host keys are compared exactly, and only lower-case "default" is the fallback entry',
  'url-scheme': 'the CLI looks entries up by the daemon host it connects to (unix://, npipe://, tcp://host:port), never an http(s):// URL',
  ssh: 'for ssh:// daemons the CLI looks up a placeholder host, not the ssh:// address',
} as const;

export const perHostKeyNeverMatches: Rule = {
  meta: {
    id: 'CC005',
    name: 'per-host-key-never-matches',
    kinds: ['cli-config'],
    defaultSeverity: 'warning',
    summary: 'A config.json proxies key that can never equal the daemon host the CLI looks up, so its entry is never used.',
    description:
      'The CLI picks `proxies[<daemon host>]` when that exact key exists and `proxies["default"]` otherwise. The daemon ' +
      'host is the string the client connects to: `unix:///var/run/docker.sock`, `npipe:////./pipe/docker_engine`, ' +
      '`tcp://host:2376`, or the host stored in a named context. Some keys can never be that string:\n\n' +
      '- `https://…` or `http://…` URLs, as in some docs examples: the CLI never connects to an `http(s)://` daemon host;\n' +
      '- `ssh://…` keys: for ssh (and other connection helpers) the CLI uses the placeholder `http://docker.example.com`;\n' +
      '- `Default` or `DEFAULT`: map keys are compared exactly, only `default` is the fallback.\n\n' +
      'Use `default`, or the exact host printed by `docker context inspect --format \'{{.Endpoints.docker.Host}}\'`. ' +
      'Keys that look valid are not compared with your contexts here: that needs the machine\'s Docker state, and the ' +
      'Proxy Status does it as [CC019](CC019.md) (shown as CC005 too before lint rules and status findings shared one id space).',
    sources: [SRC.cliParseProxyConfig, SRC.cliConnhelper, SRC.cliParseHost, SRC.cliProxyPerDaemon],
    examples: {
      bad: { kind: 'cli-config', text: '{\n  "proxies": {\n    "https://docker-daemon1.example.com": {\n      "httpProxy": "http://proxy.example.com:3128",\n      "httpsProxy": "http://proxy.example.com:3128",\n      "noProxy": "localhost,127.0.0.1,::1"\n    }\n  }\n}\n' },
      good: { kind: 'cli-config', text: '{\n  "proxies": {\n    "tcp://docker-daemon1.example.com:2376": {\n      "httpProxy": "http://proxy.example.com:3128",\n      "httpsProxy": "http://proxy.example.com:3128",\n      "noProxy": "localhost,127.0.0.1,::1"\n    }\n  }\n}\n' },
    },
  },
  check(doc): RuleFinding[] {
    const p = readClientProxies(doc);
    if (!p) return [];
    const hasDefault = !!defaultEntry(p) && !defaultEntry(p)?.implied;
    const findings: RuleFinding[] = [];
    // Object entries only: other values are CC003's.
    for (const prop of objectProperties(p.proxies.valueNode)) {
      const reason = neverMatchReason(prop.key);
      if (!reason || prop.valueNode?.type !== 'object') continue;
      const fixes: Fix[] = [];
      if (!hasDefault) {
        // For a "Default" typo this is exactly what was meant; for a host URL it widens the entry to every daemon.
        fixes.push(lazyFix('Rename the key to "default"', reason === 'default-case', () => [renameKeyEdit(doc.lines, prop, 'default')]));
      }
      findings.push({
        range: nodeRange(doc.lines, prop.keyNode),
        message: `This entry is never used: ${WHY[reason]}. Use "default" or the host from \`docker context inspect\`.`,
        fixes,
      });
    }
    return findings;
  },
};
