// The explorer (DESIGN §4): every interleaving of a scenario's tasks (and with several threads every thread
// choice), latencies ignored, searched by increasing cost bound (preemptions, plus migrations) with sleep-set
// or thread-symmetry pruning, in resumable slices so a worker can post progress and cancel between them (core
// has no timers). Failing schedules come back described by await sites and replayable as `picks` schedules.
// Pure; depends on the scheduler, scenario types and ./search, ./describe.
import { MAX_KEPT_FAILURES, MAX_REPORTED_FAILURES, MAX_THREADS } from '../scenario/limits.ts';
import type { Scenario } from '../scenario/types.ts';
import { compileCutSentence, compileScenario, type TaskDiagnostic } from '../scheduler/compile.ts';
import type { ExecConfig, ExecMode, ExecOutcome, ExecStatus } from '../scheduler/executor.ts';
import { execConfigOf, runOptionsOf } from '../scheduler/index.ts';
import { describeFailure, type ExploreFailure } from './describe.ts';
import {
  createSearchEngine,
  isFailingOutcome,
  type RunKind,
  type RunRecord,
  type SearchEngine,
} from './search.ts';

import { groupFailures, type FailureGroup } from './groups.ts';
import { simulate } from '../scheduler/simulate.ts';
import { boundTextOf, exploreMessage, exploreVerdict, phaseTextOf, type ExploreVerdict } from './verdict.ts';
import { pickOf } from '../scenario/picks.ts';

export { replayScenario, type ExploreCrosswire, type ExploreFailure, type ScheduleSite } from './describe.ts';
export { groupFailures, type FailureGroup } from './groups.ts';
export { exploreVerdict, exploreMessage, type ExploreVerdict, type VerdictFacts, type VerdictTone } from './verdict.ts';
export { exploreInSlices, nextSliceRuns, EXPLORE_SLICE, type SliceHost } from './slices.ts';

/** Runs per exploration unless told otherwise: about one second at the fast path's budget (≥ 100k
 * schedules/s), enough to finish every lesson and any fan-out up to ~3 children × 3 awaits unpruned. */
export const DEFAULT_MAX_SCHEDULES = 100_000;

export { MAX_REPORTED_FAILURES } from '../scenario/limits.ts';

/** With sleep-set pruning on, a tenth of the budget is kept back to prove the first failure has the fewest
 * preemptions (an unpruned pass over the lower bounds; sleep sets may pick a representative with more). */
const VERIFY_SHARE = 10;

export interface ExploreOptions {
  /** Overrides the scenario's `run.mode`. */
  mode?: ExecMode;
  /** Budget of runs (default {@link DEFAULT_MAX_SCHEDULES}). */
  maxSchedules?: number;
  /** Pruning of equivalent schedules (default true): sleep sets with one thread, thread symmetry with several. */
  prune?: boolean;
  /** Overrides the scenario's `run.threads` (1–4; the CLI's `--threads`). */
  threads?: number;
  /** Failing schedules kept and described (default {@link MAX_REPORTED_FAILURES}, at most MAX_KEPT_FAILURES). */
  maxFailures?: number;
  /** Live saved executor states at most (default: the engine's); 0 re-runs every branch from the start
   * (the benchmark's peer). Changes only the speed, never the schedules or their order. */
  maxSavedStates?: number;
  /** Slots of stored branches waiting for a costlier bound (default: the engine's, MAX_FRONTIER_SLOTS; tests
   * set it small). Past it the order within a bound changes, never which schedules are run. */
  maxFrontierSlots?: number;
  /** Sees every complete schedule run (tests and benchmarks; not for postMessage). */
  onSchedule?: (schedule: ExploredSchedule) => void;
}

/** One complete schedule the explorer ran (given to `onSchedule`). */
export interface ExploredSchedule {
  phase: 'search' | 'verify';
  /** Task names, with several threads `name@thread` (1-based). */
  picks: string[];
  preemptions: number;
  /** Polls on another thread than the task's last (0 with one thread). */
  migrations: number;
  failing: boolean;
  status: ExecStatus;
  outcome: ExecOutcome;
}

export type ExplorePhase = 'search' | 'verify' | 'done';

