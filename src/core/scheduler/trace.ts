// The trace: an immutable array of steps (poll-enter/exit, per-slot swaps, installs, reads, checks, awaits,
// wakes, spawns, refusals, completions, panics, the outer-thread check), each with its task, span, one
// sentence of narration and a copy-on-write snapshot of the thread-locals and every task's saved scope.
// createTraceRecorder implements the executor's Recorder. Depends on ./executor, ./scope, ./catalog, analysis.
import type { Span } from '../diagnostics.ts';
import { effectAllowedByCeiling, effectRecordSummary } from '../analysis/index.ts';
import { SLOT, SLOT_NAMES } from './catalog.ts';
import type { ExecMode, ExecState, PollOutcome, Recorder, TaskStatus } from './executor.ts';
import { narrateCheck, ownerPhrase } from './narrate.ts';
import { shownText } from '../text.ts';
import type { CheckSpec, Op, TaskProgram } from './ops.ts';
import { currentLabel, slotCurrent, slotValueLabel, type AmbientValue, type SlotValue } from './scope.ts';

/** The thread-locals and saved scopes at one step. Unchanged parts are the same arrays as the previous
 * step's (structured clone keeps the sharing), so a long trace stays small. */
export interface Snapshot {
  clock: number;
  /** The live thread-locals, indexed by slot. */
  thread: readonly SlotValue[];
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
  narration: string;
  snapshot: Snapshot;
}

/** The choice point a poll resolved: the tasks ready there (queue order), the one polled, and which choice
 * point of the run it was (0-based, as `picks` count them: pick `index` decides it). */
export interface ChoiceInfo {
  ready: string[];
  chosen: string;
  index: number;
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
}

export type TraceStep = StepBase &
  (
    | { kind: 'poll-enter'; choice: ChoiceInfo | null }
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
    | { kind: 'spawn'; child: string }
    | { kind: 'refuse'; child: string; code: 'HARN-CAP-301'; violations: string[] }
    | { kind: 'complete' }
    | { kind: 'panic'; message: string }
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
}

const EMPTY_ARRAY: readonly never[] = Object.freeze([]);

function topLabel(value: SlotValue): string {
  return currentLabel(slotCurrent(value));
}

function ownerOf(value: AmbientValue | number | null): string | null {
  return value !== null && typeof value === 'object' ? value.owner : null;
}

function allows(check: CheckSpec, policy: AmbientValue | null): boolean {
  const ceiling = policy?.ceiling ?? null;
  if (ceiling === null) return true;
  return check.effects.every((effect) => effectAllowedByCeiling(effect, ceiling));
}

/** Builds the trace while the executor runs. `steps` and `crosswires` are complete once the run returns. */
export interface TraceRecorder extends Recorder {
  steps: TraceStep[];
  crosswires: CrosswireRecord[];
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
  // Cross-wires of the reads since the task's last check: the check attaches its consequence to them.
  let openReads: { record: CrosswireRecord | null; slot: number; observed: AmbientValue | number | null }[] =
    [];

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
    if (threadDirty) thread = state.thread.slice();
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
    snapshot = { clock: state.clock, thread, scopes: scopesView, guard, statuses };
    return snapshot;
  };

  const name = (t: number): string => (t >= 0 ? names[t]! : 'the outer thread');
  // Task name by index + 1: null for the outer thread (-1).
  const owners: readonly (string | null)[] = [null, ...names];

  return {
    steps,
    crosswires,
    pollEnter(t, choiceReady, choiceIndex) {
      threadDirty = true;
      dirtyScope(t);
      const swap = mode === 'unscoped' ? ' on the shared thread-locals (unscoped)' : '; its scope swaps in';
      let choice: ChoiceInfo | null = null;
      let why = '';
      if (choiceReady !== null) {
        const ready: string[] = [];
        for (let i = 0; i < choiceReady.length; i++) ready.push(names[choiceReady[i]!]!);
        choice = { ready, chosen: names[t]!, index: choiceIndex };
        why = ` (choice point ${choiceIndex + 1}: ${ready.join(', ')} ready)`;
      }
      steps.push({
        kind: 'poll-enter',
        choice,
        index: steps.length,
        task: owners[t + 1] ?? null,
        span: null,
        narration: `${name(t)} is polled at t=${state.clock}${why}${swap}.`,
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
          ? `${name(t)} pushes ${topLabel(after)} onto ${slotName}.`
          : action === 'pop'
            ? `${name(t)} pops ${topLabel(before)} off ${slotName}.`
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
        const verb =
          access === 'pop'
            ? `pops ${observedLabel} off ${slotName}`
            : `reads ${slotName} for ${what} and gets ${observedLabel}`;
        narration = `${name(t)} ${verb}, not its own ${expectedLabel}: cross-wire.`;
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
        crosswires.push(record);
      } else {
        narration =
          access === 'pop'
            ? `${name(t)} pops its own ${observedLabel} off ${slotName}.`
            : `${name(t)} reads ${slotName} for ${what}: ${observedLabel}, as expected.`;
      }
      if (readAccess === 'check') openReads.push({ record, slot, observed });
      steps.push({
        kind: 'read',
        slot: slotName,
        access,
        what,
        expected: expectedLabel,
        observed: observedLabel,
        expectedOwner: ownerOf(expected),
        observedOwner: ownerOf(observed),
        crosswire,
        index: steps.length,
        task: owners[t + 1] ?? null,
        span,
        narration,
        snapshot: snap(false),
      } as TraceStep);
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
      for (const read of reads)
        if (read.record) read.record.consequence = info.consequence ?? read.record.consequence;
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
        index: steps.length,
        task: owners[t + 1] ?? null,
        span,
        narration: info.narration,
        snapshot: snap(false),
      } as TraceStep);
    },
    await(t, kind, what, wakeAt, span) {
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
        snapshot: snap(true),
      } as TraceStep);
    },
    spawn(t, child, span) {
      dirtyScope(child);
      steps.push({
        kind: 'spawn',
        child: name(child),
        index: steps.length,
        task: owners[t + 1] ?? null,
        span,
        narration: `${name(t)} spawns ${name(child)}, which captures its inherited scope now.`,
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
        narration: `${name(t)}'s spawn of ${name(child)} is refused (HARN-CAP-301): ${refusal.message}`,
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
        snapshot: snap(false),
      } as TraceStep);
    },
    panic(t, message, span) {
      steps.push({
        kind: 'panic',
        message,
        index: steps.length,
        task: owners[t + 1] ?? null,
        span,
        narration: `${name(t)} panics mid-poll: ${message}.`,
        snapshot: snap(false),
      } as TraceStep);
    },
    pollExit(t, outcome, restored) {
      threadDirty = true;
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
        snapshot: snap(true),
      } as TraceStep);
    },
    outerCheck(leaks) {
      const leakNames = leaks.map((slot) => slotNames[slot]!);
      const narration =
        leaks.length === 0
          ? 'All tasks are finished; the outer thread is left clean.'
          : `All tasks are finished, but the outer thread still holds ${leakNames
              .map((n, i) => `${n} = ${slotValueLabel(state.thread[leaks[i]!])}`)
              .join(', ')}: leaked.`;
      steps.push({
        kind: 'outer-check',
        leaks: leakNames,
        clean: leaks.length === 0,
        index: steps.length,
        task: null,
        span: null,
        narration,
        snapshot: snap(false),
      } as TraceStep);
    },
  };
}
