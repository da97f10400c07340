// The proxy values that really win per layer, raw (never shown: callers mask). dockerd's come from docker info when
// it answers; docker info masks user and password, so they are taken from the configured source of the same
// endpoint (drop-in, daemon.json, flag, systemctl show), and are unknown when no readable source has them.
import type { StatusSource } from './report';
import { parseProxyUrl } from '../proxy/url';
import type { DaemonVariable, StatusModel } from './statusModel';

const ENV_NAMES: Record<DaemonVariable, string> = { http: 'HTTP_PROXY', https: 'HTTPS_PROXY', no: 'NO_PROXY' };

/** dockerd masks user and password as `xxxxx` in docker info (facts §1): `http://xxxxx:xxxxx@proxy:3128`. */
export function isMaskedByDockerd(value: string): boolean {
  return /\/\/[^/@]*xxxxx[^/@]*@/.test(value);
}

function sameEndpoint(a: string, b: string): boolean {
  const x = parseProxyUrl(a);
  const y = parseProxyUrl(b);
  return !!x && !!y && (x.scheme || 'http') === (y.scheme || 'http') && x.host.toLowerCase() === y.host.toLowerCase() && (x.port ?? '') === (y.port ?? '');
}

export interface DaemonProxy {
  /** HTTP_PROXY / HTTPS_PROXY / NO_PROXY as dockerd uses them (raw). */
  env: Record<string, string>;
  /** Where each value comes from, for the report. */
  sources: string[];
  /** The file/command line that configures each variable, when one is known (for "open the file"). */
  sourceOf: Partial<Record<DaemonVariable, StatusSource>>;
  /** docker info masks the credentials and no readable source has them. */
  credentialsUnknown: boolean;
  /** dockerd did not answer: these are configured values, not effective ones. */
  fromConfigOnly: boolean;
}

export function daemonProxyEnv(model: StatusModel): DaemonProxy {
  const env: Record<string, string> = {};
  const sources = new Set<string>();
  const sourceOf: DaemonProxy['sourceOf'] = {};
  let credentialsUnknown = false;
  for (const v of ['http', 'https', 'no'] as const) {
    const winner = model.winners.get(v);
    if (model.effective) {
      const eff = model.effective[v];
      if (!eff) continue;
      const configured = [winner, ...model.configured.filter((c) => c.variable === v)].find((c) => c && (c.value === eff || sameEndpoint(c.value, eff)));
      if (configured) sourceOf[v] = configured.source;
      if (v !== 'no' && isMaskedByDockerd(eff)) {
        if (configured) {
          env[ENV_NAMES[v]] = configured.value;
          sources.add(`docker info (password from ${configured.source.label})`);
        } else {
          env[ENV_NAMES[v]] = eff.replace(/\/\/[^/@]*@/, '//');
          credentialsUnknown = true;
          sources.add('docker info (credentials masked, no readable source)');
        }
      } else {
        env[ENV_NAMES[v]] = eff;
        sources.add('docker info');
      }
    } else if (winner) {
      env[ENV_NAMES[v]] = winner.value;
      sources.add(winner.source.label);
      sourceOf[v] = winner.source;
    }
  }
  return { env, sources: [...sources], sourceOf, credentialsUnknown, fromConfigOnly: !model.effective };
}
