// Compare: the same scenario run two ways (a contrast's two sides: a lesson's own, or by default its mode and
// `scoped`, or its capture set and the catalog's), matched moment by moment, so the stepper can show one moment
// with the bug on one side and the fix on the other, and a headline naming what differs at the moment and over the
// whole run (cross-wires, leaks, panics, refusals, violations). Pure; depends on ./simulate, ./moment, ./contrast,
// ./counts.
import type { RunSettings, Scenario } from '../scenario/types.ts';
import { contrastOther, contrastSideLabel, runLabel, type Contrast } from './contrast.ts';
import { countLabel, countsOf, type CountKind } from './counts.ts';
import { indexMoments, landOn, type Moment } from './moment.ts';
import { simulate, type ScenarioSimulation } from './simulate.ts';
import type { TraceStep } from './trace.ts';

/** The run to compare with: the fix of this one (scoped; the catalog's capture set), or the bug of a fixed one. */
export function compareRunOf(run: RunSettings): RunSettings {
  if (run.mode !== 'scoped') return { ...run, mode: 'scoped' };
  if (run.captured !== null) return { ...run, captured: null };
  return { ...run, mode: 'unscoped' };
}

/** Two runs of one scenario, matched by moment. Plain data. */
export interface Comparison {
  kind: 'comparison';
  /** The contrast compared (null: the default, the scenario's mode or capture set against its fix or bug). */
  contrast: Contrast | null;
  leftLabel: string;
  rightLabel: string;
  /** The other run (the left one is the scenario's own simulation). */
  right: ScenarioSimulation;
  /** For every step of the left trace, the step of the right one that shows the same moment. */
  lockstep: number[];
  /** Where the two differ at a moment, one sentence (left step → sentence); agreeing moments are absent. */
  differences: { step: number; text: string }[];
  /** What differs over the whole run ("naive has 7 leaks; scoped has no leaks"), or null when the counts agree. */
  overall: string | null;
  /** For every step of the left trace, the headline of the moment it shows ({@link compareHeadline}). */
  headlines: string[];
}

// A panic is told by what its poll's unwinding does: the next poll-exit of the task says whether it was restored.
function panicSide(label: string, step: TraceStep, steps: readonly TraceStep[]): string {
  for (let i = step.index + 1; i < steps.length; i++) {
    const next = steps[i]!;
    if (next.kind === 'poll-exit' && next.task === step.task)
      return next.restored
        ? `${label}, ${step.task} panics and the restore guard puts the outer values back`
        : `${label}, ${step.task} panics and its values stay on the thread`;
  }
  return `${label}, ${step.task} panics`;
}

function sideOf(label: string, step: TraceStep, steps: readonly TraceStep[]): string | null {
  if (step.kind === 'read')
    return step.crosswire
      ? `${label}, ${step.task} gets ${step.observed} (${step.observedOwner === null ? 'not its own' : `${step.observedOwner}'s`}): a cross-wire`
      : `${label}, ${step.task} gets its own ${step.observed}`;
  if (step.kind === 'check') {
    const escapes = step.violation ? `, escaping the parent's grant (HARN-CAP-301: ${step.violation.escapes.join(', ')})` : '';
    return `${label}, ${step.task}'s ${step.call} is ${step.decision === 'allow' ? 'allowed' : 'denied'} by ${step.policy}${step.path !== null ? ` at ${step.path}` : ''}${escapes}`;
  }
  if (step.kind === 'refuse') return `${label}, ${step.child} is refused at spawn (HARN-CAP-301)`;
  if (step.kind === 'spawn') return `${label}, ${step.child} is spawned`;
  if (step.kind === 'panic') return panicSide(label, step, steps);
  if (step.kind === 'outer-check')
    return step.clean
      ? `${label}, the outer thread is left clean`
      : `${label}, the outer thread keeps ${step.leaks.length} leaked slot${step.leaks.length === 1 ? '' : 's'}`;
  return null;
}

function differenceOf(
  leftLabel: string,
  left: TraceStep,
  leftSteps: readonly TraceStep[],
  rightLabel: string,
  right: TraceStep,
  rightSteps: readonly TraceStep[],
): string | null {
  const a = sideOf(leftLabel, left, leftSteps);
  const b = sideOf(rightLabel, right, rightSteps);
  if (a === null || b === null) return null;
  if (a.slice(leftLabel.length) === b.slice(rightLabel.length)) return null;
  return `${a[0]!.toUpperCase()}${a.slice(1)}; ${b}.`;
}

