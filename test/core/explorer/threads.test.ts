// The explorer over thread choices (issue 18): with several threads a choice point's options are (ready task,
// free thread). A brute force written here (DFS over every option of every choice point, re-running the
// executor from the start with a prefix) is the reference: the unpruned search runs exactly its schedules, the
// pruned one exactly those whose thread sequence is restricted-growth (one per renaming of the threads), with
// the same verdicts and failing outcomes; every schedule's preemptions and migrations are the brute force's,
// and the first failure reported is one of the cheapest.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RUN_OPTIONS,
  SLOT,
  compileScenario,
  createContextValue,
  createPolicyValue,
  createRunner,
  execConfigOf,
  explore,
  findExample,
  op,
  pickOf,
  replayScenario,
  runOptionsOf,
  simulate,
  type ExecConfig,
  type ExecMode,
  type ExploredSchedule,
  type Op,
  type Scenario,
  type TaskProgram,
  type TaskSet,
} from '../../../src/core/index.ts';
import { createSearchEngine } from '../../../src/core/explorer/search.ts';
import { L, MODES, Y, createOutcomeSignature, fanOut, readsRecorder } from './helpers.ts';

/** One complete schedule of the brute force. */
interface Leaf {
  /** `name@thread` per choice point (1-based threads). */
  picks: string[];
  /** The 0-based thread of each choice point. */
  threads: number[];
  preemptions: number;
  migrations: number;
  failing: boolean;
  /** Every read (task, slot, access, expected, observed) in order, the leaks and the panics: no thread in it. */
  signature: string;
}

/**
 * Every schedule of a task set, by depth-first search over the option indices the executor offers
 * (`task + ready.length * f`: ready[task] on thread free[f]). Each node re-runs the executor from the start,
 * replaying its prefix and stopping (choice -1) at the first choice point past it. Costs are counted from their
 * definitions: a preemption is a choice of another task while the task polled just before is ready again (it
 * awaited); a migration a poll on another thread than the task's last (its spawner's before its first poll).
 */
function bruteForce(taskSet: TaskSet, exec: ExecConfig): Leaf[] {
  const runner = createRunner(taskSet, { ...exec, ignoreLatency: true });
  const names = taskSet.tasks.map((task) => task.name);
  const leaves: Leaf[] = [];
  const stack: number[][] = [[]];
  while (stack.length > 0) {
    const prefix = stack.pop()!;
    const reads: string[] = [];
    const picks: string[] = [];
    const threads: number[] = [];
    let options = 0;
    let preemptions = 0;
    let migrations = 0;
    let previous = -1;
    const recorder = readsRecorder(names, reads);
    let k = 0;
    const outcome = runner.run((ready, state) => {
      if (k === prefix.length) {
        options = ready.length * state.free.length;
        return -1;
      }
      const option = prefix[k++]!;
      const task = ready[option % ready.length]!;
      const thread = state.free[Math.floor(option / ready.length)]!;
      if (previous >= 0 && previous !== task && ready.includes(previous)) preemptions++;
      if (thread !== state.tasks[task]!.thread) migrations++;
      previous = task;
      picks.push(pickOf(names[task]!, thread + 1));
      threads.push(thread);
      return option;
    }, recorder);
    if (outcome.status === 'awaiting-choice') {
      for (let option = options - 1; option >= 0; option--) stack.push([...prefix, option]);
      continue;
    }
    expect(outcome.status).toBe('finished');
    expect(outcome.migrations).toBe(migrations);
    leaves.push({
      picks,
      threads,
      preemptions,
      migrations,
      failing: outcome.crosswires > 0 || outcome.leaks.length > 0,
      signature: JSON.stringify({ reads, leaks: outcome.leaks, panics: outcome.panics }),
    });
  }
  return leaves;
}

