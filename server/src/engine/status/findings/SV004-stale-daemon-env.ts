// §1 "Not live-reloadable" and "What docker info reports", §9 "daemon-reload and restart": the files say one thing,
// systemd or the running dockerd another, so a daemon-reload and/or a restart is pending.
import { DAEMON_VARIABLES, type StatusModel } from '../statusModel';
import { maskCredentials } from '../../proxy/url';
import type { StatusFinding } from '../report';
import { finding, restartCommand, type StatusCheck } from './check';
import { SRC } from '../../sources';

/** docker info masks user:password as xxxxx:xxxxx (Go url.String()); compare masked, without a trailing slash. */
export function sameProxyValue(configured: string, effective: string): boolean {
  const norm = (s: string) => maskCredentials(s.trim()).replace(/\/+$/, '');
  return norm(configured) === norm(effective);
}

const LABEL = { http: 'HTTP proxy', https: 'HTTPS proxy', no: 'NO_PROXY' } as const;

export const SV004: StatusCheck = {
  meta: {
    id: 'SV004', title: 'Running dockerd uses other proxy values: restart needed', name: 'stale-daemon-env', defaultSeverity: 'warning', layer: 'daemon',
    summary: 'The daemon\'s configured proxy differs from what the running dockerd uses: a daemon-reload and restart are needed.',
    description: 'dockerd reads its proxy once, at start: from daemon.json `proxies` or flags, else from its environment (which ' +
      'systemd builds from the drop-ins). A reload or SIGHUP does not change it. `docker info` shows what the running daemon uses, ' +
      '`systemctl show --property=Environment docker` what systemd will pass at the next start. When the files and these disagree, ' +
      'an edit has not been applied yet.\n\nFix: `sudo systemctl daemon-reload && sudo systemctl restart docker` ' +
      '(rootless: `systemctl --user daemon-reload && systemctl --user restart docker`; Docker Desktop: restart it).',
    sources: [SRC.daemonProxyConfig, SRC.daemonProxySystemd, SRC.mobyInfo, SRC.systemctlDaemonReload],
    example: {
      before: { caption: "The configured proxy changed, the running dockerd still has the old one", lang: 'text', text: "$ grep https-proxy /etc/docker/daemon.json\n    \"https-proxy\": \"http://new-proxy.example.com:8080\",\n$ docker info --format \'{{.HTTPSProxy}}\'\nhttp://proxy.example.com:3128" },
      after: { caption: "systemd reloaded and dockerd restarted", lang: 'text', text: "$ sudo systemctl daemon-reload && sudo systemctl restart docker\n$ docker info --format \'{{.HTTPSProxy}}\'\nhttp://new-proxy.example.com:8080" },
    },
  },
  check(model) {
    const out: StatusFinding[] = [];
    const action = restartCommand(model);
    // Drop-in files vs what systemd will pass: `daemon-reload` not run since the edit.
    if (model.systemdEnv) {
      for (const c of model.configured) {
        if (c.via !== 'drop-in') continue;
        const sys = model.systemdEnv.find((e) => e.name === c.name);
        if (sys && sys.value === c.value) continue;
        out.push(finding(SV004.meta, `${c.name} in ${c.source.label} is not what systemd passes to dockerd (${sys ? `it has ${maskCredentials(sys.value)}` : 'it does not set it'}): run daemon-reload, then restart docker.`, {
          source: c.source, related: [{ kind: 'command', label: `${model.systemdUnitCommand.replace('sudo ', '')} show --property=Environment docker` }], action,
        }));
      }
    }
    // Configured winner vs the running daemon.
    const eff = model.effective;
    // Desktop rewrites the daemon's proxy to its own (SV009/DJ020 say so): a difference there is not a pending restart.
    if (!eff || model.desktop) return out;
    const infoSource = { kind: 'command' as const, label: model.obs.info!.command };
    for (const v of DAEMON_VARIABLES) {
      const w = model.winners.get(v);
      if (w) {
        if (sameProxyValue(w.value, eff[v])) continue;
        out.push(finding(SV004.meta, eff[v]
          ? `The ${LABEL[v]} configured in ${w.source.label} (${maskCredentials(w.value)}) is not what the running dockerd uses (${maskCredentials(eff[v])}): restart needed.`
          : `The ${LABEL[v]} configured in ${w.source.label} (${maskCredentials(w.value)}) is not in effect: the running dockerd has none. Restart needed.`,
        { source: w.source, related: [infoSource], action }));
      } else if (eff[v] && model.systemdEnv && !model.desktop) {
        // systemd was asked and will not set it, no file sets it, yet the daemon has it: removed but not restarted.
        out.push(finding(SV004.meta, `The running dockerd still uses the ${LABEL[v]} ${maskCredentials(eff[v])}, but nothing configures it any more: restart needed.`, {
          related: [infoSource], action,
        }));
      }
    }
    return out;
  },
};
