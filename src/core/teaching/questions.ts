// Predict mode's questions: at each read or check a lesson is about, what will happen, with the candidate answers
// taken from the trace (every value the slot holds in the run, allowed or denied, spawned or refused) and the one
// the run gives. A pure function of a trace and the lesson's landing moment; the page, the CLI (`simulate --quiz`)
// and the tests read the same questions and words. Depends on the scheduler's trace types, scope and narrate only.
import { narrationLiteral } from '../report/escape.ts';
import { stepNumber, eventSteps, type MomentQuery } from '../scheduler/moment.ts';
import { valueNoun } from '../scheduler/narrate.ts';
import { currentLabel, slotCurrent, type AmbientValue, type SlotValue } from '../scheduler/scope.ts';
import type { TraceStep } from '../scheduler/trace.ts';

/** One question: asked when the stepper reaches `step` (before its sentence is shown). */
export interface Question {
  /** The trace step the question is about (a read, a check, a spawn or refusal, a panic). */
  step: number;
  /** The number a person reads for that step ("13"). */
  stepLabel: string;
  /** The task whose step it is (null: the outer thread). */
  task: string | null;
  /** For reads: the slot read; null otherwise. */
  slot: string | null;
  /** The question, one sentence ending in "?". */
  prompt: string;
  /** The candidate answers, in a stable order (sorted), at least two. */
  choices: string[];
  /** The index in `choices` of what the run does. */
  answer: number;
  /** Said after a right answer and after a wrong one: what the run does, in words. */
  right: string;
  wrong: string;
}

/** What a scenario's questions are about: the lesson's landing (its slot, call or decision), or none. */
export interface Quiz {
  /** What the questions ask about ("every read of VM_EXECUTION_CONTEXT for write_file"). */
  about: string;
  /** One line: how many questions, on what ("2 questions, at every read of VM_EXECUTION_CONTEXT for write_file"). */
  headline: string;
  questions: Question[];
}

type Focus =
  | { kind: 'read'; slot: string; what: string | undefined }
  | { kind: 'check'; what: string | undefined }
  | { kind: 'spawn' }
  | { kind: 'panic' };

// Without a lesson, every scenario has decisions: its checks.
function focusOf(landing: MomentQuery | null): Focus {
  if (landing === null) return { kind: 'check', what: undefined };
  if (landing.kind === 'read' && landing.subject) return { kind: 'read', slot: landing.subject, what: landing.what };
  if (landing.kind === 'check') return { kind: 'check', what: landing.what };
  if (landing.kind === 'spawn' || landing.kind === 'refuse') return { kind: 'spawn' };
  if (landing.kind === 'panic' || landing.kind === 'outer') return { kind: 'panic' };
  return { kind: 'check', what: undefined };
}

function aboutOf(focus: Focus): string {
  switch (focus.kind) {
    case 'read':
      return `every read of ${focus.slot}${focus.what ? ` for ${focus.what}` : ''}`;
    case 'check':
      return focus.what ? `every check of ${focus.what}` : 'every check of a call';
    case 'spawn':
      return 'every spawn of a child';
    case 'panic':
      return 'every panic';
  }
}

/** The questions of a trace for a lesson's landing (null: a scenario that is no lesson, asked about its checks). */
export function quizOf(steps: readonly TraceStep[], slots: readonly string[], landing: MomentQuery | null): Quiz {
  const focus = focusOf(landing);
  const events = eventSteps(steps);
  const questions: Question[] = [];
  for (const step of steps) {
    if (!step.event) continue;
    const asked = questionAt(steps, slots, step, focus);
    if (asked) questions.push({ ...asked, step: step.index, stepLabel: stepNumber(events, step.index), task: step.task });
  }
  const about = aboutOf(focus);
  const headline =
    questions.length === 0
      ? `No questions: this run has no ${about.replace(/^every /, '')}.`
      : `${questions.length} question${questions.length === 1 ? '' : 's'}, at ${about}.`;
  return { about, headline, questions };
}

/** The quiz as text lines (the CLI's `simulate --quiz`): each question at its step, its numbered choices, the answer
 * and the step's own sentence, what answering reveals. */
export function quizLines(quiz: Quiz, steps: readonly TraceStep[]): string[] {
  const lines = [quiz.headline];
  for (const q of quiz.questions) {
    lines.push(`step ${q.stepLabel}: ${q.prompt}`);
    q.choices.forEach((choice, i) => lines.push(`  ${i + 1}. ${choice}${i === q.answer ? '  <- the answer' : ''}`));
    lines.push(`  then: ${steps[q.step]?.narration ?? ''}`);
  }
  return lines;
}

type Asked = Omit<Question, 'step' | 'stepLabel' | 'task'>;

