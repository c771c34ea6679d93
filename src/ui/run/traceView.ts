// Pure views over a TracedRun for the stepper: task colours, lane segments (with the thread that ran each
// poll), the reads up to a step, the current poll's swaps, every thread's register file and the task polling, and
// how a slot value reads. The trace is never changed, only read.
import type { TracedRun } from '../../core/scheduler/run.ts';
import type { AmbientValue, SlotValue } from '../../core/scheduler/scope.ts';
import type { MarkerKind, TraceMarker } from '../../core/scheduler/counts.ts';
import type { TraceStep } from '../../core/scheduler/trace.ts';

export type ReadStep = Extract<TraceStep, { kind: 'read' }>;
/** A scrub-bar marker: core's (counts.ts), with its count, what happens there and its accessible name. */
export type Marker = TraceMarker;
export type { MarkerKind };

/** The lane states of DESIGN §6 (awaiting covers sleeping and joining). */
export type LaneStatus = 'unspawned' | 'running' | 'ready' | 'awaiting' | 'done' | 'panicked' | 'refused';
export interface LaneSegment {
  from: number;
  /** Exclusive. */
  to: number;
  status: LaneStatus;
  /** Several threads, a running segment (one poll): the 1-based thread that ran it. */
  thread?: number;
  /** …and the thread the task last ran on (or was spawned on) when this poll moved it: a migration. */
  migratedFrom?: number;
}

/** Colour slot per task name: the parent 0, the children 1..8 in order (the editor tabs use the same). */
export function taskColors(simulation: Pick<TracedRun, 'tasks'>): Map<string, number> {
  const colors = new Map<string, number>();
  let child = 0;
  for (const task of simulation.tasks) colors.set(task.name, task.role === 'parent' ? 0 : (child++ % 8) + 1);
  return colors;
}

/** The CSS colour of a task (or a neutral one for the outer thread / unknown owners). */
export function taskColorVar(colors: ReadonlyMap<string, number>, name: string | null | undefined): string {
  const index = name == null ? undefined : colors.get(name);
  return index === undefined ? 'var(--run-neutral)' : `var(--task-${index})`;
}

/** A task's status in a snapshot as a lane shows it (sleeping and joining are both awaiting). */
export function laneStatus(status: string | undefined): LaneStatus {
  switch (status) {
    case 'running':
    case 'ready':
    case 'done':
    case 'panicked':
    case 'refused':
      return status;
    case 'sleeping':
    case 'joining':
      return 'awaiting';
    default:
      return 'unspawned';
  }
}

/** Whether the run has several simulated threads (its trace then carries every thread's register file). */
export function isMultiThread(simulation: TracedRun): boolean {
  return (simulation.summary.threads ?? 1) > 1;
}

/** Per task, runs of equal status over the steps (a lane is a handful of segments, not one cell per step). With
 * several threads each poll is its own running segment, with the thread that ran it and where it moved from. */
export function laneSegments(simulation: TracedRun): LaneSegment[][] {
  const multi = isMultiThread(simulation);
  const indexOf = new Map(simulation.tasks.map((task, t) => [task.name, t]));
  // Per task, its polls in order: where each starts, the thread that ran it and the thread it moved from (0: none).
  const enters = simulation.tasks.map(() => [] as { at: number; thread: number; from: number }[]);
  if (multi)
    for (const step of simulation.steps) {
      const t = step.kind === 'poll-enter' && step.task !== null ? indexOf.get(step.task) : undefined;
      if (t !== undefined && step.kind === 'poll-enter')
        enters[t]!.push({ at: step.index, thread: step.thread ?? 0, from: step.migration?.from ?? 0 });
    }
  return simulation.tasks.map((_, t) => {
    const segments: LaneSegment[] = [];
    const polls = enters[t]!;
    let poll = -1;
    for (const step of simulation.steps) {
      const status = laneStatus(step.snapshot.statuses[t]);
      const entered = poll + 1 < polls.length && polls[poll + 1]!.at === step.index;
      if (entered) poll++;
      const last = segments[segments.length - 1];
      if (last && last.status === status && !entered) last.to = step.index + 1;
      else {
        const segment: LaneSegment = { from: step.index, to: step.index + 1, status };
        const enter = polls[poll];
        if (status === 'running' && enter) {
          segment.thread = enter.thread;
          if (enter.from > 0) segment.migratedFrom = enter.from;
        }
        segments.push(segment);
      }
    }
    return segments;
  });
}

/** Every read step of the trace, in order. */
export function readsOf(simulation: TracedRun): ReadStep[] {
  return simulation.steps.filter((step): step is ReadStep => step.kind === 'read');
}

/** The consequence sentence of each cross-wire, by step. */
export function consequencesOf(simulation: TracedRun): Map<number, string> {
  return new Map(simulation.summary.crosswires.map((record) => [record.step, record.consequence]));
}

/** The swap steps of the poll that step `i` belongs to, up to and including `i` (slot → latest swap). */
export function swapsOfPoll(simulation: Pick<TracedRun, 'steps'>, i: number): Map<string, Extract<TraceStep, { kind: 'swap' }>> {
  const swaps = new Map<string, Extract<TraceStep, { kind: 'swap' }>>();
  let start = i;
  while (start > 0 && simulation.steps[start]?.kind !== 'poll-enter') start--;
  for (let s = start; s <= i; s++) {
    const step = simulation.steps[s];
    if (step?.kind === 'swap') swaps.set(step.slot, step);
  }
  return swaps;
}

