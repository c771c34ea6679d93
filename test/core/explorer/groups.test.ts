// The explorer teaches: failures grouped by what goes wrong (slot and consequence), one group per kind with a
// count and its simplest schedule, the lesson's own slot first.
import { describe, expect, it } from 'vitest';
import { explore, findExample } from '../../../src/core/index.ts';

describe('failure groups', () => {
  it('F1: the cwd bug the lesson teaches leads, with its count, consequence and simplest schedule', () => {
    const result = explore(findExample('f1-cwd-env')!.scenario);
    const [first, ...rest] = result.groups;
    expect(first).toMatchObject({
      kind: 'crosswire',
      slot: 'VM_EXECUTION_CONTEXT',
      title: "a task's files land in another task's worktree",
    });
    const simplest = result.failures[first!.simplest]!;
    expect(simplest.crosswires.some((c) => c.slot === 'VM_EXECUTION_CONTEXT')).toBe(true);
    // No simpler schedule shows it, and the count is the reported schedules that do.
    expect(
      result.failures
        .slice(0, first!.simplest)
        .some((f) => f.crosswires.some((c) => c.slot === 'VM_EXECUTION_CONTEXT')),
    ).toBe(false);
    expect(first!.count).toBe(
      result.failures.filter((f) => f.crosswires.some((c) => c.slot === 'VM_EXECUTION_CONTEXT')).length,
    );
    expect(first!.consequence).toMatch(/landed in \/worktrees\//);
    expect(new Set(result.groups.map((g) => g.slot)).size).toBe(result.groups.length);
    expect(rest.map((g) => g.count)).toEqual([...rest.map((g) => g.count)].sort((a, b) => b - a));
  });

  it('F2 has one kind of failure; the panic lesson one leak group; a clean scenario none', () => {
    expect(explore(findExample('f2-mutation-session')!.scenario).groups.map((g) => g.slot)).toEqual([
      'CURRENT_MUTATION_SESSION',
    ]);
    const panic = explore(findExample('panic-leak')!.scenario).groups;
    expect(panic.map((g) => g.kind)).toEqual(['leak']);
    expect(explore(findExample('parent-grant')!.scenario).groups).toEqual([]);
  });
});
