// Scheduler budgets (DESIGN §8): ≥ 1M trace steps/s with the full trace (snapshots + narration) on a 3-child
// scenario (median run, plus the rate over the whole sample with GC pauses and in CPU time). Informational:
// the same traced run on two simulated threads beside it (issue 18: a work-stealing runtime, its rate as a ratio),
// end-to-end `simulate` (parse included) and whole no-trace runs of the 3-child × 4-await scenario on one and two
// threads (the explorer's budget is measured by bench/explorer.ts: it resumes saved states instead of whole runs).
import {
  compileScenario,
  createFastSimulation,
  normalizeScenario,
  runOptionsOf,
  runTaskSet,
  simulate,
  type Scenario,
} from '../src/core/index.ts';
import { fmt, median, sample, type BenchLine } from './lib.ts';

const GRANT = [
  { kind: { kind: 'llm' }, scope: 'write' },
  { kind: { kind: 'net' }, scope: 'write' },
  { kind: { kind: 'fs' }, scope: 'write' },
];

function fanOut(mode: 'scoped' | 'unscoped', body: string[]): Scenario {
  const source = `pipeline main() {\n${body.map((line) => `  ${line}`).join('\n')}\n}`;
  return normalizeScenario({
    version: 1,
    parent: {
      source: 'pipeline main() {\n  parallel each ["a", "b", "c"] { n -> spawn_agent(n) }\n}',
      grant: GRANT,
    },
    children: ['alpha', 'beta', 'gamma'].map((name) => ({ name, source })),
    run: { mode },
  });
}

// Three children, each with four awaits in its body (plus the worker's startup event).
const FOUR_AWAITS = [
  'llm_call("plan")',
  'http_get("https://api.example.com/x")',
  'write_file("out.md", "x")',
  'llm_call("review")',
  'yield_now()',
];

export async function bench(): Promise<BenchLine[]> {
  const lines: BenchLine[] = [];

  const traced = fanOut('scoped', FOUR_AWAITS);
  const compiled = compileScenario(traced);
  const options = runOptionsOf(traced);
  let steps = 0;
  const cpu0 = process.cpuUsage();
  // Steady state: the trace path takes a few hundred runs to reach its optimized tier (~0.5 s here).
  const warmup = 300;
  const traceTimes = sample(
    () => {
      steps = runTaskSet(compiled.taskSet, options).steps.length;
    },
    { warmup, minMs: 1000 },
  );
  const cpu = process.cpuUsage(cpu0);
  const stepsPerSec = steps / (median(traceTimes) / 1000);
  // The sample's warm-up runs are not in traceTimes; count them in for the CPU-time rate.
  const sampled = steps * (traceTimes.length + warmup);
  const wholeSeconds = traceTimes.reduce((a, b) => a + b, 0) / 1000;
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  lines.push({
    name: `trace steps/s (3 children, scoped, ${steps} steps/run)`,
    measured: `${fmt(stepsPerSec / 1e6)} M steps/s median run (${fmt((steps * traceTimes.length) / wholeSeconds / 1e6)} M/s over the sample, ${fmt(sampled / cpuSeconds / 1e6)} M/s of CPU time)`,
    budget: '>= 1M steps/s',
    ok: stepsPerSec >= 1e6,
  });

  // Two threads, same scenario, same run of the bench: FIFO takes the thread free longest, so tasks migrate.
  const twoThreads = { ...options, threads: 2 };
  let steps2 = 0;
  const traceTimes2 = sample(
    () => {
      steps2 = runTaskSet(compiled.taskSet, twoThreads).steps.length;
    },
    { warmup, minMs: 1000 },
  );
  const stepsPerSec2 = steps2 / (median(traceTimes2) / 1000);
  lines.push({
    name: `trace steps/s, threads: 2 (same scenario, ${steps2} steps/run)`,
    measured: `${fmt(stepsPerSec2 / 1e6)} M steps/s median run (${fmt(stepsPerSec2 / stepsPerSec)}× threads: 1)`,
  });

  const simulateTimes = sample(() => void simulate(traced));
  lines.push({
    name: 'simulate() end to end (parse + compile + trace)',
    measured: `${fmt(median(simulateTimes), 3)} ms/run`,
  });

  for (const mode of ['scoped', 'unscoped'] as const) {
    const scenario = fanOut(mode, FOUR_AWAITS);
    const rates: number[] = [];
    for (const threads of [1, 2]) {
      const fast = createFastSimulation(
        compileScenario(scenario).taskSet,
        runOptionsOf(scenario, { ignoreLatency: true, threads }),
      );
      let turn = 0;
      // Rotate through the options (ready tasks, and threads) so runs take different schedules, as the
      // explorer's do.
      const choose = (ready: readonly number[], state: { free: readonly number[] }) =>
        turn++ % (ready.length * state.free.length);
      const batch = 2000;
      const fastTimes = sample(() => {
        for (let i = 0; i < batch; i++) fast.run(choose);
      });
      rates.push(batch / (median(fastTimes) / 1000));
    }
    lines.push({
      name: `no-trace whole runs/s (3 children x 4 awaits, ${mode})`,
      measured: `${fmt(rates[0]! / 1000, 1)} k runs/s`,
    });
    lines.push({
      name: `no-trace whole runs/s, threads: 2 (${mode})`,
      measured: `${fmt(rates[1]! / 1000, 1)} k runs/s (${fmt(rates[1]! / rates[0]!)}× threads: 1)`,
    });
  }
  return lines;
}
