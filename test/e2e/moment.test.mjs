// The moment of the bug in Chromium: F1 opened from a share link lands on alpha's cross-wired read of
// VM_EXECUTION_CONTEXT; `scoped` lands on the same read, now correct, and `unscoped` brings the cross-wire back;
// the same for F2 with the CURRENT_MUTATION_SESSION capture toggle; Compare shows both at once. And every lesson:
// its landing step is reached within 30 Steps from the start, its narration names its point, and the editor shows
// the running task's tab with `harn-current-line` on the call's line.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { isRed, narrationText, openExample, openPage, ROOT, setup, waitForMonaco, waitForNarration, waitForSession } from './harness.mjs';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.teardown();
});

/** The share link of a lesson file in examples/, made by the CLI. */
function lessonLink(id) {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/harn-scope.mjs'), 'link', join(ROOT, 'examples', `${id}.json`)], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout.trim();
}

test('F1 from a share link: the cross-wired read, the same read scoped (correct), back to unscoped; Compare shows both', async () => {
  const { page, record, context } = await openPage(env.browser, env.url, { hash: lessonLink('f1-cwd-env') });
  const crossed = /alpha resumes after yield_now\(\)\. While it waited, beta ran and left its working directory in VM_EXECUTION_CONTEXT, so alpha's write_file\("out\.txt"\) resolves against \/worktrees\/beta and lands in beta's worktree\./;
  await waitForNarration(page, crossed);
  assert.equal(await isRed(page), true);
  assert.match(await narrationText(page), /✖ cross-wire:/);

  await page.getByRole('radio', { name: 'scoped', exact: true }).check();
  await waitForNarration(page, /alpha reads VM_EXECUTION_CONTEXT for write_file: its own ctx\(cwd=\/worktrees\/alpha/);
  assert.equal(await isRed(page), false);
  assert.doesNotMatch(await narrationText(page), /cross-wire/);

  await page.getByRole('radio', { name: 'unscoped', exact: true }).check();
  await waitForNarration(page, crossed);
  assert.equal(await isRed(page), true);

  await page.getByRole('button', { name: 'Compare' }).click();
  const compare = page.getByRole('region', { name: 'Compare' });
  await compare.locator('.compare-sides').waitFor();
  assert.match(await compare.locator('.compare-bad').textContent(), /unscoped \(this run\).*✖ cross-wire.*alpha reads VM_EXECUTION_CONTEXT.*observed ctx\(cwd=\/worktrees\/beta/);
  assert.match(await compare.locator('.compare-good').textContent(), /scoped.*✓ its own value.*alpha reads VM_EXECUTION_CONTEXT.*observed ctx\(cwd=\/worktrees\/alpha/);
  assert.match(await compare.locator('.compare-difference').textContent(), /^Unscoped, alpha gets ctx\(cwd=\/worktrees\/beta.*; scoped, alpha gets its own ctx\(cwd=\/worktrees\/alpha/);
  // Stepping moves both sides by moment.
  const right = await compare.locator('.compare-sides > :last-child').textContent();
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await page.waitForFunction((before) => document.querySelector('.compare-sides > :last-child')?.textContent !== before, right);
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('F2 from a share link: capturing CURRENT_MUTATION_SESSION lands on the same read, correct; uncapturing brings it back', async () => {
  const { page, record, context } = await openPage(env.browser, env.url, { hash: lessonLink('f2-mutation-session') });
  const crossed = /alpha resumes after llm_call\. While it waited, beta ran and left its mutation session in CURRENT_MUTATION_SESSION, so alpha's write_file\("report\.md"\) is audited under beta's session/;
  await waitForNarration(page, crossed);
  assert.equal(await isRed(page), true);
  const toggle = page.getByRole('checkbox', { name: 'Capture CURRENT_MUTATION_SESSION' });
  await toggle.click();
  await waitForNarration(page, /alpha reads CURRENT_MUTATION_SESSION for write_file: its own session-alpha\/run-alpha/);
  assert.equal(await isRed(page), false);
  await toggle.click();
  await waitForNarration(page, crossed);
  assert.equal(await isRed(page), true);
  await page.getByRole('button', { name: 'Compare' }).click();
  const compare = page.getByRole('region', { name: 'Compare' });
  await compare.locator('.compare-sides').waitFor();
  assert.match(await compare.locator('.compare-bad').textContent(), /scoped without CURRENT_MUTATION_SESSION \(this run\).*✖ cross-wire/);
  assert.match(await compare.locator('.compare-good').textContent(), /✓ its own value.*observed session-alpha\/run-alpha/);
  assert.deepEqual(record.errors, []);
  await context.close();
});

// Per lesson: its menu title, the running task at its landing, text of the call's line (a pattern), its point.
const LESSONS = [
  [/F1: working directory/, 'alpha', 'write_file', /VM_EXECUTION_CONTEXT.*beta's worktree/],
  [/F2: mutation session/, 'alpha', 'write_file', /CURRENT_MUTATION_SESSION.*beta's session/],
  [/LIFO stacks/, 'alpha', 'write_file', /denied by beta's policy, though preflight allowed it/],
  [/Panic without/, 'alpha', 'throw', /leaves alpha's values in .*VM_EXECUTION_CONTEXT.*leaked/],
  [/Trusted-bridge/, 'beta', 'host_call', /TRUSTED_BRIDGE_CALL_DEPTH at 1.*depth 1/],
  [/Escalation/, 'parent', 'spawn_agent\\(', /refused \(HARN-CAP-301\): net:write/],
  // A fan-out spawns its children where its `parallel each` block opens (scheduler MODEL.md).
  [/Resource mismatch/, 'parent', 'parallel.each', /refused \(HARN-CAP-301\): fs:write \(\.env\)/],
  [/explicit parent grant/, 'parent', 'parallel.each', /grant \(llm:write, net:write\).*refused at spawn/],
  [/Three-way/, 'beta', 'write_file', /VM_EXECUTION_CONTEXT.*alpha's worktree/],
  [/Work stealing/, 'alpha', 'write_file', /Thread 2 holds nothing in VM_EXECUTION_CONTEXT: alpha's own values stayed behind/],
];

/** The text of the editor line that carries the `harn-current-line` decoration. */
const currentLineText = (page) =>
  page.evaluate(() => {
    const mark = document.querySelector('.monaco-editor .harn-current-line');
    const top = mark?.parentElement?.style.top;
    const line = [...document.querySelectorAll('.monaco-editor .view-line')].find((l) => l.style.top === top);
    return line?.textContent ?? null;
  });

test('every lesson lands within 30 Steps on narration naming its point, with the running task\'s tab and current line', async () => {
  const { page, record, context } = await openPage(env.browser, env.url);
  // The default page opens in the Policy layout (the stepper folded); each lesson opens in the Lesson layout.
  await waitForSession(page);
  await waitForMonaco(page);
  for (const [title, task, call, point] of LESSONS) {
    await openExample(page, title);
    await waitForNarration(page, point);
    const landing = await narrationText(page);
    const position = await page.locator('.step-position').textContent();
    await page.waitForFunction((name) => document.querySelector('[role="tab"][aria-selected="true"]')?.textContent?.includes(name), task);
    await page.waitForFunction(() => document.querySelector('.monaco-editor .harn-current-line') !== null);
    assert.match((await currentLineText(page)) ?? '', new RegExp(call), `${title}: current line`);
    // From the start, Step reaches the same moment within 30 presses.
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await page.locator('.step-position', { hasText: /^step 1 \// }).waitFor();
    let presses = 0;
    while ((await narrationText(page)) !== landing && presses < 30) {
      await page.getByRole('button', { name: 'Step', exact: true }).click();
      presses++;
    }
    assert.equal(await narrationText(page), landing, `${title}: reached within 30 steps`);
    assert.equal(await page.locator('.step-position').textContent(), position);
    assert.match(landing, point);
  }
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('escalation with "Enforce grant at spawn" off: beta\'s escaping post is a violation, red, with HARN-CAP-301', async () => {
  const { page, record, context } = await openPage(env.browser, env.url, { hash: lessonLink('escalation') });
  await waitForNarration(page, /refused \(HARN-CAP-301\)/);
  await page.getByRole('checkbox', { name: 'Enforce grant at spawn' }).uncheck();
  // The refusal becomes a spawn: the same moment.
  await waitForNarration(page, /parent spawns beta/);
  await page.locator('.legend-violation', { hasText: '1 violation' }).waitFor();
  for (let i = 0; i < 40 && !/beta's http_post\(/.test(await narrationText(page)); i++) await page.getByRole('button', { name: 'Step', exact: true }).click();
  assert.match(await narrationText(page), /✖ violation: beta's http_post\("https:\/\/deploy\.example\.com\/run"\) is allowed by beta's policy\. It escapes the parent's grant \(HARN-CAP-301/);
  assert.equal(await isRed(page), true);
  assert.deepEqual(record.errors, []);
  await context.close();
});
