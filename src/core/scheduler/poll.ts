// One poll on the recorded (or step-bounded) path, as the seed's `scope_ambient` runs it: swap the task's scope
// into the live thread, run its ops until an await, a join, a panic or the end, swap it back out (the restore
// guard: also after a panic in scoped mode; not in naive mode, where the scope stays on the thread). The live
// thread is whichever one polls the task (threads.ts), so the same code serves one thread and several.
// fastPoll.ts has the same semantics for the explorer's fast path. Pure; depends on ./lower.ts, ./tasks.ts,
// ./scope.ts and ./execTypes.ts types.
import {
  HOT_OPCODES,
  frameCurrent,
  poppedFrame,
  pushedFrame,
  popped,
  pushed,
  type ExecOp,
} from './lower.ts';
import type { Layout, Machine, PollOutcome, TaskRuntime } from './execTypes.ts';
import { tradeScope } from './fastPoll.ts';
import type { Op } from './ops.ts';
import { slotCurrent, type AmbientValue, type SlotValue } from './scope.ts';
import { NO_TASKS, countStep, finishTask, sleepTask, spawnTask } from './tasks.ts';

// Module-local copies of the imports the loop uses: loaded as CommonJS (tsx from a CommonJS script) every use
// of an imported binding is a getter call through one megamorphic accessor.
const [PUSH, POP, SET, UNSET, INC, DEC, AWAIT, READ, CHECK, SPAWN, JOIN] = HOT_OPCODES;
const [push1, pop1, current] = [pushed, popped, slotCurrent];
const [pushFrame, popFrame, currentFrame] = [pushedFrame, poppedFrame, frameCurrent];
const [step, spawn, sleep, finish] = [countStep, spawnTask, sleepTask, finishTask];

/** Task `t` reads `slot`: a cross-wire when the live thread's current entry is not the one it would see alone. */
function readSlot(
  m: Machine,
  L: Layout,
  t: number,
  slot: number,
  access: 'read' | 'pop' | 'check',
  what: string,
  span: Op['span'],
): void {
  const state = m.state;
  const rec = m.rec;
  const alone = state.tasks[t]!.shadow[slot];
  const live = m.thread[slot];
  if (!step(m, L)) return;
  // One value reads the same either way; only two different values need their current entries compared.
  if (alone === live && rec === null) return;
  // Without a recorder, stacks are linked frames (see fastPoll.ts).
  const expected = rec === null ? currentFrame(alone, slot, L.stack) : current(alone);
  const observed = rec === null ? currentFrame(live, slot, L.stack) : current(live);
  if (expected !== observed) {
    m.crosswires++;
    if (m.firstCrosswireStep < 0) m.firstCrosswireStep = state.steps - 1;
  }
  if (rec) rec.read(t, slot, access, what, expected, observed, span);
}

// A stack with one more or one fewer frame: arrays for the recorder, linked frames without one.
function stackPush(m: Machine, value: SlotValue, item: AmbientValue, slot: number): SlotValue {
  return m.rec === null ? (pushFrame(value, item, slot) as unknown as SlotValue) : push1(value, item);
}
function stackPop(m: Machine, value: SlotValue, slot: number): SlotValue {
  return m.rec === null ? popFrame(value, slot) : pop1(value, slot);
}

// Scoped, without a recorder: keeps `diffs` (see fastPoll.ts `tradeScope`) current as an op changes a captured slot.
function track(m: Machine, L: Layout, task: TaskRuntime, slot: number, before: SlotValue, after: SlotValue): void {
  if (!L.restoring || m.rec !== null || L.activeCapturedSlot[slot] !== 1) return;
  const outer = task.scope[slot];
  const t = m.state.current;
  m.diffs[t] = m.diffs[t]! + (after !== outer ? 1 : 0) - (before !== outer ? 1 : 0);
}

