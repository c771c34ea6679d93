// The worker watchdog (issue 8): sends every request through one supervisor that notices a crashed worker (its
// `error`/`messageerror` event) or a hung one (a liveness ping unanswered while requests are outstanding), then
// terminates it, starts a fresh one and sends the outstanding requests again, so callers just see a slower reply.
// Knows nothing of comlink, core or the DOM: the worker is reached through the small `WatchedWorker` interface,
// so the logic is tested with a fake (test/worker/watchdog.test.ts).

/** The liveness limits, in one place with their reasons. */
export const WATCHDOG_LIMITS = {
  /** While any request is outstanding, a liveness ping goes out this often (a ping is a tiny round trip). */
  pingEveryMs: 250,
  /**
   * A worker that leaves a ping unanswered this long while requests are outstanding is hung. Every core call is
   * synchronous and short — analysis of a 1,000-line child budgets 16 ms (DESIGN §8), a simulation is bounded by
   * 100,000 steps at ≥ 1M steps/s (~0.1 s plus the reply's copy), and the explorer yields to its event loop after
   * each ~20 ms slice, so pings are answered during a long exploration. 1.5 s is several times the longest
   * legitimate call, and with a restart it keeps recovery near the 2 s a user waits for before giving up.
   */
  hangAfterMs: 1500,
  /**
   * Until a worker has answered once, it is still starting, not hung: the dev server (`npm start`) compiles the
   * worker's whole module graph on first load, which took several seconds on a cold 2-core machine and made the
   * 1.5 s limit restart a healthy worker with a false "stopped responding" message. A crash while starting is still
   * caught at once by the worker's `error` event.
   */
  startupAfterMs: 30_000,
  /**
   * A check that fires this much later than planned means the page itself was blocked (or throttled in a
   * background tab): a reply may be queued behind it, so the ping gets a fresh deadline instead of a verdict.
   */
  lateCheckMs: 500,
  /**
   * A request for a method in `slowMethods` (a whole simulation: compile plus a trace of up to MAX_TRACE_STEPS
   * steps, about a second at worst on a loaded 2-core machine) may keep the worker busy longer: while one is
   * outstanding the hang limit is this instead. A hung worker is still found, only later.
   */
  slowHangAfterMs: 8_000,
  /** Each request is sent at most this often: once, and once more after a restart. A request that hangs a fresh
   * worker too is answered with an error instead of restarting forever. */
  maxSends: 2,
  /** More restarts than this within `restartWindowMs` stop the watchdog (a worker that cannot even start would
   * otherwise restart in a loop); the status then says so and requests fail at once. */
  maxRestarts: 3,
  restartWindowMs: 60_000,
} as const;

export type WatchdogLimits = { readonly [K in keyof typeof WATCHDOG_LIMITS]: number };

/** One started worker as the watchdog sees it. */
export interface WatchedWorker {
  /** Calls `method` with `args` in the worker. */
  call: (method: string, args: readonly unknown[]) => Promise<unknown>;
  /** A round trip that only proves the worker's event loop is turning. */
  ping: () => Promise<unknown>;
  terminate: () => void;
}

/** Why a worker was restarted: it reported a fatal error, or stopped answering. */
export type RestartReason = 'crashed' | 'hung';

/** The watchdog's state, for the status message. `restarts` counts every restart since the page loaded. */
export type WorkerHealth =
  | { kind: 'running'; restarts: number }
  | { kind: 'restarted'; reason: RestartReason; restarts: number }
  | { kind: 'stopped'; reason: RestartReason; restarts: number };

export interface WatchdogOptions {
  /** Starts a worker; `onFailure` is called when it reports a crash (error or messageerror event). */
  spawn: (onFailure: (detail: string) => void) => WatchedWorker;
  onHealth?: (health: WorkerHealth) => void;
  limits?: Partial<WatchdogLimits>;
  /** Methods whose calls may legitimately keep the worker busy up to `slowHangAfterMs`. */
  slowMethods?: ReadonlySet<string>;
  now?: () => number;
}

export interface Watchdog {
  /** Sends a request; resolves with the worker's reply, sent again to a fresh worker after a restart. */
  call: (method: string, args: readonly unknown[]) => Promise<unknown>;
  /** Terminates the current worker. `silent` leaves detection to the ping (a hang); otherwise it is reported as a
   * crash at once. Returns how many requests were outstanding. Used by the test hook `__harnScopeLab.killWorker`. */
  kill: (options?: { silent?: boolean }) => number;
  health: () => WorkerHealth;
  /** After a stop: start afresh (the next call starts a new worker). Does nothing unless stopped. */
  revive: () => void;
  /** Starts the worker now instead of at the first call (the page starts it before it renders: issue 30). */
  start: () => void;
}

/** The error a request is rejected with when the watchdog gave up on it or on the worker. */
export class WorkerRestartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerRestartError';
  }
}

