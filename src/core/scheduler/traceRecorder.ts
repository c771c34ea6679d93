// The executor's Recorder that writes the trace (trace.ts has the step types), in small parts: the snapshots
// come from ./snapshotter.ts (copy-on-write), every step is built by one typed constructor (`pushStep`: the
// base fields once, each kind's fields checked against TraceStep, no casts), every sentence comes from ./narrate.ts, and
// each recorder method is a function of the recorder's context (`RecorderContext`) below.
// Depends on ./executor, ./scope, ./catalog, ./narrate, ./snapshotter, ./moment and analysis.
import type { Span } from '../diagnostics.ts';
import { effectAllowedByCeiling, effectRecordSummary } from '../analysis/index.ts';
import { SLOT, SLOT_NAMES } from './catalog.ts';
import type { ExecMode, ExecState, PollOutcome } from './executor.ts';
import { createMomentCounter, type Moment, type MomentKind } from './moment.ts';
import {
  SPAWN_DETAIL,
  crosswireDetail,
  narrateAwait,
  narrateCheck,
  narrateCheckRead,
  narrateComplete,
  narrateInstall,
  narrateOuterCheck,
  narrateOwnRead,
  narrateOwnValue,
  narratePanic,
  narratePoll,
  narratePollExit,
  narrateRefusal,
  narrateRefusalDetail,
  narrateSpawn,
  narrateSwap,
  narrateWake,
  ownerName,
  panicDetail,
  pollDetail,
  readConsequence,
  type Resumption,
} from './narrate.ts';
import { shownText } from '../text.ts';
import type { CheckSpec, Op, TaskProgram } from './ops.ts';
import { currentLabel, isSlotEmpty, slotCurrent, slotValueLabel, type AmbientValue, type SlotValue } from './scope.ts';
import { createSnapshotter, type Snapshotter } from './snapshotter.ts';
import type { ChoiceInfo, CrosswireRecord, ThreadMigration, TraceRecorder, TraceStep, ViolationRecord } from './trace.ts';

/** The fields every step has, which `pushStep` fills in. */
type BaseField = 'index' | 'task' | 'span' | 'narration' | 'detail' | 'moment' | 'event' | 'snapshot';
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** One step's own fields: its kind and what that kind carries. */
export type StepBody = DistributiveOmit<TraceStep, BaseField>;

/** What a step says and shows besides its kind's fields. */
interface StepView {
  narration: string;
  detail: string | null;
  moment: Moment | null;
  event: boolean;
}

type InstallAction = 'push' | 'pop' | 'set' | 'unset' | 'inc' | 'dec';
type InstallOp = Extract<Op, { op: InstallAction }>;
const isInstall = (o: Op): o is InstallOp =>
  o.op === 'push' || o.op === 'pop' || o.op === 'set' || o.op === 'unset' || o.op === 'inc' || o.op === 'dec';

/** A check's slot read, kept until the check is decided: the check attaches its consequence to the read's
 * cross-wire record and writes the read's sentence. */
interface OpenRead {
  record: CrosswireRecord | null;
  slot: number;
  observed: AmbientValue | number | null;
  expected: AmbientValue | number | null;
  step: TraceStep;
}

/** Everything the recorder's methods share. */
interface RecorderContext {
  state: ExecState;
  programs: readonly TaskProgram[];
  mode: ExecMode;
  slotNames: readonly string[];
  names: readonly string[];
  /** Task name by index + 1: null for the outer thread (-1). */
  owners: readonly (string | null)[];
  multi: boolean;
  steps: TraceStep[];
  crosswires: CrosswireRecord[];
  violations: ViolationRecord[];
  snapshots: Snapshotter;
  moments: ReturnType<typeof createMomentCounter>;
  /** The reads since the task's last check. */
  openReads: OpenRead[];
  /** Per task: the await it last started (site, words). */
  lastAwait: ({ site: number; what: string } | null)[];
  /** Per task: what its current poll resumed after and the tasks polled while it was away. */
  resumptions: Resumption[];
  /** Every poll's task, in order, and (several threads) its thread. */
  pollLog: number[];
  pollThreadLog: number[];
  /** Per task: the length of `pollLog` when its last poll ended. */
  leftAt: number[];
  /** Several threads, per task: the threads it has been on (bits: the one it was spawned on, every one since). */
  seen: number[];
}

const nameOf = (c: RecorderContext, t: number): string => (t >= 0 ? c.names[t]! : 'the outer thread');

