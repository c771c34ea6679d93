// Issue 29 in Chromium: the quick fixes on a call ("Add … to the parent grant", "Allow … in alpha's ceiling") each
// remove their finding and add no other, as one edit that Undo takes back; "Grant what the children need" shows its
// diff before it is applied.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ROOT, linkOf, openPage, setup, waitForMonaco } from './harness.mjs';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.teardown();
});

const section = (page, name) => page.getByRole('region', { name });

// resource-mismatch: beta writes .env, which the grant (notes.md only) does not cover; alpha's ceiling here allows
// reading only, so it drops alpha's write of notes.md.
function scenario() {
  const value = JSON.parse(readFileSync(join(ROOT, 'examples/resource-mismatch.json'), 'utf8'));
  value.children[0].ceiling = { capabilities: { workspace: ['read_text'] } };
  value.view = { layout: 'policy' };
  return value;
}

async function openTab(page, name) {
  await page.getByRole('tab', { name: new RegExp(name) }).click();
  await page.getByRole('heading', { name: `Effects ledger (${name})` }).waitFor();
}

/** Every finding the ledger shows for both children: violations, drops and lints, as text. */
async function findings(page) {
  const out = [];
  for (const child of ['alpha', 'beta']) {
    await openTab(page, child);
    await page.waitForTimeout(150);
    for (const name of [/^Violations/, /^Dropped by the ceiling/, /^Lints/]) out.push(`${child} ${(await section(page, name).textContent()).replace(/\s+/g, ' ')}`);
  }
  return out;
}

async function quickFix(page, callText, title) {
  await page.locator('.monaco-editor .view-lines').getByText(callText).first().click();
  await page.keyboard.press('Control+.');
  const item = page.locator('.action-widget').getByText(title);
  await item.waitFor({ timeout: 10000 });
  await item.click();
}

test('each quick fix removes its finding, adds no other, and is one edit Undo takes back', async () => {
  const { page, context, record } = await openPage(env.browser, env.url, { hash: linkOf(scenario()) });
  await waitForMonaco(page);
  await openTab(page, 'beta');
  await section(page, /^Violations/).locator('code', { hasText: 'fs:write (.env)' }).waitFor({ timeout: 10000 });
  const before = await findings(page);

  await openTab(page, 'beta');
  await quickFix(page, 'write_file', 'Add to the parent grant: fs:write (.env)');
  await page.getByRole('status').filter({ hasText: 'Added fs:write (.env) to the parent grant.' }).waitFor({ timeout: 5000 });
  await section(page, /^Violations/).getByText(/No violations/).waitFor({ timeout: 5000 });
  const afterGrant = await findings(page);
  const gone = before.filter((f) => !afterGrant.includes(f));
  assert.deepEqual(gone.map((f) => f.split(' ')[0]), ['beta'], 'only beta\'s violations changed');
  assert.ok(afterGrant.every((f) => before.includes(f) || /^beta Violations \(HARN-CAP-301\) \(0\)/.test(f)), afterGrant.join('\n'));

  await openTab(page, 'alpha');
  await quickFix(page, 'write_file', "Allow in alpha's ceiling: fs:write (notes.md)");
  await page.getByRole('status').filter({ hasText: "Allowed fs:write (notes.md) in alpha's ceiling." }).waitFor({ timeout: 5000 });
  await section(page, /^Dropped by the ceiling/).getByText('Nothing dropped.').waitFor({ timeout: 5000 });
  // Allowing the write adds no violation: notes.md is in the grant.
  await section(page, /^Violations/).getByText(/No violations/).waitFor({ timeout: 5000 });

  await page.getByRole('button', { name: 'Undo' }).click();
  await section(page, /^Dropped by the ceiling/).locator('code', { hasText: 'fs:write (notes.md)' }).waitFor({ timeout: 5000 });
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('"Grant what the children need" shows what it adds before Apply, and Apply removes the violation', async () => {
  const { page, context, record } = await openPage(env.browser, env.url, { hash: linkOf(scenario()) });
  await waitForMonaco(page);
  await page.getByRole('tab').first().click();
  await page.getByRole('button', { name: 'Grant what the children need' }).click();
  const panel = page.getByRole('region', { name: 'Suggested parent grant' });
  await panel.locator('code', { hasText: 'fs:write (.env)' }).first().waitFor({ timeout: 10000 });
  assert.match(await panel.textContent(), /Newly allowed \(1\)/);
  await panel.getByRole('button', { name: 'Apply' }).click();
  await openTab(page, 'beta');
  await section(page, /^Violations/).getByText(/No violations/).waitFor({ timeout: 5000 });
  assert.deepEqual(record.errors, []);
  await context.close();
});
