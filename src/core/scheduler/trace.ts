// The trace: an immutable array of steps (poll-enter/exit, per-slot swaps, installs, reads, checks, awaits,
// wakes, spawns, refusals, completions, panics, the outer-thread check), each with its task, span, one
// sentence of narration and a copy-on-write snapshot of the thread-locals and every task's saved scope.
// createTraceRecorder implements the executor's Recorder. Depends on ./executor, ./scope, ./catalog, analysis.
import type { Span } from '../diagnostics.ts';
import { effectAllowedByCeiling, effectRecordSummary } from '../analysis/index.ts';
import type { BridgeDecision } from './bridge.ts';
import { SLOT, SLOT_NAMES } from './catalog.ts';
import type { ExecMode, ExecState, PollOutcome, Recorder, TaskStatus } from './executor.ts';
import { createMomentCounter, type Moment, type MomentKind } from './moment.ts';
import {
  narrateCheck,
  narrateCheckRead,
  narrateOwnRead,
  narrateOuterCheck,
  narratePanic,
  narratePoll,
  narrateRefusalDetail,
  narrateSpawn,
  playgroundWhy,
  spawnerOf,
  ownerName,
  ownerPhrase,
  pollDetail,
  type Resumption,
} from './narrate.ts';
import { shownText } from '../text.ts';
import type { CheckSpec, Op, TaskProgram } from './ops.ts';
import { currentLabel, isSlotEmpty, slotCurrent, slotValueLabel, type AmbientValue, type SlotValue } from './scope.ts';

/** The thread-locals and saved scopes at one step. Unchanged parts are the same arrays as the previous
 * step's (structured clone keeps the sharing), so a long trace stays small. */
export interface Snapshot {
  clock: number;
  /** The live thread-locals, indexed by slot (with several threads: the polling, or last polling, thread's). */
  thread: readonly SlotValue[];
  /** Several threads only: every thread's register file (`thread` is `threads[threadId]`). */
  threads?: readonly (readonly SlotValue[])[];
  /** Several threads only: the thread polling now, or that polled last (0-based). */
  threadId?: number;
  /** Each task's saved scope (indexed by task); null before spawn, while taken by a poll, or lost in a panic. */
  scopes: readonly (readonly SlotValue[] | null)[];
  /** The outer values the polling task's restore guard holds (scoped/naive), else null. */
  guard: readonly SlotValue[] | null;
  statuses: readonly TaskStatus[];
}

interface StepBase {
  index: number;
  /** Task name; null for the outer thread. */
  task: string | null;
  /** Source span in that task's program, where relevant. */
  span: Span | null;
  /** One plain sentence: what happened and why, then its consequence. */
  narration: string;
  /** A secondary line (clock, choice point, expected vs observed), or null. */
  detail: string | null;
  /** What this step is in the program, for the events a person steps through; null for the bookkeeping steps
   * between them (swaps, installs, awaits, wakes, completions, poll exits). */
  moment: Moment | null;
  /** One of the steps a person steps through (a poll, a read at a call or one that cross-wires, a check, a
   * spawn or refusal, a panic, the outer check); the rest show inside them and as fine steps. */
  event: boolean;
  snapshot: Snapshot;
}

/** The choice point a poll resolved: the tasks ready there (queue order), the one polled, and which choice
 * point of the run it was (0-based, as `picks` count them: pick `index` decides it). */
export interface ChoiceInfo {
  ready: string[];
  chosen: string;
  index: number;
  /** Several threads only: the thread (1-based) the chosen task was polled on; its pick is "chosen@thread". */
  thread?: number;
}

/** Several threads: a poll on another thread than the task's last (its spawner's, before its first poll). */
export interface Migration {
  /** 1-based threads. */
  from: number;
  to: number;
  /** The task's first poll (it moved from the thread it was spawned on). */
  first: boolean;
}