/** Restricted growth: the first thread is 0 and each new one is the lowest unused (one labeling per renaming). */
function isCanonical(threads: readonly number[]): boolean {
  let used = 0;
  for (const thread of threads) {
    if (thread > used) return false;
    if (thread === used) used++;
  }
  return true;
}

interface EngineRun {
  picks: string;
  preemptions: number;
  migrations: number;
  failing: boolean;
}

/** Every complete schedule the search engine runs, with its picks as words. */
function engineRuns(taskSet: TaskSet, exec: ExecConfig, prune: boolean): EngineRun[] {
  const engine = createSearchEngine(taskSet, exec, { prune, maxBound: Infinity, stopAfterFailingBucket: false });
  const names = taskSet.tasks.map((task) => task.name);
  const n = names.length;
  const runs: EngineRun[] = [];
  while (!engine.exhausted) {
    engine.runSlice(1_000, (kind, run) => {
      expect(kind).toBe('schedule');
      runs.push({
        picks: run.picks.map((e) => pickOf(names[e % n]!, Math.floor(e / n) + 1)).join(','),
        preemptions: run.preemptions,
        migrations: run.migrations,
        failing: run.outcome.crosswires > 0 || run.outcome.leaks.length > 0,
      });
    });
  }
  return runs;
}

/** The engine against the brute force on one task set: exact schedule sets, costs, verdicts and outcomes. */
function expectMatchesBruteForce(taskSet: TaskSet, exec: ExecConfig): { leaves: Leaf[]; canonical: Leaf[] } {
  const leaves = bruteForce(taskSet, exec);
  const byPicks = new Map(leaves.map((leaf) => [leaf.picks.join(','), leaf]));
  expect(byPicks.size).toBe(leaves.length);
  const canonical = leaves.filter((leaf) => isCanonical(leaf.threads));
  expect(canonical.length).toBeLessThan(leaves.length);

  const full = engineRuns(taskSet, exec, false);
  const pruned = engineRuns(taskSet, exec, true);
  expect(full.length).toBe(leaves.length);
  expect(new Set(full.map((r) => r.picks))).toEqual(new Set(byPicks.keys()));
  expect(pruned.length).toBe(canonical.length);
  expect(new Set(pruned.map((r) => r.picks))).toEqual(new Set(canonical.map((leaf) => leaf.picks.join(','))));
  for (const run of [...full, ...pruned]) {
    const leaf = byPicks.get(run.picks)!;
    expect({ preemptions: run.preemptions, migrations: run.migrations, failing: run.failing }).toEqual({
      preemptions: leaf.preemptions,
      migrations: leaf.migrations,
      failing: leaf.failing,
    });
  }
  // Thread renaming changes no read, leak or panic: every schedule's outcome is its canonical renaming's.
  for (const leaf of leaves) {
    const rename = new Map<number, number>();
    const renamed = leaf.picks.map((pick, i) => {
      const thread = leaf.threads[i]!;
      if (!rename.has(thread)) rename.set(thread, rename.size);
      return pick.replace(/@\d+$/, `@${rename.get(thread)! + 1}`);
    });
    expect(byPicks.get(renamed.join(','))!.signature).toBe(leaf.signature);
  }
  const failingOutcomes = (list: readonly Leaf[]) => new Set(list.filter((l) => l.failing).map((l) => l.signature));
  expect(failingOutcomes(canonical)).toEqual(failingOutcomes(leaves));
  return { leaves, canonical };
}

function task(name: string, ops: Op[]): TaskProgram {
  return { name, role: 'task', ops, refusal: null };
}

/** The seed's F1 and policy tests: each task installs its own value, awaits, then reads it back. */
function installAwaitRead(awaits: number): TaskSet {
  const body = (name: string): Op[] => [
    op.set(SLOT.executionContext, createContextValue(name)),
    op.push(SLOT.executionPolicy, createPolicyValue(name, null)),
    ...Array.from({ length: awaits }, () => op.yieldNow()),
    op.read(SLOT.executionContext, 'current_execution_context()'),
    op.pop(SLOT.executionPolicy),
    op.unset(SLOT.executionContext),
  ];
  return { tasks: [task('alpha', body('alpha')), task('beta', body('beta'))], roots: [0, 1] };
}

