// A lesson link's first sentence (issue 30): the production build served on loopback, each lesson link opened
// several times in a new tab of a running browser with its cache and the site's storage cleared (a cold cache, as
// for a student who opens the link for the first time), measuring from navigation to the first narration sentence
// on screen, beside first contentful paint and Monaco's editor being ready in the same load (its peer: the sentence
// should come before Monaco is ready), and the order in which the boot script, the core worker's script and
// Monaco's chunk were requested (resource timing). The sentence shown first must be the link's landing sentence (as
// core narrates it), never another scenario's.
// A new tab, not a new browser context: headless Chromium opens a window per context and loads the window's own
// WebUI (its omnibox popup) in a renderer of its own, which kept both cores busy for most of each load and is no
// part of opening a link in a browser already running.
// Budgets: the first sentence before Monaco is ready in every run; median navigation → sentence < 600 ms.
// BOOT_DIST=dir measures an app built beforehand (e.g. another revision's, compared in the same period); BOOT_RUNS=n.
import type { ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { encodeLink, loadScenario, simulate } from '../src/core/index.ts';
import { LINK_PREVIEW_MARK, WORKER_STARTED_MARK } from '../src/ui/share/earlyLink.ts';
import { fmt, median, type BenchLine } from './lib.ts';
import { buildApp, serveApp } from './serve.ts';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.BOOT_RUNS ?? 5);
const SENTENCE_BUDGET_MS = 600;
/** Three lessons a class is sent to (files under examples/). */
const LESSONS = ['f1-cwd-env', 'f2-mutation-session', 'f3-forcing-function'] as const;

interface Harness {
  launchBrowser: () => Promise<Browser>;
}

/** What one load measured, in ms from navigation start (the page's performance clock). */
interface Load {
  sentence: number;
  /** The end of the first frame that drew the sentence (a task queued from that frame's animation callback): when
   * the reader can see it, not only when it is in the document. */
  painted: number;
  sentenceText: string;
  /** The first sentence stayed, unchanged, until Monaco was ready. */
  steady: boolean;
  fcp: number;
  monaco: number;
  /** Request start of the boot script, the app's entry script, the core worker's script and Monaco's chunk (NaN when
   * not seen). */
  boot: number;
  /** When boot.ts had started the worker, and when the worker's reply to the link (its preview) came back (User
   * Timing marks). */
  started: number;
  previewed: number;
  entry: number;
  worker: number;
  editor: number;
  /** Scripts this load took from a cache (transfer size 0): none in a cold load. */
  cached: number;
}

/** The lesson's link and the sentence it must open on (the narration of its landing step, from core). */
function lesson(id: string): { hash: string; sentence: string } {
  const input: unknown = JSON.parse(readFileSync(join(ROOT, 'examples', `${id}.json`), 'utf8'));
  const scenario = loadScenario(input).value;
  if (!scenario) throw new Error(`examples/${id}.json does not load`);
  const steps = simulate(scenario).steps;
  const step = steps[Math.max(0, Math.min(scenario.view.step, steps.length - 1))];
  return { hash: encodeLink(scenario), sentence: step?.narration ?? '' };
}

