// UI smoke test against the INSTALLED .vsix in code-server: open a bad daemon.json from the Explorer, see our finding
// in the Problems panel and in the status bar item, run "Docker Proxy Doctor: Show Rule Documentation" from the
// command palette, see the rule page; open the Proxy Status view in a 700 px sidebar: Problems first with each problem's
// next step, Details collapsed; run "Test Registry Connectivity" from the palette: the failed layers join the Problems,
// all visible without scrolling, and the status bar says "test failed" (proxy-status.png, the broken machine); open a
// layer with one row per registry (connectivity-tree.png) and the report from the notification
// (connectivity-report.png); a last screenshot ui-smoke.png. Every wait is bounded by a selector timeout.
// Env: CS_URL (http://127.0.0.1:PORT/?folder=...), OUT_DIR (screenshots).
const fs = require('fs');
const path = require('path');
const { WAIT_MS: T, launch, createSteps, runPaletteCommand } = require('./chromium');

const url = process.env.CS_URL;
const outDir = process.env.OUT_DIR || '.';
const { say, step, finish } = createSteps('ui-smoke');


async function main() {
  if (!url) throw new Error('CS_URL is required');
  fs.mkdirSync(outDir, { recursive: true });
  const browser = await launch();
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const row = (container, name) =>
    page.locator(`${container} .monaco-list-row`, { has: page.locator('.label-name', { hasText: new RegExp(`^${name.replace(/\./g, '\\.')}$`) }) }).first();
  try {
    await page.goto(url);
    const ok = await step('workbench renders', () => page.waitForSelector('.monaco-workbench', { timeout: T }).then(() => undefined));
    if (!ok) return;

    await step('open etc/docker/daemon.json from the Explorer', async () => {
      for (const name of ['etc', 'docker']) {
        const r = row('.explorer-folders-view', name);
        await r.waitFor({ timeout: T });
        if ((await r.getAttribute('aria-expanded')) !== 'true') await r.click();
      }
      const file = row('.explorer-folders-view', 'daemon.json');
      await file.waitFor({ timeout: T });
      await file.click();
      await page.locator('.tabs-container .tab.active', { hasText: 'daemon.json' }).waitFor({ timeout: T });
      await page.locator('.monaco-editor .view-line', { hasText: '"http-proxy"' }).first().waitFor({ timeout: T });
    });

    await step('Problems panel lists DJ001 from docker-proxy-doctor', async () => {
      await page.locator('.monaco-editor').first().click();
      await page.keyboard.press('Control+Shift+M');
      const finding = page.locator('.markers-panel .monaco-list-row', { hasText: 'is ignored by dockerd' }).first();
      await finding.waitFor({ timeout: T });
      const text = (await finding.innerText()).replace(/\s+/g, ' ');
      if (!/docker-proxy-doctor/.test(text) || !/DJ001/.test(text)) throw new Error(`row lacks source/code: ${text}`);
      return text.slice(0, 140);
    });

    await step('status bar item shows the server running', async () => {
      const item = page.locator('.statusbar-item', { hasText: 'Proxy Doctor' }).first();
      await item.waitFor({ timeout: T });
      // the item says "starting" (a spinner) until the server answers: wait for the running state, not the first look
      await item.locator('.codicon-check').waitFor({ timeout: T }).catch(async () => {
        throw new Error(`status item is not in the running state: ${await item.innerText()}`);
      });
    });

    await step('palette: "Docker Proxy Doctor: Show Rule Documentation" opens the DJ001 page', async () => {
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ timeout: T });
      await input.fill('>Docker Proxy Doctor: Show Rule Documentation');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Rule Documentation' }).first().waitFor({ timeout: T });
      await page.keyboard.press('Enter');
      // second step: our quick pick of rule ids
      await page.locator('.quick-input-widget', { hasText: 'rule documentation' }).waitFor({ timeout: T });
      await input.fill('DJ001');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'top-level-proxy-key' }).first().waitFor({ timeout: T });
      await page.keyboard.press('Enter');
      await page.locator('.tabs-container .tab', { hasText: 'Preview DJ001.md' }).waitFor({ timeout: T });
      // the page's content renders inside the webview's nested iframe
      const content = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame').locator('body');
      await content.getByText('top-level-proxy-key').first().waitFor({ timeout: T });
    });

    /** Runs a palette command by its full title (bounded waits). */
    const runCommand = (title) => runPaletteCommand(page, title, T);
    /** Drags the sidebar's right edge until the sidebar is `width` px wide (a common laptop sidebar: 700 px). */
    const sidebarWidth = async (width) => {
      const box = await page.locator('.part.sidebar').boundingBox();
      if (!box) throw new Error('no sidebar');
      const x = box.x + box.width - 1;
      const y = box.y + box.height / 2;
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x + (width - box.width), y, { steps: 5 });
      await page.mouse.up();
      return Math.round((await page.locator('.part.sidebar').boundingBox()).width);
    };
    const view = '.part.sidebar .pane-body';
    const rows = () => page.locator(`${view} .monaco-list-row`);
    const sidebarRow = (text) => page.locator(`${view} .monaco-list-row`, { has: page.locator('.label-name', { hasText: text }) }).first();
    /** Every row of the view with its level, label, description and expansion (from the DOM VS Code drew). */
    const readRows = () => rows().evaluateAll((els) => els.map((el) => ({
      level: Number(el.getAttribute('aria-level')),
      expanded: el.getAttribute('aria-expanded'),
      label: (el.querySelector('.label-name')?.textContent || '').trim(),
      description: (el.querySelector('.label-description')?.textContent || '').trim(),
      top: el.getBoundingClientRect().top,
      bottom: el.getBoundingClientRect().bottom,
    })));
    /** The Problems rows: the first root, open, with its children right under it. */
    const problemRows = async () => {
      const all = await readRows();
      if (!/^(Problems|No problems found)$/.test(all[0]?.label)) throw new Error(`the view does not open with Problems: ${all.map((r) => r.label).join(' | ')}`);
      if (all[0].expanded !== 'true' && all[0].label === 'Problems') throw new Error('Problems is not expanded');
      const end = all.findIndex((r, i) => i > 0 && r.level === 1);
      return { all, problems: all.slice(1, end) };
    };
    const viewOpen = await step('activity bar: the Proxy Status view opens with Problems, each with its next step; Details is collapsed', async () => {
      await page.keyboard.press('Escape');
      await runCommand('View: Close All Editors');
      await page.locator('.activitybar [aria-label^="Docker Proxy Doctor"]').first().click();
      // a container with a single view shows its name in the sidebar title: "DOCKER PROXY DOCTOR: PROXY STATUS"
      await page.locator('.part.sidebar .title-label', { hasText: /Docker Proxy Doctor/i }).first().waitFor({ timeout: T });
      await sidebarRow(/^Docker$/).waitFor({ timeout: T });
      await sidebarRow(/^Details$/).waitFor({ timeout: T });
      const width = await sidebarWidth(700);
      const { all, problems } = await problemRows();
      if (problems.length < 3) throw new Error(`expected the broken machine's problems (daemon down, CC008, CC012 …), got ${problems.map((r) => r.label).join(' | ')}`);
      for (const r of problems) if (!r.description) throw new Error(`problem without its next step: ${r.label}`);
      if (!problems.some((r) => /^Docker: /.test(r.label))) throw new Error('the daemon being down is not a problem');
      const details = all.find((r) => r.label === 'Details');
      if (details.expanded !== 'false' || details.level !== 1) throw new Error(`Details is not a collapsed root: ${JSON.stringify(details)}`);
      return `sidebar ${width} px; ${problems.length} problems: ${problems.map((r) => `${r.label} — ${r.description}`).join(' | ')}`;
    });

    await step('status bar item shows the proxy health', async () => {
      const item = page.locator('.statusbar-item', { hasText: 'Proxy:' }).first();
      await item.waitFor({ timeout: T });
      return (await item.innerText()).replace(/\s+/g, ' ');
    });

    if (viewOpen) {
      const ran = await step('palette: "Test Registry Connectivity" adds the failed layers to Problems and to the status bar (broken machine: proxy-status.png)', async () => {
        await page.keyboard.press('F1');
        const input = page.locator('.quick-input-widget input');
        await input.waitFor({ timeout: T });
        await input.fill('>Docker Proxy Doctor: Test Registry Connectivity');
        await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Test Registry Connectivity' }).first().waitFor({ timeout: T });
        await page.keyboard.press('Enter');
        await page.locator('.quick-input-widget', { hasText: 'test registry connectivity' }).waitFor({ timeout: T });
        await page.locator('.quick-input-list .monaco-list-row', { hasText: 'registry-1.docker.io' }).first().waitFor({ timeout: T });
        await page.keyboard.press('Enter');
        // every probe is bounded by its own timeout (5 s by default) and all layers run in parallel
        await page.locator('.notifications-toasts .notification-list-item', { hasText: 'Connectivity test' }).first().waitFor({ timeout: 2 * T });
        // the run is over: its progress notification closes
        await page.locator('.notifications-toasts .notification-list-item', { hasText: 'testing registry connectivity' }).waitFor({ state: 'detached', timeout: T });
        await sidebarRow(/registry-1\.docker\.io/).waitFor({ timeout: T });
        await page.locator('.statusbar-item', { hasText: /Proxy: test failed \(/ }).first().waitFor({ timeout: T });
        const { problems } = await problemRows();
        const failed = problems.filter((r) => /registry-1\.docker\.io/.test(r.label));
        if (!failed.length) throw new Error('no failed test result among the problems');
        // each problem and its next step visible without scrolling, in a 700 px sidebar
        const box = await page.locator(view).boundingBox();
        for (const r of problems) {
          if (!r.description) throw new Error(`problem without its next step: ${r.label}`);
          if (r.top < box.y || r.bottom > box.y + box.height) throw new Error(`problem row out of view: ${r.label}`);
        }
        // a problem in a file (CC008 in config.json): hovering shows its inline Open File action
        const withFile = page.locator(`${view} .monaco-list-row[aria-level="2"]`, { has: page.locator('.label-name', { hasText: /^config\.json: httpProxy is set/ }) }).first();
        await withFile.hover();
        await withFile.locator('.action-label.codicon-go-to-file').waitFor({ state: 'visible', timeout: T });
        // no hover card over the rows in the picture
        await page.mouse.move(1000, 150);
        await page.locator('.monaco-hover, .workbench-hover').first().waitFor({ state: 'hidden', timeout: T }).catch(() => undefined);
        await page.screenshot({ path: path.join(outDir, 'proxy-status.png') });
        const bar = (await page.locator('.statusbar-item', { hasText: 'Proxy:' }).first().innerText()).replace(/\s+/g, ' ');
        return `${problems.length} problems, ${failed.length} from the test; status bar: ${bar}`;
      }, page);
      if (ran) {
        await step('a layer shows one row per registry for the last test (connectivity-tree.png)', async () => {
          await page.mouse.move(900, 300);
          const daemon = page.locator(`${view} .monaco-list-row[aria-level="1"]`, { has: page.locator('.label-name', { hasText: /^Daemon$/ }) }).first();
          await daemon.click();
          if ((await daemon.getAttribute('aria-expanded')) !== 'true') await daemon.press('ArrowRight');
          const probe = page.locator(`${view} .monaco-list-row[aria-level="2"]`, { has: page.locator('.label-name', { hasText: /^registry-1\.docker\.io: [a-z]+ \d+ ms$/ }) });
          await probe.first().waitFor({ timeout: T });
          const count = await probe.count();
          if (count !== 1) throw new Error(`${count} rows for the daemon and registry-1.docker.io (expected one)`);
          await page.mouse.move(900, 300);
          await page.screenshot({ path: path.join(outDir, 'connectivity-tree.png') });
          return (await probe.first().innerText()).replace(/\s+/g, ' ').slice(0, 140);
        }, page);
        await step('notification "Show report" opens the Connectivity log', async () => {
          const toast = page.locator('.notifications-toasts .notification-list-item', { hasText: 'Connectivity test' }).first();
          await toast.hover();
          await toast.locator('.monaco-button', { hasText: 'Show report' }).first().click();
          // Monaco renders only the lines in view, and where the channel stands (its end, or where it was) varies: any
          // line of the report names the registry (the header, a result, the closing verdict).
          await page.locator('.part.panel .monaco-editor .view-line', { hasText: /registry-1\.docker\.io/ }).first().waitFor({ timeout: T });
          await page.mouse.move(900, 300);
          await page.screenshot({ path: path.join(outDir, 'connectivity-report.png') });
        }, page);
      }
    }

  } finally {
    const shot = path.join(outDir, 'ui-smoke.png');
    await page.screenshot({ path: shot }).then(() => say(`screenshot ${shot}`), (e) => say(`no screenshot: ${e.message}`));
    await browser.close();
  }
}

finish(main());
