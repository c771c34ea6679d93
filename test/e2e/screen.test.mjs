// A screen a class can read (issue 15), in Chromium: the register file marks and shows whole the slot being read
// (F2 at 1440×900 and 375 px), the address bar holds the state, the stepper's keys work from the page body, the skip
// link comes first and Tab meets Step before the editor, Escape leaves the editor, scrub markers are named buttons
// that merge, the embed shows the stepper alone inside an iframe, Copy as Markdown prints what the CLI prints,
// Download SVG gives the lanes, and the start card shows once.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { lessonLink, openExample, openPage, ROOT, setup, waitForMonaco, waitForSession } from './harness.mjs';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.teardown();
});

const position = (page) => page.locator('.step-position').textContent();

/** Runs the CLI (tsx) and returns its stdout. */
function cli(args) {
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'src/cli/main.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

/** The F1 lesson's share link, at its landing step. */
const f1Link = () => lessonLink('examples/f1-cwd-env.json');

/** Every value cell of a row shows its whole content: nothing is cut (scrollWidth ≤ clientWidth). */
const cutCells = (row) =>
  row.evaluate((tr) =>
    [...tr.querySelectorAll('td, th')].filter((cell) => cell.scrollWidth > cell.clientWidth).map((cell) => `${cell.dataset.label ?? cell.tagName}: ${cell.textContent}`),
  );

/** The row lies inside the window and inside every scrolling box around it. */
const rowOnScreen = (row) =>
  row.evaluate((tr) => {
    const box = tr.getBoundingClientRect();
    if (box.height === 0 || box.top < 0 || box.bottom > window.innerHeight || box.left < 0 || box.right > window.innerWidth) return false;
    for (let el = tr.parentElement; el; el = el.parentElement) {
      const style = getComputedStyle(el);
      if (!/(auto|scroll|hidden)/.test(style.overflowY)) continue;
      const clip = el.getBoundingClientRect();
      if (box.top < clip.top - 1 || box.bottom > clip.bottom + 1) return false;
    }
    return true;
  });

for (const [name, viewport] of [
  ['1440×900', { width: 1440, height: 900 }],
  ['375 px', { width: 375, height: 812 }],
]) {
  test(`F2 at ${name}: the CURRENT_MUTATION_SESSION row is on screen with aria-current and none of its cells is cut`, async () => {
    const { page, context, record } = await openPage(env.browser, env.url, { viewport });
    await waitForSession(page);
    await openExample(page, /F2: mutation session/);
    // The lesson's trace has arrived and the stepper is on its landing read.
    const row = page.locator('table[aria-label="Thread-locals"] tr[aria-current="true"]', { hasText: 'CURRENT_MUTATION_SESSION' });
    await row.waitFor();
    assert.equal(await page.locator('tr[aria-current="true"]').count(), 1);
    await page.waitForTimeout(300);
    assert.equal(await rowOnScreen(row), true, 'the row is inside the viewport and its scroll boxes');
    assert.deepEqual(await cutCells(row), []);
    assert.match(await row.textContent(), /session-beta\/run-beta/);
    // The legend explains every mark, and the saved-scope columns say whose saved scope they are.
    const legend = await page.locator('.register-legend').textContent();
    for (const mark of ['captured', '—', '[ ]', '+2', '·', 'this poll']) assert.ok(legend.includes(mark), `legend explains ${mark}`);
    if (viewport.width > 800) assert.ok(await page.getByRole('columnheader', { name: /alpha’s saved scope/ }).isVisible());
    // No sideways scrolling of the page at either width.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth));
    assert.deepEqual(record.errors, []);
    await context.close();
  });
}

test('the phone header is one row', async () => {
  const { page, context } = await openPage(env.browser, env.url, { hash: f1Link(), viewport: { width: 375, height: 812 } });
  await waitForSession(page);
  const header = await page.locator('header.header').boundingBox();
  const title = await page.locator('header .title').boundingBox();
  assert.ok(header.height <= 48, `header is ${header.height} px high`);
  for (const name of [/Examples/, /Settings/, /^Share$/]) {
    const box = await page.getByRole('button', { name }).boundingBox();
    assert.ok(Math.abs(box.y - title.y) < 20 && box.x + box.width <= 375, `${name} is on the header's row`);
  }
  // The mode, layout and theme switches are one tap away.
  await page.getByRole('button', { name: /Settings/ }).click();
  assert.ok(await page.getByRole('radio', { name: 'scoped', exact: true }).isVisible());
  assert.ok(await page.getByRole('radio', { name: 'Policy', exact: true }).isVisible());
  await context.close();
});

test('the address bar holds the state after an edit and after a step, without new history entries; a fresh page opens it', async () => {
  const { page, context } = await openPage(env.browser, env.url, { hash: f1Link() });
  await waitForMonaco(page);
  await waitForSession(page);
  const historyLength = await page.evaluate(() => history.length);
  // An edit: a comment typed at the end of the parent. The address bar before it is read first: read after the
  // typing, it may already hold the edit's link (the autosave runs while typing), and no change would come.
  const beforeEdit = await page.evaluate(() => location.hash);
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n// typed in the lesson');
  // Not a timing claim (the bench measures speed): the link follows after the save delay and the worker's reply.
  await page.waitForFunction((before) => location.hash.startsWith('#s=') && location.hash !== before, beforeEdit, { timeout: 5000 });
  // A step from the page body.
  await page.keyboard.press('Escape');
  await page.evaluate(() => document.activeElement?.blur());
  const beforeStep = await page.evaluate(() => location.hash);
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction((before) => location.hash.startsWith('#s=') && location.hash !== before, beforeStep, { timeout: 1000 });
  const shown = await position(page);
  assert.equal(await page.evaluate(() => history.length), historyLength, 'replaceState: Back does not fill up');
  const href = await page.evaluate(() => location.href);
  // A fresh page on that address: the same sources and the same step.
  const fresh = await openPage(env.browser, href);
  await waitForMonaco(fresh.page);
  await fresh.page.getByText(shown, { exact: true }).waitFor();
  assert.match(await fresh.page.locator('.monaco-editor .view-lines').textContent(), /typed\sin\sthe\slesson/); // Monaco renders spaces as no-break spaces
  await fresh.context.close();
  await context.close();
});

test('keyboard: the skip link is the first stop, Tab reaches Step before any editor, arrows step from the body, Escape leaves the editor', async () => {
  const { page, context } = await openPage(env.browser, env.url, { hash: f1Link() });
  await waitForMonaco(page);
  await waitForSession(page);
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to the stepper');
  let reachedStep = false;
  for (let i = 0; i < 40 && !reachedStep; i++) {
    await page.keyboard.press('Tab');
    const where = await page.evaluate(() => ({ text: document.activeElement?.textContent ?? '', inEditor: Boolean(document.activeElement?.closest('.column-editor')) }));
    assert.equal(where.inEditor, false, `Tab reached the editor column before Step (stop ${i + 2})`);
    reachedStep = /^Step ▶$/.test(where.text);
  }
  assert.ok(reachedStep, 'Tab reaches Step');
  // The skip link's target is the stepper.
  await page.getByRole('link', { name: 'Skip to the stepper' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'stepper');
  assert.doesNotMatch(await page.evaluate(() => location.hash), /stepper/, 'the skip link leaves the address bar alone');
  // From the page body: → one step, ← back, End and Home.
  await page.evaluate(() => document.activeElement?.blur());
  const start = await position(page);
  const [, n, total] = /step (\d+) \/ (\d+)/.exec(start);
  await page.keyboard.press('ArrowRight');
  await page.getByText(`step ${Number(n) + 1} / ${total}`).waitFor();
  await page.keyboard.press('ArrowLeft');
  await page.getByText(start).waitFor();
  await page.keyboard.press('End');
  await page.getByText(`step ${total} / ${total}`).waitFor();
  await page.keyboard.press('Home');
  await page.getByText(`step 1 / ${total}`).waitFor();
  // In the editor the arrows move the cursor; Escape leaves it for the program's tab, and then the arrows step.
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ArrowRight');
  assert.equal(await position(page), `step 1 / ${total}`);
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'tab');
  await context.close();
});

test('scrub markers are named buttons; overlapping ones merge with a count and seek to the first', async () => {
  const { page, context } = await openPage(env.browser, env.url, { hash: f1Link() });
  await waitForSession(page);
  const markers = page.locator('.scrub-markers button');
  const names = await markers.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')));
  assert.ok(names.length > 0);
  assert.ok(names.some((n) => /^(cross-wire at step \d+, |\d+ cross-wires at steps \d+ to \d+; the first: )alpha reads VM_EXECUTION_CONTEXT$/.test(n)), names.join(' | '));
  const legend = Number(/(\d+) cross-wire/.exec(await page.locator('.legend-crosswire').textContent())[1]);
  const merged = names.map((n) => /^(\d+) cross-wires at steps (\d+) to/.exec(n)).filter(Boolean);
  assert.ok(merged.length > 0, 'F1 at 1440 px has overlapping cross-wires');
  assert.ok(names.length < legend, 'fewer marker buttons than cross-wires');
  // A merged marker is focusable and seeks to its first step.
  const [name, , first] = merged[0];
  const button = page.getByRole('button', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}`) }).first();
  await button.focus();
  await page.keyboard.press('Enter');
  await page.getByText(new RegExp(`^step ${first} / \\d+$`)).waitFor();
  await context.close();
});

test('an embed URL inside an iframe shows only the stepper, steps, and links to the playground; Share offers its snippet', async () => {
  const { page, context, record } = await openPage(env.browser, env.url, { hash: f1Link() });
  await waitForSession(page);
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const snippet = await page.getByRole('textbox', { name: 'Embed snippet (iframe)' }).inputValue();
  assert.match(snippet, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?embed#s=1\.[^"]+" title="[^"]+"/);
  // A page (as a blog post would be) holding just the snippet.
  const host = await context.newPage();
  await host.setContent(`<!doctype html><title>A course page</title><h1>Course</h1>${snippet}`);
  const frame = host.frameLocator('iframe');
  await frame.getByText(/^step \d+ \/ \d+$/).waitFor({ timeout: 20000 });
  assert.equal(await frame.getByRole('tablist').count(), 0, 'no editor tabs');
  assert.equal(await frame.locator('.monaco-editor').count(), 0, 'no editor');
  assert.equal(await frame.getByText(/Effects ledger/).count(), 0, 'no ledger');
  assert.equal(await frame.getByRole('checkbox', { name: /^Capture / }).first().isDisabled(), true, 'read-only');
  assert.ok(await frame.locator('.running-code').isVisible(), 'the running task’s code');
  const open = frame.getByRole('link', { name: 'Open in Harn Scope Lab' });
  assert.doesNotMatch(await open.getAttribute('href'), /embed/);
  const before = await frame.locator('.step-position').textContent();
  await frame.getByRole('button', { name: 'Step', exact: true }).click();
  await frame.locator('.step-position').filter({ hasNotText: before }).waitFor();
  // `?embed` works too, and the embed never writes the reader's autosave.
  const storageOf = (p) => p.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  const saved = await storageOf(page);
  const query = await context.newPage();
  await query.goto(`${env.url}?embed${f1Link()}`);
  await query.getByText(/^step \d+ \/ \d+$/).waitFor();
  assert.equal(await query.getByRole('tablist').count(), 0);
  await query.waitForTimeout(500);
  assert.equal(await storageOf(query), saved);
  assert.deepEqual(record.errors, []);
  assert.deepEqual(record.cspViolations, []);
  await context.close();
});

test("Copy as Markdown at F1's moment names alpha, the slot, expected and observed and the link, exactly as the CLI prints it; Download SVG gives the lanes", async () => {
  const { page, context } = await openPage(env.browser, env.url, { hash: f1Link() });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(env.url).origin });
  await waitForSession(page);
  await page.getByRole('button', { name: 'Copy as Markdown' }).click();
  const field = page.getByRole('textbox', { name: 'Markdown of this moment' });
  await field.waitFor();
  const text = await field.inputValue();
  assert.match(text, /\*\*Task:\*\* alpha/);
  assert.match(text, /`VM_EXECUTION_CONTEXT`/);
  assert.match(text, /\*\*Expected:\*\* `ctx\(cwd=\/worktrees\/alpha/);
  assert.match(text, /\*\*Observed:\*\* `ctx\(cwd=\/worktrees\/beta/);
  assert.match(text, /\[Open this run in Harn Scope Lab\]\(http:\/\/127\.0\.0\.1:\d+\/#s=1\./);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), text);
  assert.equal(cli(['simulate', 'examples/f1-cwd-env.json', '--format', 'markdown', '--base-url', env.url]), text);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download SVG' }).click()]);
  assert.equal(download.suggestedFilename(), 'harn-scope-lanes.svg');
  const svg = readFileSync(await download.path(), 'utf8');
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  for (const task of ['parent', 'alpha', 'beta']) assert.ok(svg.includes(`>${task}</text>`), task);
  assert.match(svg, /cross-wire at step \d+, alpha reads VM_EXECUTION_CONTEXT/);
  await context.close();
});

test('a newcomer gets the start card once; See the bug opens F1 in the Lesson layout; a link never shows it', async () => {
  const { page, context } = await openPage(env.browser, env.url);
  await waitForSession(page);
  const card = page.getByRole('region', { name: 'Start here' });
  await card.waitFor();
  await card.getByRole('button', { name: 'See the bug: F1' }).click();
  await page.getByText('Mode unscoped').waitFor();
  assert.equal(await page.getByRole('radio', { name: 'Lesson', exact: true }).isChecked(), true);
  assert.equal(await card.count(), 0);
  await page.reload();
  await waitForSession(page);
  assert.equal(await page.getByRole('region', { name: 'Start here' }).count(), 0, 'never again');
  // A fresh visitor who opens a link: no card.
  const linked = await openPage(env.browser, env.url, { hash: f1Link() });
  await waitForSession(linked.page);
  assert.equal(await linked.page.getByRole('region', { name: 'Start here' }).count(), 0);
  await linked.context.close();
  await context.close();
});

test('the layout toggle is carried by the link: Policy folds the scheduler to its verdict, Lesson folds the ledger', async () => {
  const { page, context } = await openPage(env.browser, env.url, { hash: f1Link() });
  await waitForSession(page);
  // Lesson: the ledger is a summary. It is not part of a link's first screen (it mounts once that has painted, from
  // a chunk of its own), so it is awaited.
  await page.getByText(/^Effects ledger:/).waitFor({ state: 'visible' });
  await page.getByRole('radio', { name: 'Policy', exact: true }).check();
  await page.getByText(/^Scheduler \(unscoped\):/).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Step', exact: true }).isVisible(), false);
  await page.waitForFunction(() => location.hash.startsWith('#s=1.'));
  await page.waitForTimeout(600);
  const fresh = await openPage(env.browser, await page.evaluate(() => location.href));
  await fresh.page.getByText(/^Scheduler \(unscoped\):/).waitFor();
  assert.equal(await fresh.page.getByRole('radio', { name: 'Policy', exact: true }).isChecked(), true);
  await fresh.page.getByRole('button', { name: 'Show the stepper' }).click();
  await fresh.page.getByRole('button', { name: 'Step', exact: true }).waitFor();
  await fresh.context.close();
  await context.close();
});
