// Goals decided from a run: each term kind against the lessons that show it, `not`, a clean run, "not known"
// while a run waits for a choice, and changes outside what a challenge allows.
import { describe, expect, it } from 'vitest';
import {
  CHALLENGES,
  checkScenarioGoal,
  evaluateGoal,
  EXAMPLES,
  eventSteps,
  goalSentence,
  stepNumber,
  normalizeGoal,
  scenarioGoalStatus,
  simulate,
  solveGoal,
  type GoalTerm,
  type Scenario,
} from '../../../src/core/index.ts';

const lesson = (id: string): Scenario => EXAMPLES.find((e) => e.id === id)!.scenario;
const statusOf = (scenario: Scenario, all: GoalTerm[]) => evaluateGoal(normalizeGoal({ all }), simulate(scenario)).status;

describe('evaluateGoal', () => {
  it('decides a cross-wire by task and slot, as the summary counts it', () => {
    const f1 = lesson('f1-cwd-env');
    expect(statusOf(f1, [{ kind: 'crosswire', task: 'alpha', slot: 'VM_EXECUTION_CONTEXT' }])).toBe('met');
    expect(statusOf(f1, [{ kind: 'crosswire', task: 'alpha', slot: 'VM_SOURCE_DIR' }])).toBe('not-met');
    expect(statusOf(f1, [{ kind: 'crosswire', task: 'gamma' }])).toBe('not-met');
    expect(statusOf({ ...f1, run: { ...f1.run, mode: 'scoped' } }, [{ kind: 'crosswire' }])).toBe('not-met');
    expect(statusOf({ ...f1, run: { ...f1.run, mode: 'scoped' } }, [{ kind: 'crosswire', not: true }])).toBe('met');
  });

  it('decides leaks, panics, refusals, violations and migrations', () => {
    expect(statusOf(lesson('panic-leak'), [{ kind: 'leak', slot: 'VM_EXECUTION_CONTEXT' }, { kind: 'panic', task: 'alpha' }])).toBe('met');
    expect(statusOf(lesson('panic-leak'), [{ kind: 'panic', task: 'beta' }])).toBe('not-met');
    const escalation = lesson('escalation');
    expect(statusOf(escalation, [{ kind: 'refusal', task: 'beta' }, { kind: 'refusal', task: 'alpha', not: true }])).toBe('met');
    expect(statusOf(escalation, [{ kind: 'violation' }])).toBe('not-met');
    expect(statusOf({ ...escalation, run: { ...escalation.run, enforceAtSpawn: false } }, [{ kind: 'violation', task: 'beta' }])).toBe('met');
    expect(statusOf(lesson('work-stealing'), [{ kind: 'migration', task: 'alpha' }])).toBe('met');
    expect(statusOf(lesson('f1-cwd-env'), [{ kind: 'migration' }])).toBe('not-met');
  });

  it('calls a run clean only when it finished with nothing wrong', () => {
    const f1 = lesson('f1-cwd-env');
    expect(statusOf({ ...f1, run: { ...f1.run, mode: 'scoped' } }, [{ kind: 'clean' }])).toBe('met');
    const verdict = evaluateGoal(normalizeGoal({ all: [{ kind: 'clean' }] }), simulate(f1));
    expect(verdict.status).toBe('not-met');
    expect(verdict.badge).toBe('✖ not yet');
  });

  it('claims no absence from a run that waits for a choice, but keeps what it found', () => {
    const f1 = lesson('f1-cwd-env');
    const waiting = simulate(f1, { schedule: { kind: 'interactive', picks: [] } });
    expect(waiting.summary.status).toBe('awaiting-choice');
    const absent = evaluateGoal(normalizeGoal({ all: [{ kind: 'crosswire', not: true }] }), waiting);
    expect(absent.status).toBe('unknown');
    expect(absent.badge).toBe('? not known yet');
    expect(absent.terms[0]!.why).toBe('none so far, but the run waits for a choice');
    expect(evaluateGoal(normalizeGoal({ all: [{ kind: 'clean' }] }), waiting).status).toBe('unknown');
  });

  it('says the goal in one sentence and gives the evidence with its step as the stepper numbers it', () => {
    const goal = normalizeGoal({ all: [{ kind: 'crosswire', task: 'alpha', slot: 'VM_EXECUTION_CONTEXT' }, { kind: 'leak', not: true }] });
    expect(goalSentence(goal)).toBe('Find a schedule with a cross-wire on VM_EXECUTION_CONTEXT read by alpha and no leak.');
    expect(goalSentence({ ...goal, verb: 'make' })).toBe('Change the scenario so that its run has a cross-wire on VM_EXECUTION_CONTEXT read by alpha and no leak.');
    const run = simulate(lesson('f1-cwd-env'));
    const verdict = evaluateGoal(goal, run);
    const first = run.summary.crosswires.find((c) => c.task === 'alpha' && c.slot === 'VM_EXECUTION_CONTEXT')!;
    expect(verdict.terms[0]).toEqual({ text: 'a cross-wire on VM_EXECUTION_CONTEXT read by alpha', holds: true, step: first.step, why: `alpha read VM_EXECUTION_CONTEXT = ${first.observed} (its own: ${first.expected}) at step ${stepNumber(eventSteps(run.steps), first.step)}` });
    expect(stepNumber(eventSteps(run.steps), first.step)).not.toBe(String(first.step));
    expect(verdict.message.startsWith('Goal met: a cross-wire on VM_EXECUTION_CONTEXT read by alpha (alpha read')).toBe(true);
  });
});

