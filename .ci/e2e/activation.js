// Activation and rule links, against the INSTALLED .vsix in code-server (one browser window = one extension host).
// MODE=inactive: opens OPEN (a JSON file that is not Docker's) in a workspace without Docker files and checks, in
//   "Developer: Show Running Extensions", that it activated VS Code's JSON extension and ours, and that our language
//   server stayed idle (status bar item "Proxy Doctor: idle").
// MODE=active: opens OPEN (a Docker file) and reads our activation time (load code + call activate, as VS Code shows
//   it); then clicks the rule id of OPEN's first finding in the Problems panel and waits for the bundled page to open
//   in a markdown preview (the diagnostic's code.target is a command URI; no network needed).
// Env: CS_URL (http://127.0.0.1:PORT/?folder=...), MODE, OPEN (path relative to the folder), RULE (MODE=active),
//      OUT_DIR (a screenshot lands there when a step fails).
// Prints `activation: {...}` as JSON and `activation-check: N passed, N failed`; exit 1 on any failure.
const { WAIT_MS: T, launch, createSteps, runPaletteCommand } = require('./chromium');

const url = process.env.CS_URL;
const mode = process.env.MODE;
const open = process.env.OPEN;
const rule = process.env.RULE;
const OURS = 'Docker Proxy Doctor'; // display names come from the installed extensions' manifests
const JSON_EXT = 'JSON Language Features';
const { say, step, finish, counts } = createSteps('activation', 'activation-check');



/** The row of an extension in "Developer: Show Running Extensions" (it lists only extensions whose activation started). */
const runningRow = (page, name) => page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: name }).first();

async function main() {
  if (!url || !open || !['active', 'inactive'].includes(mode) || (mode === 'active' && !rule)) {
    throw new Error('CS_URL, OPEN, MODE=active|inactive (and RULE for active) are required');
  }
  const browser = await launch();
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const report = { mode, open };
  try {
    await page.goto(url);
    if (!(await step('workbench renders', () => page.waitForSelector('.monaco-workbench', { timeout: T }).then(() => undefined)))) return;
    const base = open.split('/').pop();
    // Through the Explorer, folder by folder, as a user would (Quick Open did not list files under .docker/ here).
    const row = (name) => page.locator('.explorer-folders-view .monaco-list-row', {
      has: page.locator('.label-name', { hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }),
    }).first();
    const opened = await step(`open ${open} from the Explorer`, async () => {
      const parts = open.split('/');
      for (const dir of parts.slice(0, -1)) {
        const r = row(dir);
        await r.waitFor({ timeout: T });
        if ((await r.getAttribute('aria-expanded')) !== 'true') await r.click();
      }
      const file = row(base);
      await file.waitFor({ timeout: T });
      await file.click();
      await page.locator('.tabs-container .tab.active', { hasText: base }).waitFor({ timeout: T });
    });
    if (!opened) return;

    if (mode === 'inactive') {
      // onLanguage:json activates us (so /etc/docker/daemon.json opened on its own is linted), but an ordinary JSON
      // file must not start the language server: the status item stays "idle" (it says "starting"/"running" the
      // moment the server is asked to start, synchronously in activate()).
      await step(`${JSON_EXT} activated by the file; ${OURS} activated but its language server idle`, async () => {
        await runPaletteCommand(page, 'Developer: Show Running Extensions', T);
        await runningRow(page, JSON_EXT).waitFor({ timeout: T }); // proves onLanguage:json has fired
        const time = runningRow(page, OURS).locator('.activation-time', { hasText: /\d+ms/ });
        await time.waitFor({ timeout: T });
        report.activated = true;
        // Comparable with the Docker-file runs below: the same activate(), minus starting the language server.
        report.activationMs = Number.parseInt(/(\d+)ms/.exec(await time.innerText())?.[1] ?? '', 10);
        // activate() creates our status bar item; wait until the workbench shows it before reading its state
        await page.locator('.statusbar-item[aria-label*="Proxy Doctor"]').first().waitFor({ timeout: T });
        const idle = await page.locator('.statusbar-item[aria-label*="Proxy Doctor: idle"]').count();
        report.serverIdle = idle > 0;
        if (idle === 0) {
          const labels = await page.locator('.statusbar-item').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
          throw new Error(`the language server was started for a JSON file that is not Docker's (status bar: ${labels.filter(Boolean).join(' | ')})`);
        }
      });
    } else {
      await step(`${OURS} is running; its activation time`, async () => {
        await runPaletteCommand(page, 'Developer: Show Running Extensions', T);
        const row = runningRow(page, OURS);
        await row.waitFor({ timeout: T });
        // "Activation: 87ms" or "Startup Activation: 87ms" (load code + call activate); "Activating..." until done.
        const time = row.locator('.activation-time', { hasText: /\d+ms/ });
        await time.waitFor({ timeout: T });
        const text = (await time.innerText()).trim();
        report.activated = true;
        report.startup = /startup/i.test(text);
        report.activationMs = Number.parseInt(/(\d+)ms/.exec(text)?.[1] ?? '', 10);
        if (!Number.isFinite(report.activationMs)) throw new Error(`unreadable activation time "${text}"`);
        return text;
      });
      await step(`click ${rule} in the Problems panel opens the bundled page`, async () => {
        await page.locator('.tabs-container .tab', { hasText: base }).first().click();
        await page.keyboard.press('Control+Shift+M');
        const link = page.locator('.markers-panel .monaco-list-row .monaco-link', { hasText: rule }).first();
        await link.waitFor({ timeout: T });
        const href = await link.getAttribute('href');
        if (!href || !href.startsWith('command:')) throw new Error(`the link is not a command URI: ${href}`);
        await link.click();
        await page.locator('.tabs-container .tab', { hasText: `Preview ${rule}.md` }).waitFor({ timeout: T });
        const content = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame').locator('body');
        await content.getByText(`${rule}`).first().waitFor({ timeout: T });
        return href;
      });
    }
  } finally {
    if (counts.failed > 0 && process.env.OUT_DIR) {
      const shot = require('path').join(process.env.OUT_DIR, `activation-${mode}-${open.replace(/[^A-Za-z0-9]+/g, '_')}.png`);
      await page.screenshot({ path: shot }).then(() => say(`screenshot ${shot}`), (e) => say(`no screenshot: ${e.message}`));
    }
    console.log(`activation: ${JSON.stringify(report)}`);
    await browser.close();
  }
}

finish(main());
