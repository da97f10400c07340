// argumentsText() finds where an instruction's arguments start without dockerfile-ast's tokeniser in the common case
// (a speed-up, issue 8). Checked here against the library on every Dockerfile text we have: rule examples, fixtures,
// the bench inputs, and seeded mutations of all of them (continuations, flags, comments and heredocs included).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ALL_RULES } from '../../server/src/engine';
import { parseDocument, type DockerfileDocument } from '../../server/src/engine/document';
import { argumentsText, libraryArgumentsStart } from '../../server/src/engine/rules/dockerfile/instructionText';
import { plainDockerfile, proxyDockerfile } from '../../bench/inputs';
import { mulberry32, mutate } from './fuzzText';
import { corpusFiles } from './helpers';


/** Compares every instruction's argument start with the library's; returns how many instructions were checked. */
function compareAll(text: string, label: string): number {
  const doc = parseDocument(text, 'dockerfile') as DockerfileDocument;
  let checked = 0;
  for (const instruction of doc.dockerfile.getInstructions()) {
    const ours = argumentsText(doc, instruction);
    const library = libraryArgumentsStart(doc, instruction);
    const end = doc.lines.offsetAt(instruction.getRange().end);
    if (library === undefined) assert.deepEqual(ours, { text: '', offset: end }, `${label}: ${instruction.getKeyword()} has no arguments`);
    else assert.equal(ours.offset, library, `${label}: ${instruction.getKeyword()} at line ${instruction.getRange().start.line + 1}`);
    checked++;
  }
  return checked;
}

describe('argumentsText agrees with dockerfile-ast', () => {
  const corpus = [
    ...ALL_RULES.flatMap((r) => [r.meta.examples.bad, r.meta.examples.good]).filter((e) => e.kind === 'dockerfile').map((e) => e.text),
    ...corpusFiles()
      .filter((f) => /dockerfile|containerfile/i.test(f))
      .map((f) => readFileSync(f, 'utf8')),
    plainDockerfile(300),
    proxyDockerfile(300),
    // The cases the fast path hands to the library.
    'RUN --mount=type=cache,target=/root/.cache --network=host curl -x http://p:3128 https://x\n',
    'RUN \\\n  # comment inside\n  curl http://x\nRUN\nENV\n',
    '# escape=`\nFROM alpine\nRUN `\n  echo hi\nRUN echo `\n  there\n',
    'FROM --platform=$BUILDPLATFORM golang AS build\nCOPY --from=build /a /b\nRUN <<EOF\nexport http_proxy=http://p:3128\nEOF\n',
    'FROM alpine\r\nRUN\techo\t"a b" \\\r\n  c\r\nENV A=1 \\\r\n    http_proxy=http://p:3128\r\n',
  ];

  test('on examples, fixtures and bench inputs', () => {
    let checked = 0;
    corpus.forEach((text, i) => { checked += compareAll(text, `corpus ${i}`); });
    assert.ok(checked > 500, `only ${checked} instructions checked`);
  });

  test('on seeded mutations', () => {
    const seed = Number(process.env.FUZZ_SEED ?? (process.env.CI === 'true' ? 20261130 : Date.now() % 2 ** 31));
    const random = mulberry32(seed);
    for (let i = 0; i < 1500; i++) {
      const text = mutate(corpus[Math.floor(random() * corpus.length)], random);
      compareAll(text, `seed ${seed} (rerun with FUZZ_SEED=${seed}), case ${i}: ${JSON.stringify(text.slice(0, 300))}`);
    }
  });
});
