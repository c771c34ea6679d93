// The simulated LocalSet: one thread of ambient slots, a FIFO ready queue, a logical clock waking awaited
// tasks, and choice points resolved by a caller-supplied function. Modes: scoped (swap on poll enter and
// exit, with the restore guard), unscoped (raw shared slots), naive (no guard: a panic leaks the scope).
// Each task keeps a shadow of what it would see alone; a read whose observed value differs is a cross-wire.
// A Recorder (trace.ts) turns events into trace steps; without one polls take the lean fast path (fastPoll.ts)
// and saved states (saved.ts) let the explorer backtrack.
import { SLOT } from './catalog.ts';
import {
  HOT_OPCODES,
  createTaskRuntime,
  frameCurrent,
  poppedFrame,
  pushedFrame,
  fillEmpty,
  loweredOps,
  popped,
  pushed,
  writtenSlots,
  type ExecOp,
} from './lower.ts';
import type {
  ChooseFn,
  ExecConfig,
  ExecOutcome,
  ExecState,
  ExecStatus,
  Layout,
  Machine,
  PollOutcome,
  Recorder,
  Runner,
  TaskRuntime,
} from './execTypes.ts';
import { pollFast, pollStepBounds, tradeScope } from './fastPoll.ts';
import type { Op, TaskSet } from './ops.ts';
import { restoreState, saveState } from './saved.ts';
import { isSlotEmpty, slotCurrent, type AmbientValue, type SlotValue } from './scope.ts';
import { SEED_SLOT_TABLE } from './slotTable.ts';

export type * from './execTypes.ts';

// Module-local copies of the imports the hot loop uses: loaded as CommonJS (tsx from a CommonJS script) every
// use of an imported binding is a getter call through one megamorphic accessor (a quarter of such a profile).
const [PUSH, POP, SET, UNSET, INC, DEC, AWAIT, READ, CHECK, SPAWN, JOIN] = HOT_OPCODES;
const [push1, pop1, current, isEmpty] = [pushed, popped, slotCurrent, isSlotEmpty];
const [pushFrame, popFrame, currentFrame] = [pushedFrame, poppedFrame, frameCurrent];

// The panics, refusals, leaks or awaiting ready tasks of a run that has none: one shared empty list (never
// pushed to), replaced by a fresh list on the first push.
const NO_TASKS: number[] = [];

/** The most simulated threads a run may have (`run.threads`). */
export const MAX_THREADS = 4;

