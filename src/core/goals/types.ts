// A scenario's goal (issue 28): a predicate over the outcome of its run, from a small vocabulary, with the teacher's
// note and what the student may change. `find` goals are challenges (find a schedule: the picks), `make` goals are
// exercises (change the scenario). Plain JSON-safe data; it travels in the scenario and its link. Depends on nothing.

/** The kinds of a goal's terms, in the order errors and docs list them. */
export const GOAL_TERM_KINDS = ['crosswire', 'leak', 'refusal', 'violation', 'migration', 'panic', 'clean'] as const;
export type GoalTermKind = (typeof GOAL_TERM_KINDS)[number];

/** One predicate over a run. `task` and `slot` narrow it (absent: any); `not` asks for its absence. A `task` need
 * not name a task yet: an exercise may ask the student to add it. */
export type GoalTerm =
  | { kind: 'crosswire'; task?: string; slot?: string; not?: true }
  | { kind: 'leak'; slot?: string; not?: true }
  | { kind: 'refusal'; task?: string; not?: true }
  | { kind: 'violation'; task?: string; not?: true }
  | { kind: 'migration'; task?: string; not?: true }
  | { kind: 'panic'; task?: string; not?: true }
  | { kind: 'clean' };

/** What a student may change besides nothing: the schedule's picks, the capture set, the mode, the programs. */
export const GOAL_ALLOW = ['picks', 'capture', 'mode', 'sources'] as const;
export type GoalAllow = (typeof GOAL_ALLOW)[number];

/** `find`: a schedule meets it (a challenge: play the scheduler); `make`: a change to the scenario does (an exercise). */
export type GoalVerb = 'find' | 'make';

/** A scenario's goal, normalized (every field present). */
export interface ScenarioGoal {
  verb: GoalVerb;
  /** Every term must hold (1 to MAX_GOAL_TERMS). */
  all: GoalTerm[];
  /** A short title ('' = the goal's own sentence). */
  title: string;
  /** The teacher's note to the student ('' = none). */
  note: string;
  /** What the student may change; a challenge of the campaign is judged against its published scenario with it. */
  allow: GoalAllow[];
}

/** A goal as external input may write it: only `all` is required. */
export interface ScenarioGoalInput {
  verb?: GoalVerb;
  all: GoalTerm[];
  title?: string;
  note?: string;
  allow?: GoalAllow[];
}

/** Whether one term holds in a run: `null` when the run does not establish it either way (cut short, or still
 * waiting for a choice, before the end decides a `not`, a leak or a clean run). */
export interface GoalTermVerdict {
  /** `a cross-wire on VM_EXECUTION_CONTEXT read by gamma`, `no leak`. */
  text: string;
  holds: boolean | null;
  /** Why, from the run: `gamma read VM_EXECUTION_CONTEXT = ctx(cwd=/worktrees/alpha, …) at step 12`, `none in this run`. */
  why: string;
  /** The trace index of the evidence, or null; `why` names its step as the stepper numbers it. */
  step: number | null;
}

export type GoalVerdictStatus = 'met' | 'not-met' | 'unknown';

/** A goal checked against one run: plain data (it crosses postMessage and the CLI prints it). */
export interface GoalVerdict {
  kind: 'goal-verdict';
  status: GoalVerdictStatus;
  /** The goal in one sentence: `Find a schedule with a cross-wire on … read by alpha.` */
  goal: string;
  /** The goal's title, or its sentence when it has none. */
  title: string;
  /** What the student may change, in words: `You may change which task runs next (the picks) and the programs.` */
  allowed: string;
  terms: GoalTermVerdict[];
  /** Changes outside what the goal allows, against the published challenge (`the mode`, `the programs`); empty
   * when none or when there is nothing to compare with. A change there makes the goal not met. */
  disallowed: string[];
  /** `✔ goal met`, `✖ not yet`, `? unknown` with the reason, for a badge and a CLI line. */
  badge: string;
  /** One sentence on the verdict. */
  message: string;
}
