// The trace: an immutable array of steps (poll-enter/exit, per-slot swaps, installs, reads, checks, awaits,
// wakes, spawns, refusals, completions, panics, the outer-thread check), each with its task, span, one
// sentence of narration and a copy-on-write snapshot of the thread-locals and every task's saved scope.
// This file has the step types; ./traceRecorder.ts writes them (the executor's Recorder), its snapshots from
// ./snapshotter.ts and its sentences from ./narrate.ts. Depends on ./executor and ./moment types.
import type { Span } from '../diagnostics.ts';
import type { BridgeDecision } from './bridge.ts';
import type { PollOutcome, Recorder, TaskStatus } from './executor.ts';
import type { Moment } from './moment.ts';
import type { SlotValue } from './scope.ts';

/** The thread-locals and saved scopes at one step. Unchanged parts are the same arrays as the previous
 * step's (structured clone keeps the sharing), so a long trace stays small. */
export interface Snapshot {
  clock: number;
  /** The live thread-locals, indexed by slot (with several threads: the polling, or last polling, thread's). */
  thread: readonly SlotValue[];
  /** Several threads only: every thread's register file (`thread` is `threads[threadId]`). */
  threads?: readonly (readonly SlotValue[])[];
  /** Several threads only: the thread polling now, or that polled last (0-based). */
  threadId?: number;
  /** Each task's saved scope (indexed by task); null before spawn, while taken by a poll, or lost in a panic. */
  scopes: readonly (readonly SlotValue[] | null)[];
  /** The outer values the polling task's restore guard holds (scoped/naive), else null. */
  guard: readonly SlotValue[] | null;
  statuses: readonly TaskStatus[];
}

interface StepBase {
  index: number;
  /** Task name; null for the outer thread. */
  task: string | null;
  /** Source span in that task's program, where relevant. */
  span: Span | null;
  /** One plain sentence: what happened and why, then its consequence. */
  narration: string;
  /** A secondary line (clock, choice point, expected vs observed), or null. */
  detail: string | null;
  /** What this step is in the program, for the events a person steps through; null for the bookkeeping steps
   * between them (swaps, installs, awaits, wakes, completions, poll exits). */
  moment: Moment | null;
  /** One of the steps a person steps through (a poll, a read at a call or one that cross-wires, a check, a
   * spawn or refusal, a panic, the outer check); the rest show inside them and as fine steps. */
  event: boolean;
  snapshot: Snapshot;
}

/** The choice point a poll resolved: the tasks ready there (queue order), the one polled, and which choice
 * point of the run it was (0-based, as `picks` count them: pick `index` decides it). */
export interface ChoiceInfo {
  ready: string[];
  chosen: string;
  index: number;
  /** Several threads only: the thread (1-based) the chosen task was polled on; its pick is "chosen@thread". */
  thread?: number;
}

/** Several threads: a poll on another thread than the task's last (its spawner's, before its first poll). */
export interface ThreadMigration {
  /** 1-based threads. */
  from: number;
  to: number;
  /** The task's first poll (it moved from the thread it was spawned on). */
  first: boolean;
}

/** A read of one slot: what the task should see (its shadow) vs what the thread gives it. */
export interface ReadInfo {
  slot: string;
  access: 'read' | 'pop';
  /** What the value is read for (the call, `pop`, `emit_worker_event`). */
  what: string;
  expected: string;
  observed: string;
  expectedOwner: string | null;
  observedOwner: string | null;
  crosswire: boolean;
  /** A host call's read of TRUSTED_BRIDGE_CALL_DEPTH: the gate the builtins it bridges meet at the observed depth
   * and at its own (./bridge.ts). */
  bridge?: BridgeDecision;
}

export interface CheckInfo {
  call: string;
  effects: string[];
  target: string | null;
  decision: 'allow' | 'deny';
  /** What the task's own policy decides (what preflight promised). */
  preflight: 'allow' | 'deny';
  disagrees: boolean;
  policy: string;
  /** fs calls: the target resolved against the observed cwd. */
  path: string | null;
  /** fs writes: the session the audit record is attributed to. */
  session: string | null;
  crosswire: boolean;
  /** The human consequence of the cross-wire, or null. */
  consequence: string | null;
  /** The call escapes the parent grant (its child ran with enforcement at spawn off), else null. */
  violation: { code: 'HARN-CAP-301'; escapes: string[] } | null;
}

export type TraceStep = StepBase &
  (
    | {
        kind: 'poll-enter';
        choice: ChoiceInfo | null;
        /** Several threads only: the thread (1-based) polling, and the migration, if this poll is one. */
        thread?: number;
        migration?: ThreadMigration | null;
      }
    | { kind: 'swap'; slot: string; direction: 'in' | 'out'; installed: string; saved: string }
    | {
        kind: 'install';
        action: 'push' | 'pop' | 'set' | 'unset' | 'inc' | 'dec';
        slot: string;
        before: string;
        after: string;
      }
    | ({ kind: 'read' } & ReadInfo)
    | ({ kind: 'check' } & CheckInfo)
    | { kind: 'await'; awaitKind: string; what: string; wakeAt: number }
    | { kind: 'wake' }
    /** `escapes`: present when the child's effects escape the grant and it is spawned only because enforcement at
     * spawn is off (the effects not covered). */
    | { kind: 'spawn'; child: string; escapes?: string[]; covered?: boolean }
    | { kind: 'refuse'; child: string; code: 'HARN-CAP-301'; violations: string[] }
    | { kind: 'complete' }
    /** `restored`: scoped mode, the slots whose outer values the restore guard puts back; `leaked`: naive mode,
     * the slots the unwinding poll leaves holding the task's values (each present only when not empty). */
    | { kind: 'panic'; message: string; restored?: string[]; leaked?: string[] }
    | { kind: 'poll-exit'; outcome: PollOutcome; restored: boolean }
    | { kind: 'outer-check'; leaks: string[]; clean: boolean }
  );

export type TraceStepKind = TraceStep['kind'];

/** One cross-wire of the summary. */
export interface CrosswireRecord {
  step: number;
  task: string;
  slot: string;
  expected: string;
  observed: string;
  consequence: string;
  /** Several threads only: the thread (1-based) the read ran on. */
  thread?: number;
  /** Several threads only: `sibling` when the task had never left this thread (a sibling polled here left the
   * value), `migration` when it had run on another thread (its own values stayed there). */
  cause?: 'sibling' | 'migration';
}

/** One call that escaped the parent grant at run time (enforcement at spawn off). */
export interface ViolationRecord {
  step: number;
  task: string;
  call: string;
  code: 'HARN-CAP-301';
  escapes: string[];
}

/** Builds the trace while the executor runs. `steps` and `crosswires` are complete once the run returns. */
export interface TraceRecorder extends Recorder {
  steps: TraceStep[];
  crosswires: CrosswireRecord[];
  violations: ViolationRecord[];
}

export { createTraceRecorder } from './traceRecorder.ts';
