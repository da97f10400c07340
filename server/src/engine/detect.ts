// Which of our file kinds a path is, without false triggers: an unrelated config.json or *.json gets nothing.
// Each kind says where it is found in the registry (fileKinds.ts); this file only tries them in order.
import { FILE_KINDS, kindInfo, untemplatedPath, type FileKind } from './fileKinds';

function normalise(path: string): string {
  return path.replace(/\\/g, '/');
}

function baseName(path: string): string {
  const p = normalise(path);
  return p.slice(p.lastIndexOf('/') + 1);
}

/** Locations where dockerd, the CLI and the build tools really read these files (facts §1, §3, §9), and their names. */
export function kindFromLocation(path: string): FileKind | undefined {
  const p = normalise(path);
  const base = baseName(p);
  return FILE_KINDS.find((kind) => kindInfo(kind).isAt(p, base));
}

/**
 * A daemon.json or config.json elsewhere (a repo's provisioning files, a test fixture) is linted only when its
 * name and content both say so; a template file (`daemon.json.j2`) as the file it renders. Undefined for anything else.
 */
export function kindFromContent(path: string, text: string): FileKind | undefined {
  const base = baseName(path);
  return FILE_KINDS.find((kind) => kindInfo(kind).byContent?.(base, text)) ?? kindFromTemplate(path, text);
}

/**
 * A template of one of our files (`daemon.json.j2`, `http-proxy.conf.tpl`, `config.json.erb`, `Dockerfile.tmpl`):
 * the name without the template suffix says the kind, by location or by content.
 */
export function kindFromTemplate(path: string, text?: string): FileKind | undefined {
  const plain = untemplatedPath(path);
  if (plain === undefined) return undefined;
  const located = kindFromLocation(plain);
  if (located) return located;
  if (text === undefined) return undefined;
  return FILE_KINDS.find((kind) => kindInfo(kind).templateByContent?.(plain, text)) ?? kindFromContent(plain, text);
}

/** Kind of a file from its location first, then from name plus content (templates included). */
export function detectKind(path: string, text?: string): FileKind | undefined {
  return kindFromLocation(path) ?? (text === undefined ? kindFromTemplate(path) : kindFromContent(path, text));
}