const COUNTED: readonly CountKind[] = ['crosswires', 'leaks', 'panics', 'refused', 'violations'];

/** The counts that differ between two runs, each side in words: "naive has 7 leaks; scoped has no leaks". A run
 * that did not finish (the step bound, a compile cut) counted only up to where it stopped: its side says so, and
 * equal counts are not "agree" then. */
function overallOf(leftLabel: string, left: ScenarioSimulation, rightLabel: string, right: ScenarioSimulation): string | null {
  const a = countsOf(left.summary);
  const b = countsOf(right.summary);
  const differ = COUNTED.filter((kind) => a[kind] !== b[kind]);
  const stopped = [left.summary.completed ? null : leftLabel, right.summary.completed ? null : rightLabel].filter((label) => label !== null);
  if (differ.length === 0) {
    if (stopped.length === 0) return null;
    return `unknown: ${stopped.join(' and ')} did not finish (the step bound or a compile cut), so ${stopped.length > 1 ? 'their counts are' : 'its counts are'} not the whole run's`;
  }
  const side = (label: string, counts: typeof a, complete: boolean) =>
    `${label} has ${differ.map((kind) => countLabel(kind, counts[kind])).join(', ')}${complete ? '' : ' (run incomplete)'}`;
  return `${side(leftLabel, a, left.summary.completed)}; ${side(rightLabel, b, right.summary.completed)}`;
}

/** The Compare headline at a moment step of the left run: what differs at this moment and over the whole run;
 * "agree" only when neither does. */
export function compareHeadline(comparison: Pick<Comparison, 'differences' | 'overall'>, step: number): string {
  return headlineOf(comparison.differences.find((d) => d.step === step)?.text ?? null, comparison.overall);
}

function headlineOf(here: string | null, overall: string | null): string {
  if (here !== null && overall !== null) return `${here} Over the whole run, ${overall}.`;
  if (here !== null) return here;
  if (overall !== null) return `At this moment the two runs agree; over the whole run, ${overall}.`;
  return 'The two runs agree at this moment and over the whole run.';
}

/** Runs `scenario` as it is and with `contrast`'s setting flipped (default: its mode or capture set against
 * {@link compareRunOf}), and matches them moment by moment. */
export function compareScenario(scenario: Scenario, contrast: Contrast | null = null): Comparison {
  const otherScenario = contrast ? contrastOther(scenario, contrast) : { ...scenario, run: compareRunOf(scenario.run) };
  const left = simulate(scenario);
  const right = simulate(otherScenario);
  const index = indexMoments(right.steps);
  const leftLabel = contrast ? contrastSideLabel(scenario, contrast) : runLabel(scenario.run);
  const rightLabel = contrast ? contrastSideLabel(otherScenario, contrast) : runLabel(otherScenario.run);
  const lockstep: number[] = [];
  const differences: { step: number; text: string }[] = [];
  let anchor: Moment | null = null;
  let landed = 0;
  for (const step of left.steps) {
    if (step.moment) {
      anchor = step.moment;
      const landing = landOn(index, anchor);
      landed = landing.step;
      const there = right.steps[landed];
      if (there && landing.exact) {
        const text = differenceOf(leftLabel, step, left.steps, rightLabel, there, right.steps);
        if (text !== null) differences.push({ step: step.index, text });
      } else if (landing.note !== null)
        differences.push({ step: step.index, text: `${rightLabel}: ${landing.note}` });
    }
    lockstep.push(anchor === null ? Math.min(step.index, right.steps.length - 1) : landed);
  }
  const overall = overallOf(leftLabel, left, rightLabel, right);
  // Each step's headline is its moment's (a swap shows the poll it belongs to), computed once per moment.
  const headlines: string[] = [];
  const byStep = new Map(differences.map((d) => [d.step, d.text]));
  let shown = headlineOf(null, overall);
  for (const step of left.steps) {
    if (step.moment) shown = headlineOf(byStep.get(step.index) ?? null, overall);
    headlines.push(shown);
  }
  return { kind: 'comparison', contrast, leftLabel, rightLabel, right, lockstep, differences, overall, headlines };
}
