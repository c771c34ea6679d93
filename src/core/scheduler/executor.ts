// The simulated LocalSet: one thread of ambient slots, a FIFO ready queue, a logical clock waking awaited
// tasks, and choice points resolved by a caller-supplied function. Modes: scoped (swap on poll enter and
// exit, with the restore guard), unscoped (raw shared slots), naive (no guard: a panic leaks the scope).
// Each task keeps a shadow of what it would see alone; a read whose observed value differs is a cross-wire.
// A Recorder (trace.ts) turns events into trace steps; without one this is the explorer's lean fast path.
import { AMBIENT_THREAD_LOCAL_CATALOG, INHERITED_SLOT_INDICES, SLOT, SLOT_COUNT } from './catalog.ts';
import type { CheckSpec, Op, TaskSet } from './ops.ts';
import {
  emptySlotValue,
  isSlotEmpty,
  slotCurrent,
  type AmbientValue,
  type SlotValue,
  type SlotValues,
} from './scope.ts';

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
  /** Set/unset memory: triples (slot, replaced real value, replaced shadow value), LIFO. */
  prevs: SlotValue[];
  parent: number;
  pending: number;
  wakeAt: number;
  polling: boolean;
  /** Naive mode: the task panicked mid-poll and its guard-held outer values were lost with it. */
  scopeLost: boolean;
}

/** The executor's whole mutable state; recorders read it to snapshot. */
export interface ExecState {
  thread: SlotValues;
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
}

/** Picks which ready task runs next at a choice point: an index into `ready`, or -1 to stop there. */
export type ChooseFn = (ready: readonly number[], state: ExecState) => number;

export type PollOutcome = 'pending' | 'complete' | 'panic';

/** Observes every executor event that becomes a trace step. Never called on the fast path. */
export interface Recorder {
  pollEnter(task: number): void;
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
}

const CATALOG_CAPTURED: readonly boolean[] = AMBIENT_THREAD_LOCAL_CATALOG.map(
  (slot) => slot.scoping.kind === 'captured',
);
const INHERITED: readonly boolean[] = AMBIENT_THREAD_LOCAL_CATALOG.map((slot) =>
  INHERITED_SLOT_INDICES.includes(slot.index),
);
const EMPTY: readonly SlotValue[] = AMBIENT_THREAD_LOCAL_CATALOG.map((slot) => emptySlotValue(slot.index));
/** Slots a correctly scoped task starts empty: the catalog's Captured ones `capture_inherited` does not copy. */
const FRESH_IN_SCOPE: readonly number[] = AMBIENT_THREAD_LOCAL_CATALOG.filter(
  (slot) => CATALOG_CAPTURED[slot.index] && !INHERITED[slot.index],
).map((slot) => slot.index);

function fillEmpty(values: SlotValues): void {
  for (let i = 0; i < SLOT_COUNT; i++) values[i] = EMPTY[i]!;
}

function pushed(value: SlotValue, item: AmbientValue): readonly AmbientValue[] {
  const stack = value as readonly AmbientValue[];
  const n = stack.length;
  const out: AmbientValue[] = [];
  for (let i = 0; i < n; i++) out.push(stack[i]!);
  out.push(item);
  return out;
}

// Ops lowered to one object shape with an integer opcode, so the hot loop's property loads stay monomorphic.
const C_PUSH = 0;
const C_POP = 1;
const C_SET = 2;
const C_UNSET = 3;
const C_INC = 4;
const C_DEC = 5;
const C_AWAIT = 6;
const C_READ = 7;
const C_CHECK = 8;
const C_SPAWN = 9;
const C_JOIN = 10;
const C_THROW = 11;
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

interface ExecOp {
  code: number;
  slot: number;
  value: AmbientValue | null;
  ticks: number;
  /** spawn: children; check: the slots it reads. */
  list: readonly number[];
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
    src: o,
  };
}

function popped(value: SlotValue, slot: number): readonly AmbientValue[] {
  const stack = value as readonly AmbientValue[];
  // An emptied stack is the slot's one empty value again, so the outer check and swaps compare by identity.
  return stack.length <= 1 ? (EMPTY[slot] as readonly AmbientValue[]) : stack.slice(0, -1);
}

/** A reusable executor for one task set and config: `run` resets the state in place (the explorer runs the
 * same scenario hundreds of thousands of times). */
