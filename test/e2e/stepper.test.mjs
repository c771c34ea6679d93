// The scheduler stepper in Chromium: the F1 lesson opens unscoped and its first cross-wire is a red read of the
// sibling's cwd with its consequence; scoped mode with the catalog's capture set does not cross-wire; Step back
// restores exactly.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openExample, openPage, setup, waitForSession } from './harness.mjs';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.teardown();
});

const stepperState = (page) =>
  page.evaluate(() => ({
    position: document.querySelector('.step-position')?.textContent,
    narration: document.querySelector('.narration')?.textContent,
    register: document.querySelector('table[aria-label="Thread-locals"]')?.textContent,
    reads: document.querySelector('.reads-list')?.textContent,
    lanes: document.querySelector('.lanes')?.innerHTML,
  }));

test('F1 opens unscoped: the first cross-wire is a red read of the sibling cwd; scoped replays without cross-wires; Step back is exact', async () => {
  const { page, record, context } = await openPage(env.browser, env.url);
  await waitForSession(page);
  await openExample(page, /F1: working directory/);
  // The lesson opens in unscoped mode with the catalog's capture set.
  await page.getByText('Mode unscoped').waitFor();
  assert.equal(await page.getByRole('radio', { name: 'unscoped', exact: true }).isChecked(), true);
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await page.getByText(/^step 1 \/ \d+$/).waitFor();

  const step = page.getByRole('button', { name: 'Step', exact: true });
  const reads = page.getByRole('list', { name: 'Reads' });
  const red = reads.locator('li.read-crosswire');
  // Step until the first cross-wire: it is alpha's read of beta's cwd, red, in words, with its consequence.
  for (let i = 0; i < 300 && (await red.count()) === 0; i++) await step.click();
  assert.equal(await red.count(), 1);
  const text = await red.first().textContent();
  assert.match(text, /✖ cross-wire/);
  assert.match(text, /alpha reads VM_EXECUTION_CONTEXT/);
  assert.match(text, /observed ctx\(cwd=\/worktrees\/beta/);
  assert.match(text, /landed in \/worktrees\/beta/);
  assert.match(await page.locator('.narration').textContent(), /cross-wire/);

  // Step back returns exactly to the previous step's state.
  await step.click();
  const previous = await stepperState(page);
  await step.click();
  assert.notDeepEqual(await stepperState(page), previous);
  await page.getByRole('button', { name: 'Step back', exact: true }).click();
  assert.deepEqual(await stepperState(page), previous);

  // Scoped with the catalog's capture set (the fix): the replayed trace has no cross-wire.
  await page.getByRole('radio', { name: 'scoped', exact: true }).check();
  assert.equal(await page.getByRole('button', { name: 'Reset capture set' }).count(), 0);
  await page.locator('.legend-crosswire', { hasText: /(^|\s)0 cross-wires/ }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Run to next cross-wire' }).isDisabled(), true);
  assert.match(await page.locator('.run-summary').textContent(), /no cross-wires/);
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('keyboard: → steps and ← steps back while the panel has focus; the chooser re-runs with a pick', async () => {
  const { page, context } = await openPage(env.browser, env.url);
  await waitForSession(page);
  await openExample(page, /F1: working directory/);
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await page.getByRole('button', { name: 'Step', exact: true }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.getByText(/^step 3 \/ \d+$/).waitFor();
  await page.keyboard.press('ArrowLeft');
  await page.getByText(/^step 2 \/ \d+$/).waitFor();
  // Walk to the first choice point and poll beta instead of alpha.
  const chooser = page.getByRole('group', { name: 'Choose the next task' });
  for (let i = 0; i < 200 && (await chooser.count()) === 0; i++) await page.keyboard.press('ArrowRight');
  await chooser.getByRole('button', { name: 'beta' }).click();
  await page.getByText(/Schedule: picks: beta/).waitFor();
  await page.locator('.narration', { hasText: /beta is polled/ }).waitFor();
  await context.close();
});
