// F3 in Chromium: the lesson "F3: the forcing function" lands on its new slot's cross-wire, the Catalog flags
// the slot until it is decided (Captured clears the guard and the cross-wires), and dropping two .rs files on
// the drift panel lists their ambient thread-locals. Screenshots go to $DRIFT_SHOTS when set.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { checkHeaderRadio, openExample, openPage, setup, waitForSession } from './harness.mjs';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.teardown();
});

const shot = async (page, name) => {
  if (process.env.DRIFT_SHOTS) await page.screenshot({ path: `${process.env.DRIFT_SHOTS}/${name}.png`, fullPage: false });
};

test('the F3 lesson lands on the new slot’s cross-wire, and deciding Captured clears it', async () => {
  const { page, context, record } = await openPage(env.browser, env.url);
  await waitForSession(page);
  await openExample(page, /F3: the forcing function/);
  // The lesson lands on its moment (alpha's cross-wired read of the added slot): wait for that narration.
  await page.locator('.narration').filter({ hasText: /cross-wire/ }).filter({ hasText: /EGRESS_TENANT_STACK/ }).waitFor();
  const narration = await page.locator('.narration').textContent();
  assert.match(narration, /alpha/);
  assert.match(narration, /beta/);
  const row = page.getByRole('table', { name: 'Thread-locals' }).getByRole('row', { name: /EGRESS_TENANT_STACK/ });
  await row.waitFor();
  const catalog = page.getByRole('region', { name: 'Catalog', exact: true });
  await catalog.getByRole('status').getByText('Not classified: the drift guard fails until it is Captured, or Uncaptured with a reason.').waitFor();
  await catalog.getByText(/^missing: new ambient-shape thread-local\(s\) not classified in AMBIENT_THREAD_LOCAL_CATALOG .*\["EGRESS_TENANT_STACK"\]/).waitFor();
  await row.scrollIntoViewIfNeeded();
  await shot(page, 'f3-lesson-desktop');
  await catalog.scrollIntoViewIfNeeded();
  await shot(page, 'f3-catalog-desktop');

  await catalog.getByRole('radiogroup', { name: 'Decision for EGRESS_TENANT_STACK' }).getByRole('radio', { name: 'Captured', exact: true }).check();
  await catalog.getByText('clean: every ambient-shape thread-local is classified').waitFor();
  await page.locator('.run-summary').getByText(/no cross-wires/).waitFor();
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('dropping two .rs files on the drift panel lists their ambient thread-locals', async () => {
  const { page, context, record } = await openPage(env.browser, env.url);
  await waitForSession(page);
  // The default Policy layout folds the scheduler column, where the Catalog lives.
  await checkHeaderRadio(page, 'Lesson');
  const zone = page.getByTestId('drift-drop');
  await zone.scrollIntoViewIfNeeded();
  const data = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['thread_local! {\n    static ACTIVE_BILLING_TENANT_STACK: RefCell<Vec<Tenant>> = RefCell::new(Vec::new());\n    static SCHEMA_CACHE: RefCell<u8> = RefCell::new(0);\n}\n'], 'harness_billing.rs'));
    transfer.items.add(new File(['use std::cell::RefCell;\nthread_local! {\n    static VM_EXECUTION_CONTEXT: RefCell<Option<RunExecutionRecord>> = RefCell::new(None);\n}\n'], 'process.rs'));
    return transfer;
  });
  await zone.dispatchEvent('drop', { dataTransfer: data });
  const found = page.getByRole('list', { name: 'Ambient thread-locals found' });
  await found.getByText('ACTIVE_BILLING_TENANT_STACK').waitFor();
  await found.getByText('VM_EXECUTION_CONTEXT').waitFor();
  assert.equal(await found.getByRole('listitem').count(), 2);
  await page.getByText('scanned 2 .rs files (0 skipped)').waitFor();
  await page.getByText('missing (1): ACTIVE_BILLING_TENANT_STACK').waitFor();
  await found.scrollIntoViewIfNeeded();
  await shot(page, 'f3-drop-desktop');
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('the Catalog reads on a phone', async () => {
  const { page, context } = await openPage(env.browser, env.url, { viewport: { width: 375, height: 800 } });
  await waitForSession(page);
  await openExample(page, /F3: the forcing function/);
  const catalog = page.getByRole('region', { name: 'Catalog', exact: true });
  await catalog.getByRole('status').getByText(/Not classified/).waitFor();
  await catalog.scrollIntoViewIfNeeded();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  await shot(page, 'f3-catalog-phone');
  await context.close();
});

// The F3 lesson as a share link (made with `harn-scope link examples/f3-forcing-function.json`).
const F3_LINK =
  '#s=1.vVLBasMwDP0VoVMLWbvBTjkMyig7DHpYe6tD0BLRmDm2id1mEPLvk5MOBhs79mQhPek9PXnAC3dBO4v5Q4aeOrYR8wGDO3cVY45eezbaMrSk7WIJg7IAgiNj2ABT1cBRIRnfkMIMFL5zlKiAASy1DHdPqQEgeOptSSeZv0iFZUqPyo6Y4amjxHoc8EPbOtHPLxrT4phhqJxPWvpOR5bEL5zl-AeukFTVaFPLUtP0xCvlSazQ_r-jcJeVbLlQ6A1ZiA3D2RtHtcJJfBOjL70LURApDvl6TV6v-JNab3hVuXb93ZCMuXokveO0w1VN8uv2YuYrzVqKDC-a--nskb38hMf75KZxMfz0bfvytt3vy8N2t9kdyv1h8_wqwjumOsGmIxRi-hc';

test('a link with an added uncaptured slot cross-wires; capturing it in the register file clears it, and the explorer agrees', async () => {
  const { page, context, record } = await openPage(env.browser, env.url + F3_LINK);
  await page.locator('.narration').getByText(/EGRESS_TENANT_STACK/).first().waitFor();
  const explorer = page.getByRole('region', { name: /^Explorer/ });
  const verdict = explorer.getByRole('status', { name: 'Explorer verdict' });
  await explorer.getByRole('button', { name: 'Explore', exact: true }).click();
  await verdict.getByText(/failing schedules? found/).waitFor({ timeout: 20000 });
  // Controlled by the trace: it shows checked once the re-simulation with the new capture set arrives.
  await page.getByRole('checkbox', { name: 'Capture EGRESS_TENANT_STACK' }).click();
  await page.getByRole('checkbox', { name: 'Capture EGRESS_TENANT_STACK', checked: true }).waitFor();
  await page.locator('.run-summary').getByText(/no cross-wires/).waitFor();
  await explorer.getByRole('button', { name: 'Explore', exact: true }).click();
  await verdict.getByText('Complete: no schedule cross-wires').waitFor({ timeout: 20000 });
  assert.deepEqual(record.errors, []);
  await context.close();
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe finds no violations in the Catalog of the F3 lesson (${colorScheme})`, async () => {
    const { page, context } = await openPage(env.browser, env.url, { colorScheme });
    await waitForSession(page);
    await openExample(page, /F3: the forcing function/);
    const catalog = page.getByRole('region', { name: 'Catalog', exact: true });
    await catalog.getByRole('status').getByText(/Not classified/).waitFor();
    const results = await new AxeBuilder({ page }).include('.catalog-panel').analyze();
    const problems = results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary}`));
    assert.deepEqual(problems, []);
    await context.close();
  });
}
