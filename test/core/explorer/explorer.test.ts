// The explorer: unpruned counts are the multinomial of the tasks' polls; pruning keeps every verdict and every
// distinct outcome with fewer runs (every lesson, every mode, a generated family); F1/F2 failures come first
// with the fewest preemptions; budget cuts, slices, cancel; and every reported failure replays identically.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EXAMPLES,
  eventSteps,
  stepNumber,
  compileScenario,
  createExplorer,
  execConfigOf,
  runOptionsOf,
  explore,
  findExample,
  replayScenario,
  simulate,
  type ExecMode,
  type ExploredSchedule,
  type Scenario,
} from '../../../src/core/index.ts';
import { createSearchEngine } from '../../../src/core/explorer/search.ts';
import { L, MODES, Y, fanOut, multinomial, outcomeSignature, pipeline } from './helpers.ts';

function bodyWith(awaits: number): string[] {
  return Array.from({ length: awaits }, (_, i) => (i % 2 === 0 ? Y : L));
}

function collect(scenario: Scenario, options: Parameters<typeof explore>[1]) {
  const seen: ExploredSchedule[] = [];
  const result = explore(scenario, { ...options, onSchedule: (s) => void seen.push(s) });
  return { result, seen };
}

describe('unpruned schedule counts', () => {
  // A child with k body awaits is polled k + 2 times (its startup event is the life cycle's first await);
  // the parent is polled once between its spawn_agent await and its join. Every interleaving of those polls
  // is one schedule.
  const shapes = [[0, 0], [1, 0], [1, 2], [2, 2], [0, 1, 1], [1, 1, 1]];
  for (const ks of shapes) {
    it(`equal the multinomial count for children with ${ks.join(', ')} awaits`, () => {
      const result = explore(fanOut(ks.map(bodyWith)), { prune: false });
      expect(result.complete).toBe(true);
      expect(result.schedules).toBe(multinomial([1, ...ks.map((k) => k + 2)]));
    });
  }

  it('count awaits the parent makes after spawning (its fan-out body) and ignore those before', () => {
    const before = fanOut([bodyWith(1), bodyWith(1)], { parent: [L, 'spawn_agent("w")'] });
    expect(explore(before, { prune: false }).schedules).toBe(multinomial([1, 3, 3]));
    const after = fanOut([bodyWith(1), bodyWith(2)], { parent: ['parallel each ["a", "b"] { n ->', '  spawn_agent(n)', `  ${Y}`, '}'] });
    expect(explore(after, { prune: false }).schedules).toBe(multinomial([2, 3, 4]));
  });
});

describe('backtracking from saved states', () => {
  /** Every run the engine makes, in order: kind, picks, preemptions and the whole outcome. */
  function runsOf(scenario: Scenario, mode: ExecMode, prune: boolean, maxSavedStates: number): string[] {
    const { taskSet } = compileScenario(scenario);
    const exec = execConfigOf(runOptionsOf(scenario, { mode, ignoreLatency: true }));
    const engine = createSearchEngine(taskSet, exec, { prune, maxBound: Infinity, stopAfterFailingBucket: false, maxSavedStates });
    const runs: string[] = [];
    while (!engine.exhausted) engine.runSlice(1_000, (kind, run) => void runs.push(JSON.stringify([kind, run.picks, run.preemptions, run.outcome])));
    return runs;
  }

  const scenarios: [string, Scenario][] = [
    ...EXAMPLES.map((e) => [e.id, e.scenario] as [string, Scenario]),
    ['two children, uneven awaits, a panic', fanOut([bodyWith(3), [Y, 'throw "boom"']])],
  ];
  for (const [name, scenario] of scenarios) {
    it(`visits the same runs in the same order as re-running every branch from the start: ${name}`, () => {
      for (const mode of MODES) {
        for (const prune of [false, true]) {
          const fromStart = runsOf(scenario, mode, prune, 0);
          expect(fromStart.length).toBeGreaterThan(0);
          // Unbounded saves, and a cap so small that most branches replay from an older saved state.
          expect(runsOf(scenario, mode, prune, 1_000_000), `${mode} prune=${prune}`).toEqual(fromStart);
          expect(runsOf(scenario, mode, prune, 3), `${mode} prune=${prune} cap 3`).toEqual(fromStart);
        }
      }
    }, 120_000);
  }
});

/** Pruned vs unpruned on one scenario: same verdict, same set of outcomes, fewer runs. */
function expectSoundPruning(scenario: Scenario, mode: ExecMode, compareOutcomes: boolean, strictlyFewer: boolean): void {
  const full = collect(scenario, { mode, prune: false });
  const pruned = collect(scenario, { mode });
  expect(full.result.complete).toBe(true);
  expect(pruned.result.complete).toBe(true);
  expect(pruned.result.failing > 0).toBe(full.result.failing > 0);
  if (strictlyFewer) expect(pruned.result.runs).toBeLessThan(full.result.schedules);
  else expect(pruned.result.runs).toBeLessThanOrEqual(full.result.schedules);
  const sig = compareOutcomes
    ? (s: ExploredSchedule) => outcomeSignature(scenario, mode, s.picks)
    : (s: ExploredSchedule) => `${s.outcome.crosswires}|${s.outcome.leaks.join()}|${s.outcome.panics.join()}`;
  const fullSet = new Set(full.seen.map(sig));
  const prunedSet = new Set(pruned.seen.map(sig));
  expect([...prunedSet].sort()).toEqual([...fullSet].sort());
}

