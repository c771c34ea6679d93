// The explorer's largest budget in Chromium against the real worker (issue "Hardening, second round"): on eight
// children, 1,000,000 runs unpruned and pruned each finish with a verdict, progress all along, and no worker
// restart (before, the unpruned one was declared hung and restarted from 0, the pruned one failed with "Invalid
// array length"); and a worker killed mid-exploration leaves a plain note that the exploration started again.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { linkOf, openPage, setup } from './harness.mjs';

const NAMES = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
/** Eight children (the scenario limit), each calling the model and writing a file: far more schedules than any
 * budget, many cross-wired (unscoped). */
const EIGHT_CHILDREN = {
  version: 1,
  parent: {
    source: `pipeline main() {\n  parallel each [${NAMES.map((n) => `"${n}"`).join(', ')}] { n -> spawn_agent(n) }\n}`,
    grant: [{ kind: { kind: 'llm' }, scope: 'write' }, { kind: { kind: 'fs' }, scope: 'write' }],
  },
  children: NAMES.map((_, i) => ({ name: `c${i}`, source: 'pipeline main() {\n  llm_call("plan")\n  write_file("out.md", "x")\n}' })),
  run: { mode: 'unscoped' },
};
const RESTART_NOTE = /The worker was restarted during this exploration .* started again from the first schedule/;

let env;
before(async () => {
  env = await setup({ hooks: true });
});
after(async () => {
  await env?.teardown();
});

/** Opens the eight-children scenario with the explorer set to `budget` and pruning as given, and clicks Explore. */
async function explore(page, budget, prune) {
  await page.getByRole('button', { name: 'Step', exact: true }).waitFor();
  const explorer = page.getByRole('region', { name: /^Explorer/ });
  const pruning = explorer.getByRole('checkbox', { name: 'Prune equivalent schedules' });
  if (prune) await pruning.check();
  else await pruning.uncheck();
  await explorer.getByRole('combobox', { name: 'Budget' }).selectOption({ label: budget });
  await explorer.getByRole('button', { name: 'Explore', exact: true }).click();
  return explorer;
}

for (const prune of [false, true]) {
  test(`the largest budget, 1,000,000 runs ${prune ? 'pruned' : 'unpruned'}, finishes on eight children with progress and no restart`, async (t) => {
    const { page, record, context } = await openPage(env.browser, env.url, { hash: linkOf(EIGHT_CHILDREN) });
    const largest = await page.getByRole('combobox', { name: 'Budget' }).locator('option').last().textContent();
    assert.equal(largest, '1,000,000 runs');
    const explorer = await explore(page, largest, prune);
    const started = Date.now();
    const bar = explorer.getByRole('progressbar', { name: 'Exploration progress' });
    const verdict = explorer.getByRole('status', { name: 'Explorer verdict' });
    // Progress moves while it runs: the bar is seen partly filled, below the whole.
    await page.waitForFunction(() => {
      const value = Number(document.querySelector('.explorer-bar')?.getAttribute('value'));
      return value > 0.1 && value < 1;
    }, null, { timeout: 60_000 });
    await verdict.getByText(/failing schedules found/).waitFor({ timeout: 180_000 });
    t.diagnostic(`1,000,000 runs ${prune ? 'pruned' : 'unpruned'} in the page: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    assert.match(await verdict.textContent(), /✖ [\d,]+ failing schedules found — stopped at the schedule budget before covering every interleaving/);
    assert.equal(await bar.getAttribute('value'), '1');
    // Unpruned, every run of the budget is a schedule; pruned, a tenth is kept back for the verify pass, which
    // stops once it has proved the cheapest failure.
    assert.match(await explorer.locator('.explorer-counts').textContent(), prune ? /^(9\d\d,\d{3}|1,000,000) runs/ : /^1,000,000 runs/);
    // Not failed, not restarted.
    assert.equal(await explorer.getByRole('alert').count(), 0);
    assert.equal(await explorer.getByText(RESTART_NOTE).count(), 0);
    assert.equal(await page.getByText(/worker .*restarted/i).count(), 0);
    assert.deepEqual(record.errors, []);
    await context.close();
  });
}

test('a worker killed mid-exploration: the exploration starts again, the panel says so, and it finishes', async () => {
  const { page, record, context } = await openPage(env.browser, env.url, { hash: linkOf(EIGHT_CHILDREN) });
  const explorer = await explore(page, '100,000 runs', false);
  const verdict = explorer.getByRole('status', { name: 'Explorer verdict' });
  await verdict.getByText(/Exploring: searching schedules/).waitFor();
  assert.equal(await explorer.getByText(RESTART_NOTE).count(), 0);
  const outstanding = await page.evaluate(() => window.__harnScopeLab.killWorker());
  assert.ok(outstanding >= 1, `expected the exploration outstanding at the kill, found ${outstanding}`);
  await explorer.getByText(RESTART_NOTE).waitFor({ timeout: 10_000 });
  await verdict.getByText(/failing schedules found/).waitFor({ timeout: 60_000 });
  assert.match(await explorer.locator('.explorer-counts').textContent(), /^100,000 runs/);
  // The note stays with the result it explains.
  assert.equal(await explorer.getByText(RESTART_NOTE).count(), 1);
  assert.deepEqual(record.errors, []);
  await context.close();
});
