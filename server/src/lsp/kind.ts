// Which of our kinds an open document is: user globs first, then the real locations, then the language id, then
// name + content (a daemon.json/config.json elsewhere that clearly is one). Anything else is not ours.
import { kindFromContent, kindFromLocation, type FileKind } from '../engine';
import type { FileGlobs } from '../shared/protocol';
import { matchesAny } from './glob';

const GLOB_KINDS: ReadonlyArray<[keyof FileGlobs, FileKind]> = [
  ['dockerfile', 'dockerfile'],
  ['daemonJson', 'daemon-json'],
  ['cliConfig', 'cli-config'],
  ['systemdDropin', 'systemd-dropin'],
  ['compose', 'compose'],
  ['ciWorkflow', 'ci-workflow'],
  ['shell', 'shell'],
];

const LANGUAGE_KINDS: Readonly<Record<string, FileKind>> = {
  dockerfile: 'dockerfile',
  'systemd-dropin': 'systemd-dropin',
  // Container Tools' language for compose files; plain `yaml`/`shellscript` are decided by name and location only.
  dockercompose: 'compose',
};

export function documentKind(path: string, languageId: string | undefined, text: string, files: FileGlobs = {}): FileKind | undefined {
  for (const [key, kind] of GLOB_KINDS) if (matchesAny(files[key], path)) return kind;
  return kindFromLocation(path) ?? (languageId ? LANGUAGE_KINDS[languageId] : undefined) ?? kindFromContent(path, text);
}
