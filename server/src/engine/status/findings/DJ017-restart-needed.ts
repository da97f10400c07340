// §1 "Not live-reloadable": proxies are read once at start. Shown when the running daemon could not be compared
// (SV004 says it precisely when it could).
import { fileSource } from '../statusModel';
import { finding, restartCommand, type StatusCheck } from './check';
import { SRC } from '../../sources';

export const DJ017: StatusCheck = {
  meta: {
    id: 'DJ017', title: 'daemon.json changed: restart needed', name: 'restart-needed', defaultSeverity: 'info', layer: 'daemon',
    summary: 'daemon.json proxies take effect only after a dockerd restart (not reload); the running daemon could not be compared.',
    description: 'dockerd copies `proxies` into its own environment once, at start, and Go caches proxy variables per process: ' +
      '`systemctl reload docker` or SIGHUP changes nothing. After editing `proxies`, restart dockerd. When the status view can ask ' +
      'the running daemon (`docker info`) it reports a real difference as SV004 instead; this reminder appears when it cannot.',
    sources: [SRC.daemonProxyConfig, SRC.mobyConfigureProxyEnv, SRC.mobyInfo],
    example: {
      before: { caption: "daemon.json was edited and dockerd only reloaded (this user cannot ask the daemon, so nothing could be compared)", lang: 'text', text: "$ sudoedit /etc/docker/daemon.json   # \"proxies\": { \"https-proxy\": \"http://proxy.example.com:3128\" }\n$ sudo systemctl reload docker" },
      after: { caption: "A restart applies it", lang: 'text', text: "$ sudo systemctl restart docker\n$ sudo docker info --format '{{.HTTPSProxy}}'\nhttp://proxy.example.com:3128" },
    },
  },
  check(model) {
    if (model.docker.state === 'ok' || model.desktop) return [];
    const f = model.daemonJson;
    const s = f?.doc?.proxySettings[0];
    if (!f || !s) return [];
    return [finding(DJ017.meta, `Changes to "proxies" apply only after dockerd restarts (a reload is not enough); the running daemon could not be asked (${model.docker.state}).`, {
      source: fileSource(f, s.nameRange.start.line), action: restartCommand(model, false),
    })];
  },
};
