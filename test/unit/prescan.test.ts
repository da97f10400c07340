// The pre-scan may only skip texts on which the full lint finds nothing. Checked, for every kind, on every rule's
// examples (as written and with the proxy host renamed so that "proxy" is not in the URL), on every file under
// test/fixtures/ and examples/, and on seeded mutations of all of those. The lists are read at run time, so rules
// and fixtures added later are covered without touching this file.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ALL_RULES, defaultPathFor, lint, mayHaveFindings, type FileKind, type Finding } from '../../server/src/engine';
import { FILE_KINDS } from '../../server/src/engine/findingTypes';
import { mulberry32, mutate } from './fuzzText';
import { corpusFiles } from './helpers';

/**
 * Rules that throw are caught by the engine (the other rules still run) and are not what this file tests; they are
 * collected and printed so the fuzz finds are not lost. test/unit/fuzz.test.ts reports them too.
 */
const ruleErrors = new Map<string, string>();

function lintBoth(text: string, kind: FileKind, path?: string): { fast: Finding[]; full: Finding[] } {
  const onRuleError = (id: string, e: unknown) => {
    const key = `${id}: ${e instanceof Error ? e.message : String(e)}`;
    if (!ruleErrors.has(key)) ruleErrors.set(key, `${kind} ${JSON.stringify(text).slice(0, 400)}`);
  };
  return {
    fast: lint(text, kind, { path, onRuleError }),
    full: lint(text, kind, { path, onRuleError, prescan: false }),
  };
}

after(() => {
  for (const [error, input] of ruleErrors) console.log(`# note: rule threw (caught by the engine): ${error}\n#   on ${input}`);
});

function assertSame(text: string, kind: FileKind, path: string | undefined, label: string): void {
  const { fast, full } = lintBoth(text, kind, path);
  assert.deepEqual(fast, full, `pre-scan changed the result for ${label} as ${kind}:\n${text.slice(0, 2000)}`);
}

/** Host names in rule examples often contain "proxy"; real ones need not. */
function withoutProxyHost(text: string): string {
  return text.replace(/proxy(?=[\w-]*\.example\.(?:com|org|net))/gi, 'gw');
}

const fixtureFiles = corpusFiles();

