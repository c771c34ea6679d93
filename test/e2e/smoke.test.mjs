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
  await context.close();
});
