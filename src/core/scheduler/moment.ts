// Moments: what a trace step is in the program (task, call site, slot, occurrence), not where it falls in one
// trace. A mode, capture or schedule change re-runs the same ops in another order, so the same moment exists in
// both traces and the stepper, the compare view and the lessons address it. The steps that carry a moment are
// the events a person steps through (polls, reads, checks, spawns, refusals, panics, the outer check).
// Pure; depends only on ./trace.ts types.
import type { TraceStep } from './trace.ts';

/** What kind of event a moment is. */
export type MomentKind = 'poll' | 'read' | 'check' | 'spawn' | 'refuse' | 'panic' | 'outer';

/** The identity of an event in the program. Two traces of one scenario share it wherever the task does the same
 * thing: (task, kind, site, subject, occurrence) is the identity; `ordinal` and `what` help landing and words. */
export interface Moment {
  /** The task; null for the outer thread. */
  task: string | null;
  kind: MomentKind;
  /** The call site: the UTF-16 offset of the call in the task's program; -1 where there is none (the life
   * cycle's own reads, a poll's start). A poll's site is the await it resumes from. */
  site: number;
  /** The slot a read reads, the child a spawn or refusal names; null otherwise. */
  subject: string | null;
  /** 0-based: how many times before this the task had a moment with the same kind, site and subject. */
  occurrence: number;
  /** 0-based: how many moments the task had before this one (its ops run in the same order in every mode). */
  ordinal: number;
  /** What the call is (`write_file`, `emit_worker_event`, the await a poll resumes after), for sentences. */
  what: string;
}

/** A lesson's landing: the first moment matching these fields (any site). */
export interface MomentQuery {
  task: string | null;
  kind: MomentKind;
  subject?: string | null;
  what?: string;
  occurrence?: number;
}

/** Where a moment lands in a trace; `note` (one sentence) when it did not exist there exactly. */
export interface Landing {
  step: number;
  exact: boolean;
  note: string | null;
}

/** The identity key of a moment within one trace. Task and subject are user names: only ever Map keys. */
export function momentKey(m: Moment): string {
  return `${m.task ?? ''}\u0000${identityKind(m.kind)}\u0000${m.site}\u0000${m.subject ?? ''}\u0000${m.occurrence}`;
}

// A spawn and a refusal of the same child are one decision: turning enforcement off turns one into the other.
function identityKind(kind: MomentKind): MomentKind {
  return kind === 'refuse' ? 'spawn' : kind;
}

/** Counts occurrences and ordinals while a trace is recorded: one per task. */
export interface MomentCounter {
  next(task: string | null, kind: MomentKind, site: number, subject: string | null, what: string): Moment;
}

export function createMomentCounter(): MomentCounter {
  const seen = new Map<string, number>();
  const ordinals = new Map<string | null, number>();
  return {
    next(task, kind, site, subject, what) {
      const key = `${task ?? ''}\u0000${identityKind(kind)}\u0000${site}\u0000${subject ?? ''}`;
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      const ordinal = ordinals.get(task) ?? 0;
      ordinals.set(task, ordinal + 1);
      return { task, kind, site, subject, occurrence, ordinal, what };
    },
  };
}

/** The moment a step shows: its own, else the latest event before it (a swap belongs to its poll). */
export function anchorOf(steps: readonly TraceStep[], index: number): Moment | null {
  for (let i = Math.min(index, steps.length - 1); i >= 0; i--) {
    const moment = steps[i]!.moment;
    if (moment) return moment;
  }
  return null;
}

/** The step indices of a trace's events, in order (the stepper's coarse steps). */
export function eventSteps(steps: readonly TraceStep[]): number[] {
  const events: number[] = [];
  for (const step of steps) if (step.event) events.push(step.index);
  return events;
}

/** The number a person reads for step `index` of a trace, everywhere (stepper, reads log, scrub marks, summary,
 * Markdown, CLI): its event's, 1-based ("13"), with the fine step beneath it after a dot when `index` is a swap or
 * install between events ("13.4"). `events`: the trace's event steps in order ({@link eventSteps}). */
export function stepNumber(events: readonly number[], index: number): string {
  let at = 0;
  while (at < events.length && events[at]! <= index) at++;
  if (at === 0) return index <= 0 ? '1' : `1.${index}`;
  const fine = index - events[at - 1]!;
  return fine > 0 ? `${at}.${fine}` : String(at);
}

