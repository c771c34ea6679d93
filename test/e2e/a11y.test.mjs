// Accessibility of the main views in Chromium (issue 8): axe-core reports no violations at any impact level on
// the default page in light, dark and high-contrast themes, the stepper at a cross-wire, the ledger with
// violations, a suggested grant or ceiling with its diff, the open examples gallery, the share field, a bad-link banner, the worker-restart message and a
// 375 px phone width. Each view also passes the CSP and offline checks. axe is injected with `page.evaluate`
// (@axe-core/playwright), which the page's CSP does not govern, so no view needs `bypassCSP`.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { checkHeaderRadio, externalRequests, lessonLink, openExample, openPage, setup, waitForMonaco, waitForSession } from './harness.mjs';

let env;
before(async () => {
  env = await setup({ hooks: true });
});
after(async () => {
  await env?.teardown();
});

const chooseTheme = (page, theme) => page.getByRole('combobox', { name: /^Theme/ }).selectOption(theme);

/** F1 in unscoped mode, stepped from the start to its first cross-wire. */
async function stepToCrosswire(page) {
  await openExample(page, /F1: working directory/);
  await checkHeaderRadio(page, 'unscoped');
  await page.getByText('Mode unscoped').waitFor();
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await page.getByText(/^step 1 \/ \d+$/).waitFor();
  await page.getByRole('button', { name: 'Run to next cross-wire' }).click();
  await page.getByRole('list', { name: 'Reads' }).locator('li.read-crosswire').first().waitFor();
}

async function showBetaLedger(page) {
  await page.getByRole('tab', { name: /beta/ }).click();
  await page
    .getByRole('region', { name: /Violations \(HARN-CAP-301\)/ })
    .locator('code', { hasText: 'net:write' })
    .first()
    .waitFor();
}

// Issue 29: a suggested policy shown with its diff (the grant on the parent's tab, a ceiling on a child's).
async function showSuggestion(page, tab, button, region) {
  await page.getByRole('tab', { name: tab }).click();
  await page.getByRole('button', { name: button }).click();
  const panel = page.getByRole('region', { name: region });
  await panel.getByRole('button', { name: 'Apply' }).waitFor();
  await panel.getByText('Diff of the fields').click();
}

const F1 = lessonLink('examples/f1-cwd-env.json');
const STEALING = lessonLink('examples/work-stealing.json');
/** Explores the work-stealing lesson on its two threads and waits for the failure groups. */
async function exploreOnTwoThreads(page) {
  await page.getByRole('button', { name: 'Explore', exact: true }).click();
  await page.getByRole('heading', { name: 'What goes wrong' }).waitFor({ timeout: 20000 });
}
const showStepper = (page) => page.getByRole('button', { name: 'Show the stepper' }).click();
const showsStartCard = (page) => page.getByRole('region', { name: 'Start here' }).waitFor();

/** A view in the light theme, the system's dark theme, and the high-contrast theme chosen in the header. */
function inThreeThemes(name, options, prepare) {
  return [
    [`${name} (light)`, options, prepare],
    [`${name} (dark)`, { ...options, colorScheme: 'dark' }, prepare],
    [
      `${name} (high contrast)`,
      options,
      async (page) => {
        await chooseTheme(page, 'contrast');
        await prepare(page);
      },
    ],
  ];
}

