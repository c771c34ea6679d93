// The explorer in bounded memory: with the stored frontier capped (so small here that every costlier bucket is
// dropped and regenerated), the search runs the same schedules, each exactly once, cheapest bound first, and the
// results (counts, verdicts, the cheapest failure and its proof) are those of the uncapped search; the stored
// frontier stays under its cap while the uncapped one grows with the runs; kept failures are bounded.
import { describe, expect, it } from 'vitest';
import {
  EXAMPLES,
  compileScenario,
  createExplorer,
  execConfigOf,
  explore,
  findExample,
  runOptionsOf,
  type ExecMode,
  type ExploreResult,
  type Scenario,
} from '../../../src/core/index.ts';
import { createSearchEngine } from '../../../src/core/explorer/search.ts';
import { MAX_KEPT_FAILURES } from '../../../src/core/scenario/limits.ts';
import { MODES, Y, L, fanOut } from './helpers.ts';

interface EngineRun {
  text: string;
  bound: number;
}

/** Every run the engine shows `visit`, in order, with the bound being searched when it ran. */
function runsOf(scenario: Scenario, mode: ExecMode, prune: boolean, maxFrontierSlots?: number, threads?: number): EngineRun[] {
  const withThreads = threads ? { ...scenario, run: { ...scenario.run, threads } } : scenario;
  const { taskSet } = compileScenario(withThreads);
  const exec = execConfigOf(runOptionsOf(withThreads, { mode, ignoreLatency: true }), taskSet.slots);
  const engine = createSearchEngine(taskSet, exec, {
    prune,
    maxBound: Infinity,
    stopAfterFailingBucket: false,
    ...(maxFrontierSlots === undefined ? {} : { maxFrontierSlots }),
  });
  const runs: EngineRun[] = [];
  while (!engine.exhausted)
    engine.runSlice(500, (kind, run) =>
      void runs.push({ text: JSON.stringify([kind, run.picks, run.preemptions, run.migrations, run.outcome]), bound: engine.bound }),
    );
  return runs;
}

/** What a result says, less the order-dependent tie-breaks among failures of one cost and length. */
function verdictOf(result: ExploreResult) {
  const first = result.first_failing;
  return {
    schedules: result.schedules,
    runs: result.runs,
    blocked: result.blocked,
    complete: result.complete,
    failing: result.failing,
    bound: result.bound,
    firstFailingMinimal: result.firstFailingMinimal,
    firstCost: first ? first.preemptions + (first.migrations ?? 0) : null,
    firstLength: first ? first.picks.length : null,
    costs: result.failures.map((f) => `${f.preemptions + (f.migrations ?? 0)}/${f.picks.length}`),
  };
}

const scenarios: [string, Scenario][] = [
  ...EXAMPLES.map((e) => [e.id, e.scenario] as [string, Scenario]),
  ['three children, uneven awaits', fanOut([[Y, L], [L], [Y]])],
];

describe('a capped frontier', () => {
  for (const [name, scenario] of scenarios) {
    it(`runs the same schedules, each once, bound by bound: ${name}`, () => {
      for (const mode of MODES) {
        for (const prune of [false, true]) {
          const full = runsOf(scenario, mode, prune);
          // 40 slots: about two branches, so nearly every costlier bucket is dropped and regenerated.
          const capped = runsOf(scenario, mode, prune, 40);
          const label = `${mode} prune=${prune}`;
          expect(capped.length, label).toBe(full.length);
          expect(capped.map((r) => r.text).sort(), label).toEqual(full.map((r) => r.text).sort());
          // Cheapest first: the bound never goes down, and each bound holds the same runs.
          const bounds = capped.map((r) => r.bound);
          expect(bounds, label).toEqual([...bounds].sort((a, b) => a - b));
          const byBound = (runs: EngineRun[]) => runs.map((r) => `${r.bound} ${r.text}`).sort();
          expect(byBound(capped), label).toEqual(byBound(full));
        }
      }
    }, 120_000);
  }

  it('runs the same schedules on two threads (thread symmetry on and off)', () => {
    const f1 = findExample('f1-cwd-env')!.scenario;
    for (const prune of [false, true]) {
      const full = runsOf(f1, 'unscoped', prune, undefined, 2);
      const capped = runsOf(f1, 'unscoped', prune, 40, 2);
      expect(capped.map((r) => `${r.bound} ${r.text}`).sort()).toEqual(full.map((r) => `${r.bound} ${r.text}`).sort());
    }
  }, 120_000);

  it('gives the same verdicts, counts and cheapest failures as the uncapped search', () => {
    for (const [name, scenario] of scenarios) {
      for (const prune of [false, true]) {
        for (const maxSchedules of [50, 1_000, 100_000]) {
          const full = explore(scenario, { prune, maxSchedules });
          const capped = explore(scenario, { prune, maxSchedules, maxFrontierSlots: 40 });
          const label = `${name} prune=${prune} budget ${maxSchedules}`;
          if (full.complete) expect(verdictOf(capped), label).toEqual(verdictOf(full));
          else {
            // Cut by the budget: within the last bound the order differs, so which schedules were run differs;
            // the counts run and the verdict's shape do not.
            expect(capped.runs, label).toBe(full.runs);
            expect(capped.complete, label).toBe(false);
          }
        }
      }
    }
  }, 240_000);

  it('keeps the stored frontier under its cap while the uncapped one grows with the runs', () => {
    const scenario = fanOut([[Y, L, Y], [L, Y, L], [Y, L, Y]], { mode: 'unscoped' });
    const frontierAfter = (maxFrontierSlots?: number) => {
      const explorer = createExplorer(scenario, { prune: false, maxSchedules: 20_000, ...(maxFrontierSlots ? { maxFrontierSlots } : {}) });
      let most = 0;
      for (let p = explorer.run(1_000); ; p = explorer.run(1_000)) {
        most = Math.max(most, p.frontier);
        if (p.done) return { most, runs: p.runs };
      }
    };
    const uncapped = frontierAfter();
    const capped = frontierAfter(2_000);
    expect(uncapped.runs).toBe(20_000);
    expect(capped.runs).toBe(20_000);
    // Each stored branch counts at least 12 slots.
    expect(capped.most).toBeLessThanOrEqual(2_000 / 12);
    expect(uncapped.most).toBeGreaterThan(10 * capped.most);
  });
});

describe('failures kept', () => {
  it('keeps at most MAX_KEPT_FAILURES however many a caller asks for', () => {
    const scenario = fanOut([[Y, L], [L, Y], [Y, L]], { mode: 'unscoped' });
    const result = explore(scenario, { prune: false, maxSchedules: 20_000, maxFailures: 1_000_000 });
    expect(result.failing).toBeGreaterThan(MAX_KEPT_FAILURES);
    expect(result.failures).toHaveLength(MAX_KEPT_FAILURES);
  }, 120_000);
});
