// The client layer: config.json `proxies` for the entry that applies to the current daemon host (facts §3: an exact
// per-host key, else "default"; no merge), set with jsonc-parser so every other key keeps its bytes. Credential
// entries (auths, credsStore, credHelpers) are neither read nor written: the edit only touches `proxies`.
import { maskCredentials } from '../proxy/url';
import { appliedEntry, clientEntries, type StatusModel } from '../status/statusModel';
import { emptyLayerPlan, type LayerPlan } from './daemonPlan';
import { hideCredentialEntries, jsonBlockReason, setJsonValues } from './jsonEdit';
import { unifiedDiff } from './unifiedDiff';

export function planClient(model: StatusModel, containerUrl: string, noProxy: string, secret: boolean): LayerPlan {
  const plan = emptyLayerPlan();
  const path = model.clientConfig?.path ?? model.obs.locations.cliConfig;
  const before = model.clientConfig?.text;
  const reason = before !== undefined ? jsonBlockReason(before, 'cli-config') : undefined;
  if (reason) {
    plan.blocked.push({ layer: 'client-config', path, reason: `${path} is not rewritten: ${reason}` });
    return plan;
  }
  const host = model.daemonHost?.host;
  const { entry } = appliedEntry(clientEntries(model.clientConfig), host);
  const key = entry?.key ?? 'default';
  const field = (canonical: string) => entry?.fields.find((f) => f.name.toLowerCase() === canonical.toLowerCase())?.name ?? canonical;
  let after = setJsonValues(before ?? '', [
    { path: ['proxies', key, field('httpProxy')], value: containerUrl },
    { path: ['proxies', key, field('httpsProxy')], value: containerUrl },
    { path: ['proxies', key, field('noProxy')], value: noProxy },
  ]);
  if (before === undefined && !after.endsWith('\n')) after += '\n';
  if (after === before) return plan;
  const which = key === 'default' ? '"default" (no per-host entry matches the daemon host)' : `"${key}" (the entry for the current daemon host; "default" is not merged into it)`;
  plan.changes.push({
    layer: 'client-config',
    path,
    before,
    after,
    mode: 0o600, // what docker itself uses for config.json
    owner: 'user',
    title: `Set proxies.${key} in ${path}: ${which}`,
    diff: unifiedDiff(path, before === undefined ? undefined : maskCredentials(hideCredentialEntries(before)), maskCredentials(hideCredentialEntries(after))),
    secret,
  });
  return plan;
}
