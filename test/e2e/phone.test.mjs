// A 375 px phone with the Monaco chunk held back (issue 8): the source is visible read-only, the stepper works
// (Step advances, the narration changes, → steps), the ledger shows with a lesson's cross-wire, nothing overflows
// the width, and when the editor chunk finally arrives it replaces the read-only source.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { checkHeaderRadio, externalRequests, openExample, openPage, setup, waitForMonaco, waitForSession } from './harness.mjs';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.teardown();
});

const PHONE = { width: 375, height: 800 };

/** Opens the page at phone width with every request for the EditorPane (Monaco) chunk held until `release()`. */
async function openWithoutMonaco(options = {}) {
  let release;
  const gate = new Promise((resolve) => (release = resolve));
  let held = 0;
  const opened = await openPage(env.browser, env.url, {
    viewport: PHONE,
    ...options,
    beforeGoto: (page) =>
      page.route(/EditorPane-[^/]*\.js$/, async (route) => {
        held++;
        await gate;
        await route.continue().catch(() => undefined); // the page may have closed meanwhile
      }),
  });
  return { ...opened, release, held: () => held };
}

/** Nothing wider than the viewport: the page does not scroll sideways. */
const horizontalOverflow = (page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('at 375 px without Monaco: the source is read-only, Step advances with a new narration, the ledger shows', async () => {
  const { page, context, record, release, held } = await openWithoutMonaco();
  const source = page.getByLabel('Source of parent (read-only)');
  await source.waitFor();
  assert.match(await source.textContent(), /pipeline main\(\)/);
  assert.equal(await page.locator('.monaco-editor').count(), 0);
  assert.equal(held(), 1, 'the editor chunk was requested and is being held');

  // The stepper (folded to its verdict in the default page's Policy layout): Step advances the position and the narration.
  await page.getByRole('button', { name: 'Show the stepper' }).click();
  const position = page.getByText(/^step \d+ \/ \d+$/);
  await position.waitFor();
  const step = page.getByRole('button', { name: 'Step', exact: true });
  assert.ok(await step.isVisible());
  const box = await step.boundingBox();
  assert.ok(box && box.x >= 0 && box.x + box.width <= PHONE.width, 'Step is within the phone width');
  const startText = await position.textContent();
  const narration = await page.locator('.narration').textContent();
  await step.click();
  await page.waitForFunction((before) => !document.body.innerText.includes(before), startText);
  assert.match(await position.textContent(), /^step 2 \/ \d+$/);
  assert.notEqual(await page.locator('.narration').textContent(), narration);
  await page.keyboard.press('ArrowRight');
  await page.getByText(/^step 3 \/ \d+$/).waitFor();

  // The ledger column is there under the stepper, with the parent's grant.
  await page.getByRole('heading', { name: 'What parent grants its children' }).waitFor();
  await page.getByRole('heading', { name: 'What parent grants its children' }).scrollIntoViewIfNeeded();
  assert.ok(await page.getByRole('heading', { name: 'What parent grants its children' }).isVisible());
  assert.ok((await horizontalOverflow(page)) <= 0, 'no sideways scrolling at 375 px');

  // Still no editor; when the chunk arrives, Monaco replaces the read-only source.
  assert.equal(await page.locator('.monaco-editor').count(), 0);
  release();
  await waitForMonaco(page);
  assert.equal(await page.getByLabel('Source of parent (read-only)').count(), 0);
  assert.deepEqual(record.cspViolations, []);
  assert.deepEqual(externalRequests(record, env.url), []);
  assert.deepEqual(record.errors, []);
  await context.close();
});

test("at 375 px without Monaco: a lesson's cross-wire is stepped to, and a child's tab opens its effects ledger (the stacked columns do not overlap)", async () => {
  const { page, context, release } = await openWithoutMonaco({ colorScheme: 'dark' });
  await waitForSession(page);
  await openExample(page, /F1: working directory/);
  await checkHeaderRadio(page, 'unscoped');
  await page.getByText('Mode unscoped').waitFor();
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await page.getByText(/^step 1 \/ \d+$/).waitFor();
  await page.getByRole('button', { name: 'Run to next cross-wire' }).click();
  const red = page.getByRole('list', { name: 'Reads' }).locator('li.read-crosswire');
  await red.first().waitFor();
  assert.match(await red.first().textContent(), /✖ cross-wire/);
  assert.match(await page.locator('.narration').textContent(), /cross-wire/);

  // The Lesson layout reads the running task's code under the stepper, read-only, instead of the editor.
  assert.ok(await page.locator('.running-code').isVisible());
  assert.equal(await page.getByRole('tablist').isVisible(), false);
  // The ledger of a child in the Policy layout (behind Settings on a phone), read-only source still in place.
  await checkHeaderRadio(page, 'Policy');
  await page.getByRole('tab', { name: /alpha/ }).click();
  await page.getByLabel('Source of alpha (read-only)').waitFor();
  await page.getByRole('heading', { name: 'Effects ledger (alpha)' }).waitFor();
  assert.ok((await horizontalOverflow(page)) <= 0, 'no sideways scrolling at 375 px');
  assert.equal(await page.locator('.monaco-editor').count(), 0);
  release();
  await context.close();
});
