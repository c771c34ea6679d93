// Moments: a read or check is found again by what it is (task, call site, slot, occurrence) after a mode,
// capture, enforcement or schedule change; a missing one lands on the task's nearest earlier moment with a note;
// the compare view matches two runs moment by moment; and every golden link still opens on the moment it showed.
import { describe, expect, it } from 'vitest';
import {
  anchorOf,
  compareScenario,
  EXAMPLES,
  indexMoments,
  landOn,
  simulate,
  type Scenario,
} from '../../../src/core/index.ts';

const lesson = (id: string): Scenario => EXAMPLES.find((e) => e.id === id)!.scenario;
const withRun = (s: Scenario, run: Partial<Scenario['run']>): Scenario => ({
  ...s,
  run: { ...s.run, ...run },
});

function land(from: Scenario, to: Scenario, step = from.view.step) {
  const before = simulate(from);
  const after = simulate(to);
  const landing = landOn(indexMoments(after.steps), anchorOf(before.steps, step)!);
  return { before: before.steps[step]!, after: after.steps[landing.step]!, landing };
}

describe('landing on the same moment', () => {
  it('F1: unscoped → scoped lands on the same read of VM_EXECUTION_CONTEXT, now correct, and back again', () => {
    const f1 = lesson('f1-cwd-env');
    const there = land(f1, withRun(f1, { mode: 'scoped' }));
    expect(there.landing).toMatchObject({ exact: true, note: null });
    expect(there.after).toMatchObject({
      kind: 'read',
      task: 'alpha',
      slot: 'VM_EXECUTION_CONTEXT',
      crosswire: false,
    });
    expect(there.after.index).not.toBe(f1.view.step);
    expect(there.after.narration).toContain('alpha');
    expect(there.after.narration).toContain('VM_EXECUTION_CONTEXT');
    const scoped = withRun(f1, { mode: 'scoped' });
    const back = land(scoped, f1, there.after.index);
    expect(back.after.index).toBe(f1.view.step);
    expect(back.after).toMatchObject({ crosswire: true });
  });

  it('F2: capturing CURRENT_MUTATION_SESSION lands on the same read, now correct', () => {
    const f2 = lesson('f2-mutation-session');
    const there = land(f2, withRun(f2, { captured: [...f2.run.captured!, 'CURRENT_MUTATION_SESSION'] }));
    expect(there.landing.exact).toBe(true);
    expect(there.after).toMatchObject({
      kind: 'read',
      task: 'alpha',
      slot: 'CURRENT_MUTATION_SESSION',
      crosswire: false,
    });
  });

  it('a schedule change keeps the moment: the n-th read of that slot by that task at that call', () => {
    const f1 = lesson('f1-cwd-env');
    const there = land(
      f1,
      withRun(f1, { schedule: { kind: 'picks', picks: ['beta', 'beta', 'beta', 'beta'] } }),
    );
    expect(there.landing.exact).toBe(true);
    expect(there.after).toMatchObject({
      kind: 'read',
      task: 'alpha',
      slot: 'VM_EXECUTION_CONTEXT',
      what: 'write_file',
    });
    expect(there.after.moment).toEqual(there.before.moment);
  });

  it('escalation: a refusal and a spawn of the same child are one moment (enforcement at spawn toggled)', () => {
    const escalation = lesson('escalation');
    const there = land(escalation, withRun(escalation, { enforceAtSpawn: false }));
    expect(there.landing.exact).toBe(true);
    expect(there.after).toMatchObject({ kind: 'spawn', task: 'parent', child: 'beta' });
  });

  it("a moment that does not happen lands on the task's nearest earlier one and says so in one line", () => {
    const escalation = withRun(lesson('escalation'), { enforceAtSpawn: false });
    const off = simulate(escalation);
    const post = off.steps.find((s) => s.kind === 'check' && s.task === 'beta' && s.call === 'http_post')!;
    const there = land(escalation, lesson('escalation'), post.index);
    expect(there.landing.exact).toBe(false);
    expect(there.landing.note).toBe(
      "No beta's check of http_post here (beta is refused at spawn in this run); showing the refusal.",
    );
    expect(there.after).toMatchObject({ kind: 'refuse', child: 'beta' });
    // A run cut short: the last moment of that task before the bound.
    const cut = land(lesson('f1-cwd-env'), withRun(lesson('f1-cwd-env'), { maxSteps: 45 }));
    expect(cut.landing.exact).toBe(false);
    expect(cut.after.task).toBe('alpha');
    expect(cut.landing.note).toMatch(
      /^No alpha's read of VM_EXECUTION_CONTEXT for write_file here \(it does not happen in this run\); showing alpha's /,
    );
  });
});

describe('compare', () => {
  it('F1 side by side: the same read, a cross-wire unscoped, its own value scoped, one sentence on the difference', () => {
    const f1 = lesson('f1-cwd-env');
    const comparison = compareScenario(f1);
    expect([comparison.leftLabel, comparison.rightLabel]).toEqual(['unscoped', 'scoped']);
    const right = comparison.right.steps[comparison.lockstep[f1.view.step]!]!;
    expect(right).toMatchObject({
      kind: 'read',
      task: 'alpha',
      slot: 'VM_EXECUTION_CONTEXT',
      crosswire: false,
    });
    expect(comparison.differences.find((d) => d.step === f1.view.step)?.text).toBe(
      "Unscoped, alpha gets ctx(cwd=/worktrees/beta, env WORKER=beta) (beta's): a cross-wire; scoped, alpha gets its own ctx(cwd=/worktrees/alpha, env WORKER=alpha).",
    );
    // Lockstep never goes backwards while the left side moves forward through one task's moments.
    expect(comparison.lockstep).toHaveLength(simulate(f1).steps.length);
  });

  it('F2 compares its capture set with the catalog one', () => {
    const comparison = compareScenario(lesson('f2-mutation-session'));
    expect([comparison.leftLabel, comparison.rightLabel]).toEqual([
      'scoped without CURRENT_MUTATION_SESSION',
      'scoped',
    ]);
  });
});
