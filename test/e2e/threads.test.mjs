// Work stealing in Chromium (issue 18): the lesson opens on two threads and lands on alpha's read of
// VM_EXECUTION_CONTEXT after it moved to thread 2, red, with one register-file column per thread; a step earlier the
// narration says where alpha resumed and where it last ran; Compare and the scoped mode show the per-poll swap
// surviving the move; the Threads switch changes the run and the link; a phone reads the same moment.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { checkHeaderRadio, isRed, lessonLink, narrationText, openPage, setup, waitForMonaco, waitForNarration, waitForSession } from './harness.mjs';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.teardown();
});

const link = () => lessonLink('examples/work-stealing.json');
/** The register file's column headers, Slot first. */
const columnHeaders = (page) => page.locator('.register-file thead th').allTextContents();

// The narration reads "Step N: ✖ cross-wire: …" (N counts the stepper's moments).
const MIGRATED_READ = /✖ cross-wire: Thread 2 holds nothing in VM_EXECUTION_CONTEXT: alpha's own values stayed behind, so alpha's write_file\("notes\.md"\) resolves against no working directory\./;

/** Checks one Threads radio (the only radios named by a number); on a phone the switch is behind Settings. */
const chooseThreads = (page, n) => checkHeaderRadio(page, String(n));

