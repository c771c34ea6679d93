// A goal checked against one run: each term decided from the run's own records (the summary's cross-wires, leaks,
// refusals, violations and panics, the trace's migrations), so the verdict says what the stepper and the CLI
// count. A claim needs its evidence: a run cut short or waiting for a choice establishes what it found, never an
// absence (a `not`, a leak, a clean run): those are unknown until the run ends. Pure; depends on the scheduler's
// result types and ./types.ts.
import { eventSteps, stepNumber } from '../scheduler/moment.ts';
import type { TracedRun } from '../scheduler/run.ts';
import type { Scenario } from '../scenario/types.ts';
import type { GoalTerm, GoalTermVerdict, GoalVerdict, ScenarioGoal } from './types.ts';

type Run = Pick<TracedRun, 'steps' | 'summary'>;

/** `a cross-wire on VM_EXECUTION_CONTEXT read by gamma`, `no leak of TRUSTED_BRIDGE_CALL_DEPTH`. */
export function goalTermText(term: GoalTerm): string {
  if (term.kind === 'clean') return 'a clean run (no cross-wire, leak, panic, refusal or violation)';
  const a = term.not ? 'no ' : 'a ';
  const by = 'task' in term && term.task !== undefined ? term.task : null;
  const slot = 'slot' in term && term.slot !== undefined ? term.slot : null;
  switch (term.kind) {
    case 'crosswire':
      return `${a}cross-wire${slot ? ` on ${slot}` : ''}${by ? ` read by ${by}` : ''}`;
    case 'leak':
      return `${a}leak${slot ? ` of ${slot}` : ''}`;
    case 'refusal':
      return by ? `${term.not ? `${by} not` : by} refused at spawn` : `${a}refusal at spawn`;
    case 'violation':
      return `${a}violation of the parent's grant${by ? ` by ${by}` : ''}`;
    case 'migration':
      return `${a}migration${by ? ` of ${by}` : ''} to another thread`;
    case 'panic':
      return by ? `${term.not ? `${by} not panicking` : `${by} panicking`}` : `${a}panic`;
  }
}

/** The goal in one sentence: `Find a schedule with a cross-wire on VM_EXECUTION_CONTEXT read by alpha.` */
export function goalSentence(goal: ScenarioGoal): string {
  const terms = goal.all.map(goalTermText);
  const list = terms.length === 1 ? terms[0]! : `${terms.slice(0, -1).join(', ')} and ${terms[terms.length - 1]}`;
  return goal.verb === 'find' ? `Find a schedule with ${list}.` : `Change the scenario so that its run has ${list}.`;
}

interface Evidence {
  step: number;
  why: string;
}

// Every record of the term's kind that matches its task and slot, first first.
function evidenceOf(term: Exclude<GoalTerm, { kind: 'clean' }>, run: Run): Evidence[] {
  const { summary, steps } = run;
  const task = 'task' in term ? term.task : undefined;
  const matches = (name: string | null) => task === undefined || name === task;
  const outer = steps.findIndex((s) => s.kind === 'outer-check');
  switch (term.kind) {
    case 'crosswire':
      return summary.crosswires
        .filter((c) => matches(c.task) && (term.slot === undefined || c.slot === term.slot))
        .map((c) => ({ step: c.step, why: `${c.task} read ${c.slot} = ${c.observed} (its own: ${c.expected})` }));
    case 'leak':
      return summary.leaks
        .filter((slot) => term.slot === undefined || slot === term.slot)
        .map((slot) => ({ step: Math.max(0, outer), why: `the outer thread keeps ${slot}` }));
    case 'refusal':
      return summary.refused
        .filter((child) => matches(child))
        .map((child) => ({ step: Math.max(0, steps.findIndex((s) => s.kind === 'refuse' && s.child === child)), why: `${child} is refused at spawn` }));
    case 'violation':
      return summary.violations.filter((v) => matches(v.task)).map((v) => ({ step: v.step, why: `${v.task}'s ${v.call} escapes the grant` }));
    case 'panic':
      return summary.panics
        .filter((name) => matches(name))
        .map((name) => ({ step: Math.max(0, steps.findIndex((s) => s.kind === 'panic' && s.task === name)), why: `${name} panics` }));
    case 'migration':
      return steps.flatMap((s) =>
        s.kind === 'poll-enter' && s.migration && matches(s.task) ? [{ step: s.index, why: `${s.task} resumes on thread ${s.thread ?? 1}` }] : [],
      );
  }
}

