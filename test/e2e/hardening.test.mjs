// Hardening in Chromium (issue "Hardening"): names after Object.prototype members and ceiling keys like
// `constructor` are ordinary names (no blank page; tabs select and rename); blocked and full storage are visible
// states and the app works; edits replaced by links and examples come back from Recent work, also after a reload.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openExample, openPage, ROOT, savedSessions, setup, waitForMonaco, waitForSaved } from './harness.mjs';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.teardown();
});

const dir = mkdtempSync(join(tmpdir(), 'harn-scope-hardening-'));
/** The share-link fragment of `scenario`, made by the CLI (`harn-scope link`). */
function linkOf(scenario) {
  const file = join(dir, `s${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(scenario));
  return execFileSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'src/cli/main.ts'), 'link', file], { cwd: ROOT }).toString().trim();
}

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);
const CHILD = 'pipeline main() {\n  let cfg = read_file("config.json")\n  yield_now()\n  write_file("out.txt", cfg)\n}\n';
function scenarioOf(names, ceiling = null) {
  return {
    version: 1,
    parent: { source: 'pipeline main() {\n  spawn_agent("go")\n  read_file("config.json")\n}\n' },
    children: names.map((name) => ({ name, source: CHILD, ceiling })),
    run: { mode: 'unscoped' },
    // The Policy layout: the ledger is what these tests read (a link opens in the Lesson layout otherwise).
    view: { layout: 'policy' },
  };
}

test('children named after every Object.prototype member open, select and rename like any child', async () => {
  for (let i = 0; i < PROTOTYPE_NAMES.length; i += 6) {
    const names = PROTOTYPE_NAMES.slice(i, i + 6);
    const { page, context, record } = await openPage(env.browser, env.url, { hash: linkOf(scenarioOf(names)) });
    for (const name of names) {
      await page.getByRole('tab', { name, exact: true }).click();
      await page.getByRole('heading', { name: `Effects ledger (${name})` }).waitFor();
      await page.getByRole('region', { name: /Requested/ }).locator('code', { hasText: 'fs:read (config.json)' }).first().waitFor();
    }
    assert.equal(await page.locator('.pane-error').count(), 0);
    assert.deepEqual(record.errors, [], names.join(', '));
    await context.close();
  }
});

test('renaming a child to constructor, then __proto__, keeps the page working', async () => {
  const { page, context, record } = await openPage(env.browser, env.url);
  await page.getByRole('tab', { name: /alpha/ }).click();
  for (const name of ['constructor', '__proto__']) {
    await page.getByRole('button', { name: 'Rename', exact: true }).click();
    await page.getByRole('textbox', { name: /New name for/ }).fill(name);
    await page.getByRole('button', { name: 'Rename', exact: true }).click();
    await page.getByRole('heading', { name: `Effects ledger (${name})` }).waitFor();
  }
  await page.getByRole('tab', { name: 'beta', exact: true }).click();
  // The parent's code spawns alpha and beta by name: the renamed child's tab says the playground spawns it.
  await page.getByRole('tab', { name: /^__proto__ \(playground\)/ }).click();
  await page.getByRole('heading', { name: 'Effects ledger (__proto__)' }).waitFor();
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('ceilings keyed constructor and __proto__ open with the ledger, not a blank page', async () => {
  for (const key of ['constructor', '__proto__', 'toString']) {
    const ceiling = JSON.parse(`{"capabilities": {"${key}": ["read_text"]}}`);
    // A child name the default scenario does not have: the tab is there only once the link has opened.
    const { page, context, record } = await openPage(env.browser, env.url, { hash: linkOf(scenarioOf(['keyed'], ceiling)) });
    await page.getByRole('tab', { name: 'keyed', exact: true }).click();
    await page.getByRole('heading', { name: 'Effects ledger (keyed)' }).waitFor();
    await page.getByRole('button', { name: 'Show the stepper' }).click();
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    assert.equal(await page.locator('.pane-error').count(), 0, key);
    assert.deepEqual(record.errors, [], key);
    await context.close();
  }
});

test('blocked storage: a visible "not saving" state, and the app steps and analyzes', async () => {
  const { page, context, record } = await openPage(env.browser, env.url, {
    beforeGoto: (p) =>
      p.addInitScript(() => {
        Object.defineProperty(window, 'localStorage', {
          get() {
            throw new DOMException('The operation is insecure.', 'SecurityError');
          },
        });
      }),
  });
  await page.getByRole('status').filter({ hasText: 'Not saving: this browser blocks storage for the page.' }).waitFor();
  await page.getByRole('button', { name: 'Download my work' }).waitFor();
  await page.getByRole('button', { name: 'Show the stepper' }).click();
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await page.getByText(/^step 2 \/ \d+$/).waitFor();
  await page.getByRole('tab', { name: /beta/ }).click();
  await page.getByRole('region', { name: /Violations \(HARN-CAP-301\)/ }).locator('code', { hasText: 'net:write (https://example.com)' }).waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download my work' }).click()]);
  assert.match(download.suggestedFilename(), /^harn-scope-session-\d{8}-\d{4}\.json$/);
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('full storage: an edit that cannot be saved says so, and the app keeps working', async () => {
  const { page, context, record } = await openPage(env.browser, env.url, {
    beforeGoto: (p) =>
      p.addInitScript(() => {
        Storage.prototype.setItem = function () {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
      }),
  });
  await waitForMonaco(page);
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.insertText('// a line that cannot be saved\n');
  await page.getByRole('status').filter({ hasText: "Not saving: this browser's storage for the page is full." }).waitFor();
  await page.getByRole('button', { name: 'Show the stepper' }).click();
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await page.getByText(/^step 2 \/ \d+$/).waitFor();
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('edit → link → link → example: the edit comes back from Recent work, also after a reload', async () => {
  const { page, context, record } = await openPage(env.browser, env.url);
  await waitForMonaco(page);
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.insertText('// the edit to keep\n');
  await waitForSaved(page, 'the edit to keep');
  await page.goto(env.url + linkOf(scenarioOf(['alpha'])));
  await page.getByText(/Your edits from \d\d:\d\d are kept in Recent work: you opened a link over them\./).waitFor();
  await page.goto(env.url + linkOf(scenarioOf(['beta', 'gamma'])));
  await page.getByRole('tab', { name: 'gamma', exact: true }).waitFor();
  await openExample(page, /Panic without a restore guard/);
  // Neither the second link nor the example replaced edits: no banner about them.
  await page.getByRole('radio', { name: 'naive', exact: true }).waitFor();
  assert.equal(await page.getByText(/kept in Recent work/).count(), 0);
  await page.waitForTimeout(500);
  await page.reload();
  await page.getByText(/Your edits from \d\d:\d\d are kept in Recent work/).waitFor();
  await page.getByRole('button', { name: /Examples/ }).click();
  const recent = page.getByRole('region', { name: 'Recent work' });
  assert.equal(await recent.getByRole('listitem').count(), 1);
  await recent.getByRole('button', { name: /^Restore \/\/ the edit to keep/ }).click();
  await waitForMonaco(page);
  await page.getByRole('tab', { name: /^parent/ }).click();
  await page.locator('.monaco-editor .view-lines', { hasText: 'the edit to keep' }).waitFor();
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('pasting past the source limit is refused as it is made, with a message, and the source is unchanged', async () => {
  const { page, context, record } = await openPage(env.browser, env.url);
  await waitForMonaco(page);
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+End');
  // A real paste (typing 210,000 characters one by one takes minutes on a busy machine).
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.url });
  await page.evaluate((text) => navigator.clipboard.writeText(text), `// ${'x'.repeat(210_000)}`);
  await page.keyboard.press('Control+V');
  await page.getByRole('alert').filter({ hasText: /That edit was not applied: it would make parent's source 2\d\d,\d\d\d characters, and the limit is 200,000\./ }).waitFor();
  await page.waitForTimeout(500);
  const saved = JSON.stringify(await savedSessions(page));
  assert.ok(saved.length < 10_000, `the autosave holds ${saved.length} characters`);
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  assert.match(link, /#s=1\./);
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('the production build ships no debug hook; the e2e build has it', async () => {
  const { readdirSync, readFileSync } = await import('node:fs');
  const scripts = (out) => readdirSync(join(ROOT, out, 'assets')).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(ROOT, out, 'assets', f), 'utf8'));
  assert.ok(scripts('dist').length > 0);
  assert.equal(scripts('dist').filter((code) => code.includes('__harnScopeLab')).length, 0);
  assert.equal(scripts('dist-e2e').filter((code) => code.includes('__harnScopeLab')).length, 1);
});

test('another site cannot frame the playground, but can frame the embed', async () => {
  const { createServer } = await import('node:http');
  const link = linkOf(scenarioOf(['alpha']));
  // The other site: a page on another port of this machine (another origin, and like the app a local address).
  const host = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html');
    res.end(`<!doctype html><title>A course page</title><iframe id="app" src="${env.url}${link}"></iframe><iframe id="embed" src="${env.url}?embed${link}"></iframe>`);
  });
  await new Promise((done) => host.listen(0, '127.0.0.1', done));
  try {
    assert.equal((await fetch(env.url)).headers.get('content-security-policy'), "frame-ancestors 'self'");
    assert.equal((await fetch(`${env.url}?embed`)).headers.get('content-security-policy'), null);
    const { page, context } = await openPage(env.browser, `http://127.0.0.1:${host.address().port}/`);
    await page.frameLocator('#embed').getByText(/^step \d+ \/ \d+$/).waitFor({ timeout: 20000 });
    await page.waitForTimeout(500);
    assert.equal(await page.frameLocator('#app').getByRole('button', { name: 'Step', exact: true }).count(), 0);
    assert.equal(await page.frameLocator('#app').locator('.app').count(), 0);
    await context.close();
  } finally {
    host.close();
  }
});

test('the eight-child, ten-million-step link ends within 10 s with the limit sentence and its partial trace', async () => {
  const code = "import { encodeLink, loadScenario } from './src/core/index.ts'; import { HEAVY_SCENARIO } from './test/fixtures/heavy.ts'; process.stdout.write(encodeLink(loadScenario(HEAVY_SCENARIO).value));";
  const link = execFileSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), '--eval', code], { cwd: ROOT }).toString();
  assert.ok(link.length < 500, `the link is ${link.length} characters`);
  const { page, context, record } = await openPage(env.browser, env.url, { hash: link });
  const begin = Date.now();
  await page.getByText(/Stopped at 50,000 steps: a run with a trace keeps at most 50,000 steps, though run\.maxSteps allows 10,000,000/).first().waitFor({ timeout: 10_000 });
  assert.ok(Date.now() - begin < 10_000);
  await page.getByText(/^step \d+ \/ \d+$/).waitFor();
  assert.equal(await page.getByText(/simulation failed/i).count(), 0);
  assert.deepEqual(record.errors, []);
  await context.close();
});
