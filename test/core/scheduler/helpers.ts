// Helpers for scheduler tests: build hand-written task sets the way the seed's tests are written.
import {
  DEFAULT_RUN_OPTIONS,
  runTaskSet,
  type Op,
  type RunOptions,
  type TracedRun,
  type TaskProgram,
} from '../../../src/core/scheduler/index.ts';

export function task(name: string, ops: Op[]): TaskProgram {
  return { name, role: 'task', ops, refusal: null };
}

/** Spawns every task from the outer thread (like `spawn_local` in the seed's `LocalSet`) and runs them. */
export function runRoots(tasks: TaskProgram[], options: Partial<RunOptions> = {}): TracedRun {
  return runTaskSet({ tasks, roots: tasks.map((_, i) => i) }, { ...DEFAULT_RUN_OPTIONS, ...options });
}

/** What each `read` op of a task observed, in order. */
export function observedReads(result: TracedRun, taskName: string): string[] {
  return result.steps.flatMap((step) =>
    step.kind === 'read' && step.task === taskName && step.access === 'read' ? [step.observed] : [],
  );
}
