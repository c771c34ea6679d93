// Validation of external scenario input (file, link, autosave, CLI) with zod: field-precise errors that name
// the field and what is wrong (`children[1].ceiling.side_effect_level: expected a string or null, got 42`).
// Never throws. Grant records are checked only as objects: the effect analysis parses them. Depends on zod
// and ./ files only.
import { z } from 'zod';
import { groupedCount } from '../counts.ts';
import { decodePolicy } from '../analysis/policyDecode.ts';
import { DEFAULT_PARENT_NAME, DEFAULT_RUN, normalizeScenario } from './defaults.ts';
import * as limits from './limits.ts';
import { isPlainObject, migrateScenario, type MigrationChain, MIGRATIONS } from './migrations.ts';
import { customSlotIssues, knownSlotNames } from './customSlots.ts';
import { AMBIENT_SLOT_NAMES } from './slots.ts';
import { parsePick } from './picks.ts';
import { goalIssues } from '../goals/schema.ts';
import {
  LATENCY_KEYS,
  PREDICT_PARTS,
  SCENARIO_VERSION,
  type CeilingInput,
  type ScenarioError,
  type ScenarioInput,
  type ScenarioResult,
} from './types.ts';

type Issue = z.core.$ZodRawIssue;

/** `children[1].ceiling`: numbers as indices, identifiers after a dot, anything else quoted. */
export function formatScenarioPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(segment))
      out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}

/** One line: `children[0].name: expected …` (or just the message for the whole input). */
export function formatScenarioError(error: ScenarioError): string {
  return error.path ? `${error.path}: ${error.message}` : error.message;
}

/** A short rendering of a wrong value for messages: `42`, `"abc"`, `NaN`, `an object`, `a list`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string')
    return value.length > 40
      ? `${JSON.stringify(value.slice(0, 40))}… (${value.length} characters)`
      : JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

const count = groupedCount;

function problem(what: string, input: unknown): string {
  return input === undefined ? `missing: expected ${what}` : `expected ${what}, got ${describeValue(input)}`;
}

/** zod error option: "expected <what>, got <value>" for every issue of the schema it is attached to. */
const expect = (what: string) => ({ error: (issue: Issue) => problem(what, issue.input) });

