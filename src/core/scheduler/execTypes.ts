// The executor's types: modes, task and executor state, configuration, choice functions, the recorder
// interface the trace implements, outcomes, saved states and the runner. Pure types; depends on ./ops.ts and
// ./scope.ts types only.
import type { CheckSpec, Op } from './ops.ts';
import type { AmbientValue, SlotValue, SlotValues } from './scope.ts';

export type ExecMode = 'scoped' | 'unscoped' | 'naive';

export type TaskStatus =
  'unspawned' | 'ready' | 'running' | 'sleeping' | 'joining' | 'done' | 'panicked' | 'refused';

/** Live state of one task. `scope` is its saved scope; while it is being polled with swapping on, it holds
 * the outer values the restore guard will put back (the seed's `RestoreGuard.outer`). */
export interface TaskRuntime {
  status: TaskStatus;
  pc: number;
  scope: SlotValues;
  shadow: SlotValues;
  /** Set/unset memory: triples (slot, replaced real value, replaced shadow value), LIFO, in its first
   * `prevCount` entries (the array only grows: popping it to empty would shrink and regrow its store). */
  prevs: SlotValue[];
  prevCount: number;
  parent: number;
  pending: number;
  wakeAt: number;
  polling: boolean;
  /** Naive mode: the task panicked mid-poll and its guard-held outer values were lost with it. */
  scopeLost: boolean;
  /** The simulated thread (0-based) that polled it last, or that its spawner ran on before its first poll; -1
   * before spawn. A poll on another thread is a migration. */
  thread: number;
}

/** The executor's whole mutable state; recorders read it to snapshot. */
export interface ExecState {
  /** The register file of the thread polling now (or that polled last): `threads[threadId]`. */
  thread: SlotValues;
  /** Every simulated thread's register file (one entry with `threads: 1`: the LocalSet). */
  threads: SlotValues[];
  /** The thread polling now, or that polled last (0-based). */
  threadId: number;
  /** The threads in the order they became free (all of them between polls: polls are atomic); a poll takes one
   * and puts it last. FIFO takes the first: the thread free longest. */
  free: number[];
  /** How many threads some poll has used so far: the highest thread polled + 1 (with the explorer's symmetry
   * pruning, the threads used are always 0…threadsUsed-1). */
  threadsUsed: number;
  tasks: TaskRuntime[];
  clock: number;
  steps: number;
  current: number;
}

export interface ExecConfig {
  mode: ExecMode;
  /** Slot indices swapped per poll in scoped/naive mode. */
  captureSet: readonly number[];
  maxSteps: number;
  enforceAtSpawn: boolean;
  /** Explorer semantics: every await is ready again at once (ticks ignored). */
  ignoreLatency: boolean;
  /** Simulated threads of a work-stealing runtime (1–4; default 1, the LocalSet). */
  threads?: number;
}

/** Picks what runs next at a choice point: an index into `ready`, or -1 to stop there. With several threads an
 * option is a ready task on a free thread: index `task + ready.length * f` polls `ready[task]` on thread
 * `state.free[f]` (so with one thread, or f = 0, the index is the task's and the thread the one free longest). */
export type ChooseFn = (ready: readonly number[], state: ExecState) => number;

export type PollOutcome = 'pending' | 'complete' | 'panic';

/** Observes every executor event that becomes a trace step. Never called on the fast path. */
export interface Recorder {
  /** `choiceReady`: the ready tasks when this poll resolved a choice point (index `choice`, counted as picks
   * count them), else null and -1.
   * `from`: the thread the task was on last (its spawner's before its first poll); it is polled on
   * `state.threadId` (another one: a migration). */
  pollEnter(task: number, choiceReady: readonly number[] | null, choice: number, from: number): void;
  swap(task: number, slot: number, direction: 'in' | 'out', installed: SlotValue, saved: SlotValue): void;
  install(task: number, o: Op, before: SlotValue, after: SlotValue): void;
  read(
    task: number,
    slot: number,
    access: 'read' | 'pop' | 'check',
    what: string,
    expected: AmbientValue | number | null,
    observed: AmbientValue | number | null,
    span: Op['span'],
  ): void;
  check(task: number, check: CheckSpec, span: Op['span']): void;
  await(task: number, kind: string, what: string, wakeAt: number, span: Op['span']): void;
  wake(task: number): void;
  spawn(task: number, child: number, span: Op['span']): void;
  refuse(task: number, child: number, span: Op['span']): void;
  complete(task: number): void;
  panic(task: number, message: string, span: Op['span']): void;
  pollExit(task: number, outcome: PollOutcome, restored: boolean): void;
  outerCheck(leaks: number[]): void;
}