function execOf(mode: ExecMode, threads: number): ExecConfig {
  return execConfigOf({ ...DEFAULT_RUN_OPTIONS, mode, threads, ignoreLatency: true });
}

describe('2 threads × 2 tasks × 1–2 awaits against a brute force', () => {
  for (const awaits of [1, 2]) {
    for (const mode of MODES) {
      it(`hand-made tasks with ${awaits} await(s), ${mode}: exact counts with and without pruning, same verdicts`, () => {
        const { leaves, canonical } = expectMatchesBruteForce(installAwaitRead(awaits), execOf(mode, 2));
        // Each task is polled awaits + 1 times: C(2(a+1), a+1) interleavings, 2 threads at each of 2(a+1) polls;
        // two threads give every class exactly two labelings.
        const polls = 2 * (awaits + 1);
        const interleavings = awaits === 1 ? 6 : 20;
        expect(leaves.length).toBe(interleavings * 2 ** polls);
        expect(canonical.length).toBe(leaves.length / 2);
        // Naive differs from scoped only when a poll panics.
        expect(leaves.some((leaf) => leaf.failing)).toBe(mode === 'unscoped');
      });
    }
  }

  it('hand-made tasks where alpha panics after its await: naive leaks on the thread it panicked on, scoped not', () => {
    const tasks = installAwaitRead(1);
    const panicking: TaskSet = {
      ...tasks,
      tasks: [task('alpha', [...tasks.tasks[0]!.ops.slice(0, 3), { op: 'throw', message: 'boom', span: null }]), tasks.tasks[1]!],
    };
    const naive = expectMatchesBruteForce(panicking, execOf('naive', 2)).leaves;
    expect(naive.length).toBe(6 * 2 ** 4);
    expect(naive.some((leaf) => leaf.failing)).toBe(true);
    expect(expectMatchesBruteForce(panicking, execOf('scoped', 2)).leaves.some((leaf) => leaf.failing)).toBe(false);
  });

  for (const body of [[Y], [L, Y]]) {
    for (const mode of MODES) {
      it(`a parent and one child (${body.join(', ')}), ${mode}: exact counts, same verdicts, through explore()`, () => {
        const scenario = fanOut([body], { mode });
        const { taskSet } = compileScenario(scenario);
        const exec = execConfigOf(runOptionsOf(scenario, { ignoreLatency: true, threads: 2 }));
        const { leaves, canonical } = expectMatchesBruteForce(taskSet, exec);
        for (const prune of [false, true]) {
          const result = explore(scenario, { threads: 2, prune });
          expect(result.complete).toBe(true);
          expect(result.schedules).toBe(prune ? canonical.length : leaves.length);
          expect(result.failing).toBe((prune ? canonical : leaves).filter((leaf) => leaf.failing).length);
        }
      });
    }
  }

  it('three threads: the pruned search runs one schedule per renaming of the threads', () => {
    const { leaves, canonical } = expectMatchesBruteForce(installAwaitRead(1), execOf('unscoped', 3));
    expect(leaves.length).toBe(6 * 3 ** 4);
    // Of the 3^4 labelings of four polls, the restricted-growth ones with at most three threads: the partitions
    // of four polls into at most three blocks, S(4,1) + S(4,2) + S(4,3) = 1 + 7 + 6.
    expect(canonical.length).toBe(6 * 14);
  });
});

/** A schedule's preemptions and migrations counted from their definitions (as the brute force counts them) by
 * replaying its picks, `name@thread`, on the executor. */
