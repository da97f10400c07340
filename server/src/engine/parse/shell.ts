// A small POSIX-shell tokenizer: enough to read docker / docker buildx / docker compose command lines and the proxy
// variables a script exports, with the document position of every character. It is not a shell: no control flow,
// functions, aliases or arithmetic; those parts are read as ordinary words and commands.
//
// Understood: blanks, newlines, `;` `&` `&&` `|` `||` `(` `)` as command separators; `#` comments at the start of a
// word; single quotes; double quotes with the backslash escapes a shell honours there (`\$ \` \" \\` and
// backslash-newline); backslash escapes and backslash-newline continuations outside quotes; `$'…'` ANSI-C quotes
// (common escapes); `$VAR`, `${…}`, `$(…)` and backquote substitutions (kept as written and marked as expansions);
// redirections (`>`, `>>`, `2>&1`, `<`; their target word is kept aside on the command); here-documents (`<<EOF`,
// `<<-EOF`, `<<'EOF'`), whose bodies are kept aside rather than read as commands, with the command they feed; bash
// array assignments (`NAME=(a "b c")`, `NAME+=(…)`), whose elements are kept on the assignment word.
import type { MappedText } from './mapped';

export interface ShellWord {
  /** The word after quote removal; expansions are kept as written (`$NO_PROXY`, `$(cat f)`). */
  value: string;
  /** Document offset of each value character, plus one entry for the end. */
  offsets: number[];
  /** Document offsets of the word as written (quotes included). */
  start: number;
  end: number;
  /** True when some part of the word was quoted or escaped. */
  quoted: boolean;
  /** True when the word holds a `$…` or backquote expansion outside single quotes. */
  expansion: boolean;
  /** How the whole word is written: one quoting style around all of it, or a mix. */
  style: 'plain' | 'single' | 'double' | 'mixed';
  /** For `NAME=(…)` / `NAME+=(…)` (the word's value is `NAME=` / `NAME+=`): the array's elements. */
  array?: ShellWord[];
}

export interface Redirect {
  /** `>`, `>>`, `<`, `2>`, `&>`, `>&` … as written, without the file-descriptor number. */
  op: string;
  target: ShellWord;
}

export interface ShellCommand {
  words: ShellWord[];
  /** Redirections with their target words (`> /etc/docker/daemon.json`). */
  redirects?: Redirect[];
  /** True when the command's output goes into the next command through a pipe (`cat <<EOF | sudo tee f`). */
  pipe?: boolean;
}

export interface HereDoc {
  /** The body, mapped to the document. */
  body: MappedText;
  /** True when the delimiter was quoted (no expansion in the body). */
  literal: boolean;
  /** The command whose standard input the body is (it is also in `commands`). */
  command?: ShellCommand;
}

export interface ShellScript {
  commands: ShellCommand[];
  hereDocs: HereDoc[];
}

const SEPARATORS = new Set([';', '&', '|', '(', ')', '\n']);
const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ARRAY_ASSIGN_RE = /^[A-Za-z_][A-Za-z0-9_]*\+?=$/;

