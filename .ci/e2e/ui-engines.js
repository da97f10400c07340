// The Proxy Status view on a recorded Docker Desktop machine (test/fixtures/engines/desktop-mac), against the
// INSTALLED .vsix: `docker` is the replaying script of that machine (user setting dockerProxyDoctor.dockerPath) and
// Desktop's settings-store.json sits where Docker Desktop for Linux keeps it. The Docker row names the engine, the
// daemon layer lists the files Desktop reads and ignores and Desktop's proxy mode; screenshot proxy-status-desktop.png.
// Env: CS_URL, OUT_DIR, DESKTOP_DOCKER (the replaying docker), USER_SETTINGS (code-server's user settings.json).
const fs = require('fs');
const path = require('path');
const { WAIT_MS: T, launch, createSteps } = require('./chromium');

const url = process.env.CS_URL;
const outDir = process.env.OUT_DIR || '.';
const settingsFile = process.env.USER_SETTINGS;
const { say, step, finish } = createSteps('ui-engines');

async function main() {
  if (!url || !settingsFile || !process.env.DESKTOP_DOCKER) throw new Error('CS_URL, USER_SETTINGS and DESKTOP_DOCKER are required');
  fs.mkdirSync(outDir, { recursive: true });
  const original = fs.readFileSync(settingsFile, 'utf8');
  fs.writeFileSync(settingsFile, JSON.stringify({ ...JSON.parse(original), 'dockerProxyDoctor.dockerPath': process.env.DESKTOP_DOCKER }, null, 2));
  const browser = await launch();
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  const sidebarRow = (text) => page.locator('.part.sidebar .monaco-list-row', { hasText: text }).first();
  try {
    await page.goto(url);
    const ok = await step('workbench renders', () => page.waitForSelector('.monaco-workbench', { timeout: T }).then(() => undefined), page);
    if (!ok) return;
    const shown = await step('the Docker row names the engine: Docker Desktop, from the recorded docker info', async () => {
      await page.locator('.activitybar [aria-label^="Docker Proxy Doctor"]').first().click();
      const docker = page.locator('.part.sidebar .monaco-list-row', { has: page.locator('.label-name', { hasText: /^Docker$/ }), hasText: 'Docker Desktop' }).first();
      await docker.waitFor({ timeout: T });
      return (await docker.innerText()).replace(/\s+/g, ' ');
    }, page);
    if (!shown) return;
    await step('the daemon layer lists Desktop\'s files and its proxy mode (system, the default)', async () => {
      const daemon = sidebarRow(/^Daemon/);
      await daemon.waitFor({ timeout: T });
      if ((await daemon.getAttribute('aria-expanded')) !== 'true') await daemon.click();
      await sidebarRow('Engine: Docker Desktop').waitFor({ timeout: T });
      await sidebarRow('Desktop proxy mode').waitFor({ timeout: T });
      await sidebarRow('Ignores /etc/docker/daemon.json').waitFor({ timeout: T });
      const box = await page.locator('.part.sidebar').boundingBox();
      if (box) { // widen the sidebar so the notes fit in the picture
        await page.mouse.move(box.x + box.width - 1, box.y + box.height / 2);
        await page.mouse.down();
        await page.mouse.move(box.x + box.width + 560, box.y + box.height / 2, { steps: 5 });
        await page.mouse.up();
      }
      await page.mouse.move(1300, 950);
      await page.screenshot({ path: path.join(outDir, 'proxy-status-desktop.png') });
      return (await sidebarRow('Desktop proxy mode').innerText()).replace(/\s+/g, ' ');
    }, page);
  } finally {
    fs.writeFileSync(settingsFile, original);
    await browser.close();
    say('user settings restored');
  }
}

finish(main());