/** A read of one slot: what the task should see (its shadow) vs what the thread gives it. */
export interface ReadInfo {
  slot: string;
  access: 'read' | 'pop';
  /** What the value is read for (the call, `pop`, `emit_worker_event`). */
  what: string;
  expected: string;
  observed: string;
  expectedOwner: string | null;
  observedOwner: string | null;
  crosswire: boolean;
  /** A host call's read of TRUSTED_BRIDGE_CALL_DEPTH: the gate the builtins it bridges meet at the observed depth
   * and at its own (./bridge.ts). */
  bridge?: BridgeDecision;
}

export interface CheckInfo {
  call: string;
  effects: string[];
  target: string | null;
  decision: 'allow' | 'deny';
  /** What the task's own policy decides (what preflight promised). */
  preflight: 'allow' | 'deny';
  disagrees: boolean;
  policy: string;
  /** fs calls: the target resolved against the observed cwd. */
  path: string | null;
  /** fs writes: the session the audit record is attributed to. */
  session: string | null;
  crosswire: boolean;
  /** The human consequence of the cross-wire, or null. */
  consequence: string | null;
  /** The call escapes the parent grant (its child ran with enforcement at spawn off), else null. */
  violation: { code: 'HARN-CAP-301'; escapes: string[] } | null;
}

export type TraceStep = StepBase &
  (
    | {
        kind: 'poll-enter';
        choice: ChoiceInfo | null;
        /** Several threads only: the thread (1-based) polling, and the migration, if this poll is one. */
        thread?: number;
        migration?: Migration | null;
      }
    | { kind: 'swap'; slot: string; direction: 'in' | 'out'; installed: string; saved: string }
    | {
        kind: 'install';
        action: 'push' | 'pop' | 'set' | 'unset' | 'inc' | 'dec';
        slot: string;
        before: string;
        after: string;
      }
    | ({ kind: 'read' } & ReadInfo)
    | ({ kind: 'check' } & CheckInfo)
    | { kind: 'await'; awaitKind: string; what: string; wakeAt: number }
    | { kind: 'wake' }
    /** `escapes`: present when the child's effects escape the grant and it is spawned only because enforcement at
     * spawn is off (the effects not covered). */
    | { kind: 'spawn'; child: string; escapes?: string[]; covered?: boolean }
    | { kind: 'refuse'; child: string; code: 'HARN-CAP-301'; violations: string[] }
    | { kind: 'complete' }
    /** `restored`: scoped mode, the slots whose outer values the restore guard puts back; `leaked`: naive mode,
     * the slots the unwinding poll leaves holding the task's values (each present only when not empty). */
    | { kind: 'panic'; message: string; restored?: string[]; leaked?: string[] }
    | { kind: 'poll-exit'; outcome: PollOutcome; restored: boolean }
    | { kind: 'outer-check'; leaks: string[]; clean: boolean }
  );

export type TraceStepKind = TraceStep['kind'];

/** One cross-wire of the summary. */
export interface CrosswireRecord {
  step: number;
  task: string;
  slot: string;
  expected: string;
  observed: string;
  consequence: string;
  /** Several threads only: the thread (1-based) the read ran on. */
  thread?: number;
  /** Several threads only: `sibling` when the task had never left this thread (a sibling polled here left the
   * value), `migration` when it had run on another thread (its own values stayed there). */
  cause?: 'sibling' | 'migration';
}

/** One call that escaped the parent grant at run time (enforcement at spawn off). */
export interface ViolationRecord {
  step: number;
  task: string;
  call: string;
  code: 'HARN-CAP-301';
  escapes: string[];
}

const EMPTY_ARRAY: readonly never[] = Object.freeze([]);


function allows(check: CheckSpec, policy: AmbientValue | null): boolean {
  const ceiling = policy?.ceiling ?? null;
  if (ceiling === null) return true;
  return check.effects.every((effect) => effectAllowedByCeiling(effect, ceiling));
}

