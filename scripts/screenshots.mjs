// Regenerates the README's screenshots from the production build (`npm run build` first, then
// `node scripts/screenshots.mjs`), in Debian's Chromium through the end-to-end harness: docs/lesson-f1-{light,dark}.png
// (F1's link at its moment, the Lesson layout), docs/compare-{light,dark}.png (the same moment with Compare open),
// docs/phone-f1.png (that moment at 375 px), docs/threads-two-columns.png (the work-stealing lesson at alpha's
// migrated read, a register-file column per thread), docs/compare-panic.png (the panic lesson's Compare by its
// own contrast, naive against scoped: 7 leaks against none), docs/lesson-f3-drift.png (F3 at its moment, the drift
// guard beside the run), docs/predict-f1.png (F1 in Predict mode, asking which working directory alpha's write_file
// will use) and docs/predict-f1-phone.png (the same at 375 px).
// `node scripts/screenshots.mjs predict` makes the Predict ones only.
import { readFileSync } from 'node:fs';
import { lessonLink, linkOf, openPage, setup } from '../test/e2e/harness.mjs';

const env = await setup();
const F1 = lessonLink('examples/f1-cwd-env.json');
const STEALING = lessonLink('examples/work-stealing.json');
const PANIC = lessonLink('examples/panic-leak.json');
const F3 = lessonLink('examples/f3-forcing-function.json');
const f1 = JSON.parse(readFileSync('examples/f1-cwd-env.json', 'utf8'));
const F1_PREDICT = linkOf({ ...f1, view: { ...f1.view, predict: true } });
const only = process.argv[2] ?? null;

/** Opens `hash`, waits for the narration to say `moment`, moves the pointer off the page's controls. */
async function at(hash, moment, options = {}) {
  const opened = await openPage(env.browser, env.url, { hash, ...options });
  await opened.page.locator('.narration-text', { hasText: moment }).waitFor({ timeout: 30000 });
  // Monaco, when the layout shows it (a phone's Lesson layout reads the code under the stepper).
  if (!options.viewport) await opened.page.waitForSelector('.monaco-editor .view-lines', { timeout: 30000 });
  await opened.page.mouse.move(1, (options.viewport?.height ?? 900) - 1);
  await opened.page.waitForTimeout(800);
  return opened;
}

if (only === null) await readme();
if (only === null || only === 'predict') await predict();
await env.teardown();
console.log(`docs/: ${only === 'predict' ? '' : 'lesson-f1-light, lesson-f1-dark, compare-light, compare-dark, phone-f1, threads-two-columns, compare-panic, lesson-f3-drift, '}predict-f1, predict-f1-phone`);

/** F1 in Predict mode at its first question, wide and on a phone. */
async function predict() {
  for (const [path, viewport] of [['docs/predict-f1.png', undefined], ['docs/predict-f1-phone.png', { width: 375, height: 812 }]]) {
    const { page, context } = await openPage(env.browser, env.url, { hash: F1_PREDICT, ...(viewport ? { viewport } : {}) });
    await page.locator('.predict-question').waitFor({ timeout: 30000 });
    if (!viewport) await page.waitForSelector('.monaco-editor .view-lines', { timeout: 30000 });
    await page.mouse.move(1, (viewport?.height ?? 900) - 1);
    await page.waitForTimeout(800);
    await page.screenshot({ path });
    await context.close();
  }
}

async function readme() {
  for (const colorScheme of ['light', 'dark']) {
    const { page, context } = await at(F1, "lands in beta's worktree", { colorScheme });
    await page.screenshot({ path: `docs/lesson-f1-${colorScheme}.png` });
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.locator('.compare-sides').waitFor();
    await page.mouse.move(1, 899);
    await page.waitForTimeout(500);
    await page.screenshot({ path: `docs/compare-${colorScheme}.png` });
    await context.close();
  }
  {
    const { page, context } = await at(F1, "lands in beta's worktree", { viewport: { width: 375, height: 812 } });
    await page.screenshot({ path: 'docs/phone-f1.png' });
    await context.close();
  }
  {
    const { page, context } = await at(STEALING, 'Thread 2 holds nothing in VM_EXECUTION_CONTEXT');
    await page.screenshot({ path: 'docs/threads-two-columns.png' });
    await context.close();
  }
  {
    const { page, context } = await at(PANIC, 'With no restore guard');
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.locator('.compare-sides').waitFor();
    await page.mouse.move(1, 899);
    await page.waitForTimeout(500);
    await page.screenshot({ path: 'docs/compare-panic.png' });
    await context.close();
  }
  {
    const { page, context } = await at(F3, "uses beta's value from EGRESS_TENANT_STACK");
    await page.getByRole('region', { name: 'Drift guard beside the run' }).getByText(/^missing:/).waitFor();
    await page.screenshot({ path: 'docs/lesson-f3-drift.png' });
    await context.close();
  }
}
