// The explorer's search engine over one compiled task set: schedules run on the scheduler's fast path, each
// branch resumed from the executor state saved at its choice point (so a run executes only the steps after
// its divergence), frontier items bucketed by cost (CHESS order: bound 0, 1, 2, …, then all; the cost is the
// preemptions, plus with several threads the migrations), depth-first within a bucket, optional pruning: sleep
// sets from static poll footprints with one thread, symmetry between identical threads with several.
// Resumable: `runSlice(n)` does at most n runs. Pure; depends on the scheduler's runner and ./footprint.ts.
import {
  createRunner,
  type ChooseFn,
  type ExecConfig,
  type ExecOutcome,
  type SavedState,
} from '../scheduler/executor.ts';
import type { TaskSet } from '../scheduler/ops.ts';
import { createFootprintTable, footprintsConflict, MAX_POR_TASKS, type FootprintTable } from './footprint.ts';

/** An executor state saved at choice point `depth` of some path, shared by the branches that leave from it. */
interface SavedNode {
  state: SavedState;
  depth: number;
  /** Frontier items resuming from it; when none is left it is dropped from the live count. */
  refs: number;
}

// A branch to explore: the picks of `base` before choice point `depth`, then `pick` there, with the sleep set
// in force after it (tasks as bits); its cost is its bucket's index. It resumes from `saved` (a state
// at choice point `saved.depth` ≤ `depth`, replaying `base` up to `depth`), or from the start. A bucket keeps
// its branches flat, five entries each in this order (base, depth, pick, sleep, saved): no object per branch,
// as the frontier grows by several branches per run and the garbage collector's cost follows its objects.

/** Saved states kept alive at once. Past this, new branches resume from the state their run resumed from and
 * replay the picks from there. Small on purpose: measured on the 3 × 4 fan-out, a few thousand live states
 * beat tens of thousands by ~2x (the garbage collector's cost of keeping states alive outweighs the replays);
 * always saving where the branches stay in the bucket being explored cut the replays by a quarter but
 * measured no faster, and its live states have no bound. */
export const MAX_SAVED_STATES = 2_048;

// With several threads a choice point's options are (ready task, free thread), and a path entry is
// `task + n * thread` (n tasks, 0-based thread): with one thread it is the task, so every one-thread path, count
// and order is the same as before threads existed.

/** One finished run, as the engine hands it to its owner. */
export interface RunRecord {
  /** The option picked at each choice point, `task + tasks * thread` (with one thread: the task index); the
   * engine may reuse the array after `visit` returns (copy it). */
  picks: readonly number[];
  preemptions: number;
  /** Polls on another thread than the task's last (0 with one thread); its cost is preemptions + migrations. */
  migrations: number;
  outcome: ExecOutcome;
}

export type RunKind = 'schedule' | 'blocked' | 'step-limit';

export interface SearchConfig {
  prune: boolean;
  /** Branches that cost more than this (preemptions + migrations) are dropped (Infinity: unbounded). */
  maxBound: number;
  /** Stop after the first bucket in which `isFailing` held for some run (the verification pass). */
  stopAfterFailingBucket: boolean;
  /** Live saved states at most (default {@link MAX_SAVED_STATES}; 0 re-runs every branch from the start). */
  maxSavedStates?: number;
}

export interface SearchEngine {
  /** Does at most `maxRuns` runs; returns how many it did. */
  runSlice(maxRuns: number, visit: (kind: RunKind, run: RunRecord) => void): number;
  /** No branch is left (within the bound). */
  readonly exhausted: boolean;
  /** The bucket (cost bound: preemptions, plus migrations with several threads) being explored. */
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
  const threadCount = runner.state.threads.length;
  const multi = threadCount > 1;
  // Sleep sets judge two polls independent from footprints on the one shared thread: with several threads a
  // poll's thread is part of the choice too, and that argument is not made here, so they are off (`prune`
  // then means symmetry between threads, see `chooseOnThreads`).
  const prune = search.prune && table.usable && !multi;
  const symmetric = search.prune && multi;
  // The root branch: no picks, no state.
  const buckets: unknown[][] = [[[], -1, -1, 0, null]];
  let bound = 0;
  let frontier = 1;
  let failedInBucket = false;
  let stopped = false;

