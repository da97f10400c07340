// Edits that suppress a finding with a comment pragma, for the formats that have comments (each kind's `comments`
// in fileKinds.ts: all but the JSON kinds).
// The pragma grammar is the one lint.ts reads: `# proxy-doctor ignore=ID[,ID]` applies to the next non-comment line,
// `# proxy-doctor global ignore=ID[,ID]` to the whole file. JSON files (daemon.json, config.json) get nothing:
// dockerd and the CLI parse strict JSON, so a comment would break the file (use settings instead).
import type { TextEdit } from './findingTypes';
import { kindInfo, parserDirectiveLineCount, type FileKind } from './fileKinds';
import { LineIndex } from './lineIndex';

/** Comment pragma for formats that have comments: `# proxy-doctor ignore=DF001,DF002`. */
export const SUPPRESS_PRAGMA = 'proxy-doctor';

/** True for the kinds that can carry a suppression comment (the registry's `comments`, fileKinds.ts). */
export function canSuppressInline(kind: FileKind): boolean {
  return kindInfo(kind).comments !== null;
}

/** Comment leader for a pragma (`//` in a Jenkinsfile, `#` elsewhere); only called for kinds with comments. */
function commentLeader(kind: FileKind, text: string): string {
  return kindInfo(kind).comments?.leader(text) ?? '#';
}

const PRAGMA_LINE = /^(\s*(?:[#;]|\/\/)\s*proxy-doctor\s+(global\s+)?ignore=)([A-Za-z0-9_,\s*-]+?)(\s*)$/;

interface PragmaMatch { ids: string[]; idsStart: number; idsEnd: number; global: boolean }

function matchPragma(lineText: string): PragmaMatch | undefined {
  const m = PRAGMA_LINE.exec(lineText);
  if (!m) return undefined;
  return {
    ids: m[3].split(/[\s,]+/).filter(Boolean),
    idsStart: m[1].length,
    idsEnd: m[1].length + m[3].length,
    global: !!m[2],
  };
}

/** Adds `id` to an existing pragma's list, or returns undefined when it is already there. */
function extendPragma(lines: LineIndex, line: number, pragma: PragmaMatch, id: string): TextEdit | undefined {
  if (pragma.ids.includes(id) || pragma.ids.includes('*')) return undefined;
  const start = lines.lineStart(line);
  return { range: lines.range(start + pragma.idsEnd, start + pragma.idsEnd), newText: `,${id}` };
}

/**
 * Edit for "Disable <id> for this line": a pragma on its own line above `line` with the same indentation, or the id
 * added to a pragma that already sits right above. Undefined for JSON kinds or when the id is already suppressed.
 */
export function disableForLineEdit(text: string, kind: FileKind, ruleId: string, line: number): TextEdit | undefined {
  if (!kindInfo(kind).comments?.linePragmas) return undefined;
  const lines = new LineIndex(text);
  if (line < 0 || line >= lines.lineCount) return undefined;
  if (line > 0) {
    const above = matchPragma(lines.lineText(line - 1));
    if (above && !above.global) {
      if (above.ids.includes(ruleId) || above.ids.includes('*')) return undefined;
      return extendPragma(lines, line - 1, above, ruleId);
    }
  }
  let content = lines.lineText(line);
  let at = lines.lineStart(line);
  if (line === 0 && content.charCodeAt(0) === 0xfeff) {
    content = content.slice(1);
    at += 1;
  }
  const indent = /^[ \t]*/.exec(content)![0];
  const position = lines.positionAt(at);
  return { range: { start: position, end: position }, newText: `${indent}${commentLeader(kind, text)} ${SUPPRESS_PRAGMA} ignore=${ruleId}${lines.eol}` };
}

/**
 * Edit for "Disable <id> for this file": `# proxy-doctor global ignore=<id>` at the top, after a Dockerfile's parser
 * directives (they must stay first, and BuildKit allows each only once), or the id added to an existing global pragma.
 */
export function disableForFileEdit(text: string, kind: FileKind, ruleId: string): TextEdit | undefined {
  if (!canSuppressInline(kind)) return undefined;
  const lines = new LineIndex(text);
  for (let line = 0; line < lines.lineCount; line++) {
    const pragma = matchPragma(lines.lineText(line));
    if (pragma?.global) {
      if (pragma.ids.includes(ruleId) || pragma.ids.includes('*')) return undefined;
      return extendPragma(lines, line, pragma, ruleId);
    }
  }
  const pragmaText = `${commentLeader(kind, text)} ${SUPPRESS_PRAGMA} global ignore=${ruleId}`;
  // A Dockerfile's parser directives and a script's `#!` line must stay first.
  const directives = kindInfo(kind).comments?.headerLines(text) ?? 0;
  if (directives > 0) {
    if (directives < lines.lineCount) {
      const p = { line: directives, character: 0 };
      return { range: { start: p, end: p }, newText: pragmaText + lines.eol };
    }
    // The directives are the whole file and the last one has no line break: add one before the pragma.
    const end = lines.positionAt(lines.lineEnd(directives - 1));
    return { range: { start: end, end }, newText: lines.eol + pragmaText };
  }
  const at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const p = { line: 0, character: at };
  return { range: { start: p, end: p }, newText: pragmaText + lines.eol };
}

// Reading the pragmas, for lint findings (lint.ts) and for status findings that point at a file line
// (status/findingSettings.ts): one grammar, the one the edits above write.

/** The ids (or names) a file's pragmas suppress: for the whole file, and per line they apply to. */
export interface Suppressions { file: Set<string>; byLine: Map<number, Set<string>> }

/**
 * Reads every pragma of a file. A line pragma applies to the next line that is not a comment (a pragma may sit above
 * other comments); a global one to the whole file. JSON kinds have none (they cannot hold comments).
 */
export function readSuppressions(kind: FileKind, lines: LineIndex): Suppressions {
  const result: Suppressions = { file: new Set(), byLine: new Map() };
  // One substring search spares a regex per line on the (usual) file without pragmas.
  if (!canSuppressInline(kind) || !lines.text.includes(SUPPRESS_PRAGMA)) return result;
  for (let line = 0; line < lines.lineCount; line++) {
    const pragma = matchPragma(lines.lineText(line));
    if (!pragma) continue;
    if (pragma.global) pragma.ids.forEach((id) => result.file.add(id));
    else {
      let target = line + 1;
      while (target < lines.lineCount && /^\s*(?:[#;]|\/\/)/.test(lines.lineText(target))) target++;
      const set = result.byLine.get(target) ?? new Set<string>();
      pragma.ids.forEach((id) => set.add(id));
      result.byLine.set(target, set);
    }
  }
  return result;
}

/** True when a check (by id or name) is suppressed on `line` (0-based), or in the whole file when `line` is undefined. */
export function isSuppressed(s: Suppressions, check: { id: string; name: string }, line: number | undefined): boolean {
  const match = (set: Set<string> | undefined) => !!set && (set.has('*') || set.has(check.id) || set.has(check.name));
  return match(s.file) || (line !== undefined && match(s.byLine.get(line)));
}
