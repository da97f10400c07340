// Hover in daemon.json: `proxies` and its three keys (read by dockerd), unknown keys inside it (dockerd refuses to
// start), and top-level proxy keys (ignored by dockerd).
import type { JsonDocument } from '../document';
import type { Position, ProxyVariable } from '../findingTypes';
import { DAEMON_PROXY_KEYS } from '../proxy/names';
import { hoverRange, jsonHit, settingAt } from './atPosition';
import { DAEMON_NOT_READERS, DAEMON_READERS, VARIABLE_PURPOSE, code, valueLine, type HoverInfo } from './hoverMarkdown';
import { kindHover } from './kindHover';

export function daemonJsonHover(doc: JsonDocument, position: Position): HoverInfo | undefined {
  const hit = jsonHit(doc, position);
  if (!hit) return undefined;
  const [first, second] = hit.path;
  const range = hoverRange(doc, hit);
  if (hit.path.length === 1 && first === 'proxies' && hit.isKey) {
    return {
      range,
      markdown:
        '**daemon.json `proxies`** (Docker Engine 23.0+): `http-proxy`, `https-proxy`, `no-proxy`; nothing else is ' +
        'accepted (any other key makes dockerd refuse to start).\n\n' + DAEMON_READERS + '\n\n' + DAEMON_NOT_READERS +
        '\n\nTakes precedence over `HTTP_PROXY`… from a systemd drop-in. Restart dockerd after a change.',
    };
  }
  if (hit.path.length === 2 && first === 'proxies' && typeof second === 'string') {
    const variable = DAEMON_PROXY_KEYS[second];
    if (!variable) {
      if (!hit.isKey) return undefined;
      return {
        range,
        markdown: `**${code(second)} is not a daemon.json proxy key.** dockerd accepts only \`http-proxy\`, \`https-proxy\` and ` +
          '`no-proxy` inside `proxies` and refuses to start with anything else.',
      };
    }
    const setting = settingAt(doc.proxySettings, position);
    return {
      range,
      markdown: `**daemon.json \`proxies.${second}\`**: ${VARIABLE_PURPOSE[variable]} of dockerd.${valueLine(setting)}\n\n` +
        DAEMON_READERS + '\n\n' + DAEMON_NOT_READERS +
        '\n\ndockerd copies it into its own `' + envNames(variable) + '` at startup (overriding the systemd drop-in\'s value); ' +
        'restart dockerd after a change. Setting the same key as a dockerd flag (`--' + second + '`) makes dockerd refuse to start.',
    };
  }
  if (hit.path.length === 1 && typeof first === 'string' && DAEMON_PROXY_KEYS[first]) {
    const value = typeof hit.property?.children?.[1]?.value === 'string' ? String(hit.property.children[1].value) : undefined;
    return {
      range,
      markdown: `**Top-level ${code(first)} is ignored by dockerd.** It passes \`dockerd --validate\`, but only ` +
        `\`proxies.${first}\` is read, so the daemon runs without this proxy.${value !== undefined ? valueLine({ value }) : ''}\n\n` +
        'Inside `proxies` it would be ' + DAEMON_READERS.replace('**Read by:** ', 'read by ').replace(/\.$/, '') + '.',
    };
  }
  return undefined;
}

function envNames(variable: ProxyVariable): string {
  const upper = `${variable.toUpperCase()}_PROXY`;
  return `${upper}\`/\`${upper.toLowerCase()}`;
}

export const DAEMON_JSON_HOVER = kindHover('daemon-json', daemonJsonHover);
