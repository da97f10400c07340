// The Dockerfile as the DF rules see it: stages, proxy ENV/ARG assignments by scope, and the proxy URLs written in
// RUN instructions. Computed once per document and kept on it (documentMemo.ts).
import type { DockerfileDocument, ParsedDocument } from '../../document';
import type { ProxyVariable, Range, RuleFinding } from '../../findingTypes';
import type { Rule, RuleMeta } from '../../rule';
import { assignmentsOf, type DockerfileAssignment } from '../../parse/dockerfile';
import { envVariableOf, mayNameProxyVariable } from '../../proxy/names';
import { memoOn } from '../../documentMemo';
import { argumentsText, escapeOf, instructionProxyUrls, keywordOf, type Instruction } from './instructionText';
import type { TextProxyUrl } from './textProxyUrls';

export interface ProxyAssignment extends DockerfileAssignment {
  keyword: 'ENV' | 'ARG';
  variable: ProxyVariable;
  instruction: Instruction;
  /** -1 before the first FROM (global scope), else the stage index. */
  stage: number;
  /** All assignments of the same instruction (proxy or not), for deletion edits. */
  siblings: DockerfileAssignment[];
}

export interface Stage {
  index: number;
  from: Instruction;
  /** Image reference as written (`alpine:3.20`, `${BASE}`, a stage name), '' when missing. */
  image: string;
  /** `AS name`, lower-cased, when present. */
  name?: string;
  instructions: Instruction[];
}

export interface DfModel {
  /** Instructions before the first FROM. */
  preamble: Instruction[];
  stages: Stage[];
  /** Every proxy ENV/ARG assignment in file order. */
  proxies: ProxyAssignment[];
  /** The `# syntax=` parser directive when present. */
  syntax?: { value: string; range: Range };
  escape: string;
}
const MODEL = Symbol('Dockerfile model');
const STAGES_BY_NAME = Symbol('stages by name');
const RUN_URLS = Symbol('proxy URLs in RUN');

export function dfModel(doc: DockerfileDocument): DfModel {
  return memoOn(doc, MODEL, () => readModel(doc));
}

function readModel(doc: DockerfileDocument): DfModel {
  const df = doc.dockerfile;
  const escape = escapeOf(doc);
  const preamble: Instruction[] = [];
  const stages: Stage[] = [];
  const proxies: ProxyAssignment[] = [];
  for (const instruction of df.getInstructions()) {
    const keyword = keywordOf(instruction);
    if (keyword === 'FROM') {
      const args = instruction.getArguments().map((a) => a.getValue());
      const words = args.filter((a) => !a.startsWith('--'));
      const asIndex = words.findIndex((w) => w.toLowerCase() === 'as');
      stages.push({
        index: stages.length,
        from: instruction,
        image: words[0] ?? '',
        name: asIndex >= 0 && words[asIndex + 1] ? words[asIndex + 1].toLowerCase() : undefined,
        instructions: [],
      });
      continue;
    }
    const stage = stages.length - 1;
    if (stage < 0) preamble.push(instruction);
    else stages[stage].instructions.push(instruction);
    if (keyword !== 'ENV' && keyword !== 'ARG') continue;
    if (!mayNameProxyVariable(argumentsText(doc, instruction).text)) continue; // other ENV/ARG lines need no split
    const siblings = assignmentsOf(instruction, doc.text, doc.lines, escape);
    for (const a of siblings) {
      const variable = envVariableOf(a.name);
      // Written out, not `{ ...a, … }`: the spread made V8's scavenger keep every lint's model alive (measured,
      // docs/performance.md "Less memory").
      if (variable) proxies.push({ name: a.name, nameRange: a.nameRange, value: a.value, valueRange: a.valueRange, valueOffset: a.valueOffset, start: a.start, end: a.end, keyword, variable, instruction, stage, siblings });
    }
  }
  let syntax: DfModel['syntax'];
  for (const d of df.getDirectives()) {
    const value = d.getValue();
    if (String(d.getDirective() ?? '').toLowerCase() === 'syntax' && value) syntax = { value, range: d.getRange() };
  }
  return { preamble, stages, proxies, syntax, escape };
}

export function asDockerfile(doc: ParsedDocument): DockerfileDocument | undefined {
  return doc.kind === 'dockerfile' ? doc : undefined;
}

/** The instructions of a stage, plus the stages it builds on by name (`FROM builder`), nearest first. */
export function stageChain(model: DfModel, stage: Stage): Stage[] {
  const byName = memoOn(model, STAGES_BY_NAME, () => {
    // The first stage of each name: a linear scan per lookup made every caller quadratic in the stage count.
    const map = new Map<string, Stage>();
    for (const s of model.stages) if (s.name !== undefined && !map.has(s.name)) map.set(s.name, s);
    return map;
  });
  const chain: Stage[] = [stage];
  let current = stage;
  for (let guard = 0; guard < model.stages.length; guard++) {
    const named = byName.get(current.image.toLowerCase());
    const parent = named && named.index < current.index ? named : undefined;
    if (!parent) break;
    chain.push(parent);
    current = parent;
  }
  return chain;
}

export interface RunProxyUrl { instruction: Instruction; stage: number; url: TextProxyUrl }

/** Proxy URLs written in the text of RUN instructions, with the instruction they sit in. Callers must not mutate it. */
export function runProxyUrls(doc: DockerfileDocument): readonly RunProxyUrl[] {
  return memoOn(doc, RUN_URLS, () => {
    const result: RunProxyUrl[] = [];
    for (const stage of dfModel(doc).stages) {
      for (const instruction of stage.instructions) {
        if (keywordOf(instruction) !== 'RUN') continue;
        for (const url of instructionProxyUrls(doc, instruction)) result.push({ instruction, stage: stage.index, url });
      }
    }
    return result;
  });
}


export function defineRule(meta: RuleMeta, check: (doc: DockerfileDocument) => RuleFinding[]): Rule {
  return {
    meta,
    check(doc) {
      const df = asDockerfile(doc);
      return df ? check(df) : [];
    },
  };
}

