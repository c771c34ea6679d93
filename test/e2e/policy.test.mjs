// The policy side in Chromium (issues 16 and 19): an invalid grant record is named and nothing is decided against
// it; a ceiling key "__proto__" is an ordinary capability name; a Harn dict literal pastes into the ceiling editor;
// unseen effects get their ledger section and warning markers; @expect lines fail and pass visibly.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { after, before, test } from 'node:test';
import { ROOT, openPage, setup, waitForMonaco } from './harness.mjs';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.teardown();
});

const link = (scenario) => `#s=1.${deflateRawSync(Buffer.from(JSON.stringify(scenario))).toString('base64url')}`;
const section = (page, name) => page.getByRole('region', { name });

async function openChild(name, hash = '') {
  const opened = await openPage(env.browser, env.url, { hash });
  await waitForMonaco(opened.page);
  await opened.page.getByRole('tab', { name: new RegExp(name) }).click();
  await opened.page.getByRole('heading', { name: `Effects ledger (${name})` }).waitFor();
  return opened;
}

async function replaceSource(page, text) {
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
}

test('a grant with one invalid record is named, no child is spawned, and decisions show as unknown', async () => {
  const scenario = JSON.parse(readFileSync(join(ROOT, 'examples/parent-grant.json'), 'utf8'));
  scenario.parent.grant.push({ foo: 1 });
  // Links open in the Lesson layout, which folds the ledger: this one asks for the Policy layout.
  scenario.view = { layout: 'policy' };
  const { page, context, record } = await openChild('alpha', link(scenario));
  await page.getByText(/Decision unknown:/).waitFor({ timeout: 10000 });
  assert.match(await page.locator('.grant-invalid').first().textContent(), /parent\.grant\[2\]: missing field `kind`/);
  await page.getByRole('tab', { name: /parent/ }).click();
  await page.getByRole('alert').filter({ hasText: 'Grant invalid:' }).waitFor({ timeout: 5000 });
  // The run refuses the children: the narration of the refusal names the bad record.
  await page.getByText(/refused/).first().waitFor({ timeout: 10000 });
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('a ceiling {"capabilities": {"__proto__": [...]}} in the JSON editor drops what it does not list', async () => {
  const { page, context, record } = await openChild('alpha');
  await page.getByRole('button', { name: 'JSON', exact: true }).click();
  await page.getByLabel(/Ceiling JSON/).fill('{"capabilities": {"__proto__": ["read_text"]}}');
  await section(page, /Granted/).getByText('Nothing granted.').waitFor({ timeout: 5000 });
  assert.equal(await page.getByText(/constrains nothing/).count(), 0);
  assert.match(await section(page, /Dropped by the ceiling/).textContent(), /allowed: __proto__\.read_text/);
  await page.getByLabel(/Ceiling JSON/).fill('{"capabilities": {"constructor": ["read_text"]}}');
  await section(page, /Dropped by the ceiling/).getByText(/allowed: constructor\.read_text/).first().waitFor({ timeout: 5000 });
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('a capability_policy dict literal pastes into the ceiling editor and clamps as its JSON', async () => {
  const { page, context } = await openChild('alpha');
  await page.getByRole('button', { name: 'JSON', exact: true }).click();
  const json = page.getByLabel(/Ceiling JSON/);
  await json.fill('{"capabilities": {"workspace": ["read_text"]}, "side_effect_level": "read_only"}');
  const dropped = section(page, /Dropped by the ceiling/);
  await dropped.locator('code', { hasText: 'fs:write (summary.txt)' }).waitFor({ timeout: 5000 });
  const fromJson = await dropped.locator('code').allTextContents();
  await json.fill('capability_policy: {capabilities: {workspace: ["read_text"]}, side_effect_level: "read_only"}');
  await page.waitForTimeout(300);
  assert.equal(await page.getByRole('alert').filter({ hasText: 'not a valid policy' }).count(), 0);
  assert.deepEqual(await dropped.locator('code').allTextContents(), fromJson);
  await page.getByRole('button', { name: 'Show as Harn' }).click();
  await page.waitForFunction(() => /^capability_policy: \{/.test(document.querySelector('.json-text')?.value ?? ''));
  await context.close();
});

test('unseen effects of a top-level statement get their ledger section and warning markers', async () => {
  const { page, context } = await openChild('alpha');
  await replaceSource(page, 'http_post("https://x", read_file("a"))\n');
  const unseen = section(page, /Not in the handoff/);
  await unseen.locator('code', { hasText: 'net:write (https://x)' }).waitFor({ timeout: 5000 });
  await unseen.locator('code', { hasText: 'fs:read (a)' }).waitFor();
  assert.match(await unseen.textContent(), /in a top-level statement/);
  await section(page, /Requested/).getByText('No effects requested.').waitFor();
  await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 5000 });
  await page.locator('.diagnostics-list li', { hasText: /L406/ }).first().waitFor();
  await context.close();
});

test('@expect lines fail visibly when wrong and pass when right', async () => {
  const { page, context } = await openChild('alpha');
  await replaceSource(page, 'pipeline main() {\n  // @expect dropped fs:write (summary.txt)\n  write_file("summary.txt", "x")\n}\n');
  const expectations = section(page, /Expectations/);
  await expectations.getByText('✖ fail').waitFor({ timeout: 5000 });
  await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 5000 });
  await replaceSource(page, 'pipeline main() {\n  // @expect allowed fs:write (summary.txt)\n  write_file("summary.txt", "x")\n}\n');
  await expectations.getByText('✔ pass').waitFor({ timeout: 5000 });
  assert.equal(await expectations.getByText('✖ fail').count(), 0);
  await context.close();
});
