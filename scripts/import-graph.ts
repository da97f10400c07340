// The import picture of server/src and client/src: every import between our files, the circles among them, and the
// imports that point up the layers (an adapter's folder from the engine, a higher engine folder from a lower one).
// `node out/scripts/import-graph.js` prints it; test/unit/import-layers.test.ts asserts the rules on the same data.
// Reads the sources as text (static imports, `export … from`, import(), require()); no compiler needed.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface ImportEdge {
  /** Importing file, relative to the repository root with forward slashes. */
  from: string;
  /** Imported file (ours, resolved) or package / built-in name as written. */
  to: string;
  /** False for a package or Node built-in. */
  local: boolean;
  /** `import type …` / `export type …` or only `type` specifiers: erased at run time. */
  typeOnly: boolean;
}

const IMPORT_RE = /^\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/gm;

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

function resolveLocal(fromFile: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(fromFile), spec);
  for (const candidate of [base, `${base}.ts`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** Every import of the TypeScript files under `folders` (relative to root). */
export function importEdges(root: string, folders: readonly string[] = ['server/src', 'client/src']): ImportEdge[] {
  const edges: ImportEdge[] = [];
  const rel = (f: string) => path.relative(root, f).split(path.sep).join('/');
  for (const file of folders.flatMap((f) => sourceFiles(path.join(root, f)))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT_RE)) {
      const spec = m[4] ?? m[5] ?? m[6];
      if (!spec) continue;
      const clause = m[3] ?? '';
      const braces = /^\{([\s\S]*)\}$/.exec(clause.trim());
      const specifiers = braces ? braces[1].split(',').map((s) => s.trim()).filter(Boolean) : [];
      const typeOnly = !!m[2] || (specifiers.length > 0 && specifiers.every((s) => s.startsWith('type ')));
      if (spec.startsWith('.')) {
        const target = resolveLocal(file, spec);
        edges.push({ from: rel(file), to: target ? rel(target) : `${rel(path.resolve(path.dirname(file), spec))} (unresolved)`, local: true, typeOnly });
      } else {
        edges.push({ from: rel(file), to: spec, local: false, typeOnly });
      }
    }
  }
  return edges;
}

/** Circles among our files (strongly connected components of more than one file), each as its sorted file list. */
export function circles(edges: readonly ImportEdge[], options: { includeTypeOnly: boolean }): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    if (!e.local || (e.typeOnly && !options.includeTypeOnly)) continue;
    next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  }
  // Tarjan's algorithm, iterative enough for our depth (recursion over a few hundred files is fine).
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const result: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) result.push(component.sort());
    }
  };
  for (const v of [...next.keys()].sort()) if (!index.has(v)) visit(v);
  return result.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/**
 * Layers from the bottom up; a file may import its own layer and those below. Adapters (lsp/, cli/, node/, shared/,
 * client/) sit above the whole engine. Inside the engine the order follows what each folder is: plain types and text
 * positions with the file-kind registry, then file detection, the proxy libraries (URLs, NO_PROXY), the parsers, the
 * script model, the parsed document with its settings, the rules, what runs the rules (lint, fixes, hover,
 * explanations), the machine-facing status and probe, and the engine's index.
 */
const LAYERS: readonly (readonly string[])[] = [
  // The file-kind registry sits with the core types: findingTypes.ts re-exports its FileKind (and prescan.ts is its).
  [
    'server/src/engine/findingTypes.ts', 'server/src/engine/fileKinds.ts', 'server/src/engine/prescan.ts', 'server/src/engine/lineIndex.ts', 'server/src/engine/links.ts',
    'server/src/engine/machine.ts', 'server/src/engine/edits.ts', 'server/src/engine/fix.ts', 'server/src/engine/documentMemo.ts', 'server/src/engine/sources.ts', 'server/src/engine/checkMeta.ts',
  ],
  ['server/src/engine/detect.ts'],
  ['server/src/engine/proxy/'],
  ['server/src/engine/parse/'],
  ['server/src/engine/scripts/'],
  ['server/src/engine/document.ts', 'server/src/engine/proxySettings/', 'server/src/engine/suppress.ts'],
  ['server/src/engine/rule.ts', 'server/src/engine/rules/'],
  ['server/src/engine/lint.ts', 'server/src/engine/fixAll.ts', 'server/src/engine/hover/'],
  // causes/ reads the machine model (attribute.ts) and is read only by probe/: it sits with them.
  ['server/src/engine/probe/', 'server/src/engine/status/', 'server/src/engine/causes/'],
  ['server/src/engine/setup/'],
  ['server/src/engine/doctor.ts'],
  ['server/src/engine/index.ts'],
  ['server/src/shared/'],
  ['server/src/node/', 'server/src/lsp/', 'server/src/cli/'],
  ['server/src/server.ts', 'server/src/cli.ts'],
  ['client/src/'],
];

/** The layer of a file (index into LAYERS, longest matching prefix wins), or undefined when it is in none. */
export function layerOf(file: string): number | undefined {
  let best: { layer: number; length: number } | undefined;
  LAYERS.forEach((entries, layer) => {
    for (const entry of entries) {
      const hit = entry.endsWith('/') ? file.startsWith(entry) : file === entry;
      if (hit && (!best || entry.length > best.length)) best = { layer, length: entry.length };
    }
  });
  return best?.layer;
}

/** Imports from a file to a file of a higher layer. */
export function upwardImports(edges: readonly ImportEdge[]): ImportEdge[] {
  return edges.filter((e) => {
    if (!e.local) return false;
    const from = layerOf(e.from);
    const to = layerOf(e.to);
    return from !== undefined && to !== undefined && to > from;
  });
}

function main(): void {
  const root = path.resolve(__dirname, '../..');
  const edges = importEdges(root);
  const local = edges.filter((e) => e.local);
  const runtime = circles(edges, { includeTypeOnly: false });
  const all = circles(edges, { includeTypeOnly: true });
  const up = upwardImports(edges);
  const unlayered = [...new Set(local.flatMap((e) => [e.from, e.to]).filter((f) => f.endsWith('.ts') && layerOf(f) === undefined))];
  console.log(`${new Set(edges.map((e) => e.from)).size} files, ${local.length} imports between them (${local.filter((e) => e.typeOnly).length} type-only)`);
  console.log(`\ncircles at run time: ${runtime.length}`);
  for (const c of runtime) console.log(`  ${c.join(' <-> ')}`);
  console.log(`circles counting type-only imports: ${all.length}`);
  for (const c of all) console.log(`  ${c.join(' <-> ')}`);
  console.log(`\nupward imports: ${up.length} (${up.filter((e) => e.typeOnly).length} type-only)`);
  for (const e of up) console.log(`  ${e.from} -> ${e.to}${e.typeOnly ? ' (type)' : ''}`);
  if (unlayered.length > 0) console.log(`\nfiles in no layer: ${unlayered.join(', ')}`);
}

if (require.main === module) main();
