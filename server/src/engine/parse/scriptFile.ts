// The shell scripts inside a `shell`-kind file: the whole file for `*.sh`, the recipe lines of a Makefile, the
// `sh` step strings of a Jenkinsfile; plus the proxy variables the file exports to them outside the shell code
// (Makefile `export NAME = value`, Jenkinsfile `environment { NAME = '…' }`).
import { sliceOf, type MappedText } from './mapped';

export type ScriptFlavor = 'sh' | 'make' | 'jenkins';

export interface OuterEnv {
  name: string;
  value: MappedText;
  nameStart: number;
}

export interface ScriptFile {
  flavor: ScriptFlavor;
  scripts: MappedText[];
  outerEnv: OuterEnv[];
}

const PROXY_NAME = '(?:[Hh][Tt][Tt][Pp][Ss]?|[Nn][Oo]|[Aa][Ll][Ll]|[Ff][Tt][Pp])_[Pp][Rr][Oo][Xx][Yy]';

export function scriptFlavor(path: string | undefined, text: string): ScriptFlavor {
  const base = (path ?? '').replace(/\\/g, '/').split('/').pop() ?? '';
  if (/^(?:GNUmakefile|[Mm]akefile)$|\.mk$/.test(base)) return 'make';
  if (/^Jenkinsfile|\.(?:jenkinsfile|groovy)$/i.test(base)) return 'jenkins';
  if (!/^#!/.test(text) && /^\s*(?:pipeline|node)\s*(?:\(|\{)/m.test(text) && /\bsh\s*(?:\(|['"])/.test(text)) return 'jenkins';
  return 'sh';
}

export function readScriptFile(text: string, path: string | undefined): ScriptFile {
  const flavor = scriptFlavor(path, text);
  if (flavor === 'make') return readMakefile(text);
  if (flavor === 'jenkins') return readJenkinsfile(text);
  return { flavor, scripts: [sliceOf(text, 0, text.length)], outerEnv: [] };
}

/** Recipe lines (tab-indented) as one script; `$$` is the shell's `$`, the `@`, `-`, `+` prefixes are dropped. */
function readMakefile(text: string): ScriptFile {
  let out = '';
  const offsets: number[] = [];
  const outerEnv: OuterEnv[] = [];
  const exportRe = new RegExp(`^export\\s+(${PROXY_NAME})\\s*[:?+!]?=[ \\t]*(.*?)[ \\t]*$`);
  let pos = 0;
  let continued = false;
  while (pos <= text.length) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    const line = text.slice(pos, eol).replace(/\r$/, '');
    if (line.startsWith('\t') || continued) {
      let k = line.startsWith('\t') ? 1 : 0;
      if (!continued) while (k < line.length && '@-+ '.includes(line[k])) k++;
      for (; k < line.length; k++) {
        if (line[k] === '$' && line[k + 1] === '$') { out += '$'; offsets.push(pos + k + 1); k++; continue; }
        out += line[k];
        offsets.push(pos + k);
      }
      out += '\n';
      offsets.push(pos + line.length);
      continued = line.endsWith('\\');
    } else {
      const m = exportRe.exec(line);
      if (m) {
        const valueStart = pos + line.indexOf(m[2], line.indexOf('=') + 1);
        outerEnv.push({ name: m[1], value: sliceOf(text, valueStart, valueStart + m[2].length), nameStart: pos + line.indexOf(m[1]) });
      }
    }
    pos = eol + 1;
  }
  offsets.push(text.length);
  return { flavor: 'make', scripts: out ? [{ text: out, offsets }] : [], outerEnv };
}

/** Decodes a Groovy string literal starting at `start` (at its opening quotes). */
function groovyString(text: string, start: number): { value: MappedText; end: number } | undefined {
  const delim = text.startsWith("'''", start) ? "'''" : text.startsWith('"""', start) ? '"""' : text[start];
  if (delim !== "'" && delim !== '"' && delim !== "'''" && delim !== '"""') return undefined;
  let i = start + delim.length;
  let value = '';
  const offsets: number[] = [];
  const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', $: '$' };
  while (i < text.length && !text.startsWith(delim, i)) {
    const c = text[i];
    if (delim.length === 1 && c === '\n') break;
    if (c === '\\' && i + 1 < text.length) {
      if (text[i + 1] === '\n') { i += 2; continue; }
      value += escapes[text[i + 1]] ?? text[i + 1];
      offsets.push(i + 1);
      i += 2;
      continue;
    }
    value += c;
    offsets.push(i);
    i++;
  }
  offsets.push(i);
  return { value: { text: value, offsets }, end: i + delim.length };
}

function readJenkinsfile(text: string): ScriptFile {
  const scripts: MappedText[] = [];
  const spans: [number, number][] = [];
  const stepRe = /\bsh\s*(?:\(\s*(?:script\s*:\s*)?)?(?='|")/g;
  for (const m of text.matchAll(stepRe)) {
    const s = groovyString(text, m.index! + m[0].length);
    if (!s) continue;
    scripts.push(s.value);
    spans.push([m.index!, s.end]);
  }
  const outerEnv: OuterEnv[] = [];
  const envRe = new RegExp(`(?:^[ \\t]*|\\{[ \\t]*|['"])(${PROXY_NAME})[ \\t]*=[ \\t]*`, 'gm');
  for (const m of text.matchAll(envRe)) {
    const at = m.index!;
    if (spans.some(([a, b]) => at >= a && at < b)) continue;
    const nameStart = at + m[0].indexOf(m[1]);
    const quoteBefore = m[0][0] === "'" || m[0][0] === '"' ? m[0][0] : undefined;
    let value: MappedText | undefined;
    if (quoteBefore) {
      // withEnv(['HTTPS_PROXY=…']): the value runs to the closing quote.
      const vs = at + m[0].length;
      const close = text.indexOf(quoteBefore, vs);
      if (close > vs && !text.slice(vs, close).includes('\n')) value = sliceOf(text, vs, close);
    } else {
      const s = groovyString(text, at + m[0].length);
      if (s) value = s.value;
    }
    if (value) outerEnv.push({ name: m[1], value, nameStart });
  }
  return { flavor: 'jenkins', scripts, outerEnv };
}
