// Regenerates docs/stepper-{light,dark}.png: the F1 lesson at its first cross-wire, its read clicked (the editor shows
// alpha's write_file), and docs/compare-{light,dark}.png: the same moment with Compare open (unscoped beside
// scoped). Run `npx vite build --outDir /tmp/shot-dist` first, then `npx tsx scripts/screenshots.ts`.
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
import { encodeLink, findExample } from '../src/core/index.ts';

const port = 45125;
const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--outDir', '/tmp/shot-dist', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: process.cwd() });
await new Promise((r) => setTimeout(r, 1500));
const example = findExample(process.argv[2] ?? 'f1-cwd-env')!;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
for (const scheme of ['light', 'dark'] as const) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: scheme });
  await page.goto(`http://127.0.0.1:${port}/${encodeLink(example.scenario)}`);
  await page.waitForSelector('.monaco-editor .view-lines', { timeout: 60000 });
  await page.waitForTimeout(2000);
  const seps = page.getByRole('separator');
  for (const [i, dx] of [[0, -120], [1, -330]] as const) {
    const box = (await seps.nth(i).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 200);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + dx, box.y + 200, { steps: 8 });
    await page.mouse.up();
  }
  await page.locator('.read-crosswire .read-button').first().click();
  await page.mouse.move(10, 880);
  await page.waitForTimeout(800);
  await page.screenshot({ path: `docs/stepper-${scheme}.png` });
  await page.getByRole('button', { name: 'Compare' }).click();
  await page.locator('.compare-sides').waitFor();
  await page.mouse.move(10, 880);
  await page.waitForTimeout(500);
  await page.screenshot({ path: `docs/compare-${scheme}.png` });
  await page.close();
}
await browser.close();
server.kill();
