// Shared parts of the code-server UI scripts: the Debian chromium launcher (playwright-core, headless, nothing
// fetched from the network), bounded waits, the pass/fail step runner with its summary line, and running a
// command from the palette.
const path = require('path');
const { chromium } = require('playwright-core');

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: ARGS });
}

/** Rejects after ms with a message naming what was awaited. */
function deadline(ms, what) {
  let timer;
  const p = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms); });
  p.cancel = () => clearTimeout(timer);
  return p;
}

/**
 * Steps of one UI script: `step(name, fn, page?)` runs fn, counts it, logs "ok"/"FAIL" with fn's returned detail, and
 * with a page saves `<script>-fail-N.png` of a failure into OUT_DIR. `finish(promise)` prints
 * "<summaryLabel>: N passed, M failed" (the runner greps it) and exits 0 only when something passed and nothing failed.
 */
function createSteps(script, summaryLabel = script) {
  const t0 = Date.now();
  const outDir = process.env.OUT_DIR || '.';
  const counts = { passed: 0, failed: 0 };
  const say = (m) => console.log(`[${script} ${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);
  async function step(name, fn, page) {
    try {
      const detail = await fn();
      counts.passed++;
      say(`ok   ${name}${detail ? `: ${detail}` : ''}`);
      return true;
    } catch (e) {
      counts.failed++;
      say(`FAIL ${name}: ${String(e.message).replace(/\x1b\[[0-9;]*m/g, '').split('\n').slice(0, 3).join(' ')}`);
      if (page) {
        const shot = path.join(outDir, `${script}-fail-${counts.failed}.png`);
        await page.screenshot({ path: shot }).then(() => say(`screenshot of the failure: ${shot}`), () => {});
      }
      return false;
    }
  }
  function finish(main) {
    return main.then(
      () => { console.log(`${summaryLabel}: ${counts.passed} passed, ${counts.failed} failed`); process.exit(counts.failed === 0 && counts.passed > 0 ? 0 : 1); },
      (e) => { console.error(`[${script}] ${e.message}`); console.log(`${summaryLabel}: ${counts.passed} passed, ${counts.failed + 1} failed`); process.exit(1); },
    );
  }
  return { say, step, finish, counts, outDir };
}

/**
 * Runs a command from the palette (F1) by its title; waits, bounded, for the input and for a row that shows the
 * title (the part after "Category: " when the palette shows the category separately).
 */
async function runPaletteCommand(page, title, timeout) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title.split(': ').pop() }).first().waitFor({ timeout });
  await page.keyboard.press('Enter');
}

module.exports = { launch, deadline, createSteps, runPaletteCommand };