/** Installed before the page's own scripts: stamps the first narration sentence and Monaco's first lines. */
function installProbes(): void {
  const probe = { sentence: -1, painted: -1, sentenceText: '', monaco: -1, steady: true };
  (window as unknown as { __boot: typeof probe }).__boot = probe;
  new MutationObserver(() => {
    const at = performance.now();
    // Until Monaco is ready, the sentence once shown stays: never another text, never gone.
    if (probe.sentence >= 0 && probe.monaco < 0 && (document.querySelector('.narration-text')?.textContent ?? '') !== probe.sentenceText) probe.steady = false;
    if (probe.sentence < 0) {
      const text = document.querySelector('.narration-text')?.textContent ?? '';
      if (text !== '') {
        probe.sentence = at;
        probe.sentenceText = text;
        requestAnimationFrame(() => setTimeout(() => (probe.painted = performance.now())));
      }
    }
    if (probe.monaco < 0 && document.querySelector('.monaco-editor .view-lines')) probe.monaco = at;
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

async function readLoad(page: Page): Promise<Load> {
  return page.evaluate(([startedMark, previewMark]) => {
    const probe = (window as unknown as { __boot: { sentence: number; painted: number; sentenceText: string; monaco: number; steady: boolean } }).__boot;
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const start = (pattern: RegExp) => resources.find((entry) => pattern.test(entry.name))?.startTime ?? Number.NaN;
    return {
      ...probe,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
      boot: start(/\/assets\/boot-[^/]*\.js$/),
      started: performance.getEntriesByName(startedMark)[0]?.startTime ?? Number.NaN,
      previewed: performance.getEntriesByName(previewMark)[0]?.startTime ?? Number.NaN,
      entry: start(/\/assets\/index-[^/]*\.js$/),
      worker: start(/\/assets\/staged\.worker-[^/]*\.js$/),
      editor: start(/\/assets\/EditorPane-[^/]*\.js$/),
      cached: resources.filter((entry) => entry.name.endsWith('.js') && entry.transferSize === 0).length,
    };
  }, [WORKER_STARTED_MARK, LINK_PREVIEW_MARK] as const);
}

/** One browser window: a context whose first tab stays open, so a load's tab never starts a window. */
interface Tabs {
  context: BrowserContext;
  origin: string;
  /** The tab kept open; its DevTools session clears the cache between loads. */
  session: CDPSession;
}

async function openTabs(browser: Browser, url: string): Promise<Tabs> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const holder = await context.newPage();
  const session = await context.newCDPSession(holder);
  await session.send('Network.enable');
  return { context, origin: new URL(url).origin, session };
}

async function loadOnce(tabs: Tabs, url: string): Promise<Load> {
  // An empty cache (HTTP and compiled code) and no storage of the site (a student opening the link for the first
  // time); a new tab gets a renderer process of its own.
  await tabs.session.send('Network.clearBrowserCache');
  await tabs.session.send('Storage.clearDataForOrigin', { origin: tabs.origin, storageTypes: 'all' });
  const page = await tabs.context.newPage();
  try {
    // tsx (esbuild, keepNames) wraps the probes' inner functions in `__name(...)`, which the page lacks.
    await page.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    await page.addInitScript(installProbes);
    await page.goto(url);
    // Polled over the DevTools protocol in the page's own world, not with waitForFunction: that first evaluates
    // Playwright's injected script (hundreds of KB) in the page, which held the page's main thread for 50–120 ms in
    // the middle of the load — also holding up the link's request to the worker, which the main thread hands over.
    const cdp = await tabs.context.newCDPSession(page);
    const deadline = performance.now() + 60_000;
    for (;;) {
      const { result } = (await cdp.send('Runtime.evaluate', { expression: '__boot.painted >= 0 && __boot.monaco >= 0', returnByValue: true })) as { result: { value?: unknown } };
      if (result.value === true) break;
      if (performance.now() > deadline) throw new Error("the sentence or Monaco's editor did not show within 60 s");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await cdp.detach();
    return await readLoad(page);
  } finally {
    await page.close();
  }
}

const ms = (value: number) => `${fmt(value, 0)} ms`;

function linesFor(id: string, expected: string, loads: Load[]): BenchLine[] {
  const sentence = median(loads.map((l) => l.sentence));
  const monaco = median(loads.map((l) => l.monaco));
  const before = loads.filter((l) => l.sentence < l.monaco).length;
  const right = loads.filter((l) => l.sentenceText.endsWith(expected)).length;
  const steady = loads.filter((l) => l.steady).length;
  const ordered = loads.filter((l) => l.boot <= l.worker && l.worker < l.editor).length;
  const where = `${id}, ${loads.length} cold loads`;
  return [
    {
      name: `boot: navigation → first sentence (${where})`,
      measured:
        `median ${ms(sentence)} (runs ${loads.map((l) => fmt(l.sentence, 0)).join(', ')}); painted median ${ms(median(loads.map((l) => l.painted)))}; ` +
        `FCP median ${ms(median(loads.map((l) => l.fcp)))}; the worker's preview → sentence median ${ms(median(loads.map((l) => l.sentence - l.previewed)))}`,
      budget: `median < ${SENTENCE_BUDGET_MS} ms`,
      ok: sentence < SENTENCE_BUDGET_MS,
    },
    {
      name: `boot: first sentence before Monaco's editor is ready (${where})`,
      measured: `${before}/${loads.length} runs; Monaco ready median ${ms(monaco)}, sentence/Monaco ${fmt(sentence / monaco, 2)}×`,
      budget: 'every run',
      ok: before === loads.length,
    },
    {
      name: `boot: the first sentence is the link's landing sentence (${where})`,
      measured: `${right}/${loads.length} runs`,
      budget: 'every run',
      ok: right === loads.length,
    },
    {
      name: `boot: the first sentence stays until Monaco is ready (${where})`,
      measured: `${steady}/${loads.length} runs`,
      budget: 'every run',
      ok: steady === loads.length,
    },
    {
      name: `boot: requested boot script → worker → Monaco (${where})`,
      measured:
        `${ordered}/${loads.length} runs in that order; medians boot script ${ms(median(loads.map((l) => l.boot)))}, ` +
        `app entry ${ms(median(loads.map((l) => l.entry)))}, worker started by the boot script ${ms(median(loads.map((l) => l.started)))}, ` +
        `worker ${ms(median(loads.map((l) => l.worker)))}, Monaco's chunk ${ms(median(loads.map((l) => l.editor)))}; ` +
        `the worker's preview back at ${ms(median(loads.map((l) => l.previewed)))}; ` +
        `${loads.filter((l) => l.cached === 0).length}/${loads.length} loads took no script from a cache`,
    },
  ];
}

export async function bench(): Promise<BenchLine[]> {
  let outDir: string | null = null;
  let server: ChildProcess | null = null;
  let browser: Browser | null = null;
  try {
    // BOOT_DIST: an app already built (another revision's, to compare with in the same period); kept afterwards.
    const given = process.env.BOOT_DIST;
    if (given === undefined) outDir = buildApp();
    const served = await serveApp(given ?? outDir!);
    server = served.process;
    const harness = (await import(join(ROOT, 'test/e2e/harness.mjs'))) as Harness;
    browser = await harness.launchBrowser();
    const tabs = await openTabs(browser, served.url);
    const lines: BenchLine[] = [];
    const all: number[] = [];
    const allPainted: number[] = [];
    for (const id of LESSONS) {
      const { hash, sentence } = lesson(id);
      const loads: Load[] = [];
      // Interleaving would be fairer to drifting load; one warm-up load per lesson is discarded (the server's and
      // the browser process's own first-use costs, not the page's).
      await loadOnce(tabs, served.url + hash);
      for (let run = 0; run < RUNS; run++) loads.push(await loadOnce(tabs, served.url + hash));
      all.push(...loads.map((l) => l.sentence));
      allPainted.push(...loads.map((l) => l.painted));
      lines.push(...linesFor(id, sentence, loads));
    }
    lines.push({ name: `boot: navigation → first sentence, all ${all.length} loads`, measured: `median ${ms(median(all))}, max ${ms(Math.max(...all))}; painted median ${ms(median(allPainted))}` });
    return lines;
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    return [{ name: 'boot: first-sentence bench', measured: `could not run: ${message}`, budget: 'runs', ok: false }];
  } finally {
    await browser?.close();
    server?.kill();
    if (outDir !== null) rmSync(outDir, { recursive: true, force: true });
  }
}
