import type { RuleFinding } from '../../findingTypes';
import { PER_CONSUMER_NOTE, suggestedNoProxy } from '../../proxy/missingNoProxy';
import { defineRule, dfModel, type ProxyAssignment } from './dockerfileModel';
import { literalPassword } from './textProxyUrls';
import { SRC } from '../../sources';
import { lazyFix } from '../../fix';

export const stageNoProxyMissing = defineRule({
  id: 'DF013',
  name: 'stage-no-proxy-missing',
  kinds: ['dockerfile'],
  defaultSeverity: 'warning',
  summary: 'A stage sets a proxy with ENV (or an ARG default) but no `no_proxy`, so local and service-to-service HTTP goes to the proxy.',
  description:
    'A stage that writes `ENV http_proxy=…` gives that proxy to every `RUN` step and to every container started from ' +
    'the image, but without `no_proxy` nothing is exempt. curl, wget, Python and Node then send ' +
    '`http://localhost:8080`, health checks and calls to sibling services (`http://db:5432`) to the proxy, which ' +
    'cannot reach them. With an `ARG` default only the `RUN` steps are affected, so that case is information.\n\n' +
    'Better still, set no proxy in the Dockerfile at all (DF001, DF003) and pass `HTTP_PROXY`, `HTTPS_PROXY` and ' +
    '`NO_PROXY` as build arguments or from `~/.docker/config.json`. The rule stays silent when the file mentions ' +
    '`no_proxy` anywhere (in either case), since the author then handles it.\n\n' + PER_CONSUMER_NOTE,
  sources: [SRC.xnetLoopback, SRC.dockerfileEnv, SRC.curlNoProxy],
  examples: {
    bad: { kind: 'dockerfile', text: 'FROM python:3.12-slim\nENV http_proxy=http://proxy.example.com:3128 https_proxy=http://proxy.example.com:3128\nRUN pip install requests\n' },
    good: { kind: 'dockerfile', text: 'FROM python:3.12-slim\nENV http_proxy=http://proxy.example.com:3128 https_proxy=http://proxy.example.com:3128\nENV no_proxy=localhost,127.0.0.1,::1\nRUN pip install requests\n' },
  },
}, (doc) => {
  if (/no_proxy/i.test(doc.text)) return [];
  const model = dfModel(doc);
  const findings: RuleFinding[] = [];
  for (const stage of model.stages) {
    const own = model.proxies.filter((a): a is ProxyAssignment & { value: string } =>
      a.stage === stage.index && a.variable !== 'no' && a.value !== undefined && a.value.trim() !== '');
    if (own.length === 0) continue;
    const last = own[own.length - 1];
    const viaEnv = own.some((a) => a.keyword === 'ENV');
    const name = last.name === last.name.toLowerCase() ? 'no_proxy' : 'NO_PROXY';
    const value = suggestedNoProxy();
    // An ENV that bakes a password goes first (DF001's safe fix): adding no_proxy beside it must not look like a fix.
    const bakesPassword = own.some((a) => a.keyword === 'ENV' && !!literalPassword(a.value));
    const end = last.instruction.getRange().end;
    const at = doc.lines.positionAt(doc.lines.lineEnd(end.line));
    findings.push({
      range: last.nameRange,
      severity: viaEnv ? undefined : 'info',
      message: viaEnv
        ? `This stage sets ${last.name} with ENV but no no_proxy: RUN steps and containers from this image send localhost and service-to-service HTTP to the proxy (only Go skips loopback). Add no_proxy.`
        : `ARG ${last.name} gives RUN steps a proxy but no no_proxy: curl, wget and Python send localhost traffic to the proxy (only Go skips loopback). Add no_proxy.`,
      fixes: [lazyFix(
        `Add ${last.keyword} ${name}=${value}`,
        !bakesPassword,
        () => [{ range: { start: at, end: at }, newText: `${doc.lines.eol}${last.keyword} ${name}=${value}` }],
      )],
    });
  }
  return findings;
});
