// A simulated thread: a register file of ambient slots (its thread-locals). Every thread starts with its outer
// values empty, as a runtime's worker thread holds nothing of any task's, and must end with them empty again.
// `threads: 1` is the seed's LocalSet; with more, a free thread takes each poll (work stealing) and a task may
// resume on another thread than the one it last ran on: a migration. Pure; depends on ./execTypes.ts types.
import type { ExecState, Machine } from './execTypes.ts';
import { fillEmpty } from './lower.ts';
import { isSlotEmpty, type SlotValue } from './scope.ts';

/** `count` register files, every slot empty. */
export function createThreads(count: number, empty: readonly SlotValue[]): SlotValue[][] {
  return Array.from({ length: count }, () => empty.slice());
}

/** Every thread empty and free in thread order, thread 0 live (the outer thread spawns the roots there). */
export function resetThreads(m: Machine, empty: readonly SlotValue[]): void {
  const state = m.state;
  for (let i = 0; i < state.threads.length; i++) {
    fillEmpty(state.threads[i]!, empty);
    state.free[i] = i;
  }
  state.threadId = 0;
  state.threadsUsed = 0;
  m.thread = state.threads[0]!;
  state.thread = m.thread;
  m.migrations = 0;
}

/** Thread `free[f]` takes the next poll of task `t`: its register file becomes the live one, it goes last in the
 * free order, and a poll on another thread than the task's last one counts as a migration. */
export function enterThread(m: Machine, f: number, t: number): void {
  const state = m.state;
  const free = state.free;
  const id = free[f]!;
  for (let i = f + 1; i < free.length; i++) free[i - 1] = free[i]!;
  free[free.length - 1] = id;
  state.threadId = id;
  m.thread = state.threads[id]!;
  state.thread = m.thread;
  if (id >= state.threadsUsed) state.threadsUsed = id + 1;
  const task = state.tasks[t]!;
  if (task.thread !== id) m.migrations++;
  task.thread = id;
}

/** After a poll: the thread keeps the array it ends with (the fast path trades arrays with task scopes). */
export function leaveThread(m: Machine): void {
  m.state.threads[m.state.threadId] = m.thread;
}

/** Of `active` slots, the ones some thread does not get back to empty, in slot order. */
export function leakedSlots(state: ExecState, active: readonly number[], none: number[]): number[] {
  let leaks = none;
  for (let i = 0; i < active.length; i++) {
    const s = active[i]!;
    let left = false;
    for (let k = 0; k < state.threads.length && !left; k++) left = !isSlotEmpty(state.threads[k]![s]);
    if (!left) continue;
    if (leaks === none) leaks = [];
    leaks.push(s);
  }
  return leaks;
}
