// The Scenario data model (DESIGN §5): the one shape shared by the UI, share links, autosave and the CLI.
// `Scenario` is the normalized form (every field present); `ScenarioInput` is what external input may omit.
// Plain JSON-safe data only (it crosses postMessage and goes into links). Depends only on ./customSlots.ts, the
// policy types of ../analysis/types.ts and the goal types of ../goals/types.ts.
import type { CapabilityPolicy, ToolArgConstraint } from '../analysis/types.ts';
import type { CustomSlot, CustomSlotInput } from './customSlots.ts';
import type { ScenarioGoal, ScenarioGoalInput } from '../goals/types.ts';

/** The scenario format version this build writes. Older versions are migrated on load (see migrations.ts). */
export const SCENARIO_VERSION = 1;

/** `scoped` = per-task scope swapped on every poll (the fix); `unscoped` = shared thread-locals (the bug);
 * `naive` = swap back only when a poll returns normally (no restore guard, panics leak). */
export type RunMode = 'scoped' | 'unscoped' | 'naive';

/** How a choice point (more than one ready task) is resolved. `picks` names tasks in order, then FIFO. */
export type Schedule =
  { kind: 'fifo' } | { kind: 'random'; seed: number } | { kind: 'picks'; picks: string[] };

/** The await kinds that have their own latency (DESIGN §4): model, network, spawn, tool and host calls,
 * `sleep(…)` and `yield_now()`. `default` is the latency of every kind the input does not set. */
export type AwaitKind = 'llm' | 'net' | 'spawn' | 'tool' | 'host' | 'sleep' | 'yield';

/** The keys of a latency table, in the order they are listed in errors and docs. */
export const LATENCY_KEYS = ['llm', 'net', 'spawn', 'tool', 'host', 'sleep', 'yield', 'default'] as const;

/** Logical ticks per await kind. Normalized: every key present (an unset kind takes `default`). */
export type Latency = Record<AwaitKind | 'default', number>;

/** One parent grant record in serde JSON (`{"kind": …, "scope": …, "resource"?: …}`); checked by the effect
 * analysis, not here. */
export type GrantRecord = Record<string, unknown>;

/** A child's ceiling policy: harn's whole `CapabilityPolicy`. The clamp reads `capabilities` (capability →
 * allowed ops, empty list = any op) and `side_effect_level`; the other fields are kept as given. Normalized:
 * the clamp's fields and `tools` always present; the fields the clamp does not read present only when they hold
 * something other than serde's default. Name-keyed maps are null-prototype objects. */
export interface Ceiling {
  tools: string[];
  capabilities: Record<string, string[]>;
  workspace_roots?: string[];
  side_effect_level: string | null;
  recursion_limit?: number | null;
  tool_arg_constraints?: ToolArgConstraint[];
  tool_annotations?: Record<string, Record<string, unknown>>;
}

export interface ScenarioParent {
  name: string;
  source: string;
  /** An explicit effect list replacing the parent's computed effects; `null` = use the computed ones. */
  grant: GrantRecord[] | null;
}

export interface ScenarioChild {
  name: string;
  source: string;
  /** `null` = unconstrained. An all-empty ceiling is kept (it is a lint, not the same as none). */
  ceiling: Ceiling | null;
}

export interface RunSettings {
  mode: RunMode;
  /** The slots to capture in `scoped`/`naive` mode, replacing the catalog's default; `null` = the catalog's.
   * Names of the seed's catalog or of the scenario's added `slots`. */
  captured: string[] | null;
  schedule: Schedule;
  latency: Latency;
  /** Refuse at spawn a child whose effects escape the parent grant (HARN-CAP-301). */
  enforceAtSpawn: boolean;
  /** Bound on trace steps; a run that does not finish within it stops with a clear message. */
  maxSteps: number;
  /** Simulated threads of a work-stealing runtime, 2–4; absent = 1, the LocalSet (so every scenario made
   * before threads stays byte-identical). */
  threads?: number;
}

export interface ViewState {
  /** The stepper's position (a trace step index). */
  step: number;
  /** The selected editor tab: the parent's or a child's name; `null` = the parent. */
  tab: string | null;
  /** The screen arrangement: `lesson` (stepper first; the default, so absent = lesson) or `policy` (editor and
   * ledger first). Optional so scenarios written before it existed stay equal to their normalized form. */
  layout?: ViewLayout;
  /** Predict mode (issue 28): the answers are hidden and the stepper asks before each moment the lesson is about.
   * Absent = off. */
  predict?: boolean;
  /** What Predict mode hides until a question is answered (a teacher's choice); absent = every part. */
  predictHides?: PredictPart[];
}

/** The parts of the screen Predict mode can hide: the narration's consequence at a question's step, the reads log's
 * verdicts (and the observed value) of an unanswered read, the owner colour of the slot about to be read, the scrub
 * bar's and lanes' marks, the run's counts, and Compare's headline. */
export type PredictPart = 'consequence' | 'verdicts' | 'owners' | 'marks' | 'counts' | 'compare';

/** Every part Predict mode can hide, in the order they are documented (the default: all). */
export const PREDICT_PARTS: readonly PredictPart[] = ['consequence', 'verdicts', 'owners', 'marks', 'counts', 'compare'];

/** The two screen arrangements of the playground (issue 15). */
export type ViewLayout = 'lesson' | 'policy';

/** A whole playground session, normalized (every field present). */
export interface Scenario {
  version: typeof SCENARIO_VERSION;
  parent: ScenarioParent;
  children: ScenarioChild[];
  run: RunSettings;
  view: ViewState;
  /** Thread-locals added to the seed's catalog; absent (never empty) when the scenario adds none. */
  slots?: CustomSlot[];
  /** A challenge's or an exercise's goal (../goals/types.ts); absent when the scenario has none, so every scenario
   * and link made before goals stays byte-identical. */
  goal?: ScenarioGoal;
}

/** A ceiling as external input may write it: any subset of the fields. */
export type CeilingInput = CapabilityPolicy;

/** A scenario as external input (file, link, autosave) may write it: everything but `version`,
 * `parent.source` and `children[].name/source` may be omitted. Every `Scenario` is a `ScenarioInput`. */
export interface ScenarioInput {
  version: typeof SCENARIO_VERSION;
  parent: { name?: string; source: string; grant?: GrantRecord[] | null };
  children?: { name: string; source: string; ceiling?: CeilingInput | null }[];
  run?: {
    mode?: RunMode;
    captured?: string[] | null;
    schedule?: Schedule;
    latency?: Partial<Latency>;
    enforceAtSpawn?: boolean;
    maxSteps?: number;
    threads?: number;
  };
  view?: { step?: number; tab?: string | null; layout?: ViewLayout; predict?: boolean; predictHides?: PredictPart[] };
  slots?: CustomSlotInput[];
  goal?: ScenarioGoalInput;
}

/** One validation problem: `path` like `children[1].ceiling.side_effect_level` ('' = the whole input). */
export interface ScenarioError {
  path: string;
  message: string;
}

/** The result of validating or loading external input: a normalized value, or errors (never both). */
export interface ScenarioResult {
  value: Scenario | null;
  errors: ScenarioError[];
  /** What loaded but was ignored (ceiling fields harn ignores, with a did-you-mean); absent when none. */
  warnings?: ScenarioError[];
}
