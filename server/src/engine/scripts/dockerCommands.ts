// Reads the docker-related parts of a tokenized script into a ScriptUnit: proxy exports, `docker build`/`buildx
// build`/`compose build`, `docker buildx create --driver-opt`, `--build-arg`, `docker run -e`, dockerd's own
// proxy flags and the daemon proxy files a script writes (drop-in or daemon.json in a here-document).
//
// Commands are read with the script's own simple assignments applied, in text order: `DOCKER=docker; $DOCKER
// build`, `CMD=(docker buildx)`, `"${CMD[@]}" create`, `ARGS+=(--driver-opt …)`. A value the script does not show
// (set elsewhere, computed, or assigned in a way this reader does not follow) stays unknown: in front of a docker
// command it is taken for a wrapper (`$DRY docker …`, `${SUDO} docker …`), among its arguments it makes the
// command opaque, and rules that need all arguments stay silent.
import type { Range } from '../findingTypes';
import type { LineIndex } from '../lineIndex';
import { envVariableOf } from '../proxy/names';
import { kindFromLocation } from '../detect';
import { isScriptTargetKind } from '../fileKinds';
import { assignmentOf, type HereDoc, type ShellCommand, type ShellScript, type ShellWord } from '../parse/shell';
import type { MappedText } from '../parse/mapped';
import type { BuildArg, DriverOpt, EmbeddedFile, EnvVar, ScriptUnit } from './scriptUnit';

