// The proxy answers 407 to the user and password a layer really sends: every request of that layer through it fails
// with "Proxy Authentication Required", although the credentials are there.
import type { StatusFinding } from '../report';
import { finding, type StatusCheck } from './check';

export const SV031: StatusCheck = {
  meta: {
    id: 'SV031', name: 'proxy-rejects-credentials', defaultSeverity: 'error', layer: 'daemon',
    summary: 'The proxy answers 407 to the user and password this layer sends: the password is wrong, expired or mangled.',
    description: 'When a layer\'s proxy URL carries a user and password (`http://user:password@proxy:3128`), each refresh of the ' +
      'Proxy Status sends them once in a `CONNECT` request, within about a second, and reads only the status line. A proxy ' +
      'answers `407 Proxy Authentication Required` at once when it rejects them; then every request of that layer fails the ' +
      'same way (`docker pull`: "Proxy Authentication Required").\n\nCommon reasons: the password changed, an `@ # / % :` ' +
      'in it is not percent-encoded, or a `%` in a systemd drop-in was not doubled (`%%`).\n\nFix: correct the password where ' +
      'the layer reads it (the finding names the file and line), then restart what reads it. dockerd\'s password is taken from ' +
      'the drop-in, daemon.json or flag that configures the same proxy, because `docker info` masks it.',
    sources: [
      { url: 'https://www.rfc-editor.org/rfc/rfc9110#name-407-proxy-authentication-re', shows: 'a proxy answers 407 Proxy Authentication Required when the request carries no valid credentials for it' },
      { url: 'https://docs.docker.com/engine/daemon/proxy/#systemd-unit-file', shows: 'the daemon\'s proxy URL carries the user and password (`http://user:password@proxy:port`), and a `%` in a drop-in is written `%%`' },
    ],
    example: {
      before: { caption: 'dockerd 26 behind squid with Basic auth, a wrong password in the drop-in (output captured in the test suite)', lang: 'ini', text: '# /etc/systemd/system/docker.service.d/http-proxy.conf\n[Service]\nEnvironment="HTTPS_PROXY=http://feas:wrong-pass@127.0.0.1:3128"\n\n# $ docker pull registry.test:5000/corp/app:1\n# Error response from daemon: Get "https://registry.test:5000/v2/": Proxy Authentication Required' },
      after: { caption: 'The right password, percent-encoded, then daemon-reload and restart', lang: 'ini', text: '[Service]\nEnvironment="HTTPS_PROXY=http://feas:Sq-s3cret@127.0.0.1:3128"' },
    },
  },
  check(model) {
    const out: StatusFinding[] = [];
    for (const c of model.proxyChecks ?? []) {
      if (!c.credentialsRejected) continue;
      const at = c.host.includes(':') ? `[${c.host}]:${c.port}` : `${c.host}:${c.port}`;
      const seen = new Set<string>();
      for (const u of c.uses) {
        if (seen.has(u.layer)) continue;
        seen.add(u.layer);
        const names = c.uses.filter((x) => x.layer === u.layer).map((x) => x.name);
        out.push(finding(SV031.meta, `${names.join(' and ')} = ${u.masked}: the proxy at ${at} answered "${c.result.firstLine ?? '407'}" to these credentials. Every request of this layer through it fails with "Proxy Authentication Required".`, {
          layer: u.layer, title: `Proxy ${at} rejects the password`, about: names, ...(u.source ? { source: u.source } : {}),
          action: `correct the user or password${u.source ? ` in ${u.source.label}` : ''} (percent-encode @ # / % :, double % in a drop-in), then restart what reads it`,
        }));
      }
    }
    return out;
  },
};
