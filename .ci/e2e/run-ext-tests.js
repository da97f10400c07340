// Runs the extension's mocha suite inside code-server's Node extension host. The web workbench reads
// extensionDevelopmentPath/extensionTestsPath from the `payload` URL parameter, runs the suite, forwards its output
// through window.codeAutomationLog and ends with window.codeAutomationExit(code). Our exit code is that code.
// Env: CS_BASE (http://127.0.0.1:PORT), EXT_DEV_PATH, EXT_TESTS_PATH, WS_FOLDER, SUITE_TIMEOUT_MS (default 300000).
const path = require('path');
const { launch, deadline } = require('./chromium');

const base = process.env.CS_BASE;
const devPath = process.env.EXT_DEV_PATH;
const testsPath = process.env.EXT_TESTS_PATH;
const folder = process.env.WS_FOLDER;
const limit = Number(process.env.SUITE_TIMEOUT_MS || 300000);

async function main() {
  if (!base || !devPath || !testsPath || !folder) throw new Error('CS_BASE, EXT_DEV_PATH, EXT_TESTS_PATH and WS_FOLDER are required');
  const authority = new URL(base).host;
  const t0 = Date.now();
  const browser = await launch();
  try {
    const page = await browser.newPage();
    let resolveExit;
    const exited = new Promise((r) => { resolveExit = r; });
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
    await page.exposeFunction('codeAutomationLog', (_type, args) => console.log(...(Array.isArray(args) ? args : [args])));
    page.on('pageerror', (e) => console.log('[browser] page error:', e.message));
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://${authority}${devPath}`],
      ['extensionTestsPath', `vscode-remote://${authority}${testsPath}`],
      ['skipWelcome', 'true'],
    ];
    await page.goto(`${base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const timeout = deadline(limit, 'the extension test suite to call codeAutomationExit');
    let code;
    try {
      code = await Promise.race([exited, timeout]);
    } catch (e) {
      const shot = path.join(process.env.OUT_DIR || path.dirname(testsPath), 'run-ext-tests-timeout.png');
      await page.screenshot({ path: shot }).catch(() => undefined);
      throw new Error(`${e.message} (screenshot: ${shot})`);
    } finally {
      timeout.cancel();
    }
    console.log(`[run-ext-tests] codeAutomationExit(${code}) after ${Date.now() - t0} ms`);
    return typeof code === 'number' ? code : 1;
  } finally {
    await browser.close();
  }
}

main().then((code) => process.exit(code), (e) => { console.error(`[run-ext-tests] ${e.message}`); process.exit(1); });