export function createRunner(taskSet: TaskSet, config: ExecConfig): Runner {
  const { tasks: programs, roots } = taskSet;
  const { mode, captureSet, maxSteps, enforceAtSpawn, ignoreLatency } = config;
  const threadCount = Math.max(1, Math.min(MAX_THREADS, Math.floor(config.threads ?? 1)));
  // Per-slot properties come from the run's slot table (the seed's catalog plus any added slots).
  const table = taskSet.slots ?? SEED_SLOT_TABLE;
  const EMPTY_OF: readonly SlotValue[] = table.empty;
  const FRESH: readonly number[] = table.fresh;
  const INHERITS: readonly boolean[] = table.inherited;
  const STACKS: Uint8Array = table.stack;
  const SLOTS = table.count;
  const swapping = mode !== 'unscoped';
  const restoring = mode === 'scoped';
  const threads = Array.from({ length: threadCount }, () => EMPTY_OF.slice());
  const state: ExecState = {
    thread: threads[0]!,
    threads,
    threadId: 0,
    free: threads.map((_, i) => i),
    threadsUsed: 0,
    tasks: [],
    clock: 0,
    steps: 0,
    current: -1,
  };
  for (let i = 0; i < programs.length; i++) state.tasks.push(createTaskRuntime(EMPTY_OF));
  const initial: readonly SlotValue[] = EMPTY_OF;
  const lowered: readonly ExecOp[][] = programs.map(loweredOps);
  const refusedAtSpawn: readonly boolean[] = programs.map(
    (program) => enforceAtSpawn && program.refusal !== null,
  );
  // The slots some op writes: the only ones whose values can ever differ from empty (saved states keep these).
  const written = writtenSlots(programs);
  const active: readonly number[] = [...written].sort((a, b) => a - b);
  const activeCaptured: readonly number[] = swapping ? captureSet.filter((s) => written.has(s)) : [];
  const layout: Layout = {
    swapping,
    restoring,
    ignoreLatency,
    maxSteps,
    active,
    activeCaptured,
    activeShared: swapping ? active.filter((s) => !captureSet.includes(s)) : [],
    activeCapturedSlot: Uint8Array.from(EMPTY_OF, (_, s) => (activeCaptured.includes(s) ? 1 : 0)),
    empty: EMPTY_OF,
    stack: STACKS,
  };
  const { activeCapturedSlot } = layout;
  // Per task and pc, the most steps a poll from there counts: within the bound, it takes the fast path.
  const stepBounds: readonly Int32Array[] = lowered.map((ops) => pollStepBounds(ops, activeCaptured.length));
  // Below this many steps, no poll of any task from any pc can reach the bound (one compare per poll).
  const fastBelow = maxSteps - Math.max(0, ...stepBounds.map((bounds) => bounds[0]!));
  const tasks = state.tasks;
  const m: Machine = {
    state,
    thread: state.thread,
    ready: [],
    sleepers: [],
    panics: NO_TASKS,
    refused: NO_TASKS,
    crosswires: 0,
    firstCrosswireStep: -1,
    choicePoints: 0,
    choosing: false,
    stopped: false,
    records: tasks.map(() => null),
    diffs: new Int32Array(tasks.length),
    migrations: 0,
    spawn: (from, child, span) => spawn(from, child, span),
    sleep: (t, wakeAt) => sleep(t, wakeAt),
    finish: (t) => finish(t),
  };
  const { ready, sleepers, records, diffs } = m;

  // The recorder of the run in progress (null on the fast path). The functions below are created once per
  // runner, not per run: the explorer runs millions.
  let rec: Recorder | null = null;

  // Counts one trace step; false (and stop) once the bound is reached.
  const step = (): boolean => {
    if (state.steps >= maxSteps) {
      m.stopped = true;
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
    const alone = tasks[t]!.shadow[slot];
    const live = m.thread[slot];
    if (!step()) return;
    // One value reads the same either way; only two different values need their current entries compared.
    if (alone === live && rec === null) return;
    // Without a recorder, stacks are linked frames (see fastPoll.ts).
    const expected = rec === null ? currentFrame(alone, slot, STACKS) : current(alone);
    const observed = rec === null ? currentFrame(live, slot, STACKS) : current(live);
    if (expected !== observed) {
      m.crosswires++;
      if (m.firstCrosswireStep < 0) m.firstCrosswireStep = state.steps - 1;
    }
    if (rec) rec.read(t, slot, access, what, expected, observed, span);
  };

  // Spawns `child` from the task (or, for -1, the outer thread) currently installed on the thread.
  const spawn = (from: number, child: number, span: Op['span']): void => {
    const task = tasks[child]!;
    records[child] = null;
    diffs[child] = -1;
    if (from >= 0) records[from] = null;
    if (refusedAtSpawn[child]) {
      task.status = 'refused';
      if (m.refused === NO_TASKS) m.refused = [];
      m.refused.push(child);
      if (step() && rec) rec.refuse(from, child, span);
      return;
    }
    const parentShadow = from >= 0 ? tasks[from]!.shadow : initial;
    // The shadow is what a correctly scoped child sees: the catalog's captured slots per capture_inherited,
    // every other slot the raw thread as its spawner left it.
    const shadow = task.shadow;
    for (let s = 0; s < SLOTS; s++) shadow[s] = parentShadow[s]!;
    for (let i = 0; i < FRESH.length; i++) shadow[FRESH[i]!] = EMPTY_OF[FRESH[i]!]!;
    const scope = task.scope;
    for (let i = 0; i < captureSet.length; i++) {
      const s = captureSet[i]!;
      scope[s] = INHERITS[s] ? m.thread[s]! : EMPTY_OF[s]!;
    }
    task.parent = from;
    task.thread = state.threadId;
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
    records[parent] = null;
    p.pending--;
    if (p.pending === 0 && p.status === 'joining') {
      p.status = 'ready';
      ready.push(parent);
      if (step() && rec) rec.wake(parent);
    }
  };

  // A stack with one more or one fewer frame: arrays for the recorder, linked frames without one.
  const stackPush = (value: SlotValue, item: AmbientValue, slot: number): SlotValue =>
    rec === null ? (pushFrame(value, item, slot) as unknown as SlotValue) : push1(value, item);
  const stackPop = (value: SlotValue, slot: number): SlotValue =>
    rec === null ? popFrame(value, slot) : pop1(value, slot);

  // Scoped, without a recorder: keeps `diffs` (see fastPoll.ts `trade`) current as an op changes a captured slot.
  const track = (task: TaskRuntime, slot: number, before: SlotValue, after: SlotValue): void => {
    if (!restoring || rec !== null || activeCapturedSlot[slot] !== 1) return;
    const outer = task.scope[slot];
    const t = state.current;
    diffs[t] = diffs[t]! + (after !== outer ? 1 : 0) - (before !== outer ? 1 : 0);
  };

  // One op on the recorded (or step-bounded) path; fastPoll.ts has the same semantics for the fast path.
  const exec = (t: number, task: TaskRuntime, x: ExecOp): PollOutcome | null => {
    const slot = x.slot;
    const thread = m.thread;
    switch (x.code) {
      case PUSH: {
        const before = thread[slot]!;
        const after = stackPush(before, x.value!, slot);
        const shadowBefore = task.shadow[slot]!;
        thread[slot] = after;
        track(task, slot, before, after);
        // When the task sees what it expects (the usual case), thread and shadow share one new stack.
        task.shadow[slot] = shadowBefore === before ? after : stackPush(shadowBefore, x.value!, slot);
        if (step() && rec) rec.install(t, x.src, before, after);
        return null;
      }
      case POP: {
        read(t, slot, 'pop', 'pop', x.src.span);
        if (m.stopped) return null;
        const before = thread[slot]!;
        const after = stackPop(before, slot);
        const shadowBefore = task.shadow[slot]!;
        thread[slot] = after;
        track(task, slot, before, after);
        task.shadow[slot] = shadowBefore === before ? after : stackPop(shadowBefore, slot);
        if (step() && rec) rec.install(t, x.src, before, after);
        return null;
      }
      case SET: {
        const before = thread[slot]!;
        const prevs = task.prevs;
        prevs[task.prevCount++] = slot;
        prevs[task.prevCount++] = before;
        prevs[task.prevCount++] = task.shadow[slot]!;
        thread[slot] = x.value;
        track(task, slot, before, x.value);
        task.shadow[slot] = x.value;
        if (step() && rec) rec.install(t, x.src, before, x.value);
        return null;
      }
      case UNSET: {
        const before = thread[slot]!;
        let real: SlotValue = EMPTY_OF[slot]!;
        let shadow: SlotValue = EMPTY_OF[slot]!;
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
        track(task, slot, before, real);
        task.shadow[slot] = shadow;
        if (step() && rec) rec.install(t, x.src, before, real);
        return null;
      }
      case INC:
      case DEC: {
        const before = thread[slot] as number;
        const delta = x.code === INC ? 1 : -1;
        // Rust's usize would underflow on a stray decrement; the simulation floors at 0.
        thread[slot] = Math.max(0, before + delta);
        track(task, slot, before, thread[slot]!);
        task.shadow[slot] = Math.max(0, (task.shadow[slot] as number) + delta);
        if (step() && rec) rec.install(t, x.src, before, thread[slot]!);
        return null;
      }
      case READ:
        read(t, slot, 'read', x.what, x.src.span);
        return null;
      case CHECK: {
        const reads = x.list;
        for (let i = 0; i < reads.length; i++) {
          read(t, reads[i]!, 'check', x.what, x.src.span);
          if (m.stopped) return null;
        }
        if (step() && rec) rec.check(t, (x.src as Extract<Op, { op: 'check' }>).check, x.src.span);
        return null;
      }
      case AWAIT: {
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
      case SPAWN: {
        const children = x.list;
        for (let i = 0; i < children.length; i++) {
          spawn(t, children[i]!, x.src.span);
          if (m.stopped) return null;
        }
        return null;
      }
      case JOIN:
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

  // Exchanges the thread's and the task's scope's value of every capture-set slot (swap in and swap out are the
  // same exchange); one trace step per slot whose two values differ. Without a recorder (a poll near the step
  // bound) the arrays are traded whole as on the fast path, with the same result at the bound.
  const swapAll = (t: number, task: TaskRuntime, direction: 'in' | 'out'): void => {
    if (rec === null) {
      const total = state.steps + tradeScope(m, layout, t, restoring ? diffs[t]! : -1);
      if (total > maxSteps) {
        state.steps = maxSteps;
        m.stopped = true;
      } else {
        state.steps = total;
      }
      return;
    }
    diffs[t] = -1;
    const scope = task.scope;
    const thread = m.thread;
    for (let i = 0; i < captureSet.length; i++) {
      const s = captureSet[i]!;
      const held = thread[s]!;
      const incoming = scope[s]!;
      thread[s] = incoming;
      scope[s] = held;
      if (held !== incoming && step()) rec.swap(t, s, direction, incoming, held);
    }
  };

  const poll = (t: number, choiceReady: readonly number[] | null, from: number): void => {
    const task = tasks[t]!;
    records[t] = null;
    state.current = t;
    task.status = 'running';
    if (!step()) return;
    if (rec) rec.pollEnter(t, choiceReady, choiceReady === null ? -1 : m.choicePoints - 1, from);
    if (swapping) {
      task.polling = true;
      swapAll(t, task, 'in');
      if (m.stopped) return;
    }
    const ops = lowered[t]!;
    let outcome: PollOutcome = 'complete';
    while (task.pc < ops.length) {
      const result = exec(t, task, ops[task.pc++]!);
      if (m.stopped) return;
      if (result !== null) {
        outcome = result;
        break;
      }
    }
    if (outcome === 'complete') {
      if (!step()) return;
      if (rec) rec.complete(t);
    }
    const restore = restoring || (swapping && outcome !== 'panic');
    if (swapping) {
      task.polling = false;
      if (restore) {
        swapAll(t, task, 'out');
        if (m.stopped) return;
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
      if (m.panics === NO_TASKS) m.panics = [];
      m.panics.push(t);
      finish(t);
    }
  };

  // Thread `free[f]` takes the next poll: its register file becomes the live one and it goes last in `free`.
  const enterThread = (f: number): void => {
    const free = state.free;
    const id = free[f]!;
    for (let i = f + 1; i < free.length; i++) free[i - 1] = free[i]!;
    free[free.length - 1] = id;
    state.threadId = id;
    m.thread = threads[id]!;
    state.thread = m.thread;
    if (id >= state.threadsUsed) state.threadsUsed = id + 1;
  };

  const reset = (): void => {
    for (let i = 0; i < threadCount; i++) {
      fillEmpty(threads[i]!, EMPTY_OF);
      state.free[i] = i;
    }
    state.threadId = 0;
    m.thread = threads[0]!;
    state.thread = m.thread;
    state.threadsUsed = 0;
    m.migrations = 0;
    records.fill(null);
    diffs.fill(-1);
    // Arrays traded by swaps may hold shared slots' values; snapshots show a scope's other slots empty.
    for (let i = 0; i < tasks.length; i++) fillEmpty(tasks[i]!.scope, EMPTY_OF);
    state.clock = 0;
    state.steps = 0;
    state.current = -1;
    ready.length = 0;
    sleepers.length = 0;
    for (let i = 0; i < tasks.length; i++) {
      const task = tasks[i]!;
      task.status = 'unspawned';
      task.pc = 0;
      task.prevCount = 0;
      task.parent = -1;
      task.pending = 0;
      task.wakeAt = 0;
      task.polling = false;
      task.scopeLost = false;
      task.thread = -1;
    }
    m.stopped = false;
    m.crosswires = 0;
    m.firstCrosswireStep = -1;
    m.choicePoints = 0;
    m.panics = NO_TASKS;
    m.refused = NO_TASKS;
    for (const root of roots) {
      spawn(-1, root, null);
      if (m.stopped) break;
    }
  };

  // The scheduling loop, from a reset or restored state to the end, the step bound or a refused choice.
  const loop = (choose: ChooseFn): ExecOutcome => {
    let awaiting: number[] = NO_TASKS;
    while (!m.stopped) {
      if (ready.length === 0) {
        if (sleepers.length === 0) break;
        const first = tasks[sleepers[0]!]!;
        state.clock = first.wakeAt;
        while (sleepers.length > 0 && tasks[sleepers[0]!]!.wakeAt === state.clock) {
          const t = sleepers.shift()!;
          tasks[t]!.status = 'ready';
          records[t] = null;
          ready.push(t);
          if (!step()) break;
          if (rec) rec.wake(t);
        }
        continue;
      }
      // A choice point: several ready tasks, or several threads that could take the one (threads are all free
      // between polls). Option `task + ready.length * f` polls ready[task] on thread free[f].
      let pick = 0;
      let choiceReady: number[] | null = null;
      const options = ready.length * threadCount;
      if (options > 1) {
        m.choicePoints++;
        m.choosing = true;
        pick = choose(ready, state);
        m.choosing = false;
        if (pick < 0 || pick >= options) {
          awaiting = ready.slice();
          break;
        }
        if (rec) choiceReady = ready.slice();
      }
      const at = threadCount === 1 ? pick : pick % ready.length;
      const t = ready[at]!;
      for (let i = at + 1; i < ready.length; i++) ready[i - 1] = ready[i]!;
      ready.pop();
      const task = tasks[t]!;
      const from = task.thread;
      if (threadCount > 1) {
        enterThread((pick - at) / (ready.length + 1));
        if (state.threadId !== from) m.migrations++;
        task.thread = state.threadId;
      }
      if (
        rec === null &&
        (state.steps <= fastBelow || state.steps + stepBounds[t]![task.pc]! <= maxSteps)
      )
        pollFast(m, layout, lowered[t]!, t);
      else poll(t, choiceReady, from);
      // The fast path trades the thread's array with the task's scope: the thread keeps the array it ends with.
      threads[state.threadId] = m.thread;
    }

    let leaks: number[] = NO_TASKS;
    let status: ExecStatus = m.stopped ? 'step-limit' : awaiting.length > 0 ? 'awaiting-choice' : 'finished';
    if (status === 'finished') {
      // Every thread's outer values must be back to empty; a slot left on any of them is a leak.
      for (let i = 0; i < active.length; i++) {
        const s = active[i]!;
        let left = false;
        for (let k = 0; k < threadCount && !left; k++) left = !isEmpty(threads[k]![s]);
        if (!left) continue;
        if (leaks === NO_TASKS) leaks = [];
        leaks.push(s);
      }
      if (step()) {
        if (rec) rec.outerCheck(leaks);
      } else {
        status = 'step-limit';
      }
    }
    return {
      status,
      steps: state.steps,
      crosswires: m.crosswires,
      firstCrosswireStep: m.firstCrosswireStep,
      leaks,
      panics: m.panics,
      refused: m.refused,
      ready: awaiting,
      choicePoints: m.choicePoints,
      migrations: m.migrations,
    };
  };

  return {
    state,
    run(choose, recorder) {
      rec = recorder;
      reset();
      return loop(choose);
    },
    save: () => saveState(m, layout),
    resume(saved, choose) {
      rec = null;
      restoreState(m, layout, saved, NO_TASKS);
      return loop(choose);
    },
  };
}

/** The slot the policy decision of every check reads. */
export const POLICY_SLOT = SLOT.executionPolicy;