const PROXY_REF_RE = /\$\{?(?:https?_proxy|HTTPS?_PROXY)\b/;

function wordRange(lines: LineIndex, w: ShellWord): Range {
  return lines.range(w.start, w.end);
}

function valueMapped(w: ShellWord, from: number): MappedText {
  return { text: w.value.slice(from), offsets: w.offsets.slice(from) };
}

function spanRange(lines: LineIndex, w: ShellWord, from: number, to = w.value.length): Range {
  if (from >= to) return lines.range(w.offsets[from] ?? w.end, w.offsets[from] ?? w.end);
  return lines.range(w.offsets[from], w.offsets[to - 1] + 1);
}

/** `NAME=value` word as an EnvVar (value part mapped). */
function envVarOf(lines: LineIndex, w: ShellWord, name: string, valueStart: number): EnvVar {
  const value = w.value.slice(valueStart);
  return {
    name,
    value,
    mapped: valueMapped(w, valueStart),
    nameRange: spanRange(lines, w, 0, name.length),
    valueRange: spanRange(lines, w, valueStart),
    dynamic: /[$`]/.test(value),
  };
}

function baseName(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

/** Global `docker` options that take a value (`docker -H x build`). */
const DOCKER_VALUE_OPTIONS = new Set(['-H', '--host', '-c', '--context', '--config', '-l', '--log-level', '--tlscacert', '--tlscert', '--tlskey']);
/** `docker compose` options that take a value. */
const COMPOSE_VALUE_OPTIONS = new Set(['-f', '--file', '-p', '--project-name', '--project-directory', '--env-file', '--profile', '--ansi', '--progress', '--parallel']);

/** Skips options (and their values) from index i; returns the index of the first non-option word. */
function skipOptions(words: ShellWord[], i: number, valueOptions: ReadonlySet<string>): number {
  while (i < words.length && words[i].value.startsWith('-')) {
    const v = words[i].value;
    i += valueOptions.has(v) ? 2 : 1;
  }
  return i;
}

const PARENT_COMMANDS = new Set(['buildx', 'compose', 'image', 'builder', 'container']);

/** Wrappers that run the command that follows them. */
const WRAPPERS = new Set(['sudo', 'env', 'exec', 'time', 'nohup', 'command', 'xargs']);
const PROGRAMS = new Set(['docker', 'podman', 'dockerd', 'docker-compose', 'buildx', 'docker-buildx']);

// ---- The script's own variables --------------------------------------------------------------------------------

/** Words of a command after the script's variables were applied, with what could not be known. */
interface Resolved {
  words: ShellWord[];
  /** Words standing for values this script does not show. */
  unknown: Set<ShellWord>;
  /** For a word taken from an assignment elsewhere: the word of this command it replaced (for ranges). */
  site: Map<ShellWord, ShellWord>;
}

/** Values the script assigned so far: undefined when assigned but not knowable (`X=$(cmd)`). */
interface Vars {
  scalars: Map<string, ShellWord[] | undefined>;
  arrays: Map<string, ShellWord[] | undefined>;
  /** Names assigned (not appended to) more than once: likely in different branches, so not knowable in text order. */
  reassigned: Set<string>;
}

const WHOLE_EXPANSION = /^\$(?:([A-Za-z_][A-Za-z0-9_]*)|\{([A-Za-z_][A-Za-z0-9_]*)(?:\[[@*]\])?\})$/;
const MAX_EXPANDED_WORDS = 200;

/** A word holding part of another word's value (one field of an unquoted scalar). */
function subWord(w: ShellWord, from: number, to: number): ShellWord {
  return { value: w.value.slice(from, to), offsets: w.offsets.slice(from, to + 1), start: w.offsets[from], end: w.offsets[to - 1] + 1, quoted: false, expansion: false, style: 'plain' };
}

/** `NAME=value` as the words it expands to: one word when quoted where used, else split at blanks. */
function scalarWords(w: ShellWord, valueStart: number): ShellWord[] | undefined {
  const value = w.value.slice(valueStart);
  if (/[$`]/.test(value)) return undefined;
  const out: ShellWord[] = [];
  const re = /\S+/g;
  for (let m = re.exec(value); m; m = re.exec(value)) out.push(subWord(w, valueStart + m.index, valueStart + m.index + m[0].length));
  return out;
}

function resolveWords(cmd: ShellCommand, vars: Vars): Resolved {
  const r: Resolved = { words: [], unknown: new Set(), site: new Map() };
  for (const w of cmd.words) {
    const m = w.expansion ? WHOLE_EXPANSION.exec(w.value) : null;
    if (!m) { r.words.push(w); continue; }
    const name = m[1] ?? m[2];
    const array = vars.arrays.get(name);
    const scalar = vars.scalars.get(name);
    let values: ShellWord[] | undefined;
    if (vars.arrays.has(name)) values = array;
    else if (vars.scalars.has(name)) {
      // "$X" stays one word even when the value has blanks
      values = scalar && w.style === 'double' && scalar.length > 1 ? [{ ...scalar[0], value: scalar.map((s) => s.value).join(' ') }] : scalar;
    }
    if (!values || r.words.length + values.length > MAX_EXPANDED_WORDS) {
      r.words.push(w);
      r.unknown.add(w);
      continue;
    }
    for (const v of values) {
      r.words.push(v);
      r.site.set(v, w);
    }
  }
  return r;
}

/** Records `X=…`, `X=(…)`, `X+=(…)` (also after export/declare/local/readonly/typeset). */
function assign(cmd: ShellCommand, vars: Vars): void {
  let ws = cmd.words;
  if (ws.length && /^(export|declare|typeset|local|readonly)$/.test(ws[0].value)) ws = ws.slice(1).filter((w) => !w.value.startsWith('-'));
  else if (ws.some((w) => !assignmentOf(w) && !/^[A-Za-z_][A-Za-z0-9_]*\+=/.test(w.value))) return;
  for (const w of ws) {
    const eq = w.value.indexOf('=');
    if (eq <= 0) continue;
    const append = w.value[eq - 1] === '+';
    const name = w.value.slice(0, append ? eq - 1 : eq);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) continue;
    // `if …; then X=a; else X=b; fi`: this reader does not follow branches, so a second assignment makes X unknown
    const again = !append && (vars.scalars.has(name) || vars.arrays.has(name) || vars.reassigned.has(name));
    if (again) {
      vars.reassigned.add(name);
      vars.scalars.set(name, undefined);
      vars.arrays.delete(name);
      continue;
    }
    if (w.array) {
      const before = vars.arrays.get(name);
      // bounded: a script appending in a loop of thousands of lines is not worth following (and stays linear)
      if (append && vars.arrays.has(name)) vars.arrays.set(name, before && before.length + w.array.length <= MAX_EXPANDED_WORDS ? [...before, ...w.array] : undefined);
      else vars.arrays.set(name, [...w.array]);
      vars.scalars.delete(name);
    } else if (append) {
      // `X+=word`: appends to the first element of an array, or to a string; either way not followed here
      if (vars.arrays.has(name)) vars.arrays.set(name, undefined);
      else vars.scalars.set(name, undefined);
    } else {
      vars.scalars.set(name, scalarWords(w, eq + 1));
      vars.arrays.delete(name);
    }
  }
}

