import type { Rule } from '../../rule';
import type { Fix, RuleFinding, TextEdit } from '../../findingTypes';
import type { SystemdDocument } from '../../document';
import type { EnvAssignment } from '../../parse/envAssignment';
import { envVariableOf } from '../../proxy/names';
import { PER_CONSUMER_NOTE, suggestedNoProxy } from '../../proxy/missingNoProxy';
import { effective, environmentLine, insertLinesAfter, isShellDoc, isUnitDoc, lineOfWord, proxyAssignments, shellStyleProxyNames } from './unitProxyAssignments';
import { SRC } from '../../sources';
import { lazyFix } from '../../fix';

const SETS_PROXY = new Set(['http', 'https']);

/** The NO_PROXY name in the case the file uses for its proxy variables. */
function noProxyName(like: EnvAssignment): string {
  return like.name === like.name.toLowerCase() ? 'no_proxy' : 'NO_PROXY';
}

function message(name: string, where: string): string {
  return `${name} sets a proxy but no NO_PROXY is set ${where}: dockerd (Go) skips the proxy only for loopback, so ` +
    'internal registries and hosts go through the proxy. Add NO_PROXY (localhost,127.0.0.1,::1 plus internal hosts).';
}

function unitFinding(doc: SystemdDocument): RuleFinding[] {
  const map = proxyAssignments(doc);
  const proxy = [effective(map, 'http_proxy'), effective(map, 'https_proxy')].filter((a): a is EnvAssignment => !!a);
  if (proxy.length === 0) return [];
  if ((map.get('no_proxy') ?? []).length > 0 || shellStyleProxyNames(doc).has('no_proxy')) return [];
  const last = proxy.reduce((a, b) => (b.wordStart > a.wordStart ? b : a));
  const line = lineOfWord(doc, last);
  const name = noProxyName(last);
  const value = suggestedNoProxy();
  const fixes: Fix[] = line ? [lazyFix(`Add ${name}=${value}`, true, () => [insertLinesAfter(doc, line, [environmentLine(name, value)])])] : [];
  return [{ range: last.nameRange, message: message(last.name, 'in this drop-in'), fixes }];
}

function shellFinding(doc: SystemdDocument): RuleFinding[] {
  const all = doc.unit.shellAssignments.filter((a) => !a.invalid);
  if (all.some((a) => envVariableOf(a.name) === 'no')) return [];
  const proxy = all.filter((a) => SETS_PROXY.has(envVariableOf(a.name) ?? '') && a.value.trim() !== '');
  if (proxy.length === 0) return [];
  const last = proxy[proxy.length - 1];
  const name = noProxyName(last);
  const exported = /^\s*export\s/.test(doc.lines.lineText(last.line));
  const at = doc.lines.positionAt(doc.lines.lineEnd(last.line));
  const edit: TextEdit = { range: { start: at, end: at }, newText: `${doc.lines.eol}${exported ? 'export ' : ''}${name}="${suggestedNoProxy()}"` };
  return [{
    range: last.nameRange,
    message: message(last.name, 'in this file'),
    fixes: [lazyFix(`Add ${name}="${suggestedNoProxy()}"`, true, () => [edit])],
  }];
}

export const dropinNoProxyMissing: Rule = {
  meta: {
    id: 'SV016',
    name: 'dropin-no-proxy-missing',
    kinds: ['systemd-dropin'],
    defaultSeverity: 'info',
    summary: 'HTTP_PROXY/HTTPS_PROXY without NO_PROXY: every host but loopback, internal registries included, goes through the proxy.',
    description:
      'With `HTTP_PROXY`/`HTTPS_PROXY` and no `NO_PROXY`, dockerd sends every request through the proxy: pulls from ' +
      'an internal registry or mirror then fail or crawl, since the corporate proxy usually cannot reach internal ' +
      'hosts. dockerd is a Go program, so `localhost` and loopback addresses still go direct; that is why this is ' +
      'information, not a warning. In `/etc/environment`-style files the same variables also reach curl, wget and ' +
      'Python, which do not skip loopback on their own.\n\n' + PER_CONSUMER_NOTE,
    sources: [SRC.xnetLoopback, SRC.daemonProxySystemd],
    examples: {
      bad: { kind: 'systemd-dropin', text: '[Service]\nEnvironment="HTTP_PROXY=http://proxy.example.com:3128"\nEnvironment="HTTPS_PROXY=http://proxy.example.com:3128"\n' },
      good: { kind: 'systemd-dropin', text: '[Service]\nEnvironment="HTTP_PROXY=http://proxy.example.com:3128"\nEnvironment="HTTPS_PROXY=http://proxy.example.com:3128"\nEnvironment="NO_PROXY=localhost,127.0.0.1,::1,registry.corp.example.com"\n' },
    },
  },
  check(doc): RuleFinding[] {
    if (doc.kind !== 'systemd-dropin') return [];
    if (isUnitDoc(doc)) return unitFinding(doc);
    if (isShellDoc(doc)) return shellFinding(doc);
    return [];
  },
};
