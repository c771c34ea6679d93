// Predict mode in Chromium (issue 28): on F1, F2 and the three-way fan-out, before the moment the page shows no
// consequence sentence, no ✖ mark and no owner colour on the slot about to be read; the question offers the
// candidate values from the trace; a number key or a click answers, which reveals the step's sentence and scores.
// The header's "Predict" toggle is part of the link (a reload of the address asks again). axe finds nothing with a
// question on screen in the light, dark and high-contrast themes, and the question fits a 375 px phone.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { lessonLink, linkOf, openPage, ROOT, setup } from './harness.mjs';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.teardown();
});

/** The lesson's link with Predict mode on. */
function predictLink(file) {
  const scenario = JSON.parse(readFileSync(join(ROOT, file), 'utf8'));
  return linkOf({ ...scenario, view: { ...scenario.view, predict: true } });
}

const question = (page) => page.locator('.predict-question');
const choices = (page) => question(page).getByRole('button').allTextContents();
const stepperText = (page) => page.locator('#stepper').textContent();

/** What is on screen before the answer: nothing that gives it away. */
async function assertHidden(page, sentence) {
  const text = await stepperText(page);
  assert.ok(!text.includes(sentence), `the consequence "${sentence}" is hidden`);
  assert.ok(!text.includes('✖'), 'no ✖ in the stepper');
  assert.equal(await page.locator('.scrub-crosswire').count(), 0, 'no cross-wire marks on the scrub bar');
  assert.equal(await page.locator('.narration-text').count(), 0, 'no narration of the step');
  const current = page.locator('.register-file tr.current-slot .slot-value').first();
  assert.equal(await current.evaluate((el) => el.classList.contains('owner-hidden') && el.style.getPropertyValue('--owner-color') === ''), true, 'no owner colour on the slot being read');
}

for (const [file, prompt, expected, answer, sentence] of [
  ['examples/f1-cwd-env.json', "Which working directory will alpha's write_file use from VM_EXECUTION_CONTEXT?", ['/worktrees/alpha', '/worktrees/beta', '/worktrees/parent', 'nothing (the slot is empty)'], '2', "lands in beta's worktree"],
  ['examples/f2-mutation-session.json', "Which mutation session will alpha's write_file use from CURRENT_MUTATION_SESSION?", ['nothing (the slot is empty)', 'session-alpha/run-alpha', 'session-beta/run-beta', 'session-parent/run-parent'], '3', "beta's session"],
  ['examples/three-way-fan-out.json', "Which working directory will beta's write_file use from VM_EXECUTION_CONTEXT?", ['/worktrees/alpha', '/worktrees/beta', '/worktrees/gamma', '/worktrees/parent', 'nothing (the slot is empty)'], '1', "alpha's worktree"],
]) {
  test(`${file}: hidden before the moment, the candidates offered, a number key reveals and scores`, async () => {
    const { page, context, record } = await openPage(env.browser, env.url, { hash: predictLink(file) });
    await question(page).getByText(prompt).waitFor({ timeout: 30000 });
    assert.deepEqual((await choices(page)).map((c) => c.replace(/^\d+ /, '')), expected);
    await assertHidden(page, sentence);
    await page.getByText(/^No answers yet: \d+ to go\.$/).waitFor();
    await page.keyboard.press(answer);
    await question(page).getByText(/^Right: /).waitFor();
    await page.locator('.narration-text', { hasText: sentence }).waitFor();
    await page.getByText(/^Score: 1 of 1 right, \d+ to go\.$/).waitFor();
    assert.deepEqual(record.errors, []);
    await context.close();
  });
}

test('the header toggle named "Predict" is part of the link: the reloaded address asks again', async () => {
  const { page, context } = await openPage(env.browser, env.url, { hash: lessonLink('examples/f1-cwd-env.json') });
  await page.locator('.narration-text', { hasText: "lands in beta's worktree" }).waitFor({ timeout: 30000 });
  const toggle = page.getByRole('button', { name: 'Predict', exact: true });
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  // The address settles on the lesson's own link first (saved 300 ms after the boot).
  await page.waitForFunction(() => location.hash.startsWith('#s='));
  await page.waitForTimeout(1000);
  const before = await page.evaluate(() => location.hash);
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  await question(page).waitFor();
  await assertHidden(page, "lands in beta's worktree");
  // The address follows (autosave's debounce), and opening it again is Predict mode at the same question.
  await page.waitForFunction((old) => location.hash.startsWith('#s=') && location.hash !== old, before);
  const again = await openPage(env.browser, env.url, { hash: await page.evaluate(() => location.hash) });
  await question(again.page).getByText("Which working directory will alpha's write_file use").waitFor({ timeout: 30000 });
  assert.equal(await again.page.getByRole('button', { name: 'Predict', exact: true }).getAttribute('aria-pressed'), 'true');
  await again.context.close();
  // Off again: the sentence is back.
  await toggle.click();
  await page.locator('.narration-text', { hasText: "lands in beta's worktree" }).waitFor();
  await context.close();
});

for (const theme of ['light', 'dark', 'contrast']) {
  test(`axe finds nothing with a question and with an answer on screen (${theme} theme)`, async () => {
    const { page, context } = await openPage(env.browser, env.url, { hash: predictLink('examples/f1-cwd-env.json') });
    await question(page).waitFor({ timeout: 30000 });
    await page.getByRole('combobox', { name: /^Theme/ }).selectOption(theme);
    const scan = async () => {
      const results = await new AxeBuilder({ page }).analyze();
      return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`));
    };
    assert.deepEqual(await scan(), []);
    await page.keyboard.press('1');
    await question(page).getByText(/^Not quite: /).waitFor();
    assert.deepEqual(await scan(), []);
    await context.close();
  });
}

test('at 375 px: the question fits, is answered by a tap, and nothing scrolls sideways', async () => {
  const { page, context } = await openPage(env.browser, env.url, { hash: predictLink('examples/f1-cwd-env.json'), viewport: { width: 375, height: 812 } });
  await question(page).waitFor({ timeout: 30000 });
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(await overflow(), 0);
  const box = await question(page).boundingBox();
  assert.ok(box && box.x >= 0 && box.x + box.width <= 375, `the question is inside the screen (${JSON.stringify(box)})`);
  await question(page).getByRole('button', { name: /\/worktrees\/beta/ }).click();
  await question(page).getByText(/^Right: /).waitFor();
  assert.equal(await overflow(), 0);
  await context.close();
});
