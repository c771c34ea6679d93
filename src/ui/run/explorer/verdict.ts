// Words for the explorer panel: progress counts, and a failing schedule's one-line summary (with several threads,
// its migrations and its picks). The verdict of a result is core's (ExploreResult.verdict, the words the CLI's
// message is made of). Pure functions of plain data.
import type { ExploreFailure, ExploreProgress, FailureGroup } from '../../../core/explorer/index.ts';

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

export function phaseText(progress: ExploreProgress): string {
  if (progress.phase === 'verify') return 'checking that no schedule with fewer preemptions fails';
  if (progress.phase === 'done') return 'done';
  return `searching schedules with up to ${countText(progress.bound, 'preemption')}`;
}

/** The 1-based thread a site's task moved to (a migration), or null when it stayed (or there is one thread). */
export function siteMovedTo(site: ExploreFailure['sites'][number]): number | null {
  return site.thread !== undefined && site.thread !== site.from ? site.thread : null;
}

/** A schedule's picks as words when they name threads ("parent@1 → alpha@2"), else null (the sites say it all). */
export function threadPicksText(failure: ExploreFailure): string | null {
  return failure.migrations !== undefined ? failure.picks.join(' → ') : null;
}

/** "2 preemptions · 6 choices · 1 migration · 2 cross-wires · 1 leak" */
export function failureSummary(failure: ExploreFailure): string {
  const parts = [countText(failure.preemptions, 'preemption'), countText(failure.length, 'choice')];
  if (failure.migrations !== undefined) parts.push(countText(failure.migrations, 'migration'));
  if (failure.crosswires.length > 0) parts.push(countText(failure.crosswires.length, 'cross-wire'));
  if (failure.leaks.length > 0) parts.push(countText(failure.leaks.length, 'leak'));
  if (failure.panics.length > 0) parts.push(countText(failure.panics.length, 'panic'));
  return parts.join(' · ');
}

/** With several threads, how many of a cross-wire group's schedules read the slot after a migration: "each after a
 * migration", "each from a sibling" (a task polled on the same thread), or "3 after a migration"; null with one
 * thread or for a leak. */
export function groupCauseText(group: FailureGroup): string | null {
  if (group.afterMigration === undefined) return null;
  if (group.afterMigration === group.count) return group.count === 1 ? 'after a migration' : 'each after a migration';
  if (group.afterMigration === 0) return group.count === 1 ? 'from a sibling' : 'each from a sibling';
  return `${group.afterMigration.toLocaleString('en-US')} after a migration`;
}
