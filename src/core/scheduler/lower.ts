// Lowering for the executor: task-program ops turned into one object shape with an integer opcode (so the hot
// loop's property loads stay monomorphic), cached per op list, plus the slot constants and immutable-stack
// helpers the executor shares, and a fresh task's runtime record. Pure; depends on ./scope.ts, ./ops.ts and
// ./execTypes.ts types.
import type { TaskRuntime } from './execTypes.ts';
import type { Op, TaskProgram } from './ops.ts';
import { EMPTY_STACK as EMPTY_STACK_VALUE, type AmbientValue, type SlotValue, type SlotValues } from './scope.ts';

// Every stack slot's empty value is this one array (per-slot tables live in slotTable.ts), so the stack
// helpers below need no slot table.
const EMPTY_STACK: SlotValue = EMPTY_STACK_VALUE;

/**
 * The fast path's non-empty stack: linked frames, newest first (`rest` null at the bottom); the empty stack is
 * the slot's one EMPTY value, as on the recorded path. A push or pop allocates one frame where the recorded
 * path copies the array, and gives a new identity exactly where the array copy does (values are compared by
 * identity). Frames never leave the runner: outcomes carry none, and recorders only see array stacks.
 */
export interface Frame {
  readonly top: AmbientValue;
  readonly rest: Frame | null;
}

export function pushedFrame(value: SlotValue, item: AmbientValue, _slot: number): Frame {
  return { top: item, rest: value === EMPTY_STACK ? null : (value as unknown as Frame) };
}

export function poppedFrame(value: SlotValue, _slot: number): SlotValue {
  const rest = value === EMPTY_STACK ? null : (value as unknown as Frame).rest;
  // A copy of the frame below: a pop's result is a new value, as the array copy is (empty: the EMPTY value).
  return rest === null ? EMPTY_STACK : ({ top: rest.top, rest: rest.rest } as unknown as SlotValue);
}

/** The fast path's `slotCurrent`: the top frame's value of a stack, the depth, the option; `stack` is the
 * run's slot table's stack flags. */
export function frameCurrent(value: SlotValue | undefined, slot: number, stack: Uint8Array): AmbientValue | number | null {
  if (stack[slot] === 1) return value === EMPTY_STACK ? null : (value as unknown as Frame).top;
  return value === undefined ? null : (value as AmbientValue | number | null);
}

/** Resets every slot to its empty value (`empty`: the run's slot table's). */
export function fillEmpty(values: SlotValues, empty: readonly SlotValue[]): void {
  for (let i = 0; i < empty.length; i++) values[i] = empty[i]!;
}

export function pushed(value: SlotValue, item: AmbientValue): readonly AmbientValue[] {
  const stack = value as readonly AmbientValue[];
  const n = stack.length;
  // Sized up front: growing by push() would allocate a 17-slot backing store for a 1-frame stack.
  const out = new Array<AmbientValue>(n + 1);
  for (let i = 0; i < n; i++) out[i] = stack[i]!;
  out[n] = item;
  return out;
}

// Ops lowered to one object shape with an integer opcode, so the hot loop's property loads stay monomorphic.
export const C_PUSH = 0;
export const C_POP = 1;
export const C_SET = 2;
export const C_UNSET = 3;
export const C_INC = 4;
export const C_DEC = 5;
export const C_AWAIT = 6;
export const C_READ = 7;
export const C_CHECK = 8;
export const C_SPAWN = 9;
export const C_JOIN = 10;
export const C_THROW = 11;
/** The opcodes the hot loops switch on, in one tuple, so each loop module destructures local copies of them. */
export const HOT_OPCODES = [
  C_PUSH,
  C_POP,
  C_SET,
  C_UNSET,
  C_INC,
  C_DEC,
  C_AWAIT,
  C_READ,
  C_CHECK,
  C_SPAWN,
  C_JOIN,
] as const;
const CODES: Record<Op['op'], number> = {
  push: C_PUSH,
  pop: C_POP,
  set: C_SET,
  unset: C_UNSET,
  inc: C_INC,
  dec: C_DEC,
  await: C_AWAIT,
  read: C_READ,
  check: C_CHECK,
  spawn: C_SPAWN,
  join: C_JOIN,
  throw: C_THROW,
};

export interface ExecOp {
  code: number;
  slot: number;
  value: AmbientValue | null;
  ticks: number;
  /** spawn: children; check: the slots it reads. */
  list: readonly number[];
  /** read: what the value is read for; check: the call. */
  what: string;
  src: Op;
}

const NO_LIST: readonly number[] = [];

function lowerOp(o: Op): ExecOp {
  return {
    code: CODES[o.op],
    slot: 'slot' in o ? o.slot : -1,
    value: o.op === 'push' || o.op === 'set' ? o.value : null,
    ticks: o.op === 'await' ? o.ticks : 0,
    list: o.op === 'spawn' ? o.children : o.op === 'check' ? o.check.reads : NO_LIST,
    what: o.op === 'read' ? o.what : o.op === 'check' ? o.check.call : '',
    src: o,
  };
}

// Lowered programs by op list: a scenario's programs are run again and again (every re-simulation and explorer
// pass of one compile); op lists are immutable once compiled.
const LOWERED = new WeakMap<readonly Op[], ExecOp[]>();

export function loweredOps(program: TaskProgram): ExecOp[] {
  let ops = LOWERED.get(program.ops);
  if (!ops) {
    ops = program.ops.map(lowerOp);
    LOWERED.set(program.ops, ops);
  }
  return ops;
}

/** The slots some op of `programs` writes (push, pop, set, unset, inc, dec: the codes up to C_DEC). */
export function writtenSlots(programs: readonly TaskProgram[]): Set<number> {
  const written = new Set<number>();
  for (const program of programs)
    for (const o of program.ops) if ('slot' in o && CODES[o.op] <= C_DEC) written.add(o.slot);
  return written;
}

/** A task before its spawn. Slots outside the capture set are never written to a scope; they stay empty. */
export function createTaskRuntime(empty: readonly SlotValue[]): TaskRuntime {
  return {
    status: 'unspawned',
    pc: 0,
    scope: empty.slice(),
    shadow: empty.slice(),
    prevs: [],
    prevCount: 0,
    parent: -1,
    pending: 0,
    wakeAt: 0,
    polling: false,
    scopeLost: false,
    thread: -1,
  };
}

export function popped(value: SlotValue, _slot: number): readonly AmbientValue[] {
  const stack = value as readonly AmbientValue[];
  // An emptied stack is the slot's one empty value again, so the outer check and swaps compare by identity.
  const n = stack.length - 1;
  if (n <= 0) return EMPTY_STACK as readonly AmbientValue[];
  // A sized copy, not slice(): the builtin call costs more than the copy for these short stacks.
  const out = new Array<AmbientValue>(n);
  for (let i = 0; i < n; i++) out[i] = stack[i]!;
  return out;
}
