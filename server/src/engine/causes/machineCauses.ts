// Causes only the connectivity test and the deep test report (no text of their own to match in a log): they need
// what the machine model knows, such as where a layer's credentials come from or which CA a registry uses.
import type { Cause } from './cause';

const none = { texts: [] as RegExp[], examples: [] as string[], priority: 0, related: [] as string[] };

export const MACHINE_CAUSES: readonly Cause[] = [
  {
    id: 'proxy-credentials-rejected',
    title: 'Proxy rejects the configured credentials (407)',
    cause: 'The proxy answered 407 to the user and password this layer really sends: the password is wrong, expired, or mangled on the way (a % in a systemd drop-in, an @ or # not percent-encoded).',
    action: 'Correct the password where this layer reads it (the report names the source), percent-encode @ # / % : in it (and double every % in a drop-in), then restart what reads it.',
    ...none,
    related: ['DJ011', 'CC016'],
  },
  {
    id: 'proxy-credentials-unknown',
    title: 'Proxy wants credentials; the configured ones cannot be read',
    cause: 'The proxy answered 407. dockerd uses a proxy with credentials, but docker info masks them and no file or command this test can read holds them, so the test sent none: whether dockerd\'s own credentials work cannot be tested this way.',
    action: 'Run the deep test (`docker-proxy-doctor test --deep`, or "Verify with Docker"): dockerd then contacts the registry with its real credentials.',
    ...none,
  },
  {
    id: 'registry-private-ca',
    title: 'Registry uses its own CA (through a tunnelling proxy)',
    cause: 'The proxy opened a CONNECT tunnel and did not re-sign: the certificate comes from the registry\'s own CA, which this layer does not trust (another layer on this machine does).',
    action: 'Trust the registry\'s CA for this layer (the report names where). The proxy is fine; do not switch to insecure-registries.',
    ...none,
  },
  {
    id: 'tls-unknown-ca-via-proxy',
    title: 'Untrusted certificate through a proxy: registry CA or re-signing proxy',
    cause: 'Through the proxy\'s tunnel the registry presented a certificate from a CA this layer does not trust. Either the registry uses a private CA, or the proxy re-signs HTTPS.',
    action: 'Compare the issuer in the report with your registry\'s CA: if it is the registry\'s, put that CA in /etc/docker/certs.d/<registry:port>/ca.crt (then the test can tell); if it is your company\'s proxy CA, trust that CA for this layer.',
    ...none,
  },
];
