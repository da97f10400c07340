import type { RuleFinding } from '../../findingTypes';
import { hasPlaceholder } from '../../proxy/placeholder';
import { defineRule, dfModel } from './dockerfileModel';
import { argumentsText, keywordOf } from './instructionText';
import { SRC } from '../../sources';

/** Between a command and its flag: anything on the same command, continuation lines included. */
const SAME_COMMAND = String.raw`(?:[^\n;&|\\]|\\(?:\r?\n|.))*?`;
/** A flag value: quoted or bare. Group `v` is the value. */
const VALUE = String.raw`["']?(?<v>[^\s"';&|]+)`;

/** Tool flags that name a proxy for one command (not persisted: DF006 covers `npm config set proxy` and the like). */
const FLAGS: readonly { tool: string; re: RegExp }[] = [
  { tool: 'curl', re: new RegExp(String.raw`\bcurl\b${SAME_COMMAND}\s(?:-x|--proxy)(?:\s+|=)${VALUE}`, 'g') },
  { tool: 'wget', re: new RegExp(String.raw`\bwget\b${SAME_COMMAND}\s(?:-e|--execute)(?:\s+|=)["']?(?:https?|ftp)_proxy\s*=\s*${VALUE}`, 'gi') },
  { tool: 'pip', re: new RegExp(String.raw`\bpip[0-9.]*\b${SAME_COMMAND}\s--proxy(?:\s+|=)${VALUE}`, 'g') },
  { tool: 'apt', re: new RegExp(String.raw`\bapt(?:-get)?\b${SAME_COMMAND}\s-o\s*["']?Acquire::(?:https?|ftp)::Proxy(?:::[^=\s]+)?=${VALUE}`, 'gi') },
  { tool: 'git', re: new RegExp(String.raw`\bgit\s+-c\s+["']?https?\.(?:\S+\.)?proxy=${VALUE}`, 'gi') },
];

/** Values that switch the proxy off or come from elsewhere: nothing is hard-coded then. */
function isLiteralProxy(value: string): boolean {
  if (value.includes('$') || hasPlaceholder(value)) return false; // `$HTTP_PROXY`, `${http_proxy}`, templates
  if (/^(?:false|direct|none|""|'')$/i.test(value)) return false;
  // A proxy address: `scheme://…`, or `[user[:pass]@]host[:port]` (curl and pip take it without a scheme).
  return /^[A-Za-z][A-Za-z0-9+.-]*:\/\/\S+$/.test(value) || /^(?:[^\s@/]+@)?(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d+)?\/?$/.test(value);
}

export const proxyInToolFlag = defineRule({
  id: 'DF017',
  name: 'proxy-in-tool-flag',
  kinds: ['dockerfile'],
  defaultSeverity: 'info',
  summary: 'A RUN names a proxy in a tool flag (`curl -x`, `pip --proxy`, `wget -e https_proxy=`, `apt-get -o Acquire::…::Proxy=`): it is recorded in the image history.',
  description:
    'The command line of every `RUN` is stored in the image history (`docker history --no-trunc`), so a proxy written ' +
    'into a flag, and any password in it, travels with the image. The build also works only where that proxy is ' +
    'reachable.\n\n' +
    'curl, wget, pip, apt and git read the proxy from the environment, and the predefined build args ' +
    '(`docker build --build-arg HTTPS_PROXY=…`, or config.json `proxies`) put it there for every `RUN` without ' +
    'recording it in the history. Drop the flag, or use the variable (`curl -x "$HTTPS_PROXY"`). Settings that are ' +
    'written into a config file and stay in the image are DF006\'s finding.',
  sources: [SRC.dockerfilePredefinedArgs, SRC.buildVariablesProxy, SRC.dockerfileRun],
  examples: {
    bad: { kind: 'dockerfile', text: 'FROM debian:bookworm\nRUN curl -fsSL -x http://proxy.example.com:3128 https://example.com/install.sh | sh\n' },
    good: { kind: 'dockerfile', text: 'FROM debian:bookworm\nRUN curl -fsSL https://example.com/install.sh | sh\n' },
  },
}, (doc) => {
  const findings: RuleFinding[] = [];
  for (const stage of dfModel(doc).stages) {
    for (const instruction of stage.instructions) {
      if (keywordOf(instruction) !== 'RUN') continue;
      const { text, offset } = argumentsText(doc, instruction);
      if (!/prox|-x/i.test(text)) continue;
      for (const { tool, re } of FLAGS) {
        re.lastIndex = 0;
        for (let m = re.exec(text); m; m = re.exec(text)) {
          const value = m.groups!.v;
          if (!isLiteralProxy(value)) continue;
          const start = offset + m.index + m[0].length - value.length;
          findings.push({
            range: doc.lines.range(start, start + value.length),
            message: `The ${tool} flag names the proxy in the RUN line, which the image history keeps as written (with any password), and the build then needs this proxy wherever it runs. ${tool} reads the proxy from the environment: pass it as a build argument (--build-arg HTTPS_PROXY=…) and drop the flag, or use "$HTTPS_PROXY".`,
          });
        }
      }
    }
  }
  return findings;
});
