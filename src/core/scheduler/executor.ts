// The simulated runtime: threads of ambient slots (threads.ts; one thread is the seed's LocalSet), a FIFO ready
// queue, a logical clock waking awaited tasks (tasks.ts), and choice points resolved by a caller-supplied
// function: which ready task runs next and, with several threads, which free thread polls it. A poll swaps the
// task's scope in and out of that thread (poll.ts; modes: scoped with the restore guard, unscoped on raw shared
// slots, naive without the guard). Each task keeps a shadow of what it would see alone; a read whose observed
// value differs is a cross-wire. A Recorder (trace.ts) turns events into trace steps; without one, polls take
// the lean fast path (fastPoll.ts) and saved states (saved.ts) let the explorer backtrack.
import { SLOT } from './catalog.ts';
import { createTaskRuntime, fillEmpty, loweredOps, writtenSlots, type ExecOp } from './lower.ts';
import type { ExecConfig, ExecOutcome, ExecState, ExecStatus, Layout, Machine, Runner } from './execTypes.ts';
import { pollFast, pollStepBounds } from './fastPoll.ts';
import type { TaskSet } from './ops.ts';
import { pollRecorded } from './poll.ts';
import { restoreState, saveState } from './saved.ts';
import { SEED_SLOT_TABLE } from './slotTable.ts';
import { NO_TASKS, countStep, spawnTask, wakeSleepers } from './tasks.ts';
import { createThreads, enterThread, leakedSlots, leaveThread, resetThreads } from './threads.ts';
import { MAX_THREADS } from '../scenario/limits.ts';

export type * from './execTypes.ts';

// Module-local copies of the imports the loop uses (see poll.ts: imported bindings can be getter calls).
const [step, fast, recorded, enter, leave] = [countStep, pollFast, pollRecorded, enterThread, leaveThread];

/** What a runner knows about its task set and config, fixed for its lifetime. */
function layoutOf(taskSet: TaskSet, config: ExecConfig): Layout {
  const { tasks: programs } = taskSet;
  const { mode, captureSet, maxSteps, enforceAtSpawn, ignoreLatency } = config;
  // Per-slot properties come from the run's slot table (the seed's catalog plus any added slots).
  const table = taskSet.slots ?? SEED_SLOT_TABLE;
  const empty = table.empty;
  const swapping = mode !== 'unscoped';
  // The slots some op writes: the only ones whose values can ever differ from empty (saved states keep these).
  const written = writtenSlots(programs);
  const active: readonly number[] = [...written].sort((a, b) => a - b);
  const activeCaptured: readonly number[] = swapping ? captureSet.filter((s) => written.has(s)) : [];
  return {
    swapping,
    restoring: mode === 'scoped',
    ignoreLatency,
    maxSteps,
    threadCount: Math.max(1, Math.min(MAX_THREADS, Math.floor(config.threads ?? 1))),
    active,
    activeCaptured,
    activeShared: swapping ? active.filter((s) => !captureSet.includes(s)) : [],
    activeCapturedSlot: Uint8Array.from(empty, (_, s) => (activeCaptured.includes(s) ? 1 : 0)),
    empty,
    stack: table.stack,
    captureSet,
    fresh: table.fresh,
    inherits: table.inherited,
    slotCount: table.count,
    refusedAtSpawn: programs.map((program) => enforceAtSpawn && program.refusal !== null),
  };
}

/** Puts machine `m` back to the start of a run: every thread and task as new, the roots spawned. */
function resetMachine(m: Machine, L: Layout, roots: readonly number[]): void {
  const { state, ready, sleepers } = m;
  const { tasks } = state;
  const empty = L.empty;
  resetThreads(m, empty);
  m.records.fill(null);
  m.diffs.fill(-1);
  state.clock = 0;
  state.steps = 0;
  state.current = -1;
  ready.length = 0;
  sleepers.length = 0;
  for (let i = 0; i < tasks.length; i++) {
    const task = tasks[i]!;
    // Arrays traded by swaps may hold shared slots' values; snapshots show a scope's other slots empty.
    fillEmpty(task.scope, empty);
    task.status = 'unspawned';
    task.pc = 0;
    task.prevCount = 0;
    task.parent = -1;
    task.pending = 0;
    task.wakeAt = 0;
    task.polling = false;
    task.scopeLost = false;
    task.thread = -1;
  }
  m.stopped = false;
  m.crosswires = 0;
  m.firstCrosswireStep = -1;
  m.choicePoints = 0;
  m.panics = NO_TASKS;
  m.refused = NO_TASKS;
  for (const root of roots) {
    spawnTask(m, L, -1, root, null);
    if (m.stopped) break;
  }
}

