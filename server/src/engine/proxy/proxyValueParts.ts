// What a proxy URL value means to the programs that read it (facts §7): how it splits into scheme, user info, host and
// port the way the user most likely meant it, which values can be judged at all, the schemes each consumer speaks,
// and how user info must be encoded. Shared by the URL rules of every file kind (DJ006/7/9–12/24, CC009/15–18,
// DF011/14, and the loopback rules), whose bodies live in their rule files under rules/. Pure: strings in, facts out.
import type { Consumer, ProxySetting } from '../findingTypes';
import { hasPlaceholder } from './placeholder';

/** The parts of a proxy value, read the way the user most likely meant it (userinfo up to the LAST '@'). */
export interface ProxyValueParts {
  /** Offset of the first non-blank character. */
  start: number;
  /** Offset just past the last non-blank character. */
  end: number;
  /** Lower-case scheme, '' when absent. */
  scheme: string;
  /** [start, end) of the scheme name (without '://'), when present. */
  schemeRange?: [number, number];
  /** Offset where the authority starts (after '://', or `start`). */
  authorityStart: number;
  /** [start, end) of the userinfo (without '@'), when an '@' is present. */
  userinfoRange?: [number, number];
  /** [start, end) of host[:port]. */
  hostPortRange: [number, number];
  host: string;
  /** Port text after ':' ('' for a trailing ':'), undefined without ':'. */
  port?: string;
  /** [start, end) of the port text (after ':'). */
  portRange?: [number, number];
}

const SCHEME_RE = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//;

/** Splits a proxy value. Returns undefined for a blank value. */
export function splitProxyValue(value: string): ProxyValueParts | undefined {
  const start = value.search(/\S/);
  if (start < 0) return undefined;
  const end = value.length - (value.length - value.trimEnd().length);
  const body = value.slice(start, end);
  const m = SCHEME_RE.exec(body);
  const scheme = m ? m[1].toLowerCase() : '';
  const authorityStart = start + (m ? m[0].length : 0);
  // The user meant everything up to the last '@' as userinfo, even when it holds '#', '/' or '?' (which break it).
  const at = value.lastIndexOf('@', end - 1);
  const userinfoRange: [number, number] | undefined = at >= authorityStart ? [authorityStart, at] : undefined;
  const hostStart = userinfoRange ? at + 1 : authorityStart;
  let hostEnd = end;
  for (let i = hostStart; i < end; i++) {
    if ('/?#'.includes(value[i])) { hostEnd = i; break; }
  }
  const hostPort = value.slice(hostStart, hostEnd);
  let host = hostPort;
  let port: string | undefined;
  let portRange: [number, number] | undefined;
  const close = hostPort.startsWith('[') ? hostPort.indexOf(']') : -1;
  const colon = close >= 0 ? hostPort.indexOf(':', close) : hostPort.indexOf(':');
  if (colon >= 0 && (close >= 0 || hostPort.lastIndexOf(':') === colon)) {
    host = hostPort.slice(0, colon);
    port = hostPort.slice(colon + 1);
    portRange = [hostStart + colon + 1, hostEnd];
  }
  return {
    start,
    end,
    scheme,
    schemeRange: m ? [start, start + m[1].length] : undefined,
    authorityStart,
    userinfoRange,
    hostPortRange: [hostStart, hostEnd],
    host,
    port,
    portRange,
  };
}

/** NO_PROXY values are lists, not URLs; values with variables or template placeholders cannot be judged. */
export function isUrlSetting(setting: ProxySetting): boolean {
  if (setting.variable === 'no') return false;
  // A template placeholder (or a Dockerfile variable) is an unknown value, not a broken URL.
  return !hasPlaceholder(setting.value);
}

/** Characters that can never appear in a host name or IP literal (Go's url parser rejects the URL). */
const BAD_HOST_RE = /[\s"<>\\^`{|}]/;

/** True when a split value has a host a URL parser accepts; a value without one is no URL at all (DJ024). */
export function hostParses(p: ProxyValueParts): boolean {
  return p.host !== '' && !BAD_HOST_RE.test(p.host);
}

/** Parts of a URL setting whose host could parse; values that are not URLs at all are DJ024's business. */
export function urlParts(setting: ProxySetting): ProxyValueParts | undefined {
  if (!isUrlSetting(setting)) return undefined;
  const p = splitProxyValue(setting.value);
  return p && hostParses(p) ? p : undefined;
}

/** Who reads a value, as the messages name it. */
export function readerOf(consumer: Consumer): string {
  return consumer === 'daemon' ? 'dockerd' : 'programs in containers';
}

/** Schemes each consumer can use (facts §7): Go for the daemon; curl's set for containers (wget and Python: http/https). */
export const SUPPORTED_SCHEMES: Readonly<Record<Consumer, readonly string[]>> = {
  daemon: ['http', 'https', 'socks5', 'socks5h'],
  containers: ['http', 'https', 'socks4', 'socks4a', 'socks5', 'socks5h'],
};

/** A scheme written without its `//` (`http:proxy:3128`): it parses as intended nowhere. */
export const SCHEME_NO_SLASHES_RE = /^(https?|socks[45][ah]?):(?!\/\/)/i;

/** True when a port text is a number from 1 to 65535. */
export function isValidPort(port: string): boolean {
  const n = /^\d+$/.test(port) ? Number(port) : NaN;
  return n >= 1 && n <= 65535;
}

const HEX = /^[0-9A-Fa-f]{2}$/;
/** Characters Go's url parser accepts in userinfo (go:src/net/url/url.go validUserinfo), '%' and '@' aside. */
const USERINFO_OK = /[A-Za-z0-9\-._~!$&'()*+,;=:]/;

/** Percent-encodes a userinfo so Go, curl and Python all read the same user and password. Valid %XX escapes stay. */
export function percentEncodeUserinfo(userinfo: string): string {
  const colon = userinfo.indexOf(':');
  const encodePart = (part: string, allowColon: boolean): string => {
    let out = '';
    for (let i = 0; i < part.length; i++) {
      const c = part[i];
      if (c === '%' && HEX.test(part.slice(i + 1, i + 3))) out += c;
      else if (USERINFO_OK.test(c) && (allowColon || c !== ':')) out += c;
      else {
        const cp = part.codePointAt(i)!;
        const ch = String.fromCodePoint(cp);
        if (ch.length === 2) i++;
        out += Array.from(new TextEncoder().encode(ch), (b) => '%' + b.toString(16).toUpperCase().padStart(2, '0')).join('');
      }
    }
    return out;
  };
  if (colon < 0) return encodePart(userinfo, false);
  return encodePart(userinfo.slice(0, colon), false) + ':' + encodePart(userinfo.slice(colon + 1), true);
}

export interface UserinfoProblems { breaking: boolean; badEscape: boolean; invalidChar: boolean; rawAt: boolean }

export function userinfoProblems(userinfo: string): UserinfoProblems {
  const result: UserinfoProblems = { breaking: false, badEscape: false, invalidChar: false, rawAt: false };
  for (let i = 0; i < userinfo.length; i++) {
    const c = userinfo[i];
    if ('#/?'.includes(c) || /\s/.test(c)) result.breaking = true;
    else if (c === '%') { if (!HEX.test(userinfo.slice(i + 1, i + 3))) result.badEscape = true; }
    else if (c === '@') result.rawAt = true;
    else if (!USERINFO_OK.test(c)) result.invalidChar = true;
  }
  return result;
}
