import type { RuleFinding } from '../../findingTypes';
import { maskCredentials } from '../../proxy/url';
import { defineRule, dfModel } from './dockerfileModel';
import { literalPassword } from './textProxyUrls';
import { deleteAssignmentFix } from './assignmentEdits';
import { SRC } from '../../sources';

export const argProxyDefault = defineRule({
  id: 'DF003',
  name: 'arg-proxy-default',
  kinds: ['dockerfile'],
  defaultSeverity: 'warning',
  summary: '`ARG HTTP_PROXY=<value>` hard-codes a proxy that is recorded in image history and used even where there is no proxy.',
  description:
    'A default on a proxy `ARG` applies to every build that does not override it, including builds on machines or CI ' +
    'runners without that proxy, where every download in `RUN` then fails. Because the name is declared, the value ' +
    'is also stored in the image history (`ARG HTTP_PROXY=…`) and in the cache key.\n\n' +
    'Delete the line and pass the proxy per environment with `--build-arg` or `~/.docker/config.json` `proxies`; the ' +
    'predefined proxy arguments reach `RUN` without an `ARG`. The finding is an error when the default holds a ' +
    'literal password.\n\n`NO_PROXY` defaults are not reported. Defaults on global `ARG`s before the first `FROM` are ' +
    'reported by DF012.',
  sources: [SRC.dockerfilePredefinedArgs, SRC.buildkitProxyArgs, SRC.cliProxyNotEnv],
  examples: {
    bad: { kind: 'dockerfile', text: 'FROM alpine:3.20\nARG https_proxy=http://proxy.example.com:3128\nRUN apk add --no-cache curl\n' },
    good: { kind: 'dockerfile', text: 'FROM alpine:3.20\nARG VERSION=1.0\nRUN apk add --no-cache curl\n' },
  },
}, (doc) => {
  const findings: RuleFinding[] = [];
  for (const a of dfModel(doc).proxies) {
    // SOCKS_PROXY is no predefined arg: deleting its ARG would stop --build-arg from reaching RUN.
    if (a.keyword !== 'ARG' || a.stage < 0 || a.variable === 'no' || a.variable === 'socks' || a.value === undefined || a.value === '') continue;
    const secret = !!literalPassword(a.value);
    findings.push({
      range: a.nameRange,
      message: secret
        ? `ARG ${a.name} has a default with a proxy password ("${maskCredentials(a.value.trim())}"), stored in image history; delete it and pass --build-arg.`
        : `ARG ${a.name} hard-codes a proxy (stored in image history, used even where there is none); delete it and pass --build-arg.`,
      severity: secret ? 'error' : undefined,
      fixes: [deleteAssignmentFix(doc, a, a.siblings.length <= 1 ? 'Delete this ARG line' : `Remove ${a.name} from this ARG`)],
    });
  }
  return findings;
});
