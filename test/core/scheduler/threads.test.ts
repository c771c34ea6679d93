// Several simulated threads (a work-stealing runtime): the seed's F1/F2 tests on two threads with alpha and beta
// each resumed on the other thread, a single child resumed on another thread, and threads: 1 unchanged.
import { describe, expect, it } from 'vitest';
import {
  SLOT,
  createContextValue,
  createSessionValue,
  op,
  type Op,
  type TracedRun,
} from '../../../src/core/scheduler/index.ts';
import {
  EXAMPLES,
  decodeLink,
  encodeLink,
  normalizeScenario,
  simulate,
  validateScenario,
  type ScenarioInput,
} from '../../../src/core/index.ts';
import { observedReads, runRoots, task } from './helpers.ts';

function setThenRead(slot: number, value: ReturnType<typeof createContextValue>, what: string): Op[] {
  return [op.set(slot, value), op.yieldNow(), op.yieldNow(), op.read(slot, what)];
}

// The seed's two tasks: alpha and beta each set their own value of `slot`, yield twice, and read it back.
function alphaAndBeta(slot: number, valueOf: (owner: string) => ReturnType<typeof createContextValue>, what: string) {
  return [task('alpha', setThenRead(slot, valueOf('alpha'), what)), task('beta', setThenRead(slot, valueOf('beta'), what))];
}

// alpha installs on thread 1 and beta on thread 2; then each resumes on the other's thread, yields, and reads
// there: alpha on thread 2, beta on thread 1.
const CROSSED = ['alpha@1', 'beta@2', 'alpha@2', 'beta@1', 'alpha@2', 'beta@1'];

function pollThreads(result: TracedRun, name: string): number[] {
  return result.steps.flatMap((s) => (s.kind === 'poll-enter' && s.task === name ? [s.thread!] : []));
}

function lastSnapshot(result: TracedRun) {
  return result.steps.at(-1)!.snapshot;
}

function twoThreads(tasks: ReturnType<typeof task>[], mode: 'scoped' | 'unscoped', captured?: string[]) {
  return runRoots(tasks, {
    mode,
    threads: 2,
    schedule: { kind: 'picks', picks: CROSSED },
    ...(captured ? { captured } : {}),
  });
}

describe('scoped_tasks_do_not_cross_wire_execution_context (F1) on two threads', () => {
  const tasks = () => alphaAndBeta(SLOT.executionContext, createContextValue, 'current_execution_context()');

  it('resumes alpha and beta each on the other thread', () => {
    const result = twoThreads(tasks(), 'scoped');
    expect(result.summary.ignoredPicks).toEqual([]);
    expect(pollThreads(result, 'alpha')).toEqual([1, 2, 2]);
    expect(pollThreads(result, 'beta')).toEqual([2, 1, 1]);
    expect(result.summary.migrations).toBe(3);
  });

  it('reads back each task its own cwd and env when scoped, and leaves both threads clean', () => {
    const result = twoThreads(tasks(), 'scoped');
    expect(observedReads(result, 'alpha')).toEqual(['ctx(cwd=/worktrees/alpha, env WORKER=alpha)']);
    expect(observedReads(result, 'beta')).toEqual(['ctx(cwd=/worktrees/beta, env WORKER=beta)']);
    expect(result.summary.crosswires).toEqual([]);
    expect(result.summary.leaks).toEqual([]);
    const end = lastSnapshot(result);
    expect(end.threads).toHaveLength(2);
    for (const registers of end.threads!) expect(registers[SLOT.executionContext]).toBeNull();
    expect(result.summary.message).toContain("every thread's outer values are left clean");
  });

  it('cross-wires both ways when unscoped, each from a migration, on the thread it moved to', () => {
    const result = twoThreads(tasks(), 'unscoped');
    expect(observedReads(result, 'alpha')).toEqual(['ctx(cwd=/worktrees/beta, env WORKER=beta)']);
    expect(observedReads(result, 'beta')).toEqual(['ctx(cwd=/worktrees/alpha, env WORKER=alpha)']);
    expect(result.summary.crosswires).toMatchObject([
      { task: 'alpha', slot: 'VM_EXECUTION_CONTEXT', thread: 2, cause: 'migration' },
      { task: 'beta', slot: 'VM_EXECUTION_CONTEXT', thread: 1, cause: 'migration' },
    ]);
    expect(result.summary.leaks).toEqual(['VM_EXECUTION_CONTEXT']);
    const end = lastSnapshot(result);
    expect(end.threads!.map((registers) => (registers[SLOT.executionContext] as { owner: string }).owner)).toEqual([
      'alpha',
      'beta',
    ]);
  });
});

