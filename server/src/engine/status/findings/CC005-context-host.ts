// §3 "Which key is used": the CLI looks up proxies[<daemon host>] by exact string. The lint rule CC005 catches keys
// that can never match (http(s)://, ssh://); with the machine's contexts we can also catch keys that match none of them.
import { fileSource, clientEntries } from '../statusModel';
import type { StatusFinding } from '../report';
import { finding, type StatusCheck } from './check';
import { SRC } from '../../sources';

export const CC005: StatusCheck = {
  meta: {
    id: 'CC005', title: 'config.json entry names another daemon host', name: 'per-host-key-never-matches', severity: 'warning', layer: 'client-config', sharesLintRulePage: true,
    summary: 'A config.json proxies key that equals no docker context\'s host on this machine, so its entry is never used.',
    description: 'See the lint rule page.',
    sources: [SRC.cliParseProxyConfig, SRC.cliConnhelper, SRC.cliParseHost, SRC.cliProxyPerDaemon],
  },
  check(model) {
    const file = model.clientConfig;
    const hosts = new Set<string>((model.contexts ?? []).map((c) => c.host));
    if (model.daemonHost) hosts.add(model.daemonHost.host);
    if (!file || hosts.size === 0 || !model.contexts) return [];
    const out: StatusFinding[] = [];
    for (const e of clientEntries(file)) {
      if (e.key === 'default' || hosts.has(e.key)) continue;
      if (file.lint.some((f) => f.ruleId === 'CC005' && f.range.start.line === e.line)) continue; // the lint rule says it already
      out.push(finding(CC005.meta, `No docker context on this machine has the host "${e.key}" (contexts: ${[...hosts].join(', ')}): this entry is never used.`, {
        source: fileSource(file, e.line), related: [{ kind: 'command', label: model.obs.contexts!.command }],
        action: `rename the key to the exact host of \`docker context inspect --format '{{.Endpoints.docker.Host}}'\` (currently ${model.daemonHost?.host ?? '?'})`,
      }));
    }
    return out;
  },
};