/** The one step constructor: a step of task `t` (-1: the outer thread) with its kind's fields, what it says,
 * and a snapshot of now (`statusChanged`: a task's status may have changed), appended to the trace. `body` is a
 * fresh literal of the caller's and becomes the step (the base fields assigned onto it, checked as a TraceStep):
 * a spread into a new object would copy bodies of a dozen shapes through one site, measured ~2x slower. */
function pushStep(c: RecorderContext, t: number, span: Span | null, body: StepBody, view: StepView, statusChanged: boolean): TraceStep {
  const step = Object.assign(body, {
    index: c.steps.length,
    task: c.owners[t + 1] ?? null,
    span,
    narration: view.narration,
    detail: view.detail,
    moment: view.moment,
    event: view.event,
    snapshot: c.snapshots.snap(statusChanged),
  }) satisfies TraceStep;
  c.steps.push(step);
  return step;
}

const momentOf = (c: RecorderContext, t: number, kind: MomentKind, span: Span | null, subject: string | null, what: string) =>
  c.moments.next(c.owners[t + 1] ?? null, kind, span ? span.start : -1, subject, what);

function allows(check: CheckSpec, policy: AmbientValue | null): boolean {
  const ceiling = policy?.ceiling ?? null;
  if (ceiling === null) return true;
  return check.effects.every((effect) => effectAllowedByCeiling(effect, ceiling));
}

// The slots a panicking poll leaves holding this task's values: during a poll the task's scope array holds
// the outer values its guard would restore, so every slot where the thread differs stays wrong without one.
function leftBehind(c: RecorderContext, t: number): string[] {
  const scope = c.state.tasks[t]!.scope;
  const thread = c.state.thread;
  const left: string[] = [];
  for (let s = 0; s < thread.length; s++) if (thread[s] !== scope[s]) left.push(c.slotNames[s]!);
  return left;
}

// Scoped mode: the slots this poll swapped in whose values the task has changed; the guard puts their outer
// values back as the poll unwinds (the swaps since the task's poll-enter name the captured slots).
function guarded(c: RecorderContext, t: number): string[] {
  const swapped = new Set<string>();
  for (let i = c.steps.length - 1; i >= 0; i--) {
    const step = c.steps[i]!;
    if (step.kind === 'poll-enter') break;
    if (step.kind === 'swap' && step.direction === 'in' && step.task === c.owners[t + 1]) swapped.add(step.slot);
  }
  return leftBehind(c, t).filter((slot) => swapped.has(slot));
}

/** The tasks polled on this thread since task `t` last left it (each once, in order). */
function ranSince(c: RecorderContext, t: number, on: number): string[] {
  const ran: string[] = [];
  // With several threads only the polls on this poll's thread could leave values here.
  for (let i = c.leftAt[t]!; i < c.pollLog.length; i++) {
    const other = c.names[c.pollLog[i]!]!;
    if (c.pollLog[i] !== t && !ran.includes(other) && (!c.multi || c.pollThreadLog[i] === on)) ran.push(other);
  }
  return ran;
}

function recordPollEnter(c: RecorderContext, t: number, choiceReady: readonly number[] | null, choiceIndex: number, from: number): void {
  const { state, names, multi } = c;
  c.snapshots.markThread();
  c.snapshots.markScope(t);
  const on = state.threadId;
  let choice: ChoiceInfo | null = null;
  let ready: string[] | null = null;
  if (choiceReady !== null) {
    ready = [];
    for (let i = 0; i < choiceReady.length; i++) ready.push(names[choiceReady[i]!]!);
    choice = multi
      ? { ready, chosen: names[t]!, index: choiceIndex, thread: on + 1 }
      : { ready, chosen: names[t]!, index: choiceIndex };
  }
  const firstPoll = c.seen[t] === 0 || c.lastAwait[t] === null;
  if (c.seen[t] === 0 && from >= 0) c.seen[t] = 1 << from;
  c.seen[t] = c.seen[t]! | (1 << on);
  const migration: ThreadMigration | null = multi && from !== on ? { from: from + 1, to: on + 1, first: firstPoll } : null;
  const awaited = c.lastAwait[t] ?? null;
  const ran = ranSince(c, t, on);
  c.pollLog.push(t);
  if (multi) c.pollThreadLog.push(on);
  const joined = awaited?.what === 'join';
  const what = awaited && !joined ? awaited.what : null;
  c.resumptions[t] = multi ? { what, ran, told: false, thread: on + 1, moved: migration } : { what, ran, told: false };
  const narration = narratePoll(nameOf(c, t), joined ? null : (awaited?.what ?? null), joined, multi ? { on: on + 1, moved: migration } : null);
  const detail = pollDetail(state.clock, ready, choiceIndex, c.mode === 'unscoped', multi ? { on: on + 1, count: state.threads.length } : null);
  const site = awaited ? { start: awaited.site, end: awaited.site } : null;
  const moment = momentOf(c, t, 'poll', site, null, awaited?.what ?? 'start');
  const body: StepBody = multi ? { kind: 'poll-enter', choice, thread: on + 1, migration } : { kind: 'poll-enter', choice };
  pushStep(c, t, null, body, { narration, detail, moment, event: true }, true);
}