/** Where an exploration stands after a slice: plain data for a progress post. */
export interface ExploreProgress {
  kind: 'explore-progress';
  phase: ExplorePhase;
  done: boolean;
  /** Runs so far (complete schedules, plus runs cut short as redundant by the sleep sets). */
  runs: number;
  schedules: number;
  failing: number;
  /** The cost bound being searched (preemptions, plus migrations with several threads). */
  bound: number;
  /** Branches still waiting. */
  frontier: number;
  maxSchedules: number;
  /** What the search is doing, in words (verdict.ts `phaseTextOf`): "searching schedules with up to 2 preemptions". */
  phaseText: string;
  /** `bound` named for what it counts (verdict.ts `boundTextOf`): "preemption bound 2". */
  boundText: string;
}

/** What an exploration found. Plain data. */
export interface ExploreResult {
  kind: 'explore-result';
  mode: ExecMode;
  /** Several threads only: how many (picks then name a thread, "alpha@2"). */
  threads?: number;
  pruned: boolean;
  /** Complete schedules run (with `prune: false` and `complete`, every distinct schedule exactly once). */
  schedules: number;
  runs: number;
  /** Runs stopped as redundant (every way on was equivalent to a schedule explored elsewhere). */
  blocked: number;
  /** Runs that hit `run.maxSteps` (their verdict is unknown, so the search is not complete). */
  stepLimited: number;
  /** Every schedule was run or soundly pruned; false when cut by the budget, a step limit or cancel. */
  complete: boolean;
  cancelled: boolean;
  /** Failing schedules run (distinct). */
  failing: number;
  first_failing: ExploreFailure | null;
  /** Up to `maxFailures` failing schedules, cheapest first (fewest preemptions + migrations), then shortest. */
  failures: ExploreFailure[];
  /** The kept failures grouped by what goes wrong, the scenario's own first cross-wired slot first (groups.ts);
   * `verdict.groupsCover` says when they are fewer than `failing`. */
  groups: FailureGroup[];
  /** No schedule that costs less than `first_failing` (preemptions, plus migrations) fails: proved by the
   * unpruned search's order, or by an unpruned pass after sleep-set pruning. */
  firstFailingMinimal: boolean;
  /** The highest cost bound reached. */
  bound: number;
  /** `bound` named for what it counts: "preemption bound 2", with several threads "cost bound 2 (preemptions +
   * migrations)". */
  boundText: string;
  diagnostics: TaskDiagnostic[];
  /** What it found, in words (./verdict.ts): the page shows these, and `message` is made of them. */
  verdict: ExploreVerdict;
  /** One sentence: what the search covered and found (what the CLI prints). */
  message: string;
}

/** A resumable exploration: call `run(n)` until `done`, checking a cancel flag between slices. */
export interface Explorer {
  /** Does at most `maxRuns` more runs and reports progress. */
  run(maxRuns: number): ExploreProgress;
  progress(): ExploreProgress;
  cancel(): void;
  /** The result so far (final once `done`). */
  result(): ExploreResult;
}

interface Kept {
  picks: number[];
  preemptions: number;
  migrations: number;
  order: number;
}

function better(a: Kept, b: Kept): boolean {
  return ranksBefore(a.preemptions + a.migrations, a.picks.length, a.order, b);
}

function ranksBefore(cost: number, length: number, order: number, b: Kept): boolean {
  const other = b.preemptions + b.migrations;
  if (cost !== other) return cost < other;
  if (length !== b.picks.length) return length < b.picks.length;
  return order < b.order;
}

/** The scenario with `run.threads` overridden (clamped to 1–4, kept only when > 1, as normalized scenarios keep
 * it), or as it is when `threads` is undefined (the CLI's `--threads`). */
export function scenarioWithThreads(scenario: Scenario, threads: number | undefined): Scenario {
  if (threads === undefined) return scenario;
  const count = Math.max(1, Math.min(MAX_THREADS, Math.floor(threads)));
  const { threads: _old, ...run } = scenario.run;
  return { ...scenario, run: count > 1 ? { ...run, threads: count } : run };
}

/** What an exploration is over and within: the scenario (threads applied), its compile, the executor config,
 * the budgets, and how picks are named. */
