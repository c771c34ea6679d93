// Scenario defaults in one place, `normalizeScenario` (fill them in) and `minimizeScenario` (leave them out,
// for links). Both expect input that already passed validation. Depends only on ./types.ts.
import type {
  AwaitKind,
  Ceiling,
  CeilingInput,
  GrantRecord,
  Latency,
  RunSettings,
  Scenario,
  ScenarioInput,
  Schedule,
  ViewState,
} from './types.ts';
import { LATENCY_KEYS, PREDICT_PARTS, SCENARIO_VERSION } from './types.ts';
import { minimizeCustomSlot, normalizeCustomSlot } from './customSlots.ts';
import { minimizeGoal, normalizeGoal } from '../goals/schema.ts';

export const DEFAULT_PARENT_NAME = 'parent';

/** Logical ticks of an await whose kind the input does not set (DESIGN §4: "default 1"). */
export const DEFAULT_LATENCY_TICKS = 1;

const AWAIT_KINDS = LATENCY_KEYS.filter((key): key is AwaitKind => key !== 'default');

export const DEFAULT_LATENCY: Readonly<Latency> = Object.freeze(
  Object.fromEntries(LATENCY_KEYS.map((key) => [key, DEFAULT_LATENCY_TICKS])) as Latency,
);

export const DEFAULT_RUN: Readonly<RunSettings> = Object.freeze({
  mode: 'scoped',
  captured: null,
  schedule: Object.freeze({ kind: 'fifo' }) as Schedule,
  latency: DEFAULT_LATENCY,
  enforceAtSpawn: true,
  maxSteps: 100_000,
});

export const DEFAULT_VIEW: Readonly<ViewState> = Object.freeze({ step: 0, tab: null });

/** Fills every omitted field with its default and copies the rest (the result shares nothing mutable with
 * `input`). Idempotent: a normalized scenario normalizes to an equal one. */
export function normalizeScenario(input: ScenarioInput): Scenario {
  const run = input.run ?? {};
  const view = input.view ?? {};
  return {
    version: SCENARIO_VERSION,
    parent: {
      name: input.parent.name ?? DEFAULT_PARENT_NAME,
      source: input.parent.source,
      grant: input.parent.grant ? input.parent.grant.map(copyGrantRecord) : null,
    },
    children: (input.children ?? []).map((child) => ({
      name: child.name,
      source: child.source,
      ceiling: child.ceiling ? normalizeCeiling(child.ceiling) : null,
    })),
    run: {
      mode: run.mode ?? DEFAULT_RUN.mode,
      captured: run.captured ? [...run.captured] : null,
      schedule: copySchedule(run.schedule ?? DEFAULT_RUN.schedule),
      latency: normalizeLatency(run.latency ?? {}),
      enforceAtSpawn: run.enforceAtSpawn ?? DEFAULT_RUN.enforceAtSpawn,
      maxSteps: run.maxSteps ?? DEFAULT_RUN.maxSteps,
      ...(run.threads !== undefined && run.threads > 1 ? { threads: run.threads } : {}),
    },
    view: {
      step: view.step ?? DEFAULT_VIEW.step,
      tab: view.tab ?? DEFAULT_VIEW.tab,
      ...(view.layout === 'policy' ? { layout: view.layout } : {}),
      ...(view.predict === true ? { predict: true } : {}),
      ...(view.predictHides ? { predictHides: PREDICT_PARTS.filter((part) => view.predictHides!.includes(part)) } : {}),
    },
    // Absent unless the scenario adds a slot: every scenario made before added slots stays byte-identical.
    ...(input.slots && input.slots.length > 0 ? { slots: input.slots.map(normalizeCustomSlot) } : {}),
    // Absent unless the scenario has a goal (a challenge or an exercise).
    ...(input.goal ? { goal: normalizeGoal(input.goal) } : {}),
  };
}

/** A ceiling with the clamp's fields and `tools` present; the other `CapabilityPolicy` fields kept only when they
 * are not serde's default (`[]`, `{}`, `null`). */
export function normalizeCeiling(input: CeilingInput): Ceiling {
  // Built in harn's struct order, so a normalized ceiling prints its fields as harn declares them.
  const out: Partial<Ceiling> = { tools: [...(input.tools ?? [])], capabilities: copyCapabilities(input.capabilities ?? {}) };
  if (input.workspace_roots && input.workspace_roots.length > 0) out.workspace_roots = [...input.workspace_roots];
  out.side_effect_level = input.side_effect_level ?? null;
  if (input.recursion_limit !== undefined && input.recursion_limit !== null) out.recursion_limit = input.recursion_limit;
  if (input.tool_arg_constraints && input.tool_arg_constraints.length > 0)
    out.tool_arg_constraints = input.tool_arg_constraints.map((c) => ({ tool: c.tool, arg_patterns: [...c.arg_patterns], arg_key: c.arg_key }));
  if (input.tool_annotations && Object.keys(input.tool_annotations).length > 0) out.tool_annotations = copyAnnotations(input.tool_annotations);
  return out as Ceiling;
}