test('the lesson lands on the migrated read: red, two thread columns with thread 2 polling alpha, the move marked in the lanes', async () => {
  const { page, record, context } = await openPage(env.browser, env.url, { hash: link() });
  await waitForNarration(page, MIGRATED_READ);
  assert.equal(await isRed(page), true);
  assert.match(await narrationText(page), /✖ cross-wire:/);
  assert.deepEqual((await columnHeaders(page)).slice(0, 3), ['Slot', 'Thread 1', 'Thread 2 · polling alpha']);
  assert.match(await page.locator('.register-threads-note').textContent(), /^One register file per thread: a task reads the thread-locals of whichever thread polls it/);
  // The slot being read is on screen, marked, and empty on thread 2.
  const row = page.locator('.register-file tbody tr[aria-current="true"]');
  assert.match(await row.locator('th').textContent(), /VM_EXECUTION_CONTEXT/);
  assert.equal(await row.locator('td.thread-polling').getAttribute('data-label'), 'Thread 2 · polling alpha');
  assert.ok(await row.isVisible());
  // Alpha's lane marks the poll that moved it, and says so to a screen reader.
  assert.ok((await page.locator('.lane-seg.lane-migrated').count()) >= 1, 'a migrated poll segment');
  assert.match(await page.locator('.lane-seg.lane-migrated').first().getAttribute('title'), /moved from thread 1: a migration/);
  // A few steps earlier alpha resumes, and the narration says where it ran before.
  const resumes = /alpha resumes on thread 2; it last ran on thread 1\. Thread 2 holds nothing in LLM_RENDER_STACK/;
  for (let i = 0; i < 5 && !resumes.test(await narrationText(page)); i++) {
    const before = await narrationText(page);
    await page.getByRole('button', { name: /Step back/ }).click();
    await page.waitForFunction((text) => document.querySelector('.narration-text')?.textContent !== text, before);
  }
  assert.match(await narrationText(page), resumes);
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('scoped at the same moment: alpha reads its own context on thread 2; Compare shows both sides of the move', async () => {
  const { page, record, context } = await openPage(env.browser, env.url, { hash: link() });
  await waitForNarration(page, MIGRATED_READ);
  await page.getByRole('button', { name: 'Compare' }).click();
  const compare = page.getByRole('region', { name: 'Compare' });
  await compare.locator('.compare-sides').waitFor();
  assert.match(await compare.locator('.compare-bad').textContent(), /unscoped \(this run\).*✖ cross-wire.*alpha reads VM_EXECUTION_CONTEXT.*observed none/);
  assert.match(await compare.locator('.compare-good').textContent(), /scoped.*✓ its own value.*alpha reads VM_EXECUTION_CONTEXT.*observed ctx\(cwd=\/worktrees\/alpha/);
  await page.getByRole('button', { name: 'Compare' }).click();

  await page.getByRole('radio', { name: 'scoped', exact: true }).check();
  await waitForNarration(page, /alpha reads VM_EXECUTION_CONTEXT for write_file: its own ctx\(cwd=\/worktrees\/alpha/);
  assert.equal(await isRed(page), false);
  assert.doesNotMatch(await narrationText(page), /cross-wire/);
  // Still two threads, thread 2 still polling alpha: the scope moved with the task.
  assert.deepEqual((await columnHeaders(page)).slice(0, 3), ['Slot', 'Thread 1', 'Thread 2 · polling alpha']);
  assert.equal(await page.locator('.legend-crosswire').textContent(), '✖ no cross-wires');
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('the Threads switch changes the run and the link: 1 thread has one column, no migration and alpha\'s own read; 2 brings both back', async () => {
  const { page, record, context } = await openPage(env.browser, env.url, { hash: link() });
  await waitForMonaco(page);
  await waitForNarration(page, MIGRATED_READ);
  const twoThreads = await page.evaluate(() => location.hash);
  await chooseThreads(page, 1);
  await page.waitForFunction((before) => location.hash !== before, twoThreads);
  await page.waitForFunction(() => document.querySelector('.register-threads-note') === null);
  assert.deepEqual((await columnHeaders(page)).slice(0, 2), ['Slot', 'Thread (shared by every task: unscoped)']);
  assert.equal(await page.locator('.lane-seg.lane-migrated').count(), 0);
  // On one thread the same unscoped read is alpha's own: with one child only a migration can cross-wire it.
  await waitForNarration(page, /alpha reads VM_EXECUTION_CONTEXT for write_file: its own ctx\(cwd=\/worktrees\/alpha/);
  assert.equal(await isRed(page), false);
  assert.doesNotMatch(await narrationText(page), /thread 2/i);
  // A fresh page on that link opens on one thread.
  const oneThread = await page.evaluate(() => location.hash);
  const fresh = await openPage(env.browser, env.url, { hash: oneThread });
  await waitForSession(fresh.page);
  assert.equal(await fresh.page.getByRole('group', { name: 'Threads' }).getByRole('radio', { name: '1', exact: true }).isChecked(), true);
  assert.equal(await fresh.page.locator('.register-threads-note').count(), 0);
  await fresh.context.close();
  // Back to two threads: the columns and the move come back.
  await chooseThreads(page, 2);
  await page.locator('.register-threads-note').waitFor();
  assert.deepEqual((await columnHeaders(page)).slice(0, 2), ['Slot', 'Thread 1']);
  assert.ok((await page.locator('.lane-seg.lane-migrated').count()) >= 1);
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('at 375 px the migrated read is readable: narration on screen, each thread cell labelled, nothing wider than the phone', async () => {
  const { page, record, context } = await openPage(env.browser, env.url, { hash: link(), viewport: { width: 375, height: 812 } });
  await waitForNarration(page, MIGRATED_READ);
  const narration = await page.locator('.narration').boundingBox();
  assert.ok(narration && narration.x >= 0 && narration.x + narration.width <= 375, `narration fits the phone: ${JSON.stringify(narration)}`);
  const row = page.locator('.register-file tbody tr[aria-current="true"]');
  await row.scrollIntoViewIfNeeded();
  const labels = await row.locator('td').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-label')));
  assert.deepEqual(labels.slice(0, 2), ['Thread 1', 'Thread 2 · polling alpha']);
  for (const cell of await row.locator('td').all()) {
    const box = await cell.boundingBox();
    if (box) assert.ok(box.x >= 0 && box.x + box.width <= 375 + 0.5, `a cell inside the phone: ${JSON.stringify(box)}`);
  }
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 375, 'no sideways scrolling');
  // The Threads switch is behind Settings, and works there.
  await chooseThreads(page, 1);
  await page.waitForFunction(() => document.querySelector('.register-threads-note') === null);
  assert.deepEqual(record.errors, []);
  await context.close();
});
