// The main flows by keyboard only in Chromium (issue 8): Tab/Shift+Tab reach every control in order with a
// visible focus indicator, Examples opens with Enter and a lesson is picked with Tab and Enter (focus returns to
// the toggle), program tabs switch with the arrows, the mode switches with the arrows, → and ← step, Share opens
// with Space and closes with Escape, and the editor is left with Ctrl+M then Tab (Monaco's tab-focus mode).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { lessonLink, openPage, setup, waitForMonaco, waitForSession } from './harness.mjs';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.teardown();
});

const isFocused = (locator) => locator.evaluate((el) => el === document.activeElement);

const inEditor = (page) => page.evaluate(() => document.activeElement?.closest('.monaco-editor') !== null);
// Pages whose editor was switched to Monaco's tab-focus mode (Ctrl+M toggles it for every editor on the page).
const tabFocusMode = new WeakSet();

/** Like a keyboard user following the editor's hint: in the editor, Ctrl+M once so that Tab moves focus on. */
async function leaveEditorByTab(page) {
  if (tabFocusMode.has(page) || !(await inEditor(page))) return;
  await page.getByText(/Tab moves focus/).waitFor();
  await page.keyboard.press('Control+M');
  tabFocusMode.add(page);
}

/** Presses Tab (or Shift+Tab) until `locator` has focus; fails after `max` presses. */
async function tabTo(page, locator, { back = false, max = 80 } = {}) {
  for (let i = 0; i < max; i++) {
    await leaveEditorByTab(page);
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (await isFocused(locator)) return i + 1;
  }
  throw new Error(`Tab never reached ${locator}`);
}

/**
 * The focused element shows a focus indicator: an outline or box-shadow on it or on a near ancestor (a radio's
 * label, say) that differs from its unfocused look. Returns a description of what was found, or null.
 */
async function focusIndicator(page) {
  return page.evaluate(() => {
    const shown = (style) =>
      (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1) ||
      (style.boxShadow && style.boxShadow !== 'none');
    let el = document.activeElement;
    for (let depth = 0; el && el !== document.body && depth < 3; depth++, el = el.parentElement) {
      const style = getComputedStyle(el);
      if (shown(style))
        return `${el.tagName.toLowerCase()}: outline ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`;
    }
    return null;
  });
}

async function assertFocusVisible(page, what) {
  const indicator = await focusIndicator(page);
  assert.ok(indicator, `no visible focus on ${what}`);
}

test('Tab walks the page in order with visible focus everywhere, and Shift+Tab walks back', async () => {
  const { page, context } = await openPage(env.browser, env.url);
  await waitForMonaco(page);
  await waitForSession(page);
  const seen = [];
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    const what = await page.evaluate(() => {
      const el = document.activeElement;
      return `${el.tagName.toLowerCase()} ${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 24)}`;
    });
    if (what.startsWith('body ')) break; // past the last control
    seen.push(what);
    await assertFocusVisible(page, what);
    // The editor takes Tab for indentation; Ctrl+M makes Tab move focus (Monaco's tab-focus mode), shown in a hint.
    await leaveEditorByTab(page);
  }
  assert.match(seen[0], /^a Skip to the stepper/);
  assert.match(seen[1], /^button Examples/);
  assert.ok(seen.some((s) => s.startsWith('button Share')));
  assert.ok(seen.some((s) => s.includes('Harn source of parent')));
  assert.ok(seen.some((s) => s.includes('Resize the editor column')));
  // Shift+Tab goes back the same way, to the first control.
  await tabTo(page, page.getByRole('button', { name: /Examples/ }), { back: true });
  await assertFocusVisible(page, 'Examples (back)');
  await context.close();
});

