// The trace's snapshots, copy-on-write: the recorder marks what a step may have changed (the live thread, a
// task's saved scope) and `snap` copies only the marked parts; an unchanged part is the same array as the
// previous step's (structured clone keeps the sharing), and a step that changed nothing gets the previous
// snapshot itself, so a long trace stays small. Pure; depends on ./executor.ts types.
import type { ExecMode, ExecState, TaskStatus } from './executor.ts';
import type { SlotValue } from './scope.ts';
import type { Snapshot } from './trace.ts';

const EMPTY_ARRAY: readonly never[] = Object.freeze([]);

export interface Snapshotter {
  /** The live thread's registers may have changed. */
  markThread(): void;
  /** Task `t`'s saved scope may have changed (and the guard with it). */
  markScope(t: number): void;
  /** The snapshot of now; `statusChanged`: some task's status may differ from the last snapshot's. */
  snap(statusChanged: boolean): Snapshot;
}

export function createSnapshotter(state: ExecState, mode: ExecMode): Snapshotter {
  const multi = state.threads.length > 1;
  // Several threads: each thread's register file as last copied.
  const threadViews: (readonly SlotValue[])[] = state.threads.map((registers) => registers.slice());
  let threadsView: readonly (readonly SlotValue[])[] = threadViews.slice();
  let thread: readonly SlotValue[] = EMPTY_ARRAY;
  let threadDirty = true;
  const scopes: (readonly SlotValue[] | null)[] = state.tasks.map(() => null);
  let scopesView: readonly (readonly SlotValue[] | null)[] = scopes.slice();
  let scopesDirty = false;
  let statuses: readonly TaskStatus[] = EMPTY_ARRAY;
  let snapshot: Snapshot | null = null;
  let guard: readonly SlotValue[] | null = null;
  let guardDirty = false;

  return {
    markThread() {
      threadDirty = true;
    },
    // A scope that stays null (taken by the poll) needs no new scopes array.
    markScope(t) {
      const task = state.tasks[t]!;
      guardDirty = true;
      const hidden = task.status === 'unspawned' || task.status === 'refused' || task.polling || task.scopeLost;
      if (hidden && scopes[t] === null) return;
      scopes[t] = hidden ? null : task.scope.slice();
      scopesDirty = true;
    },
    snap(statusChanged) {
      if (snapshot && !threadDirty && !scopesDirty && !guardDirty && !statusChanged && snapshot.clock === state.clock)
        return snapshot;
      if (threadDirty) {
        thread = state.thread.slice();
        if (multi) {
          threadViews[state.threadId] = thread;
          threadsView = threadViews.slice();
        }
      }
      if (scopesDirty) scopesView = scopes.slice();
      if (statusChanged || statuses.length === 0) {
        const next = new Array<TaskStatus>(state.tasks.length);
        for (let i = 0; i < next.length; i++) next[i] = state.tasks[i]!.status;
        statuses = next;
      }
      // The guard changes only with a swap or a poll boundary, each of which marks a scope dirty.
      if (guardDirty || !snapshot) {
        const current = state.current >= 0 ? state.tasks[state.current] : undefined;
        guard = mode !== 'unscoped' && current && current.polling ? current.scope.slice() : null;
      }
      threadDirty = false;
      scopesDirty = false;
      guardDirty = false;
      snapshot = multi
        ? { clock: state.clock, thread, threads: threadsView, threadId: state.threadId, scopes: scopesView, guard, statuses }
        : { clock: state.clock, thread, scopes: scopesView, guard, statuses };
      return snapshot;
    },
  };
}