function createCostOf(scenario: Scenario, threads: number, mode: ExecMode) {
  const { taskSet } = compileScenario(scenario);
  const names = taskSet.tasks.map((task) => task.name);
  const runner = createRunner(taskSet, execConfigOf(runOptionsOf(scenario, { mode, ignoreLatency: true, threads })));
  return (picks: readonly string[]) => {
    let k = 0;
    let previous = -1;
    let preemptions = 0;
    let migrations = 0;
    runner.run((ready, state) => {
      const [name, thread] = picks[k++]!.split('@');
      const at = ready.findIndex((t) => names[t] === name);
      const task = ready[at]!;
      if (previous >= 0 && previous !== task && ready.includes(previous)) preemptions++;
      if (Number(thread) - 1 !== state.tasks[task]!.thread) migrations++;
      previous = task;
      return at + ready.length * state.free.indexOf(Number(thread) - 1);
    }, null);
    return { preemptions, migrations };
  };
}

describe('the cheapest failure first', () => {
  const cases: [string, Scenario, ExecMode][] = [
    ['f1-cwd-env', findExample('f1-cwd-env')!.scenario, 'unscoped'],
    ['f2-mutation-session', findExample('f2-mutation-session')!.scenario, 'scoped'],
    ['one child that awaits twice', fanOut([[L, Y]]), 'unscoped'],
  ];
  for (const [name, scenario, mode] of cases) {
    it(`${name} (${mode}, 2 threads): the first failure has the fewest preemptions + migrations of any`, () => {
      const costOf = createCostOf(scenario, 2, mode);
      const all: ExploredSchedule[] = [];
      const full = explore(scenario, { mode, threads: 2, prune: false, onSchedule: (s) => void all.push(s) });
      let cheapest = Infinity;
      for (const s of all) {
        const cost = costOf(s.picks);
        expect({ preemptions: s.preemptions, migrations: s.migrations }).toEqual(cost);
        expect(s.migrations).toBe(s.outcome.migrations);
        if (s.failing) cheapest = Math.min(cheapest, cost.preemptions + cost.migrations);
      }
      expect(Number.isFinite(cheapest)).toBe(true);
      for (const prune of [true, false]) {
        const result = prune ? explore(scenario, { mode, threads: 2 }) : full;
        expect(result.complete).toBe(true);
        expect(result.firstFailingMinimal).toBe(true);
        const first = result.first_failing!;
        const cost = costOf(first.picks);
        expect({ preemptions: first.preemptions, migrations: first.migrations }).toEqual(cost);
        expect(cost.preemptions + cost.migrations).toBe(cheapest);
        const costs = result.failures.map((f) => f.preemptions + f.migrations!);
        expect(costs).toEqual([...costs].sort((a, b) => a - b));
      }
    });
  }

  it('runs first the schedule that never preempts or migrates: the one-thread FIFO order, all on thread 1', () => {
    const scenario = findExample('f1-cwd-env')!.scenario;
    const first: ExploredSchedule[] = [];
    explore(scenario, { threads: 2, maxSchedules: 1, onSchedule: (s) => void first.push(s) });
    const oneThread: ExploredSchedule[] = [];
    explore(scenario, { maxSchedules: 1, onSchedule: (s) => void oneThread.push(s) });
    expect(first[0]).toMatchObject({ preemptions: 0, migrations: 0 });
    expect(first[0]!.picks.every((pick) => pick.endsWith('@1'))).toBe(true);
    const tasks = first[0]!.picks.map((pick) => pick.replace(/@1$/, ''));
    // The one-thread search asks only where several tasks are ready; those asks are a subsequence of the polls.
    let at = 0;
    for (const pick of oneThread[0]!.picks) {
      at = tasks.indexOf(pick, at) + 1;
      expect(at).toBeGreaterThan(0);
    }
    expect(simulate(replayScenario({ ...scenario, run: { ...scenario.run, threads: 2 } }, first[0]!.picks)).summary.migrations).toBe(0);
  });
});