function isValue(value: unknown): value is AmbientValue {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** How a slot value reads in a cell: its current value's label, whose it is, and the stack depth below. */
export interface SlotDisplay {
  label: string;
  owner: string | null;
  /** Entries under the top of a stack (0 for depths and options). */
  below: number;
  empty: boolean;
}

export function slotDisplay(value: SlotValue | undefined): SlotDisplay {
  if (value === undefined || value === null) return { label: '—', owner: null, below: 0, empty: true };
  if (typeof value === 'number') return { label: `depth ${value}`, owner: null, below: 0, empty: value === 0 };
  if (Array.isArray(value)) {
    const stack = value as readonly AmbientValue[];
    const top = stack[stack.length - 1];
    if (!top) return { label: '[ ]', owner: null, below: 0, empty: true };
    return { label: top.label, owner: top.owner, below: stack.length - 1, empty: false };
  }
  if (isValue(value)) return { label: value.label, owner: value.owner, below: 0, empty: false };
  return { label: String(value), owner: null, below: 0, empty: false };
}

/** The slot step `i` is about: the slot a read, swap or install touches; for a check, the slot its task read last
 * in this poll (a cross-wired read first); null for steps about no slot. */
export function currentSlotOf(simulation: Pick<TracedRun, 'steps'>, i: number): string | null {
  const step = simulation.steps[i];
  if (!step) return null;
  if (step.kind === 'read' || step.kind === 'swap' || step.kind === 'install') return step.slot;
  if (step.kind !== 'check') return null;
  let fallback: string | null = null;
  for (let s = i - 1; s >= 0; s--) {
    const before = simulation.steps[s];
    if (!before || before.kind === 'poll-enter' || before.kind === 'check') break;
    if (before.kind === 'read' && before.task === step.task) {
      if (before.crosswire) return before.slot;
      fallback ??= before.slot;
    }
  }
  return fallback;
}

/** Markers of one kind close enough on the bar to overlap, drawn as one (with a count) that seeks to the first. */
export interface MarkerGroup {
  kind: Exclude<MarkerKind, 'poll'>;
  markers: Marker[];
}

/** Groups the non-poll markers: a marker joins the previous group of its kind when it is within `gap` steps of
 * that group's last marker (the caller picks `gap` from the bar's width, e.g. the steps under 14 px). */
export function groupMarkers(markers: readonly Marker[], gap: number): MarkerGroup[] {
  const groups: MarkerGroup[] = [];
  const lastOf = new Map<MarkerKind, MarkerGroup>();
  for (const marker of markers) {
    if (marker.kind === 'poll') continue;
    const open = lastOf.get(marker.kind);
    const tail = open?.markers[open.markers.length - 1];
    if (open && tail && marker.step - tail.step <= gap) open.markers.push(marker);
    else {
      const group: MarkerGroup = { kind: marker.kind, markers: [marker] };
      groups.push(group);
      lastOf.set(marker.kind, group);
    }
  }
  return groups;

}

/** Where a task is in its program at a step: its current line while it runs, else the await it is parked at. */
export interface CodeMark {
  task: string;
  /** Offsets in the task's own program. */
  start: number;
  kind: 'current' | 'parked';
}

const PARKED = new Set(['sleeping', 'joining', 'ready']);

/** The task running at step `i` (null for the outer thread) and a mark per task that has a place in its code:
 * the running task's latest call (or the await it resumed from), every other waiting task's await. */
export function codeMarksAt(simulation: TracedRun, i: number): { running: string | null; marks: CodeMark[] } {
  const step = simulation.steps[i];
  if (!step) return { running: null, marks: [] };
  const names = new Set(simulation.tasks.map((t) => t.name));
  const running = step.task !== null && names.has(step.task) ? step.task : null;
  const found = new Map<string, CodeMark>();
  for (let s = i; s >= 0; s--) {
    const at = simulation.steps[s]!;
    if (at.task === null || at.span === null || found.has(at.task)) continue;
    if (at.task === running) found.set(at.task, { task: at.task, start: at.span.start, kind: 'current' });
    else if (at.kind === 'await') {
      const t = simulation.tasks.findIndex((task) => task.name === at.task);
      if (PARKED.has(step.snapshot.statuses[t] ?? '')) found.set(at.task, { task: at.task, start: at.span.start, kind: 'parked' });
      else found.set(at.task, { task: at.task, start: -1, kind: 'parked' });
    }
    if (found.size === names.size) break;
  }
  return { running, marks: [...found.values()].filter((m) => m.start >= 0) };
}

/** Every thread's register file at a step: with several threads `snapshot.threads`, else the one thread. */
export function threadFilesOf(step: TraceStep | undefined): readonly (readonly SlotValue[])[] {
  if (!step) return [[]];
  return step.snapshot.threads ?? [step.snapshot.thread];
}

/** The task a thread is polling at step `i`: the running one, or at a poll's exit the one leaving; else null. */
export function pollingTaskAt(simulation: Pick<TracedRun, 'steps' | 'tasks'>, i: number): string | null {
  const step = simulation.steps[i];
  if (!step) return null;
  if (step.kind === 'poll-exit') return step.task;
  const t = step.snapshot.statuses.indexOf('running');
  return t < 0 ? null : (simulation.tasks[t]?.name ?? null);
}