/** Tokenizes a script. Never throws; unterminated quotes run to the end of the text. Linear in the text. */
export function tokenizeShell(src: MappedText): ShellScript {
  const { text, offsets } = src;
  const n = text.length;
  const commands: ShellCommand[] = [];
  const hereDocs: HereDoc[] = [];
  const pendingHereDocs: { delimiter: string; strip: boolean; literal: boolean; command: ShellCommand }[] = [];
  let current: ShellCommand = { words: [] };
  let words = current.words;
  let i = 0;
  let redirectOp: string | undefined;

  const endCommand = (pipe = false) => {
    if (words.length || current.redirects) {
      if (pipe) current.pipe = true;
      commands.push(current);
    }
    current = { words: [] };
    words = current.words;
  };

  const readHereDocBodies = () => {
    // Called at a newline: the bodies of the here-documents opened on this line follow it.
    for (const hd of pendingHereDocs) {
      const bodyStart = i;
      let bodyEnd = n;
      let next = n;
      let p = i;
      while (p < n) {
        let eol = text.indexOf('\n', p);
        if (eol < 0) eol = n;
        let line = text.slice(p, eol);
        if (line.endsWith('\r')) line = line.slice(0, -1);
        if ((hd.strip ? line.replace(/^\t+/, '') : line) === hd.delimiter) {
          bodyEnd = p;
          next = Math.min(n, eol + 1);
          break;
        }
        p = eol + 1;
      }
      hereDocs.push({ body: { text: text.slice(bodyStart, bodyEnd), offsets: offsets.slice(bodyStart, bodyEnd + 1) }, literal: hd.literal, command: hd.command });
      i = next;
    }
    pendingHereDocs.length = 0;
  };

  while (i < n) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\r') { i++; continue; }
    if (c === '\\' && text[i + 1] === '\n') { i += 2; continue; }
    if (c === '\\' && text[i + 1] === '\r' && text[i + 2] === '\n') { i += 3; continue; }
    if (c === '#') {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    if (c === '\n') {
      endCommand();
      i++;
      if (pendingHereDocs.length) readHereDocBodies();
      continue;
    }
    if (SEPARATORS.has(c)) {
      endCommand(c === '|' && text[i + 1] !== '|' && text[i - 1] !== '|');
      i++;
      continue;
    }
    if (c === '<' || c === '>') {
      if (c === '<' && text[i + 1] === '<' && text[i + 2] !== '<') {
        // Here-document: read its delimiter word now, its body after the end of the line.
        i += 2;
        const strip = text[i] === '-';
        if (strip) i++;
        while (text[i] === ' ' || text[i] === '\t') i++;
        const w = readWord();
        // A bounded number per line: each one scans ahead for its delimiter.
        if (w && pendingHereDocs.length < 16) pendingHereDocs.push({ delimiter: w.value, strip, literal: w.quoted, command: current });
        continue;
      }
      // A file-descriptor number written right before the operator (`2>&1`) belongs to the redirection.
      const last = words[words.length - 1];
      if (last && /^\d+$/.test(last.value) && last.end === offsets[i]) words.pop();
      const opStart = i;
      i++;
      while (i < n && (text[i] === '>' || text[i] === '<' || text[i] === '&' || text[i] === '|')) i++;
      redirectOp = text.slice(opStart, i);
      continue;
    }
    const w = readWord();
    if (!w) { i++; continue; }
    if (redirectOp !== undefined) {
      // `2>&1`: the target is a descriptor, not a file
      if (!(redirectOp.endsWith('&') && /^\d+$|^-$/.test(w.value))) (current.redirects ??= []).push({ op: redirectOp, target: w });
      redirectOp = undefined;
      continue;
    }
    if (text[i] === '(' && ARRAY_ASSIGN_RE.test(w.value) && !w.quoted) {
      readArray(w);
      words.push(w);
      continue;
    }
    words.push(w);
  }
  endCommand();
  return { commands, hereDocs };

  /** `NAME=(a "b c" $d)`: the elements up to the closing parenthesis, across lines, comments skipped. */
  function readArray(w: ShellWord): void {
    i++;
    const elements: ShellWord[] = [];
    while (i < n && text[i] !== ')') {
      const c = text[i];
      if (c === ' ' || c === '\t' || c === '\r' || c === '\n') { i++; continue; }
      if (c === '\\' && text[i + 1] === '\n') { i += 2; continue; }
      if (c === '#') { while (i < n && text[i] !== '\n') i++; continue; }
      const e = readWord();
      if (!e) { i++; continue; }
      if (elements.length < 1000) elements.push(e);
    }
    if (i < n) i++;
    w.array = elements;
    w.end = offsets[Math.min(i, n)];
  }

  function readWord(): ShellWord | undefined {
    let value = '';
    const vOffsets: number[] = [];
    const start = i;
    let quoted = false;
    let expansion = false;
    const styles = new Set<string>();
    const push = (ch: string, at: number) => { value += ch; vOffsets.push(offsets[at]); };
    while (i < n) {
      const c = text[i];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || SEPARATORS.has(c) || c === '<' || c === '>') break;
      if (c === '\\') {
        if (text[i + 1] === '\n') { i += 2; continue; }
        if (i + 1 < n) { quoted = true; styles.add('plain'); push(text[i + 1], i + 1); i += 2; continue; }
        i++;
        continue;
      }
      if (c === "'") {
        quoted = true; styles.add('single');
        i++;
        while (i < n && text[i] !== "'") { push(text[i], i); i++; }
        i++;
        continue;
      }
      if (c === '$' && text[i + 1] === "'") {
        quoted = true; styles.add('single');
        i += 2;
        while (i < n && text[i] !== "'") {
          if (text[i] === '\\' && i + 1 < n) {
            const e = text[i + 1];
            const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' };
            push(map[e] ?? e, i + 1);
            i += 2;
            continue;
          }
          push(text[i], i);
          i++;
        }
        i++;
        continue;
      }
      if (c === '"') {
        quoted = true; styles.add('double');
        i++;
        while (i < n && text[i] !== '"') {
          const d = text[i];
          if (d === '\\' && (text[i + 1] === '$' || text[i + 1] === '`' || text[i + 1] === '"' || text[i + 1] === '\\')) {
            push(text[i + 1], i + 1);
            i += 2;
            continue;
          }
          if (d === '\\' && text[i + 1] === '\n') { i += 2; continue; }
          if (d === '$' || d === '`') { expansion = true; copyExpansion(); continue; }
          push(d, i);
          i++;
        }
        i++;
        continue;
      }
      if (c === '$' || c === '`') {
        styles.add('plain');
        expansion = true;
        copyExpansion();
        continue;
      }
      styles.add('plain');
      push(c, i);
      i++;
    }
    if (i === start) return undefined;
    vOffsets.push(i < n ? offsets[i] : offsets[n]);
    const style = styles.size === 1 ? (Array.from(styles)[0] as ShellWord['style']) : styles.size === 0 ? 'plain' : 'mixed';
    return { value, offsets: vOffsets, start: offsets[start], end: i < n ? offsets[i] : offsets[n], quoted, expansion, style };

    /** Copies `$NAME`, `${…}`, `$(…)` or a backquote substitution verbatim into the value. */
    function copyExpansion(): void {
      const c0 = text[i];
      if (c0 === '`') {
        const close = text.indexOf('`', i + 1);
        const end = close < 0 ? n : close + 1;
        for (let k = i; k < end; k++) push(text[k], k);
        i = end;
        return;
      }
      const next = text[i + 1];
      if (next === '{' || next === '(') {
        const open = next;
        const closeCh = open === '{' ? '}' : ')';
        let depth = 0;
        let k = i + 1;
        let q: string | undefined;
        for (; k < n; k++) {
          const ch = text[k];
          if (q) { if (ch === q) q = undefined; else if (ch === '\\' && q === '"') k++; continue; }
          if (ch === "'" || ch === '"') { q = ch; continue; }
          if (ch === '\\') { k++; continue; }
          if (ch === open) depth++;
          else if (ch === closeCh && --depth === 0) break;
        }
        const end = Math.min(n, k + 1);
        for (let m = i; m < end; m++) push(text[m], m);
        i = end;
        return;
      }
      const m = /^[A-Za-z_][A-Za-z0-9_]*|^[0-9@*#?$!-]/.exec(text.slice(i + 1, i + 130));
      const end = i + 1 + (m ? m[0].length : 0);
      for (let k = i; k < end; k++) push(text[k], k);
      i = end;
    }
  }
}

/** `NAME=value` split of a word, when the part before `=` is a valid variable name. */
export function assignmentOf(word: ShellWord): { name: string; value: string; valueStart: number } | undefined {
  const eq = word.value.indexOf('=');
  if (eq <= 0) return undefined;
  const name = word.value.slice(0, eq);
  if (!NAME_RE.test(name)) return undefined;
  return { name, value: word.value.slice(eq + 1), valueStart: eq + 1 };
}

/** True when the value contains a shell expansion at or after `from` (a `$` or backquote outside single quotes). */
export function hasExpansion(word: ShellWord, from = 0): boolean {
  if (!word.expansion) return false;
  return /[$`]/.test(word.value.slice(from));
}