describe('failures with threads', () => {
  const f1 = findExample('f1-cwd-env')!.scenario;

  it('name threads in picks, replay with the picks schedule, and tag each cross-wire with its thread and cause', () => {
    const result = explore(f1, { threads: 2, maxFailures: 20 });
    expect(result.threads).toBe(2);
    expect(result.message).toMatch(/^[\d,]+ schedules run on 2 threads, every interleaving and thread choice covered/);
    expect(result.failures.length).toBe(20);
    const causes = new Set<string>();
    for (const failure of result.failures) {
      expect(failure.picks.every((pick) => /@[12]$/.test(pick))).toBe(true);
      expect(failure.migrations).toBeGreaterThanOrEqual(0);
      const replay = simulate(replayScenario({ ...f1, run: { ...f1.run, threads: 2 } }, failure.picks));
      expect(replay.summary.ignoredPicks).toEqual([]);
      expect(replay.summary.migrations).toBe(failure.migrations);
      expect(failure.crosswires.map(({ at: _at, ...c }) => c)).toEqual(replay.summary.crosswires);
      for (const c of failure.crosswires) {
        expect(c.thread === 1 || c.thread === 2).toBe(true);
        causes.add(c.cause!);
      }
      expect(failure.sites.every((site) => site.thread === 1 || site.thread === 2)).toBe(true);
    }
    expect(causes.has('migration')).toBe(true);
    const first = result.first_failing!;
    // Sites name a thread where the task moves to it.
    expect(first.description).toMatch(/, moved to thread 2( →|$)/);
    const moves = first.sites.filter((site) => site.thread !== site.from).length;
    expect(first.description.split('moved to thread').length - 1).toBe(moves);
    // The migration count of a group is at most its count, and set only with threads.
    for (const group of result.groups)
      if (group.kind === 'crosswire') expect(group.afterMigration!).toBeLessThanOrEqual(group.count);
  });

  it('takes the thread count from the scenario or the option, the option winning', () => {
    const twoThreads: Scenario = { ...f1, run: { ...f1.run, threads: 2 } };
    const fromScenario = explore(twoThreads, { maxSchedules: 2_000 });
    expect(JSON.stringify(explore(f1, { threads: 2, maxSchedules: 2_000 }))).toBe(JSON.stringify(fromScenario));
    expect(JSON.stringify(explore(twoThreads, { threads: 1 }))).toBe(JSON.stringify(explore(f1)));
  });

  it('adds no thread field with one thread', () => {
    const result = explore(f1, { threads: 1 });
    expect(result).not.toHaveProperty('threads');
    expect(result.first_failing).not.toHaveProperty('migrations');
    expect(result.first_failing!.crosswires[0]).not.toHaveProperty('thread');
    expect(result.first_failing!.crosswires[0]).not.toHaveProperty('cause');
    expect(result.first_failing!.sites[0]).not.toHaveProperty('thread');
    expect(result.groups[0]).not.toHaveProperty('afterMigration');
  });

  it('words a leak group by who keeps it: the outer thread on one thread, the threads on several', () => {
    const stealing = findExample('work-stealing')!.scenario;
    const leakGroup = (threads: number) => explore(stealing, { threads }).groups.find((g) => g.kind === 'leak');
    const two = leakGroup(2)!;
    expect(two.title).toBe('a thread is not given back its own outer values');
    expect(two.consequence).toBe(`the threads keep ${two.slot}`);
    const one = explore(findExample('panic-leak')!.scenario).groups.find((g) => g.kind === 'leak')!;
    expect(one.title).toBe('the outer thread is not given back its own values');
    expect(one.consequence).toBe(`the outer thread keeps ${one.slot}`);
  });

  it('finds the migration failure of acceptance 2: one child that sets its context, awaits, resumes on another thread', () => {
    const child = fanOut([['write_file("a.md", "x")', L, 'write_file("b.md", "x")']], { mode: 'unscoped' });
    const unscoped = explore(child, { threads: 2 });
    expect(unscoped.failing).toBe(105);
    const moved = unscoped.failures.flatMap((f) => f.crosswires).filter((c) => c.cause === 'migration');
    expect(moved.some((c) => c.slot === 'VM_EXECUTION_CONTEXT')).toBe(true);
    expect(explore({ ...child, run: { ...child.run, mode: 'scoped' } }, { threads: 2 })).toMatchObject({
      complete: true,
      failing: 0,
    });
  });
});

