// Every lesson in Chromium, on one page each: opened from the gallery on a fresh page, then from its link, then
// reopened from the gallery while it is open, it lands on its moment every time; the stepper, the narration, the
// reads log and the summary show one numbering for it; Compare shows the lesson's own contrast by default with a
// headline naming what differs; switching that setting keeps the moment (the reopen used to leave a stale position
// that overrode it). Plus: enforcement off names the escape and marks the escaping call where it runs; F3's drift
// guard beside the run; Help brings the start card back; at 375 px the register cards never cover what follows.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { checkHeaderRadio, isRed, lessonLink, narrationText, openExample, openPage, setup, waitForNarration, waitForSession } from './harness.mjs';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.teardown();
});

const radio = (name) => async (page) => checkHeaderRadio(page, name);
const toggle = (name) => async (page) => page.getByRole('checkbox', { name, exact: true }).click();
// F3's fix is a decision in the Catalog, reached from the drift guard beside the run.
const decideCaptured = async (page) => {
  await page.getByRole('region', { name: 'Drift guard beside the run' }).getByRole('button', { name: 'Decide it in the Catalog' }).click();
  await page.getByRole('region', { name: 'Catalog', exact: true }).getByRole('radiogroup', { name: 'Decision for EGRESS_TENANT_STACK' }).getByRole('radio', { name: 'Captured', exact: true }).check();
};

