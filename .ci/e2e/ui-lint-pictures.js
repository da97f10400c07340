// README pictures of the lint UI, each an asserted step against the INSTALLED .vsix in code-server, in a workspace
// of three small bad files (test/fixtures/pictures-workspace, copied by test/vscode/run-in-code-server.sh):
//   lint-daemon-json.png  etc/docker/daemon.json: DJ001 squiggles and Problems rows, Quick Fix menu with the move fix;
//   lint-dropin.png       a docker.service.d drop-in: SV010 squiggle and Problems row, Quick Fix menu with the split fix;
//   lint-dockerfile.png   Dockerfile: DF001 squiggle and Problems row (password masked), Quick Fix menu; then the hover;
//   rule-docs-picker.png  "Docker Proxy Doctor: Show Rule Documentation": the quick pick of rules.
// Every wait is bounded and waits on the DOM (squiggles, Problems rows, the Quick Fix action widget, the hover).
// Env: CS_URL (http://127.0.0.1:PORT/?folder=...), OUT_DIR (screenshots).
const fs = require('fs');
const path = require('path');
const { WAIT_MS: T, launch, createSteps, runPaletteCommand } = require('./chromium');

const url = process.env.CS_URL;
const outDir = process.env.OUT_DIR || '.';
const { say, step, finish } = createSteps('ui-lint-pictures');
const flat = (s) => s.replace(/\s+/g, ' ').trim();


