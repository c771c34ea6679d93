// The explorer's verdict is worded once, in core (src/core/explorer/verdict.ts): the page shows its headline and
// coverage, the CLI prints the message made of the same words, and the failure groups say when they count only the
// failing schedules kept; a failing schedule's counts, a group's cause with several threads and a running search's
// phase and bound are worded there too.
import { describe, expect, it } from 'vitest';
import { explore, exploreMessage, exploreVerdict, findExample, type FailureGroup, type VerdictFacts } from '../../../src/core/index.ts';
import { boundTextOf, failureSummaryOf, groupCauseOf, phaseTextOf } from '../../../src/core/explorer/verdict.ts';

const FACTS: VerdictFacts = { complete: true, searched: true, cut: null, cancelled: false, pruned: true, threads: 1, schedules: 12, failing: 0, stepLimited: 0, kept: 0, minimal: false };

const CUT = "Incomplete: the scheduler's compiler cut the program of alpha (S559, past the call depth), so what follows the cut was not simulated.";

describe('the explorer verdict', () => {
  it('says what a lesson with few failing schedules found, counting every one in its groups', () => {
    const result = explore(findExample('f2-mutation-session')!.scenario);
    expect(result.verdict).toEqual({ tone: 'failing', headline: '4 failing schedules found', coverage: 'every interleaving covered (equivalent ones pruned)', groupsCover: null, failuresTitle: 'Every failing schedule (4)', failuresOrder: 'fewest preemptions first (the first has the fewest possible)' });
    expect(result.message).toBe('24 schedules run, every interleaving covered (equivalent ones pruned): 4 failing schedules found.');
    expect(result.groups.map((g) => [g.slot, g.count])).toEqual([['CURRENT_MUTATION_SESSION', 4]]);
  });

  it('says the groups count only the simplest failing schedules kept when more failed', () => {
    const result = explore(findExample('three-way-fan-out')!.scenario, { mode: 'unscoped' });
    expect([result.schedules, result.failing, result.failures.length]).toEqual([4884, 4566, 50]);
    expect(result.verdict).toEqual({
      tone: 'failing',
      headline: '4,566 failing schedules found',
      coverage: 'every interleaving covered (equivalent ones pruned)',
      groupsCover: 'Counted over the 50 simplest failing schedules kept, of 4,566 found.',
      failuresTitle: 'The 50 simplest failing schedules (of 4,566)',
      failuresOrder: 'fewest preemptions first (the first has the fewest possible)',
    });
    expect(result.message).toBe('4,884 schedules run, every interleaving covered (equivalent ones pruned): 4,566 failing schedules found.');
    // No group counts more schedules than were kept.
    expect(Math.max(...result.groups.map((g) => g.count))).toBe(50);
  });

  it.each([
    [{}, 'ok', 'Complete: no schedule cross-wires or leaks', 'every interleaving covered (equivalent ones pruned)', '12 schedules run, every interleaving covered (equivalent ones pruned): none fails.'],
    [{ pruned: false, threads: 2 }, 'ok', 'Complete: no schedule cross-wires or leaks', 'every interleaving and thread choice covered', '12 schedules run on 2 threads, every interleaving and thread choice covered: none fails.'],
    [{ threads: 3 }, 'ok', 'Complete: no schedule cross-wires or leaks', 'every interleaving and thread choice covered (renamings of the threads pruned)', '12 schedules run on 3 threads, every interleaving and thread choice covered (renamings of the threads pruned): none fails.'],
    [{ complete: false, searched: false, cancelled: true }, 'incomplete', 'Cancelled: incomplete, no failing schedule so far', 'cancelled before covering every interleaving', '12 schedules run, cancelled before covering every interleaving: none fails.'],
    [{ complete: false, searched: false, stepLimited: 1 }, 'incomplete', 'Stopped at the step bound: incomplete', '1 run hit the step bound, so not every interleaving is known', '12 schedules run, 1 run hit the step bound, so not every interleaving is known: none fails.'],
    [{ complete: false, searched: false }, 'incomplete', 'Stopped at the budget: incomplete', 'stopped at the schedule budget before covering every interleaving', '12 schedules run, stopped at the schedule budget before covering every interleaving: none fails.'],
    [{ complete: false, searched: false, failing: 1, kept: 1 }, 'failing', '1 failing schedule found', 'stopped at the schedule budget before covering every interleaving', '12 schedules run, stopped at the schedule budget before covering every interleaving: 1 failing schedule found.'],
    [
      { complete: false, cut: CUT },
      'incomplete',
      'A program was cut when compiled: incomplete, no failing schedule found',
      'every interleaving of the programs as compiled covered, which is not every behaviour of the programs',
      `${CUT} 12 schedules run, every interleaving of the programs as compiled covered, which is not every behaviour of the programs: none fails.`,
    ],
  ] as const)('words %j as %s: %s', (change, tone, headline, coverage, message) => {
    const facts = { ...FACTS, ...change };
    const verdict = exploreVerdict(facts);
    const cost = facts.threads > 1 ? 'preemptions + migrations' : 'preemptions';
    expect(verdict).toEqual({ tone, headline, coverage, groupsCover: null, failuresTitle: `Every failing schedule (${facts.kept})`, failuresOrder: `fewest ${cost} first` });
    expect(exploreMessage(facts, verdict)).toBe(message);
  });

  it("words a failing schedule's counts in one line, the same on every failure of a result", () => {
    expect(failureSummaryOf({ preemptions: 2, length: 6, migrations: 1, crosswires: 2, leaks: 1, panics: 0, countedSteps: null })).toBe('2 preemptions · 6 choices · 1 migration · 2 cross-wires · 1 leak');
    expect(failureSummaryOf({ preemptions: 1, length: 1, crosswires: 0, leaks: 0, panics: 1, countedSteps: null })).toBe('1 preemption · 1 choice · 1 panic');
    // A replay stopped at a trace's step bound (its leaks, checked at the end, never reached) says so.
    expect(failureSummaryOf({ preemptions: 0, length: 3, crosswires: 2, leaks: 0, panics: 0, countedSteps: 50_000 })).toBe('0 preemptions · 3 choices · 2 cross-wires · counted over its first 50,000 steps only (a trace\'s bound)');
    const result = explore(findExample('f2-mutation-session')!.scenario);
    expect(result.failures.map((f) => f.summary)).toEqual(
      result.failures.map((f) => `${f.preemptions} preemption${f.preemptions === 1 ? '' : 's'} · ${f.length} choices · ${f.crosswires.length} cross-wire${f.crosswires.length === 1 ? '' : 's'}`),
    );
    expect(result.failures[0]!.summary).toBe('2 preemptions · 6 choices · 2 cross-wires');
  });

  it('names the bound and the phase for what they count: preemptions, plus migrations with several threads', () => {
    expect(boundTextOf(2, 1)).toBe('preemption bound 2');
    expect(boundTextOf(2, 2)).toBe('cost bound 2 (preemptions + migrations)');
    expect(phaseTextOf('search', 1, 1)).toBe('searching schedules with up to 1 preemption');
    expect(phaseTextOf('search', 2, 3)).toBe('searching schedules costing up to 2 (preemptions + migrations)');
    expect(phaseTextOf('verify', 2, 1)).toBe('checking that no schedule with fewer preemptions fails');
    expect(phaseTextOf('verify', 2, 2)).toBe('checking that no schedule with fewer preemptions and migrations fails');
    const result = explore(findExample('work-stealing')!.scenario);
    expect(result.threads).toBe(2);
    expect(result.boundText).toBe(`cost bound ${result.bound} (preemptions + migrations)`);
    expect(result.verdict.failuresOrder).toBe('fewest preemptions + migrations first (the first has the fewest possible)');
  });
});