function recordSwap(c: RecorderContext, t: number, slot: number, direction: 'in' | 'out', installed: SlotValue, saved: SlotValue): void {
  c.snapshots.markThread();
  const slotName = c.slotNames[slot]!;
  const inLabel = slotValueLabel(installed);
  const savedLabel = slotValueLabel(saved);
  c.snapshots.markScope(t);
  const narration = narrateSwap(nameOf(c, t), slotName, direction, inLabel, savedLabel);
  const body: StepBody = { kind: 'swap', slot: slotName, direction, installed: inLabel, saved: savedLabel };
  pushStep(c, t, null, body, { narration, detail: null, moment: null, event: false }, false);
}

function recordInstall(c: RecorderContext, t: number, o: Op, before: SlotValue, after: SlotValue): void {
  if (!isInstall(o)) throw new Error(`the recorder got an install of a ${o.op} op`);
  c.snapshots.markThread();
  const slotName = c.slotNames[o.slot]!;
  const action = o.op;
  const narration = narrateInstall(nameOf(c, t), action, slotName, after);
  const body: StepBody = { kind: 'install', action, slot: slotName, before: slotValueLabel(before), after: slotValueLabel(after) };
  pushStep(c, t, o.span, body, { narration, detail: null, moment: null, event: false }, false);
}

type Observed = AmbientValue | number | null;

// A cross-wired read's record in the summary (a check's consequence replaces its own once decided).
function crosswireRecord(c: RecorderContext, t: number, slotName: string, access: 'read' | 'pop', what: string, expected: Observed, observed: Observed): CrosswireRecord {
  const expectedLabel = currentLabel(expected);
  const record: CrosswireRecord = {
    step: c.steps.length,
    task: nameOf(c, t),
    slot: slotName,
    expected: expectedLabel,
    observed: currentLabel(observed),
    consequence: readConsequence(nameOf(c, t), slotName, access, what, observed, expectedLabel),
  };
  if (c.multi) {
    const on = c.state.threadId;
    record.thread = on + 1;
    record.cause = (c.seen[t]! & ~(1 << on)) !== 0 ? 'migration' : 'sibling';
  }
  c.crosswires.push(record);
  return record;
}

function recordRead(c: RecorderContext, t: number, slot: number, readAccess: 'read' | 'pop' | 'check', what: string, expected: Observed, observed: Observed, span: Span | null): void {
  const access = readAccess === 'pop' ? 'pop' : 'read';
  if (readAccess !== 'check' && c.openReads.length > 0) c.openReads = [];
  const slotName = c.slotNames[slot]!;
  const crosswire = expected !== observed;
  const expectedLabel = currentLabel(expected);
  const observedLabel = currentLabel(observed);
  let narration: string;
  let record: CrosswireRecord | null = null;
  if (crosswire) {
    // A check's cross-wired read is written once the check is decided (it names what the call does).
    narration = readAccess === 'check' ? '' : narrateOwnRead(nameOf(c, t), c.resumptions[t]!, slotName, access, what, expected, observed);
    if (readAccess !== 'check') c.resumptions[t]!.told = true;
    record = crosswireRecord(c, t, slotName, access, what, expected, observed);
  } else {
    narration = narrateOwnValue(nameOf(c, t), slotName, access, what, observedLabel);
  }
  const body: StepBody = {
    kind: 'read',
    slot: slotName,
    access,
    what,
    expected: expectedLabel,
    observed: observedLabel,
    expectedOwner: ownerName(expected),
    observedOwner: ownerName(observed),
    crosswire,
  };
  const view: StepView = {
    narration,
    detail: crosswire ? crosswireDetail(slotName, expectedLabel, observedLabel) : null,
    moment: momentOf(c, t, 'read', span, slotName, what),
    // A task's own pops and its life cycle's reads are bookkeeping unless they cross-wire.
    event: crosswire || (access === 'read' && span !== null),
  };
  const step = pushStep(c, t, span, body, view, false);
  if (readAccess === 'check') c.openReads.push({ record, slot, observed, expected, step });
}

