// Expected decisions written in a child's source: `// @expect allowed fs:write (out.txt)`, `// @expect dropped
// net:write`, `// @expect violation llm:write`, `// @expect no-crosswire`. Checked on every edit against the
// analysis (allowed / dropped / violation); no-crosswire needs a run, so it is decided by whoever runs the scenario.
// An effect the program does not request is decided as if it were (a what-if), by the ceiling and the grant.
// An effect pattern `label:scope` without a resource matches every resource. Pure: depends on ./effects.ts.
import { createDiagnostic, type Diagnostic, type Span } from '../diagnostics.ts';
import { effectKindLabel, effectRecordSummary } from './effects.ts';
import { effectsEqual, type EffectRecord } from './types.ts';

export type ExpectationKind = 'allowed' | 'dropped' | 'violation' | 'no-crosswire';

/** One `// @expect …` line. */
export interface Expectation {
  kind: ExpectationKind | null;
  /** What follows `@expect`, as written. */
  text: string;
  /** The effect pattern, for allowed / dropped / violation. */
  pattern: { label: string; scope: string; resource: string | null } | null;
  span: Span;
}

/** An expectation and its outcome: pass, fail, or null when it needs a run that has not been made. */
export interface ExpectationResult extends Expectation {
  pass: boolean | null;
  message: string;
}

const EXPECT_LINE = /^[ \t]*\/\/[ \t]*@expect\b[ \t]*(.*?)[ \t]*$/gm;
const PATTERN = /^([^\s()]+):(read|write|mutate|observe)(?:\s+\((.*)\))?$/;

/** Every `// @expect` comment line of `source`, in order. */
export function parseExpectations(source: string): Expectation[] {
  const out: Expectation[] = [];
  for (const match of source.matchAll(EXPECT_LINE)) {
    const text = match[1]!;
    const start = match.index + match[0].indexOf('//');
    const span = { start, end: match.index + match[0].length };
    const [word = '', ...rest] = text.split(/\s+/);
    const target = rest.join(' ');
    if (word === 'no-crosswire' && target === '') out.push({ kind: 'no-crosswire', text, pattern: null, span });
    else if ((word === 'allowed' || word === 'dropped' || word === 'violation') && PATTERN.test(target)) {
      const [, label, scope, resource] = PATTERN.exec(target)!;
      out.push({ kind: word, text, pattern: { label: label!, scope: scope!, resource: resource ?? null }, span });
    } else out.push({ kind: null, text, pattern: null, span });
  }
  return out;
}

/** Does `effect` match the pattern? The label is the seed's (`llm:anthropic/claude`) or just the kind (`llm`). */
export function expectationMatches(pattern: NonNullable<Expectation['pattern']>, effect: EffectRecord): boolean {
  if (effect.scope !== pattern.scope) return false;
  if (pattern.resource !== null && (effect.resource ?? '') !== pattern.resource) return false;
  return effectKindLabel(effect.kind) === pattern.label || effect.kind.kind === pattern.label;
}

/** What the analysis decided for one program, as the expectations read it. */
export interface ExpectationFacts {
  requested: readonly EffectRecord[];
  dropped: readonly { effect: EffectRecord; reason: string }[];
  granted: readonly EffectRecord[];
  violations: readonly EffectRecord[];
  violationsChecked: boolean;
  /** Effects harn does not see, with why: named when an expectation looks for one of them. */
  unseen?: readonly { effect: EffectRecord | null; reason: string }[];
  /** What the policies would decide for an effect the program does not request (a what-if), or absent when they
   * cannot say (the parent's grant unknown). */
  whatIf?: (effect: EffectRecord) => WhatIfDecision | null;
  /** How a what-if is introduced: `if a child requested it` (the parent's lines); default: the program's own. */
  whatIfLead?: string;
}

/** The decision of the policies for one effect, as if it were requested. */
export interface WhatIfDecision {
  decision: 'allowed' | 'dropped' | 'violation';
  reason: string;
}

/** The effect a pattern names, for a what-if: `fs:write (x)`; without a resource, one whose resource is not
 * statically known (harn's coverage then needs a parent record without a resource). Null for an unknown label. */