// The explorer panel's word on a cross-wire group with several threads: did the slot go wrong after a migration
// (the task's own values stayed on its last thread) or from a sibling on the same thread?
describe('a failure group\'s cause', () => {
  const cause = (count: number, afterMigration?: number): FailureGroup['cause'] => groupCauseOf(count, afterMigration);
  it('says nothing with one thread', () => {
    expect(cause(4)).toBeNull();
    expect(explore(findExample('f2-mutation-session')!.scenario).groups.map((g) => g.cause)).toEqual([null]);
  });
  it('says each, none or how many of the schedules cross-wired after a migration', () => {
    expect(cause(4, 4)).toBe('each after a migration');
    expect(cause(1, 1)).toBe('after a migration');
    expect(cause(4, 0)).toBe('each from a sibling');
    expect(cause(1, 0)).toBe('from a sibling');
    expect(cause(1_200, 3)).toBe('3 after a migration');
  });
  it('on the work-stealing lesson (one child): its working directory goes wrong only after a migration, and the title says so', () => {
    const result = explore(findExample('work-stealing')!.scenario);
    const cwd = result.groups.find((g) => g.kind === 'crosswire' && g.slot === 'VM_EXECUTION_CONTEXT')!;
    expect(cwd.afterMigration).toBe(cwd.count);
    expect(cwd.title).toBe("a task that moved to another thread reads that thread's value, not its own");
    expect(cwd.cause).toBe('each after a migration');
    // F1 on two threads, its failures far enough in to meet both kinds: a sibling's cwd read on the same thread
    // keeps the one-thread title.
    const f1 = explore(findExample('f1-cwd-env')!.scenario, { threads: 2, maxFailures: 200 }).groups.find((g) => g.kind === 'crosswire' && g.slot === 'VM_EXECUTION_CONTEXT')!;
    expect(f1.afterMigration).toBeLessThan(f1.count);
    expect(f1.cause).toBe(`${f1.afterMigration} after a migration`);
    expect(f1.title).toBe("a task's files land in another task's worktree");
    // The same lesson on one thread has nothing to group.
    expect(explore(findExample('work-stealing')!.scenario, { threads: 1 }).groups).toEqual([]);
  });
});