test('keyboard only: pick a lesson from Examples, switch tabs, toggle the mode, step with → and ←, open and close Share', async () => {
  const { page, context, record } = await openPage(env.browser, env.url);
  await waitForMonaco(page);
  await waitForSession(page);

  // Examples: Enter opens the gallery with focus on the first lesson; Tab to F1, Enter opens it.
  const examples = page.getByRole('button', { name: /Examples/ });
  await tabTo(page, examples);
  await page.keyboard.press('Enter');
  const gallery = page.getByRole('dialog', { name: 'Examples' });
  await gallery.getByRole('button').first().waitFor();
  assert.equal(await isFocused(gallery.getByRole('button').first()), true);
  const f1 = gallery.getByRole('button', { name: /F1: working directory/ });
  if (!(await isFocused(f1))) await tabTo(page, f1, { max: 12 });
  await assertFocusVisible(page, 'an example card');
  await page.keyboard.press('Enter');
  await gallery.waitFor({ state: 'detached' });
  assert.equal(await isFocused(examples), true, 'focus returns to the Examples button');
  await page.getByRole('tab', { name: /alpha/ }).waitFor();
  assert.match(await page.locator('.monaco-editor .view-lines').innerText(), /parallel\seach/); // Monaco renders spaces as no-break spaces

  // Escape closes the gallery too, back on the toggle.
  await page.keyboard.press('Enter');
  await gallery.getByRole('button').first().waitFor();
  await page.keyboard.press('Escape');
  await gallery.waitFor({ state: 'detached' });
  assert.equal(await isFocused(examples), true);

  // Mode: the radio group takes the arrows.
  const scoped = page.getByRole('radio', { name: 'scoped', exact: true });
  const checkedMode = page.getByRole('group', { name: 'Mode' }).getByRole('radio', { checked: true });
  await tabTo(page, checkedMode, { max: 3 });
  await assertFocusVisible(page, 'the mode switch');
  const before = await checkedMode.getAttribute('value');
  await page.keyboard.press('ArrowRight');
  const after = await checkedMode.getAttribute('value');
  assert.notEqual(after, before);
  await page.keyboard.press('ArrowLeft');
  assert.equal(await checkedMode.getAttribute('value'), before);
  if (!(await scoped.isChecked())) await page.keyboard.press('ArrowLeft');

  // Program tabs: focus the selected tab, → selects the next one.
  const parentTab = page.getByRole('tab', { name: /parent/ });
  await tabTo(page, parentTab);
  await page.keyboard.press('ArrowRight');
  await page.getByRole('tab', { name: /alpha/, selected: true }).waitFor();
  assert.equal(await isFocused(page.getByRole('tab', { name: /alpha/ })), true);
  await assertFocusVisible(page, 'the alpha tab');
  // The lesson's Lesson layout folds the ledger: its Show button unfolds it.
  const showLedger = page.getByRole('button', { name: 'Show the effects ledger' });
  await tabTo(page, showLedger);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Effects ledger (alpha)' }).waitFor();

  // Stepper: Reset to the start, then → steps and ← steps back while a stepper button has focus.
  const reset = page.getByRole('button', { name: 'Reset', exact: true });
  if (await reset.isEnabled()) {
    await reset.focus();
    await page.keyboard.press('Enter');
  }
  await page.getByText(/^step 1 \/ \d+$/).waitFor();
  const step = page.getByRole('button', { name: 'Step', exact: true });
  await tabTo(page, step, { back: true });
  await assertFocusVisible(page, 'Step');
  const narration = await page.locator('.narration').textContent();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.getByText(/^step 3 \/ \d+$/).waitFor();
  assert.notEqual(await page.locator('.narration').textContent(), narration);
  await page.keyboard.press('ArrowLeft');
  await page.getByText(/^step 2 \/ \d+$/).waitFor();
  await page.keyboard.press('Enter'); // Enter on Step is a step
  await page.getByText(/^step 3 \/ \d+$/).waitFor();

  // Share: Space on the button opens the field; Tab reaches it; Escape closes it with focus back on Share.
  const share = page.getByRole('button', { name: 'Share', exact: true });
  await tabTo(page, share, { back: true });
  await page.keyboard.press('Space');
  const field = page.getByRole('textbox', { name: 'Share link' });
  await field.waitFor();
  await tabTo(page, field, { max: 3 });
  await assertFocusVisible(page, 'the share field');
  assert.match(await field.inputValue(), /#s=1\./);
  await page.keyboard.press('Escape');
  await field.waitFor({ state: 'detached' });
  assert.equal(await isFocused(share), true, 'focus returns to Share');

  // Theme: the closed select (just before Share) changes with the arrows.
  const theme = page.getByRole('combobox', { name: /^Theme/ });
  await tabTo(page, theme, { back: true, max: 3 });
  await page.keyboard.press('ArrowDown'); // System → Light
  await page.keyboard.press('ArrowDown'); // Light → Dark
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('the thread-locals table scrolls with the arrows when focused, without stepping', async () => {
  const { page, context } = await openPage(env.browser, env.url, { viewport: { width: 1000, height: 700 }, hash: lessonLink('examples/f1-cwd-env.json') });
  await waitForSession(page);
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await page.getByText(/^step 1 \/ \d+$/).waitFor();
  await page.evaluate(() => (document.querySelector('.register-wrap').scrollTop = 0));
  const table = page.getByRole('region', { name: 'Thread-locals table' });
  await page.getByRole('button', { name: 'Step', exact: true }).focus(); // past the editor, which keeps Tab
  await tabTo(page, table);
  await assertFocusVisible(page, 'the thread-locals table');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('.register-wrap').scrollTop > 0);
  assert.ok(await page.getByText(/^step 1 \/ \d+$/).isVisible(), 'the arrows scrolled instead of stepping');
  await context.close();
});
