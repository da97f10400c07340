// Shared parts of the code-server UI scripts: the Debian chromium launcher (playwright-core, headless, nothing
// fetched from the network), bounded waits, the pass/fail step runner with its summary line, running a command from
// the palette, and pointing at a word until its hover shows.
const path = require('path');
const { chromium } = require('playwright-core');

/**
 * How long one wait may last before it counts as a failure. Every wait ends as soon as the state it waits for is
 * there (an element, a text, a hover), so this number only bounds a failure; it is generous because a cold
 * code-server on a 2-core machine that other work keeps at 100 % can take tens of seconds for one step.
 */
const WAIT_MS = Number(process.env.UI_WAIT_MS) || 60000;

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

/**
 * Where `word` is inside the element of `locator`: its centre and size. The word's box is measured in the page in one
 * go (a DOM Range over the text node that holds it), so a renderer that replaces its spans between two calls (xterm's
 * DOM renderer, a Monaco editor) cannot leave us with the text of one element and the box of another.
 */
async function wordBox(locator, word) {
  const at = await locator.evaluate((el, w) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.data.indexOf(w);
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + w.length);
      const b = range.getBoundingClientRect();
      return { x: b.x + b.width / 2, y: b.y + b.height / 2, width: b.width, height: b.height };
    }
    return { text: el.textContent };
  }, word);
  if (at.text !== undefined) throw new Error(`"${word}" is not in "${at.text}"`);
  if (!(at.width > 0)) throw new Error(`"${word}" is not visible (its box is ${at.width} px wide)`);
  return at;
}

/**
 * Moves the mouse onto `word` inside the element of `locator`, coming from the line below: xterm asks the link
 * providers again only when the pointer changes lines (it keeps the answers for the line it is on), and a pointer that
 * rested on this line before the text was printed would otherwise get that old, empty answer. `beforeArriving` runs
 * while the pointer is on the line below (hoverUntilShown waits there for an old hover to close).
 */
async function pointAt(page, locator, word, beforeArriving) {
  const at = await wordBox(locator, word);
  await page.mouse.move(at.x, at.y + Math.max(at.height, 10) * 1.5);
  if (beforeArriving) await beforeArriving();
  await page.mouse.move(at.x, at.y, { steps: 4 });
  return { x: at.x, y: at.y };
}

/**
 * Watches, in the page, the element of `locator` for a change that takes it away from under a resting pointer: its
 * text changes (a renderer reused the element for another line) or it leaves the page; the ancestor matching
 * `scroller` scrolls (a Monaco editor hides its hover then); the ancestor matching `frame` changes size (a terminal
 * that is resized drops its links). `changed()` resolves with the reason at the first such change; `stop()` ends it.
 */
async function watchUnderPointer(page, locator, { scroller, frame } = {}) {
  const id = await locator.evaluate((el, opts) => {
    const registry = (window.__dpdWatches ??= { next: 0, all: new Map() });
    const watchId = ++registry.next;
    const watch = { observers: [] };
    watch.fired = new Promise((resolve) => { watch.fire = resolve; });
    const done = (why) => { for (const o of watch.observers) o.disconnect(); watch.fire(why); };
    const text = el.textContent;
    const onMutation = () => {
      if (!el.isConnected) done('it left the page');
      else if (el.textContent !== text) done('its text changed');
    };
    const own = new MutationObserver(onMutation);
    own.observe(el, { childList: true, subtree: true, characterData: true });
    watch.observers.push(own);
    if (el.parentNode) {
      const parent = new MutationObserver(onMutation);
      parent.observe(el.parentNode, { childList: true });
      watch.observers.push(parent);
    }
    const scrolling = opts.scroller ? el.closest(opts.scroller) : null;
    if (scrolling) {
      const s = new MutationObserver(() => done('the view scrolled'));
      s.observe(scrolling, { attributes: true, attributeFilter: ['style'] });
      watch.observers.push(s);
    }
    const box = opts.frame ? el.closest(opts.frame) : null;
    if (box) {
      const size = `${box.clientWidth}x${box.clientHeight}`;
      const r = new ResizeObserver(() => { if (`${box.clientWidth}x${box.clientHeight}` !== size) done('the view was resized'); });
      r.observe(box);
      watch.observers.push(r);
    }
    registry.all.set(watchId, watch);
    return watchId;
  }, { scroller: scroller ?? null, frame: frame ?? null });
  return {
    changed: () => page.evaluate((i) => window.__dpdWatches.all.get(i)?.fired ?? 'stopped', id),
    stop: () => page.evaluate((i) => {
      const watch = window.__dpdWatches.all.get(i);
      if (!watch) return;
      for (const o of watch.observers) o.disconnect();
      watch.fire('stopped');
      window.__dpdWatches.all.delete(i);
    }, id).catch(() => undefined),
  };
}