export type ExecStatus = 'finished' | 'step-limit' | 'awaiting-choice';

export interface ExecOutcome {
  status: ExecStatus;
  steps: number;
  crosswires: number;
  firstCrosswireStep: number;
  /** Slots the outer thread does not get back to their initial values (only when finished). */
  leaks: number[];
  panics: number[];
  refused: number[];
  /** The ready tasks at the choice point where the run stopped (awaiting-choice only). */
  ready: number[];
  choicePoints: number;
  /** Polls on another thread than the task's last one (always 0 with one thread). */
  migrations: number;
}

/** A saved executor state at a choice point (flat, compact, opaque): `resume` continues from it. Only the slots
 * some op writes are stored; every other slot is empty in the thread, every scope and every shadow. */
export interface SavedState {
  readonly kind: 'saved-exec-state';
  readonly data: readonly unknown[];
}

/** A reusable executor for one task set and config: `run` resets the state in place (the explorer runs the
 * same scenario hundreds of thousands of times). Inside a choice function of a run without a recorder, `save()`
 * captures the state at that choice point; `resume(saved, choose)` restores it and asks `choose` again there
 * (fast path, no recorder). Without a recorder, `state`'s stacks are linked frames (lower.ts), not arrays. */
export interface Runner {
  state: ExecState;
  run(choose: ChooseFn, recorder: Recorder | null): ExecOutcome;
  save(): SavedState;
  resume(saved: SavedState, choose: ChooseFn): ExecOutcome;
}

/** The runner's whole mutable run state beyond `ExecState` (internal: shared by executor.ts, fastPoll.ts and
 * saved.ts; never crosses postMessage). `thread` is `state.thread`, cached. */
export interface Machine {
  state: ExecState;
  thread: SlotValues;
  /** The recorder of the run in progress; null on the fast path (and in every explorer run). */
  rec: Recorder | null;
  ready: number[];
  sleepers: number[];
  /** The shared empty list (see executor.ts `NO_TASKS`) until the first push. */
  panics: number[];
  refused: number[];
  crosswires: number;
  firstCrosswireStep: number;
  choicePoints: number;
  choosing: boolean;
  stopped: boolean;
  /** Each task's record in the last saved or restored state; null once the task changed since (saved.ts). */
  records: (unknown[] | null)[];
  /** Per task, the active captured slots its last swap out found differing from the outer values (-1: unknown). */
  diffs: Int32Array;
  migrations: number;
}

/** What a runner knows about its task set and config, fixed for its lifetime (internal, like {@link Machine}). */
export interface Layout {
  swapping: boolean;
  /** Scoped: the restore guard swaps out after a panic too; the fast path tracks `diffs` through a poll. */
  restoring: boolean;
  ignoreLatency: boolean;
  maxSteps: number;
  /** Slots some op writes, ascending: the only ones that can ever be non-empty (saved states keep these). */
  active: readonly number[];
  /** Of those, the captured ones (empty unless swapping) and the shared ones (idem). */
  activeCaptured: readonly number[];
  activeShared: readonly number[];
  /** By slot: 1 when the slot is in `activeCaptured`. */
  activeCapturedSlot: Uint8Array;
  /** The run's slot table: by slot, the empty value and 1 for a stack (slotTable.ts). */
  empty: readonly SlotValue[];
  stack: Uint8Array;
  /** Simulated threads (1: the LocalSet). */
  threadCount: number;
  /** Slot indices swapped per poll (scoped/naive), and the slot table's: fresh slots (a child's start empty),
   * inherited ones (captured from the spawner's thread), the slot count. */
  captureSet: readonly number[];
  fresh: readonly number[];
  inherits: readonly boolean[];
  slotCount: number;
  /** By task: refused at spawn (its effects escape the parent grant and enforcement is on). */
  refusedAtSpawn: readonly boolean[];
}
