import type { Fix, RuleFinding } from '../../findingTypes';
import { defineComposeRule, insertSiblingAfter, proxyVars } from './composeProxyVars';
import { SRC } from '../../sources';
import { lazyFix } from '../../fix';

export const lowercaseOnlyBuildArg = defineComposeRule({
  id: 'DC005',
  name: 'lowercase-only-build-arg',
  kinds: ['compose'],
  defaultSeverity: 'info',
  summary: 'A lower-case proxy build arg without its upper-case twin can meet a different upper-case value from `compose build`.',
  description:
    '`docker compose build` adds the `~/.docker/config.json` proxies as build args, upper case only (`HTTP_PROXY`, ' +
    '`HTTPS_PROXY`, `NO_PROXY`, `FTP_PROXY`), and leaves the names the file sets alone. With only `http_proxy` in ' +
    '`build.args`, a build can then receive both `http_proxy` (yours) and `HTTP_PROXY` (from config.json). BuildKit ' +
    'exports both names into `RUN`; when the values differ, the lower-case one wins since BuildKit v0.29 and the ' +
    'winner was random before.\n\nSet both names to the same value (the quick fix adds the upper-case one).',
  sources: [SRC.composeBuildArgs, SRC.buildkitProxyArgs, SRC.buildkitRunProxyEnv],
  examples: {
    bad: { kind: 'compose', text: 'services:\n  app:\n    build:\n      context: .\n      args:\n        http_proxy: http://proxy.example.com:3128\n' },
    good: { kind: 'compose', text: 'services:\n  app:\n    build:\n      context: .\n      args:\n        http_proxy: http://proxy.example.com:3128\n        HTTP_PROXY: http://proxy.example.com:3128\n' },
  },
}, (doc) => {
  const findings: RuleFinding[] = [];
  const seen = new Set<string>();
  for (const service of doc.compose.services) {
    const args = proxyVars(service.build?.args ?? []);
    const names = new Set(args.map((a) => a.name));
    for (const a of args) {
      if (a.variable === 'all' || a.name !== a.name.toLowerCase() || names.has(a.name.toUpperCase())) continue;
      const key = `${a.range.start.line}:${a.range.start.character}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const upper = a.name.toUpperCase();
      const raw = doc.text.slice(doc.lines.offsetAt(a.range.start), doc.lines.offsetAt(a.range.end));
      const twin = raw.startsWith(a.name) ? upper + raw.slice(a.name.length) : undefined;
      const edit = twin === undefined ? undefined : insertSiblingAfter(doc, a, twin);
      const fixes: Fix[] = edit ? [lazyFix(`Add ${upper} with the same value`, true, () => [edit])] : [];
      findings.push({
        range: a.nameRange,
        message: `Only ${a.name} is set: "docker compose build" may add ${upper} from ~/.docker/config.json with another value, and RUN then sees one or the other; set ${upper} to the same value.`,
        fixes,
      });
    }
  }
  return findings;
});
