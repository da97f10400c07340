// Proxy values a Dockerfile sets itself: `ENV http_proxy=...` and `ARG HTTPS_PROXY=<default>` (any stage, and global
// ARGs before the first FROM). RUN-line assignments are not settings: the DF rules read those from the RUN text.
import type { LineIndex } from '../lineIndex';
import type { ProxySetting } from '../findingTypes';
import { envVariableOf, mayNameProxyVariable } from '../proxy/names';
import { assignmentsOf, type Dockerfile } from '../parse/dockerfile';

/** The part of a Dockerfile document this reads (document.ts builds it; typed here so the two do not import each other). */
export interface DockerfileText { text: string; lines: LineIndex; dockerfile: Dockerfile }

export function dockerfileSettings(doc: DockerfileText): ProxySetting[] {
  const result: ProxySetting[] = [];
  const escape = doc.dockerfile.getEscapeCharacter();
  for (const instruction of doc.dockerfile.getInstructions()) {
    const keyword = instruction.getKeyword();
    if (keyword !== 'ENV' && keyword !== 'ARG') continue;
    const range = instruction.getRange();
    if (!mayNameProxyVariable(doc.text.slice(doc.lines.offsetAt(range.start), doc.lines.offsetAt(range.end)))) continue;
    for (const a of assignmentsOf(instruction, doc.text, doc.lines, escape)) {
      const variable = envVariableOf(a.name);
      if (!variable || a.value === undefined || !a.valueRange) continue;
      result.push({
        variable,
        name: a.name,
        value: a.value,
        nameRange: a.nameRange,
        valueRange: a.valueRange,
        valueOffset: a.valueOffset,
        consumer: 'containers',
      });
    }
  }
  return result;
}
