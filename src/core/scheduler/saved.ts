// Saved executor states (the explorer's backtracking): `saveState` captures a runner's machine at a choice point
// in one flat array, `restoreState` puts it back. Only the slots some op writes are stored, and a task untouched
// since the last save or restore shares that state's record. Pure; depends on ./execTypes.ts types only.
import type { Layout, Machine, SavedState, TaskStatus } from './execTypes.ts';
import type { SlotValue } from './scope.ts';

// Saved layout: counters, ready, sleepers, panics, refused (each length-prefixed), the polling thread, threads
// used and migrations, then per thread its place in the free order and its active slots,
// then one record per task: its scalars, prevs (length-prefixed), whether scope and shadow agree on every
// active slot (all captured), then those values once, or the active captured scope slots and the active shadow
// slots. A task untouched since the last save or restore shares that state's record.
function recordOf(m: Machine, layout: Layout, t: number): unknown[] {
  const cached = m.records[t];
  if (cached) return cached;
  const { active, activeCaptured } = layout;
  const task = m.state.tasks[t]!;
  const prevs = task.prevs;
  const prevCount = task.prevCount;
  const scope = task.scope;
  const shadow = task.shadow;
  // Scoped with every written slot captured, a task's saved scope is usually its shadow, value for value: then
  // the record keeps the values once.
  let same = activeCaptured.length === active.length;
  for (let i = 0; same && i < active.length; i++) same = scope[active[i]!] === shadow[active[i]!];
  const values = same ? active.length : activeCaptured.length + active.length;
  const record = new Array<unknown>(10 + prevCount + values);
  let k = 0;
  record[k++] = task.status;
  record[k++] = task.thread;
  record[k++] = task.pc;
  record[k++] = task.parent;
  record[k++] = task.pending;
  record[k++] = task.wakeAt;
  record[k++] = task.scopeLost;
  record[k++] = m.diffs[t];
  record[k++] = prevCount;
  for (let i = 0; i < prevCount; i++) record[k++] = prevs[i];
  record[k++] = same;
  if (!same) for (let i = 0; i < activeCaptured.length; i++) record[k++] = scope[activeCaptured[i]!];
  for (let i = 0; i < active.length; i++) record[k++] = shadow[active[i]!];
  m.records[t] = record;
  return record;
}

/** The machine's state at the choice point being resolved (or at the loop's top). */
export function saveState(m: Machine, layout: Layout): SavedState {
  const { ready, sleepers, panics, refused, state } = m;
  const { threads, free } = state;
  const active = layout.active;
  const tasks = state.tasks;
  const size =
    12 +
    ready.length +
    sleepers.length +
    panics.length +
    refused.length +
    threads.length * (active.length + 1) +
    tasks.length;
  const data = new Array<unknown>(size);
  let k = 0;
  data[k++] = state.clock;
  data[k++] = state.steps;
  data[k++] = m.crosswires;
  data[k++] = m.firstCrosswireStep;
  // At the loop's top, before this choice point was counted (resume counts it again).
  data[k++] = m.choosing ? m.choicePoints - 1 : m.choicePoints;
  data[k++] = ready.length;
  for (let i = 0; i < ready.length; i++) data[k++] = ready[i];
  data[k++] = sleepers.length;
  for (let i = 0; i < sleepers.length; i++) data[k++] = sleepers[i];
  data[k++] = panics.length;
  for (let i = 0; i < panics.length; i++) data[k++] = panics[i];
  data[k++] = refused.length;
  for (let i = 0; i < refused.length; i++) data[k++] = refused[i];
  data[k++] = state.threadId;
  data[k++] = state.threadsUsed;
  data[k++] = m.migrations;
  for (let j = 0; j < threads.length; j++) {
    data[k++] = free[j];
    const thread = threads[j]!;
    for (let i = 0; i < active.length; i++) data[k++] = thread[active[i]!];
  }
  for (let t = 0; t < tasks.length; t++) data[k++] = recordOf(m, layout, t);
  return { kind: 'saved-exec-state', data };
}

/** Puts a saved state back. `noTasks` is the shared empty list panics and refusals start as. */
export function restoreState(m: Machine, layout: Layout, saved: SavedState, noTasks: number[]): void {
  const d = saved.data;
  const { active, activeCaptured } = layout;
  const state = m.state;
  let k = 0;
  state.clock = d[k++] as number;
  state.steps = d[k++] as number;
  m.crosswires = d[k++] as number;
  m.firstCrosswireStep = d[k++] as number;
  m.choicePoints = d[k++] as number;
  state.current = -1;
  m.stopped = false;
  // pop() loops, not `length = 0`: setting length is a slow builtin call.
  const { ready, sleepers } = m;
  while (ready.length > 0) ready.pop();
  for (let n = d[k++] as number; n > 0; n--) ready.push(d[k++] as number);
  while (sleepers.length > 0) sleepers.pop();
  for (let n = d[k++] as number; n > 0; n--) sleepers.push(d[k++] as number);
  let n = d[k++] as number;
  m.panics = n > 0 ? [] : noTasks;
  for (; n > 0; n--) m.panics.push(d[k++] as number);
  n = d[k++] as number;
  m.refused = n > 0 ? [] : noTasks;
  for (; n > 0; n--) m.refused.push(d[k++] as number);
  // Slots no op writes are empty everywhere already.
  state.threadId = d[k++] as number;
  state.threadsUsed = d[k++] as number;
  m.migrations = d[k++] as number;
  const { threads, free } = state;
  for (let j = 0; j < threads.length; j++) {
    free[j] = d[k++] as number;
    const thread = threads[j]!;
    for (let i = 0; i < active.length; i++) thread[active[i]!] = d[k++] as SlotValue;
  }
  m.thread = threads[state.threadId]!;
  state.thread = m.thread;
  const tasks = state.tasks;
  const records = m.records;
  for (let t = 0; t < tasks.length; t++) {
    const record = d[k++] as unknown[];
    // Every change to a task clears its record, so a task still holding this one is in this state already.
    if (records[t] === record) continue;
    records[t] = record;
    const task = tasks[t]!;
    let r = 0;
    task.status = record[r++] as TaskStatus;
    task.thread = record[r++] as number;
    task.pc = record[r++] as number;
    task.parent = record[r++] as number;
    task.pending = record[r++] as number;
    task.wakeAt = record[r++] as number;
    task.scopeLost = record[r++] as boolean;
    m.diffs[t] = record[r++] as number;
    task.polling = false;
    const prevs = task.prevs;
    const prevCount = record[r++] as number;
    for (let i = 0; i < prevCount; i++) prevs[i] = record[r++] as SlotValue;
    task.prevCount = prevCount;
    const scope = task.scope;
    const shadow = task.shadow;
    if (record[r++] === true) {
      // Scope and shadow agreed on every active slot, all captured (see `recordOf`).
      for (let i = 0; i < active.length; i++) {
        const value = record[r++] as SlotValue;
        scope[active[i]!] = value;
        shadow[active[i]!] = value;
      }
    } else {
      for (let i = 0; i < activeCaptured.length; i++) scope[activeCaptured[i]!] = record[r++] as SlotValue;
      for (let i = 0; i < active.length; i++) shadow[active[i]!] = record[r++] as SlotValue;
    }
  }
}
