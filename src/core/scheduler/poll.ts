// One poll on the recorded (or step-bounded) path, as the seed's `scope_ambient` runs it: swap the task's scope
// into the live thread, run its ops until an await, a join, a panic or the end, swap it back out (the restore
// guard: also after a panic in scoped mode; not in naive mode, where the scope stays on the thread). The live
// thread is whichever one polls the task (threads.ts), so the same code serves one thread and several.
// Each op's semantics are opSemantics.ts's, shared with the explorer's fast path (fastPoll.ts); this loop adds
// the per-step bound and the recorder. Pure; depends on ./opSemantics.ts, ./lower.ts, ./tasks.ts and
// ./execTypes.ts types.
import { HOT_OPCODES, type ExecOp } from './lower.ts';
import type { Layout, Machine, PollOutcome, TaskRuntime } from './execTypes.ts';
import { tradeScope } from './fastPoll.ts';
import {
  LAST_WRITE_CODE,
  crossWired,
  currentOf,
  diffDelta,
  endTask,
  joinWaits,
  noteCrosswire,
  park,
  parkJoin,
  writeSlot,
} from './opSemantics.ts';
import type { Op } from './ops.ts';
import { countStep, spawnTask } from './tasks.ts';

// Module-local copies of the imports the loop uses: loaded as CommonJS (tsx from a CommonJS script) every use
// of an imported binding is a getter call through one megamorphic accessor.
const [POP, AWAIT, READ, CHECK, SPAWN, JOIN] = [HOT_OPCODES[1], HOT_OPCODES[6], HOT_OPCODES[7], HOT_OPCODES[8], HOT_OPCODES[9], HOT_OPCODES[10]];
const [write, crossed, current, delta, crosswire] = [writeSlot, crossWired, currentOf, diffDelta, noteCrosswire];
const [step, spawn, wait, waitJoin, joins, end] = [countStep, spawnTask, park, parkJoin, joinWaits, endTask];
const LAST_WRITE = LAST_WRITE_CODE;

/** Task `t` reads `slot` (opSemantics.ts `crossWired`), one step, and tells the recorder. */
function readSlot(
  m: Machine,
  L: Layout,
  t: number,
  slot: number,
  access: 'read' | 'pop' | 'check',
  what: string,
  span: Op['span'],
): void {
  const rec = m.rec;
  const alone = m.state.tasks[t]!.shadow[slot];
  const live = m.thread[slot];
  if (!step(m, L)) return;
  // Without a recorder, stacks are linked frames (see fastPoll.ts).
  const linked = rec === null;
  if (crossed(alone, live, slot, L.stack, linked)) crosswire(m, m.state.steps - 1);
  if (rec) rec.read(t, slot, access, what, current(alone, slot, L.stack, false), current(live, slot, L.stack, false), span);
}

/** One op of task `t`: null to go on, or how the poll ends. */
function execOp(m: Machine, L: Layout, t: number, task: TaskRuntime, x: ExecOp): PollOutcome | null {
  const rec = m.rec;
  const code = x.code;
  if (code <= LAST_WRITE) {
    // A pop is a read too: popping a frame that is not yours is a cross-wire.
    if (code === POP) {
      readSlot(m, L, t, x.slot, 'pop', 'pop', x.src.span);
      if (m.stopped) return null;
    }
    const thread = m.thread;
    const before = thread[x.slot]!;
    const after = write(x, task, before, L.empty, rec === null);
    thread[x.slot] = after;
    // Scoped, without a recorder: keeps `diffs` (see fastPoll.ts `tradeScope`) current as an op changes a captured slot.
    if (L.restoring && rec === null && L.activeCapturedSlot[x.slot] === 1)
      m.diffs[t] = m.diffs[t]! + delta(before, after, task.scope[x.slot]);
    if (step(m, L) && rec) rec.install(t, x.src, before, after);
    return null;
  }
  if (code === READ) {
    readSlot(m, L, t, x.slot, 'read', x.what, x.src.span);
    return null;
  }
  if (code === CHECK) {
    const reads = x.list;
    for (let i = 0; i < reads.length; i++) {
      readSlot(m, L, t, reads[i]!, 'check', x.what, x.src.span);
      if (m.stopped) return null;
    }
    if (step(m, L) && rec) rec.check(t, (x.src as Extract<Op, { op: 'check' }>).check, x.src.span);
    return null;
  }
  if (code === AWAIT) {
    const ticks = L.ignoreLatency ? 0 : x.ticks;
    if (!step(m, L)) return null;
    if (rec) {
      const src = x.src as Extract<Op, { op: 'await' }>;
      rec.await(t, src.kind, src.what, m.state.clock + ticks, src.span);
    }
    wait(m, t, task, ticks);
    return 'pending';
  }
  if (code === SPAWN) {
    const children = x.list;
    for (let i = 0; i < children.length; i++) {
      spawn(m, L, t, children[i]!, x.src.span);
      if (m.stopped) return null;
    }
    return null;
  }
  if (code === JOIN) {
    if (!joins(task) || !step(m, L)) return null;
    waitJoin(task);
    if (rec) rec.await(t, 'join', 'join', -1, x.src.span);
    return 'pending';
  }
  if (!step(m, L)) return null;
  if (rec) rec.panic(t, (x.src as Extract<Op, { op: 'throw' }>).message, x.src.span);
  return 'panic';
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
  if (outcome !== 'pending') end(m, L, t, outcome === 'panic');
}