describe('sleep-set pruning', () => {
  for (const example of EXAMPLES) {
    for (const mode of MODES) {
      it(`keeps the verdict and every distinct outcome with fewer runs: ${example.id}, ${mode}`, () => {
        expectSoundPruning(example.scenario, mode, example.id !== 'three-way-fan-out', true);
      });
    }
  }

  const statement = fc.constantFrom(
    Y,
    L,
    'write_file("out.md", "x")',
    'read_file("in.md")',
    'host_call("workspace.read_text", {path: "a.txt"})',
    'http_get("https://api.example.com/x")',
  );
  const captured = fc.subarray(['VM_EXECUTION_CONTEXT', 'CURRENT_MUTATION_SESSION', 'TRUSTED_BRIDGE_CALL_DEPTH', 'LLM_RENDER_STACK'], { minLength: 0, maxLength: 2 });

  it('keeps verdicts and outcome sets on generated fan-outs (2–3 children, any mode, capture sets with holes)', () => {
    const captureAllBut = (drop: string[]) =>
      ['EXECUTION_POLICY_STACK', 'EXECUTION_APPROVAL_POLICY_STACK', 'COMMAND_POLICY_STACK', 'DYNAMIC_PERMISSION_STACK', 'RUNTIME_CONTEXT_OVERLAY_STACK',
        'AUTONOMY_POLICY_STACK', 'LLM_RENDER_STACK', 'ACTIVE_HARN_CONNECTOR_CTX', 'TRUSTED_BRIDGE_CALL_DEPTH', 'COMMAND_POLICY_HOOK_DEPTH',
        'VM_EXECUTION_CONTEXT', 'VM_SOURCE_DIR', 'CURRENT_MUTATION_SESSION'].filter((s) => !drop.includes(s));
    fc.assert(
      fc.property(
        // Two children with up to two statements, or three with up to one: at most a few thousand schedules.
        fc.oneof(fc.array(fc.array(statement, { maxLength: 2 }), { minLength: 2, maxLength: 2 }), fc.array(fc.array(statement, { maxLength: 1 }), { minLength: 3, maxLength: 3 })),
        fc.constantFrom(...MODES),
        captured,
        fc.boolean(),
        (bodies, mode, drop, panics) => {
          const withPanic = panics ? bodies.map((b, i) => (i === 0 ? [...b, 'throw "boom"'] : b)) : bodies;
          const scenario = fanOut(withPanic, { mode, captured: captureAllBut(drop) });
          expectSoundPruning(scenario, mode, true, false);
        },
      ),
      { numRuns: 30, seed: 6 },
    );
  });
});

/** The fewest preemptions of any failing schedule, by brute force over the unpruned set. */
function minFailingPreemptions(scenario: Scenario, mode: ExecMode): number {
  const { seen } = collect(scenario, { mode, prune: false });
  return Math.min(...seen.filter((s) => s.failing).map((s) => s.preemptions));
}

/** Failing schedules found, pruned and unpruned. */
const FAILING: Record<string, [pruned: number, unpruned: number]> = {
  'f1-cwd-env unscoped': [16, 70],
  'f2-mutation-session unscoped': [16, 70],
  'f2-mutation-session scoped': [4, 42],
};

describe('F1 and F2', () => {
  for (const id of ['f1-cwd-env', 'f2-mutation-session']) {
    const scenario = findExample(id)!.scenario;
    for (const [label, mode] of [['unscoped', 'unscoped'], [`as the lesson opens (${scenario.run.mode})`, scenario.run.mode]] as const) {
      it(`${id} ${label}: failing schedules found, the first with the fewest preemptions`, () => {
        for (const prune of [true, false]) {
          const result = explore(scenario, { mode, prune });
          expect(result.complete).toBe(true);
          expect(result.failing).toBe(FAILING[`${id} ${mode}`]![prune ? 0 : 1]);
          expect(result.first_failing).not.toBeNull();
          expect(result.first_failing!.preemptions).toBe(minFailingPreemptions(scenario, mode));
          expect(result.firstFailingMinimal).toBe(true);
          const orders = result.failures.map((f) => [f.preemptions, f.length]);
          expect(orders).toEqual([...orders].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!));
        }
      });
    }

    it(`${id} scoped with the catalog's capture set: complete, no failing schedule`, () => {
      const fixed: Scenario = { ...scenario, run: { ...scenario.run, mode: 'scoped', captured: null } };
      for (const prune of [true, false]) {
        const result = explore(fixed, { prune });
        expect(result).toMatchObject({ complete: true, failing: 0, first_failing: null, failures: [] });
      }
    });
  }
});