function termVerdict(term: GoalTerm, run: Run): GoalTermVerdict {
  const text = goalTermText(term);
  const ended = run.summary.completed;
  const cut =
    run.summary.status === 'awaiting-choice'
      ? 'the run waits for a choice'
      : run.summary.cut !== undefined
        ? "the scheduler's compiler cut a program (S552, S559), so part of it was not simulated"
        : 'the run stopped at its step bound';
  if (term.kind === 'clean') {
    const { counts } = run.summary;
    const bad = counts.crosswires + counts.leaks + counts.panics + counts.refused + counts.violations;
    if (bad > 0) return { text, holds: false, why: run.summary.message, step: null };
    return ended ? { text, holds: true, why: run.summary.message, step: null } : { text, holds: null, why: `${cut}, so its end is not known`, step: null };
  }
  const found = evidenceOf(term, run);
  const first = found[0];
  // The step a person reads (the event step, "13.4" between events), as the stepper and the CLI number it.
  const at = first ? stepNumber(eventSteps(run.steps), first.step) : '';
  if (term.not) {
    if (first) return { text, holds: false, why: `${first.why} at step ${at}`, step: first.step };
    return ended ? { text, holds: true, why: 'none in this run', step: null } : { text, holds: null, why: `none so far, but ${cut}`, step: null };
  }
  if (first) return { text, holds: true, why: `${first.why} at step ${at}`, step: first.step };
  return ended ? { text, holds: false, why: 'none in this run', step: null } : { text, holds: null, why: `none so far, but ${cut}`, step: null };
}

/** What the student changed outside `goal.allow`, comparing `scenario` with the published `baseline`: `the
 * programs`, `the mode`, `the capture set`, `the policies`, `the run settings`. Empty when nothing was. */
export function disallowedChanges(goal: ScenarioGoal, baseline: Scenario, scenario: Scenario): string[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const out: string[] = [];
  const programs = (s: Scenario) => [s.parent.name, s.parent.source, s.children.map((c) => [c.name, c.source]), s.slots ?? null];
  const allowed = (what: ScenarioGoal['allow'][number]) => goal.allow.includes(what);
  if (!allowed('sources') && !same(programs(baseline), programs(scenario))) out.push('the programs');
  // The grant and the published children's ceilings (a child added or removed is a change of the programs).
  const policies = (s: Scenario) => [s.parent.grant, baseline.children.map((b) => s.children.find((c) => c.name === b.name)?.ceiling ?? null)];
  if (!same(policies(baseline), policies(scenario))) out.push('the policies');
  if (!allowed('mode') && baseline.run.mode !== scenario.run.mode) out.push('the mode');
  if (!allowed('capture') && !same(baseline.run.captured, scenario.run.captured)) out.push('the capture set');
  if (!allowed('picks') && !same(baseline.run.schedule, scenario.run.schedule)) out.push('the schedule');
  const rest = (s: Scenario) => [s.run.latency, s.run.enforceAtSpawn, s.run.maxSteps, s.run.threads ?? 1];
  if (!same(rest(baseline), rest(scenario))) out.push('the run settings');
  return out;
}

const ALLOW_WORDS = { picks: 'which task runs next (the picks)', capture: 'the capture set', mode: 'the mode', sources: 'the programs' } as const;

/** `You may change which task runs next (the picks) and the programs.` */
export function goalAllowedText(goal: ScenarioGoal): string {
  return `You may change ${list(goal.allow.map((what) => ALLOW_WORDS[what]))}.`;
}

const list = (items: readonly string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

/** Checks `goal` against `run`, the run of `scenario`; with `baseline` (the challenge as published) a change
 * outside `goal.allow` makes it not met. */
export function evaluateGoal(goal: ScenarioGoal, run: Run, options: { scenario?: Scenario; baseline?: Scenario | null } = {}): GoalVerdict {
  const terms = goal.all.map((term) => termVerdict(term, run));
  const disallowed = options.baseline && options.scenario ? disallowedChanges(goal, options.baseline, options.scenario) : [];
  const failed = terms.filter((t) => t.holds === false);
  const open = terms.filter((t) => t.holds === null);
  const status = disallowed.length > 0 || failed.length > 0 ? 'not-met' : open.length > 0 ? 'unknown' : 'met';
  const message =
    status === 'met'
      ? `Goal met: ${list(terms.map((t) => `${t.text} (${t.why})`))}.`
      : disallowed.length > 0
        ? `Not yet: this challenge does not let you change ${list(disallowed)}.`
        : status === 'not-met'
          ? `Not yet: ${list(failed.map((t) => `${t.text} — ${t.why}`))}.`
          : `Not known yet: ${list(open.map((t) => `${t.text} — ${t.why}`))}.`;
  const badge = status === 'met' ? '✔ goal met' : status === 'not-met' ? '✖ not yet' : '? not known yet';
  return { kind: 'goal-verdict', status, goal: goalSentence(goal), title: goal.title || goalSentence(goal), allowed: goalAllowedText(goal), terms, disallowed, badge, message };
}
