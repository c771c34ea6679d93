// The executor's fast path for one poll (no recorder; the explorer runs millions): the same events and step
// counts as poll.ts's recorded poll, each op's semantics from the one op table (opSemantics.ts), in one loop
// with the step counter, thread and shadow in locals, stacks as linked frames (lower.ts `Frame`) and no per-op
// step-bound check (the caller polls here only when the poll cannot reach the bound; see `pollStepBounds`).
// Speed: V8 inlines callees into a function up to a budget of their bytecode (about 920 bytes in Node 20), and
// the op table's write functions and the two scope trades need nearly all of it; a cross-wire check is therefore
// written as "the two values differ" here, with the op table's `framesCrossWired` called only when they do (rare:
// not inlined, no budget spent). Measure a change here with `npm run bench -- against REV`.
// Pure; depends on ./opSemantics.ts, ./lower.ts, ./tasks.ts and ./execTypes.ts types.
import { HOT_OPCODES, type ExecOp } from './lower.ts';
import type { Layout, Machine } from './execTypes.ts';
import type { SlotValue } from './scope.ts';
import {
  LAST_WRITE_CODE,
  framesCrossWired,
  diffDelta,
  endTask,
  joinWaits,
  noteCrosswire,
  opStepBound,
  park,
  parkJoin,
  countSlot,
  popSlot,
  pushSlot,
  setSlot,
  unsetSlot,
} from './opSemantics.ts';
import { spawnTask } from './tasks.ts';

// Module-local copies of the imports the loop uses (see poll.ts: imported bindings can be getter calls).
const [PUSH, POP, SET, UNSET, AWAIT, READ, CHECK, SPAWN, JOIN] = [HOT_OPCODES[0], HOT_OPCODES[1], HOT_OPCODES[2], HOT_OPCODES[3], HOT_OPCODES[6], HOT_OPCODES[7], HOT_OPCODES[8], HOT_OPCODES[9], HOT_OPCODES[10]];
const [push, pop, setValue, unset, count] = [pushSlot, popSlot, setSlot, unsetSlot, countSlot];
const [framesCrossed, delta, crosswire, stepBound] = [framesCrossWired, diffDelta, noteCrosswire, opStepBound];
const [spawn, wait, waitJoin, joins, end] = [spawnTask, park, parkJoin, joinWaits, endTask];
const LAST_WRITE = LAST_WRITE_CODE;

/** Per pc, the most steps a poll starting there can count: its ops from pc on, poll enter, completion and
 * exit, and a swap of every captured slot each way. */
export function pollStepBounds(ops: readonly ExecOp[], capturedCount: number): Int32Array {
  const bounds = new Int32Array(ops.length + 1);
  let suffix = 3 + 2 * capturedCount;
  bounds[ops.length] = suffix;
  for (let pc = ops.length - 1; pc >= 0; pc--) {
    suffix += stepBound(ops[pc]!);
    bounds[pc] = suffix;
  }
  return bounds;
}

const COMPLETE = 0;
const PENDING = 1;
const PANIC = 2;

/** Trades the thread's array with task `t`'s scope array (swap in and swap out are the same exchange; written
 * shared slots are carried over) and returns how many active captured slots differ: `known` when the caller
 * has the count (scoped: the outer values never change between polls, and a poll's writes keep it), else
 * counted. The recorded path swaps slot by slot instead. */
export function tradeScope(m: Machine, layout: Layout, t: number, known: number): number {
  const state = m.state;
  const task = state.tasks[t]!;
  const scope = task.scope;
  const thread = m.thread;
  let differing = known;
  if (differing < 0) {
    differing = 0;
    const captured = layout.activeCaptured;
    for (let i = 0; i < captured.length; i++) {
      const s = captured[i]!;
      if (thread[s] !== scope[s]) differing++;
    }
  }
  m.diffs[t] = differing;
  const shared = layout.activeShared;
  for (let i = 0; i < shared.length; i++) {
    const s = shared[i]!;
    scope[s] = thread[s]!;
  }
  task.scope = thread;
  m.thread = scope;
  state.thread = scope;
  state.threads[state.threadId] = scope;
  return differing;
}

