// A cross-layer check: the metadata every check has (checkMeta.ts: id, settings, suppression, docs page) plus a pure
// function over the status model.
import type { StatusModel } from '../statusModel';
import type { LayerId, StatusFinding, StatusSource } from '../report';
import { maskCredentials } from '../../proxy/url';
import type { CheckMeta } from '../../checkMeta';

/** A Proxy Status finding's metadata: the shared check metadata plus its layer and a before/after for its page. */
export interface StatusCheckMeta extends CheckMeta {
  layer: LayerId;
  /** A small before/after for the docs page: the machine state that triggers it, and the same after the fix. */
  example?: { before: StatusExampleSide; after: StatusExampleSide };
}

export interface StatusExampleSide { caption: string; lang: 'text' | 'json' | 'ini'; text: string }

export interface StatusCheck {
  meta: StatusCheckMeta;
  check(model: StatusModel): StatusFinding[];
}

const LAYER_SHORT: Record<LayerId, string> = {
  vscode: 'VS Code', 'cli-shell': 'CLI shell', 'client-config': 'config.json', daemon: 'daemon', builder: 'builder', 'build-args': 'build steps',
};

/** `loopback-builder-proxy` → `Loopback builder proxy (builder)`. */
export function findingTitle(text: string, layer: LayerId): string {
  // A check's kebab name reads as words; a lint message keeps its case (`httpProxy is set …` names a key).
  const t = /^[a-z0-9]+(-[a-z0-9]+)*$/.test(text) ? text.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()) : text;
  return maskCredentials(`${t.length > 90 ? `${t.slice(0, 89)}…` : t} (${LAYER_SHORT[layer]})`);
}

/** A title without the `(layer)` that findingTitle appends, for views that name the layer themselves. */
export function titleWithoutLayer(title: string, layer: LayerId): string {
  const suffix = ` (${LAYER_SHORT[layer]})`;
  return title.endsWith(suffix) ? title.slice(0, -suffix.length) : title;
}

export function finding(meta: StatusCheckMeta, message: string, extra: { source?: StatusSource; related?: StatusSource[]; action?: string; severity?: StatusFinding['severity']; layer?: LayerId; title?: string; about?: string[] } = {}): StatusFinding {
  const layer = extra.layer ?? meta.layer;
  return {
    id: meta.id,
    severity: extra.severity ?? meta.defaultSeverity,
    layer,
    title: findingTitle(extra.title ?? meta.title ?? meta.name, layer),
    message: maskCredentials(message),
    ...(extra.about?.length ? { about: extra.about } : {}),
    ...(extra.source ? { source: extra.source } : {}),
    ...(extra.related?.length ? { related: extra.related } : {}),
    ...(extra.action ? { action: maskCredentials(extra.action) } : {}),
  };
}

/** The restart that makes dockerd read its configuration again (facts §1 "Not live-reloadable", §9). */
export function restartCommand(model: StatusModel, daemonReload = true): string {
  if (model.desktop) return 'Restart Docker Desktop (whale menu → Restart)';
  if (!model.obs.systemd) return 'restart dockerd (for example `sudo service docker restart`, or stop and start it the way it was started)';
  const ctl = model.rootless ? 'systemctl --user' : 'sudo systemctl';
  return daemonReload ? `${ctl} daemon-reload && ${ctl} restart docker` : `${ctl} restart docker`;
}

export const envSource = (name: string, set: boolean): StatusSource => ({ kind: 'env', label: `environment ${name}${set ? '' : ' (not set)'}` });