/** Errors of one pointing that a fresh look at the page can cure (the renderer replaced the element meanwhile). */
const REDRAWN = /not attached|detached|not visible|is not in|Execution context was destroyed/i;

/**
 * Rests the pointer on `word` in the element of `target` and waits for `hover` to be visible. The pointer is put back
 * only when what was under it moved away (watchUnderPointer: new text, a scroll, a resize), never on a timer; the
 * whole is bounded by `deadline`. Returns the point and the hover's text.
 */
async function hoverUntilShown(page, { target, word, hover, scroller, frame, scrollIntoView = false, deadline = 2 * WAIT_MS, say = () => {} }) {
  const end = Date.now() + deadline;
  const left = () => Math.max(1, end - Date.now());
  for (let attempt = 1; ; attempt++) {
    let watch;
    try {
      await target.waitFor({ timeout: left() });
      if (scrollIntoView) await target.scrollIntoViewIfNeeded({ timeout: left() }); // a redraw here is retried below
      watch = await watchUnderPointer(page, target, { scroller, frame });
      // A hover still open from before (the last step, the last pointing) says nothing about this pointing: the pointer
      // leaves the word (downwards; hovers open above their line) and waits for it to close before it comes back.
      const point = await pointAt(page, target, word, async () => {
        if (await hover.isVisible()) await hover.waitFor({ state: 'hidden', timeout: left() });
      });
      const outcome = await Promise.race([
        hover.waitFor({ state: 'visible', timeout: left() }).then(() => ({ shown: true })),
        watch.changed().then((why) => ({ why })),
      ]);
      if (outcome.shown) {
        const text = await hover.innerText({ timeout: left() }).catch(() => '(the hover closed before it was read)');
        return { point, text: text.replace(/\s+/g, ' ').trim(), attempts: attempt };
      }
      if (Date.now() >= end) throw new Error(`no hover within ${deadline} ms; the last pointing ended because ${outcome.why}`);
      say(`"${word}" moved from under the pointer (${outcome.why}); pointing again (attempt ${attempt + 1})`);
    } catch (e) {
      if (Date.now() >= end || !REDRAWN.test(e.message)) {
        const shown = await page.locator('.monaco-hover, .workbench-hover, .terminal-hover-widget').evaluateAll(
          (els) => els.filter((el) => el.getClientRects().length > 0).map((el) => `${el.className.split(' ')[0]}: ${el.textContent.slice(0, 80)}`),
        ).catch(() => []);
        e.message = `(hovers on the page: ${shown.length ? shown.join(' | ') : 'none'}) ${e.message}`;
        throw e;
      }
      say(`"${word}" was redrawn while pointing (${e.message.split('\n')[0]}); pointing again (attempt ${attempt + 1})`);
    } finally {
      await watch?.stop();
    }
  }
}

module.exports = { WAIT_MS, launch, deadline, createSteps, runPaletteCommand, wordBox, pointAt, watchUnderPointer, hoverUntilShown };
