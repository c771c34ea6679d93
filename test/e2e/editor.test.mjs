// The editor side in Chromium (issue 2): the source is readable before Monaco loads, Monaco loads offline from
// the app's own origin, syntax errors become markers at the right place and clear when fixed, hovers show effect
// records and decisions, and completion offers builtins and harness methods.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { externalRequests, openExample, openPage, setup, waitForMonaco } from './harness.mjs';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.teardown();
});

/**
 * The centre of the first rendered token in the editor whose text is `text`. Monaco re-renders a line's spans when
 * tokens or decorations arrive, so a span found a moment ago may be detached (no box): look again until one holds still.
 */
async function tokenCentre(page, text) {
  const token = page.locator('.monaco-editor .view-line span span', { hasText: text }).first();
  let box = null;
  for (let attempt = 0; attempt < 20 && !box; attempt++) {
    await token.waitFor();
    box = await token.boundingBox();
    if (!box) await page.waitForTimeout(100);
  }
  assert.ok(box, `token ${text} is rendered`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

test('the source is visible read-only before Monaco has loaded', async () => {
  let release;
  const gate = new Promise((resolve) => (release = resolve));
  const { page, context } = await openPage(env.browser, env.url, {
    beforeGoto: (p) =>
      p.route(/EditorPane-[^/]*\.js$/, async (route) => {
        await gate;
        await route.continue();
      }),
  });
  const fallback = page.getByLabel(/Source of parent \(read-only\)/);
  await fallback.waitFor();
  assert.match(await fallback.textContent(), /pipeline main\(\)/);
  assert.equal(await page.locator('.monaco-editor').count(), 0);
  release();
  await waitForMonaco(page);
  await context.close();
});

test('typing a syntax error shows a marker on that line within a moment, and fixing it clears it', async () => {
  const { page, record, context } = await openPage(env.browser, env.url);
  await waitForMonaco(page);
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText('let = 5');
  const diagnostic = page.locator('.diagnostics-list li.severity-error', { hasText: 'parent 8:5' });
  await diagnostic.waitFor({ timeout: 5000 });
  const squiggle = page.locator('.monaco-editor .squiggly-error').first();
  await squiggle.waitFor({ timeout: 5000 });
  const squiggleBox = await squiggle.boundingBox();
  const lineBox = await page.locator('.monaco-editor .view-line', { hasText: 'let = 5' }).boundingBox();
  assert.ok(Math.abs(squiggleBox.y + squiggleBox.height / 2 - (lineBox.y + lineBox.height / 2)) < lineBox.height, 'the marker sits on the edited line');
  for (let i = 0; i < 'let = 5'.length; i++) await page.keyboard.press('Backspace');
  await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'detached', timeout: 5000 });
  // The list follows the same analysis as the markers; it may render a frame after them, so wait for it (bounded).
  await page.locator('.diagnostics-list li.severity-error .where', { hasText: /^parent / }).first().waitFor({ state: 'detached', timeout: 5000 });
  assert.deepEqual(externalRequests(record, env.url), []);
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('clicking a diagnostic selects its range in the editor', async () => {
  const { page, context } = await openPage(env.browser, env.url);
  await waitForMonaco(page);
  await page.locator('.diagnostics-list li', { hasText: 'beta' }).first().locator('button').click();
  await page.getByRole('tab', { name: /beta/, selected: true }).waitFor();
  await page.locator('.monaco-editor .selected-text').first().waitFor({ timeout: 5000 });
  await context.close();
});

test('the whole session makes no request outside the origin (offline check)', async () => {
  const { page, record, context } = await openPage(env.browser, env.url);
  await waitForMonaco(page);
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('harness.');
  await page.locator('.suggest-widget .monaco-list-row').first().waitFor({ timeout: 5000 });
  await page.keyboard.press('Escape');
  await page.getByRole('tab', { name: /alpha/ }).click();
  await page.waitForLoadState('networkidle');
  assert.ok(record.requests.length > 0);
  assert.deepEqual(externalRequests(record, env.url), []);
  assert.deepEqual(record.cspViolations, []);
  await context.close();
});

test('Harn tokens are highlighted: keywords, strings with interpolation and calls differ in colour', async () => {
  const { page, context } = await openPage(env.browser, env.url);
  await waitForMonaco(page);
  const colour = (text) => page.locator('.monaco-editor .view-line span span', { hasText: text }).first().evaluate((el) => getComputedStyle(el).color);
  const keyword = await colour('pipeline');
  const string = await colour('"notes.txt"');
  const call = await colour('read_file');
  // Bracket-pair colouring renders `{` on its own, so the `$` of `${` is the interpolation token.
  const interpolation = await colour('$');
  assert.equal(new Set([keyword, string, call, interpolation]).size, 4, `colours ${keyword} ${string} ${call} ${interpolation}`);
  await context.close();
});

test('hovering a call shows its effect record and what the ceiling and the parent decide', async () => {
  const { page, context } = await openPage(env.browser, env.url);
  await waitForMonaco(page);
  await page.getByRole('tab', { name: /beta/ }).click();
  await page.locator('.monaco-editor .view-line', { hasText: 'http_get' }).waitFor();
  await page.locator('.diagnostics-list li').first().waitFor();
  const { x, y } = await tokenCentre(page, 'http_get');
  await page.mouse.move(x, y);
  const hover = page.locator('.monaco-hover', { hasText: 'net:write' });
  await hover.waitFor({ timeout: 5000 });
  const text = await hover.textContent();
  assert.match(text, /ceiling: unconstrained/);
  assert.match(text, /parent: violation/);
  // The resource reads as typed and is plain text, not a link (the renderer links bare https:// URLs).
  assert.match(text, /net:write \(https:\/\/example\.com\)/);
  assert.equal(await hover.locator('a', { hasText: 'example.com' }).count(), 0);
  assert.equal(await hover.locator('a[href*="example.com"], a[data-href*="example.com"]').count(), 0);
  await context.close();
});

test('completion offers harness sub-handles and their methods', async () => {
  const { page, context } = await openPage(env.browser, env.url);
  await waitForMonaco(page);
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('harness.fs.wri');
  const row = page.locator('.suggest-widget .monaco-list-row', { hasText: 'write_text' });
  await row.waitFor({ timeout: 5000 });
  await context.close();
});

test('each tab keeps its typed text, and a lesson opened after typing replaces the text in the editor', async () => {
  const { page, context } = await openPage(env.browser, env.url);
  await waitForMonaco(page);
  await page.getByRole('tab', { name: /beta/ }).click();
  await page.locator('.monaco-editor .view-line', { hasText: 'http_get' }).waitFor();
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText('\n// typed in beta');
  await page.getByRole('tab', { name: /alpha/ }).click();
  await page.locator('.monaco-editor .view-line', { hasText: 'typed in beta' }).waitFor({ state: 'detached' });
  await page.getByRole('tab', { name: /beta/ }).click();
  await page.locator('.monaco-editor .view-line', { hasText: 'typed in beta' }).waitFor();
  // The lesson's programs replace the typed ones in the editor (the models follow the store), not only in the ledger.
  await openExample(page, /F1: working directory/);
  await page.getByRole('tab', { name: /beta/ }).click();
  await page.locator('.monaco-editor .view-line', { hasText: 'write_file("out.txt", "beta")' }).waitFor({ timeout: 5000 });
  assert.equal(await page.locator('.monaco-editor .view-line', { hasText: 'typed in beta' }).count(), 0);
  // Typing after it is analyzed as usual: a new effect shows in the ledger.
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText('\nfn extra() { read_file("after-lesson.txt") }');
  // The lesson opens in the Lesson layout, where the ledger is folded to a summary.
  await page.getByRole('button', { name: 'Show the effects ledger' }).click();
  await page.locator('.policy-column .effect-summary', { hasText: 'after-lesson.txt' }).first().waitFor({ timeout: 5000 });
  await page.getByRole('tab', { name: /parent/ }).click();
  await page.locator('.monaco-editor .view-line', { hasText: 'parallel each' }).waitFor({ timeout: 5000 });
  await context.close();
});
