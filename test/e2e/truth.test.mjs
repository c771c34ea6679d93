// Never "clean" unless the tool looked (issue 24, acceptance 3 and 7), in Chromium: an analysis that fails leaves
// nothing of the previous one on screen and says the decisions are unknown, the autosave stays readable; while an
// analysis or a run is pending (a worker that stopped answering), neither the ledger nor the scheduler's verdict
// line claims "No violations", "none unseen" or a clean run. `window.__harnScopeLab` exists in the e2e build only.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openBetaLedger, setup, typeBetaEdit, waitForMonaco } from './harness.mjs';

let env;
before(async () => {
  env = await setup({ hooks: true });
});
after(async () => {
  await env?.teardown();
});

/** What the ledger column and the verdict line claim right now. */
async function claims(page) {
  return page.evaluate(() => {
    const text = document.body.innerText;
    const verdict = document.querySelector('.fold-summary')?.textContent ?? '';
    return {
      noViolations: text.includes('No violations'),
      noneUnseen: text.includes('harn sees every effectful call'),
      verdict,
    };
  });
}

test('a failed analysis: no row, count or "No violations" of the previous one stays; decisions unknown; the autosave restores the edit', async () => {
  const { page, context, record } = await openBetaLedger(env.browser, env.url);
  await page.evaluate(() => window.__harnScopeLab.failNext('analyzeScenario'));
  await typeBetaEdit(page);
  await page.getByRole('status').filter({ hasText: 'Decisions unknown: the analysis failed.' }).waitFor({ timeout: 5000 });
  assert.equal(await page.getByRole('region', { name: /Violations \(HARN-CAP-301\)|Requested|Granted|Not in the handoff/ }).count(), 0);
  assert.equal(await page.locator('.ledger code', { hasText: 'net:write' }).count(), 0);
  const now = await claims(page);
  assert.equal(now.noViolations, false);
  assert.equal(now.noneUnseen, false);
  // The diagnostics say what failed; none of the previous analysis's rows are left to click.
  assert.equal(await page.locator('.diagnostics-list li', { hasText: 'net:write' }).count(), 0);
  // The autosave holds the edit and is readable: a reload brings it back, analyzed by the (no longer failing) worker.
  await page.waitForTimeout(1500);
  await page.reload();
  await waitForMonaco(page);
  await page.getByRole('tab', { name: /beta/ }).click();
  await page.getByRole('region', { name: /Requested/ }).locator('code', { hasText: 'fs:read (notes.txt)' }).waitFor({ timeout: 10000 });
  assert.deepEqual(record.cspViolations, []);
  await context.close();
});

test('with a slowed worker, the ledger and the verdict line never claim clean while their analysis or run is pending', async () => {
  const { page, context } = await openBetaLedger(env.browser, env.url);
  // The worker stops answering (found by the liveness ping after ~1.5 s, then replaced): the edit's analysis and
  // run are pending all that time.
  await page.evaluate(() => window.__harnScopeLab.killWorker({ silent: true }));
  await typeBetaEdit(page);
  const samples = [];
  for (let i = 0; i < 8; i++) {
    samples.push(await claims(page));
    await page.waitForTimeout(120);
  }
  for (const s of samples) {
    assert.equal(s.noViolations, false, 'No violations shown while pending');
    assert.equal(s.noneUnseen, false, '"harn sees every effectful call" shown while pending');
    assert.doesNotMatch(s.verdict, /no cross-wires/i);
  }
  assert.ok(samples.some((s) => /unknown/.test(s.verdict)), `the verdict said unknown while pending: ${samples.map((s) => s.verdict).join(' | ')}`);
  // Once the replaced worker answers, the claims are back, for the current sources.
  await page.getByRole('region', { name: /Violations \(HARN-CAP-301\)/ }).getByText(/No violations/).waitFor({ timeout: 5000 });
  await context.close();
});
