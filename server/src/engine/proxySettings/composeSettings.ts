// Proxy values of a Compose file: `environment:` (read by the service's processes) and `build.args` (read by RUN
// steps), both consumed inside containers (facts §3 "Compose", §4).
import type { ComposeModel } from '../parse/compose';
import type { ProxySetting } from '../findingTypes';
import { envVariableOf } from '../proxy/names';
import { contiguousOffset } from '../parse/mapped';
import { isVerbatimScalar } from '../parse/yaml';

/** The part of a Compose document this reads (document.ts builds it; typed here so the two do not import each other). */
export interface ComposeText { text: string; compose: ComposeModel }

export function composeSettings(doc: ComposeText): ProxySetting[] {
  const result: ProxySetting[] = [];
  const seen = new Set<string>();
  for (const service of doc.compose.services) {
    for (const v of [...service.environment, ...(service.build?.args ?? [])]) {
      const variable = envVariableOf(v.name);
      if (!variable || v.value === undefined || !v.mapped || !v.valueRange) continue;
      // Anchored maps merged into several services are one setting, at the anchor.
      const key = `${v.valueRange.start.line}:${v.valueRange.start.character}`;
      if (seen.has(key)) continue;
      seen.add(key);
      result.push({
        variable,
        name: v.name,
        value: v.value,
        nameRange: v.nameRange,
        valueRange: v.valueRange,
        valueOffset: isVerbatimScalar(v.node) ? contiguousOffset(v.mapped, doc.text, 0, v.value.length) : undefined,
        consumer: 'containers',
      });
    }
  }
  return result;
}