function object<T extends z.ZodRawShape>(shape: T, what: string) {
  const known = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue: Issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown field (known fields: ${known})`
        : problem(what, issue.input),
  });
}

function list<T extends z.ZodType>(item: T, what: string, max: number, unit: string) {
  return z.array(item, expect(what)).max(max, {
    error: (issue: Issue) =>
      `too many ${unit}: ${count((issue.input as unknown[]).length)}, the limit is ${count(max)}`,
  });
}

const name = z
  .string(expect(limits.NAME_RULE))
  .max(limits.MAX_NAME_CHARS, expect(limits.NAME_RULE))
  .regex(limits.NAME_PATTERN, expect(limits.NAME_RULE));

const source = z.string(expect('a string (the program text)')).max(limits.MAX_SOURCE_CHARS, {
  error: (issue: Issue) =>
    `too long: ${count((issue.input as string).length)} characters, the limit is ${count(limits.MAX_SOURCE_CHARS)} per program`,
});

const grant = list(
  z.custom<Record<string, unknown>>(isPlainObject, expect('an effect record object')),
  'a list of effect records (serde JSON) or null',
  limits.MAX_GRANT_RECORDS,
  'grant records',
).nullable();

// harn's whole CapabilityPolicy, decoded as serde decodes it (../analysis/policyDecode.ts): type errors name the
// field; unknown fields are ignored as harn ignores them (loadScenario returns them as warnings, never silently).
// Not z.record: it silently drops a "__proto__" key, and nothing here may be dropped silently.
const ceiling = z
  .unknown()
  .superRefine((value, ctx) => {
    if (value === null || value === undefined) return;
    for (const error of decodePolicy(value).errors)
      ctx.addIssue({ code: 'custom', path: error.path === '' ? [] : policyPath(error.path), message: error.message });
  })
  .transform((value) => (value === null || value === undefined ? value : decodePolicy(value).value)) as unknown as z.ZodType<CeilingInput | null>;

// `capabilities.network[0]` → ['capabilities', 'network', 0] (so formatScenarioPath prints it after the child).
function policyPath(path: string): PropertyKey[] {
  const out: PropertyKey[] = [];
  for (const match of path.matchAll(/\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]|\.?([^.[\]]+)/g)) {
    if (match[1] !== undefined) out.push(Number(match[1]));
    else if (match[2] !== undefined) out.push(JSON.parse(`"${match[2]}"`) as string);
    else if (match[3] !== undefined) out.push(match[3]);
  }
  return out;
}

const child = object(
  { name, source, ceiling: ceiling.optional() },
  'a child object ({"name", "source", "ceiling"?})',
);

const parent = object(
  { name: name.optional(), source, grant: grant.optional() },
  'a parent object ({"name"?, "source", "grant"?})',
);

// Which names are known depends on the scenario's added `slots`, so membership is a cross-field rule.
const slot = z.string(expect('a slot name (a string)'));

function unknownSlotMessage(name: string, known: readonly string[]): string {
  const near = known.find((k) => k === name.toUpperCase());
  const hint = near
    ? `; did you mean ${near}?`
    : ` (slot names are the ${known.length} names of the ambient catalog${known.length > AMBIENT_SLOT_NAMES.length ? " and the scenario's slots" : ''}, e.g. VM_EXECUTION_CONTEXT)`;
  return `unknown slot name ${describeValue(name)}${hint}`;
}

const slots = z.unknown().superRefine((value, ctx) => {
  for (const issue of customSlotIssues(value)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
}) as unknown as z.ZodType<NonNullable<ScenarioInput['slots']>>;

const SEED_RULE = `an unsigned 32-bit integer (0 to ${count(limits.MAX_SEED)})`;
const schedule = z.discriminatedUnion(
  'kind',
  [
    object({ kind: z.literal('fifo') }, 'a schedule object'),
    object(
      {
        kind: z.literal('random'),
        seed: z.int(expect(SEED_RULE)).min(0, expect(SEED_RULE)).max(limits.MAX_SEED, expect(SEED_RULE)),
      },
      'a schedule object',
    ),
    object(
      {
        kind: z.literal('picks'),
        picks: list(z.string(expect('a task name')), 'a list of task names', limits.MAX_PICKS, 'picks'),
      },
      'a schedule object',
    ),
  ],
  {
    error: (issue: Issue) =>
      issue.code === 'invalid_union' && isPlainObject(issue.input)
        ? problem('"fifo", "random" or "picks"', issue.input.kind)
        : problem('a schedule object ({"kind": "fifo" | "random" | "picks", …})', issue.input),
  },
);

const LATENCY_RULE = `a whole number of logical ticks from 0 to ${count(limits.MAX_LATENCY)}`;
const ticks = z
  .int(expect(LATENCY_RULE))
  .min(0, expect(LATENCY_RULE))
  .max(limits.MAX_LATENCY, expect(LATENCY_RULE))
  .optional();
const latency = object(
  Object.fromEntries(LATENCY_KEYS.map((key) => [key, ticks])) as Record<
    (typeof LATENCY_KEYS)[number],
    typeof ticks
  >,
  'an object of latencies per await kind',
);

const STEPS_RULE = `an integer from ${count(limits.MIN_MAX_STEPS)} to ${count(limits.MAX_MAX_STEPS)}`;
const THREADS_RULE = `an integer from 1 to ${limits.MAX_THREADS}`;
const run = object(
  {
    mode: z.enum(['scoped', 'unscoped', 'naive'], expect('"scoped", "unscoped" or "naive"')).optional(),
    captured: list(slot, 'a list of slot names or null', AMBIENT_SLOT_NAMES.length + limits.MAX_CUSTOM_SLOTS, 'slots')
      .nullable()
      .optional(),
    schedule: schedule.optional(),
    latency: latency.optional(),
    enforceAtSpawn: z.boolean(expect('true or false')).optional(),
    maxSteps: z
      .int(expect(STEPS_RULE))
      .min(limits.MIN_MAX_STEPS, expect(STEPS_RULE))
      .max(limits.MAX_MAX_STEPS, expect(STEPS_RULE))
      .optional(),
    threads: z
      .int(expect(THREADS_RULE))
      .min(1, expect(THREADS_RULE))
      .max(limits.MAX_THREADS, expect(THREADS_RULE))
      .optional(),
  },
  'a run settings object',
);

const STEP_RULE = 'a step index (an integer from 0)';
const PREDICT_PART_RULE = PREDICT_PARTS.map((part) => `"${part}"`).join(', ');
const view = object(
  {
    step: z
      .int(expect(STEP_RULE))
      .min(0, expect(STEP_RULE))
      .max(limits.MAX_MAX_STEPS, expect(STEP_RULE))
      .optional(),
    tab: z.string(expect('a task name or null')).nullable().optional(),
    layout: z.enum(['lesson', 'policy'], expect('"lesson" or "policy"')).optional(),
    predict: z.boolean(expect('true or false')).optional(),
    predictHides: list(z.enum(PREDICT_PARTS, expect(PREDICT_PART_RULE)), `a list of parts Predict mode hides (${PREDICT_PART_RULE})`, PREDICT_PARTS.length, 'parts').optional(),
  },
  'a view object',
);

const version = z.literal(SCENARIO_VERSION, {
  error: (issue: Issue) =>
    typeof issue.input === 'number' && Number.isInteger(issue.input) && issue.input > SCENARIO_VERSION
      ? newerVersionMessage(issue.input)
      : problem(`${SCENARIO_VERSION} (the scenario format version)`, issue.input),
});

const scenario = object(
  {
    version,
    parent,
    children: list(child, 'a list of children', limits.MAX_CHILDREN, 'children').optional(),
    run: run.optional(),
    view: view.optional(),
    slots: slots.optional(),
    // Checked with the fields it relates to (its slots must be the scenario's): crossFieldErrors.
    goal: z.unknown().optional() as unknown as z.ZodOptional<z.ZodType<NonNullable<ScenarioInput['goal']>>>,
  },
  'a scenario object ({"version": 1, "parent": …, "children": […], …})',
);

export function newerVersionMessage(version: number): string {
  return `this scenario was made by a newer Harn Scope Lab (version ${version}); this one reads versions up to ${SCENARIO_VERSION}`;
}

/** Checks `input` against the current (version 1) schema and returns it normalized, or every problem found
 * (at most MAX_SCENARIO_ERRORS). Never throws. Use {@link loadScenario} for input that may be older. */
export function validateScenario(input: unknown): ScenarioResult {
  const errors: ScenarioError[] = [];
  let parsed: ScenarioInput | null = null;
  try {
    const result = scenario.safeParse(input, { reportInput: true });
    if (result.success) parsed = result.data as ScenarioInput;
    else errors.push(...result.error.issues.flatMap(issueToErrors));
    errors.push(...crossFieldErrors(input));
  } catch (error) {
    // Plain data never throws here; a hostile object (a throwing getter or proxy) might: report, never crash.
    return {
      value: null,
      errors: [
        {
          path: '',
          message: `cannot read this scenario: ${error instanceof Error ? error.message : String(error)}`,
        },
      ],
    };
  }
  if (errors.length > 0 || parsed === null) return { value: null, errors: capErrors(errors) };
  const warnings = ceilingWarnings(input);
  return warnings.length > 0 ? { value: normalizeScenario(parsed), errors: [], warnings } : { value: normalizeScenario(parsed), errors: [] };
}

/** Validates external input of any version this build can read: an older `version` is migrated first
 * (through `chain`, the real MIGRATIONS by default), a newer one is refused with a clear message. */
export function loadScenario(input: unknown, chain: MigrationChain = MIGRATIONS): ScenarioResult {
  if (
    isPlainObject(input) &&
    Number.isSafeInteger(input.version) &&
    (input.version as number) < SCENARIO_VERSION
  ) {
    const migrated = migrateScenario(input, input.version as number, chain);
    if (migrated.error !== null)
      return { value: null, errors: [{ path: 'version', message: migrated.error }] };
    return validateScenario(migrated.value);
  }
  return validateScenario(input);
}

// Ceiling fields harn ignores (a typo like `side_effects_level`), with the nearest known name: dropped on load, as
// harn drops them, but said.
function ceilingWarnings(input: unknown): ScenarioError[] {
  const children = isPlainObject(input) && Array.isArray(input.children) ? input.children : [];
  return children.flatMap((child: unknown, index) =>
    isPlainObject(child) && isPlainObject(child.ceiling)
      ? decodePolicy(child.ceiling).warnings.map((w) => ({ path: `children[${index}].ceiling.${w.path}`, message: w.message }))
      : [],
  );
}

function issueToErrors(issue: z.core.$ZodIssue): ScenarioError[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      path: formatScenarioPath([...issue.path, key]),
      message: issue.message,
    }));
  }
  return [{ path: formatScenarioPath(issue.path), message: issue.message }];
}

function capErrors(errors: ScenarioError[]): ScenarioError[] {
  if (errors.length <= limits.MAX_SCENARIO_ERRORS) return errors;
  const shown = errors.slice(0, limits.MAX_SCENARIO_ERRORS);
  shown.push({
    path: '',
    message: `${count(errors.length - limits.MAX_SCENARIO_ERRORS)} more errors not shown`,
  });
  return shown;
}

// Rules that relate fields (unique names, picks and tab naming tasks, step within maxSteps). They read the
// raw input defensively so they report alongside the shape errors instead of after them.
function crossFieldErrors(input: unknown): ScenarioError[] {
  if (!isPlainObject(input)) return [];
  const errors: ScenarioError[] = [];
  const parent = isPlainObject(input.parent) ? input.parent : {};
  const parentName =
    typeof parent.name === 'string' ? parent.name : parent.name === undefined ? DEFAULT_PARENT_NAME : null;
  const children = Array.isArray(input.children) ? input.children : [];
  const taskNames: string[] = parentName === null ? [] : [parentName];
  const firstIndex = new Map<string, number>();
  children.forEach((child: unknown, index) => {
    if (!isPlainObject(child) || typeof child.name !== 'string') return;
    const path = `children[${index}].name`;
    const earlier = firstIndex.get(child.name);
    if (child.name === parentName)
      errors.push({
        path,
        message: `${describeValue(child.name)} is already the parent's name; task names must be unique`,
      });
    else if (earlier !== undefined)
      errors.push({
        path,
        message: `${describeValue(child.name)} is already the name of children[${earlier}]; child names must be unique`,
      });
    else {
      firstIndex.set(child.name, index);
      taskNames.push(child.name);
    }
  });
  const tasks = `tasks: ${taskNames.join(', ') || 'none'}`;
  const run = isPlainObject(input.run) ? input.run : {};
  const schedule = isPlainObject(run.schedule) ? run.schedule : {};
  if (
    schedule.kind === 'picks' &&
    Array.isArray(schedule.picks) &&
    schedule.picks.length <= limits.MAX_PICKS
  ) {
    const threads = typeof run.threads === 'number' ? run.threads : 1;
    schedule.picks.forEach((pick: unknown, index) => {
      if (typeof pick !== 'string') return;
      const parsed = parsePick(pick);
      if (!taskNames.includes(parsed.task)) {
        errors.push({
          path: `run.schedule.picks[${index}]`,
          message: `${describeValue(pick)} names no task (${tasks})`,
        });
      } else if (parsed.thread !== null && parsed.thread > threads) {
        errors.push({
          path: `run.schedule.picks[${index}]`,
          message: `${describeValue(pick)} names thread ${parsed.thread}, but run.threads is ${threads}`,
        });
      }
    });
  }
  if (Array.isArray(run.captured)) {
    const seen = new Map<unknown, number>();
    const known = knownSlotNames(input.slots);
    run.captured.forEach((slotName: unknown, index) => {
      const earlier = seen.get(slotName);
      if (typeof slotName === 'string' && !known.includes(slotName)) {
        errors.push({ path: `run.captured[${index}]`, message: unknownSlotMessage(slotName, known) });
      } else if (typeof slotName === 'string' && earlier !== undefined) {
        errors.push({
          path: `run.captured[${index}]`,
          message: `${describeValue(slotName)} is listed twice (also run.captured[${earlier}])`,
        });
      } else seen.set(slotName, index);
    });
  }
  if (input.goal !== undefined)
    for (const issue of goalIssues(input.goal, knownSlotNames(input.slots)))
      errors.push({ path: formatScenarioPath(['goal', ...issue.path]), message: issue.message });
  const view = isPlainObject(input.view) ? input.view : {};
  if (typeof view.tab === 'string' && !taskNames.includes(view.tab)) {
    errors.push({ path: 'view.tab', message: `${describeValue(view.tab)} names no task (${tasks})` });
  }
  const maxSteps = typeof run.maxSteps === 'number' ? run.maxSteps : DEFAULT_RUN.maxSteps;
  if (
    typeof view.step === 'number' &&
    Number.isInteger(view.step) &&
    view.step > maxSteps &&
    view.step <= limits.MAX_MAX_STEPS
  ) {
    errors.push({
      path: 'view.step',
      message: `step ${count(view.step)} is past run.maxSteps (${count(maxSteps)})`,
    });
  }
  return errors;
}
