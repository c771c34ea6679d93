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

const WORDS: Record<CountKind, [string, string]> = {
  crosswires: ['cross-wire', 'cross-wires'],
  leaks: ['leak', 'leaks'],
  panics: ['panic', 'panics'],
  refused: ['refused at spawn', 'refused at spawn'],
  violations: ['violation', 'violations'],
};

/** `12 cross-wires`, `1 leak`, `no cross-wires`. */
export function countLabel(kind: CountKind, n: number): string {
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
  kind: MarkerKind;
  count: number;
  /** Its accessible name: "cross-wire at step 51: alpha reads VM_EXECUTION_CONTEXT". */
  label: string;
}

export function markersOf(
  steps: readonly TraceStep[],
  crosswires: readonly CrosswireRecord[],
): TraceMarker[] {
  const markers: TraceMarker[] = [];
  let next = 0;
  for (const step of steps) {
    const at = `step ${step.index + 1}`;
    if (step.kind === 'poll-enter')
      markers.push({ step: step.index, kind: 'poll', count: 0, label: `poll at ${at}` });
    while (next < crosswires.length && crosswires[next]!.step === step.index) {
      const c = crosswires[next++]!;
      markers.push({
        step: step.index,
        kind: 'crosswire',
        count: 1,
        label: `cross-wire at ${at}: ${c.task} reads ${c.slot}`,
      });
    }
    if (step.kind === 'check' && step.violation)
      markers.push({
        step: step.index,
        kind: 'violation',
        count: 1,
        label: `violation at ${at}: ${step.task}'s ${step.call} (HARN-CAP-301)`,
      });
    else if (step.kind === 'panic')
      markers.push({ step: step.index, kind: 'panic', count: 1, label: `panic at ${at}: ${step.task}` });
    else if (step.kind === 'outer-check' && !step.clean)
      markers.push({
        step: step.index,
        kind: 'leak',
        count: step.leaks.length,
        label: `${countLabel('leaks', step.leaks.length)} at ${at}: ${step.leaks.join(', ')}`,
      });
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

/** The legend: cross-wires, panics and leaks always; violations when there are any. */
export function legendOf(markers: readonly TraceMarker[]): LegendEntry[] {
  return LEGEND_KINDS.flatMap(({ kind, count, always }) => {
    let n = 0;
    for (const m of markers) if (m.kind === kind) n += m.count;
    return always || n > 0 ? [{ kind, count: n, text: countLabel(count, n) }] : [];
  });
}
