// The explorer panel's word on a cross-wire group with several threads: did the slot go wrong after a migration
// (the task's own values stayed on its last thread) or from a sibling on the same thread?
import { describe, expect, it } from 'vitest';
import { explore, findExample, type FailureGroup } from '../../../../src/core/index.ts';
import { groupCauseText } from '../../../../src/ui/run/explorer/verdict.ts';

const group = (count: number, afterMigration?: number): FailureGroup => ({
  kind: 'crosswire',
  slot: 'VM_EXECUTION_CONTEXT',
  title: '',
  consequence: '',
  count,
  ...(afterMigration === undefined ? {} : { afterMigration }),
  simplest: 0,
});

describe('groupCauseText', () => {
  it('says nothing with one thread', () => {
    expect(groupCauseText(group(4))).toBeNull();
  });
  it('says each, none or how many of the schedules cross-wired after a migration', () => {
    expect(groupCauseText(group(4, 4))).toBe('each after a migration');
    expect(groupCauseText(group(1, 1))).toBe('after a migration');
    expect(groupCauseText(group(4, 0))).toBe('each from a sibling');
    expect(groupCauseText(group(1, 0))).toBe('from a sibling');
    expect(groupCauseText(group(1_200, 3))).toBe('3 after a migration');
  });
  it('on the work-stealing lesson (one child): its working directory goes wrong only after a migration, and the title says so', () => {
    const result = explore(findExample('work-stealing')!.scenario);
    const cwd = result.groups.find((g) => g.kind === 'crosswire' && g.slot === 'VM_EXECUTION_CONTEXT')!;
    expect(cwd.afterMigration).toBe(cwd.count);
    expect(cwd.title).toBe("a task that moved to another thread reads that thread's value, not its own");
    expect(groupCauseText(cwd)).toBe('each after a migration');
    // F1 on two threads, its failures far enough in to meet both kinds: a sibling's cwd read on the same thread
    // keeps the one-thread title.
    const f1 = explore(findExample('f1-cwd-env')!.scenario, { threads: 2, maxFailures: 200 }).groups.find((g) => g.kind === 'crosswire' && g.slot === 'VM_EXECUTION_CONTEXT')!;
    expect(f1.afterMigration).toBeLessThan(f1.count);
    expect(groupCauseText(f1)).toBe(`${f1.afterMigration} after a migration`);
    expect(f1.title).toBe("a task's files land in another task's worktree");
    // The same lesson on one thread has nothing to group.
    expect(explore(findExample('work-stealing')!.scenario, { threads: 1 }).groups).toEqual([]);
  });
});
