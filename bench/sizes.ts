// Shipped sizes: the bundles in dist/ and the VSIX that `vsce package` builds from them.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB (${bytes.toLocaleString('en-US')} bytes)`;
}

function sizeOf(file: string): number | undefined {
  try {
    return statSync(file).size;
  } catch {
    return undefined;
  }
}

/** Packages the extension into a scratch directory and returns the VSIX size, or a reason it could not. */
function vsixBytes(root: string): number | string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dpd-bench-vsix-'));
  try {
    const out = path.join(dir, 'bench.vsix');
    execFileSync(process.execPath, [path.join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--skip-license', '-o', out], {
      cwd: root, stdio: 'pipe', timeout: 120_000,
    });
    return statSync(out).size;
  } catch (error) {
    return `vsce package failed: ${(error as Error).message.split('\n')[0]}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function benchSizes(root: string): void {
  console.log('\n### Sizes\n');
  console.log('| artefact | size |');
  console.log('|---|---|');
  for (const [label, file] of [['client bundle dist/extension.js', 'dist/extension.js'], ['server bundle dist/server.js', 'dist/server.js'], ['CLI bundle dist/cli.js', 'dist/cli.js']]) {
    const size = sizeOf(path.join(root, file));
    console.log(`| ${label} | ${size === undefined ? 'missing (run npm run build)' : kb(size)} |`);
  }
  const vsix = vsixBytes(root);
  console.log(`| VSIX (vsce package) | ${typeof vsix === 'number' ? kb(vsix) : vsix} |`);
}
