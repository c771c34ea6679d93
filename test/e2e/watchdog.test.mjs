// The worker watchdog in Chromium (issue 8): a worker killed while an analysis is outstanding is restarted with a
// message, and the ledger and diagnostics catch up within 2 s with the typed text intact; a worker that silently
// stops answering is found by the liveness ping and replaced the same way. The test hook
// `window.__harnScopeLab.killWorker` (in the e2e build only: dist-e2e/) can only terminate the current worker.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { externalRequests, openBetaLedger, openPage, setup, typeBetaEdit } from './harness.mjs';

let env;
before(async () => {
  env = await setup({ hooks: true });
});
after(async () => {
  await env?.teardown();
});

const MESSAGE = 'The analysis worker stopped responding and was restarted; your sources are kept.';
/** beta's ledger, marked so that a reload would show (the watchdog must restart the worker, not the page). */
async function openBeta() {
  const opened = await openBetaLedger(env.browser, env.url);
  await opened.page.evaluate(() => (window.__notReloaded = true));
  return opened;
}

/** The analysis of BETA_EDIT is on screen: the ledger's requested effects and the diagnostics changed with it. */
async function waitForEditAnalyzed(page, timeout) {
  await page
    .getByRole('region', { name: /Requested/ })
    .locator('code', { hasText: 'fs:read (notes.txt)' })
    .waitFor({ timeout });
  await page
    .getByRole('region', { name: /Violations \(HARN-CAP-301\)/ })
    .getByText(/No violations/)
    .waitFor({ timeout });
  assert.equal(await page.locator('.diagnostics-list li', { hasText: 'net:write' }).count(), 0);
}

async function assertTextKept(page) {
  const lines = await page.locator('.monaco-editor .view-lines').innerText();
  assert.match(lines.replace(/\u00a0/g, ' '), /let page = read_file\("notes\.txt"\)/);
  assert.equal(await page.evaluate(() => window.__notReloaded), true);
}

test('killing the worker while an analysis is outstanding shows the message and the ledger catches up within 2 s, nothing lost', async () => {
  const { page, context, record } = await openBeta();
  // A silent kill first, so the edit's analysis is certainly outstanding (sent to a dead worker) when the
  // crash is reported: the kill lands mid-analysis on every run, not by luck of timing.
  await page.evaluate(() => window.__harnScopeLab.killWorker({ silent: true }));
  await typeBetaEdit(page);
  const outstanding = await page.evaluate(() => window.__harnScopeLab.killWorker());
  assert.ok(outstanding >= 1, `expected an outstanding request at the kill, found ${outstanding}`);
  const killedAt = Date.now();
  await page.getByRole('status').filter({ hasText: MESSAGE }).waitFor({ timeout: 2000 });
  await waitForEditAnalyzed(page, Math.max(1, 2000 - (Date.now() - killedAt)));
  assert.ok(Date.now() - killedAt <= 2000, `recovered in ${Date.now() - killedAt} ms`);
  await assertTextKept(page);

  // The message can be dismissed, and later edits are analyzed by the new worker as usual.
  await page.getByRole('status').getByRole('button', { name: 'Dismiss' }).click();
  assert.equal(await page.getByText(MESSAGE).count(), 0);
  await page.keyboard.insertText('// more\n');
  await page
    .locator('.diagnostics-list li', { hasText: 'net:write' })
    .waitFor({ state: 'detached', timeout: 2000 });
  assert.deepEqual(record.errors, []);
  assert.deepEqual(record.cspViolations, []);
  assert.deepEqual(externalRequests(record, env.url), []);
  await context.close();
});

test('a worker that silently stops answering is found by the liveness ping and replaced, the edit analyzed', async () => {
  const { page, context, record } = await openBeta();
  await page.evaluate(() => window.__harnScopeLab.killWorker({ silent: true }));
  const typedAt = Date.now();
  await typeBetaEdit(page);
  // Found after the 1.5 s hang limit (WATCHDOG_LIMITS.hangAfterMs), then recovered like a crash.
  await page.getByRole('status').filter({ hasText: MESSAGE }).waitFor({ timeout: 3500 });
  await waitForEditAnalyzed(page, 3500);
  assert.ok(Date.now() - typedAt >= 1000, 'the hang was not reported before the ping deadline');
  await assertTextKept(page);
  assert.deepEqual(record.errors, []);
  assert.deepEqual(record.cspViolations, []);
  await context.close();
});

test('the stepper keeps working after a restart: Step advances with the new worker', async () => {
  const { page, context } = await openPage(env.browser, env.url);
  // The default page opens in the Policy layout: the scheduler is folded to its verdict.
  await page.getByRole('button', { name: 'Show the stepper' }).click();
  await page.getByText(/^step 1 \/ \d+$/).waitFor();
  await page.evaluate(() => window.__harnScopeLab.killWorker());
  await page.getByRole('status').filter({ hasText: MESSAGE }).waitFor({ timeout: 2000 });
  // A mode switch needs a new simulation from the new worker.
  await page.getByRole('radio', { name: 'unscoped', exact: true }).check();
  await page.getByText('Mode unscoped').waitFor({ timeout: 2000 });
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await page.getByText(/^step 2 \/ \d+$/).waitFor({ timeout: 2000 });
  await context.close();
});