function recordCheck(c: RecorderContext, t: number, check: CheckSpec, span: Span | null): void {
  const { state } = c;
  const task = state.tasks[t]!;
  const observedPolicy = slotCurrent(state.thread[SLOT.executionPolicy]) as AmbientValue | null;
  const expectedPolicy = slotCurrent(task.shadow[SLOT.executionPolicy]) as AmbientValue | null;
  const decision = allows(check, observedPolicy);
  const preflight = allows(check, expectedPolicy);
  const reads = c.openReads;
  c.openReads = [];
  const info = narrateCheck(nameOf(c, t), check, state, reads, decision, preflight, c.slotNames);
  let first = true;
  for (const read of reads) {
    // A host call's depth read carries what the depth lets the builtins it bridges skip.
    if (read.slot === SLOT.trustedBridgeDepth && info.facts.bridge && read.step.kind === 'read') read.step.bridge = info.facts.bridge;
    if (!read.record) continue;
    read.record.consequence = info.consequence ?? read.record.consequence;
    read.step.narration = narrateCheckRead(nameOf(c, t), c.resumptions[t]!, first, read.slot, read.observed, info.facts, c.slotNames);
    first = false;
    c.resumptions[t]!.told = true;
  }
  const violation = check.escapes.length > 0 ? { code: 'HARN-CAP-301' as const, escapes: check.escapes } : null;
  if (violation) c.violations.push({ step: c.steps.length, task: nameOf(c, t), call: check.call, ...violation });
  const body: StepBody = {
    kind: 'check',
    call: check.call,
    effects: check.effects.map((effect) => shownText(effectRecordSummary(effect))),
    target: check.target,
    decision: decision ? 'allow' : 'deny',
    preflight: preflight ? 'allow' : 'deny',
    disagrees: decision !== preflight,
    policy: currentLabel(observedPolicy),
    path: info.path,
    session: info.session,
    crosswire: info.consequence !== null,
    consequence: info.consequence,
    violation,
  };
  const moment = momentOf(c, t, 'check', span, null, check.call);
  pushStep(c, t, span, body, { narration: info.narration, detail: info.detail, moment, event: true }, false);
}

function recordAwait(c: RecorderContext, t: number, kind: string, what: string, wakeAt: number, span: Span | null): void {
  c.lastAwait[t] = { site: span ? span.start : -1, what: kind === 'join' ? 'join' : what };
  const told = narrateAwait(nameOf(c, t), kind, what, wakeAt, c.state.clock);
  const body: StepBody = { kind: 'await', awaitKind: kind, what, wakeAt };
  pushStep(c, t, span, body, { ...told, moment: null, event: false }, true);
}

function recordSpawn(c: RecorderContext, t: number, child: number, span: Span | null): void {
  c.snapshots.markScope(child);
  const program = c.programs[child]!;
  const refusal = program.refusal;
  const childName = nameOf(c, child);
  const body: StepBody =
    refusal && t >= 0
      ? { kind: 'spawn', child: childName, escapes: refusal.violations }
      : program.admission && t >= 0
        ? { kind: 'spawn', child: childName, covered: true }
        : { kind: 'spawn', child: childName };
  const view: StepView = {
    narration: narrateSpawn(nameOf(c, t), childName, program),
    detail: SPAWN_DETAIL,
    moment: momentOf(c, t, 'spawn', span, childName, 'spawn'),
    event: true,
  };
  pushStep(c, t, span, body, view, true);
}

function recordRefuse(c: RecorderContext, t: number, child: number, span: Span | null): void {
  const program = c.programs[child]!;
  const refusal = program.refusal!;
  const childName = nameOf(c, child);
  const body: StepBody = { kind: 'refuse', child: childName, code: 'HARN-CAP-301', violations: refusal.violations };
  const view: StepView = {
    narration: narrateRefusal(nameOf(c, t), childName, program),
    detail: narrateRefusalDetail(program),
    moment: momentOf(c, t, 'refuse', span, childName, 'spawn'),
    event: true,
  };
  pushStep(c, t, span, body, view, true);
}

