// Runs a task set on the executor, with a trace (TracedRun: plain data for postMessage) or on the
// lean fast path (no snapshots, no narration) the explorer calls hundreds of thousands of times.
// Depends on ./executor, ./trace, ./choosers, ./catalog and scenario types.
import type { Schedule } from '../scenario/types.ts';
import { DEFAULT_RUN } from '../scenario/defaults.ts';
import { captureSetIn, SEED_SLOT_TABLE, type SlotTable } from './slotTable.ts';
import { chooseFifo, createPicksChooser, createRandomChooser, type PicksLog } from './choosers.ts';
import {
  createRunner,
  type ChooseFn,
  type ExecConfig,
  type ExecMode,
  type ExecOutcome,
  type ExecStatus,
} from './executor.ts';
import type { TaskRole, TaskSet } from './ops.ts';
import {
  countLabel,
  countsOf,
  legendOf,
  markersOf,
  outerKeeps,
  type LegendEntry,
  type RunCounts,
  type TraceMarker,
} from './counts.ts';
import { createTraceRecorder, type CrosswireRecord, type TraceStep, type ViolationRecord } from './trace.ts';

/** How choice points are resolved: a scenario schedule, or interactive (picks so far, then stop and ask). */
export type RunSchedule = Schedule | { kind: 'interactive'; picks: string[] };

export interface RunOptions {
  mode: ExecMode;
  /** Slot names to swap per poll; null = the catalog's Captured set. */
  captured: readonly string[] | null;
  schedule: RunSchedule;
  maxSteps: number;
  enforceAtSpawn: boolean;
  /** Explorer semantics: awaits take no ticks. */
  ignoreLatency: boolean;
  /** Simulated threads (1: the LocalSet). */
  threads: number;
}

/**
 * The most steps a run with a trace keeps, whatever run.maxSteps allows (the explorer's trace-less runs go to
 * maxSteps). In the worst case we know (test/fixtures/heavy.ts: eight children swapping their scopes on every
 * poll) 50,000 steps take about 160 MB and a second or two, reply included (`npm run bench` prints both), which
 * keeps the worker inside the watchdog's limit for a simulation. Every lesson finishes in under 300 steps.
 */
export const MAX_TRACE_STEPS = 50_000;

/** Defaults for running a hand-built task set (a scenario brings its own). */
export const DEFAULT_RUN_OPTIONS: Readonly<RunOptions> = Object.freeze<RunOptions>({
  mode: 'scoped',
  captured: null,
  schedule: { kind: 'fifo' },
  // The one step bound is the scenario default (DESIGN §5: 100,000), kept in scenario/defaults.ts. Why that
  // number: every lesson finishes in under 300 steps and a long real program in a few thousand, while a
  // 100,000-step trace (snapshots shared copy-on-write) still fits comfortably in a browser tab.
  maxSteps: DEFAULT_RUN.maxSteps,
  enforceAtSpawn: true,
  ignoreLatency: false,
  threads: 1,
});

export interface SimulationSummary {
  status: ExecStatus;
  /** Every task ran to completion (or panicked, or was refused) within the step bound, and the compile left no part
   * of a program out (`cut`). */
  completed: boolean;
  /** Set by `simulate` when the scheduler's compiler left part of a program out (S552, S559): the sentence saying so.
   * The run is then not complete, whatever its status. */
  cut?: string;
  steps: number;
  crosswires: CrosswireRecord[];
  /** Slot names the outer thread does not get back to their initial values. */
  leaks: string[];
  panics: string[];
  refused: string[];
  /** Calls that escaped the parent grant at run time (a refused child run with enforcement at spawn off). */
  violations: ViolationRecord[];
  /** The one count of each (counts.ts): what the legend, the summary sentence, the CLI and the explorer say. */
  counts: RunCounts;
  /** Where interactive scheduling stopped: the tasks the user may pick; null otherwise. */
  awaitingChoice: string[] | null;
  /** Picks that named no ready task (that choice point went FIFO). */
  ignoredPicks: { pick: string; at: number; ready: string[] }[];
  /** One sentence: how the run ended. */
  message: string;
  /** Several threads only: how many, and the polls that ran on another thread than the task's last one. */
  threads?: number;
  migrations?: number;
}

/** One traced run of a task set (`runTaskSet`): its trace, marks and summary; plain data, cloneable across
 * postMessage. `simulate` returns it with the scenario's diagnostics (simulate.ts `ScenarioSimulation`). */
export interface TracedRun {
  tasks: { name: string; role: TaskRole }[];
  /** Slot names in catalog order (snapshots are indexed by these). */
  slots: readonly string[];
  /** The capture set of this run, as slot names (empty in unscoped mode). */
  captured: string[];
  mode: ExecMode;
  steps: TraceStep[];
  /** The scrub bar's marks; their counts add up to `summary.counts`. */
  markers: TraceMarker[];
  /** The scrub bar's legend: the marks' counts added up, in words. */
  legend: LegendEntry[];
  summary: SimulationSummary;
}

/** Resolves capture-set names to slot indices of `table` (the seed's catalog by default); unknown names are
 * dropped (the scenario schema rejects them). */
export function captureSetOf(captured: readonly string[] | null, table: SlotTable = SEED_SLOT_TABLE): number[] {
  return captureSetIn(table, captured);
}

