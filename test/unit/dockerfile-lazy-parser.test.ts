// The lint parses Dockerfiles with dockerfile-ast's parser but leaves the JSON-form analysis of RUN/CMD/COPY/... for
// their first read (parse/dockerfileLazyParser.ts, a speed-up, issue 19). Checked here: on every Dockerfile text we
// have (rule examples, fixtures, bench inputs, seeded mutations) the lazy tree answers every method the way the
// library's own tree does, and a lint reads none of the deferred fields.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as ast from 'dockerfile-ast';
import { DockerfileParser, type Dockerfile } from 'dockerfile-ast';
import { ALL_RULES, lintDocument } from '../../server/src/engine';
import { parseDocument, type DockerfileDocument } from '../../server/src/engine/document';
import { parseDockerfileLazily, deferredAnalysesBuilt } from '../../server/src/engine/parse/dockerfileLazyParser';
import { plainDockerfile, proxyDockerfile } from '../../bench/inputs';
import { mulberry32, mutate } from './fuzzText';
import { corpusFiles } from './helpers';

const CLASSES = Object.entries(ast).filter(([, v]) => typeof v === 'function' && /^[A-Z]/.test(v.name)) as [string, new (...args: never[]) => unknown][];
type Loose = Record<string, ((...args: unknown[]) => unknown) | undefined>;

/** Everything the tree answers, as plain data (ranges are plain objects already). */
function describeTree(df: Dockerfile, jsonFirst: boolean): unknown {
  const call = (target: unknown, method: string, ...args: unknown[]) => {
    const fn = (target as Loose)[method];
    if (typeof fn !== 'function') return '(none)';
    try {
      return fn.apply(target, args);
    } catch (error) {
      return `threw ${String(error)}`;
    }
  };
  const arg = (a: unknown) => a && { value: call(a, 'getValue'), range: call(a, 'getRange') };
  const json = (i: unknown) => ({
    jsonStrings: (call(i, 'getJSONStrings') as unknown[] | string) instanceof Array ? (call(i, 'getJSONStrings') as unknown[]).map(arg) : '(none)',
    opening: arg(call(i, 'getOpeningBracket')),
    closing: arg(call(i, 'getClosingBracket')),
  });
  return {
    escape: df.getEscapeCharacter(),
    directives: df.getDirectives().map((d) => [d.getDirective(), d.getValue(), d.getRange()]),
    comments: df.getComments().map((c) => [c.getContent(), c.getRange()]),
    stages: df.getFROMs().map((f) => [f.getImage(), f.getBuildStage(), f.getRange()]),
    instructions: df.getInstructions().map((i) => {
      const early = jsonFirst ? json(i) : undefined;
      const flags = call(i, 'getFlags');
      return {
        class: i.constructor.name,
        kinds: CLASSES.filter(([, cls]) => i instanceof cls).map(([name]) => name),
        keyword: i.getKeyword(),
        range: i.getRange(),
        instructionRange: i.getInstructionRange(),
        argumentsRange: i.getArgumentsRange(),
        arguments: i.getArguments().map(arg),
        content: call(i, 'getRawArgumentsContent'),
        argumentsContent: call(i, 'getArgumentsContent'),
        flags: Array.isArray(flags) ? flags.map((f: Loose) => [call(f, 'getName'), call(f, 'getValue'), call(f, 'getRange'), call(f, 'getNameRange')]) : flags,
        heredocs: (call(i, 'getHeredocs') as unknown[] | string) instanceof Array ? (call(i, 'getHeredocs') as unknown[]).map((h) => [call(h, 'getName'), call(h, 'getRange'), call(h, 'getContentRange')]) : '(none)',
        json: early ?? json(i),
        string: i.toString(),
      };
    }),
  };
}

function compare(text: string, label: string, jsonFirst: boolean): number {
  const library = DockerfileParser.parse(text);
  const lazy = parseDockerfileLazily(text);
  assert.deepEqual(describeTree(lazy, jsonFirst), describeTree(library, jsonFirst), label);
  return library.getInstructions().length;
}

describe('the lazy Dockerfile parse answers as dockerfile-ast does', () => {
  const corpus = [
    ...ALL_RULES.flatMap((r) => [r.meta.examples.bad, r.meta.examples.good]).filter((e) => e.kind === 'dockerfile').map((e) => e.text),
    ...corpusFiles()
      .filter((f) => /dockerfile|containerfile/i.test(f))
      .map((f) => readFileSync(f, 'utf8')),
    plainDockerfile(300),
    proxyDockerfile(300),
    // JSON forms, heredocs, flags, escapes, ONBUILD triggers, continuations.
    'FROM alpine\nCMD ["a", "b\\"c"]\nENTRYPOINT [ ]\nSHELL ["/bin/sh","-c"]\nVOLUME ["/data", "/x"]\nCMD []\nCMD [ "x" \n',
    'FROM alpine\nRUN <<EOF\nexport http_proxy=http://p:3128\nEOF\nCOPY <<-EOT /a\n\tx\n\tEOT\nADD <<A <<B /c\na\nA\nb\nB\nRUN <\\\n<EOF\nEOF\n',
    '# escape=`\nFROM alpine\nRUN `\n  echo hi\nCOPY --from=x `\n  /a /b\nONBUILD RUN <<EOF\nx\nEOF\nONBUILD CMD ["x"]\n',
    'FROM alpine\r\nRUN --mount=type=cache,target=/c --network=host \\\r\n  # comment\r\n  curl -x http://p:3128 https://x\r\n',
  ];

  test('on examples, fixtures and bench inputs, the deferred fields read first and last', () => {
    let checked = 0;
    corpus.forEach((text, i) => {
      checked += compare(text, `corpus ${i}`, false);
      compare(text, `corpus ${i}, JSON fields first`, true);
    });
    assert.ok(checked > 500, `only ${checked} instructions checked`);
  });

  test('on seeded mutations', () => {
    const seed = Number(process.env.FUZZ_SEED ?? (process.env.CI === 'true' ? 20261207 : Date.now() % 2 ** 31));
    const random = mulberry32(seed);
    for (let i = 0; i < 1500; i++) {
      const text = mutate(corpus[Math.floor(random() * corpus.length)], random);
      compare(text, `seed ${seed} (rerun with FUZZ_SEED=${seed}), case ${i}: ${JSON.stringify(text.slice(0, 300))}`, i % 2 === 0);
    }
  });

  test('a lint of a proxy-heavy file builds none of the deferred analyses', () => {
    const doc = parseDocument(proxyDockerfile(1000), 'dockerfile') as DockerfileDocument;
    const before = deferredAnalysesBuilt();
    const findings = lintDocument(doc);
    assert.ok(findings.length > 100, `only ${findings.length} findings`);
    assert.equal(deferredAnalysesBuilt() - before, 0);
    // …and reading one builds it (the count is real).
    const run = doc.dockerfile.getInstructions().find((i) => i.getKeyword() === 'CMD') as unknown as { getJSONStrings(): unknown[] };
    assert.ok(run.getJSONStrings().length > 0);
    assert.equal(deferredAnalysesBuilt() - before, 1);
  });
});
