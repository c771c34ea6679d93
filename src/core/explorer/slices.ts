// Exploring in slices: runs an explorer a slice at a time, reports progress after each, and gives the host a turn
// between slices (a worker posts the progress, hears a cancel or a newer exploration, answers the watchdog's ping).
// Each slice is resized to take about a target time, since one run of a long program costs far more than one of a
// lesson. Core has no clock and no timers: the host passes its clock and its way of yielding in. Pure; depends on
// ./index's Explorer only.
import type { Explorer, ExploreProgress, ExploreResult } from './index.ts';

/** Slice sizes: the first slice is 2,000 runs (~20 ms at the fast path's budget on small scenarios), each later one
 * is sized from the last to take about `targetMs` (30 ms: short enough for progress and a 1.5 s watchdog ping to get
 * through), growing at most fourfold per slice, between `minRuns` and `maxRuns`. */
export const EXPLORE_SLICE = { firstRuns: 2000, minRuns: 1, maxRuns: 50_000, targetMs: 30 } as const;

/** The runs of the slice after one of `runs` runs that took `tookMs` milliseconds. */
export function nextSliceRuns(runs: number, tookMs: number): number {
  const took = Math.max(1, tookMs);
  const next = Math.round((runs * EXPLORE_SLICE.targetMs) / took);
  return Math.min(EXPLORE_SLICE.maxRuns, runs * 4, Math.max(EXPLORE_SLICE.minRuns, next));
}

/** What the host lends the slicing loop. */
export interface SliceHost {
  /** A monotonic clock in milliseconds (the worker's `performance.now`). */
  now: () => number;
  /** Gives the host a turn (the worker's event loop) before the next slice. */
  pause: () => Promise<void>;
  /** Whether the exploration should stop now (cancelled or superseded); asked after each pause. */
  stopped: () => boolean;
  /** Hears the progress after each slice; what it returns (a post across the worker boundary) is not awaited, and
   * its failure (a page that went away) does not fail the exploration. */
  onProgress?: (progress: ExploreProgress) => unknown;
}

/** Runs `explorer` slice by slice until it is done or `host.stopped()` (then it is cancelled); resolves with its
 * (possibly partial, `cancelled`) result. */
export async function exploreInSlices(explorer: Explorer, host: SliceHost): Promise<ExploreResult> {
  let runs: number = EXPLORE_SLICE.firstRuns;
  for (;;) {
    const started = host.now();
    const progress = explorer.run(runs);
    runs = nextSliceRuns(runs, host.now() - started);
    if (host.onProgress) Promise.resolve(host.onProgress(progress)).catch(() => undefined);
    if (progress.done) break;
    await host.pause();
    if (host.stopped()) {
      explorer.cancel();
      break;
    }
  }
  return explorer.result();
}
