// UI test of the error explainer against the INSTALLED .vsix in code-server: a real terminal prints a Docker proxy
// error, the mouse over it shows our link hover, Ctrl+click shows the explanation; the extension's Output channel
// then holds that error line, and the mouse over it there shows our hover. Every wait is bounded by a selector timeout.
// Env: CS_URL (http://127.0.0.1:PORT/?folder=...), OUT_DIR (screenshots).
const fs = require('fs');
const path = require('path');
const { launch, createSteps, runPaletteCommand } = require('./chromium');

const url = process.env.CS_URL;
const outDir = process.env.OUT_DIR || '.';
const T = 30000;
const ERROR = 'curl: (56) CONNECT tunnel failed, response 407';
const { say, step, finish } = createSteps('ui-explain');


/** Moves the mouse onto `word` inside the text of `box` (an element that holds one line of monospace text). */
async function pointAt(page, locator, word) {
  const text = await locator.innerText();
  const i = text.indexOf(word);
  if (i < 0) throw new Error(`"${word}" is not in "${text}"`);
  const b = await locator.boundingBox();
  const cw = b.width / text.length;
  const x = b.x + cw * (i + word.length / 2);
  const y = b.y + b.height / 2;
  await page.mouse.move(x - 20, y);
  await page.mouse.move(x, y, { steps: 4 });
  return { x, y };
}


async function main() {
  if (!url) throw new Error('CS_URL is required');
  fs.mkdirSync(outDir, { recursive: true });
  const browser = await launch();
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  try {
    await page.goto(url);
    if (!(await step('workbench renders', () => page.waitForSelector('.monaco-workbench', { timeout: T }).then(() => undefined)))) return;

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
      const span = row.locator('span').first();
      at = { row, span };
    });

    if (printed) {
      await step('hovering the error shows our terminal link', async () => {
        const target = (await at.span.innerText()).includes('tunnel') ? at.span : at.row;
        at.point = await pointAt(page, target, 'tunnel');
        const hover = page.locator('.monaco-hover, .terminal-hover-widget, .workbench-hover', { hasText: 'Docker Proxy Doctor' }).first();
        await hover.waitFor({ timeout: T });
        return (await hover.innerText()).replace(/\s+/g, ' ').slice(0, 120);
      });
      await step('Ctrl+click shows the explanation with its buttons', async () => {
        await page.keyboard.down('Control');
        await page.mouse.click(at.point.x, at.point.y);
        await page.keyboard.up('Control');
        const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'proxy-auth-required' }).first();
        await toast.waitFor({ timeout: T });
        await toast.locator('.monaco-button', { hasText: 'Test Connectivity' }).first().waitFor({ timeout: T });
        return (await toast.innerText()).replace(/\s+/g, ' ').slice(0, 120);
      });
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
          await pointAt(page, line.locator('> span').first(), 'tunnel');
          const hover = page.locator('.monaco-hover', { hasText: 'proxy-auth-required' }).first();
          await hover.waitFor({ timeout: attempt < 5 ? T / 3 : T });
          return (await hover.innerText()).replace(/\s+/g, ' ').slice(0, 120);
        } catch (e) {
          if (attempt >= 5 || !/not attached|detached|Timeout/i.test(e.message)) throw e;
          say(`output line redrawn (${e.message.split('\n')[0]}); finding it again (attempt ${attempt + 1} of 5)`);
        }
      }
    });
  } finally {
    const shot = path.join(outDir, 'ui-explain.png');
    await page.screenshot({ path: shot }).then(() => say(`screenshot ${shot}`), (e) => say(`no screenshot: ${e.message}`));
    await browser.close();
  }
}

finish(main());
