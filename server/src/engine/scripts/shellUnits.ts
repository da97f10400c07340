// A `shell`-kind file (script, Makefile, Jenkinsfile) as one script unit.
import type { LineIndex } from '../lineIndex';
import { envVariableOf } from '../proxy/names';
import { readScriptFile, type ScriptFile } from '../parse/scriptFile';
import { tokenizeShell } from '../parse/shell';
import { readScript } from './dockerCommands';
import { emptyUnit, type ScriptUnit } from './scriptUnit';

export function shellUnits(file: ScriptFile, lines: LineIndex, text: string): ScriptUnit[] {
  const unit = emptyUnit(file.flavor === 'make' ? 'the Makefile' : file.flavor === 'jenkins' ? 'the pipeline' : 'the script');
  for (const e of file.outerEnv) {
    if (!envVariableOf(e.name)) continue;
    const v = e.value;
    unit.env.push({
      name: e.name,
      value: v.text,
      mapped: v,
      nameRange: lines.range(e.nameStart, e.nameStart + e.name.length),
      valueRange: lines.range(v.offsets[0], v.offsets[v.text.length]),
      dynamic: /[$`]/.test(v.text),
    });
  }
  for (const script of file.scripts) readScript(tokenizeShell(script), lines, unit, script.text);
  return [unit];
}

export { readScriptFile };