function chooserFor(schedule: RunSchedule, names: readonly string[], log: PicksLog): ChooseFn {
  switch (schedule.kind) {
    case 'fifo':
      return chooseFifo;
    case 'random':
      return createRandomChooser(schedule.seed);
    case 'picks':
      return createPicksChooser(schedule.picks, names, false, log);
    case 'interactive':
      return createPicksChooser(schedule.picks, names, true, log);
  }
}

/** `table`: the task set's slots (`taskSet.slots`), so added slots resolve; the seed's catalog by default. */
export function execConfigOf(options: RunOptions, table: SlotTable = SEED_SLOT_TABLE): ExecConfig {
  return {
    mode: options.mode,
    captureSet: captureSetOf(options.captured, table),
    maxSteps: options.maxSteps,
    enforceAtSpawn: options.enforceAtSpawn,
    ignoreLatency: options.ignoreLatency,
    threads: options.threads,
  };
}

const count = (n: number): string => n.toLocaleString('en-US');

function messageOf(
  outcome: ExecOutcome,
  maxSteps: number,
  names: readonly string[],
  counts: RunCounts,
  leaks: string[],
  threads: number,
  events: number,
): string {
  if (outcome.status === 'step-limit' && maxSteps > MAX_TRACE_STEPS)
    return `Stopped at ${count(MAX_TRACE_STEPS)} steps: a run with a trace keeps at most ${count(MAX_TRACE_STEPS)} steps, though run.maxSteps allows ${count(maxSteps)}; the trace stops there.`;
  if (outcome.status === 'step-limit')
    return `The run did not finish within ${maxSteps} steps (run.maxSteps); the trace stops there.`;
  if (outcome.status === 'awaiting-choice')
    return `Waiting for a choice: ${outcome.ready.map((t) => names[t]).join(', ')} can run next.`;
  const parts: string[] = [];
  parts.push(countLabel('crosswires', counts.crosswires));
  if (counts.violations > 0) parts.push(`${countLabel('violations', counts.violations)} of the parent grant`);
  if (counts.panics > 0) parts.push(countLabel('panics', counts.panics));
  if (counts.refused > 0) parts.push(countLabel('refused', counts.refused));
  if (threads > 1) parts.push(countLabel('migrations', outcome.migrations));
  const clean = threads > 1 ? `every thread's outer values are left clean` : 'the outer thread is left clean';
  const outer = leaks.length === 0 ? clean : `${outerKeeps(threads)} ${countLabel('leaks', counts.leaks)}: ${leaks.join(', ')}`;
  const on = threads > 1 ? ` on ${threads} threads` : '';
  // Counted as the stepper counts (events); the fine steps (every swap and install) in parentheses.
  return `Finished in ${events} steps (${outcome.steps} fine steps)${on}: ${parts.join(', ')}; ${outer}.`;
}

/** Runs a task set with a full trace. */
export function runTaskSet(taskSet: TaskSet, options: RunOptions): TracedRun {
  const table = taskSet.slots ?? SEED_SLOT_TABLE;
  const config = { ...execConfigOf(options, table), maxSteps: Math.min(options.maxSteps, MAX_TRACE_STEPS) };
  const runner = createRunner(taskSet, config);
  const names = taskSet.tasks.map((task) => task.name);
  const log: PicksLog = { used: 0, ignored: [] };
  const recorder = createTraceRecorder(runner.state, taskSet.tasks, options.mode, table.names);
  const outcome = runner.run(chooserFor(options.schedule, names, log), recorder);
  const leaks = outcome.leaks.map((slot) => table.names[slot]!);
  const panics = outcome.panics.map((t) => names[t]!);
  const refused = outcome.refused.map((t) => names[t]!);
  const counts = countsOf({
    crosswires: recorder.crosswires,
    leaks,
    panics,
    refused,
    violations: recorder.violations,
  });
  const markers = markersOf(recorder.steps, recorder.crosswires);
  return {
    tasks: taskSet.tasks.map((task) => ({ name: task.name, role: task.role })),
    slots: table.names,
    captured: options.mode === 'unscoped' ? [] : config.captureSet.map((slot) => table.names[slot]!),
    mode: options.mode,
    steps: recorder.steps,
    markers,
    legend: legendOf(markers, outcome.status === 'finished'),
    summary: {
      status: outcome.status,
      completed: outcome.status === 'finished',
      steps: outcome.steps,
      crosswires: recorder.crosswires,
      leaks,
      panics,
      refused,
      violations: recorder.violations,
      counts,
      awaitingChoice: outcome.status === 'awaiting-choice' ? outcome.ready.map((t) => names[t]!) : null,
      ignoredPicks: log.ignored,
      message: messageOf(
        outcome,
        options.maxSteps,
        names,
        counts,
        leaks,
        config.threads ?? 1,
        recorder.steps.reduce((n, step) => (step.event ? n + 1 : n), 0),
      ),
      ...((config.threads ?? 1) > 1 ? { threads: config.threads, migrations: outcome.migrations } : {}),
    },
  };
}

/** The explorer's fast path: one prepared runner, run again and again with a choice function; no trace. */
export interface FastSimulation {
  names: readonly string[];
  run(choose: ChooseFn): ExecOutcome;
}

export function createFastSimulation(taskSet: TaskSet, options: RunOptions): FastSimulation {
  const runner = createRunner(taskSet, execConfigOf(options, taskSet.slots));
  return { names: taskSet.tasks.map((task) => task.name), run: (choose) => runner.run(choose, null) };
}
