// The hover of one file kind. Each per-kind hover file says which kind it serves, so the dispatcher (index.ts) keeps
// a list of hovers and never lists the kinds itself (the kind list lives in fileKinds.ts).
import type { DocumentOf } from '../document';
import type { FileKind } from '../fileKinds';
import type { Position } from '../findingTypes';
import type { HoverInfo } from './hoverMarkdown';

export interface KindHover<K extends FileKind = FileKind> {
  kind: K;
  at(doc: DocumentOf<K>, position: Position): HoverInfo | undefined;
}

export function kindHover<K extends FileKind>(kind: K, at: (doc: DocumentOf<K>, position: Position) => HoverInfo | undefined): KindHover<FileKind> {
  return { kind, at: at as KindHover<FileKind>['at'] };
}
