// The effects side in Chromium (issue 3): the ledger and markers follow edits to a child's calls and ceiling
// without a reload, a child that does not parse shows "effects unknown", an invalid ceiling JSON shows an error
// while the last valid policy stays in effect and nothing typed is lost, and ledger rows reveal their call sites.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openPage, setup, waitForMonaco } from './harness.mjs';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.teardown();
});

async function openChild(name) {
  const opened = await openPage(env.browser, env.url);
  await waitForMonaco(opened.page);
  await opened.page.getByRole('tab', { name: new RegExp(name) }).click();
  await opened.page.getByRole('heading', { name: `Effects ledger (${name})` }).waitFor();
  await opened.page.evaluate(() => (window.__notReloaded = true));
  return opened;
}

/** Replaces the selected program's whole source through the editor. */
async function replaceSource(page, text) {
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
}

const section = (page, name) => page.getByRole('region', { name });

test("editing a child's call from http_get to read_file updates the ledger and markers without a reload", async () => {
  const { page, context } = await openChild('beta');
  const violations = section(page, /Violations \(HARN-CAP-301\)/);
  await violations.locator('code', { hasText: 'net:write (https://example.com)' }).waitFor();
  assert.ok((await page.locator('.diagnostics-list li', { hasText: 'net:write (https://example.com)' }).count()) > 0);
  await replaceSource(page, 'pipeline main() {\n  let page = read_file("notes.txt")\n}\n');
  await section(page, /Requested/).locator('code', { hasText: 'fs:read (notes.txt)' }).waitFor({ timeout: 5000 });
  await violations.getByText(/No violations/).waitFor({ timeout: 5000 });
  assert.equal(await page.locator('.diagnostics-list li', { hasText: 'net:write' }).count(), 0);
  assert.equal(await page.locator('.monaco-editor .squiggly-error').count(), 0);
  assert.equal(await page.evaluate(() => window.__notReloaded), true);
  await context.close();
});

test("tightening a child's ceiling to read_only drops its writes, with the reason, in the ledger and as markers", async () => {
  const { page, context } = await openChild('alpha');
  const dropped = section(page, /Dropped by the ceiling/);
  assert.equal(await dropped.locator('code', { hasText: 'fs:write (summary.txt)' }).count(), 0);
  await page.getByLabel('Side-effect level (highest allowed)').selectOption('read_only');
  const row = dropped.locator('li', { hasText: 'fs:write (summary.txt)' });
  await row.waitFor({ timeout: 5000 });
  assert.match(await row.textContent(), /side_effect_level workspace_write exceeds the ceiling's read_only/);
  await page.locator('.diagnostics-list li', { hasText: /L405.*fs:write \(summary\.txt\)/ }).waitFor({ timeout: 5000 });
  await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 5000 });
  assert.equal(await page.evaluate(() => window.__notReloaded), true);
  await context.close();
});

test('a child with a syntax error shows "effects unknown", never an empty list', async () => {
  const { page, context } = await openChild('alpha');
  await replaceSource(page, 'pipeline main() {\n  let = read_file("notes.txt")\n}\n');
  await page.getByText('Effects unknown: the child does not parse.').waitFor({ timeout: 5000 });
  assert.equal(await section(page, /Granted/).count(), 0);
  await context.close();
});

test('an invalid ceiling JSON shows an error, keeps the last valid policy in effect, and loses nothing typed', async () => {
  const { page, context } = await openChild('alpha');
  await page.getByRole('button', { name: 'JSON' }).click();
  const json = page.getByLabel(/Ceiling JSON/);
  const granted = section(page, /Granted/);
  const grantedBefore = await granted.textContent();
  const invalid = '{ "capabilities": { "workspace": [1] }, "side_effect_level": "read_only"';
  await json.fill(invalid);
  await page.getByRole('alert').filter({ hasText: 'The last valid ceiling stays in effect' }).waitFor({ timeout: 5000 });
  assert.equal(await json.inputValue(), invalid);
  assert.equal(await granted.textContent(), grantedBefore);
  // Leave the child and come back: the text is still there.
  await page.getByRole('tab', { name: /beta/ }).click();
  await page.getByRole('tab', { name: /alpha/ }).click();
  assert.equal(await page.getByLabel(/Ceiling JSON/).inputValue(), invalid);
  // Fixing it puts it into effect.
  await page.getByLabel(/Ceiling JSON/).fill('{ "side_effect_level": "read_only" }');
  await section(page, /Dropped by the ceiling/).locator('code', { hasText: 'fs:write (summary.txt)' }).waitFor({ timeout: 5000 });
  assert.equal(await page.getByRole('alert').filter({ hasText: 'The last valid ceiling' }).count(), 0);
  await context.close();
});

test('a ledger row reveals and selects its call site in the editor', async () => {
  const { page, context } = await openChild('beta');
  await page.getByRole('button', { name: /Show net:write \(https:\/\/example\.com\) at line 3/ }).first().click();
  await page.locator('.monaco-editor .selected-text').first().waitFor({ timeout: 5000 });
  const selected = await page.evaluate(() => document.activeElement?.closest('.monaco-editor') !== null);
  assert.equal(selected, true, 'the editor has focus after the reveal');
  await context.close();
});
