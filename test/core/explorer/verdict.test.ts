// The explorer's verdict is worded once, in core (src/core/explorer/verdict.ts): the page shows its headline and
// coverage, the CLI prints the message made of the same words, and the failure groups say when they count only the
// failing schedules kept.
import { describe, expect, it } from 'vitest';
import { explore, exploreMessage, exploreVerdict, findExample, type VerdictFacts } from '../../../src/core/index.ts';

const FACTS: VerdictFacts = { complete: true, searched: true, cut: null, cancelled: false, pruned: true, threads: 1, schedules: 12, failing: 0, stepLimited: 0, kept: 0 };

const CUT = "Incomplete: the scheduler's compiler cut the program of alpha (S559, past the call depth), so what follows the cut was not simulated.";

describe('the explorer verdict', () => {
  it('says what a lesson with few failing schedules found, counting every one in its groups', () => {
    const result = explore(findExample('f2-mutation-session')!.scenario);
    expect(result.verdict).toEqual({ tone: 'failing', headline: '4 failing schedules found', coverage: 'every interleaving covered (equivalent ones pruned)', groupsCover: null, failuresTitle: 'Every failing schedule (4)' });
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
    expect(verdict).toEqual({ tone, headline, coverage, groupsCover: null, failuresTitle: `Every failing schedule (${facts.kept})` });
    expect(exploreMessage(facts, verdict)).toBe(message);
  });
});