function explorationOf(input: Scenario, options: ExploreOptions) {
  const scenario = scenarioWithThreads(input, options.threads);
  const compiled = compileScenario(scenario);
  const runOptions = runOptionsOf(scenario, { ignoreLatency: true, ...(options.mode ? { mode: options.mode } : {}) });
  const exec: ExecConfig = execConfigOf(runOptions, compiled.taskSet.slots);
  const maxSchedules = Math.max(1, Math.floor(options.maxSchedules ?? DEFAULT_MAX_SCHEDULES));
  const prune = options.prune ?? true;
  const names = compiled.taskSet.tasks.map((task) => task.name);
  const threads = scenario.run.threads ?? 1;
  const n = names.length;
  const pickName =
    threads > 1 ? (entry: number) => pickOf(names[entry % n]!, Math.floor(entry / n) + 1) : (entry: number) => names[entry]!;
  // Thread symmetry keeps the cheapest schedule of each class when there is one root (see search.ts); sleep sets
  // need the verify pass.
  const pruneKeepsCost = threads > 1 && compiled.taskSet.roots.length === 1;
  return {
    scenario,
    compiled,
    exec,
    maxSchedules,
    prune,
    maxFailures: Math.min(MAX_KEPT_FAILURES, Math.max(1, options.maxFailures ?? MAX_REPORTED_FAILURES)),
    threads,
    pickName,
    pruneKeepsCost,
    searchBudget: prune && !pruneKeepsCost ? Math.max(1, maxSchedules - Math.floor(maxSchedules / VERIFY_SHARE)) : maxSchedules,
    saving: {
      ...(options.maxSavedStates === undefined ? {} : { maxSavedStates: options.maxSavedStates }),
      ...(options.maxFrontierSlots === undefined ? {} : { maxFrontierSlots: options.maxFrontierSlots }),
    },
  };
}

/** Keeps failing run `record` (the `failing`-th) among the best `maxFailures` of `kept`, cheapest first; false
 * when it ranks below all of them. */
function keepFailure(kept: Kept[], record: RunRecord, maxFailures: number, failing: number): boolean {
  // Most failing runs rank below every kept one: judged before their picks are copied.
  const last = kept[kept.length - 1];
  const cost = record.preemptions + record.migrations;
  if (kept.length >= maxFailures && !ranksBefore(cost, record.picks.length, failing, last!)) return false;
  const entry: Kept = {
    picks: record.picks.slice(),
    preemptions: record.preemptions,
    migrations: record.migrations,
    order: failing,
  };
  let at = kept.length;
  while (at > 0 && better(entry, kept[at - 1]!)) at--;
  kept.splice(at, 0, entry);
  if (kept.length > maxFailures) kept.pop();
  return true;
}

