// Hover explanations for proxy settings: which layer reads the value, which does not (facts §0, §3, §4, §5, §9),
// with the value shown masked. Pure: a parsed document and a position in, markdown out. One file per kind of file.
import type { ParsedDocument } from '../document';
import type { Position } from '../findingTypes';
import { CLI_CONFIG_HOVER } from './cliConfigHover';
import { DAEMON_JSON_HOVER } from './daemonJsonHover';
import { DOCKERFILE_HOVER } from './dockerfileHover';
import type { HoverInfo } from './hoverMarkdown';
import type { KindHover } from './kindHover';
import { SYSTEMD_HOVER } from './systemdHover';

/** Kinds without an entry (Compose, CI workflows, scripts) have no hover yet. */
const HOVERS: readonly KindHover[] = [DAEMON_JSON_HOVER, CLI_CONFIG_HOVER, DOCKERFILE_HOVER, SYSTEMD_HOVER];

export type { HoverInfo } from './hoverMarkdown';
export { shownValue } from './hoverMarkdown';

/** Markdown hover for a position, or undefined when there is nothing proxy-related there. Never throws. */
export function hoverAt(doc: ParsedDocument, position: Position): HoverInfo | undefined {
  try {
    const hover = HOVERS.find((h) => h.kind === doc.kind);
    return hover?.at(doc, position);
  } catch {
    return undefined;
  }
}
