// Helpers shared by the systemd drop-in rules (SV*): which words set proxy variables, and edits that add lines.
import type { ParsedDocument, SystemdDocument } from '../../document';
import type { TextEdit } from '../../findingTypes';
import { envVariableOf } from '../../proxy/names';
import type { EnvAssignment } from '../../parse/envAssignment';
import { unitFileFlavor, type UnitAssignment } from '../../parse/unitFile';
import { meantAssignments, serviceEnvironment, type ServiceWord } from '../../proxySettings/systemdSettings';

export { meantAssignments, serviceEnvironment, type ServiceWord };

export function isUnitDoc(doc: ParsedDocument): doc is SystemdDocument {
  return doc.kind === 'systemd-dropin' && unitFileFlavor(doc.path, doc.unit) === 'unit';
}

export function isShellDoc(doc: ParsedDocument): boolean {
  return doc.kind === 'systemd-dropin' && unitFileFlavor(doc.path, doc.unit) === 'shell';
}


/** Whether a word sets a proxy variable, itself or in one of the assignments packed into it. */
export function setsProxy(word: EnvAssignment): boolean {
  return (word.packed ?? [word]).some((a) => envVariableOf(a.name) !== undefined);
}

/** The assignments (as meant) of the `[Service]` environment that set proxy variables, by lower-case variable name. */
export function proxyAssignments(doc: SystemdDocument): Map<string, EnvAssignment[]> {
  const result = new Map<string, EnvAssignment[]>();
  for (const a of meantAssignments(serviceEnvironment(doc))) {
    if (!envVariableOf(a.name)) continue;
    const key = a.name.toLowerCase();
    const list = result.get(key);
    if (list) list.push(a);
    else result.set(key, [a]);
  }
  return result;
}

/** The effective (last) non-empty assignment of a variable in either case, preferring upper case as Go does. */
export function effective(map: Map<string, EnvAssignment[]>, lowerName: string): EnvAssignment | undefined {
  const all = map.get(lowerName) ?? [];
  const last = (pred: (a: EnvAssignment) => boolean) => [...all].reverse().find(pred);
  const upper = last((a) => a.name === lowerName.toUpperCase());
  if (upper && upper.value.trim() !== '') return upper;
  const lower = last((a) => a.name === lowerName);
  return lower && lower.value.trim() !== '' ? lower : undefined;
}

/** An edit inserting whole lines after an assignment (after its continuation lines), in the file's line break. */
export function insertLinesAfter(doc: SystemdDocument, line: UnitAssignment, newLines: readonly string[]): TextEdit {
  const at = doc.lines.lineEnd(line.endLine);
  const pos = doc.lines.positionAt(at);
  const eol = doc.lines.eol;
  return { range: { start: pos, end: pos }, newText: newLines.map((l) => eol + l).join('') };
}

/** The `Environment=` line (with continuations) that holds a word. */
export function lineOfWord(doc: SystemdDocument, word: EnvAssignment): UnitAssignment | undefined {
  return doc.unit.assignments.find((a) => a.environment?.some((w) => w === word || w.packed?.includes(word)));
}

/**
 * The document text of an assignment's value as written (escapes, `%%` and all), when it can be copied into a new
 * double-quoted word unchanged: on one line, and without quote characters.
 */
export function writtenValue(doc: SystemdDocument, a: EnvAssignment): string | undefined {
  const start = doc.lines.offsetAt(a.valueRange.start);
  const end = doc.lines.offsetAt(a.valueRange.end);
  const text = doc.text.slice(start, end);
  return /[\r\n"']/.test(text) ? undefined : text;
}

/** A new `Environment=` line for `NAME=<value as written>`, quoted the way the docs show it. */
export function environmentLine(name: string, writtenValue: string): string {
  return `Environment="${name}=${writtenValue}"`;
}

/** `HTTP_PROXY=…` / `export HTTP_PROXY=…` lines in a drop-in: not settings (SV012 reports them), but what was meant. */
export const SHELL_KEY = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)$/;

/** Lower-case proxy variable names that shell-style lines in [Service] meant to set with a non-empty value. */
export function shellStyleProxyNames(doc: SystemdDocument): Set<string> {
  const result = new Set<string>();
  for (const a of doc.unit.assignments) {
    const m = a.section === 'Service' ? SHELL_KEY.exec(a.key) : null;
    if (m && envVariableOf(m[1]) && a.rawValue.replace(/["']/g, '').trim() !== '') result.add(m[1].toLowerCase());
  }
  return result;
}