interface Pending {
  method: string;
  args: readonly unknown[];
  sends: number;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export function createWatchdog(options: WatchdogOptions): Watchdog {
  const limits: WatchdogLimits = { ...WATCHDOG_LIMITS, ...options.limits };
  const now = options.now ?? (() => performance.now());
  const pending = new Set<Pending>();
  let worker: WatchedWorker | null = null;
  let generation = 0;
  let health: WorkerHealth = { kind: 'running', restarts: 0 };
  const restartTimes: number[] = [];
  // The outstanding ping (sent at `pingSentAt`), and the one check timer with when it was meant to fire.
  let pingSentAt: number | null = null;
  // Whether the current worker has answered anything yet (a reply or a ping): before that it is starting up.
  let answered = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let timerDue = 0;

  const setHealth = (next: WorkerHealth) => {
    health = next;
    options.onHealth?.(next);
  };

  const current = (): WatchedWorker => {
    if (!worker) {
      const mine = ++generation;
      answered = false;
      worker = options.spawn((detail) => {
        if (mine === generation) restart('crashed', detail);
      });
    }
    return worker;
  };

  const settle = (entry: Pending, mine: number, outcome: (entry: Pending) => void) => {
    // Replies from a worker that was replaced are dropped: the request was sent again to its successor.
    if (mine !== generation) return;
    answered = true;
    if (!pending.has(entry)) return;
    pending.delete(entry);
    outcome(entry);
  };

  const send = (entry: Pending) => {
    let target: WatchedWorker;
    try {
      target = current();
    } catch (error) {
      pending.delete(entry); // the worker could not even be constructed (e.g. refused by the page's CSP)
      entry.reject(error);
      return;
    }
    const mine = generation;
    entry.sends++;
    target.call(entry.method, entry.args).then(
      (value) => settle(entry, mine, (e) => e.resolve(value)),
      (error: unknown) => settle(entry, mine, (e) => e.reject(error)),
    );
    schedule();
  };

  const schedule = () => {
    if (timer !== null || pending.size === 0) return;
    timerDue = now() + limits.pingEveryMs;
    timer = setTimeout(check, limits.pingEveryMs);
  };

  const hangLimit = (): number => {
    if (!answered) return limits.startupAfterMs;
    const slow = options.slowMethods;
    return slow && [...pending].some((entry) => slow.has(entry.method)) ? limits.slowHangAfterMs : limits.hangAfterMs;
  };

  const check = () => {
    timer = null;
    if (pending.size === 0 || !worker) {
      pingSentAt = null;
      return;
    }
    const at = now();
    if (pingSentAt !== null && at - timerDue > limits.lateCheckMs) pingSentAt = at; // the page was blocked
    if (pingSentAt === null) {
      const target = worker;
      const mine = generation;
      pingSentAt = at;
      target.ping().then(
        () => {
          if (mine === generation) {
            pingSentAt = null;
            answered = true;
          }
        },
        () => undefined, // a failing ping says nothing the deadline will not
      );
    } else if (at - pingSentAt >= hangLimit()) {
      restart('hung', `no answer for ${Math.round(at - pingSentAt)} ms`);
      return;
    }
    schedule();
  };

  const revive = () => {
    if (health.kind !== 'stopped') return;
    restartTimes.length = 0;
    setHealth({ kind: 'running', restarts: health.restarts });
  };

  const restart = (reason: RestartReason, detail: string) => {
    worker?.terminate();
    worker = null;
    generation++;
    pingSentAt = null;
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const at = now();
    while (restartTimes.length > 0 && at - restartTimes[0]! > limits.restartWindowMs) restartTimes.shift();
    restartTimes.push(at);
    const restarts = health.restarts + 1;
    const waiting = [...pending];
    pending.clear();
    if (restartTimes.length > limits.maxRestarts) {
      setHealth({ kind: 'stopped', reason, restarts });
      for (const entry of waiting)
        entry.reject(
          new WorkerRestartError(`The core worker was stopped after repeated failures (${detail}).`),
        );
      return;
    }
    setHealth({ kind: 'restarted', reason, restarts });
    for (const entry of waiting) {
      if (entry.sends >= limits.maxSends) {
        entry.reject(
          new WorkerRestartError(
            `${entry.method} failed twice: the worker ${reason === 'hung' ? 'stopped answering' : 'crashed'} (${detail}).`,
          ),
        );
      } else {
        pending.add(entry);
        send(entry);
      }
    }
  };

  return {
    call: (method, args) => {
      // A stopped watchdog tries again once the restart window has passed since the last restart: one bad
      // minute (a burst of crashes) does not leave the page without a worker until reload.
      const last = restartTimes[restartTimes.length - 1];
      if (health.kind === 'stopped' && last !== undefined && now() - last > limits.restartWindowMs) revive();
      if (health.kind === 'stopped')
        return Promise.reject(
          new WorkerRestartError('The core worker was stopped after repeated failures; reload the page.'),
        );
      return new Promise((resolve, reject) => {
        const entry: Pending = { method, args, sends: 0, resolve, reject };
        pending.add(entry);
        send(entry);
      });
    },
    revive: () => revive(),
    start: () => {
      if (health.kind === 'stopped') return;
      try {
        current();
      } catch {
        // A worker that cannot be constructed is reported by the first call, as before.
      }
    },
    kill: ({ silent = false } = {}) => {
      const outstanding = pending.size;
      if (!worker) return outstanding;
      if (silent) worker.terminate();
      else restart('crashed', 'killed by the test hook');
      return outstanding;
    },
    health: () => health,
  };
}