function questionAt(steps: readonly TraceStep[], slots: readonly string[], step: TraceStep, focus: Focus): Asked | null {
  if (focus.kind === 'read' && step.kind === 'read' && step.slot === focus.slot && (focus.what === undefined || step.what === focus.what))
    return readQuestion(steps, slots.indexOf(step.slot), step);
  if (focus.kind === 'check' && step.kind === 'check' && (focus.what === undefined || step.call === focus.what)) return checkQuestion(step);
  if (focus.kind === 'spawn' && (step.kind === 'spawn' || step.kind === 'refuse') && step.task !== null) return spawnQuestion(step);
  if (focus.kind === 'panic' && step.kind === 'panic') return panicQuestion(step);
  return null;
}

// A value as a choice: a working directory by its path, a source dir by its directory, anything else by its label.
function choiceText(value: AmbientValue | number | null): string {
  if (value !== null && typeof value === 'object') {
    if (value.kind === 'context' && value.cwd) return value.cwd;
    if (value.kind === 'source-dir' && value.path) return value.path;
  }
  return value === null ? 'nothing (the slot is empty)' : currentLabel(value);
}

function valuesOfSlot(steps: readonly TraceStep[], slot: number): Map<string, AmbientValue | number | null> {
  const seen = new Map<string, AmbientValue | number | null>();
  const add = (value: SlotValue | undefined) => {
    const current = slotCurrent(value);
    const text = choiceText(current);
    if (!seen.has(text)) seen.set(text, current);
  };
  for (const step of steps) {
    const { thread, threads } = step.snapshot;
    if (threads) for (const file of threads) add(file[slot]);
    else add(thread[slot]);
  }
  return seen;
}

function readQuestion(steps: readonly TraceStep[], slot: number, step: TraceStep & { kind: 'read' }): Asked | null {
  if (slot < 0) return null;
  const values = valuesOfSlot(steps, slot);
  const answerText = labelChoice(values, step.observed);
  const choices = [...values.keys()].sort();
  const answer = choices.indexOf(answerText);
  if (answer < 0 || choices.length < 2) return null;
  const kind = [...values.values()].find((v): v is AmbientValue => v !== null && typeof v === 'object')?.kind;
  const who = `${step.task ?? 'the outer thread'}'s`;
  const prompt =
    kind === undefined
      ? `What will ${who} ${step.what} see in ${step.slot}?`
      : step.access === 'pop'
        ? `Whose ${valueNoun(kind)} will ${step.task ?? 'the outer thread'} pop off ${step.slot}?`
        : `Which ${valueNoun(kind)} will ${who} ${step.what} use from ${step.slot}?`;
  const gets = `${who} ${step.what} gets ${answerText} from ${step.slot}`;
  return { slot: step.slot, prompt, choices, answer, right: `Right: ${gets}.`, wrong: `Not quite: ${gets}.` };
}

// The choice whose value's label is the one the read observed (the slot's value at the read, on whichever thread).
function labelChoice(values: Map<string, AmbientValue | number | null>, observed: string): string {
  for (const [text, value] of values) if (currentLabel(value) === observed) return text;
  return '';
}

const ALLOWED = 'allowed';
const DENIED = 'denied';

function checkQuestion(step: TraceStep & { kind: 'check' }): Asked {
  const call = step.target !== null ? `${step.call}(${narrationLiteral(step.target)})` : `${step.call}(…)`;
  const who = `${step.task ?? 'the outer thread'}'s ${call}`;
  const decided = step.decision === 'allow' ? ALLOWED : DENIED;
  const says = `${who} is ${decided}, checked against ${step.policy}`;
  return { slot: null, prompt: `Will ${who} be allowed or denied?`, choices: [ALLOWED, DENIED], answer: decided === ALLOWED ? 0 : 1, right: `Right: ${says}.`, wrong: `Not quite: ${says}.` };
}

const SPAWNED = 'spawned';
const REFUSED = 'refused at spawn (HARN-CAP-301)';

function spawnQuestion(step: TraceStep & { kind: 'spawn' | 'refuse' }): Asked {
  const who = step.task ?? 'the outer thread';
  const refused = step.kind === 'refuse';
  const says = refused ? `${step.child} is refused at spawn (HARN-CAP-301)` : `${step.child} is spawned`;
  return { slot: null, prompt: `Will ${who} spawn ${step.child}, or is it refused at spawn?`, choices: [REFUSED, SPAWNED], answer: refused ? 0 : 1, right: `Right: ${says}.`, wrong: `Not quite: ${says}.` };
}

const LEAKS = 'its values stay on the thread (a leak)';
const RESTORES = 'the restore guard puts the outer values back';
const NOTHING = 'nothing is left behind';

function panicQuestion(step: TraceStep & { kind: 'panic' }): Asked {
  const who = step.task ?? 'the outer thread';
  const choices = [LEAKS, NOTHING, RESTORES];
  const outcome = step.leaked && step.leaked.length > 0 ? LEAKS : step.restored && step.restored.length > 0 ? RESTORES : NOTHING;
  const says = `when ${who} panics, ${outcome}`;
  return { slot: null, prompt: `When ${who} panics, what happens to the values it installed?`, choices, answer: choices.indexOf(outcome), right: `Right: ${says}.`, wrong: `Not quite: ${says}.` };
}
