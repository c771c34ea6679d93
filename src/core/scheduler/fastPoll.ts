// The executor's fast path for one poll (no recorder; the explorer runs millions): the same events and step
// counts as executor.ts's recorded poll, in one loop with the step counter, thread and shadow in locals, stacks
// as linked frames (lower.ts `Frame`) and no per-op step-bound check (the caller polls here only when the poll
// cannot reach the bound; see `pollStepBounds`). Pure; depends on ./lower.ts, ./scope.ts and ./execTypes.ts types.
import {
  HOT_OPCODES,
  frameCurrent,
  poppedFrame,
  pushedFrame,
  type ExecOp,
} from './lower.ts';
import type { Layout, Machine } from './execTypes.ts';
import { finishTask, sleepTask, spawnTask } from './tasks.ts';
import type { SlotValue } from './scope.ts';

// Module-local copies of the imports the loop uses (see executor.ts: imported bindings can be getter calls).
const [PUSH, POP, SET, UNSET, INC, DEC, AWAIT, READ, CHECK, SPAWN, JOIN] = HOT_OPCODES;
const [push1, pop1, current] = [pushedFrame, poppedFrame, frameCurrent];
const [spawn, sleep, finish] = [spawnTask, sleepTask, finishTask];

/** The most steps an op can count: a pop reads then installs, a check reads each slot then checks, a spawn
 * counts one per child. */
function opStepBound(x: ExecOp): number {
  if (x.code === POP) return 2;
  if (x.code === CHECK || x.code === SPAWN) return x.list.length + (x.code === CHECK ? 1 : 0);
  return 1;
}

/** Per pc, the most steps a poll starting there can count: its ops from pc on, poll enter, completion and
 * exit, and a swap of every captured slot each way. */
export function pollStepBounds(ops: readonly ExecOp[], capturedCount: number): Int32Array {
  const bounds = new Int32Array(ops.length + 1);
  let suffix = 3 + 2 * capturedCount;
  bounds[ops.length] = suffix;
  for (let pc = ops.length - 1; pc >= 0; pc--) {
    suffix += opStepBound(ops[pc]!);
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
  const task = m.state.tasks[t]!;
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
  m.state.thread = scope;
  m.state.threads[m.state.threadId] = scope;
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
  const EMPTY_OF = layout.empty;
  const stack = layout.stack;
  // Scoped: the captured slots differing from the outer values, kept current by the writes (see `tradeScope`).
  let diff = m.diffs[t]!;
  let outcome = COMPLETE;
  let pc = task.pc;
  while (pc < ops.length) {
    const x = ops[pc++]!;
    const slot = x.slot;
    const code = x.code;
    if (code <= DEC) {
      const before = thread[slot]!;
      let after: SlotValue;
      if (code === PUSH) {
        after = push1(before, x.value!, slot) as unknown as SlotValue;
        const alone = shadow[slot]!;
        // When the task sees what it expects (the usual case), thread and shadow share one new stack.
        shadow[slot] = alone === before ? after : (push1(alone, x.value!, slot) as unknown as SlotValue);
      } else if (code === POP) {
        // A pop is a read too: popping a frame that is not yours is a cross-wire.
        const alone = shadow[slot]!;
        steps++;
        if (alone !== before && current(alone, slot, stack) !== current(before, slot, stack)) {
          m.crosswires++;
          if (m.firstCrosswireStep < 0) m.firstCrosswireStep = steps - 1;
        }
        after = pop1(before, slot);
        shadow[slot] = alone === before ? after : pop1(alone, slot);
      } else if (code === SET) {
        after = x.value;
        const prevs = task.prevs;
        prevs[task.prevCount++] = slot;
        prevs[task.prevCount++] = before;
        prevs[task.prevCount++] = shadow[slot]!;
        shadow[slot] = after;
      } else if (code === UNSET) {
        after = EMPTY_OF[slot]!;
        let alone: SlotValue = after;
        const prevs = task.prevs;
        const count = task.prevCount;
        for (let i = count - 3; i >= 0; i -= 3) {
          if (prevs[i] === slot) {
            after = prevs[i + 1]!;
            alone = prevs[i + 2]!;
            // Remove the triple: the ones after it move down.
            for (let j = i + 3; j < count; j++) prevs[j - 3] = prevs[j]!;
            task.prevCount = count - 3;
            break;
          }
        }
        shadow[slot] = alone;
      } else {
        const delta = code === INC ? 1 : -1;
        // Rust's usize would underflow on a stray decrement; the simulation floors at 0.
        after = Math.max(0, (before as number) + delta);
        shadow[slot] = Math.max(0, (shadow[slot] as number) + delta);
      }
      thread[slot] = after;
      if (restoring && capturedSlot[slot] === 1) {
        const was = outer[slot];
        diff += (after !== was ? 1 : 0) - (before !== was ? 1 : 0);
      }
      steps++;
      continue;
    }
    if (code === READ || code === CHECK) {
      const reads = x.list;
      const count = code === READ ? 1 : reads.length;
      for (let i = 0; i < count; i++) {
        const s = code === READ ? slot : reads[i]!;
        const alone = shadow[s];
        const live = thread[s];
        steps++;
        // One value reads the same either way; only two different values need their current entries compared.
        if (alone !== live && current(alone, s, stack) !== current(live, s, stack)) {
          m.crosswires++;
          if (m.firstCrosswireStep < 0) m.firstCrosswireStep = steps - 1;
        }
      }
      if (code === CHECK) steps++;
      continue;
    }
    if (code === AWAIT) {
      steps++;
      const ticks = layout.ignoreLatency ? 0 : x.ticks;
      if (ticks <= 0) {
        task.status = 'ready';
        m.ready.push(t);
      } else {
        sleep(m, t, state.clock + ticks);
      }
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
      if (task.pending === 0) continue;
      steps++;
      task.status = 'joining';
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
    } else {
      task.scopeLost = true;
    }
  }
  state.current = -1;
  state.steps = steps + 1;
  if (outcome === COMPLETE) {
    task.status = 'done';
    finish(m, layout, t);
  } else if (outcome === PANIC) {
    task.status = 'panicked';
    // An empty list may be the run's shared empty one (never pushed to).
    if (m.panics.length === 0) m.panics = [];
    m.panics.push(t);
    finish(m, layout, t);
  }
}
