// Colima, Lima, Rancher Desktop (macOS/Linux) and Podman machine copy the proxy variables of the shell that starts
// the VM into the VM's environment, where dockerd reads them; nothing refreshes them until the VM restarts.
import { maskCredentials, parseProxyUrl, isLoopbackHost } from '../../proxy/url';
import type { StatusFinding } from '../report';
import { goEnv } from '../statusModel';
import type { StatusModel } from '../statusModel';
import { finding, type StatusCheck } from './check';
import { LIMA_HOST_ADDRESS } from '../engines/vmEngines';

/** The value as the VM sees it: credentials masked (docker info masks them), loopback rewritten to the host address. */
function asVmSees(value: string): string {
  const url = parseProxyUrl(value);
  let v = value.trim();
  if (url && isLoopbackHost(url.host)) v = v.replace(url.host, LIMA_HOST_ADDRESS);
  return maskCredentials(v).replace(/\/+$/, '').replace(/^https?:\/\//, '');
}

export function vmRestartCommand(model: StatusModel): string {
  const r = model.engine?.recognition;
  switch (r?.kind) {
    case 'colima': return r.profile && r.profile !== 'default' ? `colima stop -p ${r.profile} && colima start -p ${r.profile}` : 'colima stop && colima start';
    case 'lima': return `limactl stop ${r.profile ?? 'default'} && limactl start ${r.profile ?? 'default'}`;
    case 'podman': return 'podman machine stop && podman machine start';
    default: return 'quit and restart Rancher Desktop';
  }
}

export const EN001: StatusCheck = {
  meta: {
    id: 'EN001', name: 'vm-stale-proxy-env', defaultSeverity: 'warning', layer: 'daemon',
    summary: 'The VM\'s dockerd uses a proxy that this shell no longer has and no config file sets: it was copied from the shell that started the VM.',
    description: 'Colima, Lima (`propagateProxyEnv`, on by default), Rancher Desktop on macOS and Podman machine copy the proxy ' +
      'variables of the shell that starts the VM into the VM\'s environment (Lima rewrites `localhost`/`127.0.0.1` to the host\'s ' +
      'address 192.168.5.2). dockerd in the VM keeps that value until the VM restarts, so a proxy that was set once in some ' +
      'terminal, or a VPN proxy that is off now, stays the daemon\'s proxy and pulls time out.\n\n' +
      'Fix: restart the VM from a shell with the right proxy variables (or none), or put the proxy in the VM\'s config ' +
      '(`env:` in `~/.colima/<profile>/colima.yaml`, `env:` in Lima\'s `_config/override.yaml`, Podman\'s `containers.conf`).\n\n' +
      'Sources: [Lima templates/default.yaml, propagateProxyEnv](https://github.com/lima-vm/lima/blob/973780e57d75ca01bac99f996c8ef67f5165ee92/templates/default.yaml), ' +
      '[Colima FAQ: environment variables in the VM](https://github.com/abiosoft/colima/blob/939cfe4d5da7afeea2bf83a02090680da85934a7/docs/FAQ.md#how-do-i-pass-custom-environment-variables-into-the-vm), ' +
      '[abiosoft/colima#610](https://github.com/abiosoft/colima/issues/610) (an unwanted proxy in the VM\'s /etc/environment), ' +
      '[containers/podman#14087](https://github.com/containers/podman/issues/14087) (a stale shell proxy inside the machine).',
    sources: [
      { url: 'https://github.com/lima-vm/lima/blob/973780e57d75ca01bac99f996c8ef67f5165ee92/templates/default.yaml', shows: 'Lima copies the proxy variables of the shell that starts the VM into it (`propagateProxyEnv`), once, at start' },
      { url: 'https://github.com/abiosoft/colima/issues/610', shows: 'a user report: Colima\'s VM keeps the proxy of the shell it was started from' },
    ],
    example: {
      before: { caption: 'Colima started from a shell that had a VPN proxy; this shell has none', lang: 'text', text: '$ env | grep -i proxy\n$ docker info | grep Proxy\n HTTP Proxy: http://192.168.8.231:8100\n HTTPS Proxy: http://192.168.8.231:8100' },
      after: { caption: 'The VM restarted from a shell without the stale proxy', lang: 'text', text: '$ colima stop && colima start\n$ docker info | grep Proxy\n$' },
    },
  },
  check(model) {
    const r = model.engine?.recognition;
    const copies = r && (r.kind === 'colima' || r.kind === 'lima' || (r.kind === 'rancher-desktop' && model.obs.platform !== 'win32') || (r.kind === 'podman' && model.obs.platform !== 'linux'));
    if (!copies || !model.effective) return [];
    const vmSet = new Set(model.engine!.vm.flatMap((f) => f.settings).map((s) => asVmSees(s.value)));
    const out: StatusFinding[] = [];
    for (const v of ['https', 'http'] as const) {
      const eff = model.effective[v];
      const effUrl = eff ? parseProxyUrl(eff) : undefined;
      if (!eff || (effUrl && isLoopbackHost(effUrl.host))) continue; // a loopback proxy in the VM is EN002's
      const shell = goEnv(model.shellEnv, v);
      if ((shell && asVmSees(shell.value) === asVmSees(eff)) || vmSet.has(asVmSees(eff))) continue;
      out.push(finding(EN001.meta, `The VM's dockerd uses ${v.toUpperCase()}_PROXY ${maskCredentials(eff)}, but this shell has ${shell ? maskCredentials(shell.value) : 'none'} and no config file of ${r!.label} sets it: it was copied from the shell that started the VM.`, {
        source: { kind: 'command', label: model.obs.info!.command }, action: `restart the VM from a shell with the right proxy (or none): ${vmRestartCommand(model)}`,
      }));
      break; // one finding per machine: both variables come from the same start
    }
    return out;
  },
};
