// Explorer budgets (DESIGN §8, issue 6): schedules per second on a 3-child × 4-await fan-out (budget ≥ 100k/s,
// unpruned so every run is a complete schedule; the space has ~3.3 × 10⁸ schedules, so each measurement is
// cut by its run budget), against its peer (the same search re-running every branch from the start, measured
// in the same rounds), the same search on two simulated threads (issue 18: every poll is a choice of task and
// thread; measured in the same rounds, as a ratio), and the pruning ratio (unpruned schedules / pruned runs) on
// the 3 × 4 scenario in scoped mode, on a 3 × 1 fan-out, on every lesson, and on F1 and F2 with two threads
// (thread symmetry), where both searches run to completion.
import { EXAMPLES, createExplorer, explore, normalizeScenario, type ExecMode, type Scenario } from '../src/core/index.ts';
import { fmt, median, type BenchLine } from './lib.ts';

const GRANT = [
  { kind: { kind: 'llm' }, scope: 'write' },
  { kind: { kind: 'net' }, scope: 'write' },
  { kind: { kind: 'fs' }, scope: 'write' },
];

function fanOut(mode: ExecMode, body: string[]): Scenario {
  const source = `pipeline main() {\n${body.map((line) => `  ${line}`).join('\n')}\n}`;
  return normalizeScenario({
    version: 1,
    parent: { source: 'pipeline main() {\n  parallel each ["a", "b", "c"] { n -> spawn_agent(n) }\n}', grant: GRANT },
    children: ['alpha', 'beta', 'gamma'].map((name) => ({ name, source })),
    run: { mode },
  });
}

// Three children, each with four awaits in its body (plus the worker's startup event).
const FOUR_AWAITS = ['llm_call("plan")', 'http_get("https://api.example.com/x")', 'write_file("out.md", "x")', 'llm_call("review")', 'yield_now()'];
const ONE_AWAIT = ['llm_call("plan")', 'write_file("out.md", "x")'];
/** Runs per round: enough to leave the first bounds behind. */
const ROUND_RUNS = 20_000;
/** Untimed rounds first (the JIT takes about two rounds to settle here), then timed rounds (median judged). */
const WARMUP_ROUNDS = 1;
const TIMED_ROUNDS = 5;

interface Rates {
  /** Schedules per second of wall time, per timed round. */
  wall: number[];
  /** Per second of this process's CPU time (all its threads, GC helpers included). */
  cpu: number[];
}

/** One exploration of `runs` unpruned schedules, in slices as the worker runs them, its rates added to `into`
 * (null: a warm-up round). `fromScratch`: the peer, `maxSavedStates: 0` (every branch re-run from the start).
 * `threads`: simulated threads (1: the LocalSet). */
function timeRound(scenario: Scenario, runs: number, fromScratch: boolean, into: Rates | null, threads = 1): void {
  const explorer = createExplorer(scenario, {
    prune: false,
    maxSchedules: runs,
    threads,
    ...(fromScratch ? { maxSavedStates: 0 } : {}),
  });
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  while (!explorer.run(5_000).done) {
    // slices, as the worker runs them
  }
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  if (!into) return;
  const schedules = explorer.progress().runs;
  into.wall.push(schedules / (wall / 1000));
  into.cpu.push(schedules / ((cpu.user + cpu.system) / 1e6));
}

/** The explorer, its peer (the same exploration re-running every branch from the start) and the explorer on
 * two threads, interleaved round by round so all see the same machine. */
function measure(scenario: Scenario): { explorer: Rates; scratch: Rates; twoThreads: Rates } {
  const explorer: Rates = { wall: [], cpu: [] };
  const scratch: Rates = { wall: [], cpu: [] };
  const twoThreads: Rates = { wall: [], cpu: [] };
  for (let round = 0; round < WARMUP_ROUNDS + TIMED_ROUNDS; round++) {
    const timed = round >= WARMUP_ROUNDS;
    timeRound(scenario, ROUND_RUNS, false, timed ? explorer : null);
    timeRound(scenario, ROUND_RUNS, true, timed ? scratch : null);
    timeRound(scenario, ROUND_RUNS, false, timed ? twoThreads : null, 2);
  }
  return { explorer, scratch, twoThreads };
}

