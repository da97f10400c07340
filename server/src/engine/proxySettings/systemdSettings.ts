// Proxy variables dockerd gets from a docker.service drop-in: the `[Service]` section's `Environment=` words.
// Only what dockerd (Go) really reads is a setting: HTTP_PROXY, HTTPS_PROXY, NO_PROXY and their lower-case forms
// (a lower-case one only when the upper-case one is unset or empty, since Go prefers upper case), the last
// assignment of each name, nothing before an empty `Environment=` (which resets the list). ALL_PROXY and FTP_PROXY
// are not read by Go; /etc/default/docker-style files and other sections are not read at all: the SV rules report
// those, the value rules do not run on them.
import type { ProxySetting } from '../findingTypes';
import { envVariableOf } from '../proxy/names';
import type { EnvAssignment } from '../parse/envAssignment';
import { unitFileFlavor, type UnitAssignment, type UnitFile } from '../parse/unitFile';

/** The part of a drop-in document this reads (document.ts builds it; typed here so the two do not import each other). */
export interface UnitText { path?: string; unit: UnitFile }

export interface ServiceWord {
  /** The `Environment=` line. */
  line: UnitAssignment;
  /** One of its words. */
  word: EnvAssignment;
}

/** Words of the `[Service]` section's `Environment=` lines that systemd keeps (after the last reset), in order. */
export function serviceEnvironment(doc: UnitText): ServiceWord[] {
  if (unitFileFlavor(doc.path, doc.unit) !== 'unit') return [];
  let result: ServiceWord[] = [];
  for (const line of doc.unit.assignments) {
    if (line.section !== 'Service' || !line.environment) continue;
    if (line.rawValue === '') { result = []; continue; }
    // A word systemd rejects for its quoting or escapes (SV015 reports it) still says clearly what was meant: keep
    // it, so the other rules judge that instead of reporting a missing variable.
    for (const word of line.environment) if (!word.invalid || word.recoverable) result.push({ line, word });
  }
  return result;
}

/** The assignments the writer meant: words, with several-in-one-quote words unpacked. */
export function meantAssignments(words: readonly ServiceWord[]): EnvAssignment[] {
  return words.flatMap(({ word }) => word.packed ?? [word]).filter((a) => !a.invalid || a.recoverable);
}

/** Go's choice for one variable: the upper-case name when non-empty, else the lower-case one. */
function goReads(byName: Map<string, EnvAssignment>, upper: string): EnvAssignment | undefined {
  const u = byName.get(upper);
  if (u && u.value !== '') return u;
  return byName.get(upper.toLowerCase()) ?? u;
}

export function systemdSettings(doc: UnitText): ProxySetting[] {
  const byName = new Map<string, EnvAssignment>();
  for (const a of meantAssignments(serviceEnvironment(doc))) byName.set(a.name, a);
  const result: ProxySetting[] = [];
  for (const upper of ['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY']) {
    const a = goReads(byName, upper);
    const variable = a && envVariableOf(a.name);
    if (!a || !variable) continue;
    result.push({
      variable,
      name: a.name,
      value: a.value,
      nameRange: a.nameRange,
      valueRange: a.valueRange,
      valueOffset: a.valueOffset,
      consumer: 'daemon',
    });
  }
  return result.sort((x, y) => x.nameRange.start.line - y.nameRange.start.line || x.nameRange.start.character - y.nameRange.start.character);
}