export function patternEffect(pattern: NonNullable<Expectation['pattern']>): EffectRecord | null {
  const [kind, ...rest] = pattern.label.split(':');
  const name = rest.join(':');
  let effectKind: EffectRecord['kind'];
  if (kind === 'stdio' || kind === 'fs' || kind === 'net' || kind === 'spawn') {
    if (name !== '') return null;
    effectKind = { kind };
  } else if (kind === 'llm') {
    const [provider, model] = name.split('/');
    effectKind = name === '' ? { kind: 'llm' } : model === undefined ? { kind: 'llm', provider: provider! } : { kind: 'llm', provider: provider!, model };
  } else if (kind === 'tool' || kind === 'hostcall') effectKind = { kind, name };
  else if (kind === 'persona') effectKind = { kind: 'persona', id: name };
  else return null;
  const effect: EffectRecord = { kind: effectKind, scope: pattern.scope as EffectRecord['scope'] };
  if (pattern.resource !== null && pattern.resource !== '') effect.resource = pattern.resource;
  return effect;
}

// An expectation for an effect the program does not request: decided as if it were requested.
function decideWhatIf(e: Expectation, facts: ExpectationFacts, want: string): { pass: boolean; message: string } | null {
  if (!facts.whatIf) return null;
  const seen = [...facts.requested, ...(facts.unseen ?? []).flatMap((u) => (u.effect ? [u.effect] : []))];
  if (seen.some((effect) => expectationMatches(e.pattern!, effect))) return null;
  const effect = patternEffect(e.pattern!);
  if (effect === null) return { pass: false, message: `"${e.pattern!.label}" is not an effect label (stdio, fs, net, llm, tool:NAME, hostcall:NAME, persona:ID, spawn)` };
  const decided = facts.whatIf(effect);
  if (decided === null) return { pass: false, message: `${facts.whatIfLead === undefined ? `the program does not request ${want}` : `no program requests ${want}`}, and without a known parent grant the policies cannot decide it` };
  const said = facts.whatIfLead === undefined ? `the program does not request ${want}; if it did, ${decided.reason}` : `${facts.whatIfLead}, ${decided.reason}`;
  return { pass: decided.decision === e.kind, message: decided.decision === e.kind ? said : `expected ${want} to be ${e.kind === 'violation' ? 'a violation' : e.kind}, but ${said}` };
}

function explainMissing(e: Expectation, facts: ExpectationFacts): string {
  const p = e.pattern!;
  const dropped = facts.dropped.find((d) => expectationMatches(p, d.effect));
  if (dropped) return `${effectRecordSummary(dropped.effect)} is dropped by the ceiling: ${dropped.reason}`;
  const violation = facts.violations.find((v) => expectationMatches(p, v));
  if (violation) return `${effectRecordSummary(violation)} escapes the parent's grant`;
  const granted = facts.granted.find((g) => expectationMatches(p, g));
  if (granted) return `${effectRecordSummary(granted)} is allowed`;
  const unseen = facts.unseen?.find((u) => u.effect !== null && expectationMatches(p, u.effect));
  if (unseen) return `${effectRecordSummary(unseen.effect!)} is not in the handoff: it is ${unseen.reason}`;
  return 'the program requests no such effect (as harn computes it)';
}

/** Decides each expectation from the analysis; `no-crosswire` stays undecided (pass null). */
export function checkExpectations(expectations: readonly Expectation[], facts: ExpectationFacts): ExpectationResult[] {
  return expectations.map((e) => {
    const done = (pass: boolean | null, message: string): ExpectationResult => ({ ...e, pass, message });
    if (e.kind === null) return done(false, `not an expectation: write "@expect allowed|dropped|violation LABEL:SCOPE (RESOURCE)" or "@expect no-crosswire"`);
    if (e.kind === 'no-crosswire') return done(null, 'needs a run: decided by the stepper or harn-scope check');
    const p = e.pattern!;
    const want = `${p.label}:${p.scope}${p.resource === null ? '' : ` (${p.resource})`}`;
    const whatIf = decideWhatIf(e, facts, want);
    if (whatIf) return done(whatIf.pass, whatIf.message);
    if (e.kind === 'dropped') {
      const hit = facts.dropped.find((d) => expectationMatches(p, d.effect));
      return hit ? done(true, `${effectRecordSummary(hit.effect)} is dropped: ${hit.reason}`) : done(false, `expected ${want} to be dropped, but ${explainMissing(e, facts)}`);
    }
    if (e.kind === 'violation') {
      if (!facts.violationsChecked) return done(false, `expected ${want} to be a violation, but nothing is checked against the parent (there is no parent grant to check against)`);
      const hit = facts.violations.find((v) => expectationMatches(p, v));
      return hit ? done(true, `${effectRecordSummary(hit)} escapes the parent's grant`) : done(false, `expected ${want} to be a violation, but ${explainMissing(e, facts)}`);
    }
    const allowed = facts.granted.find((g) => expectationMatches(p, g) && !facts.violations.some((v) => effectsEqual(v, g)));
    return allowed ? done(true, `${effectRecordSummary(allowed)} is allowed`) : done(false, `expected ${want} to be allowed, but ${explainMissing(e, facts)}`);
  });
}

