// UI smoke test against the INSTALLED .vsix in code-server: open a bad daemon.json from the Explorer, see our finding
// in the Problems panel and in the status bar item, run "Docker Proxy Doctor: Show Rule Documentation" from the
// command palette, see the rule page; open the Proxy Status view (screenshot proxy-status.png), run "Test Registry
// Connectivity" from the palette, see the per-layer results in the tree (connectivity-tree.png) and open the report
// from the notification (connectivity-report.png); a last screenshot ui-smoke.png. Every wait is bounded by a
// selector timeout.
// Env: CS_URL (http://127.0.0.1:PORT/?folder=...), OUT_DIR (screenshots).
const fs = require('fs');
const path = require('path');
const { launch, createSteps, runPaletteCommand } = require('./chromium');

const url = process.env.CS_URL;
const outDir = process.env.OUT_DIR || '.';
const T = 30000;
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
      const icon = await item.locator('.codicon-check').count();
      if (icon !== 1) throw new Error(`status item is not in the running state: ${await item.innerText()}`);
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
    /** Drags the sidebar's right edge so the tree's descriptions fit in the screenshots. */
    const widenSidebar = async (dx) => {
      const box = await page.locator('.part.sidebar').boundingBox();
      if (!box) return;
      const x = box.x + box.width - 1;
      const y = box.y + box.height / 2;
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x + dx, y, { steps: 5 });
      await page.mouse.up();
    };
    const sidebarRow = (text) => page.locator('.part.sidebar .monaco-list-row', { hasText: text }).first();
    const viewOpen = await step('activity bar: the Proxy Status view shows Docker and the layers', async () => {
      await page.keyboard.press('Escape');
      await runCommand('View: Close All Editors');
      await page.locator('.activitybar [aria-label^="Docker Proxy Doctor"]').first().click();
      // a container with a single view shows its name in the sidebar title: "DOCKER PROXY DOCTOR: PROXY STATUS"
      await page.locator('.part.sidebar .title-label', { hasText: /Docker Proxy Doctor/i }).first().waitFor({ timeout: T });
      const docker = page.locator('.part.sidebar .monaco-list-row', { has: page.locator('.label-name', { hasText: /^Docker$/ }) }).first();
      await docker.waitFor({ timeout: T });
      await widenSidebar(300);
      await page.mouse.move(900, 300); // no hover tooltip over the view in the screenshot
      const rows = await page.locator('.part.sidebar .monaco-list-row').count();
      if (rows < 7) throw new Error(`only ${rows} rows in the view (expected Docker and six layers)`);
      await page.screenshot({ path: path.join(outDir, 'proxy-status.png') });
      return `${rows} rows; ${(await docker.innerText()).replace(/\s+/g, ' ')}`;
    });

    await step('status bar item shows the proxy health', async () => {
      const item = page.locator('.statusbar-item', { hasText: 'Proxy:' }).first();
      await item.waitFor({ timeout: T });
      return (await item.innerText()).replace(/\s+/g, ' ');
    });

    if (viewOpen) {
      const ran = await step('palette: "Docker Proxy Doctor: Test Registry Connectivity" shows per-layer results in the tree', async () => {
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
        await page.locator('.notifications-toasts .notification-list-item', { hasText: 'Connectivity test' }).first().waitFor({ timeout: 90000 });
        const probe = sidebarRow(/registry-1\.docker\.io: [a-z]+ \d+ ms/);
        await probe.waitFor({ timeout: T });
        await page.mouse.move(900, 300);
        await page.screenshot({ path: path.join(outDir, 'connectivity-tree.png') });
        return (await probe.innerText()).replace(/\s+/g, ' ').slice(0, 140);
      });
      if (ran) {
        await step('notification "Show report" opens the Connectivity log', async () => {
          const toast = page.locator('.notifications-toasts .notification-list-item', { hasText: 'Connectivity test' }).first();
          await toast.hover();
          await toast.locator('.monaco-button', { hasText: 'Show report' }).first().click();
          // the log channel scrolls to its end, so look for a result line rather than the header (monaco renders
          // blanks as no-break spaces, hence \s)
          await page.locator('.part.panel .monaco-editor .view-line', { hasText: /→\sregistry-1\.docker\.io:\s[a-z]+\s\(\d+\sms\)/ }).first().waitFor({ timeout: T });
          await page.mouse.move(900, 300);
          await page.screenshot({ path: path.join(outDir, 'connectivity-report.png') });
        });
      }
    }

  } finally {
    const shot = path.join(outDir, 'ui-smoke.png');
    await page.screenshot({ path: shot }).then(() => say(`screenshot ${shot}`), (e) => say(`no screenshot: ${e.message}`));
    await browser.close();
  }
}

finish(main());
