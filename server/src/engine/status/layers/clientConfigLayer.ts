// config.json `proxies`: the CLI injects the entry for the current daemon host (else "default", never merged, facts
// §3) into new containers and builds. Only `proxies` is read from the file: never `auths` or credential helpers.
import { appliedEntry, clientEntries, fileSource, type StatusModel } from '../statusModel';
import type { StatusLayer } from '../report';
import { lintHealth, makeValue, newLayer, note, proxySummary } from './layerParts';

export function clientConfigLayer(model: StatusModel): StatusLayer {
  const layer = newLayer('client-config');
  const file = model.clientConfig;
  if (!file || file.text === undefined) {
    layer.summary = 'no config.json';
    if (file?.error && file.error !== 'missing') layer.notes.push(note(`${file.path}: ${file.error}`, 'warning', { kind: 'file', label: file.path, path: file.path }));
    else layer.notes.push(note(`${file?.path ?? 'config.json'} not found: containers and builds get no proxy from the client.`));
    return layer;
  }
  if (file.doc?.kind === 'cli-config' && file.doc.json.syntaxErrors.length > 0) {
    layer.notes.push(note(`${file.path} is not valid JSON: the docker CLI warns and ignores the whole file, proxies included.`, 'error', fileSource(file, file.doc.json.syntaxErrors[0].range.start.line)));
  }
  const entries = clientEntries(file);
  const { entry, reason } = appliedEntry(entries, model.daemonHost?.host);
  for (const e of entries) {
    const applies = e === entry;
    for (const f of e.fields) {
      layer.values.push(makeValue(`${e.key}.${f.name}`, f.variable, f.value, fileSource(file, f.line), {
        health: applies ? lintHealth(file.lint, f.line) : 'ok',
        overridden: !applies,
        note: applies ? `entry "${e.key}" applies: ${reason}` : `entry "${e.key}" does not apply: ${reason}`,
      }));
    }
  }
  if (entries.length) layer.notes.push(note(`Applied entry: ${entry ? `"${entry.key}"` : 'none'} (${reason}).`, entry ? 'ok' : 'warning', entry ? fileSource(file, entry.line) : fileSource(file)));
  const problems = file.lint.filter((f) => f.severity !== 'info').length;
  if (problems) layer.notes.push(note(`${problems} problem${problems === 1 ? '' : 's'} in ${file.path} (see the lint findings).`, file.lint.some((f) => f.severity === 'error') ? 'error' : 'warning', fileSource(file)));
  layer.summary = entries.length ? `${entry ? `"${entry.key}": ` : ''}${proxySummary(layer.values)}` : 'no proxies';
  return layer;
}
