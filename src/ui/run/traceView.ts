// Pure views over a SimulationResult for the stepper: task colours, scrub-bar markers, lane segments, the reads up
// to a step, the current poll's swaps, and how a slot value reads. The trace is never changed, only read.
import type { SimulationResult } from '../../core/scheduler/run.ts';
import type { AmbientValue, SlotValue } from '../../core/scheduler/scope.ts';
import type { TraceStep } from '../../core/scheduler/trace.ts';

export type ReadStep = Extract<TraceStep, { kind: 'read' }>;
export type MarkerKind = 'poll' | 'crosswire' | 'panic' | 'leak';
export interface Marker {
  step: number;
  kind: MarkerKind;
  /** What happens there, from the trace ("alpha reads VM_EXECUTION_CONTEXT"); '' for polls. */
  what: string;
}

/** The lane states of DESIGN §6 (awaiting covers sleeping and joining). */
export type LaneStatus = 'unspawned' | 'running' | 'ready' | 'awaiting' | 'done' | 'panicked' | 'refused';
export interface LaneSegment {
  from: number;
  /** Exclusive. */
  to: number;
  status: LaneStatus;
}

/** Colour slot per task name: the parent 0, the children 1..8 in order (the editor tabs use the same). */
export function taskColors(simulation: SimulationResult): Map<string, number> {
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

/** Scrub-bar markers: each poll, cross-wire, panic and leak. */
export function markersOf(simulation: SimulationResult): Marker[] {
  const markers: Marker[] = [];
  for (const step of simulation.steps) {
    const task = step.task ?? 'the outer thread';
    if (step.kind === 'poll-enter') markers.push({ step: step.index, kind: 'poll', what: '' });
    else if (step.kind === 'read' && step.crosswire) markers.push({ step: step.index, kind: 'crosswire', what: `${task} reads ${step.slot}` });
    else if (step.kind === 'check' && step.crosswire) markers.push({ step: step.index, kind: 'crosswire', what: `${task}'s ${step.call}` });
    else if (step.kind === 'panic') markers.push({ step: step.index, kind: 'panic', what: `${task} panics` });
    else if (step.kind === 'outer-check' && !step.clean) markers.push({ step: step.index, kind: 'leak', what: `the outer thread keeps ${step.leaks.join(', ')}` });
    else if (step.kind === 'poll-exit' && step.outcome === 'panic' && !step.restored) markers.push({ step: step.index, kind: 'leak', what: `${task}'s scope is not restored` });
  }
  return markers;
}

function laneStatus(status: string | undefined): LaneStatus {
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

/** Per task, runs of equal status over the steps (a lane is a handful of segments, not one cell per step). */
export function laneSegments(simulation: SimulationResult): LaneSegment[][] {
  return simulation.tasks.map((_, t) => {
    const segments: LaneSegment[] = [];
    for (const step of simulation.steps) {
      const status = laneStatus(step.snapshot.statuses[t]);
      const last = segments[segments.length - 1];
      if (last && last.status === status) last.to = step.index + 1;
      else segments.push({ from: step.index, to: step.index + 1, status });
    }
    return segments;
  });
}

/** Every read step of the trace, in order. */
export function readsOf(simulation: SimulationResult): ReadStep[] {
  return simulation.steps.filter((step): step is ReadStep => step.kind === 'read');
}

/** The consequence sentence of each cross-wire, by step. */
export function consequencesOf(simulation: SimulationResult): Map<number, string> {
  return new Map(simulation.summary.crosswires.map((record) => [record.step, record.consequence]));
}

/** The swap steps of the poll that step `i` belongs to, up to and including `i` (slot → latest swap). */
export function swapsOfPoll(simulation: SimulationResult, i: number): Map<string, Extract<TraceStep, { kind: 'swap' }>> {
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
export function currentSlotOf(simulation: SimulationResult, i: number): string | null {
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
