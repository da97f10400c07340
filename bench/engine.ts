// Engine cost against the peers on the same texts in the same process: our lint vs dockerfile-utils `validate`
// (what Container Tools and rcjsuen's server run) and vs a bare dockerfile-ast parse; JSON files vs JSON.parse and
// jsonc-parser; the growth exponent over file size.
import * as jsonc from 'jsonc-parser';
import { DockerfileParser } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { lint, type FileKind } from '../server/src/engine';
import { parseDockerfile } from '../server/src/engine/parse/dockerfile';
import { cliConfig, daemonJson, dropIn, plainDockerfile, proxyDockerfile } from './inputs';
import { compareCalls, fmtMs, growthExponent, ratio } from './timing';

export interface EngineOptions { quick: boolean; /** Only the proxy-heavy Dockerfile rows the issue 19 targets read. */ targetsOnly?: boolean }

/** Ratios the targets read, by Dockerfile size: proxy-heavy lint / dockerfile-utils validate and / a bare parse. */
export interface EngineTargets { validate: Map<number, number>; parse: Map<number, number> }

interface Row { cells: string[] }

function table(header: string[], rows: Row[]): void {
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(`| ${r.cells.join(' | ')} |`);
}

export function benchEngine(options: EngineOptions): EngineTargets {
  const targets: EngineTargets = { validate: new Map(), parse: new Map() };
  const rounds = options.quick ? 2 : 5;
  const windowMs = options.quick ? 25 : 150;
  const sizes = options.quick ? [100, 1000] : [100, 1000, 10000]; // --quick leaves out the 10,000-line files

  console.log('\n### Dockerfiles: our lint vs dockerfile-utils validate and a bare dockerfile-ast parse (CPU time per call)\n');
  const rows: Row[] = [];
  const growth: Record<string, Array<{ size: number; ms: number }>> = { ours: [], oursFull: [], utils: [], ast: [] };
  const kinds = options.targetsOnly ? [['proxy-heavy', proxyDockerfile]] as const : [['proxy-free', plainDockerfile], ['proxy-heavy', proxyDockerfile]] as const;
  for (const [label, make] of kinds) {
    for (const size of sizes) {
      const text = make(size);
      const t = compareCalls({
        ours: () => lint(text, 'dockerfile'),
        full: () => lint(text, 'dockerfile', { prescan: false }),
        utils: () => validate(text),
        ast: () => DockerfileParser.parse(text),
        lazy: () => parseDockerfile(text),
      }, rounds, windowMs);
      const { ours, full, utils, ast, lazy } = t;
      if (label === 'proxy-heavy') {
        growth.ours.push({ size, ms: ours });
        growth.utils.push({ size, ms: utils });
        growth.ast.push({ size, ms: ast });
        targets.validate.set(size, ours / utils);
        targets.parse.set(size, ours / ast);
      } else {
        growth.oursFull.push({ size, ms: full });
      }
      rows.push({ cells: [label, String(size), fmtMs(ours), fmtMs(full), fmtMs(utils), fmtMs(ast), fmtMs(lazy), ratio(ours, utils), ratio(ours, ast), ratio(ours, lazy)] });
    }
  }
  table(['file', 'lines', 'ours (lint)', 'ours without pre-scan', 'dockerfile-utils validate', 'dockerfile-ast parse', 'our parse (JSON forms deferred)', 'ours / validate', 'ours / parse', 'ours / our parse'], rows);
  console.log('\nTargets: proxy-free ≤ 0.1× validate; proxy-heavy ≤ 1.0× validate and ≤ 1.5× parse. "Our parse" is dockerfile-ast\'s parser ' +
    'with the JSON-form analysis of RUN/CMD/COPY… left until read (parse/dockerfileLazyParser.ts); "ours / our parse" is what the rules add.');
  if (options.targetsOnly) return targets;

  // More points make the fit steadier: 300 lines in --quick, 3,000 and 20,000 in the full run (two rounds: a
  // 20,000-line validate takes seconds).
  {
    for (const size of options.quick ? [300] : [3000, 20000]) {
      const text = proxyDockerfile(size);
      const plain = plainDockerfile(size);
      const t = compareCalls({
        ours: () => lint(text, 'dockerfile'),
        utils: () => validate(text),
        ast: () => DockerfileParser.parse(text),
        full: () => lint(plain, 'dockerfile', { prescan: false }),
      }, Math.min(rounds, 2), windowMs);
      growth.ours.push({ size, ms: t.ours });
      growth.utils.push({ size, ms: t.utils });
      growth.ast.push({ size, ms: t.ast });
      growth.oursFull.push({ size, ms: t.full });
    }
  }
  console.log('\n### Growth: time against lines, fitted exponent (1 = linear)\n');
  for (const g of Object.values(growth)) g.sort((a, b) => a.size - b.size);
  table(['what', 'points (lines)', 'exponent'], [
    { cells: ['ours, proxy-heavy Dockerfile', growth.ours.map((p) => p.size).join(', '), growthExponent(growth.ours).toFixed(2)] },
    { cells: ['ours without pre-scan, proxy-free Dockerfile', growth.oursFull.map((p) => p.size).join(', '), growthExponent(growth.oursFull).toFixed(2)] },
    { cells: ['dockerfile-utils validate, proxy-heavy', growth.utils.map((p) => p.size).join(', '), growthExponent(growth.utils).toFixed(2)] },
    { cells: ['dockerfile-ast parse, proxy-heavy', growth.ast.map((p) => p.size).join(', '), growthExponent(growth.ast).toFixed(2)] },
  ]);

  console.log('\n### daemon.json, config.json, drop-ins: our lint vs JSON.parse and jsonc-parser parseTree\n');
  const jsonRows: Row[] = [];
  const cases: Array<[string, FileKind, string]> = [
    ['daemon.json, realistic, proxies', 'daemon-json', daemonJson(4)],
    ['daemon.json, realistic, no proxies', 'daemon-json', daemonJson(4, false)],
    ['daemon.json, 5,000 labels, proxies', 'daemon-json', daemonJson(5000)],
    ['daemon.json, 5,000 labels, no proxies', 'daemon-json', daemonJson(5000, false)],
    ['config.json, realistic, proxies', 'cli-config', cliConfig(3)],
    ['config.json, realistic, no proxies', 'cli-config', cliConfig(3, false)],
    ['config.json, 5,000 auths, proxies', 'cli-config', cliConfig(5000)],
    ['config.json, one line, 5,000 auths, proxies', 'cli-config', JSON.stringify(JSON.parse(cliConfig(5000)))],
  ];
  for (const [label, kind, text] of cases) {
    const { ours, native, tree } = compareCalls({
      ours: () => lint(text, kind),
      native: () => JSON.parse(text),
      tree: () => jsonc.parseTree(text, []),
    }, rounds, windowMs);
    jsonRows.push({ cells: [label, `${(text.length / 1024).toFixed(1)} KiB`, fmtMs(ours), fmtMs(native), fmtMs(tree), ratio(ours, native), ratio(ours, tree)] });
  }
  for (const [label, text] of [['drop-in, proxies', dropIn(3)], ['drop-in, no proxies', dropIn(3, false)], ['drop-in, 5,000 lines, proxies', dropIn(5000)]] as const) {
    const { ours } = compareCalls({ ours: () => lint(text, 'systemd-dropin') }, rounds, windowMs);
    jsonRows.push({ cells: [label, `${(text.length / 1024).toFixed(1)} KiB`, fmtMs(ours), '—', '—', '—', '—'] });
  }
  table(['file', 'size', 'ours (lint)', 'JSON.parse', 'jsonc-parser parseTree', 'ours / JSON.parse', 'ours / parseTree'], jsonRows);
  return targets;
}
