// VS Code's own proxy (`http.proxy`, `http.noProxy`, `http.proxyStrictSSL`): used by VS Code and its extensions,
// never by Docker. Shown so a user can see it differs from what Docker uses.
import type { StatusModel } from '../statusModel';
import type { StatusLayer } from '../report';
import { makeValue, newLayer, note } from './layerParts';

export function vscodeLayer(model: StatusModel): StatusLayer {
  const layer = newLayer('vscode');
  const p = model.vscodeProxy;
  if (!p) {
    layer.health = 'unknown';
    layer.summary = 'not checked (outside VS Code)';
    layer.notes.push(note('Only the VS Code extension sends its settings; the CLI and other editors do not have them.', 'unknown'));
    return layer;
  }
  if (p.proxy) layer.values.push(makeValue('http.proxy', 'http', p.proxy, { kind: 'setting', label: 'http.proxy' }));
  if (p.noProxy && p.noProxy.length) layer.values.push(makeValue('http.noProxy', 'no', p.noProxy.join(','), { kind: 'setting', label: 'http.noProxy' }));
  if (p.strictSSL === false) layer.values.push(makeValue('http.proxyStrictSSL', 'other', 'false', { kind: 'setting', label: 'http.proxyStrictSSL' }, { note: 'VS Code does not verify the proxy\'s TLS certificates; Docker does.' }));
  layer.summary = p.proxy ? 'http.proxy set' : 'no http.proxy (VS Code uses the environment)';
  layer.notes.push(note('VS Code\'s proxy settings apply to VS Code only: docker, dockerd and builds never read them.'));
  return layer;
}
