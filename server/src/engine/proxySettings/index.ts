// Proxy settings of a document, normalised across file kinds, so value rules (URL, NO_PROXY) are written once.
import type { ParsedDocument } from '../document';
import type { ProxySetting } from '../findingTypes';
import { daemonJsonSettings, cliConfigSettings } from './jsonSettings';
import { dockerfileSettings } from './dockerfileSettings';
import { systemdSettings } from './systemdSettings';
import { composeSettings } from './composeSettings';
import { unitSettings } from './scriptSettings';

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
