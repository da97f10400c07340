// Seeded fuzz through the engine: mutated real fixtures and rule examples, and documents made of random pieces,
// linted as every kind, then fixed (fix-all) and hovered. Nothing may throw, every finding must point inside the
// document, and every call must come back. Rerun a failure with FUZZ_SEED=<seed printed in the message>.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ALL_RULES, defaultPathFor, fixAllText, LineIndex, lint, parseDocument, unlintableReason, type FileKind, type Finding } from '../../server/src/engine';
import { hoverAt } from '../../server/src/engine/hover';
import { FILE_KINDS } from '../../server/src/engine/findingTypes';
import { mulberry32, mutate, randomDocument } from './fuzzText';
import { corpusFiles } from './helpers';

const CASES = Number(process.env.FUZZ_CASES ?? 1500);
/** Failure guard for the whole loop on a busy machine (the loop stops early, it does not fail, when it is reached). */
const BUDGET_MS = 30_000;

const corpus = [
  ...ALL_RULES.flatMap((r) => [r.meta.examples.bad.text, r.meta.examples.good.text]),
  ...corpusFiles().map((f) => readFileSync(f, 'utf8')),
];

/** Rule exceptions are caught by the engine (the other rules still run); they are listed, not failed on. */
const ruleErrors = new Map<string, string>();
after(() => {
  for (const [error, input] of ruleErrors) console.log(`# note: rule threw (caught by the engine): ${error}\n#   on ${input}`);
});

function assertInside(findings: Finding[], text: string, where: string): void {
  const lines = new LineIndex(text);
  for (const f of findings) {
    for (const p of [f.range.start, f.range.end]) {
      assert.ok(p.line >= 0 && p.line < lines.lineCount, `${where}: ${f.ruleId} line ${p.line} outside 0..${lines.lineCount - 1}`);
      assert.ok(p.character >= 0 && p.character <= lines.lineText(p.line).length + 1, `${where}: ${f.ruleId} character ${p.character} past the line`);
    }
    assert.ok(f.message.length > 0, `${where}: ${f.ruleId} has no message`);
  }
}

describe('engine fuzz (seeded)', () => {
  test('mutated fixtures and random documents: no exception, findings inside the document', () => {
    const seed = Number(process.env.FUZZ_SEED ?? (process.env.CI === 'true' ? 20261130 : Date.now() % 2 ** 31)); // CI: one fixed seed, so a run is repeatable; locally a new one each time
    const random = mulberry32(seed);
    const started = Date.now();
    let cases = 0;
    let findings = 0;
    for (; cases < CASES && Date.now() - started < BUDGET_MS; cases++) {
      const text = random() < 0.75 ? mutate(corpus[Math.floor(random() * corpus.length)], random) : randomDocument(random);
      const kind: FileKind = FILE_KINDS[Math.floor(random() * FILE_KINDS.length)];
      const where = `seed ${seed} (rerun: FUZZ_SEED=${seed}), case ${cases}, ${kind} ${JSON.stringify(text).slice(0, 1500)}`;
      const onRuleError = (id: string, e: unknown) => {
        const key = `${id}: ${e instanceof Error ? e.message : String(e)}`;
        if (!ruleErrors.has(key)) ruleErrors.set(key, `${kind} ${JSON.stringify(text).slice(0, 400)}`);
      };
      try {
        const found = lint(text, kind, { path: defaultPathFor(kind), onRuleError });
        assertInside(found, text, where);
        findings += found.length;
        const fixed = fixAllText(text, kind, { path: defaultPathFor(kind), onRuleError });
        assert.equal(typeof fixed, 'string', where);
        if (!unlintableReason(text, kind)) {
          const doc = parseDocument(text, kind, defaultPathFor(kind));
          const lines = new LineIndex(text);
          const line = Math.floor(random() * lines.lineCount);
          hoverAt(doc, { line, character: Math.floor(random() * (lines.lineText(line).length + 2)) });
        }
      } catch (error) {
        assert.fail(`${where}\n${error instanceof Error ? error.stack : String(error)}`);
      }
    }
    console.log(`# engine fuzz: seed ${seed}, ${cases} cases, ${findings} findings, ${ruleErrors.size} distinct rule exceptions`);
    assert.ok(cases >= Math.min(CASES, 50), `only ${cases} cases ran within the budget`);
    assert.ok(findings > 0, 'the fuzz corpus produced no finding at all, so it exercised no rule');
  });
});
