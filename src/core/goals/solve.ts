// "Show a solution": the explorer searches the scenario's schedules, cheapest first (fewest preemptions), and the
// first whose replay meets the goal is the answer, replayable in the stepper as a `picks` schedule. Only schedules
// whose outcome could meet the goal are replayed with a full trace. Pure; depends on the explorer, simulate and
// ./evaluate.ts.
import { createExplorer, replayScenario } from '../explorer/index.ts';
import type { ExecOutcome } from '../scheduler/executor.ts';
import { simulate } from '../scheduler/simulate.ts';
import type { Scenario } from '../scenario/types.ts';
import { evaluateGoal } from './evaluate.ts';
import type { GoalTerm, GoalVerdict, ScenarioGoal } from './types.ts';

/** Schedules a solution search runs at most: every challenge of the campaign is solved in far fewer; a scenario
 * with many tasks and awaits is cut here and says so. */
export const MAX_SOLVE_SCHEDULES = 20_000;

/** What the search found. */
export interface GoalSolution {
  kind: 'goal-solution';
  /** The picks of the first schedule that meets the goal (cheapest first), or null. */
  picks: string[] | null;
  /** The scenario that replays it in the stepper (`replayScenario`: picks, latencies 0), or null. */
  scenario: Scenario | null;
  verdict: GoalVerdict | null;
  schedules: number;
  /** Every schedule was run: with no solution, none exists for this scenario as it is. */
  complete: boolean;
  /** One sentence for the page and the CLI. */
  message: string;
}

// A cheap test on the explorer's outcome: could this schedule's full replay meet the term? (Never rules out a
// schedule that meets it.)
function mayHold(term: GoalTerm, outcome: ExecOutcome): boolean {
  if (term.kind === 'clean') return outcome.crosswires === 0 && outcome.leaks.length === 0 && outcome.panics.length === 0 && outcome.refused.length === 0;
  if (term.not) return true;
  switch (term.kind) {
    case 'crosswire':
      return outcome.crosswires > 0;
    case 'leak':
      return outcome.leaks.length > 0;
    case 'refusal':
      return outcome.refused.length > 0;
    case 'panic':
      return outcome.panics.length > 0;
    case 'migration':
      return outcome.migrations > 0;
    case 'violation':
      return true;
  }
}

/** Searches `scenario`'s schedules (its mode, capture set and threads; latencies ignored) for one meeting `goal`. */
export function solveGoal(scenario: Scenario, goal: ScenarioGoal, maxSchedules = MAX_SOLVE_SCHEDULES): GoalSolution {
  let found: { picks: string[]; scenario: Scenario; verdict: GoalVerdict } | null = null;
  const explorer = createExplorer(scenario, {
    maxSchedules,
    maxFailures: 1,
    onSchedule: (schedule) => {
      if (found || schedule.status !== 'finished' || !goal.all.every((t) => mayHold(t, schedule.outcome))) return;
      const replay = replayScenario(scenario, schedule.picks);
      const verdict = evaluateGoal(goal, simulate(replay));
      if (verdict.status === 'met') found = { picks: schedule.picks, scenario: replay, verdict };
    },
  });
  let progress = explorer.progress();
  // Small slices: the search stops at the first schedule that meets the goal.
  while (!progress.done && found === null) progress = explorer.run(200);
  const result = explorer.result();
  const solution = found as { picks: string[]; scenario: Scenario; verdict: GoalVerdict } | null;
  if (solution) {
    const moves = solution.picks.length === 0 ? 'no pick at all (the default order)' : solution.picks.join(' → ');
    return { kind: 'goal-solution', picks: solution.picks, scenario: solution.scenario, verdict: solution.verdict, schedules: result.schedules, complete: result.complete, message: `A solution: ${moves}.` };
  }
  const complete = result.complete;
  return {
    kind: 'goal-solution',
    picks: null,
    scenario: null,
    verdict: null,
    schedules: result.schedules,
    complete,
    message: complete
      ? `No schedule meets this goal: all ${result.schedules.toLocaleString('en-US')} schedules were run. Something besides the picks has to change.`
      : `No solution found in ${result.schedules.toLocaleString('en-US')} schedules, and the search did not cover them all, so whether one exists is not known.`,
  };
}