const kps = (rate: number): string => fmt(rate / 1000, 1);

export async function bench(): Promise<BenchLine[]> {
  const lines: BenchLine[] = [];
  for (const mode of ['scoped', 'unscoped'] as const) {
    const { explorer, scratch, twoThreads } = measure(fanOut(mode, FOUR_AWAITS));
    const rate = median(explorer.wall);
    lines.push({
      name: `explorer schedules/s, 3 children × 4 awaits, ${mode}, unpruned`,
      measured: `${kps(rate)} k/s median of ${TIMED_ROUNDS} (min–max ${kps(Math.min(...explorer.wall))}–${kps(Math.max(...explorer.wall))}; ${kps(median(explorer.cpu))} k/s of CPU time)`,
      budget: '>= 100k schedules/s',
      ok: rate >= 100_000,
    });
    // Per round, both measured back to back: the ratio's median cancels most of the machine's drift.
    const ratios = explorer.wall.map((r, i) => r / scratch.wall[i]!);
    lines.push({
      name: `explorer vs from-scratch replay, ${mode}`,
      measured: `${fmt(median(ratios), 1)}× (from scratch ${kps(median(scratch.wall))} k/s, min–max ${kps(Math.min(...scratch.wall))}–${kps(Math.max(...scratch.wall))})`,
    });
    const threadRatios = twoThreads.wall.map((r, i) => r / explorer.wall[i]!);
    lines.push({
      name: `explorer schedules/s, threads: 2, ${mode}, unpruned`,
      measured: `${kps(median(twoThreads.wall))} k/s median (${fmt(median(threadRatios))}× threads: 1; min–max ${kps(Math.min(...twoThreads.wall))}–${kps(Math.max(...twoThreads.wall))})`,
    });
  }
  // Scoped, the pruned search of the 3 × 4 space completes; the unpruned one would take ~3.3 × 10⁸ runs.
  const scoped = explore(fanOut('scoped', FOUR_AWAITS));
  lines.push({
    name: 'pruning, 3 children × 4 awaits, scoped (complete)',
    measured: `${scoped.runs.toLocaleString('en-US')} runs for 325,909,584 schedules, complete: ${scoped.complete}`,
  });

  // Both searches complete here, so the ratio is exact.
  for (const mode of ['scoped', 'unscoped'] as const) {
    const scenario = fanOut(mode, ONE_AWAIT);
    const full = explore(scenario, { prune: false, maxSchedules: 10_000_000 });
    const pruned = explore(scenario, { maxSchedules: 10_000_000 });
    lines.push({
      name: `pruning ratio, 3 children × 1 await, ${mode}`,
      measured: `${fmt(full.schedules / pruned.runs, 1)}x (${full.schedules.toLocaleString('en-US')} → ${pruned.runs.toLocaleString('en-US')} runs)`,
    });
  }
  for (const example of EXAMPLES) {
    const full = explore(example.scenario, { prune: false });
    const pruned = explore(example.scenario);
    lines.push({
      name: `pruning ratio, ${example.id} (${example.scenario.run.mode})`,
      measured: `${fmt(full.schedules / pruned.runs, 1)}x (${full.schedules} → ${pruned.runs} runs, failing: ${full.failing > 0 ? 'yes' : 'no'}/${pruned.failing > 0 ? 'yes' : 'no'})`,
    });
  }
  // Thread symmetry: with two threads every class of renamings has two schedules, so the ratio is 2 exactly.
  for (const id of ['f1-cwd-env', 'f2-mutation-session']) {
    const scenario = EXAMPLES.find((example) => example.id === id)!.scenario;
    const full = explore(scenario, { prune: false, threads: 2, maxSchedules: 10_000_000 });
    const pruned = explore(scenario, { threads: 2, maxSchedules: 10_000_000 });
    lines.push({
      name: `pruning ratio, ${id} (${scenario.run.mode}), threads: 2`,
      measured: `${fmt(full.schedules / pruned.runs, 1)}x (${full.schedules.toLocaleString('en-US')} → ${pruned.runs.toLocaleString('en-US')} runs, failing: ${full.failing > 0 ? 'yes' : 'no'}/${pruned.failing > 0 ? 'yes' : 'no'})`,
    });
  }
  return lines;
}
