// Simulated threads as the run settings hold them: `run.threads` only when more than one (so a scenario on one
// thread, and its link, stays byte-identical), and the pick words that name a thread ("alpha@2"). State may not
// import core values, so the limit and the pick format are repeated here; test/state/threads.test.ts keeps them in
// step with core/scenario (limits.ts MAX_THREADS, picks.ts parsePick/pickOf).
import type { RunSettings } from '../core/scenario/types.ts';

/** The most simulated threads a run may have (core's `SCENARIO_LIMITS.MAX_THREADS`). */
export const MAX_THREADS = 4;

/** The thread counts the header offers, 1 (the LocalSet) first. */
export const THREAD_COUNTS: readonly number[] = Array.from({ length: MAX_THREADS }, (_, i) => i + 1);

/** The threads a run uses: `run.threads`, or 1 when absent. */
export function threadsOf(run: RunSettings): number {
  return run.threads ?? 1;
}

/** The pick for a choice point: the task, and with several threads the 1-based thread that polls it. */
export function pickWord(task: string, thread: number | null): string {
  return thread === null ? task : `${task}@${thread}`;
}

const THREAD_SUFFIX = /^(.*)@([1-9][0-9]*)$/;

/** `run` on `threads` threads: the field is left out at 1, and a pick naming a thread the run no longer has keeps
 * its task and loses the thread (so the scenario stays valid and its link can still be made). */
export function withThreads(run: RunSettings, threads: number): RunSettings {
  const { threads: _old, ...rest } = run;
  const next: RunSettings = threads > 1 ? { ...rest, threads } : rest;
  if (run.schedule.kind !== 'picks') return next;
  const picks = run.schedule.picks.map((pick) => {
    const match = THREAD_SUFFIX.exec(pick);
    return match && Number(match[2]) > threads ? match[1]! : pick;
  });
  return { ...next, schedule: { ...run.schedule, picks } };
}
