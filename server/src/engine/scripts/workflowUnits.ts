// CI workflows as script units, one per job: GitHub Actions (`jobs.<id>.steps[].run`, `env:` at workflow, job and
// step level, `docker/setup-buildx-action`, `docker/build-push-action` and `docker/bake-action` inputs) and GitLab CI
// (`variables:`, `before_script`/`script`/`after_script`, `default:`).
//
// How the actions read their inputs (docker/setup-buildx-action src/context.ts and docker/actions-toolkit
// src/util.ts `Util.getList`): `driver-opts` is read with `{ignoreComma: true, quote: false}`, so each line reaches
// `docker buildx create --driver-opt` as written, trimmed, quotes included; buildx then parses it as CSV.
// `build-args` is read with `{ignoreComma: true}` and CSV quotes, so each line is one `--build-arg`.
import { emptyUnit, type BuildArg, type DriverOpt, type EnvVar, type ScriptUnit } from './scriptUnit';
import { readScript } from './dockerCommands';
import type { LineIndex } from '../lineIndex';
import { envVariableOf } from '../proxy/names';
import { subMapped, type MappedText } from '../parse/mapped';
import { tokenizeShell } from '../parse/shell';
import { getPair, getValue, isMap, mapPairs, mappedScalar, nodeSpan, scalarString, seqItems, type Node, type YamlModel } from '../parse/yaml';

export type WorkflowFlavor = 'github' | 'gitlab';

