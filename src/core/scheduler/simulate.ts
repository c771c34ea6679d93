// `simulate(scenario)`: the one entry point from a Scenario to a ScenarioSimulation (compile the programs into
// tasks, run them on the simulated LocalSet with a trace). Plus the explorer's prepared fast path.
// Never throws on bad programs: they become diagnostics. Depends on ./compile.ts and ./run.ts.
import type { Scenario } from '../scenario/types.ts';
import { compileCutSentence, compileScenario, type TaskDiagnostic } from './compile.ts';
import { legendOf } from './counts.ts';
import type { ExecMode } from './executor.ts';
import type { TaskSet } from './ops.ts';
import {
  createFastSimulation,
  runTaskSet,
  type FastSimulation,
  type RunOptions,
  type RunSchedule,
  type TracedRun,
} from './run.ts';

/** Overrides of the scenario's run settings (the CLI's `--mode`, the UI's interactive picks, the explorer). */
export interface SimulateOptions {
  mode?: ExecMode;
  schedule?: RunSchedule;
  ignoreLatency?: boolean;
  maxSteps?: number;
  /** Overrides `run.threads` (the CLI's `--threads`, the UI's threads selector). */
  threads?: number;
}

/** A simulation of a scenario: the trace and summary, plus diagnostics about programs that could not be used. */
export interface ScenarioSimulation extends TracedRun {
  diagnostics: TaskDiagnostic[];
}

/** The run options a scenario (plus overrides) gives. */
export function runOptionsOf(scenario: Scenario, options: SimulateOptions = {}): RunOptions {
  return {
    mode: options.mode ?? scenario.run.mode,
    captured: scenario.run.captured,
    schedule: options.schedule ?? scenario.run.schedule,
    maxSteps: options.maxSteps ?? scenario.run.maxSteps,
    enforceAtSpawn: scenario.run.enforceAtSpawn,
    ignoreLatency: options.ignoreLatency ?? false,
    threads: options.threads ?? scenario.run.threads ?? 1,
  };
}

/** Compiles and runs a (normalized, validated) scenario with a full trace. Same scenario + options ⇒ an
 * identical result (byte-identical JSON). A compile that left part of a program out (S552, S559) makes the run
 * incomplete: its summary says so first, and is not `completed`. */
export function simulate(scenario: Scenario, options: SimulateOptions = {}): ScenarioSimulation {
  const compiled = compileScenario(scenario);
  const run = runTaskSet(compiled.taskSet, runOptionsOf(scenario, options));
  const cut = compileCutSentence(compiled.diagnostics);
  if (cut === null) return { ...run, diagnostics: compiled.diagnostics };
  const legend = legendOf(run.markers, false);
  const summary = { ...run.summary, completed: false, cut, message: `${cut} ${run.summary.message}` };
  return { ...run, legend, summary, diagnostics: compiled.diagnostics };
}

/** The explorer's fast path: compile once, then `run(choose)` as often as needed, without a trace. */
export function prepareFastSimulation(
  scenario: Scenario,
  options: SimulateOptions = {},
): { simulation: FastSimulation; taskSet: TaskSet; diagnostics: TaskDiagnostic[] } {
  const compiled = compileScenario(scenario);
  const simulation = createFastSimulation(
    compiled.taskSet,
    runOptionsOf(scenario, { ignoreLatency: true, ...options }),
  );
  return { simulation, taskSet: compiled.taskSet, diagnostics: compiled.diagnostics };
}