/** A cross-wire as an expectation names it: its task, the step a person reads for it (the event step, "13" or
 * "13.4", as the stepper numbers it) and its consequence. */
export interface CrosswireAt {
  task: string;
  at: string;
  consequence: string;
}

/** Decides the `no-crosswire` expectations of task `task` from a run's cross-wires (by task name). */
export function decideCrosswireExpectations(results: readonly ExpectationResult[], task: string, crosswires: readonly CrosswireAt[]): ExpectationResult[] {
  const own = crosswires.filter((c) => c.task === task);
  return results.map((r) =>
    r.kind !== 'no-crosswire' ? r : own.length === 0 ? { ...r, pass: true, message: `${task} reads no other task's value in the run` } : { ...r, pass: false, message: `${task} cross-wires at step ${own[0]!.at}: ${own[0]!.consequence}` },
  );
}

/** What `@expect no-crosswire` needs of an exploration (the explorer's result, structurally). */
export interface CrosswireSearch {
  mode: string;
  complete: boolean;
  schedules: number;
  failing: number;
  failures: readonly { picks: readonly string[]; description: string; crosswires: readonly CrosswireAt[] }[];
}

/**
 * Decides the `no-crosswire` expectations of task `task` by the explorer: it holds only when no schedule cross-wires
 * the task. Fails naming the first schedule that does (the run's own cross-wire first); unknown (pass null) when the
 * search was cut, or found failing schedules it did not describe, so no "pass" is claimed without the evidence.
 */
export function decideCrosswireBySearch(
  results: readonly ExpectationResult[],
  task: string,
  run: readonly CrosswireAt[],
  search: CrosswireSearch,
): ExpectationResult[] {
  const inRun = run.find((c) => c.task === task);
  const failure = search.failures.find((f) => f.crosswires.some((c) => c.task === task));
  const bounds = `${search.schedules.toLocaleString('en-US')} schedule(s) explored in ${search.mode} mode, latencies ignored`;
  const decide = (r: ExpectationResult): ExpectationResult => {
    if (inRun) return { ...r, pass: false, message: `${task} cross-wires at step ${inRun.at} of the run: ${inRun.consequence}` };
    if (failure) {
      const hit = failure.crosswires.find((c) => c.task === task)!;
      return { ...r, pass: false, message: `${task} cross-wires in schedule ${failure.picks.join(',')} (${failure.description}) at step ${hit.at}: ${hit.consequence}` };
    }
    if (search.failures.length < search.failing)
      return { ...r, pass: null, message: `unknown: ${search.failing} schedule(s) fail but only ${search.failures.length} were described, so whether ${task} cross-wires in another is not known (${bounds})` };
    if (!search.complete) return { ...r, pass: null, message: `unknown: the search was cut after ${bounds}; no schedule run so far cross-wires ${task}` };
    return { ...r, pass: true, message: `${task} reads no other task's value in any schedule (${bounds}; the search was complete)` };
  };
  return results.map((r) => (r.kind === 'no-crosswire' ? decide(r) : r));
}

/** The L408 error of a failing expectation, at its comment line. */
export function expectationFailure(result: ExpectationResult): Diagnostic {
  return createDiagnostic('L408', `@expect ${result.text}: ${result.message}`, result.span);
}
