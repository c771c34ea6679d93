// The explorer's search engine over one compiled task set: stateless re-execution of schedules on the
// scheduler's fast path, frontier items bucketed by preemption count (CHESS order: bound 0, 1, 2, …, then
// all), depth-first within a bucket, optional sleep-set pruning from static poll footprints. Resumable:
// `runSlice(n)` does at most n runs. Pure; depends on the scheduler's runner and ./footprint.ts.
import { createRunner, type ChooseFn, type ExecConfig, type ExecOutcome } from '../scheduler/executor.ts';
import type { TaskSet } from '../scheduler/ops.ts';
import { createFootprintTable, footprintsConflict, type FootprintTable } from './footprint.ts';

/** A branch to explore: the picks of `base` before choice point `depth`, then `pick` there, with the sleep
 * set in force after it (tasks as bits) and the preemptions the path has made so far. */
interface Item {
  base: readonly number[];
  depth: number;
  pick: number;
  sleep: number;
  preemptions: number;
}

const ROOT: Item = { base: [], depth: -1, pick: -1, sleep: 0, preemptions: 0 };

/** One finished run, as the engine hands it to its owner. */
export interface RunRecord {
  /** Task index picked at each choice point. */
  picks: readonly number[];
  preemptions: number;
  outcome: ExecOutcome;
}

export type RunKind = 'schedule' | 'blocked' | 'step-limit';

export interface SearchConfig {
  prune: boolean;
  /** Branches with more preemptions than this are dropped (Infinity: unbounded). */
  maxBound: number;
  /** Stop after the first bucket in which `isFailing` held for some run (the verification pass). */
  stopAfterFailingBucket: boolean;
}

export interface SearchEngine {
  /** Does at most `maxRuns` runs; returns how many it did. */
  runSlice(maxRuns: number, visit: (kind: RunKind, run: RunRecord) => void): number;
  /** No branch is left (within the bound). */
  readonly exhausted: boolean;
  /** The bucket (preemption bound) being explored. */
  readonly bound: number;
  /** Branches waiting in the frontier. */
  readonly frontier: number;
}

/** Is a run a failure? Cross-wires, or slots the outer thread does not get back. */
export function isFailingOutcome(outcome: ExecOutcome): boolean {
  return outcome.status === 'finished' && (outcome.crosswires > 0 || outcome.leaks.length > 0);
}

