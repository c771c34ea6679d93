// Threads in the run settings: the state's copy of the limit and the pick words agree with core's, a scenario on one
// thread keeps no `threads` (so its link is byte-identical), and the chooser's picks replay the run they came from.
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { encodeLink, findExample, parsePick, pickOf, SCENARIO_LIMITS, simulate, validateScenario, type Scenario } from '../../src/core/index.ts';
import { picksBefore } from '../../src/state/slices/run.ts';
import { resetStore, useStore } from '../../src/state/store.ts';
import { MAX_THREADS, pickWord, THREAD_COUNTS, withThreads } from '../../src/state/threads.ts';

const f1 = findExample('f1-cwd-env')!.scenario;
const stealing = findExample('work-stealing')!.scenario;

beforeEach(() => resetStore());

describe('the state keeps in step with core', () => {
  it('offers exactly the thread counts the schema accepts', () => {
    expect(MAX_THREADS).toBe(SCENARIO_LIMITS.MAX_THREADS);
    expect(THREAD_COUNTS).toEqual([1, 2, 3, 4]);
    const accepts = (threads: number) => validateScenario({ version: 1, parent: { source: '' }, children: [], run: { threads } }).value !== null;
    for (const n of THREAD_COUNTS) expect(accepts(n)).toBe(true);
    expect(accepts(MAX_THREADS + 1)).toBe(false);
  });

  it('writes picks the way core reads them', () => {
    const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/);
    const thread = fc.option(fc.integer({ min: 1, max: MAX_THREADS }), { nil: null });
    fc.assert(
      fc.property(name, thread, (task, n) => {
        expect(pickWord(task, n)).toBe(pickOf(task, n));
        expect(parsePick(pickWord(task, n))).toEqual({ task, thread: n });
      }),
    );
  });
});

describe('withThreads', () => {
  it('leaves `threads` out at 1, so a link made after switching back is the old link', () => {
    const two = { ...f1, run: withThreads(f1.run, 2) };
    expect(two.run.threads).toBe(2);
    const back = { ...two, run: withThreads(two.run, 1) };
    expect('threads' in back.run).toBe(false);
    expect(back.run).toEqual(f1.run);
    expect(encodeLink(back)).toBe(encodeLink(f1));
    expect(encodeLink(two)).not.toBe(encodeLink(f1));
  });

  it('keeps a pick the new count can run, and drops only the thread of one it cannot', () => {
    const run = { ...stealing.run, schedule: { kind: 'picks' as const, picks: ['parent@1', 'alpha@3', 'alpha@2', 'alpha'] } };
    expect(withThreads(run, 2).schedule).toEqual({ kind: 'picks', picks: ['parent@1', 'alpha', 'alpha@2', 'alpha'] });
    expect(withThreads(run, 1).schedule).toEqual({ kind: 'picks', picks: ['parent@1', 'alpha', 'alpha', 'alpha'] });
    for (const n of THREAD_COUNTS) expect(validateScenario({ ...stealing, run: withThreads(run, n) }).errors).toEqual([]);
  });
});

describe('setThreads', () => {
  it('changes run.threads and lands the next trace on the moment shown', () => {
    useStore.getState().loadScenario(stealing);
    useStore.getState().setThreads(3);
    expect(useStore.getState().scenario.run.threads).toBe(3);
    useStore.getState().setThreads(1);
    expect('threads' in useStore.getState().scenario.run).toBe(false);
  });
});

/** The trace of `scenario` with `picks`, as text up to step `until` (its narration and thread per step). */
function traceUpTo(scenario: Scenario, picks: string[], until: number): string[] {
  const { steps } = simulate({ ...scenario, run: { ...scenario.run, schedule: { kind: 'picks', picks } } });
  return steps.slice(0, until + 1).map((s) => `${s.narration} ${s.snapshot.threadId ?? ''}`);
}

describe('picks from the chooser', () => {
  it('name the thread of every earlier choice point, and replay the trace exactly', () => {
    // A seeded random schedule on three threads picks threads FIFO would not: a pick without its thread (which takes
    // the thread free longest) would replay another run.
    const random: Scenario = { ...f1, run: { ...f1.run, threads: 3, schedule: { kind: 'random', seed: 11 } } };
    const result = simulate(random);
    const text = (steps: typeof result.steps) => steps.map((s) => `${s.narration} ${s.snapshot.threadId ?? ''}`);
    const chosen = result.steps.filter((s) => s.kind === 'poll-enter' && s.choice !== null);
    expect(chosen.length).toBeGreaterThan(4);
    for (const step of chosen) {
      const picks = picksBefore(result, step.index);
      expect(picks.every((p) => /@[1-3]$/.test(p))).toBe(true);
      expect(traceUpTo(random, picks, step.index - 1)).toEqual(text(result.steps.slice(0, step.index)));
    }
    const all = picksBefore(result, result.steps.length);
    expect(traceUpTo(random, all, result.steps.length)).toEqual(text(result.steps));
    const tasksOnly = all.map((p) => parsePick(p).task);
    expect(traceUpTo(random, tasksOnly, result.steps.length)).not.toEqual(text(result.steps));
  });

  it('with one thread are task names, as before threads', () => {
    const result = simulate(f1);
    expect(picksBefore(result, result.steps.length).every((p) => !p.includes('@'))).toBe(true);
  });

  it('choose appends the task on its thread to the earlier picks', () => {
    useStore.getState().loadScenario(stealing);
    const result = simulate(stealing);
    // As the simulation loop receives it: the trace of the scenario on screen.
    useStore.setState({ simulation: result, simulatedScenario: useStore.getState().scenario });
    const migration = result.steps.find((s) => s.kind === 'poll-enter' && s.migration)!;
    useStore.getState().choose(migration.index, 'alpha', 1);
    expect(useStore.getState().scenario.run.schedule).toEqual({ kind: 'picks', picks: ['parent@1', 'alpha@1', 'parent@1', 'alpha@1', 'alpha@1'] });
  });
});