/** Each view: how to open it (`options` for openPage) and what to do before the scan. */
const VIEWS = [
  ['the default page (light)', {}, async () => {}],
  ['the default page (dark, from the system)', { colorScheme: 'dark' }, async () => {}],
  ['the dark theme', {}, (page) => chooseTheme(page, 'dark')],
  ['the high-contrast theme', {}, (page) => chooseTheme(page, 'contrast')],
  ['the stepper at a cross-wire (light)', {}, stepToCrosswire],
  ['the stepper at a cross-wire (dark)', { colorScheme: 'dark' }, stepToCrosswire],
  [
    'the stepper at a cross-wire (high contrast)',
    {},
    async (page) => {
      await chooseTheme(page, 'contrast');
      await stepToCrosswire(page);
    },
  ],
  ['the ledger with violations (light)', {}, showBetaLedger],
  ['the ledger with violations (dark)', { colorScheme: 'dark' }, showBetaLedger],
  [
    'the ledger with violations (high contrast)',
    {},
    async (page) => {
      await chooseTheme(page, 'contrast');
      await showBetaLedger(page);
    },
  ],
  [
    'the examples gallery open',
    {},
    async (page) => {
      await page.getByRole('button', { name: /Examples/ }).click();
      await page
        .getByRole('dialog', { name: 'Examples' })
        .getByRole('button', { name: /F1: working directory/ })
        .waitFor();
    },
  ],
  [
    'the share field',
    {},
    async (page) => {
      await page.getByRole('button', { name: 'Share', exact: true }).click();
      await page.getByRole('textbox', { name: 'Share link' }).waitFor();
    },
  ],
  [
    'a bad-link banner',
    { hash: '#s=1.@@@@!!!!' },
    async (page) => {
      await page
        .getByRole('alert')
        .filter({ hasText: /not valid base64url/ })
        .waitFor();
    },
  ],
  [
    'the worker-restart message',
    {},
    async (page) => {
      await page.evaluate(() => window.__harnScopeLab.killWorker());
      await page
        .getByRole('status')
        .filter({ hasText: /was restarted/ })
        .waitFor();
    },
  ],
  ['a 375 px phone', { viewport: { width: 375, height: 800 } }, async () => {}],
  ...inThreeThemes('a suggested parent grant with its diff', {}, (page) => showSuggestion(page, /parent/, 'Grant what the children need', 'Suggested parent grant')),
  ['a suggested ceiling with its diff (dark)', { colorScheme: 'dark' }, (page) => showSuggestion(page, /alpha/, 'Tighten to what it uses', "Suggested alpha's ceiling")],
  // Issue 15: the layouts, the start card and the embed, in light, dark and high contrast.
  ...inThreeThemes('the Lesson layout at F1’s moment', { hash: F1 }, async () => {}),
  ...inThreeThemes('the Policy layout with the stepper unfolded', {}, showStepper),
  ...inThreeThemes('the start card', {}, showsStartCard),
  ['the embed (light)', { hash: `${F1}&embed=1`, noEditor: true }, async () => {}],
  ['the embed (dark)', { hash: `${F1}&embed=1`, noEditor: true, colorScheme: 'dark' }, async () => {}],
  // The embed has no theme switch: the high-contrast palette is applied as the switch would apply it.
  ['the embed (high contrast)', { hash: `${F1}&embed=1`, noEditor: true }, (page) => page.evaluate(() => (document.documentElement.dataset.theme = 'contrast'))],
  // The phone's Lesson layout reads the code under the stepper: no editor there to wait for.
  ['the Lesson layout on a 375 px phone (dark)', { hash: F1, viewport: { width: 375, height: 800 }, colorScheme: 'dark', noEditor: true }, async () => {}],
  // Issue 18: two threads, a register-file column each, the explored failures with their migrations.
  ...inThreeThemes('the work-stealing lesson at its migrated read', { hash: STEALING }, async () => {}),
  ['the work-stealing lesson on a 375 px phone (dark)', { hash: STEALING, viewport: { width: 375, height: 800 }, colorScheme: 'dark', noEditor: true }, async () => {}],
  ['the work-stealing lesson scoped (alpha\'s own values in the polling column)', { hash: STEALING }, (page) => checkHeaderRadio(page, 'scoped').then(() => page.getByText('Mode scoped').waitFor())],
  ['the explorer on two threads', { hash: STEALING }, exploreOnTwoThreads],
  [
    'a 375 px phone at a cross-wire (dark)',
    { viewport: { width: 375, height: 800 }, colorScheme: 'dark' },
    stepToCrosswire,
  ],
];

/** One line per violation and node, so a failure says what to fix. */
function describeViolations(violations) {
  return violations.flatMap((v) =>
    v.nodes.map(
      (n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`,
    ),
  );
}

for (const [name, options, prepare] of VIEWS) {
  test(`axe finds no violations on ${name}; no CSP violation, no request leaves the origin`, async () => {
    const { page, context, record } = await openPage(env.browser, env.url, options);
    if (!options.noEditor) await waitForMonaco(page);
    await waitForSession(page);
    await prepare(page);
    const results = await new AxeBuilder({ page }).analyze();
    assert.deepEqual(describeViolations(results.violations), []);
    assert.ok(results.passes.length > 20, 'axe ran its rules');
    assert.deepEqual(record.cspViolations, []);
    assert.deepEqual(externalRequests(record, env.url), []);
    assert.deepEqual(record.errors, []);
    await context.close();
  });
}
