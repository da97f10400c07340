// Hover in a systemd drop-in (read by dockerd after a daemon-reload and restart) and in /etc/default/docker-style
// environment files (never read by dockerd under systemd).
import type { SystemdDocument } from '../document';
import type { Position } from '../findingTypes';
import { contains, settingAt } from './atPosition';
import { DAEMON_NOT_READERS, DAEMON_READERS, VARIABLE_PURPOSE, valueLine, type HoverInfo } from './hoverMarkdown';
import { scanProxyAssignments } from './proxyAssignmentScan';
import { kindHover } from './kindHover';

export function systemdHover(doc: SystemdDocument, position: Position): HoverInfo | undefined {
  let settings = doc.proxySettings;
  if (settings.length === 0) settings = scanProxyAssignments(doc);
  const setting = settingAt(settings, position);
  if (!setting) return undefined;
  const range = contains(setting.valueRange, position) ? setting.valueRange : setting.nameRange;
  const path = (doc.path ?? '').replace(/\\/g, '/');
  const head = `**\`${setting.name}\`**: ${VARIABLE_PURPOSE[setting.variable]}.${valueLine(setting)}`;
  if (/(^|\/)etc\/(default|sysconfig)\/docker$/.test(path) || /(^|\/)etc\/environment$/.test(path)) {
    return {
      range,
      markdown: `${head}\n\n**Not read by dockerd under systemd:** the upstream \`docker.service\` has no ` +
        '`EnvironmentFile=`, and system services start with a clean environment, so this file (like shell `export`s) ' +
        'does not reach the daemon. Use a drop-in `/etc/systemd/system/docker.service.d/http-proxy.conf` with ' +
        '`Environment="HTTPS_PROXY=…"`, or daemon.json `proxies`.',
    };
  }
  return {
    range,
    markdown: `${head}\n\n` + DAEMON_READERS + ' Takes effect after `systemctl daemon-reload` and `systemctl restart docker`.\n\n' +
      DAEMON_NOT_READERS + '\n\n' +
      'daemon.json `proxies` overrides the same variable. Write `%` as `%%` in unit files, or systemd drops the line.',
  };
}

export const SYSTEMD_HOVER = kindHover('systemd-dropin', systemdHover);