async function main() {
  if (!url) throw new Error('CS_URL is required');
  fs.mkdirSync(outDir, { recursive: true });
  const browser = await launch();
  const page = await browser.newPage({ viewport: { width: 1280, height: 640 } });
  const editor = page.locator('.part.editor .editor-group-container.active .monaco-editor').first();
  const quickInput = page.locator('.quick-input-widget input');
  const actionWidget = page.locator('.action-widget').first();
  const shot = (name) => page.screenshot({ path: path.join(outDir, name) });
  const rest = () => page.mouse.move(1270, 400); // off every hover target

  /** Runs a palette command by its full title. */
  const runCommand = (title) => runPaletteCommand(page, title, T);
  /** Closes the editors of the previous picture; its findings leave the Problems panel (the server clears a closed
   *  document's diagnostics), so each picture lists only its own file's. */
  const closeEditors = async (previousRule) => {
    await runCommand('View: Close All Editors');
    await page.locator('.tabs-container .tab').first().waitFor({ state: 'detached', timeout: T });
    await page.locator('.markers-panel .monaco-list-row', { hasText: previousRule }).first().waitFor({ state: 'detached', timeout: T });
  };
  /** Opens a workspace file through Quick Open (F1, then a file name instead of ">command"). */
  const openFile = async (rel, lineText) => {
    const base = path.basename(rel);
    await page.keyboard.press('F1');
    await quickInput.waitFor({ timeout: T });
    await quickInput.fill(base);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: base }).first().waitFor({ timeout: T });
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab.active', { hasText: base }).waitFor({ timeout: T });
    await editor.locator('.view-line', { hasText: lineText }).first().waitFor({ timeout: T });
  };
  /** Waits for our squiggle in the active editor, shows Problems and waits for `count` rows naming the rule. */
  const findings = async (ruleId, severity, count, messagePart) => {
    await editor.locator(`.squiggly-${severity}`).first().waitFor({ timeout: T });
    const squiggles = await editor.locator(`.squiggly-${severity}`).count();
    if (!(await page.locator('.markers-panel').isVisible())) {
      await editor.click({ position: { x: 400, y: 5 } });
      await page.keyboard.press('Control+Shift+M');
    }
    const rows = page.locator('.markers-panel .monaco-list-row', { hasText: ruleId }).filter({ hasText: messagePart });
    await rows.first().waitFor({ timeout: T });
    // Problems rows come from the same publishDiagnostics, so all of them are there once the first is
    const n = await rows.count();
    if (n < count) throw new Error(`${n} Problems rows for ${ruleId}, expected ${count}`);
    const text = flat(await rows.first().innerText());
    if (!text.includes('docker-proxy-doctor')) throw new Error(`Problems row lacks the source: ${text}`);
    return { squiggles, rows: n, text };
  };
  /** Puts the cursor at line:col (Go to Line), opens the Quick Fix menu (Ctrl+.), checks that it lists fixTitle. */
  const quickFixMenu = async (line, col, fixTitle) => {
    await editor.click({ position: { x: 400, y: 5 } });
    await page.keyboard.press('Control+g');
    await quickInput.waitFor({ timeout: T });
    await quickInput.fill(`:${line}:${col}`);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: T });
    // Ctrl+. asks for the code actions at the cursor itself; the light bulb (a content widget, or a glyph in the gutter
    // when the line's text starts at column 1) is not waited for: in the third editor of this window it did not show
    // up at all, although Ctrl+. then listed the fixes
    await page.keyboard.press('Control+.');
    return menuTitles(fixTitle);
  };
  const menuTitles = async (fixTitle) => {
    await actionWidget.locator('.monaco-list-row', { hasText: fixTitle }).first().waitFor({ timeout: T });
    const titles = (await actionWidget.locator('.monaco-list-row.action').allInnerTexts()).map(flat);
    if (!titles.some((t) => t.includes(fixTitle))) throw new Error(`Quick Fix menu lacks "${fixTitle}": ${titles.join(' | ')}`);
    return titles;
  };
  const closeMenu = async () => {
    await page.keyboard.press('Escape');
    await actionWidget.waitFor({ state: 'hidden', timeout: T });
  };

  try {
    await page.goto(url);
    if (!(await step('workbench renders', () => page.waitForSelector('.monaco-workbench', { timeout: T }).then(() => undefined)))) return;

    await step('daemon.json: DJ001 squiggles and Problems rows; Quick Fix offers the move into "proxies" (lint-daemon-json.png)', async () => {
      await openFile('etc/docker/daemon.json', '"http-proxy"');
      const f = await findings('DJ001', 'error', 3, 'is ignored by dockerd');
      const titles = await quickFixMenu(4, 4, 'Move "no-proxy" into "proxies"');
      if (!titles.some((t) => t.includes('Show documentation for DJ001'))) throw new Error(`no docs action: ${titles.join(' | ')}`);
      await rest();
      await shot('lint-daemon-json.png');
      await closeMenu();
      return `${f.squiggles} squiggles, ${f.rows} rows; menu: ${titles.join(' | ')}`;
    }, page);

    await step('drop-in: SV010 squiggle and Problems row; Quick Fix offers one Environment= line per variable (lint-dropin.png)', async () => {
      await closeEditors('DJ001');
      await openFile('etc/systemd/system/docker.service.d/http-proxy.conf', 'Environment=');
      const lang = flat(await page.locator('.statusbar-item', { hasText: 'systemd drop-in' }).first().innerText({ timeout: T }));
      const f = await findings('SV010', 'error', 1, 'One quoted string holds 2 assignments');
      const titles = await quickFixMenu(2, 14, 'One Environment= line per variable');
      await rest();
      await shot('lint-dropin.png');
      await closeMenu();
      return `language "${lang}", ${f.rows} row; menu: ${titles.join(' | ')}`;
    }, page);

    await step('Dockerfile: DF001 squiggle and Problems row with the password masked; Quick Fix removes http_proxy from the ENV (lint-dockerfile.png); the hover masks it too and offers Quick Fix', async () => {
      await closeEditors('SV010');
      await openFile('Dockerfile', 'ENV http_proxy');
      const f = await findings('DF001', 'error', 1, 'stores the proxy password in the image');
      if (f.text.includes('S3cret')) throw new Error(`Problems row shows the password: ${f.text}`);
      const titles = await quickFixMenu(2, 6, 'Remove http_proxy from this ENV');
      await rest();
      await shot('lint-dockerfile.png');
      await closeMenu();
      // The hover on the squiggle: the diagnostic, our layer notes and "Quick Fix...", the password masked. Not the
      // picture: it is taller than the hover's 250 px cap, so its "Quick Fix..." row sits below the fold.
      // The editor redraws its decorations after the menu closes: wait for a rendered squiggle, then measure it
      // (a redraw between the two detaches it, so measure again, a bounded number of times).
      let sq = null;
      for (let i = 0; i < 5 && !sq; i++) {
        const squiggle = editor.locator('.squiggly-error').first();
        await squiggle.waitFor({ state: 'visible', timeout: T });
        sq = await squiggle.boundingBox();
      }
      if (!sq) throw new Error('the DF001 squiggle kept being redrawn; it could not be measured');
      await page.mouse.move(sq.x + sq.width / 2 - 30, sq.y + sq.height / 2);
      await page.mouse.move(sq.x + sq.width / 2, sq.y + sq.height / 2, { steps: 4 });
      const hover = page.locator('.monaco-hover', { hasText: 'DF001' }).first();
      await hover.waitFor({ timeout: T });
      await hover.locator('.action-container', { hasText: 'Quick Fix' }).first().waitFor({ timeout: T });
      const h = flat(await hover.innerText());
      if (h.includes('S3cret')) throw new Error(`hover shows the password: ${h.slice(0, 200)}`);
      if (!h.includes('xxxxx:xxxxx@proxy.example.com')) throw new Error(`hover lacks the masked URL: ${h.slice(0, 200)}`);
      await rest();
      return `hover: ${h.slice(0, 100)}…; menu: ${titles.join(' | ')}`;
    }, page);

    await step('palette: "Docker Proxy Doctor: Show Rule Documentation" lists the rules (rule-docs-picker.png)', async () => {
      await closeEditors('DF001');
      await runCommand('Docker Proxy Doctor: Show Rule Documentation');
      await page.locator('.quick-input-widget', { hasText: 'rule documentation' }).waitFor({ timeout: T });
      const dj001 = page.locator('.quick-input-list .monaco-list-row', { hasText: 'DJ001' }).filter({ hasText: 'top-level-proxy-key' }).first();
      await dj001.waitFor({ timeout: T });
      const rows = await page.locator('.quick-input-list .monaco-list-row').count();
      if (rows < 5) throw new Error(`only ${rows} rules shown`);
      // only the top of the window: the picker over an empty editor area
      const box = await page.locator('.quick-input-widget').boundingBox();
      await page.screenshot({ path: path.join(outDir, 'rule-docs-picker.png'), clip: { x: 0, y: 0, width: 1280, height: Math.ceil(box.y + box.height + 24) } });
      await page.keyboard.press('Escape');
      return `${rows} rows rendered; ${flat(await dj001.innerText()).slice(0, 120)}`;
    }, page);
  } finally {
    const last = path.join(outDir, 'ui-lint-pictures.png');
    await page.screenshot({ path: last }).then(() => say(`screenshot ${last}`), (e) => say(`no screenshot: ${e.message}`));
    await browser.close();
  }
}

finish(main());