/** Polls ready task `t` (already taken off the ready queue) to its next await, join, panic or completion. The
 * caller guarantees `state.steps + bounds[pc]` is within the step bound. */
export function pollFast(m: Machine, layout: Layout, ops: readonly ExecOp[], t: number): void {
  const state = m.state;
  const task = state.tasks[t]!;
  const { swapping, restoring } = layout;
  m.records[t] = null;
  state.current = t;
  task.status = 'running';
  let steps = state.steps + 1;
  if (swapping) {
    task.polling = true;
    steps += tradeScope(m, layout, t, restoring ? m.diffs[t]! : -1);
  }
  // While polled with swapping on, `outer` holds the values the restore guard puts back.
  const outer = task.scope;
  const thread = m.thread;
  const shadow = task.shadow;
  const capturedSlot = layout.activeCapturedSlot;
  const empty = layout.empty;
  const stack = layout.stack;
  // Scoped: the captured slots differing from the outer values, kept current by the writes (see `tradeScope`).
  let diff = m.diffs[t]!;
  let outcome = COMPLETE;
  let pc = task.pc;
  while (pc < ops.length) {
    const x = ops[pc++]!;
    const code = x.code;
    if (code <= LAST_WRITE) {
      const slot = x.slot;
      const before = thread[slot]!;
      let after: SlotValue;
      if (code === PUSH) after = push(x, shadow, before, true);
      else if (code === POP) {
        // A pop is a read too: popping a frame that is not yours is a cross-wire.
        const alone = shadow[slot];
        if (alone !== before && framesCrossed(alone, before, slot, stack)) crosswire(m, steps);
        steps++;
        after = pop(x, shadow, before, true);
      } else if (code === SET) after = setValue(x, task, before);
      else if (code === UNSET) after = unset(x, task, empty);
      else after = count(x, shadow, before);
      thread[slot] = after;
      if (restoring && capturedSlot[slot] === 1) diff += delta(before, after, outer[slot]);
      steps++;
      continue;
    }
    if (code === READ || code === CHECK) {
      const reads = x.list;
      const count = code === READ ? 1 : reads.length;
      for (let i = 0; i < count; i++) {
        const s = code === READ ? x.slot : reads[i]!;
        steps++;
        const alone = shadow[s];
        const live = thread[s];
        // One value reads the same either way (the usual case, checked here so that the call is the rare path).
        if (alone !== live && framesCrossed(alone, live, s, stack)) crosswire(m, steps - 1);
      }
      if (code === CHECK) steps++;
      continue;
    }
    if (code === AWAIT) {
      steps++;
      wait(m, t, task, layout.ignoreLatency ? 0 : x.ticks);
      outcome = PENDING;
      break;
    }
    if (code === SPAWN) {
      state.steps = steps;
      const children = x.list;
      for (let i = 0; i < children.length; i++) spawn(m, layout, t, children[i]!, null);
      steps = state.steps;
      continue;
    }
    if (code === JOIN) {
      if (!joins(task)) continue;
      steps++;
      waitJoin(task);
      outcome = PENDING;
      break;
    }
    steps++;
    outcome = PANIC;
    break;
  }
  task.pc = pc;
  if (outcome === COMPLETE) steps++;
  if (swapping) {
    task.polling = false;
    if (restoring || outcome !== PANIC) {
      m.diffs[t] = diff;
      steps += tradeScope(m, layout, t, restoring ? diff : -1);
    } else task.scopeLost = true;
  }
  state.current = -1;
  state.steps = steps + 1;
  if (outcome !== PENDING) end(m, layout, t, outcome === PANIC);
}
