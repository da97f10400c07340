// The CLI shell: the environment of the process that runs docker/buildx. It proxies the build's registry token fetch
// (facts §5) and CLI traffic to a tcp:// daemon (§3); Go reads the upper-case name first (§6).
import type { StatusModel } from '../statusModel';
import type { StatusLayer } from '../report';
import { makeValue, newLayer, note, proxySummary } from './layerParts';
import { envVariableOf } from '../../proxy/names';

function envValues(layer: StatusLayer, env: Record<string, string>, label: (name: string) => string, kind: 'env' | 'command'): void {
  for (const [name, value] of Object.entries(env)) {
    if (value === '') continue;
    const variable = envVariableOf(name) ?? 'other';
    const lowerShadowed = name === name.toLowerCase() && variable !== 'other' && !!env[name.toUpperCase()];
    layer.values.push(makeValue(name, variable, value, { kind, label: label(name) }, lowerShadowed
      ? { overridden: true, note: `${name.toUpperCase()} is also set: Go programs (docker, buildx) read the upper-case one` }
      : {}));
  }
}

export function shellLayer(model: StatusModel): StatusLayer {
  const layer = newLayer('cli-shell');
  envValues(layer, model.shellEnv, (n) => `environment ${n}`, 'env');
  if (model.loginEnv && model.obs.loginShell) {
    const cmd = model.obs.loginShell.command;
    // Only what differs: a variable the login shell sets to another value, or sets where this process has none.
    const differing = Object.fromEntries(Object.entries(model.loginEnv).filter(([name, value]) => model.shellEnv[name] !== value));
    const before = layer.values.length;
    envValues(layer, differing, (n) => `login shell ${n} (${cmd})`, 'command');
    for (const v of layer.values.slice(before)) {
      v.note = v.note ?? (model.shellEnv[v.name] === undefined
        ? 'Set in your login shell, so terminals see it, but not in this process (VS Code started from a desktop icon?).'
        : 'Your login shell sets another value than this process has.');
    }
    const missing = Object.keys(model.shellEnv).filter((name) => model.loginEnv![name] === undefined);
    if (missing.length) layer.notes.push(note(`Set here but not in your login shell: ${missing.join(', ')}.`));
    layer.notes.push(note(`Your login shell's environment differs from this process's: terminals and tasks use the login shell's values.`, 'warning', { kind: 'command', label: cmd }));
  } else if (model.obs.loginShell && model.obs.loginShell.result.exitCode !== 0) {
    layer.notes.push(note(`Could not read the login shell's environment (${model.obs.loginShell.command}: ${model.obs.loginShell.result.message ?? `exit ${model.obs.loginShell.result.exitCode}`}).`, 'unknown'));
  }
  if (model.daemonHost) {
    const h = model.daemonHost;
    layer.values.push(makeValue(h.contextName ? `context ${h.contextName}` : 'daemon host', 'other', h.host, h.source,
      { note: h.host.startsWith('tcp://') ? 'tcp:// daemon: the CLI reaches it through HTTP(S)_PROXY unless NO_PROXY covers it' : 'unix/npipe/ssh daemon: the CLI uses no proxy to reach it' }));
  }
  layer.summary = proxySummary(layer.values);
  return layer;
}
