// The CLI looks up proxies[<daemon host>] by exact string. The lint rule CC005 catches keys that can never match
// (http(s)://, ssh://, "Default"); with the machine's contexts we can also catch keys that match none of them.
// (Until the two kinds of check shared one id space, this finding was also called CC005.)
import { fileSource, clientEntries } from '../statusModel';
import type { StatusFinding } from '../report';
import { finding, type StatusCheck } from './check';
import { SRC } from '../../sources';

export const CC019: StatusCheck = {
  meta: {
    id: 'CC019', title: 'config.json entry names another daemon host', name: 'per-host-key-matches-no-context', defaultSeverity: 'warning', layer: 'client-config',
    summary: 'A config.json proxies key that equals no docker context\'s host on this machine, so its entry is never used here.',
    description: 'The CLI (and buildx) use `proxies[<daemon host>]` only when a key is exactly the host the client connects ' +
      'to, and `proxies["default"]` otherwise, without merging the two. The daemon host comes from the current context ' +
      '(or `DOCKER_HOST`): `unix:///var/run/docker.sock`, `tcp://host:2376`, the host stored in a named context.\n\n' +
      'This finding compares each per-host key of config.json with the hosts of every context `docker context ls` lists on ' +
      'this machine. A key that equals none of them (an old build host, a typo in the port, `tcp://` where the context ' +
      'says `unix://`) is never used here, so containers and builds get `default` (or no proxy at all).\n\n' +
      'Rename the key to the exact host printed by `docker context inspect --format \'{{.Endpoints.docker.Host}}\'`, or ' +
      'use `default`. Keys that cannot match any daemon host whatever the machine (`https://…`, `ssh://…`, `Default`) ' +
      'are the lint rule [CC005](CC005.md), reported in the file itself. ' +
      '(Before lint rules and status findings shared one id space, this finding was shown as CC005 too.)',
    sources: [SRC.cliParseProxyConfig, SRC.cliParseHost, SRC.cliProxyPerDaemon, SRC.buildxProxyConfig],
    example: {
      before: { caption: 'config.json names a host no context has', lang: 'text', text: '$ docker context ls --format \'{{.Name}} {{.DockerEndpoint}}\'\ndefault unix:///var/run/docker.sock\n$ cat ~/.docker/config.json\n{ "proxies": { "tcp://old-build-host:2375": { "httpsProxy": "http://proxy.example.com:3128" } } }' },
      after: { caption: 'The key is the current daemon host', lang: 'text', text: '$ cat ~/.docker/config.json\n{ "proxies": { "unix:///var/run/docker.sock": { "httpsProxy": "http://proxy.example.com:3128" } } }' },
    },
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
      out.push(finding(CC019.meta, `No docker context on this machine has the host "${e.key}" (contexts: ${[...hosts].join(', ')}): this entry is never used.`, {
        source: fileSource(file, e.line), related: [{ kind: 'command', label: model.obs.contexts!.command }],
        action: `rename the key to the exact host of \`docker context inspect --format '{{.Endpoints.docker.Host}}'\` (currently ${model.daemonHost?.host ?? '?'})`,
      }));
    }
    return out;
  },
};
