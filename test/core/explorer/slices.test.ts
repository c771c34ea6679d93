// Exploring in slices (the worker's loop, in core): slice sizes follow the time each slice took, the sliced search
// finds exactly what one call finds, and a stop between slices cancels it with a partial result.
import { describe, expect, it } from 'vitest';
import { createExplorer, explore, exploreInSlices, nextSliceRuns, type ExploreProgress, type SliceHost } from '../../../src/core/index.ts';
import { fanOut, L, multinomial, Y } from './helpers.ts';

/** Children with 0, 1 and 1 body awaits, unpruned: multinomial([1, 2, 3, 3]) = 5,040 schedules, three slices of
 * 2,000 runs at most. */
const SCENARIO = fanOut([[], [Y], [L]], { mode: 'unscoped' });
const SCHEDULES = multinomial([1, 2, 3, 3]);

/** A host whose clock says every slice took `sliceMs`, recording each progress and each pause. */
function host(sliceMs: number, stopAfterPauses = Infinity): SliceHost & { progress: ExploreProgress[]; pauses: number } {
  let clock = 0;
  let ticks = 0;
  const record = {
    progress: [] as ExploreProgress[],
    pauses: 0,
    // Two readings per slice (start, end): the end one is `sliceMs` later.
    now: () => (ticks++ % 2 === 1 ? (clock += sliceMs) : clock),
    pause: async () => void record.pauses++,
    stopped: () => record.pauses >= stopAfterPauses,
    onProgress: (progress: ExploreProgress) => void record.progress.push(progress),
  };
  return record;
}

describe('slice sizes', () => {
  it.each([
    [2000, 30, 2000], // on target: the same again
    [2000, 15, 4000], // twice as fast: twice the runs
    [2000, 1, 8000], // far faster: at most four times the last slice
    [2000, 0, 8000], // a clock that did not move counts as 1 ms
    [40_000, 1, 50_000], // never past maxRuns
    [2000, 60_000, 1], // far slower: never below minRuns
    [100, 300, 10],
  ])('after %i runs in %i ms, the next slice is %i runs', (runs, took, next) => {
    expect(nextSliceRuns(runs, took)).toBe(next);
  });
});

describe('exploreInSlices', () => {
  it('finds exactly what one call finds, reporting progress after each slice', async () => {
    expect(SCHEDULES).toBe(5040);
    const whole = explore(SCENARIO, { prune: false });
    const h = host(30);
    const sliced = await exploreInSlices(createExplorer(SCENARIO, { prune: false }), h);
    expect(sliced).toEqual(whole);
    expect(sliced.schedules).toBe(SCHEDULES);
    expect(h.progress.map((p) => [p.runs, p.done])).toEqual([
      [2000, false],
      [4000, false],
      [SCHEDULES, true],
    ]);
    expect(h.pauses).toBe(2);
  });

  it('resizes the slices from the time each took', async () => {
    const h = host(15); // each slice twice as fast as the target: 2,000, then 4,000 (the rest)
    await exploreInSlices(createExplorer(SCENARIO, { prune: false }), h);
    expect(h.progress.map((p) => p.runs)).toEqual([2000, SCHEDULES]);
  });

  it('stops at the first pause after it is told to, with a cancelled, incomplete result', async () => {
    const h = host(30, 1);
    const result = await exploreInSlices(createExplorer(SCENARIO, { prune: false }), h);
    expect(result.cancelled).toBe(true);
    expect(result.complete).toBe(false);
    expect(result.schedules).toBe(2000);
    expect(h.progress).toHaveLength(1);
  });

  it('is not failed by a progress post that fails (a page that went away)', async () => {
    const result = await exploreInSlices(createExplorer(SCENARIO, { prune: false }), { ...host(30), onProgress: () => Promise.reject(new Error('gone')) });
    expect(result.schedules).toBe(SCHEDULES);
  });
});
