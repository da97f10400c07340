// UI test of "Docker Proxy Doctor: Set Up Proxy…" against the INSTALLED .vsix in code-server: the command from the
// palette and its input boxes (password box masked), the preview of every change as one multi-file diff with the
// Apply dialog, and the terminal step it leaves for the user; then "Undo Last Setup" restores config.json byte for
// byte. Screenshots: setup-command.png, setup-preview.png, setup-terminal.png. The password never shows on the page.
// Env: CS_URL (http://127.0.0.1:PORT/?folder=...), OUT_DIR (screenshots), DOCKER_CONFIG (the prepared machine).
const fs = require('fs');
const path = require('path');
const { WAIT_MS: T, launch, createSteps, runPaletteCommand } = require('./chromium');

const url = process.env.CS_URL;
const outDir = process.env.OUT_DIR || '.';
const PASSWORD = 'p%ss@w:rd';
const SECRETS = [PASSWORD, 'p%25ss%40w%3Ard'];
const { step, finish } = createSteps('ui-setup');

async function answer(page, text, shot) {
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: T });
  if (text !== undefined) await input.fill(text);
  if (shot) await page.screenshot({ path: path.join(outDir, shot) });
  await page.keyboard.press('Enter');
}

async function assertNoSecret(page) {
  const text = await page.locator('body').innerText();
  for (const s of SECRETS) if (text.includes(s)) throw new Error(`the page shows the password (${s === PASSWORD ? 'raw' : 'encoded'})`);
}

async function main() {
  if (!url) throw new Error('CS_URL is required');
  const configFile = path.join(process.env.DOCKER_CONFIG || '', 'config.json');
  const original = fs.readFileSync(configFile, 'utf8');
  fs.mkdirSync(outDir, { recursive: true });
  const browser = await launch();
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  try {
    await page.goto(url);
    if (!(await step('workbench renders', () => page.waitForSelector('.monaco-workbench', { timeout: T }).then(() => undefined)))) return;

    const asked = await step('Set Up Proxy… from the palette asks for the proxy, user, password (masked), NO_PROXY and layers', async () => {
      // The palette lists an extension's commands once the extension host has registered it: wait for our status
      // bar item, the first thing the activated extension shows, before typing the command's name.
      await page.locator('.statusbar-item', { hasText: 'Proxy Doctor' }).first().waitFor({ timeout: T });
      await page.locator('.monaco-workbench').click({ position: { x: 700, y: 300 } });
      await runPaletteCommand(page, 'Docker Proxy Doctor: Set Up Proxy', T);
      await page.locator('.quick-input-widget', { hasText: 'proxy URL' }).waitFor({ timeout: T });
      await answer(page, 'http://127.0.0.1:3128', 'setup-command.png');
      await page.locator('.quick-input-widget', { hasText: 'user (optional)' }).waitFor({ timeout: T });
      await answer(page, 'alice');
      await page.locator('.quick-input-widget', { hasText: 'password' }).waitFor({ timeout: T });
      const type = await page.locator('.quick-input-widget input').getAttribute('type');
      if (type !== 'password') throw new Error(`the password box is of type ${type}`);
      await answer(page, PASSWORD);
      await page.locator('.quick-input-widget', { hasText: 'NO_PROXY' }).waitFor({ timeout: T });
      const prefilled = await page.locator('.quick-input-widget input').inputValue();
      if (!prefilled.startsWith('localhost,127.0.0.1,::1')) throw new Error(`NO_PROXY pre-filled with "${prefilled}"`);
      await answer(page);
      await page.locator('.quick-input-widget', { hasText: 'layers' }).waitFor({ timeout: T });
      await answer(page);
      return `NO_PROXY pre-filled: ${prefilled}`;
    }, page);
    if (!asked) return;

    const previewed = await step('every change is previewed as one multi-file diff, with the Apply dialog', async () => {
      await page.locator('.tab', { hasText: /Set Up Proxy: \d+ file change/ }).first().waitFor({ timeout: T });
      const dialog = page.locator('.monaco-dialog-box');
      await dialog.waitFor({ timeout: T });
      await page.locator('.monaco-editor .view-line', { hasText: 'xxxxx:xxxxx@' }).first().waitFor({ timeout: T });
      await assertNoSecret(page);
      await page.screenshot({ path: path.join(outDir, 'setup-preview.png') });
      const text = await dialog.innerText();
      return text.split('\n')[0];
    }, page);
    if (!previewed) return;

    await step('Apply writes config.json and leaves the remaining steps in a terminal, not run, without the password', async () => {
      await page.locator('.monaco-dialog-box .monaco-button', { hasText: 'Apply' }).first().click();
      await page.locator('.notification-toast', { hasText: 'Set Up Proxy: wrote' }).first().waitFor({ timeout: T });
      const written = JSON.parse(fs.readFileSync(configFile, 'utf8'));
      if (!written.proxies?.default?.httpsProxy?.includes('@')) throw new Error('config.json has no proxy with credentials');
      const rows = page.locator('.terminal-wrapper.active .xterm-rows > div');
      await rows.filter({ hasText: /systemctl|sudo install|buildx/ }).first().waitFor({ timeout: T });
      await assertNoSecret(page);
      await page.screenshot({ path: path.join(outDir, 'setup-terminal.png') });
      return `httpsProxy host ${new URL(written.proxies.default.httpsProxy).host}`;
    }, page);

    await step('Undo Last Setup restores config.json byte for byte', async () => {
      await page.locator('.monaco-workbench .part.editor').click({ position: { x: 400, y: 200 } });
      await runPaletteCommand(page, 'Docker Proxy Doctor: Undo Last Setup', T);
      await page.locator('.notification-toast', { hasText: 'Undo Last Setup: restored' }).first().waitFor({ timeout: T });
      if (fs.readFileSync(configFile, 'utf8') !== original) throw new Error('config.json differs from before the setup');
    }, page);
  } finally {
    if (fs.readFileSync(configFile, 'utf8') !== original) fs.writeFileSync(configFile, original);
    await browser.close();
  }
}

finish(main());
