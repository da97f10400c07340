import type { RuleFinding } from '../../findingTypes';
import { assignmentsOf } from '../../parse/dockerfile';
import { envVariableOf } from '../../proxy/names';
import { defineRule, dfModel, stageChain } from './dockerfileModel';
import { variableRefs, type Instruction, keywordOf } from './instructionText';
import { SRC } from '../../sources';

/** Instructions whose arguments the frontend expands with ARG/ENV values at build time (FROM is DF009's). */
const EXPANDING = new Set(['ENV', 'ARG', 'ADD', 'COPY', 'WORKDIR', 'LABEL', 'USER', 'EXPOSE', 'VOLUME', 'STOPSIGNAL']);

export const proxyVarOutsideRun = defineRule({
  id: 'DF005',
  name: 'proxy-var-outside-run',
  kinds: ['dockerfile'],
  defaultSeverity: 'warning',
  summary: '`$HTTP_PROXY` in ENV, COPY, LABEL … expands to nothing: predefined proxy args exist only inside RUN.',
  description:
    'BuildKit hands the predefined proxy build arguments only to `RUN` steps, as environment variables of the step. ' +
    'They are not part of the variables the Dockerfile itself expands, so `ENV http_proxy=$http_proxy`, ' +
    '`LABEL proxy=$HTTP_PROXY` or `ADD $HTTPS_PROXY/…` expand to an empty string unless an `ARG` (or an earlier `ENV`) ' +
    'of that exact name is in scope. BuildKit\'s `UndefinedVar` check points at the same thing.\n\n' +
    'Use the variable inside `RUN`, where it is set. Declaring `ARG http_proxy` makes the expansion work, but then the ' +
    'value is recorded in the image history (DF002). A base image that sets the variable with `ENV` also makes it ' +
    'expand; this rule cannot see base images.',
  sources: [SRC.buildkitProxyArgs, SRC.dockerfilePredefinedArgs],
  examples: {
    bad: { kind: 'dockerfile', text: 'FROM alpine:3.20\nLABEL build.proxy=$HTTPS_PROXY\nRUN apk add --no-cache curl\n' },
    good: { kind: 'dockerfile', text: 'FROM alpine:3.20\nRUN echo "building through $HTTPS_PROXY" && apk add --no-cache curl\n' },
  },
}, (doc) => {
  const model = dfModel(doc);
  const findings: RuleFinding[] = [];
  const scan = (instructions: Instruction[], inherited: Set<string>) => {
    const declared = new Set(inherited);
    for (const instruction of instructions) {
      const keyword = keywordOf(instruction);
      if (EXPANDING.has(keyword)) {
        for (const v of variableRefs(doc, instruction, model.escape)) {
          if (!envVariableOf(v.name) || declared.has(v.name) || v.modifier) continue;
          findings.push({
            range: doc.lines.range(v.start, v.end),
            message: `$${v.name} is empty in ${keyword}: predefined proxy args exist only inside RUN. Use it in a RUN step instead.`,
          });
        }
      }
      if (keyword === 'ENV' || keyword === 'ARG') {
        for (const a of assignmentsOf(instruction, doc.text, doc.lines, model.escape)) declared.add(a.name);
      }
    }
  };
  scan(model.preamble, new Set());
  for (const stage of model.stages) {
    const inherited = new Set<string>();
    for (const parent of stageChain(model, stage).slice(1)) {
      for (const instruction of parent.instructions) {
        if (keywordOf(instruction) !== 'ENV') continue;
        for (const a of assignmentsOf(instruction, doc.text, doc.lines, model.escape)) inherited.add(a.name);
      }
    }
    scan(stage.instructions, inherited);
  }
  return findings;
});
