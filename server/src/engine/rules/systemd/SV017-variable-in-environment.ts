import type { Rule } from '../../rule';
import type { RuleFinding } from '../../findingTypes';
import { isTemplatePath } from '../../proxy/placeholder';
import { envVariableOf } from '../../proxy/names';
import { isUnitDoc, meantAssignments, serviceEnvironment } from './unitProxyAssignments';
import { SRC } from '../../sources';

/**
 * `${NAME}` anywhere, or `$NAME` (upper case) where a URL part starts: after `=`, `//`, `:` or `@`. A `$` inside a
 * password (`pa$$word`, `:$ecret@`) is an ordinary character to systemd and stays unreported.
 */
const REFERENCE_RE = /\$\{[A-Za-z_][A-Za-z0-9_]*\}|(?:^|(?<=[/:@]))\$[A-Z_][A-Z0-9_]*(?=$|[:@/])/g;

export const variableInEnvironment: Rule = {
  meta: {
    id: 'SV017',
    name: 'variable-in-environment',
    kinds: ['systemd-dropin'],
    defaultSeverity: 'warning',
    summary: 'systemd does not expand `$VAR` or `${VAR}` in Environment=: the literal text becomes part of the proxy URL.',
    description:
      'systemd performs no variable expansion inside `Environment=` strings, and `$` has no special meaning there. ' +
      '`Environment="HTTP_PROXY=http://$PROXY_USER:$PROXY_PASS@proxy:3128"` gives dockerd the literal text ' +
      '`$PROXY_USER:$PROXY_PASS` as user and password, and `Environment="HTTPS_PROXY=${PROXY}"` gives it the seven ' +
      'characters `${PROXY}`, which is no URL: dockerd then connects directly.\n\n' +
      'Write the values themselves (or keep them in a root-only `EnvironmentFile=`, which is not expanded either). ' +
      'Template files (`http-proxy.conf.j2`, `.tpl` …) are not reported: their placeholders are filled in before ' +
      'systemd reads them.',
    sources: [SRC.systemdEnvironment],
    examples: {
      bad: { kind: 'systemd-dropin', text: '[Service]\nEnvironment="HTTPS_PROXY=http://$PROXY_USER:$PROXY_PASS@proxy.example.com:3128"\nEnvironment="NO_PROXY=localhost"\n' },
      good: { kind: 'systemd-dropin', text: '[Service]\nEnvironment="HTTPS_PROXY=http://proxy.example.com:3128"\nEnvironment="NO_PROXY=localhost"\n' },
    },
  },
  check(doc): RuleFinding[] {
    if (!isUnitDoc(doc) || isTemplatePath(doc.path)) return [];
    const findings: RuleFinding[] = [];
    for (const a of meantAssignments(serviceEnvironment(doc))) {
      if (!envVariableOf(a.name)) continue;
      const refs = [...a.value.matchAll(REFERENCE_RE)].map((m) => m[0]);
      if (refs.length === 0) continue;
      findings.push({
        range: a.valueRange,
        message: `systemd does not expand ${refs.map((r) => `"${r}"`).join(', ')}: dockerd gets the literal text in ${a.name}. Write the value itself.`,
      });
    }
    return findings;
  },
};
