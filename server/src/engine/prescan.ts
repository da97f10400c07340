// A cheap look at a text, per kind, that proves no rule can report anything, so that lint can skip the parse and
// the rules. Most files people open are not about proxies; this keeps them nearly free.
//
// It must never hide a finding, so it errs towards "lint": any proxy-ish token, any escape or line continuation
// that could assemble one, and for JSON anything that is not a plain valid object means the full lint runs.
// test/unit/prescan.test.ts checks it against every rule example and fixture (also with the proxy host renamed)
// and against fuzzed texts: whenever it says "skip", the full lint must find nothing.
// Each kind names its pre-scan in fileKinds.ts; `mayHaveFindings(text, kind)` there picks it.

/** `prox` covers proxy, proxies, *_proxy, --proxy, Acquire::http::Proxy, httpProxy, noProxy, ... in any case. */
const PROXY_WORD = /prox/i;
/** curl's `-x URL` names a proxy without the word (DF rules read it). Also matched with the whitespace removed. */
const CURL_X_URL = /-x\s*["']?[A-Za-z][A-Za-z0-9+.-]*:\/\//;
/**
 * curl's `-x host:port` without a scheme (DF017): `-x` as its own word, then a value. Tar's `-xzf` and `set -x &&`
 * do not match. With the whitespace removed (a value on the next continuation line) only `-xhost:port` counts.
 */
const CURL_X_HOST = /-x(?:\s+|\s*=\s*|\s*["'])[A-Za-z0-9[]/;
const CURL_X_HOST_JOINED = /-x["']?[A-Za-z0-9.-]+:\d/;
/** daemon.json mirror rules (DJ014-DJ016, NP012) fire on registry-mirrors without any proxy setting. */
const MIRROR_WORD = /mirror/i;

// Each pre-scan below is false only when no rule can fire on `text` as its kind. It costs a few linear scans (plus
// `JSON.parse` for JSON kinds), far below parsing and running the rules.

/** For a kind without a pre-scan of its own (the script kinds): always lint. */
export function alwaysLint(): boolean {
  return true;
}

export function dockerfileMayHaveFindings(text: string): boolean {
  if (PROXY_WORD.test(text) || CURL_X_URL.test(text) || CURL_X_HOST.test(text)) return true;
  // Line continuations (`\` or the backtick of `# escape=`), with comment lines skipped inside them, and escapes
  // inside words can join pieces into a proxy word. Read the text once more with all of those removed.
  if (!/[\\`]/.test(text)) return false;
  const joined = text.replace(/^[ \t]*#.*$/gm, '').replace(/[\\`\s]+/g, '');
  return PROXY_WORD.test(joined) || CURL_X_URL.test(joined) || CURL_X_HOST_JOINED.test(joined);
}

export function systemdMayHaveFindings(text: string): boolean {
  // systemd decodes C escapes (`\x50` is P) and joins continuation lines: any backslash means "read it properly".
  return PROXY_WORD.test(text) || text.includes('\\');
}

export function daemonJsonMayHaveFindings(text: string): boolean {
  return MIRROR_WORD.test(text) || cliConfigMayHaveFindings(text);
}

/** config.json, and the JSON checks daemon.json shares. */
export function cliConfigMayHaveFindings(text: string): boolean {
  if (PROXY_WORD.test(text)) return true;
  // `\u0070roxies` is "proxies" once decoded; any escape sends the file to the real parser.
  if (text.includes('\\')) return true;
  // Invalid JSON (PD002) and a root that is not an object (DJ025) are findings without any proxy word.
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return true;
  }
  return value !== null && (typeof value !== 'object' || Array.isArray(value));
}
