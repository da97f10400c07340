import type { Rule } from '../../rule';
import type { Fix, RuleFinding } from '../../findingTypes';
import { envVariableOf } from '../../proxy/names';
import { isShellDoc, setsProxy } from './unitProxyAssignments';
import { SRC } from '../../sources';
import { lazyFix } from '../../fix';

const DROPIN = '/etc/systemd/system/docker.service.d/http-proxy.conf';
const WHERE = `a drop-in such as ${DROPIN} ([Service] + Environment="…") or daemon.json "proxies"`;

function shellReason(path: string | undefined): string {
  const p = (path ?? '').replace(/\\/g, '/');
  if (/(^|\/)etc\/environment$/.test(p)) return 'system services such as docker.service start with a clean environment and do not read /etc/environment';
  const file = /sysconfig/.test(p) ? '/etc/sysconfig/docker' : '/etc/default/docker';
  return `the upstream docker.service has no EnvironmentFile=, so dockerd does not read ${file} (only some distribution units do)`;
}

export const wrongPlace: Rule = {
  meta: {
    id: 'SV006',
    name: 'wrong-place',
    kinds: ['systemd-dropin'],
    defaultSeverity: 'warning',
    summary: 'Proxy variables set where dockerd never reads them: /etc/default/docker, /etc/sysconfig/docker, /etc/environment, or outside [Service].',
    description:
      'dockerd runs as a systemd service, and system services start with a clean environment. A proxy set in ' +
      '`/etc/environment`, in a shell profile, or in `/etc/default/docker` / `/etc/sysconfig/docker` does not reach it: ' +
      'the upstream `docker.service` has no `EnvironmentFile=` line (some distribution packages add one; check with ' +
      '`systemctl cat docker`). Likewise, `Environment=` is a `[Service]` setting: in `[Unit]`, `[Install]` or before ' +
      'any section header systemd ignores it.\n\n' +
      `Put the variables in a drop-in such as \`${DROPIN}\` under \`[Service]\`, one \`Environment=\` line per ` +
      'variable, then `systemctl daemon-reload` and `systemctl restart docker`. Or use daemon.json `proxies` ' +
      '(Docker Engine 23.0 and later), which takes precedence over the environment.',
    sources: [SRC.mobyServiceUnit, SRC.daemonProxySystemd, SRC.systemdEnvironment],
    examples: {
      bad: { kind: 'systemd-dropin', path: '/etc/default/docker', text: '# Docker Upstart and SysVinit configuration file\nexport http_proxy="http://proxy.example.com:3128/"\n' },
      good: { kind: 'systemd-dropin', path: '/etc/default/docker', text: '# Docker Upstart and SysVinit configuration file\n#DOCKER_OPTS="--dns 8.8.8.8"\n' },
    },
  },
  check(doc): RuleFinding[] {
    if (doc.kind !== 'systemd-dropin') return [];
    if (isShellDoc(doc)) {
      const reason = shellReason(doc.path);
      return doc.unit.shellAssignments
        .filter((a) => envVariableOf(a.name) !== undefined)
        .map((a) => ({ range: a.nameRange, message: `dockerd never sees ${a.name}: ${reason}. Set it in ${WHERE}.` }));
    }
    const findings: RuleFinding[] = [];
    for (const line of doc.unit.assignments) {
      if (line.section === 'Service' || !line.environment) continue;
      const words = line.environment.filter((w) => !w.invalid && setsProxy(w));
      if (words.length === 0) continue;
      const where = line.section === '' ? 'before any section header' : `in [${line.section}]`;
      const fixes: Fix[] = [];
      // Before the first header: starting the file's assignments with a [Service] header is what was meant.
      if (line.section === '' && !doc.unit.assignments.some((a) => a.section === '' && a.line < line.line && a.environment?.some(setsProxy))) {
        const at = { line: line.line, character: 0 };
        fixes.push(lazyFix('Insert a [Service] header', true, () => [{ range: { start: at, end: at }, newText: '[Service]' + doc.lines.eol }]));
      }
      for (const w of words) {
        const names = (w.packed ?? [w]).map((a) => a.name).join(', ');
        findings.push({
          range: w.packed ? w.packed[0].nameRange : w.nameRange,
          message: `Environment= ${where} is ignored (it belongs under [Service]), so dockerd never gets ${names}. Move it under [Service].`,
          fixes,
        });
      }
    }
    return findings;
  },
};
