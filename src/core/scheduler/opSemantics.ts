// The op table: what each op does to the machine, written once and called by both polls — the recorded one
// (poll.ts `execOp`, which also counts each step against the bound and tells the recorder) and the fast one
// (fastPoll.ts `pollFast`, the explorer's, which counts steps in a local). Stacks are arrays when a recorder
// watches and linked frames otherwise (`linked`, see lower.ts `Frame`); the functions are small so that the
// compiler can inline them into both loops (fastPoll.ts says how its inlining budget is spent).
// Pure; depends on ./lower.ts, ./tasks.ts, ./scope.ts and ./execTypes.ts.
//
// | op            | semantics here                | steps (`opStepBound`)      | recorder call            |
// |---------------|-------------------------------|----------------------------|--------------------------|
// | push          | `pushSlot`                    | 1 (the install)            | `install`                |
// | set           | `setSlot`                     | 1                          | `install`                |
// | unset         | `unsetSlot`                   | 1                          | `install`                |
// | inc, dec      | `countSlot`                   | 1                          | `install`                |
// | pop           | `crossWired` then `popSlot`   | 2 (a read, the install)    | `read` ('pop'), `install`|
// | read          | `crossWired`                  | 1                          | `read`                   |
// | check         | `crossWired` per read slot    | reads + 1                  | `read` ('check'), `check`|
// | await         | `park`                        | 1                          | `await`                  |
// | spawn         | tasks.ts `spawnTask`          | 1 per child                | `spawn` or `refuse`      |
// | join          | `joinWaits`, `parkJoin`       | 1 when it waits            | `await` ('join')         |
// | throw         | (ends the poll: 'panic')      | 1                          | `panic`                  |
//
// Adding an op: see the note above `Op` in ops.ts.
import {
  C_CHECK,
  C_DEC,
  C_INC,
  C_POP,
  C_PUSH,
  C_SET,
  C_SPAWN,
  C_UNSET,
  frameCurrent,
  popped,
  poppedFrame,
  pushed,
  pushedFrame,
  type ExecOp,
} from './lower.ts';
import type { Layout, Machine, TaskRuntime } from './execTypes.ts';
import { slotCurrent, type AmbientValue, type SlotValue } from './scope.ts';
import { finishTask, sleepTask } from './tasks.ts';

// Module-local copies of the imports the functions use: loaded as CommonJS (tsx from a CommonJS script) every
// use of an imported binding is a getter call through one megamorphic accessor.
const [PUSH, POP, SET, UNSET, INC] = [C_PUSH, C_POP, C_SET, C_UNSET, C_INC];
const [pushArray, popArray, pushFrame, popFrame] = [pushed, popped, pushedFrame, poppedFrame];
const [arrayCurrent, currentFrame, sleep, finish] = [slotCurrent, frameCurrent, sleepTask, finishTask];

/** A stack with one more frame: linked frames on the fast path, arrays for the recorder. */
function stackPush(value: SlotValue, item: AmbientValue, slot: number, linked: boolean): SlotValue {
  return linked ? (pushFrame(value, item, slot) as unknown as SlotValue) : pushArray(value, item);
}

function stackPop(value: SlotValue, slot: number, linked: boolean): SlotValue {
  return linked ? popFrame(value, slot) : popArray(value, slot);
}

/** The current entry of a slot's value (a stack's top, a depth, an option), in either stack representation. */
export function currentOf(value: SlotValue | undefined, slot: number, stack: Uint8Array, linked: boolean): AmbientValue | number | null {
  return linked ? currentFrame(value, slot, stack) : arrayCurrent(value);
}

/** A read of `slot` cross-wires when the task's shadow (what it would see alone) and the live thread differ in
 * their current entry; one value reads the same either way, so only two different values are compared. One
 * function per stack representation, so that each poll's comparisons learn only its own kinds of values (shared,
 * the fast poll's would compare generically). */
export function crossWired(alone: SlotValue | undefined, live: SlotValue | undefined, slot: number, stack: Uint8Array, linked: boolean): boolean {
  return linked ? framesCrossWired(alone, live, slot, stack) : arraysCrossWired(alone, live);
}

/** `crossWired` on linked frames (the fast poll's, which calls it only when the two values differ). */
export function framesCrossWired(alone: SlotValue | undefined, live: SlotValue | undefined, slot: number, stack: Uint8Array): boolean {
  return alone !== live && currentFrame(alone, slot, stack) !== currentFrame(live, slot, stack);
}

function arraysCrossWired(alone: SlotValue | undefined, live: SlotValue | undefined): boolean {
  return alone !== live && arrayCurrent(alone) !== arrayCurrent(live);
}

/** Counts one cross-wire, found at trace step `step`. */
export function noteCrosswire(m: Machine, step: number): void {
  m.crosswires++;
  if (m.firstCrosswireStep < 0) m.firstCrosswireStep = step;
}

/**
 * The write ops (push, pop, set, unset, inc, dec: codes up to C_DEC) of one slot: each takes the live thread's
 * value `before`, writes the task's shadow and returns the thread's new value, which the caller installs
 * (`thread[x.slot] = after`). A pop's read (its cross-wire) is the caller's, before this. One function per op,
 * each small enough for the compiler to inline where a poll calls it (the fast poll dispatches on the code
 * itself; the recorded one calls this).
 */
