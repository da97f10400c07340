// Template placeholders: infrastructure repositories keep proxy files as templates (Ansible/Salt Jinja, Go and Helm
// templates, Puppet/Chef ERB and EPP, envsubst, autoconf, Windows batch, hand-written `<proxy-host>`). A placeholder is
// an unknown value, not a broken one: the URL and NO_PROXY value rules stay silent on it.

const PLACEHOLDER_SOURCE = [
  String.raw`\{\{.*?\}\}`, // {{ proxy_url }}, {{ .Proxy }} (Jinja, Go templates, Helm)
  String.raw`\{%.*?%\}`, // {% if proxy %}
  String.raw`<%.*?%>`, // <%= @proxy %>, <%= $proxy %> (ERB, EPP)
  String.raw`\$\{[^}\s]*\}`, // ${PROXY}, ${var.proxy} (Terraform), ${PROXY:-x}
  String.raw`\$[A-Za-z_][A-Za-z0-9_]*`, // $PROXY
  String.raw`%[A-Za-z_][A-Za-z0-9_]+%`, // %PROXY%
  String.raw`@[A-Z_][A-Z0-9_]*@`, // @PROXY@ (autoconf), upper case only so a raw '@' in a password is not taken for one
  String.raw`<[A-Za-z][A-Za-z0-9_. -]*>`, // <proxy-host>, <port>
  String.raw`\b[xX]{1,3}(?:\.[xX]{1,3}){3}\b`, // x.x.x.x, xxx.xxx.xxx.xxx: an address left for the reader to fill in
  String.raw`\{\{|\{%|<%|\$\{`, // an opening alone: a Dockerfile word may be cut inside a placeholder
].join('|');
const PLACEHOLDER_RE = new RegExp(PLACEHOLDER_SOURCE);
const PLACEHOLDER_GLOBAL_RE = new RegExp(PLACEHOLDER_SOURCE, 'g');

/** Whether a value holds a template placeholder (so its real value is unknown). */
export function hasPlaceholder(value: string): boolean {
  return PLACEHOLDER_RE.test(value);
}

/** The value with each placeholder replaced by as many `x`, so offsets stay valid and its `@`, `:` … do not count. */
export function maskPlaceholders(value: string): string {
  return value.replace(PLACEHOLDER_GLOBAL_RE, (m) => 'x'.repeat(m.length));
}

// Template file names (`daemon.json.j2`) are part of detection: the file-kind registry knows the suffixes.
export { isTemplatePath, untemplatedPath } from '../fileKinds';