function recordPanic(c: RecorderContext, t: number, message: string, span: Span | null): void {
  const { mode } = c;
  const slots = mode === 'scoped' ? guarded(c, t) : mode === 'naive' ? leftBehind(c, t) : [];
  const body: StepBody =
    slots.length === 0
      ? { kind: 'panic', message }
      : mode === 'scoped'
        ? { kind: 'panic', message, restored: slots }
        : { kind: 'panic', message, leaked: slots };
  const view: StepView = {
    narration: narratePanic(nameOf(c, t), message, mode, slots),
    detail: panicDetail(mode),
    moment: momentOf(c, t, 'panic', span, null, 'throw'),
    event: true,
  };
  pushStep(c, t, span, body, view, false);
}

function recordPollExit(c: RecorderContext, t: number, outcome: PollOutcome, restored: boolean): void {
  c.snapshots.markThread();
  c.leftAt[t] = c.pollLog.length;
  c.snapshots.markScope(t);
  const narration = narratePollExit(nameOf(c, t), outcome, restored, c.mode);
  pushStep(c, t, null, { kind: 'poll-exit', outcome, restored }, { narration, detail: null, moment: null, event: false }, true);
}

function recordOuterCheck(c: RecorderContext, leaks: readonly number[]): void {
  const { state, slotNames } = c;
  const leakNames = leaks.map((slot) => slotNames[slot]!);
  // A leaked slot's value on every thread that keeps one ("… on thread 2").
  const valueOf = (slot: number): string => {
    if (!c.multi) return slotValueLabel(state.thread[slot]);
    const held: string[] = [];
    state.threads.forEach((registers, k) => {
      if (!isSlotEmpty(registers[slot])) held.push(`${slotValueLabel(registers[slot])} on thread ${k + 1}`);
    });
    return held.join(', ');
  };
  const told = narrateOuterCheck(leakNames, leaks.map(valueOf), state.threads.length);
  const moment = c.moments.next(null, 'outer', -1, null, 'outer-check');
  const body: StepBody = { kind: 'outer-check', leaks: leakNames, clean: leaks.length === 0 };
  pushStep(c, -1, null, body, { ...told, moment, event: true }, false);
}

/** Builds the trace while the executor runs. `steps` and `crosswires` are complete once the run returns. */
export function createTraceRecorder(
  state: ExecState,
  programs: readonly TaskProgram[],
  mode: ExecMode,
  /** The run's slot names (its slot table's; the seed's catalog by default). */
  slotNames: readonly string[] = SLOT_NAMES,
): TraceRecorder {
  const names = programs.map((p) => p.name);
  const c: RecorderContext = {
    state,
    programs,
    mode,
    slotNames,
    names,
    owners: [null, ...names],
    multi: state.threads.length > 1,
    steps: [],
    crosswires: [],
    violations: [],
    snapshots: createSnapshotter(state, mode),
    moments: createMomentCounter(),
    openReads: [],
    lastAwait: names.map(() => null),
    resumptions: names.map(() => ({ what: null, ran: [], told: false })),
    pollLog: [],
    pollThreadLog: [],
    leftAt: names.map(() => 0),
    seen: names.map(() => 0),
  };
  return {
    steps: c.steps,
    crosswires: c.crosswires,
    violations: c.violations,
    pollEnter: (t, choiceReady, choiceIndex, from) => recordPollEnter(c, t, choiceReady, choiceIndex, from),
    swap: (t, slot, direction, installed, saved) => recordSwap(c, t, slot, direction, installed, saved),
    install: (t, o, before, after) => recordInstall(c, t, o, before, after),
    read: (t, slot, access, what, expected, observed, span) => recordRead(c, t, slot, access, what, expected, observed, span),
    check: (t, check, span) => recordCheck(c, t, check, span),
    await: (t, kind, what, wakeAt, span) => recordAwait(c, t, kind, what, wakeAt, span),
    wake: (t) => {
      const view: StepView = { narration: narrateWake(nameOf(c, t), state.clock), detail: null, moment: null, event: false };
      pushStep(c, t, null, { kind: 'wake' }, view, true);
    },
    spawn: (t, child, span) => recordSpawn(c, t, child, span),
    refuse: (t, child, span) => recordRefuse(c, t, child, span),
    complete: (t) => {
      const view: StepView = { narration: narrateComplete(nameOf(c, t)), detail: null, moment: null, event: false };
      pushStep(c, t, null, { kind: 'complete' }, view, false);
    },
    panic: (t, message, span) => recordPanic(c, t, message, span),
    pollExit: (t, outcome, restored) => recordPollExit(c, t, outcome, restored),
    outerCheck: (leaks) => recordOuterCheck(c, leaks),
  };
}