describe('scoped_tasks_do_not_cross_wire_mutation_session (F2) on two threads', () => {
  const tasks = () => alphaAndBeta(SLOT.mutationSession, createSessionValue, 'current_mutation_session()');

  it('reads back each task its own session when scoped, both threads left clean', () => {
    const result = twoThreads(tasks(), 'scoped');
    expect(observedReads(result, 'alpha')).toEqual(['session-alpha/run-alpha']);
    expect(observedReads(result, 'beta')).toEqual(['session-beta/run-beta']);
    expect(result.summary.leaks).toEqual([]);
    for (const registers of lastSnapshot(result).threads!) expect(registers[SLOT.mutationSession]).toBeNull();
  });

  it('attributes each task to the other session when unscoped', () => {
    const result = twoThreads(tasks(), 'unscoped');
    expect(observedReads(result, 'alpha')).toEqual(['session-beta/run-beta']);
    expect(observedReads(result, 'beta')).toEqual(['session-alpha/run-alpha']);
    expect(result.summary.crosswires.map((c) => [c.task, c.cause])).toEqual([
      ['alpha', 'migration'],
      ['beta', 'migration'],
    ]);
  });

  it('cross-wires again in scoped mode once CURRENT_MUTATION_SESSION is uncaptured', () => {
    const result = twoThreads(tasks(), 'scoped', ['EXECUTION_POLICY_STACK', 'VM_EXECUTION_CONTEXT']);
    expect(observedReads(result, 'alpha')).toEqual(['session-beta/run-beta']);
  });
});

describe('a task that never leaves its thread', () => {
  it('calls a cross-wire from a sibling on the same thread a sibling one', () => {
    const tasks = alphaAndBeta(SLOT.executionContext, createContextValue, 'current_execution_context()');
    const picks = ['alpha@1', 'beta@1', 'alpha@1', 'beta@1', 'alpha@1', 'beta@1'];
    const result = runRoots(tasks, { mode: 'unscoped', threads: 2, schedule: { kind: 'picks', picks } });
    expect(result.summary.migrations).toBe(0);
    expect(result.summary.crosswires.map((c) => [c.task, c.thread, c.cause])).toEqual([
      ['alpha', 1, 'sibling'],
    ]);
  });
});

// A single child: it sets its execution context in its prologue, awaits a model call, and resumes on the other
// thread before it writes.
const SINGLE: ScenarioInput = {
  version: 1,
  parent: {
    source: 'pipeline main() {\n  spawn_agent("writer")\n}',
    grant: [
      { kind: { kind: 'llm' }, scope: 'write' },
      { kind: { kind: 'fs' }, scope: 'write' },
    ],
  },
  children: [
    { name: 'alpha', source: 'pipeline main() {\n  let plan = llm_call("plan")\n  write_file("notes.txt", plan)\n}' },
  ],
  run: { mode: 'unscoped', threads: 2 },
};

