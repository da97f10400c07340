import type { Fix, RuleFinding } from '../../findingTypes';
import { defineRule, dfModel } from './dockerfileModel';
import { argumentsText, keywordOf } from './instructionText';
import { SRC } from '../../sources';
import { lazyFix } from '../../fix';

interface ConfigFile { tool: string; file: RegExp; content: RegExp }

/** Files that keep a proxy for a tool (or for every login shell) once written into a layer. */
const FILES: readonly ConfigFile[] = [
  { tool: 'apt', file: /^\/etc\/apt\/apt\.conf(\.d\/.+)?$/, content: /Acquire::(https?|ftp)::Proxy/i },
  { tool: 'yum/dnf', file: /^\/etc\/(yum\.conf|dnf\/dnf\.conf)$/, content: /(^|[\s"'\\n])proxy\s*=/m },
  { tool: 'pip', file: /(^|\/)pip\.(conf|ini)$/, content: /(^|[\s"'\\n])proxy\s*=/m },
  { tool: 'npm', file: /(^|\/)\.npmrc$/, content: /(^|[\s"'\\n])(https-)?proxy\s*=/m },
  { tool: 'wget', file: /(^|\/)\.?wgetrc$/, content: /(https?|ftp)_proxy\s*=|use_proxy/i },
  { tool: 'curl', file: /(^|\/)\.curlrc$/, content: /(^|[\s"'\\n])(proxy|-x|--proxy)\b/m },
  { tool: 'every login shell', file: /^\/etc\/environment$|^\/etc\/profile(\.d\/.+)?$|(^|\/)\.(bashrc|profile|bash_profile)$/, content: /(https?|ftp|all)_proxy=/i },
];

/** A cheap gate before the patterns: each FILES content and COMMANDS pattern contains one of these. */
const MAY_MATCH = /proxy|-x/i;

/** Commands that write a proxy into the tool's own config file, and how that setting is undone. */
const COMMANDS: readonly { tool: string; set: RegExp; unset: RegExp; requires?: RegExp[] }[] = [
  { tool: 'npm', set: /\bnpm\s+config\s+set\s+(https-)?proxy\b/g, unset: /\bnpm\s+config\s+(delete|rm|unset)\s+(https-)?proxy\b/ },
  { tool: 'yarn', set: /\byarn\s+config\s+set\s+(https-)?proxy\b/g, unset: /\byarn\s+config\s+(delete|unset)\s+(https-)?proxy\b/ },
  { tool: 'pip', set: /\bpip[0-9.]*\s+config\s+(--\S+\s+)*set\s+\S*proxy\b/g, unset: /\bpip[0-9.]*\s+config\s+(--\S+\s+)*unset\s+\S*proxy\b/ },
  { tool: 'git', set: /\bgit\s+config\s+(--global|--system)\s+(--add\s+)?https?\.(\S+\.)?proxy\b/g, unset: /\bgit\s+config\s+(--global|--system)\s+--unset(-all)?\s+https?\.(\S+\.)?proxy\b/ },
  // Matches the whole command; `requires` must all hold within it.
  { tool: 'dnf/yum', set: /\b(?:dnf\s+config-manager|yum-config-manager)\b[^\n;&|]*/g, unset: /$^/, requires: [/\s--save\b/, /--setopt=\S*proxy=/] },
];

const WRITE_RE = /(?:>>?|\btee\s+(?:(?:-a|--append)\s+)?|\bsed\s+(?:-\S+\s+)*-i\S*\s+(?:'[^']*'|"[^"]*"|\S+)\s+)\s*["']?([~$A-Za-z0-9_./{}-]+)/g;

/** A shell glob (`*`, `?`) as a regular expression over a whole path. */
function globRe(glob: string): RegExp {
  return new RegExp('^' + glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]') + '$');
}

/** True when `text` after `from` runs `rm` on `path` (literally or through a glob). Linear in the text. */
function removedAfter(text: string, from: number, path: string): boolean {
  const rm = /\brm\s/g;
  rm.lastIndex = from;
  for (let m = rm.exec(text); m; m = rm.exec(text)) {
    const segment = text.slice(m.index + 3, m.index + 4000).split(/[;&|]|(?<!\\)\n/, 1)[0];
    for (const raw of segment.split(/[\s\\]+/)) {
      const word = raw.replace(/^["']|["']$/g, '');
      if (word === '' || word.startsWith('-')) continue;
      if (word === path || (/[*?]/.test(word) && globRe(word).test(path))) return true;
    }
  }
  return false;
}

export const persistedToolProxyConfig = defineRule({
  id: 'DF006',
  name: 'persisted-tool-proxy-config',
  kinds: ['dockerfile'],
  defaultSeverity: 'warning',
  summary: 'A RUN writes a proxy into a tool\'s config file (apt, yum/dnf, pip, npm, wget, curl, /etc/environment …) and leaves it in the image.',
  description:
    'Writing `Acquire::http::Proxy` into `/etc/apt/apt.conf.d/`, `proxy=` into `/etc/yum.conf` or `pip.conf`, ' +
    '`npm config set proxy`, `git config --global http.proxy` and the like stores the proxy (and any password) in a ' +
    'layer of the image. Everyone who runs the image then goes through your build proxy, which is usually not ' +
    'reachable there, and removing the file in a later `RUN` does not take it out of the earlier layer.\n\n' +
    'Usually nothing needs to be written: apt, yum/dnf, pip, npm (recent versions), wget, curl and git read the ' +
    '`http_proxy`/`https_proxy` variables that the predefined build arguments put into every `RUN`. If a tool really ' +
    'needs its own file, write it and remove it in the same `RUN`.',
  sources: [SRC.dockerfileRun, SRC.buildVariablesProxy],
  examples: {
    bad: { kind: 'dockerfile', text: 'FROM debian:bookworm\nRUN echo \'Acquire::http::Proxy "http://proxy.example.com:3128";\' > /etc/apt/apt.conf.d/01proxy \\\n && apt-get update\n' },
    good: { kind: 'dockerfile', text: 'FROM debian:bookworm\nRUN echo \'Acquire::http::Proxy "http://proxy.example.com:3128";\' > /etc/apt/apt.conf.d/01proxy \\\n && apt-get update \\\n && rm -f /etc/apt/apt.conf.d/01proxy\n' },
  },
}, (doc) => {
  const findings: RuleFinding[] = [];
  for (const stage of dfModel(doc).stages) {
    for (const instruction of stage.instructions) {
      const keyword = keywordOf(instruction);
      if (keyword !== 'RUN' && keyword !== 'COPY' && keyword !== 'ADD') continue;
      const { text, offset } = argumentsText(doc, instruction);
      // Every content pattern and command above needs "proxy" or curl's "-x": other steps cannot match.
      if (!MAY_MATCH.test(text)) continue;
      if (keyword !== 'RUN') {
        // Only heredoc COPY/ADD show their content: `COPY <<EOF /etc/apt/apt.conf.d/proxy`.
        if (!text.includes('<<')) continue;
        const firstLine = text.split('\n', 1)[0];
        for (const m of firstLine.matchAll(/\S+/g)) {
          const cfg = FILES.find((f) => f.file.test(m[0]));
          if (cfg && cfg.content.test(text)) {
            findings.push({
              range: doc.lines.range(offset + m.index!, offset + m.index! + m[0].length),
              message: `${keyword} stores a proxy setting for ${cfg.tool} in ${m[0]}, which stays in the image; rely on the proxy build args instead.`,
            });
          }
        }
        continue;
      }
      const shellForm = !text.trimStart().startsWith('[') && !text.includes('<<');
      const instructionEnd = doc.lines.offsetAt(instruction.getRange().end);
      const seen = new Set<string>();
      for (const m of text.matchAll(WRITE_RE)) {
        const path = m[1];
        const cfg = FILES.find((f) => f.file.test(path));
        if (!cfg || !cfg.content.test(text) || seen.has(path) || seen.size >= 20) continue;
        const at = m.index! + m[0].length - path.length;
        if (removedAfter(text, at + path.length, path)) continue;
        seen.add(path);
        const fixes: Fix[] = shellForm
          ? [lazyFix(`Remove ${path} at the end of this RUN`, false, () => [{ range: doc.lines.range(instructionEnd, instructionEnd), newText: ` && rm -f ${path}` }])]
          : [];
        findings.push({
          range: doc.lines.range(offset + at, offset + at + path.length),
          message: `This RUN leaves a proxy setting for ${cfg.tool} in ${path}, which stays in the image; rely on the proxy build args, or remove the file in the same RUN.`,
          fixes,
        });
      }
      for (const command of COMMANDS) {
        for (const m of text.matchAll(command.set)) {
          if (command.requires && !command.requires.every((r) => r.test(m[0]))) continue;
          if (command.unset.test(text.slice(m.index! + m[0].length))) continue;
          findings.push({
            range: doc.lines.range(offset + m.index!, offset + m.index! + m[0].length),
            message: `This RUN saves a proxy in ${command.tool}'s config, which stays in the image; rely on the proxy build args, or undo it in the same RUN.`,
          });
        }
      }
    }
  }
  return findings;
});