// id, menu title, landing narration, contrast (the menu's value), headline, how to switch the setting (null: seen in
// Compare's other side only), the same moment after the switch.
const LESSONS = [
  ['f1-cwd-env', /F1: working directory/, /beta's worktree/, 'Mode (unscoped / scoped)', /^Unscoped, alpha gets ctx\(cwd=\/worktrees\/beta.*scoped, alpha gets its own.*Over the whole run, unscoped has \d+ cross-wires; scoped has no cross-wires\.$/, radio('scoped'), /alpha reads VM_EXECUTION_CONTEXT for write_file: its own/],
  ['f2-mutation-session', /F2: mutation session/, /beta's session/, 'Capture of CURRENT_MUTATION_SESSION', /scoped without CURRENT_MUTATION_SESSION has \d+ cross-wires?; scoped has no cross-wires/, toggle('Capture CURRENT_MUTATION_SESSION'), /alpha reads CURRENT_MUTATION_SESSION for write_file: its own/],
  ['lifo-interleaving', /LIFO stacks/, /is denied by beta's policy, though preflight allowed it: nothing is written to/, 'Mode (unscoped / scoped)', /alpha's write_file is denied by policy\(beta\).*scoped, alpha's write_file is allowed by policy\(alpha\)/, radio('scoped'), /alpha's write_file\("summary\.md"\) is allowed by alpha's policy/],
  ['panic-leak', /Panic without/, /leaves alpha's values in .*leaked/, 'Mode (naive / scoped)', /Naive, alpha panics and its values stay on the thread; scoped, alpha panics and the restore guard puts the outer values back\. Over the whole run, naive has 7 leaks; scoped has no leaks\./, radio('scoped'), /restore guard puts the outer values back in EXECUTION_POLICY_STACK.*CURRENT_MUTATION_SESSION: nothing of alpha's is leaked/],
  ['bridge-depth-leak', /Trusted-bridge/, /depth 1, as if nested inside another task's trusted bridge call: the builtins it bridges skip the execution-policy check, which at its own depth 0 refuses them under beta's policy/, 'Capture of TRUSTED_BRIDGE_CALL_DEPTH', /beta gets 1 \(not its own\): a cross-wire; scoped, beta gets its own 0/, toggle('Capture TRUSTED_BRIDGE_CALL_DEPTH'), /beta reads TRUSTED_BRIDGE_CALL_DEPTH for host_call: its own 0/],
  ['escalation', /Escalation/, /refused \(HARN-CAP-301\): net:write/, 'Enforcement at spawn', /enforcement at spawn on has 1 refused at spawn, no violations; enforcement at spawn off has no refused at spawn, 1 violation/, toggle('Enforce grant at spawn'), /parent spawns beta, though the parent's grant .* does not cover net:write \(https:\/\/deploy\.example\.com\/run\): enforcement at spawn is off, so it is spawned anyway/],
  ['resource-mismatch', /Resource mismatch/, /refused \(HARN-CAP-301\): fs:write \(\.env\)/, 'Enforcement at spawn', /enforcement at spawn off, beta is spawned/, toggle('Enforce grant at spawn'), /parent spawns beta, though the parent's grant \(fs:write \(notes\.md\)\) does not cover fs:write \(\.env\)/],
  ['parent-grant', /explicit parent grant/, /grant \(llm:write, net:write\) covers everything alpha does/, 'The explicit grant', /With the explicit grant, alpha is spawned; without the explicit grant .*alpha is refused at spawn.*2 refused at spawn/, null, /parent's spawn of alpha is refused \(HARN-CAP-301\)/],
  ['three-way-fan-out', /Three-way/, /alpha's worktree/, 'Mode (unscoped / scoped)', /beta gets ctx\(cwd=\/worktrees\/alpha.*scoped, beta gets its own/, radio('scoped'), /beta reads VM_EXECUTION_CONTEXT for write_file: its own/],
  ['f3-forcing-function', /F3: the forcing/, /EGRESS_TENANT_STACK/, 'Catalog decision for EGRESS_TENANT_STACK', /EGRESS_TENANT_STACK not classified, alpha gets egress_tenant\(beta\).*EGRESS_TENANT_STACK decided Captured, alpha gets its own/, decideCaptured, /alpha reads EGRESS_TENANT_STACK for http_post: its own egress_tenant\(alpha\)/],
  ['work-stealing', /Work stealing/, /Thread 2 holds nothing in VM_EXECUTION_CONTEXT/, 'Mode (unscoped / scoped)', /unscoped has \d+ cross-wires, 7 leaks; scoped has no cross-wires, no leaks/, radio('scoped'), /alpha reads VM_EXECUTION_CONTEXT for write_file: its own/],
];

/** The number the stepper shows ("step N / M"), the narration's ("Step N:") and the reads log's, which must be one;
 * the stepper's count of steps and the summary's ("Finished in M steps"), which must be one too. */
async function numbers(page) {
  const [, position, total] = (await page.locator('.step-position').textContent()).match(/^step (\S+) \/ (\d+)$/) ?? [];
  const narrated = (await narrationText(page)).match(/^Step (\S+):/)?.[1];
  const current = page.locator('.reads-list [aria-current="step"] .read-step');
  const logged = (await current.count()) > 0 ? (await current.first().textContent()).match(/step (\S+)/)?.[1] : position;
  const summarized = (await page.locator('.run-summary').textContent()).match(/^Finished in (\d+) steps/)?.[1];
  return { position, narrated, logged, total, summarized };
}

function sameNumbering(id, n) {
  assert.ok(n.position, `${id}: a position`);
  assert.equal(n.narrated, n.position, `${id}: narration and stepper show one number`);
  assert.equal(n.logged, n.position, `${id}: the reads log shows the same number`);
  assert.equal(n.summarized, n.total, `${id}: the summary counts the steps the stepper counts`);
}

for (const [id, title, landing, contrast, headline, change, moved] of LESSONS) {
  test(`${id}: from the gallery on a fresh page, from its link, reopened while open, Compare by its contrast, the setting switched on the same moment`, async () => {
    // A fresh page (the default scenario), then the lesson from the gallery.
    const { page, record, context } = await openPage(env.browser, env.url);
    await waitForSession(page);
    await openExample(page, title);
    await waitForNarration(page, landing);
    const first = await numbers(page);
    sameNumbering(id, first);
    assert.match(await narrationText(page), /✖ cross-wire|⚠ cross-wire, policy check skipped|✖ violation|⊘ refused|◆ leak|✓ covered|✓ restored/, `${id}: the point is tagged`);

    // From its link, on the same page: the same moment, the same numbers.
    await page.goto(env.url + lessonLink(`examples/${id}.json`));
    await waitForNarration(page, landing);
    assert.deepEqual(await numbers(page), first, `${id}: from its link at the same step`);

    // Compare: the lesson's own contrast by default, and a headline naming what differs.
    await page.getByRole('button', { name: 'Compare' }).click();
    const compare = page.getByRole('region', { name: 'Compare' });
    await compare.locator('.compare-sides').waitFor();
    const menu = compare.getByRole('combobox', { name: /Compare by/ });
    assert.equal(await menu.evaluate((el) => el.selectedOptions[0]?.textContent), contrast);
    assert.match(await compare.locator('.compare-difference').textContent(), headline);
    assert.doesNotMatch(await compare.locator('.compare-difference').textContent(), /agree at this moment and over the whole run/);
    if (change === null) assert.match(await compare.locator('.compare-sides > :last-child').textContent(), moved);
    await page.getByRole('button', { name: 'Compare' }).click();

    // Reopened from the gallery while open (the same scenario, so no new trace): the same moment, the same number.
    await openExample(page, title);
    await waitForNarration(page, landing);
    assert.deepEqual(await numbers(page), first, `${id}: reopened from the gallery at the same step`);

    // Switching the contrast's setting lands on the same moment (not the stale position of the reopen).
    if (change !== null) {
      await change(page);
      await waitForNarration(page, moved);
      sameNumbering(`${id} switched`, await numbers(page));
      assert.equal(await page.locator('.narration-note').count(), 0, `${id}: landed exactly`);
    }
    assert.deepEqual(record.errors, []);
    await context.close();
  });
}

for (const [id, effect, call, target] of [
  ['resource-mismatch', 'fs:write \\(\\.env\\)', 'write_file', '"\\.env"'],
  ['escalation', 'net:write \\(https://deploy\\.example\\.com/run\\)', 'http_post', '"https://deploy\\.example\\.com/run"'],
]) {
  test(`${id} with enforcement off: the spawn names the escape; the escaping call is marked where beta runs it`, async () => {
    const { page, record, context } = await openPage(env.browser, env.url, { hash: lessonLink(`examples/${id}.json`) });
    await waitForNarration(page, /refused \(HARN-CAP-301\)/);
    await page.getByRole('checkbox', { name: 'Enforce grant at spawn' }).uncheck();
    await waitForNarration(page, new RegExp(`✖ escapes the grant: parent spawns beta, though .*does not cover ${effect}: enforcement at spawn is off, so it is spawned anyway`));
    assert.equal(await isRed(page), true);
    const mark = page.getByRole('button', { name: new RegExp(`^violation at step \\d+, beta's ${call} \\(HARN-CAP-301\\)`) });
    const at = (await mark.getAttribute('aria-label')).match(/step (\d+)/)[1];
    await mark.click();
    await waitForNarration(page, new RegExp(`^Step ${at}: ✖ violation: beta's ${call}\\(${target}\\) is allowed by beta's policy[.;].* It escapes the parent's grant \\(HARN-CAP-301: ${effect}\\)`));
    assert.equal(await isRed(page), true);
    assert.deepEqual(record.errors, []);
    await context.close();
  });
}

test("F3: the drift guard shows beside the run at 1440x900, without scrolling; the bridge lesson's point is amber", async () => {
  const { page, record, context } = await openPage(env.browser, env.url, { hash: lessonLink('examples/f3-forcing-function.json') });
  await waitForNarration(page, /EGRESS_TENANT_STACK/);
  const drift = page.getByRole('region', { name: 'Drift guard beside the run' });
  await drift.getByText(/^missing: new ambient-shape thread-local\(s\) not classified .*\["EGRESS_TENANT_STACK"\]/).waitFor();
  const boxes = await page.evaluate(() => {
    const box = (selector) => document.querySelector(selector).getBoundingClientRect();
    return { drift: box('.lesson-drift').toJSON(), narration: box('.stepper:not(.stepper-preview) .narration').toJSON() };
  });
  assert.ok(boxes.drift.bottom <= 900 && boxes.drift.top >= 0, `the drift guard is in the first screen (${JSON.stringify(boxes.drift)})`);
  assert.ok(boxes.drift.left >= boxes.narration.right, 'beside the run, not under it');
  assert.ok(boxes.narration.bottom <= 900, 'with the narration on the same screen');
  await openExample(page, /Trusted-bridge/);
  await waitForNarration(page, /skip the execution-policy check/);
  assert.equal(await page.locator('.narration').evaluate((el) => el.classList.contains('narration-bypass')), true);
  const colours = await page.evaluate(() => {
    const tag = getComputedStyle(document.querySelector('.narration .crosswire-tag')).color;
    const probe = document.createElement('span');
    probe.style.color = 'var(--xw)';
    document.body.append(probe);
    const red = getComputedStyle(probe).color;
    probe.remove();
    return { tag, red };
  });
  assert.notEqual(colours.tag, colours.red, 'the skip has its own colour, not the cross-wire red');
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('Help in the header brings the start card back after it was dismissed', async () => {
  const { page, record, context } = await openPage(env.browser, env.url);
  const card = page.getByRole('region', { name: 'Start here' });
  await card.waitFor();
  await page.getByRole('button', { name: 'Dismiss the start card' }).click();
  await card.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Help', exact: true }).click();
  await card.waitFor();
  await page.getByRole('button', { name: 'Help', exact: true }).click();
  await card.waitFor({ state: 'detached' });
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('375 px: the register cards end above the legend and the empty-slots toggle in every lesson that has them', async () => {
  const { page, record, context } = await openPage(env.browser, env.url, { hash: lessonLink('examples/panic-leak.json'), viewport: { width: 375, height: 812 } });
  await waitForNarration(page, /leaked/);
  for (const title of [/Panic without/, /F1: working directory/, /Escalation/]) {
    await openExample(page, title);
    await page.locator('.register-file tbody tr').first().waitFor();
    const boxes = await page.evaluate(() => {
      const rows = [...document.querySelectorAll('.register-file tbody tr')].map((r) => r.getBoundingClientRect().bottom);
      const foot = document.querySelector('.register-foot').getBoundingClientRect();
      return { cards: Math.max(...rows), foot: foot.top, wrap: document.querySelector('.register-wrap').getBoundingClientRect().bottom };
    });
    assert.ok(boxes.cards <= boxes.wrap + 0.5, `${title}: the cards stay inside their box (${boxes.cards} > ${boxes.wrap})`);
    assert.ok(boxes.cards <= boxes.foot + 0.5, `${title}: the cards end above the legend (${boxes.cards} > ${boxes.foot})`);
  }
  assert.deepEqual(record.errors, []);
  await context.close();
});

test("Panic: naive's panic marks its 7 leaked slots in the register file; scoped marks the 7 the guard restores", async () => {
  const { page, record, context } = await openPage(env.browser, env.url, { hash: lessonLink('examples/panic-leak.json') });
  await waitForNarration(page, /◆ leak: alpha panics mid-poll/);
  assert.equal(await page.locator('.register-file tr.leaked-slot').count(), 7);
  assert.equal(await page.locator('.register-file tr.leaked-slot .slot-mark', { hasText: 'leaked' }).count(), 7);
  await checkHeaderRadio(page, 'scoped');
  await waitForNarration(page, /✓ restored: alpha panics mid-poll: model refused the plan\. As the poll unwinds, the restore guard puts the outer values back/);
  assert.equal(await page.locator('.register-file tr.restored-slot').count(), 7);
  assert.equal(await page.locator('.register-file tr.leaked-slot').count(), 0);
  assert.deepEqual(record.errors, []);
  await context.close();
});