describe('pre-scan never hides a finding', () => {
  test('there is something to check', () => {
    assert.ok(ALL_RULES.length > 10, 'rules');
    assert.ok(fixtureFiles.length > 10, `fixtures found: ${fixtureFiles.length}`);
  });

  for (const rule of ALL_RULES) {
    if (rule.meta.id === 'PD001') continue; // reported before the pre-scan runs
    test(`${rule.meta.id}: bad example still fires, also with a host without "proxy"`, () => {
      const { bad, good } = rule.meta.examples;
      for (const text of [bad.text, withoutProxyHost(bad.text)]) {
        assert.ok(mayHaveFindings(text, bad.kind), `pre-scan skips the ${rule.meta.id} bad example:\n${text}`);
        const { fast, full } = lintBoth(text, bad.kind, bad.path ?? defaultPathFor(bad.kind));
        assert.deepEqual(fast, full);
        if (text === bad.text) assert.ok(fast.some((f) => f.ruleId === rule.meta.id), `${rule.meta.id} no longer fires`);
      }
      for (const example of [bad, good]) {
        for (const kind of FILE_KINDS) {
          assertSame(example.text, kind, example.path, `${rule.meta.id} example`);
          assertSame(withoutProxyHost(example.text), kind, example.path, `${rule.meta.id} example, host renamed`);
        }
      }
    });
  }

  test('every fixture gives the same findings as every kind, with and without the pre-scan', () => {
    let fired = 0;
    for (const file of fixtureFiles) {
      const text = readFileSync(file, 'utf8');
      for (const kind of FILE_KINDS) {
        for (const path of [file, defaultPathFor(kind)]) {
          const { fast, full } = lintBoth(text, kind, path);
          assert.deepEqual(fast, full, `${file} as ${kind} at ${path}`);
          fired += fast.length;
        }
        assertSame(withoutProxyHost(text), kind, defaultPathFor(kind), `${file} (host renamed)`);
      }
    }
    assert.ok(fired > 0, 'no fixture produced any finding');
  });

  test('seeded mutations of examples and fixtures: skip implies no finding', () => {
    const seed = Number(process.env.PRESCAN_SEED ?? (process.env.CI === 'true' ? 20261130 : Date.now() % 2 ** 31)); // CI: one fixed seed, so a run is repeatable; locally a new one each time
    const random = mulberry32(seed);
    const corpus = [
      ...ALL_RULES.flatMap((r) => [r.meta.examples.bad.text, r.meta.examples.good.text]),
      ...fixtureFiles.map((f) => readFileSync(f, 'utf8')),
    ].map(withoutProxyHost);
    let skipped = 0;
    const deadline = Date.now() + 20_000; // a guard against a slow machine, not a measurement
    for (let i = 0; i < 3000 && Date.now() < deadline; i++) {
      const text = mutate(corpus[Math.floor(random() * corpus.length)], random);
      const kind = FILE_KINDS[Math.floor(random() * FILE_KINDS.length)];
      if (!mayHaveFindings(text, kind)) skipped++;
      const { fast, full } = lintBoth(text, kind, defaultPathFor(kind));
      assert.deepEqual(fast, full, `seed ${seed} (rerun with PRESCAN_SEED=${seed}), case ${i}, as ${kind}:\n${JSON.stringify(text)}`);
    }
    // The mutations remove the proxy words often enough that the skip path itself is exercised.
    assert.ok(skipped > 0, `seed ${seed}: no mutated text was skipped, so the skip path was not tested`);
  });

  test('proxy-free files are skipped, tricky spellings are not', () => {
    const skip: Array<[FileKind, string]> = [
      ['dockerfile', 'FROM node:20\nWORKDIR /app\nRUN curl -fsSL https://example.com/x.tgz | tar -xz \\\n && npm ci\n'],
      ['dockerfile', 'FROM alpine\nRUN set -x && tar -xzf a.tgz \\\n && bash -x /entry.sh\n'],
      ['daemon-json', '{ "log-driver": "json-file", "data-root": "/var/lib/docker" }\n'],
      ['daemon-json', 'null'],
      ['cli-config', '{ "auths": {}, "currentContext": "default" }'],
      ['systemd-dropin', '[Service]\nLimitNOFILE=1048576\n'],
    ];
    for (const [kind, text] of skip) assert.equal(mayHaveFindings(text, kind), false, `${kind}: ${text}`);
    const lintIt: Array<[FileKind, string]> = [
      ['dockerfile', 'FROM alpine\nENV HTTP_PRO\\\n# split\nXY=http://gw:3128\n'],
      ['dockerfile', '# escape=`\nFROM alpine\nENV HTTPS_PR`\n  OXY=http://gw:3128\n'],
      ['dockerfile', 'FROM alpine\nRUN curl -x http://u:p@gw:3128 https://example.com\n'],
      ['dockerfile', 'FROM alpine\nRUN curl -x 10.1.2.3:8080 https://example.com\n'],
      ['dockerfile', 'FROM alpine\nRUN curl -fsSL -x \\\n  10.1.2.3:8080 https://example.com\n'],
      ['daemon-json', '{ "\\u0070roxies": {} }'],
      ['daemon-json', '{ "registry-mirrors": ["mirror.gcr.io"] }'],
      ['daemon-json', '[]'],
      ['daemon-json', '{ "a": 1, }'],
      ['daemon-json', ''],
      ['cli-config', '{ "a": 1 // no\n}'],
      ['systemd-dropin', '[Service]\nEnvironment="HTTP_\\x50ROXY=http://gw:3128"\n'],
    ];
    for (const [kind, text] of lintIt) assert.equal(mayHaveFindings(text, kind), true, `${kind}: ${text}`);
  });
});
