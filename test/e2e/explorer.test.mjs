// The explorer panel in Chromium against the real worker (comlink, progress through a proxied callback): F2 from
// the Examples menu explores to failing schedules, the first replays in the stepper at a red cross-wire read, and a
// long unpruned exploration of a three-way fan-out stops on Cancel with a partial, incomplete verdict.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { linkOf, openExample, openPage, setup, waitForSession } from './harness.mjs';

/** Three children with five awaits each: hundreds of millions of unpruned schedules, so a 1,000,000-run exploration
 * takes seconds on any machine (the three-way lesson's 46,200 runs can finish before a Cancel click). */
const BIG_FAN_OUT = {
  version: 1,
  parent: { source: 'pipeline main() {\n  parallel each ["alpha", "beta", "gamma"] { n -> spawn_agent(n) }\n}', grant: [{ kind: { kind: 'llm' }, scope: 'write' }, { kind: { kind: 'net' }, scope: 'write' }, { kind: { kind: 'fs' }, scope: 'write' }] },
  children: ['alpha', 'beta', 'gamma'].map((name) => ({
    name,
    source: `pipeline main() {\n  llm_call("plan")\n  http_get("https://api.example.com/${name}")\n  write_file("${name}.md", "x")\n  llm_call("review")\n  yield_now()\n}`,
  })),
  run: { mode: 'unscoped' },
};

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.teardown();
});

test('F2: Explore finds failing schedules; the first replays in the stepper at its cross-wire', async () => {
  const { page, record, context } = await openPage(env.browser, env.url);
  await waitForSession(page);
  await openExample(page, /F2: mutation session/);
  const explorer = page.getByRole('region', { name: /^Explorer/ });
  await explorer.getByRole('button', { name: 'Explore', exact: true }).click();

  const verdict = explorer.getByRole('status', { name: 'Explorer verdict' });
  await verdict.getByText(/failing schedules? found/).waitFor({ timeout: 20000 });
  assert.match(await verdict.textContent(), /✖ \d+ failing schedules? found — every interleaving covered/);
  assert.equal(await explorer.getByRole('progressbar', { name: 'Exploration progress' }).getAttribute('value'), '1');

  // Failures are grouped by what goes wrong: F2 has one kind, its own slot.
  const list = explorer.getByRole('list', { name: 'What goes wrong' });
  const first = list.getByRole('listitem').first();
  const firstText = await first.textContent();
  assert.match(firstText, /✖ cross-wire CURRENT_MUTATION_SESSION: a write is audited under another task's session · \d+ schedules?/);
  assert.match(firstText, /simplest: #1, \d+ preemptions?/);
  // Every schedule is still listed, folded, described by await sites.
  await explorer.getByText(/^Every failing schedule \(\d+\)$/).click();
  assert.match(await explorer.getByRole('list', { name: 'Failing schedules' }).getByRole('listitem').first().textContent(), /alpha after llm_call \(line \d+\)/);
  const slot = 'CURRENT_MUTATION_SESSION';

  await first.getByRole('button').click();
  // The stepper reloads the schedule (a picks schedule) and lands on that cross-wire: red, in words, and narrated.
  await page.getByText(/Schedule: picks: parent/).waitFor();
  const narration = page.locator('.narration');
  await narration.locator('.narration-text', { hasText: new RegExp(`✖ cross-wire: .*${slot}`) }).waitFor();
  const current = page.getByRole('list', { name: 'Reads' }).locator('li.read-current');
  assert.match(await current.textContent(), /✖ cross-wire/);
  assert.match(await current.textContent(), new RegExp(`reads ${slot}`));
  assert.equal(await first.getByRole('button').getAttribute('aria-current'), 'true');
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('Cancel stops a long exploration in the worker and keeps an incomplete result', async () => {
  const { page, record, context } = await openPage(env.browser, env.url, { hash: linkOf(BIG_FAN_OUT) });
  await page.getByRole('button', { name: 'Step', exact: true }).waitFor();
  const explorer = page.getByRole('region', { name: /^Explorer/ });
  await explorer.getByRole('checkbox', { name: 'Prune equivalent schedules' }).uncheck();
  await explorer.getByRole('combobox', { name: 'Budget' }).selectOption({ label: '1,000,000 runs' });
  await explorer.getByRole('button', { name: 'Explore', exact: true }).click();
  const verdict = explorer.getByRole('status', { name: 'Explorer verdict' });
  // Progress arrives from the worker while it runs.
  await verdict.getByText(/Exploring: searching schedules/).waitFor();
  await explorer.getByRole('button', { name: 'Cancel', exact: true }).click();
  await verdict.getByText(/cancelled before covering every interleaving/).waitFor({ timeout: 20000 });
  assert.equal(await explorer.getByRole('button', { name: 'Explore', exact: true }).isEnabled(), true);
  assert.equal(await explorer.getByRole('button', { name: 'Cancel', exact: true }).isDisabled(), true);
  assert.deepEqual(record.errors, []);
  await context.close();
});