interface Prepared {
  prefix: { word: ShellWord; name: string; valueStart: number }[];
  words: ShellWord[];
}

/** Splits leading `NAME=value` words and wrappers (`sudo -E`, `env X=y`, an unknown `$DRY`) off a command. */
function prepare(ws: ShellWord[], unknown: ReadonlySet<ShellWord>): Prepared {
  const prefix: Prepared['prefix'] = [];
  let i = 0;
  for (let guard = 0; guard < 8 && i < ws.length; guard++) {
    while (i < ws.length) {
      const a = assignmentOf(ws[i]);
      if (!a) break;
      prefix.push({ word: ws[i], name: a.name, valueStart: a.valueStart });
      i++;
    }
    if (i < ws.length && WRAPPERS.has(ws[i].value)) {
      i++;
      while (i < ws.length && ws[i].value.startsWith('-')) i++;
      continue;
    }
    // `$DRY docker …`, `${SUDO} docker …`: a value this script does not show, in front of a docker command
    if (i + 1 < ws.length && unknown.has(ws[i]) && (PROGRAMS.has(baseName(ws[i + 1].value)) || WRAPPERS.has(ws[i + 1].value))) {
      i++;
      continue;
    }
    break;
  }
  return { prefix, words: ws.slice(i) };
}

/** Value of `--opt value` / `--opt=value` at index i, with the word and the value's start in it. */
function optionValue(words: ShellWord[], i: number, names: readonly string[]): { word: ShellWord; start: number; next: number } | undefined {
  const v = words[i].value;
  for (const name of names) {
    if (v === name && i + 1 < words.length) return { word: words[i + 1], start: 0, next: i + 2 };
    if (name.startsWith('--') && v.startsWith(name + '=')) return { word: words[i], start: name.length + 1, next: i + 1 };
    if (!name.startsWith('--') && v.startsWith(name) && v.length > name.length) return { word: words[i], start: name.length, next: i + 1 };
  }
  return undefined;
}