describe('budget, slices and cancel', () => {
  const big = findExample('three-way-fan-out')!.scenario;

  it('says the search is not complete when the schedule budget cuts it', () => {
    for (const prune of [true, false]) {
      const result = explore(big, { prune, maxSchedules: 200 });
      expect(result.complete).toBe(false);
      expect(result.runs).toBeLessThanOrEqual(200);
      expect(result.message).toMatch(/budget/);
    }
  });

  it('runs in slices of at most the asked runs, with growing progress, to the same result as one call', () => {
    const scenario = findExample('f2-mutation-session')!.scenario;
    const explorer = createExplorer(scenario, { mode: 'unscoped' });
    let last = explorer.progress();
    expect(last).toMatchObject({ kind: 'explore-progress', done: false, runs: 0 });
    let slices = 0;
    while (!last.done) {
      const next = explorer.run(7);
      expect(next.runs - last.runs).toBeLessThanOrEqual(7);
      expect(next.runs).toBeGreaterThanOrEqual(last.runs);
      last = next;
      slices++;
    }
    expect(slices).toBeGreaterThan(3);
    const whole = explore(scenario, { mode: 'unscoped' });
    expect(JSON.stringify(explorer.result())).toBe(JSON.stringify(whole));
  });

  it('stops on cancel between slices and reports an incomplete search', () => {
    const explorer = createExplorer(big, { prune: false });
    const first = explorer.run(50);
    expect(first.done).toBe(false);
    explorer.cancel();
    expect(explorer.run(50)).toMatchObject({ done: true, runs: first.runs });
    expect(explorer.result()).toMatchObject({ cancelled: true, complete: false });
  });
});

describe('replay', () => {
  // With the failing schedules each reports (every one it found: none has more than the 50 kept).
  const cases: [string, ExecMode, number][] = [
    ['f1-cwd-env', 'unscoped', 16],
    ['f2-mutation-session', 'scoped', 4],
    ['f2-mutation-session', 'unscoped', 16],
    ['lifo-interleaving', 'unscoped', 16],
    ['panic-leak', 'naive', 8],
    ['bridge-depth-leak', 'scoped', 8],
  ];
  for (const [id, mode, reported] of cases) {
    it(`simulates every reported failing schedule of ${id} (${mode}) with the same cross-wires and leaks`, () => {
      const scenario = findExample(id)!.scenario;
      const fast = new Map<string, ExploredSchedule>();
      const result = explore(scenario, { mode, onSchedule: (s) => void fast.set(s.picks.join(), s) });
      expect(result.failures).toHaveLength(reported);
      for (const failure of result.failures) {
        const replay = replayScenario(scenario, failure.picks, mode);
        expect(replay.run.schedule).toEqual({ kind: 'picks', picks: failure.picks });
        expect(Object.values(replay.run.latency).every((ticks) => ticks === 0)).toBe(true);
        const sim = simulate(replay);
        expect(sim.summary.completed).toBe(true);
        expect(sim.summary.ignoredPicks).toEqual([]);
        // Each cross-wire as the replay's summary has it, numbered as the stepper numbers the replay.
        const events = eventSteps(sim.steps);
        expect(failure.crosswires.map(({ at: _at, ...c }) => c)).toEqual(sim.summary.crosswires);
        expect(failure.crosswires.map((c) => c.at)).toEqual(sim.summary.crosswires.map((c) => stepNumber(events, c.step)));
        expect(sim.summary.leaks).toEqual(failure.leaks);
        const run = fast.get(failure.picks.join())!;
        expect(sim.summary.crosswires.length).toBe(run.outcome.crosswires);
        expect(sim.summary.leaks.length).toBe(run.outcome.leaks.length);
        expect(sim.summary.crosswires.length + sim.summary.leaks.length).toBeGreaterThan(0);
      }
    });
  }

  it('describes a failing schedule by await sites with their source lines, up to its first cross-wire', () => {
    const scenario = findExample('f2-mutation-session')!.scenario;
    const first = explore(scenario).first_failing!;
    expect(first.sites.length).toBe(6);
    expect(first.sites.length).toBeLessThanOrEqual(first.picks.length);
    expect(first.sites.map((s) => s.task)).toEqual(first.picks.slice(0, first.sites.length));
    for (const site of first.sites) {
      if (site.after === 'llm_call') expect(site.line).toBe(2);
      if (site.after === 'spawn_agent') expect(site.line).toBe(3);
      if (site.after === 'emit_worker_event') expect(site.line).toBeNull();
    }
    expect(first.description).toMatch(/^parent: after spawn_agent at line 3 → /);
    expect(first.description).toContain('after llm_call at line 2');
  });

  it('explores a scenario whose programs do not parse without throwing, with its diagnostics', () => {
    const broken = fanOut([[Y]], {});
    const scenario: Scenario = { ...broken, children: [{ ...broken.children[0]!, source: pipeline(['llm_call(']) }] };
    const result = explore(scenario);
    expect(result.complete).toBe(true);
    expect(result.diagnostics.map((d) => d.diagnostic.code)).toContain('S550');
  });
});
