// What an exploration found, in words, for the page and the CLI alike: the verdict (its tone, headline and how far
// the search got), the one-sentence message the CLI prints (built from the same coverage words), how many
// failing schedules the failure groups and the list of failures hold, a failing schedule's counts in one line, a
// group's cause with several threads, and a running search's phase and bound. Pure; depends on nothing.

export type VerdictTone = 'ok' | 'failing' | 'incomplete';

/** The verdict of an exploration (the page shows it with an icon; the CLI prints `message`, made of the same
 * words). */
export interface ExploreVerdict {
  tone: VerdictTone;
  /** "4 failing schedules found", "Complete: no schedule cross-wires or leaks", "Stopped at the budget: incomplete". */
  headline: string;
  /** How far the search got: "every interleaving covered (equivalent ones pruned)", "cancelled before covering
   * every interleaving". */
  coverage: string;
  /** When the failure groups count only the failing schedules kept (the simplest ones), a sentence saying so;
   * null when they count every failing schedule. */
  groupsCover: string | null;
  /** The title of the list of kept failing schedules: "Every failing schedule (4)", or when fewer were kept than
   * failed "The 50 simplest failing schedules (of 4,566)". */
  failuresTitle: string;
  /** How that list is ordered: "fewest preemptions first" (with several threads "fewest preemptions +
   * migrations first"), and when proved, "(the first has the fewest possible)". */
  failuresOrder: string;
}

/** What the words are made from: a result's counts and flags. */
export interface VerdictFacts {
  /** Every interleaving covered, of whole programs. */
  complete: boolean;
  /** Every interleaving of the programs as compiled covered (false when cancelled, stopped or step-bounded). */
  searched: boolean;
  /** When the scheduler's compiler cut a program (S552, S559), the sentence saying so (`compileCutSentence`). */
  cut: string | null;
  cancelled: boolean;
  pruned: boolean;
  /** 1 when one thread. */
  threads: number;
  schedules: number;
  failing: number;
  stepLimited: number;
  /** Failing schedules kept and described (what the groups count). */
  kept: number;
  /** No schedule costing less than the first failing one fails (ExploreResult.firstFailingMinimal). */
  minimal: boolean;
}

function plural(count: number, word: string): string {
  return `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`;
}

function coverageOf(facts: VerdictFacts): string {
  const { complete, cancelled, pruned, threads, stepLimited } = facts;
  if (facts.searched && facts.cut !== null)
    return 'every interleaving of the programs as compiled covered, which is not every behaviour of the programs';
  if (complete) {
    if (threads > 1) return pruned ? 'every interleaving and thread choice covered (renamings of the threads pruned)' : 'every interleaving and thread choice covered';
    return pruned ? 'every interleaving covered (equivalent ones pruned)' : 'every interleaving covered';
  }
  if (cancelled) return 'cancelled before covering every interleaving';
  if (stepLimited > 0) return `${plural(stepLimited, 'run')} hit the step bound, so not every interleaving is known`;
  return 'stopped at the schedule budget before covering every interleaving';
}

function headlineOf(facts: VerdictFacts): { tone: VerdictTone; headline: string } {
  if (facts.failing > 0) return { tone: 'failing', headline: `${plural(facts.failing, 'failing schedule')} found` };
  if (facts.complete) return { tone: 'ok', headline: 'Complete: no schedule cross-wires or leaks' };
  if (facts.cut !== null) return { tone: 'incomplete', headline: 'A program was cut when compiled: incomplete, no failing schedule found' };
  if (facts.cancelled) return { tone: 'incomplete', headline: 'Cancelled: incomplete, no failing schedule so far' };
  if (facts.stepLimited > 0) return { tone: 'incomplete', headline: 'Stopped at the step bound: incomplete' };
  return { tone: 'incomplete', headline: 'Stopped at the budget: incomplete' };
}

export function exploreVerdict(facts: VerdictFacts): ExploreVerdict {
  const groupsCover =
    facts.kept < facts.failing
      ? `Counted over the ${plural(facts.kept, 'simplest failing schedule')} kept, of ${facts.failing.toLocaleString('en-US')} found.`
      : null;
  const failuresTitle =
    facts.kept < facts.failing
      ? `The ${plural(facts.kept, 'simplest failing schedule')} (of ${facts.failing.toLocaleString('en-US')})`
      : `Every failing schedule (${facts.kept.toLocaleString('en-US')})`;
  const cost = facts.threads > 1 ? 'preemptions + migrations' : 'preemptions';
  const failuresOrder = `fewest ${cost} first${facts.minimal ? ' (the first has the fewest possible)' : ''}`;
  return { ...headlineOf(facts), coverage: coverageOf(facts), groupsCover, failuresTitle, failuresOrder };
}