export function createSearchEngine(taskSet: TaskSet, exec: ExecConfig, search: SearchConfig): SearchEngine {
  const runner = createRunner(taskSet, { ...exec, ignoreLatency: true });
  const programs = taskSet.tasks;
  const n = programs.length;
  const table: FootprintTable = createFootprintTable(taskSet, exec.mode, exec.captureSet);
  const prune = search.prune && table.usable;
  const buckets: Item[][] = [[ROOT]];
  let bound = 0;
  let frontier = 1;
  let failedInBucket = false;
  let stopped = false;

  // Per-run scratch, reused.
  const prevPc = new Int32Array(n);
  const order: number[] = [];

  const enqueue = (item: Item): void => {
    if (item.preemptions > search.maxBound) return;
    while (buckets.length <= item.preemptions) buckets.push([]);
    buckets[item.preemptions]!.push(item);
    frontier++;
  };

  // Removes from `sleep` every task whose next poll conflicts with what `task` ran from `from` to `to`.
  // A sleeping task's next poll is judged in the current state: its join blocks while children are pending
  // (a change to that counter is a write it conflicts with, which wakes it).
  const wake = (sleep: number, task: number, from: number, to: number): number => {
    if (sleep === 0 || from === to) return sleep;
    const ran = table.range(task, from, to);
    const tasks = runner.state.tasks;
    let out = sleep;
    for (let u = 0; u < n; u++) {
      if ((out & (1 << u)) === 0) continue;
      const rt = tasks[u]!;
      if (footprintsConflict(ran, table.poll(u, rt.pc, rt.pending > 0))) out &= ~(1 << u);
    }
    return out;
  };

  function runItem(item: Item, visit: (kind: RunKind, run: RunRecord) => void): void {
    const path: number[] = item.base.slice(0, Math.max(0, item.depth));
    let preemptions = item.preemptions;
    let sleep = 0;
    let lastPick = -1;
    let blocked = false;
    let choice = 0;
    const tasks = runner.state.tasks;
    const pcOf = (t: number): number => tasks[t]!.pc;
    prevPc.fill(0);

    // Applies what ran since the last choice point to the sleep set; false when a sleeping task ran (the
    // executor forced it: it was the only one ready), so this path repeats one covered elsewhere.
    const settle = (): boolean => {
      if (!prune || sleep === 0) return true;
      if (lastPick >= 0) sleep = wake(sleep, lastPick, prevPc[lastPick]!, pcOf(lastPick));
      for (let t = 0; t < n; t++) {
        if (t === lastPick || pcOf(t) === prevPc[t]) continue;
        if ((sleep & (1 << t)) !== 0) return false;
        sleep = wake(sleep, t, prevPc[t]!, pcOf(t));
      }
      return true;
    };

    const choose: ChooseFn = (ready) => {
      const i = choice++;
      if (i < item.depth) return ready.indexOf(item.base[i]!);
      if (i === item.depth) {
        for (let t = 0; t < n; t++) prevPc[t] = pcOf(t);
        sleep = item.sleep;
        lastPick = item.pick;
        path.push(item.pick);
        return ready.indexOf(item.pick);
      }
      if (!settle()) {
        blocked = true;
        return -1;
      }
      // The task that polled last can continue when it is ready again after an await.
      const last = ready[ready.length - 1]!;
      const lastPc = pcOf(last);
      const canContinue = lastPc !== prevPc[last] && lastPc > 0 && programs[last]!.ops[lastPc - 1]!.op === 'await';
      for (let t = 0; t < n; t++) prevPc[t] = pcOf(t);
      order.length = 0;
      if (canContinue && (sleep & (1 << last)) === 0) order.push(last);
      for (let t = 0; t < n; t++) {
        if ((sleep & (1 << t)) !== 0 || (canContinue && t === last)) continue;
        if (ready.includes(t)) order.push(t);
      }
      if (order.length === 0) {
        blocked = true;
        return -1;
      }
      let before = sleep;
      for (let k = 0; k < order.length; k++) {
        const y = order[k]!;
        const cost = canContinue && y !== last ? 1 : 0;
        if (k > 0) enqueue({ base: path, depth: i, pick: y, sleep: prune ? before : 0, preemptions: preemptions + cost });
        before |= 1 << y;
      }
      const x = order[0]!;
      if (canContinue && x !== last) preemptions++;
      lastPick = x;
      path.push(x);
      return ready.indexOf(x);
    };

    const outcome = runner.run(choose, null);
    if (!blocked && outcome.status === 'finished' && choice > item.depth && !settle()) blocked = true;
    const kind: RunKind = blocked ? 'blocked' : outcome.status === 'step-limit' ? 'step-limit' : 'schedule';
    visit(kind, { picks: path, preemptions, outcome });
  }

  const nextItem = (): Item | null => {
    for (;;) {
      const bucket = buckets[bound];
      if (bucket && bucket.length > 0) {
        frontier--;
        return bucket.pop()!;
      }
      if (search.stopAfterFailingBucket && failedInBucket) return null;
      if (bound + 1 >= buckets.length) return null;
      bound++;
    }
  };

  return {
    runSlice(maxRuns, visit) {
      let done = 0;
      while (done < maxRuns && !stopped) {
        const item = nextItem();
        if (!item) {
          stopped = true;
          break;
        }
        runItem(item, (kind, run) => {
          if (kind === 'schedule' && isFailingOutcome(run.outcome)) failedInBucket = true;
          visit(kind, run);
        });
        done++;
      }
      return done;
    },
    get exhausted() {
      return stopped;
    },
    get bound() {
      return bound;
    },
    get frontier() {
      return frontier;
    },
  };
}
