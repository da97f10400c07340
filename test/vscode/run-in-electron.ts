// `npm run test:electron`: the same mocha suite as test/vscode/run-in-code-server.sh (out/test/vscode/suite), run in a
// desktop VS Code that @vscode/test-electron downloads. One suite, two hosts: CI uses code-server because these
// machines cannot reach update.code.visualstudio.com; contributors with internet access can use this as well.
// Exit codes: 0 suite passed, 1 suite failed, 2 VS Code could not be downloaded or started, or the build is missing.
// Env: DPD_VSCODE_VERSION (default below), DPD_VSCODE_TEST_CACHE (download cache, default <repo>/.vscode-test),
//      DPD_DOWNLOAD_TIMEOUT_MS (no-progress timeout of each download request, default 15000), DPD_VSCODE_GREP.
//      Behind a proxy, test-electron downloads through npm_config_https_proxy / npm_config_proxy.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { downloadAndUnzipVSCode, runTests, TestRunFailedError } from '@vscode/test-electron';

/** The VS Code that code-server 4.100.3 embeds, so both hosts run the suite against the same release. */
export const VSCODE_VERSION = '1.100.3';

const ROOT = path.resolve(__dirname, '../../..');

function fail(code: number, message: string): never {
  process.stderr.write(`test:electron: ${message}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  const version = process.env.DPD_VSCODE_VERSION || VSCODE_VERSION;
  const cachePath = process.env.DPD_VSCODE_TEST_CACHE || path.join(ROOT, '.vscode-test');
  const timeout = Number(process.env.DPD_DOWNLOAD_TIMEOUT_MS || 15_000);
  const suite = path.join(ROOT, 'out/test/vscode/suite/index.js');
  for (const f of [path.join(ROOT, 'dist/extension.js'), path.join(ROOT, 'dist/server.js'), suite]) {
    if (!fs.existsSync(f)) fail(2, `${path.relative(ROOT, f)} is missing; run "npm run build && npx tsc -p ." first`);
  }

  let executable: string;
  try {
    executable = await downloadAndUnzipVSCode({ version, cachePath, timeout });
  } catch (e) {
    fail(2, [
      `could not download VS Code ${version} (${describe(e)}).`,
      'This runner needs https access to update.code.visualstudio.com (behind a proxy: set npm_config_https_proxy).',
      'Without internet access, run the same suite in code-server instead: npm run test:vscode',
    ].join('\n  '));
  }

  // The suite edits files and settings: give it a fresh copy of the fixture workspace and a throwaway profile.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dpd-electron-'));
  const workspace = path.join(scratch, 'ws');
  fs.cpSync(path.join(ROOT, 'test/fixtures/workspace'), workspace, { recursive: true });
  let code: number;
  try {
    code = await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(ROOT, 'out/test/vscode/suite/index'),
      launchArgs: [
        workspace,
        '--disable-extensions', // installed extensions only; built-ins (markdown preview, JSON) stay
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${path.join(scratch, 'user')}`,
        `--extensions-dir=${path.join(scratch, 'ext')}`,
      ],
      extensionTestsEnv: { DPD_EXPECT_EXT_PATH: ROOT, DPD_VSCODE_GREP: process.env.DPD_VSCODE_GREP ?? '' },
    });
  } catch (e) {
    // A non-zero exit of VS Code means a failed test; anything else means it could not run at all.
    process.stderr.write(`test:electron: ${describe(e)}\n`);
    code = e instanceof TestRunFailedError && e.code !== undefined ? 1 : 2;
  }
  fs.rmSync(scratch, { recursive: true, force: true });
  process.exit(code);
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

main().catch((e) => fail(2, describe(e)));
