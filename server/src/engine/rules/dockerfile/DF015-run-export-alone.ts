import type { RuleFinding } from '../../findingTypes';
import { envVariableOf } from '../../proxy/names';
import { defineRule, dfModel } from './dockerfileModel';
import { argumentsText, keywordOf } from './instructionText';
import { SRC } from '../../sources';

/** A RUN whose whole command is `export NAME=value` statements (joined by `&&` or `;`), at least one a proxy. */
const EXPORT_ONLY = /^\s*export\s+[A-Za-z_][A-Za-z0-9_]*=\S*(?:\s*(?:&&|;)\s*export\s+[A-Za-z_][A-Za-z0-9_]*=\S*)*\s*;?\s*$/;

export const runExportAlone = defineRule({
  id: 'DF015',
  name: 'run-export-alone',
  kinds: ['dockerfile'],
  defaultSeverity: 'warning',
  summary: '`RUN export HTTPS_PROXY=…` on its own affects nothing: each RUN is a new shell, and the export ends with it.',
  description:
    'Every `RUN` starts a fresh shell in a fresh container. A variable exported in one `RUN` is gone when that `RUN` ' +
    'ends, so `RUN export HTTPS_PROXY=…` followed by `RUN apt-get update` runs the second step without the proxy.\n\n' +
    'Pass the proxy as a build argument (`docker build --build-arg HTTPS_PROXY=…`, or config.json `proxies`), which ' +
    'every `RUN` gets, or write the assignment in the same `RUN` as the command that needs it ' +
    '(`RUN https_proxy=… apt-get update`).',
  sources: [SRC.dockerfileRun, SRC.dockerfilePredefinedArgs],
  examples: {
    bad: { kind: 'dockerfile', text: 'FROM debian:bookworm\nRUN export HTTPS_PROXY=http://proxy.example.com:3128\nRUN apt-get update\n' },
    good: { kind: 'dockerfile', text: 'FROM debian:bookworm\nRUN apt-get update\n' },
  },
}, (doc) => {
  const findings: RuleFinding[] = [];
  for (const stage of dfModel(doc).stages) {
    for (const instruction of stage.instructions) {
      if (keywordOf(instruction) !== 'RUN') continue;
      const { text } = argumentsText(doc, instruction);
      const command = text.replace(/\\\r?\n/g, ' ');
      if (!EXPORT_ONLY.test(command)) continue;
      const names = [...command.matchAll(/export\s+([A-Za-z_][A-Za-z0-9_]*)=/g)].map((m) => m[1]);
      const proxies = names.filter((n) => envVariableOf(n));
      if (proxies.length === 0) continue;
      findings.push({
        range: instruction.getRange(),
        message: `This RUN only exports ${proxies.join(', ')}; the next RUN starts a new shell without it. Pass it as a build argument, or set it in the RUN that needs it.`,
      });
    }
  }
  return findings;
});
