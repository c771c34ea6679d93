// The worker watchdog's logic against a fake worker and fake timers: crashes and hangs restart the worker and
// resend what was outstanding, slow-but-alive workers are left alone, stale replies are dropped, and repeated
// failures stop it instead of looping.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createWatchdog,
  WATCHDOG_LIMITS,
  WorkerRestartError,
  type WatchedWorker,
  type WorkerHealth,
} from '../../src/worker/watchdog.ts';

interface FakeCall {
  method: string;
  args: readonly unknown[];
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** A worker whose replies the test hands out; `alive` workers answer pings at once, others never. */
interface FakeWorker extends WatchedWorker {
  id: number;
  calls: FakeCall[];
  alive: boolean;
  terminated: boolean;
  crash: (detail: string) => void;
}

function createFakes() {
  const workers: FakeWorker[] = [];
  const health: WorkerHealth[] = [];
  const spawn = (onFailure: (detail: string) => void): FakeWorker => {
    const fake: FakeWorker = {
      id: workers.length,
      calls: [],
      alive: true,
      terminated: false,
      crash: onFailure,
      call: (method, args) =>
        new Promise((resolve, reject) => fake.calls.push({ method, args, resolve, reject })),
      ping: () =>
        fake.alive && !fake.terminated ? Promise.resolve(undefined) : new Promise(() => undefined),
      terminate: () => {
        fake.terminated = true;
      },
    };
    workers.push(fake);
    return fake;
  };
  const dog = createWatchdog({ spawn, onHealth: (h) => health.push(h), now: () => Date.now(), slowMethods: new Set(['simulate']) });
  return { dog, workers, health };
}

/** Lets promise callbacks run (replies and pings resolve in microtasks). */
const flush = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('worker watchdog', () => {
  it('passes calls through to one worker, started on the first call, and resolves with its reply', async () => {
    const { dog, workers, health } = createFakes();
    expect(workers).toHaveLength(0);
    const reply = dog.call('analyzeScenario', [{ parent: 'p' }]);
    expect(workers).toHaveLength(1);
    expect(workers[0]!.calls[0]).toMatchObject({ method: 'analyzeScenario', args: [{ parent: 'p' }] });
    workers[0]!.calls[0]!.resolve('result');
    await expect(reply).resolves.toBe('result');
    expect(health).toEqual([]);
  });

  it('start() spawns the worker before any call, once, and the first call goes to that worker', async () => {
    const { dog, workers } = createFakes();
    dog.start();
    dog.start();
    expect(workers).toHaveLength(1);
    const reply = dog.call('simulate', []);
    expect(workers).toHaveLength(1);
    workers[0]!.calls[0]!.resolve('trace');
    await expect(reply).resolves.toBe('trace');
  });

  it('passes a rejected call through without restarting (an error from core is not a dead worker)', async () => {
    const { dog, workers, health } = createFakes();
    const reply = dog.call('simulate', []);
    workers[0]!.calls[0]!.reject(new Error('bad scenario'));
    await expect(reply).rejects.toThrow('bad scenario');
    expect(workers).toHaveLength(1);
    expect(health).toEqual([]);
  });

  it('on a crash, terminates the worker, starts a new one, reports the restart and resends every outstanding call', async () => {
    const { dog, workers, health } = createFakes();
    const analysis = dog.call('analyzeScenario', ['sources']);
    const simulation = dog.call('simulate', ['scenario']);
    workers[0]!.crash('boom');
    expect(workers[0]!.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(health).toEqual([{ kind: 'restarted', reason: 'crashed', restarts: 1 }]);
    expect(workers[1]!.calls.map((c) => [c.method, c.args])).toEqual([
      ['analyzeScenario', ['sources']],
      ['simulate', ['scenario']],
    ]);
    workers[1]!.calls[0]!.resolve('analysis');
    workers[1]!.calls[1]!.resolve('trace');
    await expect(analysis).resolves.toBe('analysis');
    await expect(simulation).resolves.toBe('trace');
  });

  it("drops a late reply from the replaced worker and keeps the new worker's", async () => {
    const { dog, workers } = createFakes();
    const reply = dog.call('analyzeScenario', ['v1']);
    workers[0]!.crash('boom');
    workers[0]!.calls[0]!.resolve('stale');
    workers[1]!.calls[0]!.resolve('fresh');
    await expect(reply).resolves.toBe('fresh');
  });

  it('ignores a crash report from a worker that was already replaced', () => {
    const { dog, workers, health } = createFakes();
    void dog.call('analyzeScenario', []);
    workers[0]!.crash('first');
    workers[0]!.crash('late duplicate');
    expect(workers).toHaveLength(2);
    expect(health).toHaveLength(1);
  });

  it('restarts a worker that leaves the liveness ping unanswered for the hang limit while a call is outstanding', async () => {
    const { dog, workers, health } = createFakes();
    const reply = dog.call('analyzeScenario', ['sources']);
    await vi.advanceTimersByTimeAsync(WATCHDOG_LIMITS.pingEveryMs); // the first ping is answered: the worker has started
    workers[0]!.alive = false;
    await vi.advanceTimersByTimeAsync(WATCHDOG_LIMITS.pingEveryMs + WATCHDOG_LIMITS.hangAfterMs - 10);
    expect(workers).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(WATCHDOG_LIMITS.pingEveryMs + 20);
    expect(workers).toHaveLength(2);
    expect(workers[0]!.terminated).toBe(true);
    expect(health).toEqual([{ kind: 'restarted', reason: 'hung', restarts: 1 }]);
    workers[1]!.calls[0]!.resolve('result');
    await expect(reply).resolves.toBe('result');
  });

  it('gives a worker that has not answered yet the startup limit, not the hang limit (a cold dev server compiles it)', async () => {
    const { dog, workers, health } = createFakes();
    const reply = dog.call('analyzeScenario', ['sources']);
    workers[0]!.alive = false; // still loading its modules: no answer to anything yet
    await vi.advanceTimersByTimeAsync(WATCHDOG_LIMITS.hangAfterMs * 4);
    expect(workers).toHaveLength(1);
    expect(health).toEqual([]);
    workers[0]!.calls[0]!.resolve('late but fine');
    await expect(reply).resolves.toBe('late but fine');
  });

  it('restarts a worker that never answers within the startup limit', async () => {
    const { dog, workers, health } = createFakes();
    void dog.call('analyzeScenario', ['sources']);
    workers[0]!.alive = false;
    await vi.advanceTimersByTimeAsync(WATCHDOG_LIMITS.startupAfterMs + 2 * WATCHDOG_LIMITS.pingEveryMs);
    expect(workers).toHaveLength(2);
    expect(health).toEqual([{ kind: 'restarted', reason: 'hung', restarts: 1 }]);
  });

  it('leaves a slow worker alone while it keeps answering pings (a long exploration yields between slices)', async () => {
    const { dog, workers, health } = createFakes();
    const reply = dog.call('startExplore', [1]);
    await vi.advanceTimersByTimeAsync(WATCHDOG_LIMITS.hangAfterMs * 10);
    expect(workers).toHaveLength(1);
    expect(health).toEqual([]);
    workers[0]!.calls[0]!.resolve('explored');
    await expect(reply).resolves.toBe('explored');
  });

  it('sends no pings while nothing is outstanding, so an idle page costs nothing', async () => {
    const { dog, workers } = createFakes();
    const reply = dog.call('examples', []);
    const ping = vi.spyOn(workers[0]!, 'ping');
    workers[0]!.calls[0]!.resolve([]);
    await reply;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(ping).toHaveBeenCalledTimes(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('gives a ping a fresh deadline when the page itself was blocked past the check time', async () => {
    const { dog, workers } = createFakes();
    void dog.call('analyzeScenario', []);
    await vi.advanceTimersByTimeAsync(WATCHDOG_LIMITS.pingEveryMs); // the first ping is answered: the worker has started
    workers[0]!.alive = false;
    await vi.advanceTimersByTimeAsync(WATCHDOG_LIMITS.pingEveryMs); // the ping goes out
    // The page's main thread is blocked for 3 s: the clock moves on but no timer runs meanwhile.
    vi.setSystemTime(Date.now() + 3000);
    await vi.advanceTimersByTimeAsync(WATCHDOG_LIMITS.pingEveryMs);
    expect(workers).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(WATCHDOG_LIMITS.hangAfterMs + WATCHDOG_LIMITS.pingEveryMs);
    expect(workers).toHaveLength(2);
  });

  it('answers a call that fails a fresh worker too with an error instead of resending it forever', async () => {
    const { dog, workers, health } = createFakes();
    const reply = dog.call('analyzeScenario', ['poison']);
    workers[0]!.crash('first');
    workers[1]!.crash('second');
    await expect(reply).rejects.toBeInstanceOf(WorkerRestartError);
    expect(health.at(-1)).toEqual({ kind: 'restarted', reason: 'crashed', restarts: 2 });
    // The watchdog is still usable: the next call goes to a third worker.
    const next = dog.call('analyzeScenario', ['fine']);
    expect(workers).toHaveLength(3);
    workers[2]!.calls[0]!.resolve('ok');
    await expect(next).resolves.toBe('ok');
  });

  it('stops after more than the allowed restarts within the window, and then fails calls at once', async () => {
    const { dog, workers, health } = createFakes();
    for (let i = 0; i <= WATCHDOG_LIMITS.maxRestarts; i++) {
      void dog.call('analyzeScenario', [i]).catch(() => undefined);
      workers.at(-1)!.crash(`crash ${i}`);
      await flush();
    }
    expect(health.at(-1)).toEqual({
      kind: 'stopped',
      reason: 'crashed',
      restarts: WATCHDOG_LIMITS.maxRestarts + 1,
    });
    const spawned = workers.length;
    await expect(dog.call('analyzeScenario', [])).rejects.toThrow(/reload the page/);
    expect(workers).toHaveLength(spawned);
  });

  it('after a stop, starts afresh on revive, and by itself on a call once the restart window has passed', async () => {
    const { dog, workers, health } = createFakes();
    for (let i = 0; i <= WATCHDOG_LIMITS.maxRestarts; i++) {
      void dog.call('analyzeScenario', [i]).catch(() => undefined);
      workers.at(-1)!.crash(`crash ${i}`);
      await flush();
    }
    expect(dog.health().kind).toBe('stopped');
    dog.revive();
    expect(health.at(-1)).toEqual({ kind: 'running', restarts: WATCHDOG_LIMITS.maxRestarts + 1 });
    const revived = dog.call('analyzeScenario', ['again']);
    workers.at(-1)!.calls.at(-1)!.resolve('fine');
    await expect(revived).resolves.toBe('fine');

    for (let i = 0; i <= WATCHDOG_LIMITS.maxRestarts; i++) {
      void dog.call('analyzeScenario', [i]).catch(() => undefined);
      workers.at(-1)!.crash(`crash ${i}`);
      await flush();
    }
    expect(dog.health().kind).toBe('stopped');
    await expect(dog.call('analyzeScenario', [])).rejects.toThrow(/reload the page/);
    vi.setSystemTime(Date.now() + WATCHDOG_LIMITS.restartWindowMs + 1);
    const later = dog.call('analyzeScenario', ['later']);
    workers.at(-1)!.calls.at(-1)!.resolve('back');
    await expect(later).resolves.toBe('back');
    expect(dog.health().kind).toBe('running');
  });

  it('waits the slow-call limit, not the hang limit, while a simulation is outstanding', async () => {
    const { dog, workers } = createFakes();
    void dog.call('simulate', ['scenario']);
    await vi.advanceTimersByTimeAsync(WATCHDOG_LIMITS.pingEveryMs);
    workers[0]!.alive = false; // busy in a long synchronous call: pings go unanswered
    await vi.advanceTimersByTimeAsync(WATCHDOG_LIMITS.hangAfterMs * 2);
    expect(workers).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(WATCHDOG_LIMITS.slowHangAfterMs);
    expect(workers).toHaveLength(2);
  });

  it('forgets restarts older than the window', async () => {
    const { dog, workers, health } = createFakes();
    for (let i = 0; i <= WATCHDOG_LIMITS.maxRestarts; i++) {
      void dog.call('analyzeScenario', [i]).catch(() => undefined);
      workers.at(-1)!.crash(`crash ${i}`);
      vi.setSystemTime(Date.now() + WATCHDOG_LIMITS.restartWindowMs);
      await flush();
    }
    expect(health.at(-1)?.kind).toBe('restarted');
  });

  it('kill reports a crash at once and says how many calls were outstanding; a silent kill is left to the ping', async () => {
    const { dog, workers, health } = createFakes();
    void dog.call('analyzeScenario', []);
    expect(dog.kill({ silent: true })).toBe(1);
    expect(workers[0]!.terminated).toBe(true);
    expect(health).toEqual([]);
    expect(dog.kill()).toBe(1);
    expect(workers).toHaveLength(2);
    expect(health).toEqual([{ kind: 'restarted', reason: 'crashed', restarts: 1 }]);
  });

  it('rejects the call when the worker cannot even be constructed', async () => {
    const dog = createWatchdog({
      spawn: () => {
        throw new Error('refused by CSP');
      },
    });
    await expect(dog.call('examples', [])).rejects.toThrow('refused by CSP');
  });
});