/** The CLI's sentence: "12 schedules run, every interleaving covered (equivalent ones pruned): 4 failing schedules
 * found." (the verdict's coverage and, when some fail, its headline). */
export function exploreMessage(facts: VerdictFacts, verdict: ExploreVerdict): string {
  const ran = `${plural(facts.schedules, 'schedule')} run${facts.threads > 1 ? ` on ${facts.threads} threads` : ''}`;
  const said = `${ran}, ${verdict.coverage}: ${facts.failing === 0 ? 'none fails' : verdict.headline}.`;
  return facts.cut === null ? said : `${facts.cut} ${said}`;
}

/** What a failing schedule's one-line count is made from (describe.ts `ExploreFailure`). */
export interface FailureCountFacts {
  preemptions: number;
  /** Choice points. */
  length: number;
  /** Several threads only. */
  migrations?: number;
  crosswires: number;
  leaks: number;
  panics: number;
  /** When the traced replay the counts come from stopped at a trace's step bound before the end (a run the fast
   * path finished can be longer than a trace may be): the steps it counted over; null when it ran to the end. */
  countedSteps: number | null;
}

/** A failing schedule in one line of counts, for the page's failure list and the CLI alike: "2 preemptions ·
 * 6 choices · 1 migration · 2 cross-wires · 1 leak" (migrations with several threads; the failures when any; and
 * when the replay stopped at a trace's step bound, over how many steps they were counted). */
export function failureSummaryOf(facts: FailureCountFacts): string {
  const parts = [plural(facts.preemptions, 'preemption'), plural(facts.length, 'choice')];
  if (facts.migrations !== undefined) parts.push(plural(facts.migrations, 'migration'));
  if (facts.crosswires > 0) parts.push(plural(facts.crosswires, 'cross-wire'));
  if (facts.leaks > 0) parts.push(plural(facts.leaks, 'leak'));
  if (facts.panics > 0) parts.push(plural(facts.panics, 'panic'));
  // A replay cut short never claims the whole schedule's counts.
  if (facts.countedSteps !== null) parts.push(`counted over its first ${plural(facts.countedSteps, 'step')} only (a trace's bound)`);
  return parts.join(' · ');
}

/** With several threads, how many of a cross-wire group's `count` schedules read the slot after a migration
 * (`afterMigration`): "each after a migration", "each from a sibling" (a task polled on the same thread), or
 * "3 after a migration"; null with one thread (`afterMigration` undefined) or for a leak. */
export function groupCauseOf(count: number, afterMigration: number | undefined): string | null {
  if (afterMigration === undefined) return null;
  if (afterMigration === count) return count === 1 ? 'after a migration' : 'each after a migration';
  if (afterMigration === 0) return count === 1 ? 'from a sibling' : 'each from a sibling';
  return `${afterMigration.toLocaleString('en-US')} after a migration`;
}

/** The cost bound being searched, named for what it counts: preemptions, plus migrations with several threads. */
export function boundTextOf(bound: number, threads: number): string {
  return threads > 1 ? `cost bound ${bound} (preemptions + migrations)` : `preemption bound ${bound}`;
}

/** What a running exploration is doing: "searching schedules with up to 2 preemptions" (with several threads
 * "searching schedules costing up to 2 (preemptions + migrations)"), or "checking that no schedule with fewer
 * preemptions fails". */
export function phaseTextOf(phase: 'search' | 'verify' | 'done', bound: number, threads: number): string {
  const cost = threads > 1 ? 'preemptions and migrations' : 'preemptions';
  if (phase === 'verify') return `checking that no schedule with fewer ${cost} fails`;
  if (phase === 'done') return 'done';
  return threads > 1
    ? `searching schedules costing up to ${bound.toLocaleString('en-US')} (preemptions + migrations)`
    : `searching schedules with up to ${plural(bound, 'preemption')}`;
}