export function writeSlot(x: ExecOp, task: TaskRuntime, before: SlotValue, empty: readonly SlotValue[], linked: boolean): SlotValue {
  const code = x.code;
  if (code === PUSH) return pushSlot(x, task.shadow, before, linked);
  if (code === POP) return popSlot(x, task.shadow, before, linked);
  if (code === SET) return setSlot(x, task, before);
  if (code === UNSET) return unsetSlot(x, task, empty);
  return countSlot(x, task.shadow, before);
}

/** `push`: thread and shadow get the value on top of their stacks. */
export function pushSlot(x: ExecOp, shadow: SlotValue[], before: SlotValue, linked: boolean): SlotValue {
  const slot = x.slot;
  const alone = shadow[slot]!;
  const item = x.value!;
  // The thread's push written out (`stackPush` only for the shadow's rare one): the compiler's inlining budget is
  // per poll, not per op (see fastPoll.ts).
  const after = linked ? (pushFrame(before, item, slot) as unknown as SlotValue) : pushArray(before, item);
  // When the task sees what it expects (the usual case), thread and shadow share one new stack.
  shadow[slot] = alone === before ? after : stackPush(alone, item, slot, linked);
  return after;
}

/** `pop`: thread and shadow lose their stacks' tops. */
export function popSlot(x: ExecOp, shadow: SlotValue[], before: SlotValue, linked: boolean): SlotValue {
  const slot = x.slot;
  const alone = shadow[slot]!;
  const after = linked ? popFrame(before, slot) : popArray(before, slot);
  shadow[slot] = alone === before ? after : stackPop(alone, slot, linked);
  return after;
}

/** `set`: the value replaces thread and shadow, the ones it replaces kept for the guard's `unset`. */
export function setSlot(x: ExecOp, task: TaskRuntime, before: SlotValue): SlotValue {
  const slot = x.slot;
  const shadow = task.shadow;
  const prevs = task.prevs;
  const value = x.value;
  let n = task.prevCount;
  prevs[n++] = slot;
  prevs[n++] = before;
  prevs[n++] = shadow[slot]!;
  task.prevCount = n;
  shadow[slot] = value;
  return value;
}

/** `inc` and `dec` of a depth counter, in thread and shadow. */
export function countSlot(x: ExecOp, shadow: SlotValue[], before: SlotValue): SlotValue {
  const slot = x.slot;
  const delta = x.code === INC ? 1 : -1;
  // Rust's usize would underflow on a stray decrement; the simulation floors at 0.
  shadow[slot] = Math.max(0, (shadow[slot] as number) + delta);
  return Math.max(0, (before as number) + delta);
}

/** `unset`: the value (and shadow) the task's most recent `set` of `slot` replaced, its triple removed; the
 * slot's empty value when there is none. */
export function unsetSlot(x: ExecOp, task: TaskRuntime, empty: readonly SlotValue[]): SlotValue {
  const slot = x.slot;
  const prevs = task.prevs;
  const count = task.prevCount;
  let i = count - 3;
  while (i >= 0 && prevs[i] !== slot) i -= 3;
  if (i < 0) {
    task.shadow[slot] = empty[slot]!;
    return empty[slot]!;
  }
  const real = prevs[i + 1]!;
  task.shadow[slot] = prevs[i + 2]!;
  // Remove the triple (the ones after it move down; none when the guards unwind in order, the usual case).
  if (i + 3 < count) dropTriple(prevs, i, count);
  task.prevCount = count - 3;
  return real;
}

/** Removes the triple at `i` of the first `count` entries of `prevs`: the ones after it move down. */
function dropTriple(prevs: SlotValue[], i: number, count: number): void {
  for (let j = i + 3; j < count; j++) prevs[j - 3] = prevs[j]!;
}

/** Scoped: how a write changes the count of captured slots differing from the outer values (`was`). */
export function diffDelta(before: SlotValue, after: SlotValue, was: SlotValue | undefined): number {
  return (after !== was ? 1 : 0) - (before !== was ? 1 : 0);
}

/** `await` of `ticks` (0 with latency ignored): the task is ready again at once, or sleeps until the clock. */
export function park(m: Machine, t: number, task: TaskRuntime, ticks: number): void {
  if (ticks <= 0) {
    task.status = 'ready';
    m.ready.push(t);
  } else {
    sleep(m, t, m.state.clock + ticks);
  }
}

/** `join` waits while a child is pending; with none it counts no step and the op goes on. */
export function joinWaits(task: TaskRuntime): boolean {
  return task.pending !== 0;
}

/** A waiting `join` (its step counted): the task waits until its last child finishes. */
export function parkJoin(task: TaskRuntime): void {
  task.status = 'joining';
}

/** A poll ended by completion (`panicked` false) or a panic: the task is finished, its spawner told. */
export function endTask(m: Machine, L: Layout, t: number, panicked: boolean): void {
  const task = m.state.tasks[t]!;
  if (panicked) {
    task.status = 'panicked';
    // An empty list may be the run's shared empty one (never pushed to).
    if (m.panics.length === 0) m.panics = [];
    m.panics.push(t);
  } else {
    task.status = 'done';
  }
  finish(m, L, t);
}

/** The most steps an op can count: a pop reads then installs, a check reads each slot then checks, a spawn
 * counts one per child. */
export function opStepBound(x: ExecOp): number {
  if (x.code === POP) return 2;
  if (x.code === C_CHECK || x.code === C_SPAWN) return x.list.length + (x.code === C_CHECK ? 1 : 0);
  return 1;
}

/** The write ops are the codes up to this one. */
export const LAST_WRITE_CODE = C_DEC;
