import type { RuleFinding } from '../../findingTypes';
import { envVariableOf } from '../../proxy/names';
import { defineRule, dfModel, stageChain, type ProxyAssignment } from './dockerfileModel';
import { argumentsText, keywordOf } from './instructionText';
import { SRC } from '../../sources';

export const unsetAfterEnv = defineRule({
  id: 'DF016',
  name: 'unset-after-env',
  kinds: ['dockerfile'],
  defaultSeverity: 'warning',
  summary: '`RUN unset http_proxy` does not undo `ENV http_proxy=…`: the ENV stays in the image and every container.',
  description:
    '`unset` changes the environment of that one RUN shell. The value set with `ENV` is part of the image ' +
    'configuration, so the next RUN, every container and every image built `FROM` this one still get it. To clear ' +
    'it, write `ENV http_proxy=` (an empty value), or better, never set it with ENV (DF001) and pass it as a build ' +
    'argument.',
  sources: [SRC.dockerfileEnv, SRC.cliProxyNotEnv],
  examples: {
    bad: { kind: 'dockerfile', text: 'FROM debian:bookworm\nENV http_proxy=http://proxy.example.com:3128 no_proxy=localhost\nRUN apt-get update\nRUN unset http_proxy\n' },
    good: { kind: 'dockerfile', text: 'FROM debian:bookworm\nENV http_proxy=http://proxy.example.com:3128 no_proxy=localhost\nRUN apt-get update\nENV http_proxy=\n' },
  },
}, (doc) => {
  const model = dfModel(doc);
  const findings: RuleFinding[] = [];
  // ENV proxies grouped by stage once (filtering all of them per stage is quadratic in the number of stages).
  const envsByStage = new Map<number, ProxyAssignment[]>();
  for (const a of model.proxies) {
    if (a.keyword !== 'ENV' || a.value === undefined || a.value.trim() === '') continue;
    const list = envsByStage.get(a.stage) ?? [];
    list.push(a);
    envsByStage.set(a.stage, list);
  }
  for (const stage of model.stages) {
    if (!stage.instructions.some((i) => keywordOf(i) === 'RUN' && argumentsText(doc, i).text.includes('unset'))) continue;
    const envs = stageChain(model, stage).flatMap((s) => envsByStage.get(s.index) ?? []);
    if (envs.length === 0) continue;
    for (const instruction of stage.instructions) {
      if (keywordOf(instruction) !== 'RUN') continue;
      const line = instruction.getRange().start.line;
      const { text } = argumentsText(doc, instruction);
      for (const m of text.matchAll(/(?:^|[;&|]\s*|\s)unset\s+((?:-v\s+)?[A-Za-z_][A-Za-z0-9_ \t]*)/g)) {
        const names = m[1].replace(/^-v\s+/, '').split(/\s+/).filter((n) => envVariableOf(n));
        const set = names.filter((n) => envs.some((e) => e.name.toLowerCase() === n.toLowerCase() && (e.stage < stage.index || e.nameRange.start.line < line)));
        if (set.length === 0) continue;
        findings.push({
          range: instruction.getRange(),
          message: `unset ${set.join(' ')} lasts only for this RUN: the ENV value stays in the image and every container. Clear it with ENV ${set[0]}= or do not set it with ENV.`,
        });
      }
    }
  }
  return findings;
});