  // Per-run scratch, reused.
  const prevPc = new Int32Array(n);
  // The ways on from a choice point, in the first `count` entries (an array emptied by pop() would shrink and
  // regrow its store at every choice point).
  const order = new Int32Array(n * threadCount);
  // With several threads: each option's cost, and the ready tasks marked (both scratch of `chooseOnThreads`).
  const orderCost = new Int32Array(n * threadCount);
  const isReady = new Uint8Array(n);
  let count = 0;

  // Whether op pc-1 of each task is an await (a task resuming there may continue without a preemption).
  const awaitsBefore: readonly boolean[][] = programs.map((program) => [
    false,
    ...program.ops.map((o) => o.op === 'await'),
  ]);

  const enqueue = (cost: number, base: readonly number[], depth: number, pick: number, sleep: number, saved: SavedNode | null): boolean => {
    if (cost > search.maxBound) return false;
    while (buckets.length <= cost) buckets.push([]);
    const bucket = buckets[cost]!;
    // One push per field: a push of several arguments is a builtin call, one argument is inlined.
    bucket.push(base);
    bucket.push(depth);
    bucket.push(pick);
    bucket.push(sleep);
    bucket.push(saved);
    frontier++;
    return true;
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

  let liveSaved = 0;
  const maxSaved = search.maxSavedStates ?? MAX_SAVED_STATES;

  // The run in progress: the item it explores and its path so far. These and `choose`/`settle` live in the
  // engine, not per run: the explorer makes hundreds of thousands of runs.
  const tasks = runner.state.tasks;
  let itemBase: readonly number[] = [];
  let itemDepth = -1;
  let itemPick = -1;
  let itemSleep = 0;
  let from: SavedNode | null = null;
  // The run's picks so far, in one reused array; each run ends with an exact copy (see `runItem`).
  const path: number[] = [];
  // Where this run's branches sit in the buckets (bucket, index of their base), to get that copy.
  // (In the first `newCount` entries: see `order`.)
  const newBranches: number[] = [];
  let newCount = 0;
  // The run's cost so far: its preemptions, plus with several threads its migrations.
  let cost = 0;
  let sleep = 0;
  let lastPick = -1;
  let blocked = false;
  let choice = 0;

  // Applies what ran since the last choice point to the sleep set; false when a sleeping task ran (the
  // executor forced it: it was the only one ready), so this path repeats one covered elsewhere.
  const settle = (): boolean => {
    if (!prune || sleep === 0) return true;
    if (lastPick >= 0) sleep = wake(sleep, lastPick, prevPc[lastPick]!, tasks[lastPick]!.pc);
    for (let t = 0; t < n; t++) {
      const pc = tasks[t]!.pc;
      if (t === lastPick || pc === prevPc[t]) continue;
      if ((sleep & (1 << t)) !== 0) return false;
      sleep = wake(sleep, t, prevPc[t]!, pc);
    }
    return true;
  };

  const choose: ChooseFn = (ready) => {
    const i = choice++;
    if (i < itemDepth) return ready.indexOf(itemBase[i]!);
    if (i === itemDepth) {
      for (let t = 0; t < n; t++) prevPc[t] = tasks[t]!.pc;
      sleep = itemSleep;
      lastPick = itemPick;
      path.push(itemPick);
      return ready.indexOf(itemPick);
    }
    if (!settle()) {
      blocked = true;
      return -1;
    }
    // The task that polled last can continue when it is ready again after an await.
    const last = ready[ready.length - 1]!;
    const lastPc = tasks[last]!.pc;
    const canContinue = lastPc !== prevPc[last] && awaitsBefore[last]![lastPc]!;
    for (let t = 0; t < n; t++) prevPc[t] = tasks[t]!.pc;
    count = 0;
    if (canContinue && (sleep & (1 << last)) === 0) order[count++] = last;
    if (n <= MAX_POR_TASKS) {
      // The ready tasks as bits, less the sleeping ones and the one continuing.
      let candidates = 0;
      for (let k = 0; k < ready.length; k++) candidates |= 1 << ready[k]!;
      candidates &= ~sleep;
      if (canContinue) candidates &= ~(1 << last);
      for (let t = 0; t < n; t++) if ((candidates & (1 << t)) !== 0) order[count++] = t;
    } else {
      // Too many tasks for bits (then nothing sleeps: pruning is off).
      for (let t = 0; t < n; t++) if ((!canContinue || t !== last) && ready.includes(t)) order[count++] = t;
    }
    if (count === 0) {
      blocked = true;
      return -1;
    }
    if (count > 1) {
      // The branches leaving here resume from this state, or from the one this run resumed from.
      let node = from;
      if (liveSaved < maxSaved) node = { state: runner.save(), depth: i, refs: 0 };
      let before = sleep | (1 << order[0]!);
      for (let k = 1; k < count; k++) {
        const y = order[k]!;
        const bucket = cost + (canContinue && y !== last ? 1 : 0);
        if (enqueue(bucket, path, i, y, prune ? before : 0, node)) {
          newBranches[newCount++] = bucket;
          newBranches[newCount++] = buckets[bucket]!.length - 5;
          if (node && node.refs++ === 0) liveSaved++;
        }
        before |= 1 << y;
      }
    }
    const x = order[0]!;
    if (canContinue && x !== last) cost++;
    lastPick = x;
    path.push(x);
    return ready.indexOf(x);
  };

  // The option index of path entry `entry` (task + n * thread) at a choice point with several threads.
  const optionOf = (ready: readonly number[], free: readonly number[], entry: number): number => {
    const task = entry % n;
    return ready.indexOf(task) + ready.length * free.indexOf((entry - task) / n);
  };

  /*
   * A choice point with several threads: every ready task on every thread that may take it. Each option costs
   * a preemption when it switches away from a task that could continue, and a migration when its thread is not
   * the one the task last ran on (its spawner's before its first poll); the first way on is the task that can
   * continue, on its own thread, else the cheapest in task then thread order, so each run's own path costs
   * nothing more and the simplest failure (fewest preemptions + migrations) is found in the lowest bucket.
   *
   * Symmetry: every thread starts with the same empty register file and the executor treats all alike, so
   * renaming threads in a schedule gives a schedule with the same reads, cross-wires, leaks and panics. Only
   * one labeling per class is explored, the restricted-growth one: a poll may take a thread used so far or the
   * lowest unused one (`0 … min(threadsUsed, T − 1)`). Renaming keeps the preemptions and every migration
   * except a root's first poll (roots are spawned on thread 0); with one root (every compiled scenario) that
   * poll is the first, which the canonical labeling puts on thread 0, so the canonical schedule costs the
   * least of its class and the cost order needs no verify pass (see the explorer's `finishSearch`).
   */
  const chooseOnThreads: ChooseFn = (ready, state) => {
    const i = choice++;
    if (i < itemDepth) return optionOf(ready, state.free, itemBase[i]!);
    if (i === itemDepth) {
      for (let t = 0; t < n; t++) prevPc[t] = tasks[t]!.pc;
      path.push(itemPick);
      return optionOf(ready, state.free, itemPick);
    }
    const last = ready[ready.length - 1]!;
    const lastPc = tasks[last]!.pc;
    const canContinue = lastPc !== prevPc[last] && awaitsBefore[last]![lastPc]!;
    for (let t = 0; t < n; t++) prevPc[t] = tasks[t]!.pc;
    const open = symmetric ? Math.min(state.threadsUsed + 1, threadCount) : threadCount;
    for (let k = 0; k < ready.length; k++) isReady[ready[k]!] = 1;
    count = 0;
    if (canContinue) {
      orderCost[count] = 0;
      order[count++] = last + n * tasks[last]!.thread;
    }
    // The other options by cost (a preemption, a migration, both), in task then thread order.
    for (let c = 0; c <= 2; c++) {
      for (let t = 0; t < n; t++) {
        if (isReady[t] === 0) continue;
        const preempts = canContinue && t !== last ? 1 : 0;
        const own = tasks[t]!.thread;
        for (let j = 0; j < open; j++) {
          const optionCost = preempts + (j !== own ? 1 : 0);
          if (optionCost !== c || (canContinue && t === last && j === own)) continue;
          orderCost[count] = c;
          order[count++] = t + n * j;
        }
      }
    }
    for (let k = 0; k < ready.length; k++) isReady[ready[k]!] = 0;
    if (count > 1) {
      let node = from;
      if (liveSaved < maxSaved) node = { state: runner.save(), depth: i, refs: 0 };
      for (let k = 1; k < count; k++) {
        const bucket = cost + orderCost[k]!;
        if (enqueue(bucket, path, i, order[k]!, 0, node)) {
          newBranches[newCount++] = bucket;
          newBranches[newCount++] = buckets[bucket]!.length - 5;
          if (node && node.refs++ === 0) liveSaved++;
        }
      }
    }
    const x = order[0]!;
    cost += orderCost[0]!;
    path.push(x);
    return optionOf(ready, state.free, x);
  };

  // Runs the branch last taken off the frontier (see `nextItem`).
  function runItem(visit: (kind: RunKind, run: RunRecord) => void): void {
    // The branch's picks before its choice point: written over the last run's, the rest popped.
    let k = 0;
    for (; k < itemDepth && k < path.length; k++) path[k] = itemBase[k]!;
    for (; k < itemDepth; k++) path.push(itemBase[k]!);
    while (path.length > k) path.pop();
    sleep = 0;
    lastPick = -1;
    blocked = false;
    choice = from ? from.depth : 0;
    if (from && --from.refs === 0) liveSaved--;
    const pick = multi ? chooseOnThreads : choose;
    const outcome = from ? runner.resume(from.state, pick) : runner.run(pick, null);
    if (!blocked && outcome.status === 'finished' && choice > itemDepth && !settle()) blocked = true;
    const kind: RunKind = blocked ? 'blocked' : outcome.status === 'step-limit' ? 'step-limit' : 'schedule';
    if (kind === 'schedule' && isFailingOutcome(outcome)) failedInBucket = true;
    // The branches this run left share one exact copy of its picks: the frontier holds them long, and the
    // reused array's spare capacity would double what they keep alive. A run that left none shows `visit` the
    // reused array itself.
    const picks = newCount > 0 ? path.slice() : path;
    for (let k = 0; k < newCount; k += 2) buckets[newBranches[k]!]![newBranches[k + 1]!] = picks;
    newCount = 0;
    visit(kind, { picks, preemptions: cost - outcome.migrations, migrations: outcome.migrations, outcome });
  }

  // Takes the next branch off the frontier into the run's variables; false when none is left.
  const nextItem = (): boolean => {
    for (;;) {
      const bucket = buckets[bound];
      if (bucket && bucket.length > 0) {
        frontier--;
        from = bucket.pop() as SavedNode | null;
        itemSleep = bucket.pop() as number;
        itemPick = bucket.pop() as number;
        itemDepth = bucket.pop() as number;
        itemBase = bucket.pop() as readonly number[];
        cost = bound;
        return true;
      }
      if (search.stopAfterFailingBucket && failedInBucket) return false;
      if (bound + 1 >= buckets.length) return false;
      bound++;
    }
  };

  return {
    runSlice(maxRuns, visit) {
      let done = 0;
      while (done < maxRuns && !stopped) {
        if (!nextItem()) {
          stopped = true;
          break;
        }
        runItem(visit);
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
