// Proxy settings of a document, normalised across file kinds, so value rules (URL, NO_PROXY) are written once.
import type { ParsedDocument } from './document';
import type { ProxySetting } from './model';
import { daemonJsonSettings, cliConfigSettings } from './settings/json';
import { dockerfileSettings } from './settings/dockerfile';
import { systemdSettings } from './settings/systemd';
import { composeSettings } from './settings/compose';
import { unitSettings } from './settings/scripts';

export function extractProxySettings(doc: ParsedDocument): ProxySetting[] {
  switch (doc.kind) {
    case 'daemon-json':
      return daemonJsonSettings(doc);
    case 'cli-config':
      return cliConfigSettings(doc);
    case 'dockerfile':
      return dockerfileSettings(doc);
    case 'systemd-dropin':
      return systemdSettings(doc);
    case 'compose':
      return composeSettings(doc);
    case 'ci-workflow':
    case 'shell':
      return unitSettings(doc, doc.units);
  }
}
