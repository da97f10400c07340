// The import rules of DESIGN.md, on the real sources (scripts/import-graph.ts reads them): the engine imports no
// adapter and no Node or editor module; the client imports no server adapter; no new circles and no new imports up
// the layers. Known leftovers are listed by name below, so a new one fails and a removed one is reported.
// (Node globals in the engine are the compiler's job: `npx tsc -p server/src/engine`, run by the typecheck group.)
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import { circles, importEdges, layerOf, upwardImports, type ImportEdge } from '../../scripts/import-graph';

const ROOT = path.resolve(__dirname, '../../..');
const edges = importEdges(ROOT);
const ENGINE = 'server/src/engine/';
const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const show = (list: readonly ImportEdge[]) => list.map((e) => `${e.from} -> ${e.to}`).join('\n  ');

/**
 * Engine files that still import server/src/shared/protocol (types only). The `machine` work turns this around
 * (the protocol will import the engine's types, not the other way); remove the entries as they go.
 */
const KNOWN_ENGINE_TO_SHARED = new Set<string>([]);

/** Imports up the layers that exist today (issue 19 lists them); each is a file to move or a type to move down. */
const KNOWN_UPWARD = new Set<string>([]);

/** Circles through type-only imports (erased at run time, still a knot in the design). */
const KNOWN_TYPE_CIRCLES = new Set<string>([]);

function reportGone(known: ReadonlySet<string>, now: ReadonlySet<string>, what: string): void {
  const gone = [...known].filter((k) => !now.has(k));
  if (gone.length > 0) console.log(`# no longer ${what} (remove from the known list): ${gone.join('; ')}`);
}

describe('import layers', () => {
  test('the scanner sees the imports (so the rules below cannot pass on an empty graph)', () => {
    assert.ok(edges.length > 500, `only ${edges.length} imports found`);
    assert.ok(edges.some((e) => e.from === 'server/src/engine/lint.ts' && e.to === 'server/src/engine/rules/index.ts'), 'lint.ts -> rules/index.ts not seen');
    assert.ok(edges.some((e) => e.from === 'client/src/extension.ts' && e.to === 'vscode'), 'extension.ts -> vscode not seen');
    assert.deepEqual(edges.filter((e) => e.to.endsWith('(unresolved)')), [], 'every relative import resolves to a file');
    for (const e of edges.filter((x) => x.local && x.to.endsWith('.ts'))) {
      assert.notEqual(layerOf(e.to), undefined, `${e.to} is in no layer of scripts/import-graph.ts`);
    }
  });

  test('the engine imports no adapter, no Node built-in and no editor or LSP library', () => {
    const fromEngine = edges.filter((e) => e.from.startsWith(ENGINE));
    const adapters = fromEngine.filter((e) => e.local && !e.to.startsWith(ENGINE) && !KNOWN_ENGINE_TO_SHARED.has(`${e.from} -> ${e.to}`));
    assert.deepEqual(adapters, [], `engine files import outside the engine:\n  ${show(adapters)}`);
    const modules = fromEngine.filter((e) => !e.local && (NODE_BUILTINS.has(e.to) || /^vscode(-|$)/.test(e.to)));
    assert.deepEqual(modules, [], `engine files import Node or editor modules:\n  ${show(modules)}`);
    for (const known of KNOWN_ENGINE_TO_SHARED) {
      const edge = edges.find((e) => `${e.from} -> ${e.to}` === known);
      if (edge) assert.equal(edge.typeOnly, true, `${known} must stay type-only until it is turned around`);
    }
    reportGone(KNOWN_ENGINE_TO_SHARED, new Set(fromEngine.map((e) => `${e.from} -> ${e.to}`)), 'an engine import of shared/');
  });

  // node/setupWriter.ts writes the user's files with backups: the setup command does that in the extension host (the
  // plan itself comes from the server's doctor, `dockerProxy/plan`). No other client import of node/ is allowed.
  const CLIENT_USES_NODE_SEAM = new Set(['client/src/setup/setupCommand.ts -> server/src/node/setupWriter.ts']);
  test('the client imports no server adapter (lsp/, cli/; node/ only the setup writer) and no server library', () => {
    const bad = edges.filter((e) => e.from.startsWith('client/') &&
      (/^server\/src\/(lsp|cli)\//.test(e.to) || /^vscode-languageserver($|\/)/.test(e.to) ||
        (/^server\/src\/node\//.test(e.to) && !CLIENT_USES_NODE_SEAM.has(`${e.from} -> ${e.to}`))));
    assert.deepEqual(bad, [], `client files import the server's adapters:\n  ${show(bad)}`);
  });

  test('no circle at run time', () => {
    const found = circles(edges, { includeTypeOnly: false });
    assert.deepEqual(found, [], `import circles:\n  ${found.map((c) => c.join(' <-> ')).join('\n  ')}`);
  });

  test('no new circle through type-only imports', () => {
    const found = circles(edges, { includeTypeOnly: true }).map((c) => c.join(' <-> '));
    const fresh = found.filter((c) => !KNOWN_TYPE_CIRCLES.has(c));
    assert.deepEqual(fresh, [], `new import circles (type-only imports counted):\n  ${fresh.join('\n  ')}`);
    reportGone(KNOWN_TYPE_CIRCLES, new Set(found), 'a circle');
  });

  test('no new import up the layers', () => {
    const found = upwardImports(edges).map((e) => `${e.from} -> ${e.to}`);
    const fresh = found.filter((e) => !KNOWN_UPWARD.has(e));
    assert.deepEqual(fresh, [], `new imports up the layers (see LAYERS in scripts/import-graph.ts):\n  ${fresh.join('\n  ')}`);
    reportGone(KNOWN_UPWARD, new Set(found), 'an upward import');
  });
});
