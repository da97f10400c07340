// Proxy URLs written in free text (a RUN command, a LABEL, an ENV of a non-standard name): `http_proxy=…`
// assignments and URLs after a proxy option, and the literal password of a proxy URL.
import type { ProxyVariable } from '../../findingTypes';
import { envVariableOf } from '../../proxy/names';
import { splitProxyValue } from '../../proxy/proxyValueParts';
import { hasPlaceholder } from '../../proxy/placeholder';

/** Userinfo `user:password` with a literal (non-variable, non-empty) password, as [start, end) in `value`. */
export function literalPassword(value: string): [number, number] | undefined {
  const parts = splitProxyValue(value);
  if (!parts?.userinfoRange) return undefined;
  const [s, e] = parts.userinfoRange;
  const userinfo = value.slice(s, e);
  const colon = userinfo.indexOf(':');
  if (colon < 0 || colon === userinfo.length - 1 || hasPlaceholder(userinfo)) return undefined;
  return [s, e];
}


/** A proxy URL written in instruction text (RUN command, LABEL, ENV/ARG of a non-standard name ...). */
export interface TextProxyUrl {
  /** Offsets of the value in the document. */
  start: number;
  end: number;
  value: string;
  /** Which variable it is assigned to, when written as `http_proxy=...`. */
  variable?: ProxyVariable;
}

const ASSIGNMENT_RE = /(?<![A-Za-z0-9_$-])((?:https?|ftp|all|socks|no)_proxy)=("[^"\n]*"|'[^'\n]*'|[^\s"';&|)`]*)/gi;
const URL_RE = /\b[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s"'`;|&<>()]+/g;

/**
 * Proxy values written in text: `http_proxy=value` assignments (any case), and `scheme://…` URLs whose preceding
 * text on the same line names a proxy (`--proxy`, `Acquire::http::Proxy`, `proxy=`, `PIP_PROXY=`, curl `-x`).
 */
export function proxyUrlsInText(text: string, offset: number): TextProxyUrl[] {
  const found: TextProxyUrl[] = [];
  for (const m of text.matchAll(ASSIGNMENT_RE)) {
    const raw = m[2];
    const quoted = raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw[raw.length - 1] === raw[0];
    const value = quoted ? raw.slice(1, -1) : raw;
    const start = offset + m.index! + m[1].length + 1 + (quoted ? 1 : 0);
    if (value === '') continue;
    found.push({ start, end: start + value.length, value, variable: envVariableOf(m[1]) });
  }
  const assignments = found.slice();
  for (const m of text.matchAll(URL_RE)) {
    const start = offset + m.index!;
    if (assignments.some((f) => start >= f.start && start < f.end)) continue;
    let before = text.slice(Math.max(0, m.index! - 80), m.index!);
    before = before.slice(before.lastIndexOf('\n') + 1);
    // The last two words before the URL (plus the part of its own word before it) must name a proxy.
    const tail = before.split(/\s+/).slice(-3).join(' ');
    if (!/proxy/i.test(tail) && !/(^|\s)-x\s*["']?$/.test(before)) continue;
    let value = m[0];
    value = value.replace(/[.,\]}]+$/, '');
    found.push({ start, end: start + value.length, value });
  }
  return found.sort((a, b) => a.start - b.start);
}
