// The app loads in Chromium and no request leaves its origin.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { externalRequests, openPage, setup } from './harness.mjs';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.teardown();
});

test('the playground loads with its title and makes no request outside its origin', async () => {
  const { page, record, context } = await openPage(env.browser, env.url);
  await page.getByRole('heading', { name: /Harn Scope Lab/ }).waitFor();
  await page.waitForLoadState('networkidle');
  assert.deepEqual(externalRequests(record, env.url), []);
  assert.deepEqual(record.errors, []);
  assert.deepEqual(record.cspViolations, []);
  await context.close();
});

test('the Content-Security-Policy is in force: an injected inline script does not run', async () => {
  const { page, record, context } = await openPage(env.browser, env.url);
  await page.getByRole('heading', { name: /Harn Scope Lab/ }).waitFor();
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.body.append(script);
    return Boolean(window.__inlineRan);
  });
  assert.equal(ran, false);
  await page.waitForTimeout(100);
  assert.ok(record.cspViolations.some((v) => /script-src/.test(v)), `expected a script-src violation, got ${JSON.stringify(record.cspViolations)}`);
  await context.close();
});
