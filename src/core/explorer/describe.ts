// Turns one failing schedule (task picks) into what a person reads and the stepper replays: the replay
// scenario (the same scenario with `picks` and zero latencies, exactly the explorer's model), its cross-wires
// from a traced simulation, and the schedule described by await sites, which survive edits better than
// step numbers. Pure; depends on the scheduler and scenario types.
import { createLineIndex, type LineIndex } from '../diagnostics.ts';
import type { Scenario } from '../scenario/types.ts';
import { createRunner, type ExecConfig, type ExecMode } from '../scheduler/executor.ts';
import type { TaskSet } from '../scheduler/ops.ts';
import { simulate } from '../scheduler/simulate.ts';

/** Where a picked task resumes: after an await at a source line, or at its start. */
export interface ScheduleSite {
  task: string;
  /** The await (or `join`) it resumes after; null = its first poll. */
  after: string | null;
  /** 1-based line of that await in the task's own program; null for life-cycle awaits with no source. */
  line: number | null;
}

/** A cross-wire of a failing schedule, as `simulate --json` prints it, plus its consequence. */
export interface ExploreCrosswire {
  step: number;
  task: string;
  slot: string;
  expected: string;
  observed: string;
  consequence: string;
}

/** One failing schedule, replayable with `replayScenario(scenario, failure.picks)`. */
export interface ExploreFailure {
  /** Task names chosen at each choice point, in order. */
  picks: string[];
  /** Switches away from a task that could have continued. */
  preemptions: number;
  /** Choice points in the schedule. */
  length: number;
  crosswires: ExploreCrosswire[];
  /** Slot names the outer thread does not get back. */
  leaks: string[];
  panics: string[];
  /** The picks up to the first cross-wire, by await site: `alpha: after llm_call at line 2 → beta: start → …`. */
  description: string;
  sites: ScheduleSite[];
}

/** The scenario the stepper replays a schedule with: same programs, `picks`, every latency 0 (so every
 * unfinished task is ready at every choice point, as in the explorer). */
export function replayScenario(scenario: Scenario, picks: readonly string[], mode: ExecMode = scenario.run.mode): Scenario {
  const latency = Object.fromEntries(Object.keys(scenario.run.latency).map((key) => [key, 0])) as Scenario['run']['latency'];
  return { ...scenario, run: { ...scenario.run, mode, schedule: { kind: 'picks', picks: [...picks] }, latency } };
}

function siteText(site: ScheduleSite): string {
  if (site.after === null) return `${site.task}: start`;
  return `${site.task}: after ${site.after}${site.line === null ? ' (life cycle)' : ` at line ${site.line}`}`;
}

/** Describes and replays one failing schedule (task indices) of a compiled scenario. */
export function describeFailure(
  scenario: Scenario,
  taskSet: TaskSet,
  exec: ExecConfig,
  picks: readonly number[],
  preemptions: number,
): ExploreFailure {
  const names = taskSet.tasks.map((task) => task.name);
  const sources = [scenario.parent.source, ...scenario.children.map((child) => child.source)];
  const lines: (LineIndex | null)[] = sources.map(() => null);
  const lineOf = (t: number, start: number): number => {
    const index = lines[t] ?? (lines[t] = createLineIndex(sources[t] ?? ''));
    return index.position(start).line;
  };

  // Walk the schedule on the fast path, noting each choice point's step and the picked task's resume site.
  const runner = createRunner(taskSet, { ...exec, ignoreLatency: true });
  const sites: ScheduleSite[] = [];
  const stepsAt: number[] = [];
  let k = 0;
  const outcome = runner.run((ready, state) => {
    const t = picks[k++];
    const at = t === undefined ? 0 : Math.max(0, ready.indexOf(t));
    const chosen = ready[at]!;
    const pc = state.tasks[chosen]!.pc;
    const prev = pc > 0 ? taskSet.tasks[chosen]!.ops[pc - 1]! : null;
    const after = prev === null ? null : prev.op === 'await' ? prev.what : prev.op;
    const line = prev?.span ? lineOf(chosen, prev.span.start) : null;
    sites.push({ task: names[chosen]!, after, line });
    stepsAt.push(state.steps);
    return at;
  }, null);

  let shown = sites.length;
  if (outcome.firstCrosswireStep >= 0) {
    shown = 0;
    while (shown < stepsAt.length && stepsAt[shown]! <= outcome.firstCrosswireStep) shown++;
  }
  const text = sites.slice(0, shown).map(siteText);
  if (shown < sites.length) text.push('…');

  const picked = picks.map((t) => names[t]!);
  const replay = simulate(replayScenario(scenario, picked, exec.mode));
  return {
    picks: picked,
    preemptions,
    length: picks.length,
    crosswires: replay.summary.crosswires.map(({ step, task, slot, expected, observed, consequence }) => ({ step, task, slot, expected, observed, consequence })),
    leaks: replay.summary.leaks,
    panics: replay.summary.panics,
    description: text.join(' → '),
    sites: sites.slice(0, shown),
  };
}
