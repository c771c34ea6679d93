// Compare: the same scenario run two ways (by default its mode and `scoped`, or its capture set and the
// catalog's), matched moment by moment, so the stepper can show one read with the bug on one side and the fix on
// the other and say in one sentence what differs. Pure; depends on ./simulate, ./moment, ./catalog.
import type { RunSettings, Scenario } from '../scenario/types.ts';
import { AMBIENT_THREAD_LOCAL_CATALOG } from './catalog.ts';
import { indexMoments, landOn, type Moment } from './moment.ts';
import { simulate, type ScenarioSimulation } from './simulate.ts';
import type { TraceStep } from './trace.ts';

const CATALOG_CAPTURED: readonly string[] = AMBIENT_THREAD_LOCAL_CATALOG.filter(
  (slot) => slot.scoping.kind === 'captured',
).map((slot) => slot.name);

/** `unscoped`, `scoped`, `scoped without CURRENT_MUTATION_SESSION`. */
export function runLabel(run: RunSettings): string {
  if (run.mode === 'unscoped' || run.captured === null) return run.mode;
  const captured = new Set<string>(run.captured);
  const missing = CATALOG_CAPTURED.filter((slot) => !captured.has(slot));
  const extra = run.captured.filter((slot) => !CATALOG_CAPTURED.includes(slot));
  const parts: string[] = [];
  if (missing.length > 0) parts.push(`without ${missing.join(', ')}`);
  if (extra.length > 0) parts.push(`with ${extra.join(', ')} too`);
  return parts.length === 0 ? run.mode : `${run.mode} ${parts.join(' and ')}`;
}

/** The run to compare with: the fix of this one (scoped; the catalog's capture set), or the bug of a fixed one. */
export function compareRunOf(run: RunSettings): RunSettings {
  if (run.mode !== 'scoped') return { ...run, mode: 'scoped' };
  if (run.captured !== null) return { ...run, captured: null };
  return { ...run, mode: 'unscoped' };
}

/** Two runs of one scenario, matched by moment. Plain data. */
export interface Comparison {
  kind: 'comparison';
  leftLabel: string;
  rightLabel: string;
  /** The other run (the left one is the scenario's own simulation). */
  right: ScenarioSimulation;
  /** For every step of the left trace, the step of the right one that shows the same moment. */
  lockstep: number[];
  /** Where the two differ at a moment, one sentence (left step → sentence); agreeing moments are absent. */
  differences: { step: number; text: string }[];
}

function sideOf(label: string, step: TraceStep): string | null {
  if (step.kind === 'read')
    return step.crosswire
      ? `${label}, ${step.task} gets ${step.observed} (${step.observedOwner === null ? 'not its own' : `${step.observedOwner}'s`}): a cross-wire`
      : `${label}, ${step.task} gets its own ${step.observed}`;
  if (step.kind === 'check')
    return `${label}, ${step.task}'s ${step.call} is ${step.decision === 'allow' ? 'allowed' : 'denied'} by ${step.policy}${step.path !== null ? ` at ${step.path}` : ''}`;
  if (step.kind === 'refuse') return `${label}, ${step.child} is refused at spawn (HARN-CAP-301)`;
  if (step.kind === 'spawn') return `${label}, ${step.child} is spawned`;
  if (step.kind === 'outer-check')
    return step.clean
      ? `${label}, the outer thread is left clean`
      : `${label}, the outer thread keeps ${step.leaks.length} leaked slot${step.leaks.length === 1 ? '' : 's'}`;
  return null;
}

function differenceOf(
  leftLabel: string,
  left: TraceStep,
  rightLabel: string,
  right: TraceStep,
): string | null {
  const a = sideOf(leftLabel, left);
  const b = sideOf(rightLabel, right);
  if (a === null || b === null) return null;
  if (a.slice(leftLabel.length) === b.slice(rightLabel.length)) return null;
  return `${a[0]!.toUpperCase()}${a.slice(1)}; ${b}.`;
}

/** Runs `scenario` as it is and as `other` (default: {@link compareRunOf}), and matches them moment by moment. */
export function compareScenario(scenario: Scenario, other?: RunSettings): Comparison {
  const otherRun = other ?? compareRunOf(scenario.run);
  const left = simulate(scenario);
  const right = simulate({ ...scenario, run: otherRun });
  const index = indexMoments(right.steps);
  const leftLabel = runLabel(scenario.run);
  const rightLabel = runLabel(otherRun);
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
        const text = differenceOf(leftLabel, step, rightLabel, there);
        if (text !== null) differences.push({ step: step.index, text });
      } else if (landing.note !== null)
        differences.push({ step: step.index, text: `${rightLabel}: ${landing.note}` });
    }
    lockstep.push(anchor === null ? Math.min(step.index, right.steps.length - 1) : landed);
  }
  return { kind: 'comparison', leftLabel, rightLabel, right, lockstep, differences };
}