function buildArgOf(lines: LineIndex, word: ShellWord, start: number): BuildArg | undefined {
  const text = word.value.slice(start);
  const eq = text.indexOf('=');
  const name = eq < 0 ? text : text.slice(0, eq);
  if (!envVariableOf(name)) return undefined;
  const valueStart = start + eq + 1;
  const value = eq < 0 ? undefined : word.value.slice(valueStart);
  return {
    name,
    value,
    mapped: value === undefined ? undefined : valueMapped(word, valueStart),
    range: wordRange(lines, word),
    nameRange: spanRange(lines, word, start, start + name.length),
    valueRange: value === undefined ? undefined : spanRange(lines, word, valueStart),
    dynamic: value !== undefined && /[$`]/.test(value),
    origin: 'command-line',
  };
}

function isLiteralProxy(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== '' && !/[$`]/.test(value);
}

/** Adds what a script does to the unit. `lines` maps document offsets to positions. */
export function readScript(script: ShellScript, lines: LineIndex, unit: ScriptUnit, docText: string): void {
  const vars: Vars = { scalars: new Map(), arrays: new Map(), reassigned: new Set() };
  for (const cmd of script.commands) {
    const resolved = resolveWords(cmd, vars);
    readCommand(resolved, lines, unit);
    assign(cmd, vars);
  }
  for (const cmd of script.commands) for (const w of cmd.words) if (w.expansion && PROXY_REF_RE.test(w.value)) unit.readsProxyVariable = true;
  for (const hd of script.hereDocs) {
    readHereDoc(hd.body, lines, unit);
    const target = hereDocTarget(hd, script.commands);
    const kind = target === undefined ? undefined : kindFromLocation(target.replace(/^(?:~|\$\{?HOME\}?)(?=\/)/, '/home/user'));
    if (target !== undefined && kind !== undefined && isScriptTargetKind(kind)) {
      unit.embedded.push({ kind, path: target, body: hd.body, expands: !hd.literal });
    }
  }
  if (/\bBUILDKIT_NO_CLIENT_TOKEN\s*=\s*["']?(1|true)\b/i.test(docText)) unit.noClientToken = true;
}

/** The file a here-document is written to: `cat > F <<EOF`, `tee F <<EOF`, `cat <<EOF | sudo tee F`. */
function hereDocTarget(hd: HereDoc, commands: readonly ShellCommand[]): string | undefined {
  let cmd = hd.command;
  for (let hop = 0; cmd && hop < 3; hop++) {
    const out = cmd.redirects?.find((r) => r.op === '>' || r.op === '>>' || r.op === '>|');
    if (out) return out.target.value;
    const { words } = prepare(cmd.words, new Set());
    if (words.length && baseName(words[0].value) === 'tee') return words.slice(1).find((w) => !w.value.startsWith('-'))?.value;
    if (!cmd.pipe) return undefined;
    cmd = commands[commands.indexOf(cmd) + 1];
  }
  return undefined;
}

/** Daemon proxy files written by a script (`cat <<EOF > …/http-proxy.conf`, a daemon.json with "proxies"). */
function readHereDoc(body: MappedText, lines: LineIndex, unit: ScriptUnit): void {
  const re = /(?:Environment\s*=\s*["']?\s*(HTTPS?_PROXY)\s*=|"(https?)-proxy"\s*:)/gi;
  for (const m of body.text.matchAll(re)) {
    const variable = (m[1] ?? m[2]).toLowerCase().startsWith('https') ? 'https' : 'http';
    const s = body.offsets[m.index!];
    unit.elsewhere.push({ range: lines.range(s, s + m[0].length), where: 'dockerd', variable, literal: true });
  }
}

function readCommand(resolved: Resolved, lines: LineIndex, unit: ScriptUnit): void {
  const { prefix, words } = prepare(resolved.words, resolved.unknown);
  // ranges stay inside the command even when its first words came from an assignment elsewhere
  const at = (w: ShellWord) => resolved.site.get(w) ?? w;
  const prefixEnv = prefix.filter((p) => envVariableOf(p.name) || p.name === 'DOCKER_BUILDKIT').map((p) => envVarOf(lines, p.word, p.name, p.valueStart));
  if (words.length === 0) {
    // Plain assignments: `HTTPS_PROXY=…` (exported later or not; either way the script means its own shell).
    for (const e of prefixEnv) if (envVariableOf(e.name)) unit.env.push(e);
    return;
  }
  const program = baseName(words[0].value);
  if (program === 'export' || program === 'declare' || program === 'typeset' || program === 'setenv') {
    for (const w of words.slice(1)) {
      if (w.value.startsWith('-')) continue;
      const a = assignmentOf(w);
      if (a && envVariableOf(a.name)) unit.env.push(envVarOf(lines, w, a.name, a.valueStart));
      else if (!a && envVariableOf(w.value)) unit.env.push({ name: w.value, nameRange: wordRange(lines, w), dynamic: true });
    }
    return;
  }
  if (program === 'dockerd') {
    for (let i = 1; i < words.length; i++) {
      const o = optionValue(words, i, ['--http-proxy', '--https-proxy']);
      if (!o) continue;
      const variable = words[i].value.startsWith('--https') ? 'https' : 'http';
      unit.elsewhere.push({ range: wordRange(lines, words[i]), where: 'dockerd', variable, literal: isLiteralProxy(o.word.value.slice(o.start)) });
    }
    return;
  }
  let i: number;
  let sub: string[];
  if (program === 'docker' || program === 'podman') {
    i = skipOptions(words, 1, DOCKER_VALUE_OPTIONS);
    sub = [];
    for (let k = i; k < words.length && sub.length < 2; k++) {
      if (words[k].value.startsWith('-')) { if (sub[0] === 'compose') k += COMPOSE_VALUE_OPTIONS.has(words[k].value) ? 1 : 0; continue; }
      // Only management commands have a second word (`docker buildx build`, `docker image build`).
      if (sub.length === 1 && !PARENT_COMMANDS.has(sub[0])) break;
      sub.push(words[k].value);
      i = k + 1;
    }
  } else if (program === 'docker-compose') {
    const k = skipOptions(words, 1, COMPOSE_VALUE_OPTIONS);
    sub = ['compose', words[k]?.value ?? ''];
    i = k + 1;
  } else if (program === 'buildx' || program === 'docker-buildx') {
    const k = skipOptions(words, 1, DOCKER_VALUE_OPTIONS);
    sub = ['buildx', words[k]?.value ?? ''];
    i = k + 1;
  } else return;
  const legacy = prefixEnv.some((e) => e.name === 'DOCKER_BUILDKIT' && e.value === '0');
  const stepEnv = prefixEnv.filter((e) => envVariableOf(e.name));
  const [a, b] = sub;
  const rest = words.slice(i);
  const anchor = lines.range(at(words[0]).start, Math.max(at(words[0]).end, at(words[Math.min(i, words.length) - 1]).end));
  const hostNetwork = rest.some((w, k) => w.value === '--network=host' || (w.value === '--network' && rest[k + 1]?.value === 'host'));
  const isBuild =
    (a === 'build' || (a === 'image' && b === 'build') || (a === 'builder' && b === 'build') ||
      (a === 'buildx' && (b === 'build' || b === 'b' || b === 'bake')) || (a === 'compose' && b === 'build') ||
      (a === 'compose' && (b === 'up' || b === 'run' || b === 'create') && rest.some((w) => w.value === '--build')));
  if (isBuild) {
    const what = a === 'compose' ? `docker compose ${b}` : a === 'buildx' ? `docker buildx ${b}` : 'docker build';
    unit.builds.push({ what, range: anchor, legacy: legacy || (a === 'build' && program === 'podman'), stepEnv });
    for (let k = 0; k < rest.length; k++) {
      const o = optionValue(rest, k, ['--build-arg']);
      if (!o) continue;
      const arg = buildArgOf(lines, o.word, o.start);
      if (arg) {
        if (hostNetwork) arg.hostNetwork = true;
        unit.buildArgs.push(arg);
        const v = envVariableOf(arg.name);
        if (v === 'http' || v === 'https') unit.elsewhere.push({ range: arg.range, where: 'build arguments', variable: v, literal: isLiteralProxy(arg.value) });
      }
      k = o.next - 1;
    }
    return;
  }
  if (a === 'buildx' && b === 'create') {
    let driver = 'docker-container';
    const opts: DriverOpt[] = [];
    for (let k = 0; k < rest.length; k++) {
      const d = optionValue(rest, k, ['--driver']);
      if (d) { driver = d.word.value.slice(d.start); k = d.next - 1; continue; }
      const o = optionValue(rest, k, ['--driver-opt']);
      if (!o) continue;
      const mapped = valueMapped(o.word, o.start);
      opts.push({ text: mapped.text, mapped, range: spanRange(lines, o.word, o.start), dynamic: /[$`]/.test(mapped.text), word: o.word, origin: 'command-line' });
      k = o.next - 1;
    }
    unit.creates.push({ driver, driverOpts: opts, range: anchor, origin: 'command-line', opaque: rest.some((w) => resolved.unknown.has(w)) });
    for (const o of opts) {
      const env = /^"?env\.(https?_proxy)=/i.exec(o.text);
      if (env) unit.elsewhere.push({ range: o.range, where: `the ${driver} builder`, variable: env[1].toLowerCase() === 'https_proxy' ? 'https' : 'http', literal: isLiteralProxy(o.text.slice(env[0].length)) });
    }
    return;
  }
  if (a === 'run' || a === 'create' || (a === 'container' && (b === 'run' || b === 'create')) || (a === 'compose' && (b === 'run' || b === 'up'))) {
    for (let k = 0; k < rest.length; k++) {
      const o = optionValue(rest, k, ['-e', '--env']);
      if (!o) continue;
      k = o.next - 1;
      const text = o.word.value.slice(o.start);
      const eq = text.indexOf('=');
      const name = eq < 0 ? text : text.slice(0, eq);
      const v = envVariableOf(name);
      if (!v || eq < 0) continue;
      const e = envVarOf(lines, o.word, name, o.start + eq + 1);
      e.nameRange = spanRange(lines, o.word, o.start, o.start + name.length);
      unit.containerEnv.push(e);
      if (v === 'http' || v === 'https') unit.elsewhere.push({ range: wordRange(lines, o.word), where: 'containers', variable: v, literal: isLiteralProxy(e.value) });
    }
  }
}