describe('one child resumed on another thread', () => {
  // The parent and alpha stay on thread 1 until alpha's model call returns; alpha then resumes on thread 2.
  const picks = ['parent@1', 'alpha@1', 'alpha@1', 'parent@1', 'alpha@2', 'parent@1'];
  const scenario = normalizeScenario({ ...SINGLE, run: { ...SINGLE.run, schedule: { kind: 'picks', picks } } });

  it('cross-wires VM_EXECUTION_CONTEXT unscoped, marked as a migration', () => {
    const result = simulate(scenario, { mode: 'unscoped' });
    expect(result.summary.ignoredPicks).toEqual([]);
    const ctx = result.summary.crosswires.filter((c) => c.slot === 'VM_EXECUTION_CONTEXT');
    expect(ctx.length).toBe(1);
    expect(ctx[0]).toMatchObject({ task: 'alpha', thread: 2, cause: 'migration' });
    const poll = result.steps.find((s) => s.kind === 'poll-enter' && s.task === 'alpha' && s.migration);
    expect(poll?.narration).toMatch(/^alpha resumes on thread 2; it last ran on thread 1/);
    // alpha's own values stayed on thread 1; the parent, which never left thread 1, then pops what alpha left there.
    const causes = new Set(result.summary.crosswires.map((c) => `${c.task}:${c.cause}`));
    expect([...causes]).toEqual(['alpha:migration', 'parent:sibling']);
  });

  it('has no cross-wire scoped, and every thread ends with its outer values restored', () => {
    const result = simulate(scenario, { mode: 'scoped' });
    expect(result.summary.crosswires).toEqual([]);
    expect(result.summary.leaks).toEqual([]);
    expect(result.summary.migrations).toBe(1);
    const end = result.steps.at(-1)!.snapshot;
    for (const registers of end.threads!) for (const value of registers) expect([null, 0]).toContainEqual(
      Array.isArray(value) && value.length === 0 ? null : value,
    );
  });

  it('leaks a panicking poll into the thread it panicked on, naive', () => {
    const panicking = normalizeScenario({
      ...SINGLE,
      children: [{ name: 'alpha', source: 'pipeline main() {\n  let plan = llm_call("plan")\n  throw "boom"\n}' }],
      run: { mode: 'naive', threads: 2, schedule: { kind: 'picks', picks } },
    });
    const result = simulate(panicking);
    expect(result.summary.panics).toEqual(['alpha']);
    const end = result.steps.at(-1)!.snapshot;
    const owners = (k: number) =>
      end.threads![k]!.flatMap((value) => {
        const top = Array.isArray(value) ? value.at(-1) : value;
        return top && typeof top === 'object' && 'owner' in top ? [top.owner] : [];
      });
    expect(owners(1)).toContain('alpha');
    expect(owners(0)).not.toContain('alpha');
    expect(result.summary.leaks.length).toBe(7);
  });
});

describe('threads: 1 is the LocalSet, unchanged', () => {
  it('normalizes threads: 1 away, so its links and traces are those of a scenario without it', () => {
    for (const example of EXAMPLES.filter((lesson) => lesson.scenario.run.threads === undefined)) {
      const withOne = normalizeScenario({ ...example.scenario, run: { ...example.scenario.run, threads: 1 } });
      expect(withOne).toEqual(example.scenario);
      expect(encodeLink(withOne)).toBe(encodeLink(example.scenario));
      const traced = simulate(withOne);
      expect(traced).toEqual(simulate(example.scenario));
      expect(JSON.stringify(traced)).not.toContain('"threads"');
      expect(JSON.stringify(traced)).not.toContain('"migration');
    }
  });

  it('keeps threads in a link when it is more than one, and refuses 0, 5 and a pick past the last thread', () => {
    const two = normalizeScenario(SINGLE);
    const decoded = decodeLink(encodeLink(two));
    expect(decoded.value?.run.threads).toBe(2);
    expect(validateScenario({ ...SINGLE, run: { threads: 0 } }).value).toBeNull();
    expect(validateScenario({ ...SINGLE, run: { threads: 5 } }).value).toBeNull();
    const past = validateScenario({ ...SINGLE, run: { threads: 2, schedule: { kind: 'picks', picks: ['alpha@3'] } } });
    expect(past.value).toBeNull();
    expect(JSON.stringify(past)).toContain('names thread 3, but run.threads is 2');
  });
});

describe('the words for threads', () => {
  it('puts the thread and the migration in the scrub mark and the Markdown report', async () => {
    const { scenarioMarkdown } = await import('../../../src/core/index.ts');
    const picks = ['parent@1', 'alpha@1', 'alpha@1', 'parent@1', 'alpha@2', 'parent@1'];
    const scenario = normalizeScenario({ ...SINGLE, run: { ...SINGLE.run, schedule: { kind: 'picks', picks } } });
    const result = simulate(scenario);
    const first = result.summary.crosswires[0]!;
    expect(result.markers.find((mark) => mark.kind === 'crosswire')?.what).toBe(
      `alpha reads ${first.slot} on thread 2, after a migration`,
    );
    const report = scenarioMarkdown(scenario, result, { step: first.step });
    expect(report).toContain('- **Threads:** 2 (work stealing; 1 migration)');
    expect(report).toContain('- **Task:** alpha on thread 2, after a migration');
  });
});