export interface Runner {
  state: ExecState;
  run(choose: ChooseFn, recorder: Recorder | null): ExecOutcome;
}

export function createRunner(taskSet: TaskSet, config: ExecConfig): Runner {
  const { tasks: programs, roots } = taskSet;
  const { mode, captureSet, maxSteps, enforceAtSpawn, ignoreLatency } = config;
  const swapping = mode !== 'unscoped';
  const state: ExecState = { thread: EMPTY.slice(), tasks: [], clock: 0, steps: 0, current: -1 };
  for (let i = 0; i < programs.length; i++) {
    // Slots outside the capture set are never written to a scope; they stay empty for snapshots.
    state.tasks.push({
      status: 'unspawned',
      pc: 0,
      scope: EMPTY.slice(),
      shadow: EMPTY.slice(),
      prevs: [],
      parent: -1,
      pending: 0,
      wakeAt: 0,
      polling: false,
      scopeLost: false,
    });
  }
  const initial: readonly SlotValue[] = EMPTY;
  const lowered: readonly ExecOp[][] = programs.map((program) => program.ops.map(lowerOp));
  const ready: number[] = [];
  const sleepers: number[] = [];

  function run(choose: ChooseFn, rec: Recorder | null): ExecOutcome {
    const thread = state.thread;
    const tasks = state.tasks;
    fillEmpty(thread);
    state.clock = 0;
    state.steps = 0;
    state.current = -1;
    ready.length = 0;
    sleepers.length = 0;
    for (const task of tasks) {
      task.status = 'unspawned';
      task.pc = 0;
      task.prevs.length = 0;
      task.parent = -1;
      task.pending = 0;
      task.wakeAt = 0;
      task.polling = false;
      task.scopeLost = false;
    }
    let stopped = false;
    let crosswires = 0;
    let firstCrosswireStep = -1;
    let choicePoints = 0;
    const panics: number[] = [];
    const refused: number[] = [];

    // Counts one trace step; false (and stop) once the bound is reached.
    const step = (): boolean => {
      if (state.steps >= maxSteps) {
        stopped = true;
        return false;
      }
      state.steps++;
      return true;
    };

    const read = (
      t: number,
      slot: number,
      access: 'read' | 'pop' | 'check',
      what: string,
      span: Op['span'],
    ): void => {
      const task = tasks[t]!;
      const expected = slotCurrent(task.shadow[slot]);
      const observed = slotCurrent(thread[slot]);
      if (!step()) return;
      if (expected !== observed) {
        crosswires++;
        if (firstCrosswireStep < 0) firstCrosswireStep = state.steps - 1;
      }
      if (rec) rec.read(t, slot, access, what, expected, observed, span);
    };

    // Spawns `child` from the task (or, for -1, the outer thread) currently installed on the thread.
    const spawn = (from: number, child: number, span: Op['span']): void => {
      const task = tasks[child]!;
      if (enforceAtSpawn && programs[child]!.refusal) {
        task.status = 'refused';
        refused.push(child);
        if (step() && rec) rec.refuse(from, child, span);
        return;
      }
      const parentShadow = from >= 0 ? tasks[from]!.shadow : initial;
      // The shadow is what a correctly scoped child sees: the catalog's captured slots per capture_inherited,
      // every other slot the raw thread as its spawner left it.
      const shadow = task.shadow;
      for (let s = 0; s < SLOT_COUNT; s++) shadow[s] = parentShadow[s]!;
      for (let i = 0; i < FRESH_IN_SCOPE.length; i++) shadow[FRESH_IN_SCOPE[i]!] = EMPTY[FRESH_IN_SCOPE[i]!]!;
      const scope = task.scope;
      for (let i = 0; i < captureSet.length; i++) {
        const s = captureSet[i]!;
        scope[s] = INHERITED[s] ? thread[s]! : EMPTY[s]!;
      }
      task.parent = from;
      task.status = 'ready';
      if (from >= 0) tasks[from]!.pending++;
      ready.push(child);
      if (step() && rec) rec.spawn(from, child, span);
    };

    const sleep = (t: number, wakeAt: number): void => {
      const task = tasks[t]!;
      task.status = 'sleeping';
      task.wakeAt = wakeAt;
      let at = sleepers.length;
      while (at > 0 && tasks[sleepers[at - 1]!]!.wakeAt > wakeAt) at--;
      sleepers.splice(at, 0, t);
    };

    const finish = (t: number): void => {
      const parent = tasks[t]!.parent;
      if (parent < 0) return;
      const p = tasks[parent]!;
      p.pending--;
      if (p.pending === 0 && p.status === 'joining') {
        p.status = 'ready';
        ready.push(parent);
        if (step() && rec) rec.wake(parent);
      }
    };

    const exec = (t: number, x: ExecOp): PollOutcome | null => {
      const task = tasks[t]!;
      const slot = x.slot;
      switch (x.code) {
        case C_PUSH: {
          const before = thread[slot]!;
          const after = pushed(before, x.value!);
          const shadowBefore = task.shadow[slot]!;
          thread[slot] = after;
          // When the task sees what it expects (the usual case), thread and shadow share one new stack.
          task.shadow[slot] = shadowBefore === before ? after : pushed(shadowBefore, x.value!);
          if (step() && rec) rec.install(t, x.src, before, thread[slot]!);
          return null;
        }
        case C_POP: {
          read(t, slot, 'pop', 'pop', x.src.span);
          if (stopped) return null;
          const before = thread[slot]!;
          const after = popped(before, slot);
          const shadowBefore = task.shadow[slot]!;
          thread[slot] = after;
          task.shadow[slot] = shadowBefore === before ? after : popped(shadowBefore, slot);
          if (step() && rec) rec.install(t, x.src, before, thread[slot]!);
          return null;
        }
        case C_SET: {
          const before = thread[slot]!;
          task.prevs.push(slot, before, task.shadow[slot]!);
          thread[slot] = x.value;
          task.shadow[slot] = x.value;
          if (step() && rec) rec.install(t, x.src, before, x.value);
          return null;
        }
        case C_UNSET: {
          const before = thread[slot]!;
          let real: SlotValue = EMPTY[slot]!;
          let shadow: SlotValue = EMPTY[slot]!;
          const prevs = task.prevs;
          for (let i = prevs.length - 3; i >= 0; i -= 3) {
            if (prevs[i] === slot) {
              real = prevs[i + 1]!;
              shadow = prevs[i + 2]!;
              // Remove the triple without splice (which allocates the removed items).
              for (let j = i + 3; j < prevs.length; j++) prevs[j - 3] = prevs[j]!;
              // pop(), not `length -=`: setting length is a slow builtin call.
              prevs.pop();
              prevs.pop();
              prevs.pop();
              break;
            }
          }
          thread[slot] = real;
          task.shadow[slot] = shadow;
          if (step() && rec) rec.install(t, x.src, before, real);
          return null;
        }
        case C_INC:
        case C_DEC: {
          const before = thread[slot] as number;
          const delta = x.code === C_INC ? 1 : -1;
          // Rust's usize would underflow on a stray decrement; the simulation floors at 0.
          thread[slot] = Math.max(0, before + delta);
          task.shadow[slot] = Math.max(0, (task.shadow[slot] as number) + delta);
          if (step() && rec) rec.install(t, x.src, before, thread[slot]!);
          return null;
        }
        case C_READ: {
          const src = x.src as Extract<Op, { op: 'read' }>;
          read(t, slot, 'read', src.what, src.span);
          return null;
        }
        case C_CHECK: {
          const src = x.src as Extract<Op, { op: 'check' }>;
          const reads = x.list;
          for (let i = 0; i < reads.length; i++) {
            read(t, reads[i]!, 'check', src.check.call, src.span);
            if (stopped) return null;
          }
          if (step() && rec) rec.check(t, src.check, src.span);
          return null;
        }
        case C_AWAIT: {
          const ticks = ignoreLatency ? 0 : x.ticks;
          if (!step()) return null;
          if (rec) {
            const src = x.src as Extract<Op, { op: 'await' }>;
            rec.await(t, src.kind, src.what, state.clock + ticks, src.span);
          }
          if (ticks <= 0) {
            task.status = 'ready';
            ready.push(t);
          } else {
            sleep(t, state.clock + ticks);
          }
          return 'pending';
        }
        case C_SPAWN: {
          const children = x.list;
          for (let i = 0; i < children.length; i++) {
            spawn(t, children[i]!, x.src.span);
            if (stopped) return null;
          }
          return null;
        }
        case C_JOIN:
          if (task.pending === 0) return null;
          if (!step()) return null;
          task.status = 'joining';
          if (rec) rec.await(t, 'join', 'join', -1, x.src.span);
          return 'pending';
        default: {
          if (!step()) return null;
          if (rec) rec.panic(t, (x.src as Extract<Op, { op: 'throw' }>).message, x.src.span);
          return 'panic';
        }
      }
    };

    // Exchanges the thread's and `scope`'s value of every capture-set slot (swap in and swap out are the same
    // exchange); one trace step per slot whose two values differ. Without a recorder the steps are counted in
    // bulk, with the same result at the step bound (every slot is exchanged either way).
    const swapAll = (t: number, scope: SlotValues, direction: 'in' | 'out'): void => {
      if (rec === null) {
        let differing = 0;
        for (let i = 0; i < captureSet.length; i++) {
          const s = captureSet[i]!;
          const held = thread[s]!;
          const incoming = scope[s]!;
          thread[s] = incoming;
          scope[s] = held;
          if (held !== incoming) differing++;
        }
        const total = state.steps + differing;
        if (total > maxSteps) {
          state.steps = maxSteps;
          stopped = true;
        } else {
          state.steps = total;
        }
        return;
      }
      for (let i = 0; i < captureSet.length; i++) {
        const s = captureSet[i]!;
        const held = thread[s]!;
        const incoming = scope[s]!;
        thread[s] = incoming;
        scope[s] = held;
        if (held !== incoming && step()) rec.swap(t, s, direction, incoming, held);
      }
    };

    const poll = (t: number): void => {
      const task = tasks[t]!;
      const scope = task.scope;
      state.current = t;
      task.status = 'running';
      if (!step()) return;
      if (rec) rec.pollEnter(t);
      if (swapping) {
        task.polling = true;
        swapAll(t, scope, 'in');
        if (stopped) return;
      }
      const ops = lowered[t]!;
      let outcome: PollOutcome = 'complete';
      while (task.pc < ops.length) {
        const result = exec(t, ops[task.pc++]!);
        if (stopped) return;
        if (result !== null) {
          outcome = result;
          break;
        }
      }
      if (outcome === 'complete') {
        if (!step()) return;
        if (rec) rec.complete(t);
      }
      const restore = mode === 'scoped' || (mode === 'naive' && outcome !== 'panic');
      if (swapping) {
        task.polling = false;
        if (restore) {
          swapAll(t, scope, 'out');
          if (stopped) return;
        } else {
          task.scopeLost = true;
        }
      }
      state.current = -1;
      if (!step()) return;
      if (rec) rec.pollExit(t, outcome, restore);
      if (outcome === 'complete') {
        task.status = 'done';
        finish(t);
      } else if (outcome === 'panic') {
        task.status = 'panicked';
        panics.push(t);
        finish(t);
      }
    };

    for (const root of roots) {
      spawn(-1, root, null);
      if (stopped) break;
    }
    let awaiting: number[] = [];
    while (!stopped) {
      if (ready.length === 0) {
        if (sleepers.length === 0) break;
        const first = tasks[sleepers[0]!]!;
        state.clock = first.wakeAt;
        while (sleepers.length > 0 && tasks[sleepers[0]!]!.wakeAt === state.clock) {
          const t = sleepers.shift()!;
          tasks[t]!.status = 'ready';
          ready.push(t);
          if (!step()) break;
          if (rec) rec.wake(t);
        }
        continue;
      }
      let pick = 0;
      if (ready.length > 1) {
        choicePoints++;
        pick = choose(ready, state);
        if (pick < 0 || pick >= ready.length) {
          awaiting = ready.slice();
          break;
        }
      }
      const t = ready[pick]!;
      for (let i = pick + 1; i < ready.length; i++) ready[i - 1] = ready[i]!;
      ready.pop();
      poll(t);
    }

    const leaks: number[] = [];
    let status: ExecStatus = stopped ? 'step-limit' : awaiting.length > 0 ? 'awaiting-choice' : 'finished';
    if (status === 'finished') {
      for (let s = 0; s < SLOT_COUNT; s++) if (!isSlotEmpty(thread[s])) leaks.push(s);
      if (step()) {
        if (rec) rec.outerCheck(leaks);
      } else {
        status = 'step-limit';
      }
    }
    return {
      status,
      steps: state.steps,
      crosswires,
      firstCrosswireStep,
      leaks,
      panics,
      refused,
      ready: awaiting,
      choicePoints,
    };
  }

  return { state, run };
}

/** The slot the policy decision of every check reads. */
export const POLICY_SLOT = SLOT.executionPolicy;