/** One op of task `t`: null to go on, or how the poll ends. */
function execOp(m: Machine, L: Layout, t: number, task: TaskRuntime, x: ExecOp): PollOutcome | null {
  const slot = x.slot;
  const thread = m.thread;
  const rec = m.rec;
  const state = m.state;
  switch (x.code) {
    case PUSH: {
      const before = thread[slot]!;
      const after = stackPush(m, before, x.value!, slot);
      const shadowBefore = task.shadow[slot]!;
      thread[slot] = after;
      track(m, L, task, slot, before, after);
      // When the task sees what it expects (the usual case), thread and shadow share one new stack.
      task.shadow[slot] = shadowBefore === before ? after : stackPush(m, shadowBefore, x.value!, slot);
      if (step(m, L) && rec) rec.install(t, x.src, before, after);
      return null;
    }
    case POP: {
      readSlot(m, L, t, slot, 'pop', 'pop', x.src.span);
      if (m.stopped) return null;
      const before = thread[slot]!;
      const after = stackPop(m, before, slot);
      const shadowBefore = task.shadow[slot]!;
      thread[slot] = after;
      track(m, L, task, slot, before, after);
      task.shadow[slot] = shadowBefore === before ? after : stackPop(m, shadowBefore, slot);
      if (step(m, L) && rec) rec.install(t, x.src, before, after);
      return null;
    }
    case SET: {
      const before = thread[slot]!;
      const prevs = task.prevs;
      prevs[task.prevCount++] = slot;
      prevs[task.prevCount++] = before;
      prevs[task.prevCount++] = task.shadow[slot]!;
      thread[slot] = x.value;
      track(m, L, task, slot, before, x.value);
      task.shadow[slot] = x.value;
      if (step(m, L) && rec) rec.install(t, x.src, before, x.value);
      return null;
    }
    case UNSET: {
      const before = thread[slot]!;
      let real: SlotValue = L.empty[slot]!;
      let shadow: SlotValue = L.empty[slot]!;
      const prevs = task.prevs;
      for (let i = task.prevCount - 3; i >= 0; i -= 3) {
        if (prevs[i] === slot) {
          real = prevs[i + 1]!;
          shadow = prevs[i + 2]!;
          // Remove the triple: the ones after it move down.
          for (let j = i + 3; j < task.prevCount; j++) prevs[j - 3] = prevs[j]!;
          task.prevCount -= 3;
          break;
        }
      }
      thread[slot] = real;
      track(m, L, task, slot, before, real);
      task.shadow[slot] = shadow;
      if (step(m, L) && rec) rec.install(t, x.src, before, real);
      return null;
    }
    case INC:
    case DEC: {
      const before = thread[slot] as number;
      const delta = x.code === INC ? 1 : -1;
      // Rust's usize would underflow on a stray decrement; the simulation floors at 0.
      thread[slot] = Math.max(0, before + delta);
      track(m, L, task, slot, before, thread[slot]!);
      task.shadow[slot] = Math.max(0, (task.shadow[slot] as number) + delta);
      if (step(m, L) && rec) rec.install(t, x.src, before, thread[slot]!);
      return null;
    }
    case READ:
      readSlot(m, L, t, slot, 'read', x.what, x.src.span);
      return null;
    case CHECK: {
      const reads = x.list;
      for (let i = 0; i < reads.length; i++) {
        readSlot(m, L, t, reads[i]!, 'check', x.what, x.src.span);
        if (m.stopped) return null;
      }
      if (step(m, L) && rec) rec.check(t, (x.src as Extract<Op, { op: 'check' }>).check, x.src.span);
      return null;
    }
    case AWAIT: {
      const ticks = L.ignoreLatency ? 0 : x.ticks;
      if (!step(m, L)) return null;
      if (rec) {
        const src = x.src as Extract<Op, { op: 'await' }>;
        rec.await(t, src.kind, src.what, state.clock + ticks, src.span);
      }
      if (ticks <= 0) {
        task.status = 'ready';
        m.ready.push(t);
      } else {
        sleep(m, t, state.clock + ticks);
      }
      return 'pending';
    }
    case SPAWN: {
      const children = x.list;
      for (let i = 0; i < children.length; i++) {
        spawn(m, L, t, children[i]!, x.src.span);
        if (m.stopped) return null;
      }
      return null;
    }
    case JOIN:
      if (task.pending === 0) return null;
      if (!step(m, L)) return null;
      task.status = 'joining';
      if (rec) rec.await(t, 'join', 'join', -1, x.src.span);
      return 'pending';
    default: {
      if (!step(m, L)) return null;
      if (rec) rec.panic(t, (x.src as Extract<Op, { op: 'throw' }>).message, x.src.span);
      return 'panic';
    }
  }
}

