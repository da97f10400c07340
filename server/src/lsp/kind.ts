// Which of our kinds an open document is: user globs first, then the real locations, then the language id, then
// name + content (a daemon.json/config.json elsewhere that clearly is one). Anything else is not ours.
import { FILE_KINDS, fileGlobKey, kindFromContent, kindFromLocation, kindOfLanguage, type FileKind } from '../engine';
import type { FileGlobs } from '../shared/protocol';
import { matchesAny } from './glob';

export function documentKind(path: string, languageId: string | undefined, text: string, files: FileGlobs = {}): FileKind | undefined {
  for (const kind of FILE_KINDS) if (matchesAny(files[fileGlobKey(kind)], path)) return kind;
  // A language that always means one kind (dockerfile, systemd-dropin, Container Tools' dockercompose); plain
  // `yaml`/`shellscript` documents are decided by name and location only.
  return kindFromLocation(path) ?? (languageId ? kindOfLanguage(languageId) : undefined) ?? kindFromContent(path, text);
}