const KIND_WORDS: Record<MomentKind, string> = {
  poll: 'poll',
  read: 'read',
  check: 'check',
  spawn: 'spawn',
  refuse: 'refusal',
  panic: 'panic',
  outer: 'outer-thread check',
};

/** `alpha's read of VM_EXECUTION_CONTEXT for write_file`, `beta's check of http_post`. */
export function momentLabel(m: Moment): string {
  const who = m.task === null ? 'the outer thread' : `${m.task}'s`;
  if (m.task === null) return `${who}'s ${KIND_WORDS[m.kind]}`;
  if (m.kind === 'read') return `${who} read of ${m.subject ?? 'a slot'} for ${m.what}`;
  if (m.kind === 'check') return `${who} check of ${m.what}`;
  if (m.kind === 'spawn' || m.kind === 'refuse')
    return `${who} ${KIND_WORDS[m.kind]} of ${m.subject ?? 'a child'}`;
  if (m.kind === 'poll') return m.site < 0 ? `${who} first poll` : `${who} resumption after ${m.what}`;
  return `${who} ${KIND_WORDS[m.kind]}`;
}

/** Looks moments up in one trace by identity (built once, used for every landing into it). */
export interface MomentIndex {
  steps: readonly TraceStep[];
  exact: Map<string, number>;
  /** Per task, its event steps in order (index = ordinal). */
  byTask: Map<string | null, number[]>;
}

export function indexMoments(steps: readonly TraceStep[]): MomentIndex {
  const exact = new Map<string, number>();
  const byTask = new Map<string | null, number[]>();
  for (const step of steps) {
    const m = step.moment;
    if (!m) continue;
    exact.set(momentKey(m), step.index);
    let list = byTask.get(m.task);
    if (!list) byTask.set(m.task, (list = []));
    list.push(step.index);
  }
  return { steps, exact, byTask };
}

function refusalOf(steps: readonly TraceStep[], task: string): number {
  for (const step of steps) if (step.kind === 'refuse' && step.child === task) return step.index;
  return -1;
}

/** Where `target` lands in the indexed trace: the same moment, else the nearest earlier moment of that task
 * (with a one-line note saying so), else its refusal or the start. */
export function landOn(index: MomentIndex, target: Moment): Landing {
  const hit = index.exact.get(momentKey(target));
  if (hit !== undefined) return { step: hit, exact: true, note: null };
  const last = index.steps.length - 1;
  if (target.task === null) {
    return {
      step: Math.max(0, last),
      exact: false,
      note: `This run has no ${momentLabel(target)}; showing its end.`,
    };
  }
  const refused = refusalOf(index.steps, target.task);
  const why =
    refused >= 0 ? `${target.task} is refused at spawn in this run` : 'it does not happen in this run';
  const own = index.byTask.get(target.task) ?? [];
  let before = -1;
  for (const step of own) {
    const m = index.steps[step]!.moment!;
    if (m.ordinal < target.ordinal) before = step;
  }
  if (before >= 0) {
    const shown = momentLabel(index.steps[before]!.moment!);
    return {
      step: before,
      exact: false,
      note: `No ${momentLabel(target)} here (${why}); showing ${shown}, just before it.`,
    };
  }
  const fallback = refused >= 0 ? refused : 0;
  return {
    step: fallback,
    exact: false,
    note: `No ${momentLabel(target)} here (${why}); showing ${fallback === 0 ? 'the start' : 'the refusal'}.`,
  };
}

/** Whether a step's moment matches a lesson's query. */
export function matchesQuery(m: Moment, q: MomentQuery): boolean {
  return (
    m.task === q.task &&
    m.kind === q.kind &&
    (q.subject === undefined || m.subject === q.subject) &&
    (q.what === undefined || m.what === q.what) &&
    (q.occurrence === undefined || m.occurrence === q.occurrence)
  );
}

/** The first step whose moment matches `q`, or -1. */
export function findMoment(steps: readonly TraceStep[], q: MomentQuery): number {
  for (const step of steps) if (step.moment && matchesQuery(step.moment, q)) return step.index;
  return -1;
}
