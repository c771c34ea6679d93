// Turns one failing schedule (task picks) into what a person reads and the stepper replays: the replay
// scenario (the same scenario with `picks` and zero latencies, exactly the explorer's model), its cross-wires
// from a traced simulation, and the schedule described by await sites, which survive edits better than
// step numbers. With several threads a pick names its thread ("alpha@2") and each site its thread.
// Pure; depends on the scheduler and scenario types.
import { createLineIndex, type LineIndex } from '../diagnostics.ts';
import { pickOf } from '../scenario/picks.ts';
import type { Scenario } from '../scenario/types.ts';
import { createRunner, type ExecConfig, type ExecMode } from '../scheduler/executor.ts';
import type { TaskSet } from '../scheduler/ops.ts';
import { eventSteps, stepNumber } from '../scheduler/moment.ts';
import { simulate } from '../scheduler/simulate.ts';
import { failureSummaryOf } from './verdict.ts';

/** Where a picked task resumes: after an await at a source line, or at its start. */
export interface ScheduleSite {
  task: string;
  /** The await (or `join`) it resumes after; null = its first poll. */
  after: string | null;
  /** 1-based line of that await in the task's own program; null for life-cycle awaits with no source. */
  line: number | null;
  /** Several threads only: the thread (1-based) that polls it, and the one it last ran on (its spawner's
   * before its first poll); they differ at a migration. */
  thread?: number;
  from?: number;
}

/** A cross-wire of a failing schedule, as `simulate --json` prints it, plus its consequence. */
export interface ExploreCrosswire {
  /** The trace index in the replay (what `--json` prints). */
  step: number;
  /** The number a person reads for it in the replay, as the stepper numbers it: the event step ("13", "13.4"). */
  at: string;
  task: string;
  slot: string;
  expected: string;
  observed: string;
  consequence: string;
  /** Several threads only: the thread (1-based) the read ran on. */
  thread?: number;
  /** Several threads only: `sibling` (a task polled on the same thread left the value) or `migration` (the task
   * had run on another thread, where its own values stayed). */
  cause?: 'sibling' | 'migration';
}

/** One failing schedule, replayable with `replayScenario(scenario, failure.picks)`. */
export interface ExploreFailure {
  /** Task names chosen at each choice point, in order; with several threads `name@thread` (1-based). */
  picks: string[];
  /** Switches away from a task that could have continued. */
  preemptions: number;
  /** Several threads only: polls on another thread than the task's last (its spawner's before its first). */
  migrations?: number;
  /** Choice points in the schedule. */
  length: number;
  crosswires: ExploreCrosswire[];
  /** Slot names the outer thread does not get back. */
  leaks: string[];
  panics: string[];
  /** The picks up to the first cross-wire, by await site: `alpha: after llm_call at line 2 → beta: start → …`. */
  description: string;
  /** Its counts in one line (verdict.ts `failureSummaryOf`): "2 preemptions · 6 choices · 2 cross-wires". */
  summary: string;
  sites: ScheduleSite[];
}

/** The scenario the stepper replays a schedule with: same programs, `picks`, every latency 0 (so every
 * unfinished task is ready at every choice point, as in the explorer). */
export function replayScenario(scenario: Scenario, picks: readonly string[], mode: ExecMode = scenario.run.mode): Scenario {
  const latency = Object.fromEntries(Object.keys(scenario.run.latency).map((key) => [key, 0])) as Scenario['run']['latency'];
  return { ...scenario, run: { ...scenario.run, mode, schedule: { kind: 'picks', picks: [...picks] }, latency } };
}

function siteText(site: ScheduleSite): string {
  const moved = site.thread !== site.from ? `, moved to thread ${site.thread}` : '';
  if (site.after === null) return `${site.task}: start${moved}`;
  return `${site.task}: after ${site.after}${site.line === null ? ' (life cycle)' : ` at line ${site.line}`}${moved}`;
}

/** Describes and replays one failing schedule of a compiled scenario: its options per choice point, `task +
 * tasks * thread` (with one thread, task indices). `scenario.run.threads` must be the explored count. */
export function describeFailure(
  scenario: Scenario,
  taskSet: TaskSet,
  exec: ExecConfig,
  picks: readonly number[],
  preemptions: number,
  migrations: number,
): ExploreFailure {
  const names = taskSet.tasks.map((task) => task.name);
  const n = names.length;
  const multi = (scenario.run.threads ?? 1) > 1;
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
    const entry = picks[k++];
    const task = entry === undefined ? -1 : entry % n;
    const at = Math.max(0, ready.indexOf(task));
    const f = entry === undefined ? 0 : Math.max(0, state.free.indexOf((entry - task) / n));
    const chosen = ready[at]!;
    const pc = state.tasks[chosen]!.pc;
    const prev = pc > 0 ? taskSet.tasks[chosen]!.ops[pc - 1]! : null;
    const after = prev === null ? null : prev.op === 'await' ? prev.what : prev.op;
    const line = prev?.span ? lineOf(chosen, prev.span.start) : null;
    const site: ScheduleSite = { task: names[chosen]!, after, line };
    if (multi) {
      site.thread = state.free[f]! + 1;
      site.from = state.tasks[chosen]!.thread + 1;
    }
    sites.push(site);
    stepsAt.push(state.steps);
    return at + ready.length * f;
  }, null);

  let shown = sites.length;
  if (outcome.firstCrosswireStep >= 0) {
    shown = 0;
    while (shown < stepsAt.length && stepsAt[shown]! <= outcome.firstCrosswireStep) shown++;
  }
  const text = sites.slice(0, shown).map(siteText);
  if (shown < sites.length) text.push('…');

  const picked = picks.map((entry) => (multi ? pickOf(names[entry % n]!, Math.floor(entry / n) + 1) : names[entry]!));
  const replay = simulate(replayScenario(scenario, picked, exec.mode));
  const events = eventSteps(replay.steps);
  const { crosswires, leaks, panics, status, steps } = replay.summary;
  const summary = failureSummaryOf({
    preemptions,
    length: picks.length,
    ...(multi ? { migrations } : {}),
    crosswires: crosswires.length,
    leaks: leaks.length,
    panics: panics.length,
    countedSteps: status === 'step-limit' ? steps : null,
  });
  return {
    picks: picked,
    preemptions,
    ...(multi ? { migrations } : {}),
    length: picks.length,
    crosswires: crosswires.map(({ step, task, slot, expected, observed, consequence, thread, cause }) => {
      const at = stepNumber(events, step);
      return multi
        ? { step, at, task, slot, expected, observed, consequence, thread: thread!, cause: cause! }
        : { step, at, task, slot, expected, observed, consequence };
    }),
    leaks,
    panics,
    description: text.join(' → '),
    summary,
    sites: sites.slice(0, shown),
  };
}
