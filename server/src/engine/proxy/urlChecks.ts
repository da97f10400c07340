// Checks over one proxy URL value (facts §7), shared by every file kind that carries proxy settings:
// daemon.json and systemd drop-ins (consumer 'daemon', i.e. Go), config.json and Dockerfiles (consumer 'containers':
// curl, wget, Python, Go...). Each check returns a RuleFinding (range on the offending part, fixes) or undefined.
// Pure: no I/O. Messages never contain credentials.
import type { ParsedDocument } from '../document';
import type { Consumer, Fix, ProxySetting, Range, RuleFinding, TextEdit } from '../findingTypes';
import { maskCredentials } from './url';
import { hasPlaceholder } from './placeholder';
import { lazyFix } from '../fix';

export interface UrlCheckOptions {
  /**
   * Turns a piece of decoded value into file text. Defaults by document kind: JSON string escaping for daemon.json and
   * config.json, `%` → `%%` for systemd drop-ins (systemd specifiers), unchanged for Dockerfiles.
   */
  encode?: (raw: string) => string;
}

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
export function isUrlSetting(_doc: ParsedDocument, setting: ProxySetting): boolean {
  if (setting.variable === 'no') return false;
  // A template placeholder (or a Dockerfile variable) is an unknown value, not a broken URL.
  return !hasPlaceholder(setting.value);
}

function defaultEncoder(doc: ParsedDocument): (raw: string) => string {
  switch (doc.kind) {
    case 'daemon-json':
    case 'cli-config':
      return (raw) => JSON.stringify(raw).slice(1, -1);
    case 'systemd-dropin':
      return (raw) => raw.replace(/%/g, '%%');
    default:
      return (raw) => raw;
  }
}

/** Document range of value[start, end), precise when the value maps 1:1 to the text, else the whole value. */
export function valueSubRange(doc: ParsedDocument, setting: ProxySetting, start: number, end: number): Range {
  if (setting.valueOffset === undefined) return setting.valueRange;
  return doc.lines.range(setting.valueOffset + start, setting.valueOffset + end);
}

/** One edit turning the setting's value into `newValue`, touching only the changed middle when possible. */
export function valueEdit(doc: ParsedDocument, setting: ProxySetting, newValue: string, options: UrlCheckOptions = {}): TextEdit {
  const encode = options.encode ?? defaultEncoder(doc);
  const old = setting.value;
  if (setting.valueOffset === undefined) return { range: setting.valueRange, newText: encode(newValue) };
  let prefix = 0;
  while (prefix < old.length && prefix < newValue.length && old[prefix] === newValue[prefix]) prefix++;
  let suffix = 0;
  while (suffix < old.length - prefix && suffix < newValue.length - prefix && old[old.length - 1 - suffix] === newValue[newValue.length - 1 - suffix]) suffix++;
  return {
    range: valueSubRange(doc, setting, prefix, old.length - suffix),
    newText: encode(newValue.slice(prefix, newValue.length - suffix)),
  };
}

function fix(doc: ParsedDocument, setting: ProxySetting, title: string, newValue: string, safe: boolean, options?: UrlCheckOptions): Fix {
  return lazyFix(title, safe, () => [valueEdit(doc, setting, newValue, options)]);
}

function reader(consumer: Consumer): string {
  return consumer === 'daemon' ? 'dockerd' : 'programs in containers';
}