/** Every await kind gets its own value or the input's `default` (itself defaulting to 1 tick). */
export function normalizeLatency(input: Partial<Latency>): Latency {
  const fallback = input.default ?? DEFAULT_LATENCY_TICKS;
  const out = {} as Latency;
  for (const kind of AWAIT_KINDS) out[kind] = input[kind] ?? fallback;
  out.default = fallback;
  return out;
}

/** The smallest input that normalizes back to `scenario`: every default value is left out, in a fixed key
 * order (so equal scenarios give byte-equal JSON and equal links). */
export function minimizeScenario(scenario: Scenario): ScenarioInput {
  const { parent, run, view } = scenario;
  const out: ScenarioInput = { version: SCENARIO_VERSION, parent: { source: parent.source } };
  if (parent.name !== DEFAULT_PARENT_NAME) out.parent = { name: parent.name, source: parent.source };
  if (parent.grant !== null) out.parent.grant = parent.grant.map(copyGrantRecord);
  if (scenario.children.length > 0) {
    out.children = scenario.children.map((child) => {
      const ceiling = child.ceiling ? minimizeCeiling(child.ceiling) : null;
      return ceiling
        ? { name: child.name, source: child.source, ceiling }
        : { name: child.name, source: child.source };
    });
  }
  const minRun: NonNullable<ScenarioInput['run']> = {};
  if (run.mode !== DEFAULT_RUN.mode) minRun.mode = run.mode;
  if (run.captured !== null) minRun.captured = [...run.captured];
  if (run.schedule.kind !== 'fifo') minRun.schedule = copySchedule(run.schedule);
  const latency = minimizeLatency(run.latency);
  if (latency) minRun.latency = latency;
  if (run.enforceAtSpawn !== DEFAULT_RUN.enforceAtSpawn) minRun.enforceAtSpawn = run.enforceAtSpawn;
  if (run.maxSteps !== DEFAULT_RUN.maxSteps) minRun.maxSteps = run.maxSteps;
  if (run.threads !== undefined && run.threads > 1) minRun.threads = run.threads;
  if (Object.keys(minRun).length > 0) out.run = minRun;
  const minView: NonNullable<ScenarioInput['view']> = {};
  if (view.step !== DEFAULT_VIEW.step) minView.step = view.step;
  if (view.tab !== DEFAULT_VIEW.tab) minView.tab = view.tab;
  if (view.layout === 'policy') minView.layout = view.layout;
  if (view.predict === true) minView.predict = true;
  if (view.predictHides) minView.predictHides = [...view.predictHides];
  if (Object.keys(minView).length > 0) out.view = minView;
  if (scenario.slots && scenario.slots.length > 0) out.slots = scenario.slots.map(minimizeCustomSlot);
  if (scenario.goal) out.goal = minimizeGoal(scenario.goal);
  return out;
}

function minimizeCeiling(ceiling: Ceiling): CeilingInput {
  // An all-empty ceiling stays `{}`: it differs from no ceiling (the analysis lints it). Fields in struct order.
  const full = normalizeCeiling(ceiling);
  const out: CeilingInput = {};
  if (full.tools.length > 0) out.tools = full.tools;
  if (Object.keys(full.capabilities).length > 0) out.capabilities = full.capabilities;
  if (full.workspace_roots) out.workspace_roots = full.workspace_roots;
  if (full.side_effect_level !== null) out.side_effect_level = full.side_effect_level;
  if (full.recursion_limit !== undefined) out.recursion_limit = full.recursion_limit;
  if (full.tool_arg_constraints) out.tool_arg_constraints = full.tool_arg_constraints;
  if (full.tool_annotations) out.tool_annotations = full.tool_annotations;
  return out;
}

function minimizeLatency(latency: Latency): Partial<Latency> | null {
  const out: Partial<Latency> = {};
  for (const kind of AWAIT_KINDS) if (latency[kind] !== latency.default) out[kind] = latency[kind];
  if (latency.default !== DEFAULT_LATENCY_TICKS) out.default = latency.default;
  return Object.keys(out).length > 0 ? out : null;
}

function copySchedule(schedule: Schedule): Schedule {
  if (schedule.kind === 'random') return { kind: 'random', seed: schedule.seed };
  if (schedule.kind === 'picks') return { kind: 'picks', picks: [...schedule.picks] };
  return { kind: 'fifo' };
}

// Null-prototype copies: a capability or tool named "__proto__" or "constructor" stays an ordinary key.
function copyCapabilities(capabilities: Record<string, string[]>): Record<string, string[]> {
  const out = Object.create(null) as Record<string, string[]>;
  for (const name of Object.keys(capabilities)) out[name] = [...capabilities[name]!];
  return out;
}

function copyAnnotations(annotations: Record<string, Record<string, unknown>>): Record<string, Record<string, unknown>> {
  // Annotation values are opaque JSON (harn's ToolAnnotations); a structured copy keeps them whole.
  const out = Object.create(null) as Record<string, Record<string, unknown>>;
  for (const name of Object.keys(annotations)) out[name] = JSON.parse(JSON.stringify(annotations[name])) as Record<string, unknown>;
  return out;
}

function copyGrantRecord(record: GrantRecord): GrantRecord {
  return { ...record };
}
