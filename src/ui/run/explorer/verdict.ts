// Plumbing for the explorer panel's words: a count with its noun, the progress bar's fraction, the restart notice,
// and a site's migration and the picks with several threads. What a result or a failing schedule says is core's
// (ExploreResult.verdict, ExploreFailure.summary, FailureGroup.cause, ExploreProgress.phaseText and boundText:
// the words the CLI prints too). Pure functions of plain data.
import type { ExploreFailure, ExploreProgress } from '../../../core/explorer/index.ts';

export function countText(count: number, word: string): string {
  return `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`;
}

/** Fraction of the budget used, 0..1 (1 once done: a search that finishes early fills the bar). */
export function progressFraction(progress: ExploreProgress): number {
  if (progress.done) return 1;
  return Math.min(1, progress.runs / Math.max(1, progress.maxSchedules));
}

/** Shown when the worker was restarted during an exploration: the request went to a fresh worker, which explores
 * from the start (an exploration is not resumed), so the counts are those of the new start. */
export const RESTARTED_TEXT =
  'The worker was restarted during this exploration (it crashed or stopped answering), so the exploration started again from the first schedule: the counts are those of the new start.';

/** The 1-based thread a site's task moved to (a migration), or null when it stayed (or there is one thread). */
export function siteMovedTo(site: ExploreFailure['sites'][number]): number | null {
  return site.thread !== undefined && site.thread !== site.from ? site.thread : null;
}

/** A schedule's picks as words when they name threads ("parent@1 → alpha@2"), else null (the sites say it all). */
export function threadPicksText(failure: ExploreFailure): string | null {
  return failure.migrations !== undefined ? failure.picks.join(' → ') : null;
}
