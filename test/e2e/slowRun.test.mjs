// A Step taken on the trace still shown while a mode switch's trace is on its way (a slowed worker, e2e build
// only) is the user's to keep: the new trace lands on the moment stepped to, not back on the one shown at the
// switch (the CI flake of watchdog.test.mjs, where Step clicked right after a mode switch came back to step 1).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { lessonLink, narrationText, openPage, setup, slowWorker, waitForNarration } from './harness.mjs';

let env;
before(async () => {
  env = await setup({ hooks: true });
});
after(async () => {
  await env?.teardown();
});

test('a Step taken while the new mode is simulated lands the new trace on the moment stepped to', async () => {
  const { page, context, record } = await openPage(env.browser, env.url, {
    hash: lessonLink('examples/f1-cwd-env.json'),
    beforeGoto: (p) => slowWorker(p, 900),
  });
  await waitForNarration(page, /lands in beta's worktree/);
  const position = page.getByText(/^step \d+ \/ \d+$/);
  assert.equal(await position.textContent(), 'step 13 / 29');

  await page.getByRole('radio', { name: 'scoped', exact: true }).check();
  // The scoped trace is 900 ms away: this Step moves on the unscoped trace still shown.
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  assert.match(await narrationText(page), /^Step 14: ✖ cross-wire: It also reads EXECUTION_POLICY_STACK \(beta's policy\)/);
  // The scoped trace lands on that moment, alpha's read of EXECUTION_POLICY_STACK, now its own, and stays there.
  await waitForNarration(page, /alpha reads EXECUTION_POLICY_STACK for write_file: its own policy\(alpha\)\./);
  assert.equal(await position.textContent(), 'step 14 / 23');
  await page.waitForTimeout(1500);
  assert.equal(await position.textContent(), 'step 14 / 23');
  assert.deepEqual(record.errors, []);
  await context.close();
});
