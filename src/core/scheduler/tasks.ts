// A task's life cycle on the machine, outside its polls: spawned (or refused at spawn), its inherited scope
// captured from the spawner's thread; put to sleep by an await with latency and woken by the clock; finished
// (completed or panicked), which lowers its spawner's join counter. Shared by the recorded and the fast path.
// Pure; depends on ./execTypes.ts types.
import type { Layout, Machine } from './execTypes.ts';
import type { Op } from './ops.ts';

// The panics, refusals, leaks or awaiting ready tasks of a run that has none: one shared empty list (never
// pushed to), replaced by a fresh list on the first push.
export const NO_TASKS: number[] = [];

/** Counts one trace step; false (and the run stops) once the bound is reached. */
export function countStep(m: Machine, L: Layout): boolean {
  const state = m.state;
  if (state.steps >= L.maxSteps) {
    m.stopped = true;
    return false;
  }
  state.steps++;
  return true;
}

/** Spawns `child` from task `from` (or, for -1, the outer thread), on the thread that is live now. */
export function spawnTask(m: Machine, L: Layout, from: number, child: number, span: Op['span']): void {
  const state = m.state;
  const tasks = state.tasks;
  const task = tasks[child]!;
  const rec = m.rec;
  m.records[child] = null;
  m.diffs[child] = -1;
  if (from >= 0) m.records[from] = null;
  if (L.refusedAtSpawn[child]) {
    task.status = 'refused';
    if (m.refused === NO_TASKS) m.refused = [];
    m.refused.push(child);
    if (countStep(m, L) && rec) rec.refuse(from, child, span);
    return;
  }
  const empty = L.empty;
  const parentShadow = from >= 0 ? tasks[from]!.shadow : empty;
  // The shadow is what a correctly scoped child sees: the catalog's captured slots per capture_inherited,
  // every other slot the raw thread as its spawner left it.
  const shadow = task.shadow;
  for (let s = 0; s < L.slotCount; s++) shadow[s] = parentShadow[s]!;
  const fresh = L.fresh;
  for (let i = 0; i < fresh.length; i++) shadow[fresh[i]!] = empty[fresh[i]!]!;
  const scope = task.scope;
  const captureSet = L.captureSet;
  const thread = m.thread;
  for (let i = 0; i < captureSet.length; i++) {
    const s = captureSet[i]!;
    scope[s] = L.inherits[s] ? thread[s]! : empty[s]!;
  }
  task.parent = from;
  task.thread = state.threadId;
  task.status = 'ready';
  if (from >= 0) tasks[from]!.pending++;
  m.ready.push(child);
  if (countStep(m, L) && rec) rec.spawn(from, child, span);
}

/** Puts task `t` to sleep until `wakeAt` (sleepers stay in wake order, ties in the order they slept). */
export function sleepTask(m: Machine, t: number, wakeAt: number): void {
  const tasks = m.state.tasks;
  const task = tasks[t]!;
  task.status = 'sleeping';
  task.wakeAt = wakeAt;
  const sleepers = m.sleepers;
  let at = sleepers.length;
  while (at > 0 && tasks[sleepers[at - 1]!]!.wakeAt > wakeAt) at--;
  sleepers.splice(at, 0, t);
}

/** Nothing is ready: the clock jumps to the earliest wake time and every task due then is ready, in order. */
export function wakeSleepers(m: Machine, L: Layout): void {
  const state = m.state;
  const tasks = state.tasks;
  const sleepers = m.sleepers;
  state.clock = tasks[sleepers[0]!]!.wakeAt;
  while (sleepers.length > 0 && tasks[sleepers[0]!]!.wakeAt === state.clock) {
    const t = sleepers.shift()!;
    tasks[t]!.status = 'ready';
    m.records[t] = null;
    m.ready.push(t);
    if (!countStep(m, L)) break;
    if (m.rec) m.rec.wake(t);
  }
}

/** Task `t` completed or panicked: its spawner's join counter drops (and the spawner wakes at 0). */
export function finishTask(m: Machine, L: Layout, t: number): void {
  const tasks = m.state.tasks;
  const parent = tasks[t]!.parent;
  if (parent < 0) return;
  const p = tasks[parent]!;
  m.records[parent] = null;
  p.pending--;
  if (p.pending === 0 && p.status === 'joining') {
    p.status = 'ready';
    m.ready.push(parent);
    if (countStep(m, L) && m.rec) m.rec.wake(parent);
  }
}