/** Builds the trace while the executor runs. `steps` and `crosswires` are complete once the run returns. */
export interface TraceRecorder extends Recorder {
  steps: TraceStep[];
  crosswires: CrosswireRecord[];
  violations: ViolationRecord[];
}

export function createTraceRecorder(
  state: ExecState,
  programs: readonly TaskProgram[],
  mode: ExecMode,
  /** The run's slot names (its slot table's; the seed's catalog by default). */
  slotNames: readonly string[] = SLOT_NAMES,
): TraceRecorder {
  const names = programs.map((p) => p.name);
  const steps: TraceStep[] = [];
  const crosswires: CrosswireRecord[] = [];
  const violations: ViolationRecord[] = [];
  // The reads since the task's last check: the check attaches its consequence to them and, once it is decided,
  // writes the sentence of each cross-wired one.
  let openReads: {
    record: CrosswireRecord | null;
    slot: number;
    observed: AmbientValue | number | null;
    expected: AmbientValue | number | null;
    step: TraceStep;
  }[] = [];
  const moments = createMomentCounter();
  // Per task: the await it last started (site, words), what its current poll resumed after, and the tasks polled
  // while it was away (the "while it waited" of a cross-wire's sentence).
  const lastAwait: ({ site: number; what: string } | null)[] = names.map(() => null);
  const resumptions: Resumption[] = names.map(() => ({ what: null, ran: [], told: false }));
  const pollLog: number[] = [];
  // Several threads: the thread of each poll in `pollLog`.
  const pollThreadLog: number[] = [];
  const leftAt: number[] = names.map(() => 0);
  // Several threads: each thread's register file as last copied, and per task the threads it has been on (bits:
  // the one it was spawned on, then every one that polled it).
  const multi = state.threads.length > 1;
  const threadViews: (readonly SlotValue[])[] = state.threads.map((registers) => registers.slice());
  let threadsView: readonly (readonly SlotValue[])[] = threadViews.slice();
  const seen: number[] = names.map(() => 0);

  let thread: readonly SlotValue[] = EMPTY_ARRAY;
  let threadDirty = true;
  const scopes: (readonly SlotValue[] | null)[] = names.map(() => null);
  let scopesView: readonly (readonly SlotValue[] | null)[] = scopes.slice();
  let scopesDirty = false;
  let statuses: readonly TaskStatus[] = EMPTY_ARRAY;
  let snapshot: Snapshot | null = null;
  let guard: readonly SlotValue[] | null = null;

  let guardDirty = false;

  // A task's saved scope may have changed (and the guard with it). A scope that stays null (taken by the poll)
  // needs no new scopes array.
  const dirtyScope = (t: number): void => {
    const task = state.tasks[t]!;
    guardDirty = true;
    const hidden = task.status === 'unspawned' || task.status === 'refused' || task.polling || task.scopeLost;
    if (hidden && scopes[t] === null) return;
    scopes[t] = hidden ? null : task.scope.slice();
    scopesDirty = true;
  };

  const snap = (statusChanged: boolean): Snapshot => {
    if (
      snapshot &&
      !threadDirty &&
      !scopesDirty &&
      !guardDirty &&
      !statusChanged &&
      snapshot.clock === state.clock
    )
      return snapshot;
    if (threadDirty) {
      thread = state.thread.slice();
      if (multi) {
        threadViews[state.threadId] = thread;
        threadsView = threadViews.slice();
      }
    }
    if (scopesDirty) scopesView = scopes.slice();
    if (statusChanged || statuses.length === 0) {
      const next = new Array<TaskStatus>(state.tasks.length);
      for (let i = 0; i < next.length; i++) next[i] = state.tasks[i]!.status;
      statuses = next;
    }
    // The guard changes only with a swap or a poll boundary, each of which marks a scope dirty.
    if (guardDirty || !snapshot) {
      const current = state.current >= 0 ? state.tasks[state.current] : undefined;
      guard = mode !== 'unscoped' && current && current.polling ? current.scope.slice() : null;
    }
    threadDirty = false;
    scopesDirty = false;
    guardDirty = false;
    snapshot = multi
      ? { clock: state.clock, thread, threads: threadsView, threadId: state.threadId, scopes: scopesView, guard, statuses }
      : { clock: state.clock, thread, scopes: scopesView, guard, statuses };
    return snapshot;
  };

  const name = (t: number): string => (t >= 0 ? names[t]! : 'the outer thread');
  // Task name by index + 1: null for the outer thread (-1).
  const owners: readonly (string | null)[] = [null, ...names];
  // The slots a panicking poll leaves holding this task's values: during a poll the task's scope array holds
  // the outer values its guard would restore, so every slot where the thread differs stays wrong without one.
  const leftBehind = (t: number): string[] => {
    const scope = state.tasks[t]!.scope;
    const left: string[] = [];
    for (let s = 0; s < state.thread.length; s++) if (state.thread[s] !== scope[s]) left.push(slotNames[s]!);
    return left;
  };
  // Scoped mode: the slots this poll swapped in whose values the task has changed; the guard puts their outer
  // values back as the poll unwinds (the swaps since the task's poll-enter name the captured slots).
  const guarded = (t: number): string[] => {
    const swapped = new Set<string>();
    for (let i = steps.length - 1; i >= 0; i--) {
      const step = steps[i]!;
      if (step.kind === 'poll-enter') break;
      if (step.kind === 'swap' && step.direction === 'in' && step.task === owners[t + 1]) swapped.add(step.slot);
    }
    return leftBehind(t).filter((slot) => swapped.has(slot));
  };
  const momentOf = (t: number, kind: MomentKind, span: Span | null, subject: string | null, what: string) =>
    moments.next(owners[t + 1] ?? null, kind, span ? span.start : -1, subject, what);

  return {
    steps,
    crosswires,
    violations,
    pollEnter(t, choiceReady, choiceIndex, from) {
      threadDirty = true;
      dirtyScope(t);
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
      const firstPoll = seen[t] === 0 || lastAwait[t] === null;
      if (seen[t] === 0 && from >= 0) seen[t] = 1 << from;
      seen[t] = seen[t]! | (1 << on);
      const migration: Migration | null =
        multi && from !== on ? { from: from + 1, to: on + 1, first: firstPoll } : null;
      const awaited = lastAwait[t] ?? null;
      const ran: string[] = [];
      // With several threads only the polls on this poll's thread could leave values here.
      for (let i = leftAt[t]!; i < pollLog.length; i++) {
        const other = names[pollLog[i]!]!;
        if (pollLog[i] !== t && !ran.includes(other) && (!multi || pollThreadLog[i] === on)) ran.push(other);
      }
      pollLog.push(t);
      if (multi) pollThreadLog.push(on);
      const joined = awaited?.what === 'join';
      resumptions[t] = multi
        ? { what: awaited && !joined ? awaited.what : null, ran, told: false, thread: on + 1, moved: migration }
        : { what: awaited && !joined ? awaited.what : null, ran, told: false };
      steps.push({
        kind: 'poll-enter',
        choice,
        ...(multi ? { thread: on + 1, migration } : {}),
        index: steps.length,
        task: owners[t + 1] ?? null,
        span: null,
        narration: narratePoll(
          name(t),
          joined ? null : (awaited?.what ?? null),
          joined,
          multi ? { on: on + 1, moved: migration } : null,
        ),
        detail: pollDetail(
          state.clock,
          ready,
          choiceIndex,
          mode === 'unscoped',
          multi ? { on: on + 1, count: state.threads.length } : null,
        ),
        moment: momentOf(
          t,
          'poll',
          awaited ? { start: awaited.site, end: awaited.site } : null,
          null,
          awaited?.what ?? 'start',
        ),
        event: true,
        snapshot: snap(true),
      } as TraceStep);
    },
    swap(t, slot, direction, installed, saved) {
      threadDirty = true;
      const slotName = slotNames[slot]!;
      const inLabel = slotValueLabel(installed);
      const savedLabel = slotValueLabel(saved);
      const narration =
        direction === 'in'
          ? `${slotName} swaps in: the thread now holds ${name(t)}'s ${inLabel}; the guard keeps the outer ${savedLabel}.`
          : `${slotName} swaps out: ${name(t)}'s ${savedLabel} goes back to its saved scope; the thread gets ${inLabel} back.`;
      dirtyScope(t);
      steps.push({
        kind: 'swap',
        slot: slotName,
        direction,
        installed: inLabel,
        saved: savedLabel,
        index: steps.length,
        task: owners[t + 1] ?? null,
        span: null,
        narration,
        detail: null,
        moment: null,
        event: false,
        snapshot: snap(false),
      } as TraceStep);
    },
    install(t, o: Op, before, after) {
      threadDirty = true;
      const slot = (o as { slot: number }).slot;
      const slotName = slotNames[slot]!;
      const beforeLabel = slotValueLabel(before);
      const afterLabel = slotValueLabel(after);
      const action = o.op as 'push' | 'pop' | 'set' | 'unset' | 'inc' | 'dec';
      const narration =
        action === 'push'
          ? `${name(t)} pushes ${currentLabel(slotCurrent(after))} onto ${slotName}.`
          : action === 'pop'
            ? `${slotName} now has ${currentLabel(slotCurrent(after))} on top.`
            : action === 'set'
              ? `${name(t)} sets ${slotName} to ${afterLabel}.`
              : action === 'unset'
                ? `${name(t)} puts back the ${slotName} it replaced: ${afterLabel}.`
                : `${name(t)} ${action === 'inc' ? 'raises' : 'lowers'} ${slotName} to ${afterLabel}.`;
      steps.push({
        kind: 'install',
        action,
        slot: slotName,
        before: beforeLabel,
        after: afterLabel,
        index: steps.length,
        task: owners[t + 1] ?? null,
        span: o.span,
        narration,
        detail: null,
        moment: null,
        event: false,
        snapshot: snap(false),
      } as TraceStep);
    },
    read(t, slot, readAccess, what, expected, observed, span) {
      const access = readAccess === 'pop' ? 'pop' : 'read';
      if (readAccess !== 'check' && openReads.length > 0) openReads = [];
      const slotName = slotNames[slot]!;
      const crosswire = expected !== observed;
      const expectedLabel = currentLabel(expected);
      const observedLabel = currentLabel(observed);
      let narration: string;
      let record: CrosswireRecord | null = null;
      if (crosswire) {
        // A check's cross-wired read is written once the check is decided (it names what the call does).
        narration =
          readAccess === 'check'
            ? ''
            : narrateOwnRead(name(t), resumptions[t]!, slotName, access, what, expected, observed);
        if (readAccess !== 'check') resumptions[t]!.told = true;
        const consequence =
          access === 'pop'
            ? `${name(t)} popped ${ownerPhrase(observed)} off ${slotName}, leaving its own ${expectedLabel} behind`
            : `${name(t)} used ${ownerPhrase(observed)} from ${slotName} for ${what} instead of ${expectedLabel}`;
        record = {
          step: steps.length,
          task: name(t),
          slot: slotName,
          expected: expectedLabel,
          observed: observedLabel,
          consequence,
        };
        if (multi) {
          record.thread = state.threadId + 1;
          record.cause = (seen[t]! & ~(1 << state.threadId)) !== 0 ? 'migration' : 'sibling';
        }
        crosswires.push(record);
      } else {
        narration =
          access === 'pop'
            ? `${name(t)} pops its own ${observedLabel} off ${slotName}.`
            : `${name(t)} reads ${slotName} for ${what}: its own ${observedLabel}.`;
      }
      const step = {
        kind: 'read',
        slot: slotName,
        access,
        what,
        expected: expectedLabel,
        observed: observedLabel,
        expectedOwner: ownerName(expected),
        observedOwner: ownerName(observed),
        crosswire,
        index: steps.length,
        task: owners[t + 1] ?? null,
        span,
        narration,
        detail: crosswire ? `${slotName}: expected ${expectedLabel}, observed ${observedLabel}.` : null,
        moment: momentOf(t, 'read', span, slotName, what),
        // A task's own pops and its life cycle's reads are bookkeeping unless they cross-wire.
        event: crosswire || (access === 'read' && span !== null),
        snapshot: snap(false),
      } as TraceStep;
      if (readAccess === 'check') openReads.push({ record, slot, observed, expected, step });
      steps.push(step);
    },
    check(t, check, span) {
      const task = state.tasks[t]!;
      const observedPolicy = slotCurrent(state.thread[SLOT.executionPolicy]) as AmbientValue | null;
      const expectedPolicy = slotCurrent(task.shadow[SLOT.executionPolicy]) as AmbientValue | null;
      const decision = allows(check, observedPolicy);
      const preflight = allows(check, expectedPolicy);
      const reads = openReads;
      openReads = [];
      const info = narrateCheck(name(t), check, state, reads, decision, preflight, slotNames);
      let first = true;
      for (const read of reads) {
        // A host call's depth read carries what the depth lets the builtins it bridges skip.
        if (read.slot === SLOT.trustedBridgeDepth && info.facts.bridge) (read.step as ReadInfo).bridge = info.facts.bridge;
        if (!read.record) continue;
        read.record.consequence = info.consequence ?? read.record.consequence;
        read.step.narration = narrateCheckRead(
          name(t),
          resumptions[t]!,
          first,
          read.slot,
          read.observed,
          info.facts,
          slotNames,
        );
        first = false;
        resumptions[t]!.told = true;
      }
      const violation =
        check.escapes.length > 0 ? { code: 'HARN-CAP-301' as const, escapes: check.escapes } : null;
      if (violation) violations.push({ step: steps.length, task: name(t), call: check.call, ...violation });
      steps.push({
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
        index: steps.length,
        task: owners[t + 1] ?? null,
        span,
        narration: info.narration,
        detail: info.detail,
        moment: momentOf(t, 'check', span, null, check.call),
        event: true,
        snapshot: snap(false),
      } as TraceStep);
    },
    await(t, kind, what, wakeAt, span) {
      lastAwait[t] = { site: span ? span.start : -1, what: kind === 'join' ? 'join' : what };
      const narration =
        kind === 'join'
          ? `${name(t)} waits to join its children.`
          : wakeAt <= state.clock
            ? `${name(t)} yields at ${what} and is ready again at once.`
            : `${name(t)} awaits ${what} (wakes at t=${wakeAt}).`;
      steps.push({
        kind: 'await',
        awaitKind: kind,
        what,
        wakeAt,
        index: steps.length,
        task: owners[t + 1] ?? null,
        span,
        narration,
        detail: kind === 'join' || wakeAt <= state.clock ? null : `t=${state.clock}`,
        moment: null,
        event: false,
        snapshot: snap(true),
      } as TraceStep);
    },
    wake(t) {
      steps.push({
        kind: 'wake',
        index: steps.length,
        task: owners[t + 1] ?? null,
        span: null,
        narration: `${name(t)} wakes at t=${state.clock} and is ready.`,
        detail: null,
        moment: null,
        event: false,
        snapshot: snap(true),
      } as TraceStep);
    },
    spawn(t, child, span) {
      dirtyScope(child);
      const refusal = programs[child]!.refusal;
      steps.push({
        kind: 'spawn',
        child: name(child),
        ...(refusal && t >= 0
          ? { escapes: refusal.violations }
          : programs[child]!.admission && t >= 0
            ? { covered: true }
            : {}),
        index: steps.length,
        task: owners[t + 1] ?? null,
        span,
        narration: narrateSpawn(name(t), name(child), programs[child]!),
        detail: 'The child captures its inherited scope now.',
        moment: momentOf(t, 'spawn', span, name(child), 'spawn'),
        event: true,
        snapshot: snap(true),
      } as TraceStep);
    },
    refuse(t, child, span) {
      const refusal = programs[child]!.refusal!;
      steps.push({
        kind: 'refuse',
        child: name(child),
        code: 'HARN-CAP-301',
        violations: refusal.violations,
        index: steps.length,
        task: owners[t + 1] ?? null,
        span,
        narration: `${spawnerOf(name(t), programs[child]!)}'s spawn of ${name(child)}${playgroundWhy(programs[child]!)} is refused (HARN-CAP-301): ${refusal.message}`,
        detail: narrateRefusalDetail(programs[child]!),
        moment: momentOf(t, 'refuse', span, name(child), 'spawn'),
        event: true,
        snapshot: snap(true),
      } as TraceStep);
    },
    complete(t) {
      steps.push({
        kind: 'complete',
        index: steps.length,
        task: owners[t + 1] ?? null,
        span: null,
        narration: `${name(t)} completes.`,
        detail: null,
        moment: null,
        event: false,
        snapshot: snap(false),
      } as TraceStep);
    },
    panic(t, message, span) {
      const slots = mode === 'scoped' ? guarded(t) : mode === 'naive' ? leftBehind(t) : [];
      const named = slots.length === 0 ? {} : mode === 'scoped' ? { restored: slots } : { leaked: slots };
      steps.push({
        kind: 'panic',
        message,
        ...named,
        index: steps.length,
        task: owners[t + 1] ?? null,
        span,
        narration: narratePanic(name(t), message, mode, slots),
        detail:
          mode === 'naive' ? 'No restore guard: the unwinding poll will not swap its scope back out.' : null,
        moment: momentOf(t, 'panic', span, null, 'throw'),
        event: true,
        snapshot: snap(false),
      } as TraceStep);
    },
    pollExit(t, outcome, restored) {
      threadDirty = true;
      leftAt[t] = pollLog.length;
      dirtyScope(t);
      let narration = `${name(t)}'s poll ends (${outcome}).`;
      if (outcome === 'panic' && !restored && mode === 'naive') {
        narration = `${name(t)}'s poll unwinds with no restore guard: its scope stays on the thread and the outer values are lost.`;
      } else if (outcome === 'panic' && mode === 'scoped') {
        narration = `${name(t)}'s poll unwinds; the restore guard put the outer values back.`;
      }
      steps.push({
        kind: 'poll-exit',
        outcome,
        restored,
        index: steps.length,
        task: owners[t + 1] ?? null,
        span: null,
        narration,
        detail: null,
        moment: null,
        event: false,
        snapshot: snap(true),
      } as TraceStep);
    },
    outerCheck(leaks) {
      const leakNames = leaks.map((slot) => slotNames[slot]!);
      // A leaked slot's value on every thread that keeps one ("… on thread 2").
      const valueOf = (slot: number): string => {
        if (!multi) return slotValueLabel(state.thread[slot]);
        const held: string[] = [];
        state.threads.forEach((registers, k) => {
          if (!isSlotEmpty(registers[slot])) held.push(`${slotValueLabel(registers[slot])} on thread ${k + 1}`);
        });
        return held.join(', ');
      };
      const told = narrateOuterCheck(leakNames, leaks.map(valueOf), state.threads.length);
      steps.push({
        kind: 'outer-check',
        leaks: leakNames,
        clean: leaks.length === 0,
        index: steps.length,
        task: null,
        span: null,
        narration: told.narration,
        detail: told.detail,
        moment: moments.next(null, 'outer', -1, null, 'outer-check'),
        event: true,
        snapshot: snap(false),
      } as TraceStep);
    },
  };
}
