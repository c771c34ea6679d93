// Challenges and exercises in Chromium (issue 28): a challenge opened from the gallery's path is played at the
// chooser until the win banner shows its schedule, and the win is kept in the gallery; the explorer's answer stays
// behind "Show a solution"; an exercise link says "✖ not yet" until the student adds gamma and it cross-wires, then
// "✔ goal met"; axe finds nothing on the challenge in three themes, the gallery, and at 375 px.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { lessonLink, openPage, setup, waitForMonaco, waitForSession } from './harness.mjs';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.teardown();
});

const EXERCISE = lessonLink('examples/exercises/gamma-crosswire.json');
const CHALLENGE = lessonLink('examples/challenges/c02-nested-without-nesting.json');
const badge = (page, text) => page.getByRole('status').filter({ hasText: text }).first();

async function openChallengeFromGallery(page, title) {
  await page.getByRole('button', { name: /Examples/ }).click();
  const path = page.getByRole('dialog', { name: 'Examples' }).getByRole('region', { name: 'Challenges: play the scheduler' });
  await path.getByRole('button', { name: title }).click();
}

test('a challenge from the gallery, played at the chooser: ✖ not yet, then the win banner with the schedule, kept in the gallery', async () => {
  const { page, context, record } = await openPage(env.browser, env.url);
  await waitForSession(page);
  await openChallengeFromGallery(page, /Nested without nesting/);
  const panel = page.getByRole('region', { name: 'Nested without nesting' });
  await badge(panel, '✖ not yet').waitFor();
  // The explorer's answer is not on screen until asked for.
  assert.equal(await page.getByText(/^A solution:/).count(), 0);
  // Play: at each choice point, pick the task of the winning schedule (beta's host_call first nests alpha's).
  const wanted = ['parent', 'alpha', 'beta', 'beta', 'alpha', 'alpha'];
  const chooser = page.getByRole('group', { name: 'Choose the next task' });
  for (const [i, task] of wanted.entries()) {
    while (!(await chooser.isVisible())) await page.getByRole('button', { name: 'Step', exact: true }).click();
    await chooser.getByRole('button', { name: task, exact: true }).click();
    await panel.getByText(wanted.slice(0, i + 1).join(' → '), { exact: true }).waitFor();
    // Until the pick's trace comes, the chooser on screen is the previous trace's and cannot be used.
    await page.locator('.chooser button:disabled').first().waitFor({ state: 'detached' });
  }
  await badge(panel, '✔ goal met').waitFor();
  await panel.getByText(`✔ You won. Your schedule: ${wanted.join(' → ')}, then the default order.`).waitFor();
  // Undo takes the last move back.
  await panel.getByRole('button', { name: 'Undo' }).click();
  await panel.getByText(wanted.slice(0, -1).join(' → '), { exact: true }).waitFor();
  // The win stays in the gallery, on this challenge only.
  await page.getByRole('button', { name: /Examples/ }).click();
  const path = page.getByRole('dialog', { name: 'Examples' }).getByRole('region', { name: 'Challenges: play the scheduler' });
  await path.getByRole('button', { name: /Nested without nesting/ }).filter({ hasText: '✔ won' }).waitFor();
  assert.equal(await path.getByText('✔ won').count(), 1);
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('"Show a solution" reveals the explorer’s schedule; playing it wins', async () => {
  const { page, context } = await openPage(env.browser, env.url, { hash: CHALLENGE });
  await waitForSession(page);
  const panel = page.getByRole('region', { name: 'Nested without nesting' });
  await badge(panel, '✖ not yet').waitFor();
  await panel.getByRole('button', { name: 'Show a solution' }).click();
  await panel.getByText(/^A solution: parent → /).waitFor();
  await panel.getByRole('button', { name: 'Play this schedule' }).click();
  await badge(panel, '✔ goal met').waitFor();
  await context.close();
});

test('an exercise link: "✖ not yet" until the student adds gamma and it cross-wires on VM_EXECUTION_CONTEXT, then "✔ goal met"', async () => {
  const { page, context, record } = await openPage(env.browser, env.url, { hash: EXERCISE });
  await waitForMonaco(page);
  await waitForSession(page);
  const panel = page.getByRole('region', { name: 'Make gamma cross-wire on VM_EXECUTION_CONTEXT' });
  await badge(panel, '✖ not yet').waitFor();
  await page.getByRole('button', { name: 'Add a child' }).click();
  await page.getByRole('tab', { name: /gamma/, selected: true }).waitFor();
  // A new child reads a file at once: it runs before anyone else installs a context, so still not yet.
  await badge(panel, '✖ not yet').waitFor();
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText('pipeline main() {\n  yield_now()\n  write_file("out.txt", "gamma")\n}\n');
  await badge(panel, '✔ goal met').waitFor({ timeout: 15000 });
  assert.deepEqual(record.errors, []);
  await context.close();
});

function describeViolations(violations) {
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`));
}

const VIEWS = [
  ['a challenge (light)', {}, async () => {}],
  ['a challenge (dark)', { colorScheme: 'dark' }, async () => {}],
  ['a challenge (high contrast)', {}, (page) => page.getByRole('combobox', { name: /^Theme/ }).selectOption('contrast')],
  ['a won challenge with its solution shown (dark)', { colorScheme: 'dark' }, async (page) => {
    await page.getByRole('button', { name: 'Show a solution' }).click();
    await page.getByRole('button', { name: 'Play this schedule' }).click();
    await page.getByText(/✔ You won\./).waitFor();
  }],
  ['the gallery with its path (high contrast)', {}, async (page) => {
    await page.getByRole('combobox', { name: /^Theme/ }).selectOption('contrast');
    await page.getByRole('button', { name: /Examples/ }).click();
    await page.getByRole('region', { name: 'Challenges: play the scheduler' }).waitFor();
  }],
  ['a challenge at 375 px', { viewport: { width: 375, height: 800 } }, async () => {}],
];

for (const [name, options, prepare] of VIEWS) {
  test(`axe finds no violations on ${name}`, async () => {
    const { page, context } = await openPage(env.browser, env.url, { hash: CHALLENGE, ...options });
    await waitForSession(page);
    await page.getByText(/^(✔ goal met|✖ not yet)$/).first().waitFor();
    await prepare(page);
    const results = await new AxeBuilder({ page }).analyze();
    assert.deepEqual(describeViolations(results.violations), []);
    if (options.viewport) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px at 375 px`);
    }
    await context.close();
  });
}
