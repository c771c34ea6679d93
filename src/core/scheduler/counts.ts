// One definition of each count, and the scrub-bar markers that show them. A cross-wire is a read whose observed
// value differs from the expected one (the summary's records, one per read); a leak is a slot not restored on
// the outer thread; a violation is a call that escaped the parent grant at run time. The legend, the summary
// sentence, the reads log, the explorer and the CLI all read these. Pure; depends on ./trace.ts types.
import type { CrosswireRecord, TraceStep, ViolationRecord } from './trace.ts';

/** How many of each thing went wrong in one run. */
export interface RunCounts {
  crosswires: number;
  leaks: number;
  panics: number;
  refused: number;
  violations: number;
}

export type CountKind = keyof RunCounts;

/** Several threads also count migrations (polls on another thread than the task's last); they are not a fault,
 * so they are not in {@link RunCounts}. */
export type CountWord = CountKind | 'migrations';

const WORDS: Record<CountWord, [string, string]> = {
  crosswires: ['cross-wire', 'cross-wires'],
  leaks: ['leak', 'leaks'],
  panics: ['panic', 'panics'],
  refused: ['refused at spawn', 'refused at spawn'],
  violations: ['violation', 'violations'],
  migrations: ['migration', 'migrations'],
};

/** Where a cross-wire happened, for a line of text: `" on thread 2, after a migration"` (the task had run on
 * another thread, where its own values stayed) or `" on thread 1, from a sibling"` (a task polled on the same
 * thread left the value); `""` with one thread (no `thread` on the record). */
export function crosswireWhere(crosswire: { thread?: number; cause?: 'sibling' | 'migration' }): string {
  if (crosswire.thread === undefined) return '';
  return ` on thread ${crosswire.thread}, ${crosswire.cause === 'migration' ? 'after a migration' : 'from a sibling'}`;
}

/** Who keeps a leaked value, with its verb: `the outer thread keeps` on one thread, `the threads keep` on several
 * (each thread has its own outer values). */
export function outerKeeps(threads: number): string {
  return threads > 1 ? 'the threads keep' : 'the outer thread keeps';
}

/** `12 cross-wires`, `1 leak`, `no cross-wires`. */
export function countLabel(kind: CountWord, n: number): string {
  const [one, many] = WORDS[kind];
  if (n === 0) return `no ${many}`;
  return `${n} ${n === 1 ? one : many}`;
}

export function countsOf(summary: {
  crosswires: readonly CrosswireRecord[];
  leaks: readonly string[];
  panics: readonly string[];
  refused: readonly string[];
  violations: readonly ViolationRecord[];
}): RunCounts {
  return {
    crosswires: summary.crosswires.length,
    leaks: summary.leaks.length,
    panics: summary.panics.length,
    refused: summary.refused.length,
    violations: summary.violations.length,
  };
}

export type MarkerKind = 'poll' | 'crosswire' | 'panic' | 'leak' | 'violation';

/** A mark on the scrub bar: `count` is how many of `kind` it stands for (a leak mark stands for every leaked
 * slot; a poll counts nothing), so the legend is the sum of the marks and equals the counts. */
export interface TraceMarker {
  step: number;
  /** The step's number as the stepper counts by default (events up to it, from 1). */
  at: number;
  kind: MarkerKind;
  count: number;
  /** What happens there: "alpha reads VM_EXECUTION_CONTEXT" ('' for a poll). */
  what: string;
  /** Its accessible name, numbered as the stepper counts: "cross-wire at step 13, alpha reads VM_EXECUTION_CONTEXT". */
  label: string;
}

// `at` is the step's number as the stepper counts by default: events up to it (runNav's eventPosition).
function marker(step: number, at: number, kind: MarkerKind, count: number, noun: string, what: string): TraceMarker {
  return { step, at, kind, count, what, label: `${noun} at step ${at}${what ? `, ${what}` : ''}` };
}

export function markersOf(
  steps: readonly TraceStep[],
  crosswires: readonly CrosswireRecord[],
): TraceMarker[] {
  const markers: TraceMarker[] = [];
  let next = 0;
  let events = 0;
  for (const step of steps) {
    if (step.event) events++;
    const [i, at] = [step.index, Math.max(1, events)];
    if (step.kind === 'poll-enter') markers.push(marker(i, at, 'poll', 0, 'poll', ''));
    while (next < crosswires.length && crosswires[next]!.step === step.index) {
      const c = crosswires[next++]!;
      markers.push(marker(i, at, 'crosswire', 1, 'cross-wire', `${c.task} reads ${c.slot}${crosswireWhere(c)}`));
    }
    if (step.kind === 'check' && step.violation)
      markers.push(marker(i, at, 'violation', 1, 'violation', `${step.task}'s ${step.call} (HARN-CAP-301)`));
    else if (step.kind === 'panic') markers.push(marker(i, at, 'panic', 1, 'panic', `${step.task} panics`));
    else if (step.kind === 'outer-check' && !step.clean)
      markers.push(marker(i, at, 'leak', step.leaks.length, countLabel('leaks', step.leaks.length), `the outer thread keeps ${step.leaks.join(', ')}`));
  }
  return markers;
}

/** One entry of the scrub bar's legend: the sum of the marks of one kind, in words. */
export interface LegendEntry {
  kind: Exclude<MarkerKind, 'poll'>;
  count: number;
  /** `12 cross-wires`, `no leaks`. */
  text: string;
}

const LEGEND_KINDS: { kind: LegendEntry['kind']; count: CountKind; always: boolean }[] = [
  { kind: 'crosswire', count: 'crosswires', always: true },
  { kind: 'violation', count: 'violations', always: false },
  { kind: 'panic', count: 'panics', always: true },
  { kind: 'leak', count: 'leaks', always: true },
];

/** The legend: cross-wires, panics and leaks always; violations when there are any. The counts of a run that did
 * not finish (`complete` false) say so: "no leaks (run incomplete)". */
export function legendOf(markers: readonly TraceMarker[], complete: boolean): LegendEntry[] {
  return LEGEND_KINDS.flatMap(({ kind, count, always }) => {
    let n = 0;
    for (const m of markers) if (m.kind === kind) n += m.count;
    // A run that stopped early (the step bound, a compile cut): nothing found is not "none", and a count found is
    // not the total.
    const text = complete ? countLabel(count, n) : `${countLabel(count, n)} (run incomplete)`;
    return always || n > 0 ? [{ kind, count: n, text }] : [];
  });
}
