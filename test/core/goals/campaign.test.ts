// The campaign: at least eight challenges, easy to hard, each winnable (the explorer finds a schedule, and that
// schedule replayed — in the stepper's replay and as the student's picks — meets the goal) and, since each goal says
// "find", none won by the FIFO order alone. The gallery's path places every lesson once and every challenge.
import { describe, expect, it } from 'vitest';
import { CHALLENGES, checkScenarioGoal, EXAMPLES, GALLERY, replayScenario, simulate, solveGoal, evaluateGoal } from '../../../src/core/index.ts';

const LEVELS = ['easy', 'medium', 'hard'];

describe('the campaign', () => {
  it('has at least eight challenges, easy to hard, each with a find goal and a note', () => {
    expect(CHALLENGES.length).toBeGreaterThanOrEqual(8);
    const levels = CHALLENGES.map((c) => LEVELS.indexOf(c.level));
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
    expect(new Set(levels).size).toBe(3);
    for (const c of CHALLENGES) {
      expect(c.scenario.goal?.verb).toBe('find');
      expect(c.scenario.goal?.note.length).toBeGreaterThan(20);
      expect(c.scenario.goal?.title).toBe(c.title);
    }
  });

  it.each(CHALLENGES.map((c) => [c.id, c] as const))('%s is winnable: the explorer’s schedule, replayed, meets the goal', (_id, challenge) => {
    const goal = challenge.scenario.goal!;
    const solution = solveGoal(challenge.scenario, goal);
    expect(solution.picks, solution.message).not.toBeNull();
    // The stepper's replay of the explorer's schedule…
    expect(evaluateGoal(goal, simulate(replayScenario(challenge.scenario, solution.picks!))).status).toBe('met');
    // …and the same picks played by the student on the published challenge (only the schedule changed).
    const played = { ...challenge.scenario, run: { ...challenge.scenario.run, schedule: { kind: 'picks' as const, picks: solution.picks! } } };
    const verdict = checkScenarioGoal(played)!;
    expect(verdict.disallowed).toEqual([]);
    expect(verdict.status).toBe('met');
  });

  it.each(CHALLENGES.map((c) => [c.id, c] as const))('%s is not won by the FIFO order alone', (_id, challenge) => {
    expect(challenge.scenario.run.schedule).toEqual({ kind: 'fifo' });
    const verdict = checkScenarioGoal(challenge.scenario)!;
    expect(verdict.status).toBe('not-met');
    expect(verdict.badge).toBe('✖ not yet');
  });

  it('says when no schedule meets a goal, after running every one', () => {
    const [first] = CHALLENGES;
    const impossible = { ...first!.scenario.goal!, all: [{ kind: 'crosswire' as const, task: 'gamma' }] };
    const solution = solveGoal(first!.scenario, impossible);
    expect(solution.picks).toBeNull();
    expect(solution.complete).toBe(true);
    expect(solution.message).toMatch(/^No schedule meets this goal: all \d+ schedules were run\./);
  });
});

describe('the gallery path', () => {
  it('places every lesson exactly once, then the challenges in campaign order, each group starting at its first', () => {
    expect(GALLERY.map((g) => g.id)).toEqual(['scope', 'policy', 'challenges']);
    const lessons = GALLERY.filter((g) => g.id !== 'challenges').flatMap((g) => g.entries.map((e) => e.id));
    expect([...lessons].sort()).toEqual(EXAMPLES.map((e) => e.id).sort());
    expect(GALLERY[2]!.entries.map((e) => e.id)).toEqual(CHALLENGES.map((c) => c.id));
    for (const group of GALLERY) expect(group.startHere).toBe(group.entries[0]!.id);
    expect(GALLERY[0]!.startHere).toBe('f1-cwd-env');
  });
});