export function workflowFlavor(path: string | undefined, model: YamlModel): WorkflowFlavor {
  const p = (path ?? '').replace(/\\/g, '/');
  if (/gitlab-ci\.ya?ml$/i.test(p)) return 'gitlab';
  if (/\.github\/workflows\//.test(p)) return 'github';
  return getValue(model, model.doc.contents, 'jobs') ? 'github' : 'gitlab';
}

function envOfMap(model: YamlModel, lines: LineIndex, text: string, node: unknown): EnvVar[] {
  const result: EnvVar[] = [];
  for (const { key, pair } of mapPairs(model, node)) {
    if (!envVariableOf(key) && key !== 'BUILDKIT_NO_CLIENT_TOKEN') continue;
    const span = nodeSpan(pair.key as Node);
    if (!span) continue;
    let valueNode: unknown = pair.value;
    // GitLab: `NAME: {value: …, description: …}`.
    if (isMap(valueNode)) valueNode = getValue(model, valueNode, 'value');
    const value = scalarString(valueNode);
    const mapped = value === undefined ? undefined : mappedScalar(valueNode, text);
    const vspan = nodeSpan(valueNode as Node);
    result.push({
      name: key,
      value,
      mapped,
      nameRange: lines.range(span[0], span[1]),
      valueRange: vspan ? lines.range(vspan[0], vspan[1]) : undefined,
      dynamic: value === undefined || /\$/.test(value),
    });
  }
  return result;
}

/** Non-empty lines of a multi-line input, each mapped. */
function inputLines(m: MappedText): MappedText[] {
  const result: MappedText[] = [];
  let start = 0;
  for (let i = 0; i <= m.text.length; i++) {
    if (i < m.text.length && m.text[i] !== '\n') continue;
    let s = start;
    let e = i;
    while (s < e && /\s/.test(m.text[s])) s++;
    while (e > s && /\s/.test(m.text[e - 1])) e--;
    if (e > s) result.push(subMapped(m, s, e));
    start = i + 1;
  }
  return result;
}

function addScript(unit: ScriptUnit, lines: LineIndex, text: string, node: unknown): void {
  const mapped = mappedScalar(node, text);
  if (mapped) readScript(tokenizeShell(mapped), lines, unit, mapped.text);
}

function mappedRange(lines: LineIndex, m: MappedText) {
  return lines.range(m.offsets[0], m.offsets[m.text.length - 1] + 1);
}

function readActionStep(model: YamlModel, lines: LineIndex, text: string, step: Node, uses: string, unit: ScriptUnit, stepEnv: EnvVar[]): void {
  const usesPair = getPair(model, step, 'uses');
  const usesSpan = nodeSpan(usesPair?.value as Node) ?? nodeSpan(step)!;
  const anchor = lines.range(usesSpan[0], usesSpan[1]);
  const withNode = getValue(model, step, 'with');
  const action = uses.toLowerCase().split('@')[0];
  if (action === 'docker/setup-buildx-action') {
    const driver = scalarString(getValue(model, withNode, 'driver')) ?? 'docker-container';
    const optsNode = getValue(model, withNode, 'driver-opts');
    const mapped = mappedScalar(optsNode, text);
    const opts: DriverOpt[] = [];
    const items = mapped ? inputLines(mapped) : seqItems(model, optsNode).map((i) => mappedScalar(i, text)).filter((m): m is MappedText => !!m);
    for (const line of items) {
      opts.push({ text: line.text, mapped: line, range: mappedRange(lines, line), dynamic: /\$\{\{|\$/.test(line.text), origin: 'action' });
      const env = /^"?env\.(https?_proxy)=/i.exec(line.text);
      if (env) unit.elsewhere.push({ range: mappedRange(lines, line), where: 'the docker-container builder', variable: env[1].toLowerCase() === 'https_proxy' ? 'https' : 'http', literal: !/\$/.test(line.text) });
    }
    unit.creates.push({ driver, driverOpts: opts, range: anchor, origin: 'action' });
    return;
  }
  if (action === 'docker/build-push-action' || action === 'docker/bake-action') {
    unit.builds.push({ what: action, range: anchor, legacy: false, stepEnv });
    const argsNode = getValue(model, withNode, 'build-args');
    const mapped = mappedScalar(argsNode, text);
    if (!mapped) return;
    for (const line of inputLines(mapped)) {
      // A line in CSV quotes reaches buildx without them.
      const unq = line.text.startsWith('"') && line.text.endsWith('"') && line.text.length > 1 ? subMapped(line, 1, line.text.length - 1) : line;
      const eq = unq.text.indexOf('=');
      const name = eq < 0 ? unq.text : unq.text.slice(0, eq);
      const variable = envVariableOf(name);
      if (!variable) continue;
      const vm = eq < 0 ? undefined : subMapped(unq, eq + 1, unq.text.length);
      const arg: BuildArg = {
        name,
        value: vm?.text,
        mapped: vm,
        range: mappedRange(lines, line),
        nameRange: lines.range(unq.offsets[0], unq.offsets[0] + name.length),
        valueRange: vm && vm.text.length ? mappedRange(lines, vm) : undefined,
        dynamic: !!vm && /\$/.test(vm.text),
        origin: 'action',
      };
      unit.buildArgs.push(arg);
      if (variable === 'http' || variable === 'https') unit.elsewhere.push({ range: arg.range, where: 'build arguments', variable, literal: !!vm && vm.text.trim() !== '' && !arg.dynamic });
    }
  }
}

function githubUnits(model: YamlModel, lines: LineIndex, text: string): ScriptUnit[] {
  const root = model.doc.contents;
  const workflowEnv = envOfMap(model, lines, text, getValue(model, root, 'env'));
  const units: ScriptUnit[] = [];
  for (const { key, pair } of mapPairs(model, getValue(model, root, 'jobs'))) {
    const job = getValue(model, pair.value, 'steps') ? pair.value : undefined;
    const unit = emptyUnit(`job "${key}"`);
    unit.env.push(...workflowEnv, ...envOfMap(model, lines, text, getValue(model, job, 'env')));
    for (const step of seqItems(model, getValue(model, job, 'steps'))) {
      const stepEnv = envOfMap(model, lines, text, getValue(model, step, 'env'));
      unit.env.push(...stepEnv);
      const uses = scalarString(getValue(model, step, 'uses'));
      if (uses) readActionStep(model, lines, text, step, uses, unit, stepEnv);
      const run = getValue(model, step, 'run');
      // Steps in PowerShell, cmd or Python are not shell scripts (the job's `defaults.run.shell` is not followed).
      const shell = scalarString(getValue(model, step, 'shell')) ?? '';
      if (run && !/^(?:pwsh|powershell|cmd|python)\b/.test(shell)) {
        const before = unit.builds.length;
        addScript(unit, lines, text, run);
        for (const b of unit.builds.slice(before)) b.stepEnv.push(...stepEnv);
      }
    }
    if (unit.env.some((e) => e.name === 'BUILDKIT_NO_CLIENT_TOKEN')) unit.noClientToken = true;
    unit.env = unit.env.filter((e) => envVariableOf(e.name));
    units.push(unit);
  }
  // The workflow's own env is linted once even when no job uses it (settings are deduplicated by position).
  if (workflowEnv.length) units.push({ ...emptyUnit('the workflow'), env: workflowEnv.filter((e) => envVariableOf(e.name)) });
  return units;
}

const GITLAB_RESERVED = new Set(['stages', 'variables', 'default', 'include', 'workflow', 'image', 'services', 'cache', 'before_script', 'after_script', 'pages']);

function gitlabUnits(model: YamlModel, lines: LineIndex, text: string): ScriptUnit[] {
  const root = model.doc.contents;
  const globalEnv = envOfMap(model, lines, text, getValue(model, root, 'variables'));
  const defaults = getValue(model, root, 'default');
  const units: ScriptUnit[] = [];
  const scriptsOf = (unit: ScriptUnit, node: unknown) => {
    for (const key of ['before_script', 'script', 'after_script']) {
      const s = getValue(model, node, key);
      if (!s) continue;
      const items = seqItems(model, s);
      if (items.length === 0) addScript(unit, lines, text, s);
      for (const item of items) {
        const nested = seqItems(model, item);
        if (nested.length) nested.forEach((n) => addScript(unit, lines, text, n));
        else addScript(unit, lines, text, item);
      }
    }
  };
  const shared = emptyUnit('default');
  shared.env.push(...globalEnv.filter((e) => envVariableOf(e.name)));
  scriptsOf(shared, defaults);
  scriptsOf(shared, root);
  for (const { key, pair } of mapPairs(model, root)) {
    if (GITLAB_RESERVED.has(key) || !isMap(pair.value) && !getValue(model, pair.value, 'script')) continue;
    if (!getValue(model, pair.value, 'script') && !getValue(model, pair.value, 'extends')) continue;
    const unit = emptyUnit(`job "${key}"`);
    unit.env.push(...globalEnv, ...envOfMap(model, lines, text, getValue(model, pair.value, 'variables')));
    scriptsOf(unit, pair.value);
    if (unit.env.some((e) => e.name === 'BUILDKIT_NO_CLIENT_TOKEN')) unit.noClientToken = true;
    unit.env = unit.env.filter((e) => envVariableOf(e.name));
    units.push(unit);
  }
  if (shared.builds.length || shared.creates.length || shared.env.length || shared.buildArgs.length) units.push(shared);
  return units;
}

export function readWorkflow(model: YamlModel, lines: LineIndex, text: string, path: string | undefined): ScriptUnit[] {
  return workflowFlavor(path, model) === 'github' ? githubUnits(model, lines, text) : gitlabUnits(model, lines, text);
}
