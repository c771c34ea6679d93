// Goals (issue 28): challenges and exercises as data in the scenario, decided in core so the page and `check` say
// the same. The public surface: the goal types, its schema, `evaluateGoal`, `checkScenarioGoal` (run and decide),
// `solveGoal` (the explorer's answer), the campaign and the gallery's path. Pure.
import { simulate } from '../scheduler/simulate.ts';
import type { Scenario } from '../scenario/types.ts';
import type { TracedRun } from '../scheduler/run.ts';
import { CHALLENGES, type Challenge } from './campaign.ts';
import { evaluateGoal } from './evaluate.ts';
import type { GoalVerdict } from './types.ts';
import { solveGoal, type GoalSolution } from './solve.ts';
import { goalPanelText, type GoalPanelText } from './panel.ts';

export * from './types.ts';
export { goalIssues, minimizeGoal, normalizeGoal, type GoalIssue } from './schema.ts';
export { disallowedChanges, evaluateGoal, goalAllowedText, goalSentence, goalTermText } from './evaluate.ts';
export { MAX_SOLVE_SCHEDULES, solveGoal, type GoalSolution } from './solve.ts';
export { CHALLENGES, type Challenge } from './campaign.ts';
export * from './path.ts';
export { goalPanelText, type GoalPanelText } from './panel.ts';

/** The campaign challenge `scenario` plays (the same programs and goal), or null: its published form is the
 * baseline a change outside the goal's `allow` is judged against. */
export function challengeOf(scenario: Scenario): Challenge | null {
  if (!scenario.goal) return null;
  const goal = JSON.stringify(scenario.goal);
  return CHALLENGES.find((c) => JSON.stringify(c.scenario.goal) === goal) ?? null;
}

/** Runs `scenario` (with `run`: the worker passes its kept run) and decides its goal (null when it has none): what
 * the page's badge and `check` print. */
export function checkScenarioGoal(scenario: Scenario, run: (scenario: Scenario) => TracedRun = simulate): GoalVerdict | null {
  if (!scenario.goal) return null;
  return evaluateGoal(scenario.goal, run(scenario), { scenario, baseline: challengeOf(scenario)?.scenario ?? null });
}

/** What the page shows for a scenario's goal: the verdict on its run and, for a challenge of the campaign, its id
 * and the next one's (null at the end). */
export interface GoalStatus {
  kind: 'goal-status';
  verdict: GoalVerdict;
  challenge: string | null;
  next: Challenge | null;
  /** The panel's words around the verdict (the kind of goal, the moves, the win, the next challenge). */
  text: GoalPanelText;
}

/** The goal's status for the page (null when the scenario has none). */
export function scenarioGoalStatus(scenario: Scenario, run: (scenario: Scenario) => TracedRun = simulate): GoalStatus | null {
  const verdict = checkScenarioGoal(scenario, run);
  if (!verdict) return null;
  const challenge = challengeOf(scenario);
  const at = challenge ? CHALLENGES.indexOf(challenge) : -1;
  const next = at >= 0 ? (CHALLENGES[at + 1] ?? null) : null;
  return { kind: 'goal-status', verdict, challenge: challenge?.id ?? null, next, text: goalPanelText(scenario, verdict, challenge !== null, next) };
}

/** "Show a solution" for the page: the explorer's answer to the scenario's goal (null without one). */
export function scenarioGoalSolution(scenario: Scenario): GoalSolution | null {
  return scenario.goal ? solveGoal(scenario, scenario.goal) : null;
}
