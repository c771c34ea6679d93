// A link opens as the page loads (issue 30): the core worker's script is requested before Monaco's chunk (the
// browser's resource timing), and while the worker is slow the page shows a neutral loading line — no frame ever
// shows the default scenario (its programs, its Policy layout, its narration) before the link's. The worker is
// slowed through a storage key that only the e2e build reads (dist-e2e/); the production build has no such hook.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { lessonLink, openPage, ROOT, setup, slowWorker, startServer, waitForMonaco, waitForNarration, WORKER_DELAY_KEY } from './harness.mjs';

const F1_LANDING = /alpha resumes after yield_now\(\)\. While it waited, beta ran and left its working directory in VM_EXECUTION_CONTEXT/;
/** Words only the default scenario shows: its programs' comments (in the source fallback and the editor). */
const DEFAULT_MARKS = ['The parent spawns two workers', 'beta fetches a page', 'alpha summarizes the notes'];

let env;
let hooked;
let link;
before(async () => {
  env = await setup();
  hooked = await startServer({ hooks: true });
  link = lessonLink(join(ROOT, 'examples/f1-cwd-env.json'));
});
after(async () => {
  hooked?.stop();
  await env?.teardown();
});

/** Installed before the page's scripts: records, at every DOM change, what the page shows. */
function recordFrames(marks) {
  const seen = { narrations: [], defaultShown: [], policyLayout: false, loading: false };
  window.__frames = seen;
  new MutationObserver(() => {
    const text = document.body?.innerText ?? '';
    for (const mark of marks) if (text.includes(mark) && !seen.defaultShown.includes(mark)) seen.defaultShown.push(mark);
    if (document.querySelector('.columns-policy')) seen.policyLayout = true;
    if (document.querySelector('.boot-loading')) seen.loading = true;
    const narration = document.querySelector('.narration-text')?.textContent ?? '';
    if (narration !== '' && seen.narrations[seen.narrations.length - 1] !== narration) seen.narrations.push(narration);
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

test("the core worker's script is requested before Monaco's chunk, and the boot script before both", async () => {
  const { page, context, record } = await openPage(env.browser, env.url, { hash: link });
  await waitForNarration(page, F1_LANDING);
  await waitForMonaco(page);
  const starts = await page.evaluate(() => {
    const entries = performance.getEntriesByType('resource');
    const at = (pattern) => entries.find((entry) => pattern.test(new URL(entry.name).pathname))?.startTime ?? null;
    return { boot: at(/^\/assets\/boot-.*\.js$/), worker: at(/^\/assets\/staged\.worker-.*\.js$/), monaco: at(/^\/assets\/EditorPane-.*\.js$/) };
  });
  assert.ok(starts.boot !== null && starts.worker !== null && starts.monaco !== null, JSON.stringify(starts));
  assert.ok(starts.boot <= starts.worker, `boot script ${starts.boot} ms, worker ${starts.worker} ms`);
  assert.ok(starts.worker < starts.monaco, `worker ${starts.worker} ms, Monaco's chunk ${starts.monaco} ms`);
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('with a slowed worker a link shows a loading line, then its own sentence: never the default scenario', async () => {
  const { page, context, record } = await openPage(env.browser, hooked.url, {
    hash: link,
    beforeGoto: async (p) => {
      await slowWorker(p, 700);
      await p.addInitScript(recordFrames, DEFAULT_MARKS);
    },
  });
  await waitForNarration(page, F1_LANDING);
  await waitForMonaco(page);
  // Settled: the link's programs are in the editor, and nothing of the default scenario was ever on the page.
  await page.waitForTimeout(500);
  const frames = await page.evaluate(() => window.__frames);
  assert.equal(frames.loading, true, 'the loading line was shown while the worker was slow');
  assert.deepEqual(frames.defaultShown, [], 'the default scenario was shown');
  assert.equal(frames.policyLayout, false, "the default scenario's Policy layout was shown");
  assert.ok(frames.narrations.length >= 1);
  assert.match(frames.narrations[0], F1_LANDING, `the first sentence shown: ${frames.narrations[0]}`);
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('with a slowed worker an autosaved session opens without the default scenario first', async () => {
  const saved = readFileSync(join(ROOT, 'examples/f2-mutation-session.json'), 'utf8');
  const { page, context, record } = await openPage(env.browser, hooked.url, {
    beforeGoto: async (p) => {
      await p.addInitScript(
        ([key, session]) => {
          localStorage.setItem(key, '700');
          if (!sessionStorage.getItem('seeded')) {
            localStorage.setItem('harn-scope-lab:session', session);
            sessionStorage.setItem('seeded', '1');
          }
        },
        [WORKER_DELAY_KEY, saved],
      );
      await p.addInitScript(recordFrames, DEFAULT_MARKS);
    },
  });
  await page.getByRole('tab', { name: /alpha/ }).waitFor();
  await waitForMonaco(page);
  await page.waitForTimeout(500);
  const frames = await page.evaluate(() => window.__frames);
  assert.equal(frames.loading, true);
  assert.deepEqual(frames.defaultShown, []);
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('the production build has no worker-delay hook; the e2e build has it', () => {
  const scripts = (out) => readdirSync(join(ROOT, out, 'assets')).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(ROOT, out, 'assets', f), 'utf8'));
  assert.equal(scripts('dist').filter((code) => code.includes(WORKER_DELAY_KEY)).length, 0);
  assert.equal(scripts('dist-e2e').filter((code) => code.includes(WORKER_DELAY_KEY)).length, 1);
});

test("the link's sentence stays where it is when the whole trace replaces the first reply (1440 and 375 px)", async () => {
  for (const viewport of [{ width: 1440, height: 900 }, { width: 375, height: 800 }]) {
    const { page, context, record } = await openPage(env.browser, hooked.url, {
      hash: link,
      viewport,
      beforeGoto: (p) => slowWorker(p, 700),
    });
    const first = page.locator('.stepper-preview .narration', { hasText: F1_LANDING });
    await first.waitFor({ timeout: 15000 });
    const before = await first.boundingBox();
    await waitForNarration(page, F1_LANDING);
    const after = await page.locator('.stepper:not(.stepper-preview) .narration').boundingBox();
    const scrolled = await page.evaluate(() => window.scrollY);
    assert.equal(scrolled, 0);
    assert.ok(Math.abs(after.y - before.y) <= 2 && Math.abs(after.x - before.x) <= 2, `${viewport.width} px: the sentence moved from ${JSON.stringify(before)} to ${JSON.stringify(after)}`);
    assert.deepEqual(record.errors, []);
    await context.close();
  }
});
