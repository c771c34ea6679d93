// What an exploration found, in words, for the page and the CLI alike: the verdict (its tone, headline and how far
// the search got), the one-sentence message the CLI prints (built from the same coverage words), and how many
// failing schedules the failure groups and the list of failures hold. Pure; depends on nothing.

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
  return { ...headlineOf(facts), coverage: coverageOf(facts), groupsCover, failuresTitle };
}

/** The CLI's sentence: "12 schedules run, every interleaving covered (equivalent ones pruned): 4 failing schedules
 * found." (the verdict's coverage and, when some fail, its headline). */
export function exploreMessage(facts: VerdictFacts, verdict: ExploreVerdict): string {
  const ran = `${plural(facts.schedules, 'schedule')} run${facts.threads > 1 ? ` on ${facts.threads} threads` : ''}`;
  const said = `${ran}, ${verdict.coverage}: ${facts.failing === 0 ? 'none fails' : verdict.headline}.`;
  return facts.cut === null ? said : `${facts.cut} ${said}`;
}
