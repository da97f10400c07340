// RUN steps see proxies only as predefined build args. buildx fills them from the applied config.json entry: upper
// case HTTP_PROXY, HTTPS_PROXY, NO_PROXY, FTP_PROXY, never ALL_PROXY (facts §3 "Builds", §4).
import { appliedEntry, clientEntries, fileSource, type StatusModel } from '../statusModel';
import type { StatusLayer } from '../report';
import { makeValue, newLayer, note, proxySummary } from './layerParts';

const BUILD_ARG: Record<string, string> = { http: 'HTTP_PROXY', https: 'HTTPS_PROXY', no: 'NO_PROXY', ftp: 'FTP_PROXY' };

export function buildArgsLayer(model: StatusModel): StatusLayer {
  const layer = newLayer('build-args');
  const file = model.clientConfig;
  const { entry } = appliedEntry(clientEntries(file), model.daemonHost?.host);
  if (entry && file) {
    for (const f of entry.fields) {
      const arg = BUILD_ARG[f.variable];
      if (arg) layer.values.push(makeValue(arg, f.variable, f.value, fileSource(file, f.line), { note: `passed by buildx from config.json "${entry.key}".${f.name}` }));
      else if (f.variable === 'all') layer.notes.push(note(`config.json allProxy is not passed to builds by buildx (only docker run/create and compose containers get ALL_PROXY).`, 'ok', fileSource(file, f.line)));
    }
  }
  layer.summary = proxySummary(layer.values);
  if (layer.values.length === 0) layer.notes.push(note('RUN steps get no proxy unless you pass --build-arg HTTP_PROXY=… (or set config.json proxies).'));
  else layer.notes.push(note('A --build-arg of the same name wins over these; the Dockerfile needs no ARG for them.'));
  return layer;
}
