import type { RuleFinding } from '../../findingTypes';
import { defineRule, dfModel, stageChain, type ProxyAssignment } from './dockerfileModel';
import { argumentsText, keywordOf } from './instructionText';
import { SRC } from '../../sources';

const BUSYBOX_IMAGE = /^(?:[^/]+\/)*(alpine|busybox)(?:[:@]|$)/i;
const WGET_RE = /\bwget\b[^\n;&|]{0,1000}?\b(https?):\/\/([A-Za-z0-9.-]+)/g;

function coveredByNoProxy(host: string, noProxy: string): boolean {
  const h = host.toLowerCase();
  return noProxy.split(',').map((e) => e.trim().toLowerCase().replace(/^\*?\./, '')).some((e) => e !== '' && (e === '*' || h === e || h.endsWith('.' + e)));
}

export const busyboxWget = defineRule({
  id: 'DF010',
  name: 'busybox-wget',
  kinds: ['dockerfile'],
  defaultSeverity: 'info',
  summary: 'BusyBox wget (Alpine, BusyBox images) reads only `http_proxy`: it ignores `https_proxy` and `no_proxy`.',
  description:
    'The `wget` of Alpine and BusyBox images is BusyBox\'s. Upstream BusyBox wget uses the lower-case `http_proxy` ' +
    'for http **and** https URLs, and ignores `https_proxy`, `HTTPS_PROXY`, `HTTP_PROXY`, `no_proxy` and ' +
    '`NO_PROXY`. So in a stage that sets only `https_proxy`, `wget https://…` goes out directly (and times out ' +
    'behind a firewall), and hosts listed in `no_proxy` are still sent to the proxy.\n\n' +
    'Use `curl` (`apk add curl`), install GNU wget (`apk add wget`), or also set `http_proxy`. The rule fires only ' +
    'when the stage is based on `alpine`/`busybox`, does not install GNU wget, and the Dockerfile itself sets ' +
    '`https_proxy` without `http_proxy`, or lists the wget host in `no_proxy`. Alpine may patch its BusyBox, hence ' +
    'information only.',
  sources: [SRC.busyboxWget, SRC.wgetProxies],
  examples: {
    bad: { kind: 'dockerfile', text: 'FROM alpine:3.20\nRUN https_proxy=http://proxy.example.com:3128 wget -q https://example.com/tool.tar.gz\n' },
    good: { kind: 'dockerfile', text: 'FROM alpine:3.20\nRUN https_proxy=http://proxy.example.com:3128 curl -fsSLO https://example.com/tool.tar.gz\n' },
  },
}, (doc) => {
  const model = dfModel(doc);
  const findings: RuleFinding[] = [];
  const byStage = new Map<number, ProxyAssignment[]>();
  for (const a of model.proxies) {
    if (a.keyword !== 'ENV' || a.value === undefined) continue;
    byStage.set(a.stage, [...(byStage.get(a.stage) ?? []), a]);
  }
  const installsWget = new Map<number, boolean>();
  const stageInstallsWget = (index: number) => {
    let v = installsWget.get(index);
    if (v === undefined) {
      v = model.stages[index].instructions.some((i) => keywordOf(i) === 'RUN' && /\bapk\s+add\b[^\n;&|]*\swget\b/.test(argumentsText(doc, i).text));
      installsWget.set(index, v);
    }
    return v;
  };
  for (const stage of model.stages) {
    if (!stage.instructions.some((i) => keywordOf(i) === 'RUN')) continue;
    const chain = stageChain(model, stage);
    const base = chain[chain.length - 1].image;
    if (!BUSYBOX_IMAGE.test(base)) continue;
    if (chain.some((s) => stageInstallsWget(s.index))) continue;
    const env = new Map<string, ProxyAssignment>();
    for (const s of [...chain].reverse()) for (const a of byStage.get(s.index) ?? []) env.set(a.name, a);
    const envValue = (name: string) => { const v = env.get(name)?.value; return v === undefined || v.trim() === '' ? undefined : v; };
    for (const run of stage.instructions) {
      if (keywordOf(run) !== 'RUN') continue;
      const { text, offset } = argumentsText(doc, run);
      const inline = (name: string) => new RegExp(`(?<![A-Za-z0-9_])${name}=[^\\s"';&|]|(?<![A-Za-z0-9_])${name}=["'][^"']`).exec(text) !== null;
      const https = envValue('https_proxy') ?? envValue('HTTPS_PROXY') ?? (inline('https_proxy') || inline('HTTPS_PROXY') ? 'inline' : undefined);
      const http = envValue('http_proxy') ?? (inline('http_proxy') ? 'inline' : undefined);
      const noProxy = envValue('no_proxy') ?? envValue('NO_PROXY');
      for (const m of text.matchAll(WGET_RE)) {
        const [, scheme, host] = m;
        const wgetRange = doc.lines.range(offset + m.index!, offset + m.index! + 4);
        if (scheme === 'https' && https && !http) {
          findings.push({ range: wgetRange, message: 'BusyBox wget ignores https_proxy and goes out directly; set http_proxy too, or use curl.' });
        } else if (http && noProxy && coveredByNoProxy(host, noProxy)) {
          findings.push({ range: wgetRange, message: `BusyBox wget ignores no_proxy and sends ${host} through http_proxy; use curl for hosts that must bypass the proxy.` });
        }
      }
    }
  }
  return findings;
});