describe('checkScenarioGoal', () => {
  it('is null without a goal', () => {
    expect(checkScenarioGoal(lesson('f1-cwd-env'))).toBeNull();
  });

  it('judges a campaign challenge against its published scenario: a change it does not allow is not a win', () => {
    const challenge = CHALLENGES.find((c) => c.id === 'c01-no-interleaving')!.scenario;
    // Scoped mode makes the run clean, but this challenge allows the picks only.
    const scoped = checkScenarioGoal({ ...challenge, run: { ...challenge.run, mode: 'scoped' } })!;
    expect(scoped.terms[0]!.holds).toBe(true);
    expect(scoped.status).toBe('not-met');
    expect(scoped.disallowed).toEqual(['the mode']);
    expect(scoped.message).toBe('Not yet: this challenge does not let you change the mode.');
    const edited = checkScenarioGoal({ ...challenge, children: challenge.children.slice(0, 1) })!;
    expect(edited.disallowed).toEqual(['the programs']);
  });
});

describe("the goal panel's words", () => {
  const c01 = CHALLENGES[0]!.scenario;
  const last = CHALLENGES[CHALLENGES.length - 1]!.scenario;
  const won = (scenario: Scenario, picks: string[]) => scenarioGoalStatus({ ...scenario, run: { ...scenario.run, schedule: { kind: 'picks', picks } } })!;

  it('come with the status from core: the kind, the moves, the win with its schedule and the next challenge', () => {
    const fifo = scenarioGoalStatus(c01)!;
    expect(fifo.text).toEqual({
      kind: 'Challenge: play the scheduler',
      noMoves: 'none yet (every choice point takes the default order). Step to a choice point and pick who runs next.',
      won: null,
      next: null,
    });
    const picks = solveGoal(c01, c01.goal!).picks!;
    const status = won(c01, picks);
    expect(status.verdict.status).toBe('met');
    expect(status.text.won).toEqual({ headline: '✔ You won.', schedule: `Your schedule: ${picks.join(' → ')}, then the default order.` });
    expect(status.text.next).toEqual({ label: `Next challenge: ${CHALLENGES[1]!.title}` });
    const end = won(last, solveGoal(last, last.goal!).picks!);
    expect(end.text.next).toEqual({ end: 'That was the last challenge of the campaign.' });
  });
});
