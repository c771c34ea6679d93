// Moving through a trace: its events (the steps a person cares about, as core marks them), the cross-wires (reads
// whose observed value is not the expected one: the same ones core counts), and the moment a step shows. Pure
// views over the worker's plain data, not a store slice (the run slice and the stepper both read them); nothing here
// decides what an event or a cross-wire is.
import type { Landing, Moment } from '../core/scheduler/moment.ts';
import type { ScenarioSimulation } from '../core/scheduler/simulate.ts';

/** A trace as the worker sends it, with where the moment the stepper showed landed in it (simulateAt). */
export type SimulationResult = ScenarioSimulation & { landing?: Landing | null };

const events = new WeakMap<SimulationResult, number[]>();

/** The event steps of a trace, in order (cached per trace: traces are immutable). */
export function eventsOf(simulation: SimulationResult): number[] {
  let list = events.get(simulation);
  if (!list) {
    list = [];
    for (const step of simulation.steps) if (step.event) list.push(step.index);
    events.set(simulation, list);
  }
  return list;
}

/** The first event after step `i` (or the last step when none). */
export function nextEvent(simulation: SimulationResult, i: number): number {
  for (const e of eventsOf(simulation)) if (e > i) return e;
  return Math.max(0, simulation.steps.length - 1);
}

/** The last event before step `i` (or 0). */
export function previousEvent(simulation: SimulationResult, i: number): number {
  const list = eventsOf(simulation);
  for (let k = list.length - 1; k >= 0; k--) if (list[k]! < i) return list[k]!;
  return 0;
}

/** 1-based position of step `i` among the events (the event it shows), and how many there are. */
export function eventPosition(simulation: SimulationResult, i: number): { at: number; of: number } {
  const list = eventsOf(simulation);
  let at = 0;
  while (at < list.length && list[at]! <= i) at++;
  return { at: Math.max(1, at), of: list.length };
}

/** The number a person reads for step `i`: its event's ("13"), with the fine step beneath it after a dot when
 * `i` is not the event itself ("13.4": the fourth swap or install after event 13). The same rule as core's
 * `stepNumber` (the Markdown report, the CLI, the scrub marks); test/state/stepNumber.test.ts keeps them equal. */
export function stepLabel(simulation: SimulationResult, i: number): string {
  const list = eventsOf(simulation);
  let at = 0;
  while (at < list.length && list[at]! <= i) at++;
  if (at === 0) return i <= 0 ? '1' : `1.${i}`;
  const fine = i - list[at - 1]!;
  return fine > 0 ? `${at}.${fine}` : String(at);
}

/** Whether step `i` is a cross-wire: a read whose observed value differs from the expected one. */
export function isCrosswireStep(simulation: SimulationResult, i: number): boolean {
  const step = simulation.steps[i];
  return step !== undefined && step.kind === 'read' && step.crosswire;
}

const stops = new WeakMap<SimulationResult, number[]>();

/** The steps "Run to next cross-wire" stops at, in order: every cross-wired read (core's records) and every check
 * a cross-wire decided (its consequence: a denial by another task's policy lands here, not on the read after it). */
export function crosswireStops(simulation: SimulationResult): number[] {
  let list = stops.get(simulation);
  if (!list) {
    const at = new Set(simulation.summary.crosswires.map((record) => record.step));
    for (const step of simulation.steps) if (step.kind === 'check' && step.crosswire) at.add(step.index);
    list = [...at].sort((a, b) => a - b);
    stops.set(simulation, list);
  }
  return list;
}

/** The cross-wire after (direction 1) or before (-1) step `i`, or -1. */
export function crosswireFrom(simulation: SimulationResult, i: number, direction: 1 | -1): number {
  const list = crosswireStops(simulation);
  if (direction === 1) {
    for (const step of list) if (step > i) return step;
  } else {
    for (let k = list.length - 1; k >= 0; k--) if (list[k]! < i) return list[k]!;
  }
  return -1;
}

/** The moment step `i` shows: its own, else the latest event before it. */
export function momentAt(simulation: SimulationResult | null, i: number): Moment | null {
  if (!simulation) return null;
  for (let s = Math.min(i, simulation.steps.length - 1); s >= 0; s--) {
    const moment = simulation.steps[s]!.moment;
    if (moment) return moment;
  }
  return null;
}

/** The tasks that were ready at the choice point step `i` resolved (recorded on its poll-enter), else null. */
export function choiceAtStep(simulation: SimulationResult, i: number): string[] | null {
  const step = simulation.steps[i];
  return step?.kind === 'poll-enter' && step.choice ? step.choice.ready : null;
}

/** Two moments are the same event of the program (the identity fields; a refusal is its child's spawn). */
export function sameMoment(a: Moment | null, b: Moment | null): boolean {
  if (a === null || b === null) return a === b;
  const kind = (m: Moment) => (m.kind === 'refuse' ? 'spawn' : m.kind);
  return a.task === b.task && kind(a) === kind(b) && a.site === b.site && a.subject === b.subject && a.occurrence === b.occurrence;
}
