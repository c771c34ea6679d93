// Creates the core worker lazily and wraps it with comlink, under a watchdog (watchdog.ts) that restarts a crashed
// or hung worker and sends the outstanding requests again. The UI and state reach core only through here.
import { wrap } from 'comlink';
import type { CoreApi } from './api.ts';
import { setWorkerHealth, setWorkerReviver } from './health.ts';
import { createWatchdog, type WatchedWorker, type Watchdog } from './watchdog.ts';

/** The worker seen from the page: every function of {@link CoreApi} with the same arguments, returning a Promise
 * (comlink's `Remote` of the API without its proxy-release methods: the page's client is a proxy over the watchdog,
 * which releases nothing, so a fake made of plain async functions has this type too). The one client type: code that
 * needs a few of its functions takes `Pick<CoreClient, 'a' | 'b'>`, so a test passes a fake of just those. */
export type CoreClient = {
  [K in keyof CoreApi]: CoreApi[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;
};

/** End-to-end builds only: the storage key of a delay (ms) before each call is sent to the worker — a slowed worker,
 * for the tests that check what the page shows while it waits. Production builds leave this out entirely. */
export const E2E_WORKER_DELAY_KEY = 'harn-scope-lab:e2e-worker-delay';

function e2eWorkerDelay(): number {
  if (import.meta.env.MODE !== 'e2e') return 0;
  try {
    return Math.max(0, Number(window.localStorage.getItem(E2E_WORKER_DELAY_KEY)) || 0);
  } catch {
    return 0;
  }
}

function spawnCoreWorker(onFailure: (detail: string) => void): WatchedWorker {
  // W1: the URL must be written inline in `new Worker(...)` or Vite does not emit the worker.
  const worker = new Worker(new URL('./staged.worker.ts', import.meta.url), { type: 'module' });
  worker.addEventListener('error', (event) => {
    event.preventDefault(); // reported by the status message instead of the console
    onFailure(event.message || 'error event');
  });
  worker.addEventListener('messageerror', () => onFailure('a reply could not be read (messageerror)'));
  const remote = wrap<Record<string, (...args: unknown[]) => unknown>>(worker);
  const delay = e2eWorkerDelay();
  return {
    call: (method, args) => (delay > 0 ? new Promise((resolve) => setTimeout(resolve, delay)).then(() => remote[method]!(...args)) : remote[method]!(...args)),
    // Awaiting a property of the comlink proxy is a GET round trip: no function in the worker is needed for it.
    ping: () => Promise.resolve(remote.watchdogPing as unknown),
    terminate: () => worker.terminate(),
  };
}

/** Worker calls that may keep the worker busy longer than a ping's limit: a whole simulation (about a second), a
 * link's preview (its decoding and simulation at boot), and an exploration, which answers pings between its slices
 * but is busy exploring, not hung, when one slice or a garbage collection of its heap runs long on a loaded machine,
 * a goal's check (a simulation) and its solution (a search); the watchdog waits longer for them. */
const SLOW_METHODS: ReadonlySet<string> = new Set(['simulate', 'previewLink', 'startExplore', 'goalStatus', 'goalSolution']);

let watchdog: Watchdog | null = null;
let client: CoreClient | null = null;

/** The end-to-end tests' hook (`window.__harnScopeLab`, e2e builds only): it can only terminate the current worker,
 * which the watchdog replaces. */
export interface LabTestHooks {
  /** Terminates the worker. Reported as a crash at once, or with `{ silent: true }` left for the ping to find.
   * Returns how many requests were outstanding at that moment. */
  killWorker: (options?: { silent?: boolean }) => number;
  /** Makes the next call of `method` fail as a bug in core would (an analysis or a simulation that throws). */
  failNext: (method: string) => void;
}

declare global {
  interface Window {
    __harnScopeLab?: LabTestHooks;
  }
}

/**
 * The one core worker client (created on first use). It stays the same object across worker restarts, so callers
 * may keep it: each call goes to whichever worker is current.
 */
export function getCoreClient(): CoreClient {
  if (!client) {
    const dog = createWatchdog({
      spawn: spawnCoreWorker,
      onHealth: setWorkerHealth,
      slowMethods: SLOW_METHODS,
    });
    watchdog = dog;
    setWorkerReviver(() => dog.revive());
    // The test hook exists only in builds made for the end-to-end tests (`vite build --mode e2e`).
    const failing = new Set<string>();
    if (import.meta.env.MODE === 'e2e' && typeof window !== 'undefined')
      window.__harnScopeLab = { killWorker: (options) => dog.kill(options), failNext: (method) => void failing.add(method) };
    // Any method name becomes a call through the watchdog; `then` stays undefined so the client is not a thenable.
    client = new Proxy({} as CoreClient, {
      get: (_target, name) =>
        typeof name === 'string' && name !== 'then'
          ? (...args: unknown[]) => (import.meta.env.MODE === 'e2e' && failing.delete(name) ? Promise.reject(new Error(`${name} failed (forced by a test)`)) : dog.call(name, args))
          : undefined,
    });
  }
  return client;
}

/** Starts the core worker now (its script is fetched and evaluated while the page loads the rest): the entry does
 * this before React renders. */
export function startCoreWorker(): CoreClient {
  const started = getCoreClient();
  watchdog?.start();
  return started;
}

/** The current watchdog, if the worker was started (tests and diagnostics). */
export function getWatchdog(): Watchdog | null {
  return watchdog;
}

/** Request ids for one kind of request: only the reply to the latest request is kept (latest wins). */
export interface LatestGate {
  /** A new request id; every earlier id becomes stale. */
  next: () => number;
  isLatest: (id: number) => boolean;
}

export function createLatestGate(): LatestGate {
  let latest = 0;
  return { next: () => ++latest, isLatest: (id) => id === latest };
}

/**
 * Runs `request` under `gate` and resolves with its result, or with `undefined` when a newer request was started
 * in the meantime (the stale reply is dropped).
 */
export async function latest<T>(gate: LatestGate, request: () => Promise<T>): Promise<T | undefined> {
  const id = gate.next();
  const result = await request();
  return gate.isLatest(id) ? result : undefined;
}
