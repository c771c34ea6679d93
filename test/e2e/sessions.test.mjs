// Sessions shared by tabs, in Chromium (issue "Hardening, second round": work lost): two tabs of one browser profile
// edit, and a third tab finds both tabs' work, one as its session and the other in Recent work; an edit followed by
// a reload or a closed tab 100 ms later is there; an invalid ceiling draft comes back as it was, with its error.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setup, waitForMonaco, waitForSaved } from './harness.mjs';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.teardown();
});

/** A new tab in `context`, recording page errors and console errors into `errors`. */
async function newTab(context, errors) {
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  await page.goto(env.url);
  await waitForMonaco(page);
  return page;
}

/** Types `text` at the top of the parent's program. */
async function typeAtTop(page, text) {
  await page.getByRole('tab', { name: /^parent/ }).click();
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.insertText(text);
}

const editorHas = (page, text) => page.locator('.monaco-editor .view-lines', { hasText: text }).count();

test('two tabs edit; a third tab finds both: one as its session, the other in Recent work', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const errors = [];
  const a = await newTab(context, errors);
  await typeAtTop(a, '// work of tab A\n');
  await waitForSaved(a, 'work of tab A');
  const b = await newTab(context, errors);
  // A new tab carries on the most recent session: A's.
  await b.locator('.monaco-editor .view-lines', { hasText: 'work of tab A' }).waitFor();
  await typeAtTop(b, '// work of tab B\n');
  await typeAtTop(a, '// more from tab A\n');
  await waitForSaved(b, 'work of tab B');
  await waitForSaved(a, 'more from tab A');
  // Each tab saved its own session: neither overwrote the other.
  await a.waitForFunction(() => Object.keys(localStorage).filter((k) => k.startsWith('harn-scope-lab:tab:')).length === 2);

  const c = await newTab(context, errors);
  await c.getByRole('button', { name: /Examples/ }).click();
  const recent = c.getByRole('region', { name: 'Recent work' });
  await recent.waitFor();
  const items = recent.getByRole('listitem');
  assert.equal(await items.count(), 1);
  const listed = await items.first().textContent();
  assert.match(listed, /\(from another tab\)/);
  const fromA = /^\d\d:\d\d \/\/ more from tab A/.test(listed);
  const fromB = /^\d\d:\d\d \/\/ work of tab B/.test(listed);
  assert.ok(fromA !== fromB, listed);
  await c.keyboard.press('Escape');
  // The session on screen is the other tab's work.
  assert.equal(await editorHas(c, fromA ? 'work of tab B' : 'more from tab A'), 1);
  // Restoring the listed one brings it here; the work on screen is kept in its place.
  await c.getByRole('button', { name: /Examples/ }).click();
  await recent.getByRole('button', { name: /^Restore / }).click();
  await c.locator('.monaco-editor .view-lines', { hasText: fromA ? 'more from tab A' : 'work of tab B' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('an edit and a reload 100 ms later: the edit is there; so is a paste in a tab closed 100 ms later', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const errors = [];
  const page = await newTab(context, errors);
  await page.waitForTimeout(500);
  await typeAtTop(page, '// typed just before the reload\n');
  await page.waitForTimeout(100);
  await page.reload();
  await waitForMonaco(page);
  await page.locator('.monaco-editor .view-lines', { hasText: 'typed just before the reload' }).waitFor();

  const paste = `// pasted ${'p'.repeat(2000)}`;
  await typeAtTop(page, `${paste}\n`);
  await page.waitForTimeout(100);
  await page.close();
  const next = await newTab(context, errors);
  await next.locator('.monaco-editor .view-lines', { hasText: 'pasted pppp' }).waitFor();
  assert.ok((await next.evaluate(() => Object.values(localStorage).join('\n'))).includes(paste));
  assert.deepEqual(errors, []);
  await context.close();
});

test('an invalid ceiling draft survives a reload as it was, with its error shown', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const errors = [];
  const page = await newTab(context, errors);
  await page.getByRole('tab', { name: /alpha/ }).click();
  await page.getByRole('button', { name: 'JSON', exact: true }).click();
  const draft = '{\n  "capabilities": {"workspace": ["read_text"]},\n  "side_effect_level": "read_only",,\n  "tools": []\n}';
  await page.getByLabel(/Ceiling JSON/).fill(draft);
  const error = page.getByRole('alert').filter({ hasText: 'This is not a valid policy.' });
  await error.waitFor();
  const message = await error.textContent();
  await page.waitForTimeout(100);
  await page.reload();
  await waitForMonaco(page);
  await page.getByRole('tab', { name: /alpha/ }).click();
  // The form says the JSON has a draft with errors; the JSON view holds it as typed, with the same error.
  await page.getByRole('button', { name: /JSON \(has errors\)/ }).click();
  assert.equal(await page.getByLabel(/Ceiling JSON/).inputValue(), draft);
  assert.equal(await page.getByLabel(/Ceiling JSON/).getAttribute('aria-invalid'), 'true');
  await error.waitFor();
  assert.equal(await error.textContent(), message);
  assert.deepEqual(errors, []);
  await context.close();
});
