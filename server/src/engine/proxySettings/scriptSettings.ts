// Proxy values found in scripts and CI jobs: exported variables and CI `env:` maps (read by the docker CLI and
// buildx, Go programs), `--build-arg` and `docker run -e` values (read inside containers and RUN steps), and
// `env.*` driver options (read by buildkitd, a Go program, in the builder container).
import type { LineIndex } from '../lineIndex';
import type { Consumer, ProxySetting, Range } from '../findingTypes';
import { envVariableOf } from '../proxy/names';
import { contiguousOffset, type MappedText } from '../parse/mapped';
import type { ScriptUnit } from '../scripts/scriptUnit';
import { driverOptPairs, envKey } from '../scripts/driverOpts';

export function unitSettings(doc: { text: string; lines: LineIndex }, units: readonly ScriptUnit[]): ProxySetting[] {
  const result: ProxySetting[] = [];
  const seen = new Set<string>();
  const add = (name: string, value: string | undefined, mapped: MappedText | undefined, nameRange: Range, valueRange: Range | undefined, consumer: Consumer) => {
    const variable = envVariableOf(name);
    // `${{ vars.NO_PROXY }}`: a GitHub expression, unknown until the run (its blanks are not list separators).
    if (!variable || value === undefined || !mapped || !valueRange || value.includes('${{')) return;
    const key = `${valueRange.start.line}:${valueRange.start.character}`;
    if (seen.has(key)) return;
    seen.add(key);
    result.push({ variable, name, value, nameRange, valueRange, valueOffset: contiguousOffset(mapped, doc.text, 0, value.length), consumer });
  };
  for (const unit of units) {
    for (const e of unit.env) add(e.name, e.value, e.mapped, e.nameRange, e.valueRange, 'daemon');
    for (const a of unit.buildArgs) add(a.name, a.value, a.mapped, a.nameRange, a.valueRange, 'containers');
    for (const e of unit.containerEnv) add(e.name, e.value, e.mapped, e.nameRange, e.valueRange, 'containers');
    for (const create of unit.creates) {
      for (const opt of create.driverOpts) {
        for (const pair of driverOptPairs(opt).pairs) {
          const name = envKey(pair.key);
          if (!name) continue;
          const m = pair.mapped;
          const range = m.text.length ? doc.lines.range(m.offsets[0], m.offsets[m.text.length - 1] + 1) : doc.lines.range(m.offsets[0], m.offsets[0]);
          add(name, pair.value, m, opt.range, range, 'daemon');
        }
      }
    }
  }
  return result.sort((x, y) => x.valueRange.start.line - y.valueRange.start.line || x.valueRange.start.character - y.valueRange.start.character);
}