/** Characters that can never appear in a host name or IP literal (Go's url parser rejects the URL). */
const BAD_HOST_RE = /[\s"<>\\^`{|}]/;

/** Parts of a URL setting whose host could parse; values that are not URLs at all are checkNotAUrl's business. */
function parts(doc: ParsedDocument, setting: ProxySetting): ProxyValueParts | undefined {
  if (!isUrlSetting(doc, setting)) return undefined;
  const p = splitProxyValue(setting.value);
  return p && p.host !== '' && !BAD_HOST_RE.test(p.host) ? p : undefined;
}

/** A value that is no URL at all ("not a url", "http://", "http:// proxy:3128"): Go drops it and connects directly. */
export function checkNotAUrl(doc: ParsedDocument, setting: ProxySetting): RuleFinding | undefined {
  if (!isUrlSetting(doc, setting)) return undefined;
  const p = splitProxyValue(setting.value);
  if (!p || (p.host !== '' && !BAD_HOST_RE.test(p.host))) return undefined;
  const outcome = setting.consumer === 'daemon'
    ? 'Go cannot parse it, so dockerd ignores it and connects directly'
    : 'programs in containers cannot parse it and connect directly or fail';
  return {
    range: valueSubRange(doc, setting, p.start, p.end),
    message: `This is not a proxy URL (${p.host === '' ? 'no host' : 'the host part contains spaces or invalid characters'}): ${outcome}. Write "http://host:port".`,
  };
}

/** Schemes each consumer can use (facts §7): Go for the daemon; curl's set for containers (wget and Python: http/https). */
export const SUPPORTED_SCHEMES: Readonly<Record<Consumer, readonly string[]>> = {
  daemon: ['http', 'https', 'socks5', 'socks5h'],
  containers: ['http', 'https', 'socks4', 'socks4a', 'socks5', 'socks5h'],
};

/** `https://proxy` means TLS to the proxy itself; most corporate proxies speak plain HTTP on their port. */
export function checkTlsToProxy(doc: ParsedDocument, setting: ProxySetting, options?: UrlCheckOptions): RuleFinding | undefined {
  const p = parts(doc, setting);
  if (!p || p.scheme !== 'https' || !p.schemeRange) return undefined;
  const [s, e] = p.schemeRange;
  return {
    range: valueSubRange(doc, setting, s, e),
    message:
      `"https://" makes ${reader(setting.consumer)} talk TLS to the proxy itself; a plain HTTP proxy then fails with ` +
      '"first record does not look like a TLS handshake". Use "http://" unless the proxy really speaks TLS.',
    fixes: [fix(doc, setting, 'Use "http://" for the proxy', setting.value.slice(0, s) + 'http' + setting.value.slice(e), false, options)],
  };
}

/** A scheme the consumer cannot use (socks4 for Go, ftp, socks, pac...). Empty scheme is fine (http is assumed). */
export function checkUnsupportedScheme(doc: ParsedDocument, setting: ProxySetting, options?: UrlCheckOptions): RuleFinding | undefined {
  const p = parts(doc, setting);
  if (!p || !p.schemeRange || SUPPORTED_SCHEMES[setting.consumer].includes(p.scheme)) return undefined;
  const [s, e] = p.schemeRange;
  const socks = p.scheme.startsWith('socks');
  const replacement = socks ? 'socks5' : 'http';
  const supported = SUPPORTED_SCHEMES[setting.consumer].join(', ');
  return {
    range: valueSubRange(doc, setting, s, e),
    message:
      `${reader(setting.consumer)} cannot use a "${p.scheme}://" proxy (supported: ${supported}); requests through it fail. ` +
      (socks ? 'Use "socks5://" if the proxy speaks SOCKS5.' : 'Use "http://" for an HTTP proxy.'),
    fixes: [fix(doc, setting, `Use "${replacement}://"`, setting.value.slice(0, s) + replacement + setting.value.slice(e), false, options)],
  };
}

const SCHEME_NO_SLASHES_RE = /^(https?|socks[45][ah]?):(?!\/\/)/i;

/** No `scheme://`: Go and curl assume http, Python's urllib3 refuses it. Prepending http:// changes nothing for Go. */
export function checkMissingScheme(doc: ParsedDocument, setting: ProxySetting, options?: UrlCheckOptions): RuleFinding | undefined {
  const p = parts(doc, setting);
  if (!p || p.schemeRange) return undefined;
  const body = setting.value.slice(p.start, p.end);
  const malformed = SCHEME_NO_SLASHES_RE.exec(body);
  if (malformed) {
    return {
      range: valueSubRange(doc, setting, p.start, p.start + malformed[0].length),
      message: `"${malformed[1]}:" must be followed by "//": write "${malformed[1].toLowerCase()}://host:port".`,
      severity: 'error',
    };
  }
  const who = setting.consumer === 'daemon' ? 'dockerd (Go) assumes http://' : 'Go and curl assume http://, Python tools refuse it';
  return {
    range: valueSubRange(doc, setting, p.start, p.end),
    message: `The proxy URL has no scheme; ${who}. Write "http://" explicitly.`,
    fixes: [fix(doc, setting, 'Prepend "http://"', setting.value.slice(0, p.start) + 'http://' + setting.value.slice(p.start), true, options)],
  };
}

/** No port (Go then uses 80/443/1080, curl 1080), or a port that is not a number from 1 to 65535. */
export function checkMissingPort(doc: ParsedDocument, setting: ProxySetting): RuleFinding | undefined {
  const p = parts(doc, setting);
  if (!p || p.host === '' || p.host.includes('%')) return undefined;
  if (p.port !== undefined && p.port !== '') {
    const n = /^\d+$/.test(p.port) ? Number(p.port) : NaN;
    if (n >= 1 && n <= 65535) return undefined;
    const [s, e] = p.portRange!;
    return {
      range: valueSubRange(doc, setting, s, e),
      message: `The proxy port is not a number from 1 to 65535, so the URL does not parse and ${reader(setting.consumer)} ends up without a usable proxy.`,
      severity: 'error',
    };
  }
  const [s, e] = p.hostPortRange;
  const defaults = setting.consumer === 'daemon'
    ? 'dockerd then connects to port 80 (443 for https://, 1080 for socks5://)'
    : 'Go then uses port 80 (443 for https://, 1080 for socks5://) while curl uses 1080';
  return {
    range: valueSubRange(doc, setting, s, e),
    message: `The proxy URL has no port; ${defaults}. Proxies usually listen on 3128 or 8080: add the port.`,
  };
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

interface UserinfoProblems { breaking: boolean; badEscape: boolean; invalidChar: boolean; rawAt: boolean }

function userinfoProblems(userinfo: string): UserinfoProblems {
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

/**
 * User or password that breaks URL parsing: '#', '/', '?', whitespace, a '%' without two hex digits, characters Go
 * rejects, or (for containers only: curl splits at the FIRST '@', Go at the last) a raw '@'.
 */
export function checkBadUserinfo(doc: ParsedDocument, setting: ProxySetting, options?: UrlCheckOptions): RuleFinding | undefined {
  const p = parts(doc, setting);
  if (!p?.userinfoRange) return undefined;
  const [s, e] = p.userinfoRange;
  const userinfo = setting.value.slice(s, e);
  const problems = userinfoProblems(userinfo);
  const atMatters = setting.consumer === 'containers';
  const reasons: string[] = [];
  if (problems.breaking) reasons.push('"#", "/", "?" or whitespace, which end the user:password part early');
  if (problems.badEscape) reasons.push('a "%" that is not followed by two hex digits');
  if (problems.invalidChar) reasons.push('characters that are not allowed unencoded');
  if (problems.rawAt && atMatters) reasons.push('a raw "@" (curl and wget split at the first "@", Go at the last)');
  if (reasons.length === 0) return undefined;
  const outcome = setting.consumer === 'daemon'
    ? 'Go cannot parse the URL and dockerd silently connects without the proxy'
    : 'the URL does not parse the same way (or at all) in curl, wget, Python and Go';
  const encoded = percentEncodeUserinfo(userinfo);
  const fixes: Fix[] = encoded === userinfo ? [] : [
    // Unambiguous only when the original has no '%': otherwise we cannot know which '%' the user meant literally.
    fix(doc, setting, 'Percent-encode the user name and password', setting.value.slice(0, s) + encoded + setting.value.slice(e), !userinfo.includes('%'), options),
  ];
  return {
    range: valueSubRange(doc, setting, s, e),
    message: `The proxy user name or password contains ${reasons.join('; ')}: ${outcome}. Percent-encode it (e.g. "@" → "%40", "#" → "%23").`,
    fixes,
  };
}

/** Credentials in the URL are stored and passed around in plain text. Information only. */
export function checkCredentials(doc: ParsedDocument, setting: ProxySetting): RuleFinding | undefined {
  const p = parts(doc, setting);
  if (!p?.userinfoRange) return undefined;
  const [s, e] = p.userinfoRange;
  if (s === e) return undefined;
  const where = setting.consumer === 'daemon'
    ? 'copied into dockerd\'s environment (masked only in `docker info`)'
    : 'injected into the environment of containers and builds, where `docker inspect` and build history show it';
  return {
    range: valueSubRange(doc, setting, s, e),
    message: `Proxy credentials are stored here in plain text and ${where}. Restrict who can read this file.`,
  };
}

/** The value with any credentials masked, for quoting in a message. */
export function quotedValue(setting: ProxySetting): string {
  return JSON.stringify(maskCredentials(setting.value.trim()));
}
