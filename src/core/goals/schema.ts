// Validation, normalizing and minimizing of a scenario's `goal` (./types.ts). Every wrong field is named with what
// was expected; a slot must be one the scenario knows (the seed's catalog and its added slots); a task need not
// exist yet (an exercise may ask for a child the student adds). Never throws. Depends on ../scenario/limits.ts and
// ./types.ts only.
import { MAX_GOAL_NOTE_CHARS, MAX_GOAL_TERMS, MAX_GOAL_TITLE_CHARS, MAX_NAME_CHARS, NAME_PATTERN, NAME_RULE } from '../scenario/limits.ts';
import { GOAL_ALLOW, GOAL_TERM_KINDS, type GoalAllow, type GoalTerm, type ScenarioGoal, type ScenarioGoalInput } from './types.ts';

/** One problem: a path below `goal` and a message. */
export interface GoalIssue {
  path: (string | number)[];
  message: string;
}

const GOAL_FIELDS = ['verb', 'all', 'title', 'note', 'allow'];
/** The fields each term kind takes besides `kind`. */
const TERM_FIELDS: Record<GoalTerm['kind'], readonly string[]> = {
  crosswire: ['task', 'slot', 'not'],
  leak: ['slot', 'not'],
  refusal: ['task', 'not'],
  violation: ['task', 'not'],
  migration: ['task', 'not'],
  panic: ['task', 'not'],
  clean: [],
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const shown = (v: unknown): string =>
  v === undefined ? 'nothing' : Array.isArray(v) ? 'a list' : isObject(v) ? 'an object' : (JSON.stringify(v) ?? String(v));
const got = (what: string, v: unknown) => (v === undefined ? `missing: expected ${what}` : `expected ${what}, got ${shown(v)}`);
const words = (list: readonly string[]) => `${list.slice(0, -1).map((w) => `"${w}"`).join(', ')} or "${list[list.length - 1]}"`;

function termIssues(term: unknown, index: number, slots: readonly string[], out: GoalIssue[]): void {
  const at = (...path: (string | number)[]) => ['all', index, ...path];
  if (!isObject(term)) {
    out.push({ path: at(), message: got('a goal term object ({"kind", "task"?, "slot"?, "not"?})', term) });
    return;
  }
  if (!(GOAL_TERM_KINDS as readonly unknown[]).includes(term.kind)) {
    out.push({ path: at('kind'), message: got(words(GOAL_TERM_KINDS), term.kind) });
    return;
  }
  const kind = term.kind as GoalTerm['kind'];
  const fields = TERM_FIELDS[kind];
  for (const key of Object.keys(term))
    if (key !== 'kind' && !fields.includes(key))
      out.push({ path: at(key), message: fields.length === 0 ? `a "${kind}" term takes no other field` : `a "${kind}" term has no field "${key}" (its fields: ${fields.join(', ')})` });
  if (term.task !== undefined && fields.includes('task') && (typeof term.task !== 'string' || term.task.length > MAX_NAME_CHARS || !NAME_PATTERN.test(term.task)))
    out.push({ path: at('task'), message: got(`a task name (${NAME_RULE})`, term.task) });
  if (term.slot !== undefined && fields.includes('slot')) {
    if (typeof term.slot !== 'string') out.push({ path: at('slot'), message: got('a slot name (a string)', term.slot) });
    else if (!slots.includes(term.slot)) {
      const near = slots.find((s) => s === (term.slot as string).toUpperCase());
      out.push({ path: at('slot'), message: `unknown slot name ${shown(term.slot)}${near ? `; did you mean ${near}?` : ' (a name of the ambient catalog or of the scenario\'s slots, e.g. VM_EXECUTION_CONTEXT)'}` });
    }
  }
  if (term.not !== undefined && fields.includes('not') && term.not !== true)
    out.push({ path: at('not'), message: got('true (leave it out for "there is one")', term.not) });
}

/** Every problem of a scenario's `goal` value (paths below `goal`); `slots` are the slot names the scenario knows. */
export function goalIssues(value: unknown, slots: readonly string[]): GoalIssue[] {
  if (!isObject(value)) return [{ path: [], message: got('a goal object ({"verb"?, "all": [terms], "title"?, "note"?, "allow"?})', value) }];
  const out: GoalIssue[] = [];
  for (const key of Object.keys(value)) if (!GOAL_FIELDS.includes(key)) out.push({ path: [key], message: `unknown field (known fields: ${GOAL_FIELDS.join(', ')})` });
  if (value.verb !== undefined && value.verb !== 'find' && value.verb !== 'make')
    out.push({ path: ['verb'], message: got('"find" (a schedule: a challenge) or "make" (a change: an exercise)', value.verb) });
  if (!Array.isArray(value.all) || value.all.length === 0) out.push({ path: ['all'], message: got(`a list of 1 to ${MAX_GOAL_TERMS} goal terms`, value.all) });
  else if (value.all.length > MAX_GOAL_TERMS) out.push({ path: ['all'], message: `too many goal terms: ${value.all.length}, the limit is ${MAX_GOAL_TERMS}` });
  else value.all.forEach((term: unknown, i) => termIssues(term, i, slots, out));
  for (const [key, max] of [['title', MAX_GOAL_TITLE_CHARS], ['note', MAX_GOAL_NOTE_CHARS]] as const) {
    const text = value[key];
    if (text !== undefined && (typeof text !== 'string' || text.length > max)) out.push({ path: [key], message: got(`a string of at most ${max.toLocaleString('en-US')} characters`, text) });
  }
  if (value.allow !== undefined) {
    if (!Array.isArray(value.allow) || value.allow.length === 0 || value.allow.length > GOAL_ALLOW.length) {
      out.push({ path: ['allow'], message: got(`a list of what the student may change: ${words(GOAL_ALLOW)}`, value.allow) });
    } else {
      value.allow.forEach((what: unknown, i) => {
        if (!(GOAL_ALLOW as readonly unknown[]).includes(what)) out.push({ path: ['allow', i], message: got(words(GOAL_ALLOW), what) });
        else if ((value.allow as unknown[]).indexOf(what) < i) out.push({ path: ['allow', i], message: `${shown(what)} is listed twice` });
      });
    }
  }
  return out;
}

function copyTerm(term: GoalTerm): GoalTerm {
  // Keys in a fixed order (kind, task, slot, not): equal goals give byte-equal JSON and equal links.
  const out: Record<string, unknown> = { kind: term.kind };
  if ('task' in term && term.task !== undefined) out.task = term.task;
  if ('slot' in term && term.slot !== undefined) out.slot = term.slot;
  if ('not' in term && term.not === true) out.not = true;
  return out as GoalTerm;
}

const DEFAULT_ALLOW: readonly GoalAllow[] = ['picks'];

/** Fills the defaults: verb `find`, no title, no note, the picks only. Expects validated input. */
export function normalizeGoal(input: ScenarioGoalInput): ScenarioGoal {
  return {
    verb: input.verb ?? 'find',
    all: input.all.map(copyTerm),
    title: input.title ?? '',
    note: input.note ?? '',
    // In GOAL_ALLOW's order, so two ways of writing one set are one goal.
    allow: GOAL_ALLOW.filter((what) => (input.allow ?? DEFAULT_ALLOW).includes(what)),
  };
}

/** The smallest input that normalizes back to `goal`, keys in a fixed order. */
export function minimizeGoal(goal: ScenarioGoal): ScenarioGoalInput {
  const out: ScenarioGoalInput = { all: goal.all.map(copyTerm) };
  if (goal.verb !== 'find') out.verb = goal.verb;
  if (goal.title !== '') out.title = goal.title;
  if (goal.note !== '') out.note = goal.note;
  if (goal.allow.length !== 1 || goal.allow[0] !== 'picks') out.allow = [...goal.allow];
  return { ...(out.verb ? { verb: out.verb } : {}), all: out.all, ...(out.title ? { title: out.title } : {}), ...(out.note ? { note: out.note } : {}), ...(out.allow ? { allow: out.allow } : {}) };
}
