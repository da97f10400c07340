// Hover explanations for proxy settings: which layer reads the value, which does not (facts §0, §3, §4, §5, §9),
// with the value shown masked. Pure: a parsed document and a position in, markdown out. One file per kind of file.
import type { ParsedDocument } from '../document';
import type { Position } from '../findingTypes';
import { cliConfigHover } from './cliConfigHover';
import { daemonJsonHover } from './daemonJsonHover';
import { dockerfileHover } from './dockerfileHover';
import type { HoverInfo } from './hoverMarkdown';
import { systemdHover } from './systemdHover';

export type { HoverInfo } from './hoverMarkdown';
export { shownValue } from './hoverMarkdown';

/** Markdown hover for a position, or undefined when there is nothing proxy-related there. Never throws. */
export function hoverAt(doc: ParsedDocument, position: Position): HoverInfo | undefined {
  try {
    switch (doc.kind) {
      case 'daemon-json': return daemonJsonHover(doc, position);
      case 'cli-config': return cliConfigHover(doc, position);
      case 'dockerfile': return dockerfileHover(doc, position);
      case 'systemd-dropin': return systemdHover(doc, position);
      default: return undefined;
    }
  } catch {
    return undefined;
  }
}
