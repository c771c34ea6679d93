// @vitest-environment jsdom
// The explorer's store slice (latest request wins, progress never overwrites a result, what makes a result stale)
// and the worker's slice loop in-process (a newer exploration stops the older one; cancel stops at the next slice).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { explore, type ExploreProgress } from '../../../src/core/index.ts';
import { sameExploration } from '../../../src/state/slices/explorer.ts';
import { resetStore, useStore } from '../../../src/state/store.ts';
import { api } from '../../../src/worker/core.worker.ts';
import { lesson } from '../../ui/run/fakeBackend.tsx';

beforeEach(() => resetStore());

describe('explorer slice', () => {
  it('drops progress and results of an exploration a newer one replaced', () => {
    const scenario = lesson('f2-mutation-session');
    const result = explore(scenario);
    const old = useStore.getState().beginExplore(scenario);
    const latest = useStore.getState().beginExplore(scenario);
    expect(useStore.getState().receiveExploreResult(old, result)).toBe(false);
    expect(useStore.getState().failExplore(old, 'boom')).toBe(false);
    expect(useStore.getState().explorerResult).toBeNull();
    expect(useStore.getState().explorerStatus).toBe('running');
    expect(useStore.getState().receiveExploreResult(latest, result)).toBe(true);
    expect(useStore.getState().explorerStatus).toBe('done');
  });

  it('a late progress post does not replace a finished result', () => {
    const scenario = lesson('f2-mutation-session');
    const id = useStore.getState().beginExplore(scenario);
    useStore.getState().receiveExploreResult(id, explore(scenario));
    const late: ExploreProgress = { kind: 'explore-progress', phase: 'search', done: false, runs: 1, schedules: 1, failing: 0, bound: 0, frontier: 3, maxSchedules: 10, phaseText: 'searching schedules with up to 0 preemptions', boundText: 'preemption bound 0' };
    expect(useStore.getState().receiveExploreProgress(id, late)).toBe(false);
    expect(useStore.getState().explorerProgress).toBeNull();
  });

  it('a result stays current across schedule and latency changes, not across program or mode changes', () => {
    const scenario = lesson('f2-mutation-session');
    const replayed = api.replayScenario(scenario, ['parent', 'beta']);
    expect(sameExploration(scenario, structuredClone(replayed))).toBe(true);
    expect(sameExploration(scenario, { ...scenario, run: { ...scenario.run, mode: 'naive' } })).toBe(false);
    expect(sameExploration(scenario, { ...scenario, run: { ...scenario.run, captured: null } })).toBe(false);
    expect(sameExploration(scenario, { ...scenario, parent: { ...scenario.parent, source: `${scenario.parent.source}\n` } })).toBe(false);
  });
});

describe('worker explorer loop', () => {
  it('posts progress after every slice and ends with the same result as a one-call explore', async () => {
    const scenario = lesson('three-way-fan-out');
    const posts: ExploreProgress[] = [];
    const result = await api.startExplore(1, scenario, {}, (p) => void posts.push(p));
    expect(posts.length).toBeGreaterThan(1);
    expect(posts.map((p) => p.runs)).toEqual([...posts.map((p) => p.runs)].sort((a, b) => a - b));
    expect(posts.at(-1)?.done).toBe(true);
    const { failures, first_failing, ...counts } = explore(scenario);
    expect(result).toMatchObject(counts);
    expect(result.failures.map((f) => f.picks)).toEqual(failures.map((f) => f.picks));
    expect(result.first_failing?.description).toBe(first_failing?.description);
  });

  it('a newer exploration stops the older one at its next slice (latest wins)', async () => {
    const scenario = lesson('three-way-fan-out');
    const older = api.startExplore(1, scenario, { prune: false, maxSchedules: 1_000_000 });
    const newer = api.startExplore(2, lesson('f2-mutation-session'), {});
    const [a, b] = await Promise.all([older, newer]);
    expect(a.cancelled).toBe(true);
    expect(a.complete).toBe(false);
    expect(b.cancelled).toBe(false);
    expect(b.complete).toBe(true);
  });

  it('cancelExplore stops only the exploration it names', async () => {
    const scenario = lesson('three-way-fan-out');
    const posts: ExploreProgress[] = [];
    const running = api.startExplore(5, scenario, { prune: false, maxSchedules: 1_000_000 }, (p) => void posts.push(p));
    api.cancelExplore(4);
    // Still running slices after a cancel of another id.
    await vi.waitFor(() => expect(posts.length).toBeGreaterThanOrEqual(3));
    api.cancelExplore(5);
    const result = await running;
    expect(result.cancelled).toBe(true);
    expect(result.runs).toBeGreaterThan(0);
    expect(result.runs).toBeLessThan(explore(scenario, { prune: false, maxSchedules: 1_000_000 }).runs);
  });
});
