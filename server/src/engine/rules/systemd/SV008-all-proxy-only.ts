import type { Rule } from '../../rule';
import type { Fix, RuleFinding, TextEdit } from '../../findingTypes';
import { effective, environmentLine, insertLinesAfter, isUnitDoc, lineOfWord, proxyAssignments, shellStyleProxyNames, writtenValue } from './unitProxyAssignments';
import { SRC } from '../../sources';
import { lazyFix } from '../../fix';

export const allProxyOnly: Rule = {
  meta: {
    id: 'SV008',
    name: 'all-proxy-only',
    kinds: ['systemd-dropin'],
    defaultSeverity: 'warning',
    summary: 'dockerd (Go) ignores ALL_PROXY and SOCKS_PROXY: with only those set, pulls connect directly.',
    description:
      'Go\'s proxy support reads `HTTP_PROXY`, `HTTPS_PROXY` and `NO_PROXY` (upper or lower case) and nothing else: ' +
      '`ALL_PROXY`, `SOCKS_PROXY` and `FTP_PROXY` are never looked at. A drop-in whose only proxy variable is ' +
      '`ALL_PROXY` (or `SOCKS_PROXY`) leaves ' +
      'dockerd without a proxy, so `docker pull` goes direct and times out behind a firewall, while curl on the same ' +
      'host (which does read `ALL_PROXY`) works.\n\n' +
      'Set `HTTPS_PROXY` (registries are https) and `HTTP_PROXY` instead. A SOCKS proxy is fine there: ' +
      '`socks5://proxy:1080` (and `socks5h://` with recent Go). The quick fix renames `ALL_PROXY` to `HTTPS_PROXY` ' +
      'and adds `HTTP_PROXY` with the same value.\n\n' +
      'When `ALL_PROXY` sits next to `HTTP_PROXY`/`HTTPS_PROXY` it is reported as information only: dockerd ignores ' +
      'it (git in BuildKit git sources is the one thing that sees it).\n\n' +
      '`ALL_PROXY` alone in the shell that runs docker, or in the unit environment systemd reports, is the Proxy Status ' +
      'finding [SV032](SV032.md) (shown as SV008 too before lint rules and status findings shared one id space).',
    sources: [SRC.xnetFromEnvironment, SRC.goProxyFromEnvironment],
    examples: {
      bad: { kind: 'systemd-dropin', text: '[Service]\nEnvironment="ALL_PROXY=socks5://proxy.example.com:1080"\nEnvironment="NO_PROXY=localhost,127.0.0.1"\n' },
      good: {
        kind: 'systemd-dropin',
        text: '[Service]\nEnvironment="HTTPS_PROXY=socks5://proxy.example.com:1080"\nEnvironment="HTTP_PROXY=socks5://proxy.example.com:1080"\nEnvironment="NO_PROXY=localhost,127.0.0.1"\n',
      },
    },
  },
  check(doc): RuleFinding[] {
    if (!isUnitDoc(doc)) return [];
    const map = proxyAssignments(doc);
    // SOCKS_PROXY is the same trap: Go reads neither (facts §6), whatever the name promises.
    const all = effective(map, 'all_proxy') ?? effective(map, 'socks_proxy');
    if (!all) return [];
    const others = effective(map, 'http_proxy') ?? effective(map, 'https_proxy');
    const shell = shellStyleProxyNames(doc);
    if (!others && (shell.has('http_proxy') || shell.has('https_proxy'))) return [];
    if (others) {
      return [{
        range: all.nameRange,
        severity: 'info',
        message: `dockerd ignores ${all.name} (Go reads only HTTP_PROXY, HTTPS_PROXY and NO_PROXY); it uses ${others.name} here.`,
      }];
    }
    const lower = all.name === all.name.toLowerCase();
    const https = lower ? 'https_proxy' : 'HTTPS_PROXY';
    const http = lower ? 'http_proxy' : 'HTTP_PROXY';
    const edits: TextEdit[] = [{ range: all.nameRange, newText: https }];
    const written = writtenValue(doc, all);
    const line = lineOfWord(doc, all);
    if (written !== undefined && line) edits.push(insertLinesAfter(doc, line, [environmentLine(http, written)]));
    const fixes: Fix[] = [lazyFix(
      edits.length > 1 ? `Use ${https} and ${http} instead of ${all.name}` : `Rename ${all.name} to ${https}`,
      false,
      () => edits,
    )];
    return [{
      range: all.nameRange,
      message: `dockerd (Go) ignores ${all.name}, so it has no proxy and pulls connect directly. Set ${https} and ${http} instead (socks5:// works there).`,
      fixes,
    }];
  },
};
