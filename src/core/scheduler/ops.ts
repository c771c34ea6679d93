// Task programs: the small op IR the executor runs (push/pop/set/unset/inc/dec on slots, await, read, check,
// spawn, join, throw) and builders for writing the seed's tests 1:1. compile.ts lowers Harn ASTs into it.
// Pure data; slots are catalog indices. Depends on ./scope.ts, ../diagnostics.ts and analysis types.
import type { SlotTable } from './slotTable.ts';
import type { Span } from '../diagnostics.ts';
import type { EffectRecord } from '../analysis/types.ts';
import type { AmbientValue } from './scope.ts';

/** What a task awaits: the scenario's latency kinds, plus the worker's startup event, connector calls and
 * joins (the first two take `latency.default`; a join waits for its children, not for ticks). */
export type AwaitOpKind =
  'llm' | 'net' | 'spawn' | 'tool' | 'host' | 'sleep' | 'yield' | 'event' | 'connector';

/** A capability check: one effectful call, the slots it reads, and what it touches. */
export interface CheckSpec {
  /** The callee as written: `write_file`, `harness.fs.write_file`, `host_call`. */
  call: string;
  /** The effect records this call yields (`callEffects(node)`). */
  effects: EffectRecord[];
  /** Slots read before deciding, in order: VM_EXECUTION_CONTEXT first for fs calls (the path resolves
   * against the cwd before the policy can judge it), then EXECUTION_POLICY_STACK, then the call's others. */
  reads: number[];
  /** First literal argument (path, URL, operation), if any. */
  target: string | null;
  /** An fs call: its target is a path resolved against the observed cwd. */
  isFs: boolean;
  /** An fs write/mutate: its audit record goes to the observed mutation session. */
  isWrite: boolean;
  /** `effect_record_summary` of each of this call's effects that escape the parent grant (a child whose spawn
   * is refused; it runs only with enforcement at spawn off). Empty for every other call. */
  escapes: string[];
}

/**
 * Adding an op: (1) its variant here and a builder in `op` below; (2) a code in lower.ts (`C_*`, `CODES`,
 * `lowerOp`; write ops stay at or below `C_DEC`); (3) what it does in opSemantics.ts, the op table (a row of its
 * table, its function, its steps in `opStepBound`); (4) a call to that function from both polls, poll.ts
 * `execOp` and fastPoll.ts `pollFast` (a write op: from `writeSlot`, the recorded poll's dispatch, and from
 * `pollFast`'s own); (5) a new kind of step, if it makes one: `TraceStep` (trace.ts), its
 * recorder method (traceRecorder.ts) and its sentence (narrate.ts); (6) its footprint in
 * ../explorer/footprint.ts if it touches slots; (7) its lowering from Harn in compile.ts. MODEL.md, "The op
 * table", says why each step is where it is.
 */
export type Op =
  | { op: 'push'; slot: number; value: AmbientValue; span: Span | null }
  | { op: 'pop'; slot: number; span: Span | null }
  | { op: 'set'; slot: number; value: AmbientValue | null; span: Span | null }
  /** Restores the value this task's most recent `set` of the slot replaced (a guard going out of scope). */
  | { op: 'unset'; slot: number; span: Span | null }
  | { op: 'inc'; slot: number; span: Span | null }
  | { op: 'dec'; slot: number; span: Span | null }
  | { op: 'await'; kind: AwaitOpKind; ticks: number; what: string; span: Span | null }
  | { op: 'read'; slot: number; what: string; span: Span | null }
  | { op: 'check'; check: CheckSpec; span: Span | null }
  /** Spawns these tasks (indices into the task set), capturing each one's inherited scope now. */
  | { op: 'spawn'; children: number[]; span: Span | null }
  /** Waits until every task this one spawned has finished. */
  | { op: 'join'; span: Span | null }
  | { op: 'throw'; message: string; span: Span | null };

export type TaskRole = 'parent' | 'child' | 'task';

/** Why spawning a task is refused (HARN-CAP-301), decided statically at compile time. */
export interface SpawnRefusal {
  message: string;
  /** `effect_record_summary` of each child effect the parent grant does not cover. */
  violations: string[];
}

/** One task's program. */
export interface TaskProgram {
  name: string;
  role: TaskRole;
  ops: Op[];
  /** Set when this task's spawn is refused while enforcement is on. */
  refusal: SpawnRefusal | null;
  /** What the parent grant allows and what this child asks for (both summaries), when the grant is known. */
  admission?: Admission | null;
  /** Set when the parent's code does not spawn this child and the playground does: why ("parent's code spawns
   * "alpha" and "beta", not "gamma""). */
  playground?: string;
}

/** The spawn-time comparison of a child's effects with the parent grant, for the spawn's narration. */
export interface Admission {
  grant: string[];
  effects: string[];
}

/** Every task of a run. `roots` are spawned by the outer thread (the LocalSet driver) at time 0. */
export interface TaskSet {
  tasks: TaskProgram[];
  roots: number[];
  /** The run's slots when the scenario adds thread-locals; absent = the seed's catalog (SEED_SLOT_TABLE). */
  slots?: SlotTable;
}

/** Builders so tests read like the seed: `push(SLOT.executionPolicy, policy)`, `yieldNow()`, `read(…)`. */
export const op = {
  push: (slot: number, value: AmbientValue, span: Span | null = null): Op => ({
    op: 'push',
    slot,
    value,
    span,
  }),
  pop: (slot: number, span: Span | null = null): Op => ({ op: 'pop', slot, span }),
  set: (slot: number, value: AmbientValue | null, span: Span | null = null): Op => ({
    op: 'set',
    slot,
    value,
    span,
  }),
  unset: (slot: number, span: Span | null = null): Op => ({ op: 'unset', slot, span }),
  inc: (slot: number, span: Span | null = null): Op => ({ op: 'inc', slot, span }),
  dec: (slot: number, span: Span | null = null): Op => ({ op: 'dec', slot, span }),
  wait: (kind: AwaitOpKind, ticks: number, what: string, span: Span | null = null): Op => ({
    op: 'await',
    kind,
    ticks,
    what,
    span,
  }),
  yieldNow: (span: Span | null = null): Op => ({
    op: 'await',
    kind: 'yield',
    ticks: 1,
    what: 'yield_now()',
    span,
  }),
  read: (slot: number, what: string, span: Span | null = null): Op => ({ op: 'read', slot, what, span }),
  check: (check: CheckSpec, span: Span | null = null): Op => ({ op: 'check', check, span }),
  spawn: (children: number[], span: Span | null = null): Op => ({ op: 'spawn', children, span }),
  join: (span: Span | null = null): Op => ({ op: 'join', span }),
  throw: (message: string, span: Span | null = null): Op => ({ op: 'throw', message, span }),
};
