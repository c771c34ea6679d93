// One definition of each count: on every lesson and on 200 generated scenarios, the legend (the scrub marks'
// counts), the summary, the reads log (cross-wired read steps), the CLI's `simulate --json`, and the explorer (the
// fast path's verdict on each schedule it ran, against a full replay of that schedule) say the same numbers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulationJson } from '../../../src/cli/commands/simulate.ts';
import {
  EXAMPLES,
  explore,
  replayScenario,
  simulate,
  type ExecMode,
  type ExploredSchedule,
  type MarkerKind,
  type Scenario,
  type ScenarioSimulation,
} from '../../../src/core/index.ts';
import { fanOut } from '../explorer/helpers.ts';

function legendOf(result: ScenarioSimulation): Record<Exclude<MarkerKind, 'poll'>, number> {
  const legend = { crosswire: 0, leak: 0, panic: 0, violation: 0 };
  for (const marker of result.markers) if (marker.kind !== 'poll') legend[marker.kind] += marker.count;
  return legend;
}

function expectOneCount(scenario: Scenario): void {
  const result = simulate(scenario);
  const { counts } = result.summary;
  expect(legendOf(result)).toEqual({
    crosswire: counts.crosswires,
    leak: counts.leaks,
    panic: counts.panics,
    violation: counts.violations,
  });
  const crossedReads = result.steps.filter((s) => s.kind === 'read' && s.crosswire).length;
  expect(crossedReads).toBe(counts.crosswires);
  const json = simulationJson(result) as { crosswires: unknown[]; leaks: unknown[] };
  expect([json.crosswires.length, json.leaks.length]).toEqual([counts.crosswires, counts.leaks]);
  const words = counts.crosswires === 0 ? 'no cross-wires' : `${counts.crosswires} cross-wire`;
  expect(result.summary.message).toContain(words);
}

// The explorer judges each schedule on the fast path; replayed with a full trace, the same schedule must count
// the same cross-wires and leaks.
function expectExplorerAgrees(scenario: Scenario, mode: ExecMode): void {
  const seen: ExploredSchedule[] = [];
  explore(scenario, { mode, maxSchedules: 12, onSchedule: (s) => void seen.push(s) });
  for (const schedule of seen) {
    if (schedule.status !== 'finished') continue;
    const replay = simulate(replayScenario(scenario, schedule.picks, mode)).summary.counts;
    expect([schedule.outcome.crosswires, schedule.outcome.leaks.length]).toEqual([
      replay.crosswires,
      replay.leaks,
    ]);
  }
}

describe('one count of each thing', () => {
  for (const example of EXAMPLES) {
    it(`agrees everywhere on ${example.id}, in every mode and with enforcement off`, () => {
      for (const mode of ['scoped', 'unscoped', 'naive'] as const) {
        expectOneCount({ ...example.scenario, run: { ...example.scenario.run, mode } });
        expectExplorerAgrees(example.scenario, mode);
      }
      expectOneCount({ ...example.scenario, run: { ...example.scenario.run, enforceAtSpawn: false } });
    });
  }

  it('F1 counts 12 cross-wires in the legend, the summary and the CLI; the panic lesson 7 leaks', () => {
    const f1 = simulate(EXAMPLES.find((e) => e.id === 'f1-cwd-env')!.scenario);
    expect(legendOf(f1).crosswire).toBe(12);
    expect(f1.summary.crosswires).toHaveLength(12);
    const panic = simulate(EXAMPLES.find((e) => e.id === 'panic-leak')!.scenario);
    expect(legendOf(panic).leak).toBe(7);
    expect(panic.summary.leaks).toHaveLength(7);
  });

  const statement = fc.constantFrom(
    'yield_now()',
    'llm_call("plan")',
    'write_file("out.md", "x")',
    'read_file("in.md")',
    'host_call("workspace.read_text", {path: "a.txt"})',
    'http_get("https://api.example.com/x")',
    'http_post("https://deploy.example.com/run", "go")',
    'throw "boom"',
  );
  it('agrees everywhere on 200 generated scenarios (2–3 children, any mode, seeded schedules, holes in the capture set)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(statement, { maxLength: 3 }), { minLength: 2, maxLength: 3 }),
        fc.constantFrom<ExecMode>('scoped', 'unscoped', 'naive'),
        fc.subarray([
          'VM_EXECUTION_CONTEXT',
          'CURRENT_MUTATION_SESSION',
          'TRUSTED_BRIDGE_CALL_DEPTH',
          'LLM_RENDER_STACK',
        ]),
        fc.integer({ min: 0, max: 1000 }),
        fc.boolean(),
        (bodies, mode, drop, seed, enforce) => {
          const base = fanOut(bodies, { mode });
          const captured =
            drop.length === 0 ? null : (simulate(base).captured.filter((s) => !drop.includes(s)) as never);
          const scenario: Scenario = {
            ...base,
            run: { ...base.run, captured, schedule: { kind: 'random', seed }, enforceAtSpawn: enforce },
          };
          expectOneCount(scenario);
          expectExplorerAgrees(scenario, mode);
        },
      ),
      { numRuns: 200, seed: 14 },
    );
  });
});
