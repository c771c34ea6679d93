// Share links and autosave in Chromium: a link opens at the same step in a fresh page; every kind of bad link shows
// a banner naming the problem while the previous session stays on screen and in the autosave.
import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import { after, before, test } from 'node:test';
import { openExample, openPage, savedSessions, setup, waitForMonaco, waitForSaved, waitForSession } from './harness.mjs';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.teardown();
});

const position = (page) => page.locator('.step-position').textContent();
const narration = (page) => page.locator('.narration').textContent();
const payload = (text) => deflateRawSync(Buffer.from(text)).toString('base64url');

async function share(page) {
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const field = page.getByRole('textbox', { name: 'Share link' });
  await field.waitFor();
  return field.inputValue();
}

test('open a link, step, share, and the new link opens at the same step in a fresh page', async () => {
  const first = await openPage(env.browser, env.url);
  await waitForSession(first.page);
  await openExample(first.page, /F2: mutation session/);
  // The lesson lands on alpha's cross-wire (the editor follows alpha); pick beta's tab by hand, then share.
  await first.page.getByRole('tab', { name: /alpha/, selected: true }).waitFor();
  await first.page.getByRole('tab', { name: /beta/ }).click();
  const landed = await position(first.page);
  const [, at, of] = /^step (\d+) \/ (\d+)$/.exec(landed);
  const link = await share(first.page);
  assert.match(link, /#s=1\./);
  await first.context.close();

  const second = await openPage(env.browser, link);
  await second.page.getByText(landed).waitFor();
  for (let i = 0; i < 3; i++) await second.page.getByRole('button', { name: 'Step', exact: true }).click();
  await second.page.getByText(`step ${Number(at) + 3} / ${of}`).waitFor();
  const expected = { position: await position(second.page), narration: await narration(second.page) };
  const link2 = await share(second.page);
  const length = await second.page.locator('.share-length').textContent();
  assert.match(length, new RegExp(`^${link2.length.toLocaleString('en-US')}/2,000`));
  await second.context.close();

  const third = await openPage(env.browser, link2);
  await third.page.getByText(expected.position).waitFor();
  assert.equal(await narration(third.page), expected.narration);
  assert.equal(await third.page.getByRole('tab', { name: /beta/ }).getAttribute('aria-selected'), 'true');
  assert.equal(await third.page.locator('.session-banner').count(), 0);
  assert.deepEqual(third.record.errors, []);
  await third.context.close();
});

test('the session is autosaved and restored on reload', async () => {
  const { page, context } = await openPage(env.browser, env.url);
  await waitForSession(page);
  await openExample(page, /Panic without a restore guard/);
  await page.getByRole('button', { name: 'Step back', exact: true }).click();
  const at = await position(page);
  await waitForSaved(page, 'naive');
  await page.waitForTimeout(500);
  await page.reload();
  await page.getByText(at).waitFor();
  assert.equal(await page.getByRole('radio', { name: 'naive', exact: true }).isChecked(), true);
  await context.close();
});

const bomb = () => payload(`{"version":1,"parent":{"source":"${' '.repeat(6 * 1024 * 1024)}"}}`);
const BAD_LINKS = [
  ['truncated', (good) => good.slice(0, Math.floor(good.length / 2)) + '~', /not valid base64url|cut off/i],
  ['not base64', () => '#s=1.@@@@!!!!', /not valid base64url/i],
  ['not deflate', () => `#s=1.${Buffer.from('hello, this is not deflate at all').toString('base64url')}`, /corrupted|not made by Harn Scope Lab|could be read/i],
  ['wrong version', (good) => good.replace('#s=1.', '#s=v.'), /does not start with a format version/i],
  ['future version', (good) => good.replace('#s=1.', '#s=7.'), /made by a newer Harn Scope Lab \(version 7\)/i],
  ['not JSON', () => `#s=1.${payload('this is not json')}`, /not a scenario in JSON/i],
  ['schema errors', () => `#s=1.${payload('{"version":1,"parent":{"source":5}}')}`, /invalid scenario/i],
  ['oversized', () => `#s=1.${'A'.repeat(120000)}`, /over the 100,000-character limit/i],
  ['a decompression bomb', () => `#s=1.${bomb()}`, /decompression bomb/i],
];

test('every kind of bad link shows a banner naming its problem; the previous session stays and the autosave is intact', async () => {
  const { page, context, record } = await openPage(env.browser, env.url);
  await waitForSession(page);
  await openExample(page, /LIFO stacks interleaved/);
  await waitForSaved(page, 'unscoped');
  await page.waitForTimeout(500);
  const good = await share(page);
  const [saved] = await savedSessions(page);
  for (const [name, make, problem] of BAD_LINKS) {
    const tab = await context.newPage();
    await tab.goto(env.url + make(good.slice(good.indexOf('#'))));
    const banner = tab.locator('.session-banner[role="alert"]');
    await banner.waitFor();
    const text = await banner.textContent();
    assert.match(text, problem, name);
    assert.match(text, /previous session is unchanged/, name);
    // Written once, as sentences: the headline, then core's reason with a capital letter.
    assert.match(text, /^⚠ The link could not be opened\. [A-Z]/, name);
    // The previous session is still on screen (the LIFO lesson runs unscoped) and saved as it was (this new tab carries
    // it on; the first tab saves it under a key of its own).
    assert.equal(await tab.getByRole('radio', { name: 'unscoped', exact: true }).isChecked(), true, name);
    await tab.waitForTimeout(400);
    const now = await savedSessions(tab);
    assert.ok(now.length > 0 && now.every((s) => JSON.stringify(s.scenario) === JSON.stringify(saved.scenario)), name);
    await tab.close();
  }
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('a link opened over edited work offers to restore that work', async () => {
  const { page, context } = await openPage(env.browser, env.url);
  await waitForSession(page);
  await openExample(page, /Escalation refused/);
  const link = await share(page);
  await openExample(page, /Three-way fan-out/);
  await waitForMonaco(page);
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.insertText('// my edit\n');
  await waitForSaved(page, 'gamma', 'my edit');
  await page.waitForTimeout(500);
  const tab = await context.newPage();
  await tab.goto(link);
  await tab.getByRole('tab', { name: /beta/ }).waitFor();
  assert.equal(await tab.getByRole('tab', { name: /gamma/ }).count(), 0);
  await tab.getByText(/Your edits from \d\d:\d\d are kept in Recent work: you opened a link over them\./).waitFor();
  await tab.getByRole('button', { name: 'Restore your edits' }).click();
  await tab.getByRole('tab', { name: /gamma/ }).waitFor();
  await context.close();
});