export function createRunner(taskSet: TaskSet, config: ExecConfig): Runner {
  const { tasks: programs, roots } = taskSet;
  const L = layoutOf(taskSet, config);
  const { threadCount, maxSteps, empty, active } = L;
  const threads = createThreads(threadCount, empty);
  const state: ExecState = {
    thread: threads[0]!,
    threads,
    threadId: 0,
    free: threads.map((_, i) => i),
    threadsUsed: 0,
    tasks: programs.map(() => createTaskRuntime(empty)),
    clock: 0,
    steps: 0,
    current: -1,
  };
  const tasks = state.tasks;
  const lowered: readonly ExecOp[][] = programs.map(loweredOps);
  // Per task and pc, the most steps a poll from there counts: within the bound, it takes the fast path.
  const stepBounds: readonly Int32Array[] = lowered.map((ops) => pollStepBounds(ops, L.activeCaptured.length));
  // Below this many steps, no poll of any task from any pc can reach the bound (one compare per poll).
  const fastBelow = maxSteps - Math.max(0, ...stepBounds.map((bounds) => bounds[0]!));
  const m: Machine = {
    state,
    thread: state.thread,
    rec: null,
    ready: [],
    sleepers: [],
    panics: NO_TASKS,
    refused: NO_TASKS,
    crosswires: 0,
    firstCrosswireStep: -1,
    choicePoints: 0,
    choosing: false,
    stopped: false,
    records: tasks.map(() => null),
    diffs: new Int32Array(tasks.length),
    migrations: 0,
  };
  const { ready, sleepers } = m;

  // The scheduling loop, from a reset or restored state to the end, the step bound or a refused choice.
  const loop = (choose: Parameters<Runner['run']>[0]): ExecOutcome => {
    const rec = m.rec;
    let awaiting: number[] = NO_TASKS;
    while (!m.stopped) {
      if (ready.length === 0) {
        if (sleepers.length === 0) break;
        wakeSleepers(m, L);
        continue;
      }
      // A choice point: several ready tasks, or several threads that could take the one (threads are all free
      // between polls). Option `task + ready.length * f` polls ready[task] on thread free[f].
      let pick = 0;
      let choiceReady: number[] | null = null;
      const options = ready.length * threadCount;
      if (options > 1) {
        m.choicePoints++;
        m.choosing = true;
        pick = choose(ready, state);
        m.choosing = false;
        if (pick < 0 || pick >= options) {
          awaiting = ready.slice();
          break;
        }
        if (rec) choiceReady = ready.slice();
      }
      const count = ready.length;
      const at = threadCount === 1 ? pick : pick % count;
      const t = ready[at]!;
      for (let i = at + 1; i < count; i++) ready[i - 1] = ready[i]!;
      ready.pop();
      const task = tasks[t]!;
      const from = task.thread;
      if (threadCount > 1) enter(m, (pick - at) / count, t);
      if (rec === null && (state.steps <= fastBelow || state.steps + stepBounds[t]![task.pc]! <= maxSteps))
        fast(m, L, lowered[t]!, t);
      else recorded(m, L, lowered[t]!, t, choiceReady, from);
      leave(m);
    }

    let leaks: number[] = NO_TASKS;
    let status: ExecStatus = m.stopped ? 'step-limit' : awaiting.length > 0 ? 'awaiting-choice' : 'finished';
    if (status === 'finished') {
      // Every thread's outer values must be back to empty; a slot left on any of them is a leak.
      leaks = leakedSlots(state, active, NO_TASKS);
      if (step(m, L)) {
        if (rec) rec.outerCheck(leaks);
      } else {
        status = 'step-limit';
      }
    }
    return {
      status,
      steps: state.steps,
      crosswires: m.crosswires,
      firstCrosswireStep: m.firstCrosswireStep,
      leaks,
      panics: m.panics,
      refused: m.refused,
      ready: awaiting,
      choicePoints: m.choicePoints,
      migrations: m.migrations,
    };
  };

  return {
    state,
    run(choose, recorder) {
      m.rec = recorder;
      resetMachine(m, L, roots);
      return loop(choose);
    },
    save: () => saveState(m, L),
    resume(saved, choose) {
      m.rec = null;
      restoreState(m, L, saved, NO_TASKS);
      return loop(choose);
    },
  };
}

/** The slot the policy decision of every check reads. */
export const POLICY_SLOT = SLOT.executionPolicy;
