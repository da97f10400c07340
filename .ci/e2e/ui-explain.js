// UI test of the error explainer against the INSTALLED .vsix in code-server: a real terminal prints a Docker proxy
// error, the mouse over it shows our link hover, Ctrl+click shows the explanation; the extension's Output channel
// then holds that error line, and the mouse over it there shows our hover. Every wait is bounded by a selector timeout.
// Nothing is pointed at before the extension has finished activating: xterm asks the link providers once, when the
// mouse arrives on a line, so a pointer that arrives before our provider is registered gets no link, no hover, no
// click target, and no logged line for the Output step either. On a loaded machine the workspaceContains search
// that activates us can take longer than the shell needs to print the line (the three failures seen under load).
// Env: CS_URL (http://127.0.0.1:PORT/?folder=...), OUT_DIR (screenshots).
const fs = require('fs');
const path = require('path');
const { launch, createSteps, runPaletteCommand } = require('./chromium');
const OURS = 'Docker Proxy Doctor'; // the display name in "Developer: Show Running Extensions"

const url = process.env.CS_URL;
const outDir = process.env.OUT_DIR || '.';
const T = 30000;
const ERROR = 'curl: (56) CONNECT tunnel failed, response 407';
const { say, step, finish } = createSteps('ui-explain');


/**
 * Moves the mouse onto `word` inside the element of `locator`. The word's box is measured in the page in one go
 * (a DOM Range over the text node that holds it), so a renderer that replaces its spans between two calls (xterm's
 * DOM renderer, the Output editor) cannot leave us with the text of one element and the box of another.
 */
async function pointAt(page, locator, word) {
  const at = await locator.evaluate((el, w) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.data.indexOf(w);
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + w.length);
      const b = range.getBoundingClientRect();
      return { x: b.x + b.width / 2, y: b.y + b.height / 2, width: b.width };
    }
    return { text: el.textContent };
  }, word);
  if (at.text !== undefined) throw new Error(`"${word}" is not in "${at.text}"`);
  if (!(at.width > 0)) throw new Error(`"${word}" is not visible (its box is ${at.width} px wide)`);
  await page.mouse.move(at.x - 20, at.y);
  await page.mouse.move(at.x, at.y, { steps: 4 });
  return { x: at.x, y: at.y };
}


async function main() {
  if (!url) throw new Error('CS_URL is required');
  fs.mkdirSync(outDir, { recursive: true });
  const browser = await launch();
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  try {
    await page.goto(url);
    if (!(await step('workbench renders', () => page.waitForSelector('.monaco-workbench', { timeout: T }).then(() => undefined)))) return;

    // "Developer: Show Running Extensions" shows an activation time for us only once activate() has returned, i.e.
    // after the terminal link provider and the Output hover provider were registered (registerExplain runs
    // synchronously inside activate()); the editor updates as extensions activate. Our own command, run after it,
    // activates us at once instead of after the workspaceContains search. The editor stays open (the terminal and the
    // Output view are in the panel below it).
    const active = await step(`${OURS} has finished activating`, async () => {
      await runPaletteCommand(page, 'Developer: Show Running Extensions', T);
      await page.locator('.runtime-extensions-editor').waitFor({ timeout: T });
      await runPaletteCommand(page, `${OURS}: Show Output`, T);
      const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: OURS }).first();
      const time = row.locator('.activation-time', { hasText: /\d+ms/ });
      await time.waitFor({ timeout: T });
      return (await time.innerText()).trim();
    }, page);
    if (!active) return;

    let at;
    const printed = await step('a terminal prints a Docker proxy error', async () => {
      await page.locator('.monaco-workbench').click({ position: { x: 700, y: 300 } });
      await page.keyboard.press('Control+Backquote');
      const rows = page.locator('.terminal-wrapper.active .xterm-rows > div');
      // wait for the shell's prompt before typing (a shell still starting drops or echoes keys twice)
      await rows.filter({ hasText: /[$#]\s*$/ }).first().waitFor({ timeout: T });
      await page.locator('.terminal-wrapper.active .xterm').first().click();
      await page.keyboard.type(`echo '${ERROR}'`);
      await page.keyboard.press('Enter');
      // the DOM renderer (user setting terminal.integrated.gpuAcceleration: off) puts each row's text in the page
      const row = rows.filter({ hasText: ERROR }).filter({ hasNotText: 'echo' }).first();
      await row.waitFor({ timeout: T });
      at = { row };
    }, page);

    if (printed) {
      await step('hovering the error shows our terminal link', async () => {
        at.point = await pointAt(page, at.row, 'tunnel');
        const hover = page.locator('.monaco-hover, .terminal-hover-widget, .workbench-hover', { hasText: 'Docker Proxy Doctor' }).first();
        await hover.waitFor({ timeout: T });
        return (await hover.innerText()).replace(/\s+/g, ' ').slice(0, 120);
      }, page);
      await step('Ctrl+click shows the explanation with its buttons', async () => {
        if (!at.point) throw new Error('the previous step found no link to click');
        await page.keyboard.down('Control');
        try {
          await page.mouse.click(at.point.x, at.point.y);
        } finally {
          await page.keyboard.up('Control'); // a Control left down turns the next step's F1 into Ctrl+F1
        }
        const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'proxy-auth-required' }).first();
        await toast.waitFor({ timeout: T });
        await toast.locator('.monaco-button', { hasText: 'Test Connectivity' }).first().waitFor({ timeout: T });
        return (await toast.innerText()).replace(/\s+/g, ' ').slice(0, 120);
      }, page);
    }

    await step('hover in the Output panel on the logged error line', async () => {
      await runPaletteCommand(page, 'Docker Proxy Doctor: Show Output', T);
      // The Output editor redraws its lines whenever the channel gets new log lines, which can detach the element
      // between finding it and pointing at it: find it again then (bounded: 5 attempts, each waiting on the DOM).
      for (let attempt = 1; ; attempt++) {
        try {
          const line = page.locator('.output-view .view-line', { hasText: 'CONNECT tunnel failed' }).last();
          await line.waitFor({ timeout: T });
          await line.scrollIntoViewIfNeeded();
          await pointAt(page, line, 'tunnel');
          const hover = page.locator('.monaco-hover', { hasText: 'proxy-auth-required' }).first();
          await hover.waitFor({ timeout: attempt < 5 ? T / 3 : T });
          return (await hover.innerText()).replace(/\s+/g, ' ').slice(0, 120);
        } catch (e) {
          if (attempt >= 5 || !/not attached|detached|not visible|is not in|Timeout/i.test(e.message)) throw e;
          say(`output line redrawn (${e.message.split('\n')[0]}); finding it again (attempt ${attempt + 1} of 5)`);
        }
      }
    }, page);
  } finally {
    const shot = path.join(outDir, 'ui-explain.png');
    await page.screenshot({ path: shot }).then(() => say(`screenshot ${shot}`), (e) => say(`no screenshot: ${e.message}`));
    await browser.close();
  }
}

finish(main());
