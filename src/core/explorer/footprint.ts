// Static footprints for partial-order reduction: which shared state one poll of a task may read or write,
// from the ops between its resume point and its next await (an over-approximation is always sound). Two
// polls commute when neither writes what the other touches. Pure; depends on the scheduler's op IR only.
import { SEED_SLOT_TABLE } from '../scheduler/slotTable.ts';
import type { ExecMode } from '../scheduler/executor.ts';
import type { Op, TaskSet } from '../scheduler/ops.ts';

// Why scoped polls rarely conflict: a scoped poll swaps its own values into every captured slot on enter and
// puts the outer values back exactly on exit, so as a whole it neither depends on nor changes what other
// tasks left in captured slots (it reads and writes only its own saved scope). Only uncaptured slots are
// shared. Naive mode is the same, except a poll that panics leaves its own values behind: it writes every
// captured slot. Unscoped mode shares every slot. Besides slots, a task's join counter is shared: `spawn`
// raises it, a child's completion or panic lowers it (and may wake the parent), `join` reads it.

/** What one poll may touch: `slots` bits are catalog slots (reads / writes on the shared thread), `joins`
 * bits are join counters by task index. */
export interface Footprint {
  readSlots: number;
  writeSlots: number;
  readJoins: number;
  writeJoins: number;
}

/** Bitmask widths: slots and tasks must each fit one 31-bit integer for the masks used here. */
export const MAX_POR_TASKS = 31;

/** Does one footprint write what the other reads or writes? */
export function footprintsConflict(a: Footprint, b: Footprint): boolean {
  return (
    (a.writeSlots & (b.readSlots | b.writeSlots)) !== 0 ||
    (b.writeSlots & a.readSlots) !== 0 ||
    (a.writeJoins & (b.readJoins | b.writeJoins)) !== 0 ||
    (b.writeJoins & a.readJoins) !== 0
  );
}

/** Per-task static footprints of polls, cached by resume position. */
export interface FootprintTable {
  /** The footprint of a poll of `task` resuming at op `pc`, up to its next await, throw or end, or the
   * next join when `joinBlocks` (the task still has children running). */
  poll(task: number, pc: number, joinBlocks: boolean): Footprint;
  /** Everything `task` may have touched running its ops from `from` to `to` (one or more polls). */
  range(task: number, from: number, to: number): Footprint;
  /** True for tasks and slots that fit the masks; otherwise the caller must not prune. */
  usable: boolean;
}

function emptyFootprint(): Footprint {
  return { readSlots: 0, writeSlots: 0, readJoins: 0, writeJoins: 0 };
}

function merge(into: Footprint, from: Footprint): void {
  into.readSlots |= from.readSlots;
  into.writeSlots |= from.writeSlots;
  into.readJoins |= from.readJoins;
  into.writeJoins |= from.writeJoins;
}

/** Builds the table for a task set run in `mode` with `captureSet` swapped per poll. */
export function createFootprintTable(taskSet: TaskSet, mode: ExecMode, captureSet: readonly number[]): FootprintTable {
  const { tasks } = taskSet;
  const usable = (taskSet.slots ?? SEED_SLOT_TABLE).count <= 31 && tasks.length <= MAX_POR_TASKS;
  let capturedMask = 0;
  if (mode !== 'unscoped') for (const s of captureSet) capturedMask |= 1 << s;
  const sharedMask = ~capturedMask;
  // Which task spawned each task (-1: the outer thread): its completion lowers that task's join counter.
  const spawner = tasks.map(() => -1);
  tasks.forEach((task, t) => {
    for (const o of task.ops) if (o.op === 'spawn') for (const c of o.children) spawner[c] = t;
  });
  // Two cached variants per resume position: the join ahead blocks (stop there) or passes (go on).
  const cache: (Footprint | undefined)[][][] = [0, 1].map(() => tasks.map((task) => new Array<Footprint | undefined>(task.ops.length + 1)));
  const ranges: Map<number, Footprint>[] = tasks.map(() => new Map());

  const touch = (fp: Footprint, o: Op): void => {
    switch (o.op) {
      case 'push':
      case 'pop':
      case 'set':
      case 'unset':
      case 'inc':
      case 'dec':
        fp.writeSlots |= (1 << o.slot) & sharedMask;
        return;
      case 'read':
        fp.readSlots |= (1 << o.slot) & sharedMask;
        return;
      case 'check':
        for (const s of o.check.reads) fp.readSlots |= (1 << s) & sharedMask;
        return;
      default:
        return;
    }
  };

  // The ops from `pc` to `to` (exclusive), stopping after an await or throw, or at a blocking join.
  const compute = (t: number, pc: number, to: number, joinBlocks: boolean): Footprint => {
    const ops = tasks[t]!.ops;
    const fp = emptyFootprint();
    const parent = spawner[t]!;
    // A poll resuming after a join it blocked on ran only because the counter reached zero.
    if (pc > 0 && ops[pc - 1]!.op === 'join') fp.readJoins |= 1 << t;
    let i = pc;
    for (; i < to; i++) {
      const o = ops[i]!;
      if (o.op === 'await') return fp;
      if (o.op === 'throw') {
        if (mode === 'naive') fp.writeSlots |= capturedMask;
        if (parent >= 0) fp.writeJoins |= 1 << parent;
        return fp;
      }
      if (o.op === 'spawn') fp.writeJoins |= 1 << t;
      else if (o.op === 'join') {
        fp.readJoins |= 1 << t;
        if (joinBlocks) return fp;
      } else touch(fp, o);
    }
    if (i >= ops.length && parent >= 0) fp.writeJoins |= 1 << parent;
    return fp;
  };

  return {
    usable,
    poll(t, pc, joinBlocks) {
      const row = cache[joinBlocks ? 1 : 0]![t]!;
      return row[pc] ?? (row[pc] = compute(t, pc, tasks[t]!.ops.length, joinBlocks));
    },
    range(t, from, to) {
      // Every op from `from` to `to` ran (joins passed or blocked where the next poll starts).
      const key = from * 0x10000 + to;
      const cached = ranges[t]!.get(key);
      if (cached) return cached;
      const fp = emptyFootprint();
      let pc = from;
      const ops = tasks[t]!.ops;
      while (pc < to) {
        let end = pc;
        while (end < to && ops[end]!.op !== 'await' && ops[end]!.op !== 'throw' && ops[end]!.op !== 'join') end++;
        merge(fp, compute(t, pc, Math.min(end + 1, ops.length), true));
        pc = end + 1;
      }
      if (to >= ops.length) merge(fp, compute(t, ops.length, ops.length, true));
      ranges[t]!.set(key, fp);
      return fp;
    },
  };
}