describe('thread-symmetry pruning on generated scenarios', () => {
  const statement = fc.constantFrom(Y, L, 'write_file("out.md", "x")', 'read_file("in.md")', 'host_call("workspace.read_text", {path: "a.txt"})');
  const captured = fc.subarray(['VM_EXECUTION_CONTEXT', 'CURRENT_MUTATION_SESSION', 'EXECUTION_POLICY_STACK', 'LLM_RENDER_STACK'], { maxLength: 2 });

  it('keeps every verdict and the set of failing outcomes (2 or 3 threads, any mode, capture sets with holes)', () => {
    const captureAllBut = (drop: string[]) =>
      ['EXECUTION_POLICY_STACK', 'EXECUTION_APPROVAL_POLICY_STACK', 'RUNTIME_CONTEXT_OVERLAY_STACK', 'AUTONOMY_POLICY_STACK',
        'LLM_RENDER_STACK', 'TRUSTED_BRIDGE_CALL_DEPTH', 'VM_EXECUTION_CONTEXT', 'VM_SOURCE_DIR', 'CURRENT_MUTATION_SESSION'].filter((s) => !drop.includes(s));
    fc.assert(
      fc.property(
        // Two threads: one child with up to two statements, or two with none; three threads: one child with one.
        fc.oneof(
          fc.record({ threads: fc.constant(2), bodies: fc.array(fc.array(statement, { maxLength: 2 }), { minLength: 1, maxLength: 1 }) }),
          fc.record({ threads: fc.constant(2), bodies: fc.constant([[], []] as string[][]) }),
          fc.record({ threads: fc.constant(3), bodies: fc.array(fc.array(statement, { maxLength: 1 }), { minLength: 1, maxLength: 1 }) }),
        ),
        fc.constantFrom(...MODES),
        captured,
        fc.boolean(),
        ({ threads, bodies }, mode, drop, panics) => {
          const withPanic = panics ? bodies.map((b, i) => (i === 0 ? [...b, 'throw "boom"'] : b)) : bodies;
          const scenario = fanOut(withPanic, { mode, captured: captureAllBut(drop) });
          const fullSeen: ExploredSchedule[] = [];
          const prunedSeen: ExploredSchedule[] = [];
          const full = explore(scenario, { threads, prune: false, maxSchedules: 1_000_000, onSchedule: (s) => void fullSeen.push(s) });
          const pruned = explore(scenario, { threads, maxSchedules: 1_000_000, onSchedule: (s) => void prunedSeen.push(s) });
          expect(full.complete && pruned.complete).toBe(true);
          expect(pruned.schedules).toBeLessThan(full.schedules);
          expect(pruned.failing > 0).toBe(full.failing > 0);
          const signature = createOutcomeSignature(scenario, mode, threads);
          const failingOutcomes = (seen: ExploredSchedule[]) =>
            new Set(seen.filter((s) => s.failing).map((s) => signature(s.picks)));
          expect(failingOutcomes(prunedSeen)).toEqual(failingOutcomes(fullSeen));
          if (full.first_failing)
            expect(pruned.first_failing!.preemptions + pruned.first_failing!.migrations!).toBe(
              full.first_failing.preemptions + full.first_failing.migrations!,
            );
        },
      ),
      { numRuns: 24, seed: 18 },
    );
  }, 120_000);
});
