import type { RuleFinding } from '../../findingTypes';
import { defineRule, dfModel } from './dockerfileModel';
import { deleteAssignmentFix } from './assignmentEdits';
import { SRC } from '../../sources';

export const argProxyDeclared = defineRule({
  id: 'DF002',
  name: 'arg-proxy-declared',
  kinds: ['dockerfile'],
  defaultSeverity: 'warning',
  summary: '`ARG HTTP_PROXY` in a stage is unnecessary and puts the proxy value into image history and the cache key.',
  description:
    'The proxy build arguments (`HTTP_PROXY`, `HTTPS_PROXY`, `FTP_PROXY`, `NO_PROXY`, `ALL_PROXY`, either case) are ' +
    'predefined: `RUN` receives them without any `ARG` line, they are left out of `docker history`, and changing ' +
    'them does not invalidate the build cache.\n\n' +
    'Declaring one with `ARG` removes that exemption: the value (with any password in it) is recorded in the image ' +
    'history as `ARG HTTP_PROXY=…`, and each proxy change rebuilds the steps after it. Delete the `ARG`; `RUN` still ' +
    'gets the value. Keep it only if a non-`RUN` instruction really has to expand the variable.\n\n' +
    '`NO_PROXY` is not reported (it holds no address or secret). Global `ARG`s before the first `FROM` are reported ' +
    'by DF012 instead.',
  sources: [SRC.dockerfilePredefinedArgs, SRC.buildkitProxyArgs],
  examples: {
    bad: { kind: 'dockerfile', text: 'FROM alpine:3.20\nARG HTTPS_PROXY\nRUN apk add --no-cache curl\n' },
    good: { kind: 'dockerfile', text: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n' },
  },
}, (doc) => {
  const findings: RuleFinding[] = [];
  for (const a of dfModel(doc).proxies) {
    if (a.keyword !== 'ARG' || a.stage < 0 || a.variable === 'no' || a.variable === 'socks') continue; // SOCKS_PROXY is no predefined arg: it needs its ARG
    if (a.value !== undefined && a.value !== '') continue; // DF003
    findings.push({
      range: a.nameRange,
      message: `ARG ${a.name} records the proxy in image history and the cache key; delete it, RUN receives ${a.name} without it.`,
      fixes: [deleteAssignmentFix(doc, a, a.siblings.length <= 1 ? 'Delete this ARG line' : `Remove ${a.name} from this ARG`)],
    });
  }
  return findings;
});