export function createExplorer(input: Scenario, options: ExploreOptions = {}): Explorer {
  const { scenario, compiled, exec, maxSchedules, prune, maxFailures, threads, pickName, pruneKeepsCost, searchBudget, saving } =
    explorationOf(input, options);
  let phase: ExplorePhase = 'search';
  let engine: SearchEngine = createSearchEngine(compiled.taskSet, exec, {
    prune,
    maxBound: Infinity,
    stopAfterFailingBucket: false,
    ...saving,
  });
  let runs = 0;
  let schedules = 0;
  let blocked = 0;
  let stepLimited = 0;
  let failing = 0;
  let searchComplete = false;
  let verified = false;
  let cancelled = false;
  let maxBound = 0;
  const kept: Kept[] = [];
  let described: ExploreFailure[] | null = null;

  const visit = (kind: RunKind, record: RunRecord): void => {
    runs++;
    if (kind === 'blocked') {
      blocked++;
      return;
    }
    if (kind === 'step-limit') stepLimited++;
    schedules++;
    const isFailing = isFailingOutcome(record.outcome);
    if (isFailing) {
      if (keepFailure(kept, record, maxFailures, failing)) described = null;
      failing++;
    }
    if (options.onSchedule) {
      options.onSchedule({
        phase: phase === 'verify' ? 'verify' : 'search',
        picks: record.picks.map(pickName),
        preemptions: record.preemptions,
        migrations: record.migrations,
        failing: isFailing,
        status: record.outcome.status,
        outcome: record.outcome,
      });
    }
  };

  // After the search: with sleep-set pruning, prove the first failure minimal by an unpruned pass below its
  // cost. The unpruned search and thread symmetry need none: buckets are searched cheapest first, and every
  // schedule is run or has a renaming that costs no more and was run (search.ts), so the first failure found
  // is one of the cheapest.
  const finishSearch = (): void => {
    const best = kept[0];
    const bestCost = best ? best.preemptions + best.migrations : 0;
    if (prune && !pruneKeepsCost && best && bestCost > 0 && runs < maxSchedules) {
      phase = 'verify';
      engine = createSearchEngine(compiled.taskSet, exec, {
        prune: false,
        maxBound: bestCost - 1,
        stopAfterFailingBucket: true,
        ...saving,
      });
    } else {
      verified = best !== undefined && (!prune || pruneKeepsCost || bestCost === 0);
      phase = 'done';
    }
  };

  const progress = (): ExploreProgress => ({
    kind: 'explore-progress',
    phase,
    done: phase === 'done',
    runs,
    schedules,
    failing,
    bound: engine.bound,
    frontier: engine.frontier,
    maxSchedules,
    phaseText: phaseTextOf(phase, engine.bound, threads),
    boundText: boundTextOf(engine.bound, threads),
  });

  const run = (maxRuns: number): ExploreProgress => {
    let left = Math.max(0, Math.floor(maxRuns));
    while (left > 0 && phase !== 'done') {
      const budget = phase === 'search' ? searchBudget : maxSchedules;
      const slice = Math.min(left, budget - runs);
      if (slice > 0) left -= engine.runSlice(slice, visit);
      if (phase === 'search') maxBound = Math.max(maxBound, engine.bound);
      if (engine.exhausted) {
        if (phase === 'search') {
          searchComplete = true;
          finishSearch();
        } else {
          verified = true;
          phase = 'done';
        }
      } else if (runs >= budget) {
        if (phase === 'search') finishSearch();
        else phase = 'done';
      }
    }
    return progress();
  };

  const result = (): ExploreResult => {
    described ??= kept.map((k) => describeFailure(scenario, compiled.taskSet, exec, k.picks, k.preemptions, k.migrations));
    // A compile that left part of a program out (S552, S559) explored programs that are not whole: never complete.
    const cut = compileCutSentence(compiled.diagnostics);
    const searched = searchComplete && stepLimited === 0 && !cancelled;
    const complete = searched && cut === null;
    const minimal = described.length > 0 && verified;
    const facts = { complete, searched, cut, cancelled, pruned: prune, threads, schedules, failing, stepLimited, kept: described.length, minimal };
    const verdict = exploreVerdict(facts);
    return {
      kind: 'explore-result',
      mode: exec.mode,
      ...(threads > 1 ? { threads } : {}),
      pruned: prune,
      schedules,
      runs,
      blocked,
      stepLimited,
      complete,
      cancelled,
      failing,
      first_failing: described[0] ?? null,
      failures: described,
      groups: groupFailures(described, described.length > 0 ? leadSlotOf(scenario, exec.mode) : null, threads),
      firstFailingMinimal: minimal,
      bound: maxBound,
      boundText: boundTextOf(maxBound, threads),
      diagnostics: compiled.diagnostics,
      verdict,
      message: exploreMessage(facts, verdict),
    };
  };

  return {
    run,
    progress,
    cancel() {
      cancelled = true;
      phase = 'done';
    },
    result,
  };
}

// The slot the scenario's own run (its schedule, the explored mode) cross-wires first: what its lesson teaches.
function leadSlotOf(scenario: Scenario, mode: ExecMode): string | null {
  return simulate(scenario, { mode }).summary.crosswires[0]?.slot ?? null;
}

/** Explores to the end (or the budget) in one call. */
export function explore(scenario: Scenario, options: ExploreOptions = {}): ExploreResult {
  const explorer = createExplorer(scenario, options);
  while (!explorer.run(10_000).done) {
    // Each slice runs until the budget or the end; the loop ends when the explorer reports done.
  }
  return explorer.result();
}