// Exchanges the live thread's and the task's scope's value of every capture-set slot (swap in and swap out are
// the same exchange); one trace step per slot whose two values differ. Without a recorder (a poll near the step
// bound) the arrays are traded whole as on the fast path, with the same result at the bound.
function swapAll(m: Machine, L: Layout, t: number, task: TaskRuntime, direction: 'in' | 'out'): void {
  const state = m.state;
  const rec = m.rec;
  if (rec === null) {
    const total = state.steps + tradeScope(m, L, t, L.restoring ? m.diffs[t]! : -1);
    if (total > L.maxSteps) {
      state.steps = L.maxSteps;
      m.stopped = true;
    } else {
      state.steps = total;
    }
    return;
  }
  m.diffs[t] = -1;
  const scope = task.scope;
  const thread = m.thread;
  const captureSet = L.captureSet;
  for (let i = 0; i < captureSet.length; i++) {
    const s = captureSet[i]!;
    const held = thread[s]!;
    const incoming = scope[s]!;
    thread[s] = incoming;
    scope[s] = held;
    if (held !== incoming && step(m, L)) rec.swap(t, s, direction, incoming, held);
  }
}

/** Polls ready task `t` (already off the ready queue, its thread live): swap in → run → swap out. `choiceReady`
 * is the ready queue when this poll resolved a choice point; `from` the thread the task was on last. */
export function pollRecorded(
  m: Machine,
  L: Layout,
  ops: readonly ExecOp[],
  t: number,
  choiceReady: readonly number[] | null,
  from: number,
): void {
  const state = m.state;
  const rec = m.rec;
  const task = state.tasks[t]!;
  m.records[t] = null;
  state.current = t;
  task.status = 'running';
  if (!step(m, L)) return;
  if (rec) rec.pollEnter(t, choiceReady, choiceReady === null ? -1 : m.choicePoints - 1, from);
  const swapping = L.swapping;
  if (swapping) {
    task.polling = true;
    swapAll(m, L, t, task, 'in');
    if (m.stopped) return;
  }
  let outcome: PollOutcome = 'complete';
  while (task.pc < ops.length) {
    const result = execOp(m, L, t, task, ops[task.pc++]!);
    if (m.stopped) return;
    if (result !== null) {
      outcome = result;
      break;
    }
  }
  if (outcome === 'complete') {
    if (!step(m, L)) return;
    if (rec) rec.complete(t);
  }
  const restore = L.restoring || (swapping && outcome !== 'panic');
  if (swapping) {
    task.polling = false;
    if (restore) {
      swapAll(m, L, t, task, 'out');
      if (m.stopped) return;
    } else {
      task.scopeLost = true;
    }
  }
  state.current = -1;
  if (!step(m, L)) return;
  if (rec) rec.pollExit(t, outcome, restore);
  if (outcome === 'complete') {
    task.status = 'done';
    finish(m, L, t);
  } else if (outcome === 'panic') {
    task.status = 'panicked';
    if (m.panics === NO_TASKS) m.panics = [];
    m.panics.push(t);
    finish(m, L, t);
  }
}
