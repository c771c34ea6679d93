// End-to-end harness: serves the built app with `vite preview` on a free loopback port and drives Debian's
// Chromium through playwright-core (never a downloaded browser). Every page records its requests, console errors
// and CSP violations so a test can assert that nothing leaves the origin.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts `vite preview` over dist/ (built by `npm test` before the e2e stage), or with `{ hooks: true }` over
 * dist-e2e/, the same app with the worker hook `window.__harnScopeLab` (`vite build --mode e2e`). Returns { url, stop }. */
export async function startServer({ hooks = false } = {}) {
  const outDir = hooks ? 'dist-e2e' : 'dist';
  if (!existsSync(join(ROOT, outDir, 'index.html'))) throw new Error(`${outDir}/ is missing: run \`npm test\` (it builds both) or \`npx vite build${hooks ? ' --mode e2e --outDir dist-e2e' : ''}\` first`);
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'preview', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 20000;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) break;
    } catch {
      // not up yet
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill();
      throw new Error(`vite preview did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, stop: () => child.kill() };
}

export async function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

/**
 * Opens a fresh context + page that records every request (`requests`), console errors (`errors`),
 * page errors and CSP violations (`cspViolations`). `options.viewport`, `options.colorScheme` pass through.
 */
export async function openPage(browser, url, options = {}) {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1440, height: 900 }, colorScheme: options.colorScheme ?? 'light', reducedMotion: options.reducedMotion ?? 'no-preference' });
  const page = await context.newPage();
  const record = { requests: [], errors: [], cspViolations: [] };
  page.on('request', (request) => record.requests.push(request.url()));
  page.on('pageerror', (error) => record.errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    const text = message.text();
    if (/Content[- ]Security[- ]Policy/i.test(text)) record.cspViolations.push(text);
    else if (message.type() === 'error') record.errors.push(`console: ${text}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  if (options.beforeGoto) await options.beforeGoto(page);
  await page.goto(url + (options.hash ?? ''));
  return { context, page, record };
}

/** The e2e build's storage key of a delay (ms) before each call to the core worker (src/worker/client.ts). */
export const WORKER_DELAY_KEY = 'harn-scope-lab:e2e-worker-delay';

/** Before the page loads: slows the core worker, every call waiting `ms` first (e2e build only). */
export function slowWorker(page, ms) {
  return page.addInitScript(([key, delay]) => localStorage.setItem(key, String(delay)), [WORKER_DELAY_KEY, ms]);
}

/** Requests whose origin is not the app's own (data: and blob: URLs stay inside the page). */
export function externalRequests(record, url) {
  const origin = new URL(url).origin;
  return record.requests.filter((r) => !r.startsWith('data:') && !r.startsWith('blob:') && new URL(r).origin !== origin);
}

/** Opens one lesson from the Examples menu (`title`: its button's name, a string or a RegExp). */
export async function openExample(page, title) {
  await page.getByRole('button', { name: /Examples/ }).click();
  await page.getByRole('dialog', { name: 'Examples' }).getByRole('button', { name: title }).click();
}

/** Waits until Monaco has mounted in the page (the editor area replaces the read-only fallback). */
export async function waitForMonaco(page, timeout = 20000) {
  await page.waitForSelector('.monaco-editor .view-lines', { timeout });
}

/** The share-link fragment of `scenario`, made by the CLI (`harn-scope link`). */
export function linkOf(scenario) {
  const dir = mkdtempSync(join(tmpdir(), 'harn-e2e-'));
  try {
    const file = join(dir, 'scenario.json');
    writeFileSync(file, JSON.stringify(scenario));
    const result = spawnSync(process.execPath, [join(ROOT, 'bin/harn-scope.mjs'), 'link', file], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`harn-scope link failed: ${result.stderr}`);
    return result.stdout.trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A shared lifecycle for one test file: `const env = await setup(); … await env.teardown();` */
export async function setup(options = {}) {
  const server = await startServer(options);
  const browser = await launchBrowser();
  return {
    url: server.url,
    browser,
    async teardown() {
      await browser.close();
      server.stop();
    },
  };
}

/** Waits until the session has booted and the first simulation is on screen: the stepper's position, or (in the
 * Policy layout, where the scheduler is folded) its verdict line. */
export async function waitForSession(page, timeout = 20000) {
  await page.getByText(/^step \d+ \/ \d+$|Finished in \d+ steps/).first().waitFor({ timeout });
}

/** The stepper's narration of the current step, as shown ("Step N: …"). */
export const narrationText = (page) => page.locator('.narration-text').textContent();

/** Is the current step's narration red (a cross-wire or a violation)? */
export const isRed = (page) => page.locator('.narration').evaluate((el) => el.classList.contains('narration-bad') || el.classList.contains('narration-crosswire'));

/** Waits until the narration matches `pattern` (a string or a RegExp) in the whole stepper (not a link's preview of
 * its landing step, shown while the trace is on its way: its controls and lanes are not there yet). */
export async function waitForNarration(page, pattern) {
  await page.locator('.stepper:not(.stepper-preview) .narration-text', { hasText: pattern }).waitFor({ timeout: 15000 });
}

/** The share-link fragment of a scenario file (relative to the repo), made by the CLI (`harn-scope link`). */
export function lessonLink(file) {
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'src/cli/main.ts'), 'link', file], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`harn-scope link ${file} failed: ${result.stderr}`);
  return result.stdout.trim();
}

/** Checks a header radio (a mode or a layout), opening the phone header's Settings first when it is behind them. */
export async function checkHeaderRadio(page, name) {
  const radio = page.getByRole('radio', { name, exact: true });
  const settings = page.getByRole('button', { name: /^Settings/ });
  const folded = !(await radio.isVisible()) && (await settings.isVisible());
  if (folded) await settings.click();
  await radio.check();
  if (folded) await settings.click();
}

/** The sessions the page's tabs saved, one record per tab (`{ savedAt, page, origin, scenario, drafts }`). */
export async function savedSessions(page) {
  return page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith('harn-scope-lab:tab:'))
      .map((key) => JSON.parse(localStorage.getItem(key))),
  );
}

/** Waits until a tab's saved session holds every one of `texts`. */
export async function waitForSaved(page, ...texts) {
  await page.waitForFunction(
    (wanted) => Object.keys(localStorage).some((key) => key.startsWith('harn-scope-lab:tab:') && wanted.every((text) => localStorage.getItem(key).includes(text))),
    texts,
  );
}

/** The edit the watchdog and truth tests type into beta: one read of notes.txt, no network. */
export const BETA_EDIT = 'pipeline main() {\n  let page = read_file("notes.txt")\n}\n';

/** Opens the default scenario on beta's tab, its ledger showing beta's HARN-CAP-301 for the network fetch. */
export async function openBetaLedger(browser, url) {
  const opened = await openPage(browser, url);
  const { page } = opened;
  await waitForMonaco(page);
  await page.getByRole('tab', { name: /beta/ }).click();
  await page.getByRole('heading', { name: 'Effects ledger (beta)' }).waitFor();
  await page.getByRole('region', { name: /Violations \(HARN-CAP-301\)/ }).locator('code', { hasText: 'net:write (https://example.com)' }).waitFor();
  return opened;
}

/** Replaces the open editor's text with BETA_EDIT. */
export async function typeBetaEdit(page) {
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(BETA_EDIT);
}
