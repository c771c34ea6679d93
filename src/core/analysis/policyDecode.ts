// harn's `CapabilityPolicy` decoded as serde decodes it: every field defaulted, each with serde's type, unknown
// fields ignored (here: ignored with a did-you-mean warning, never silently). Type errors name the field. Every map
// keyed by a user-supplied name is a null-prototype object, so `__proto__` and `constructor` are ordinary names.
// Pure: depends on ./types.ts and ../scenario/limits.ts only.
import { MAX_CEILING_ENTRIES } from '../scenario/limits.ts';
import type { CapabilityPolicy, ToolArgConstraint } from './types.ts';

/** A field-precise problem in a ceiling or grant: `path` like `capabilities.network[0]`. */
export interface PolicyError {
  path: string;
  message: string;
}

export interface CeilingParseResult {
  /** The policy, or null when there is none (empty text / `null`) or when `errors` is non-empty. */
  value: CapabilityPolicy | null;
  errors: PolicyError[];
  /** Keys serde would ignore, and duplicate map keys; reported so a typo (`side_effects_level`) is never silent. */
  warnings: PolicyError[];
}

/** Every field of harn's `CapabilityPolicy`, in its struct order. */
export const POLICY_FIELDS = [
  'tools',
  'capabilities',
  'workspace_roots',
  'side_effect_level',
  'recursion_limit',
  'tool_arg_constraints',
  'tool_annotations',
] as const;

export type PolicyField = (typeof POLICY_FIELDS)[number];

/** The fields the seed's effect clamp reads; the others are kept, shown as "kept; not used by the effect clamp". */
export const CLAMP_FIELDS: readonly PolicyField[] = ['capabilities', 'side_effect_level'];

const TOOL_ARG_FIELDS = ['tool', 'arg_patterns', 'arg_key'] as const;

/** A map with no prototype: any string is an ordinary key. */
export function createNameMap<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

export function hasOwnKey(map: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(map, key);
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** serde_json's wording of a value's type: `string "three"`, `integer \`3\``, `a map`. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a sequence';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return `string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
  if (typeof value === 'number') return Number.isInteger(value) ? `integer \`${value}\`` : `floating point \`${value}\``;
  if (typeof value === 'boolean') return `boolean \`${value}\``;
  return typeof value;
}

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  const part = /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? key : JSON.stringify(key);
  return path === '' ? part : /^"/.test(part) ? `${path}[${part}]` : `${path}.${part}`;
}

function levenshtein(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next.push(Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    row = next;
  }
  return row[b.length]!;
}

/** The known name nearest to `name` (edit distance at most half its length, at least 2), or null. */
export function nearestName(name: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Math.max(2, Math.ceil(name.length / 2)) + 1;
  for (const candidate of known) {
    const distance = levenshtein(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

function unknownFieldWarning(path: string, key: string, known: readonly string[]): PolicyError {
  const near = nearestName(key, known);
  const hint = near ? `; did you mean ${near}?` : ` (known fields: ${known.join(', ')})`;
  return { path: join(path, key), message: `unknown field "${key}" is ignored, as harn ignores it${hint}` };
}

interface Decoder {
  errors: PolicyError[];
  warnings: PolicyError[];
}

function strings(d: Decoder, value: unknown, path: string, what: string): string[] | null {
  if (!Array.isArray(value)) {
    d.errors.push({ path, message: `invalid type: ${describe(value)}, expected a sequence of ${what}s (strings)` });
    return null;
  }
  if (value.length > MAX_CEILING_ENTRIES) {
    d.errors.push({ path, message: `too many entries: ${value.length}, the limit is ${MAX_CEILING_ENTRIES}` });
    return null;
  }
  const before = d.errors.length;
  value.forEach((item, i) => {
    if (typeof item !== 'string') d.errors.push({ path: join(path, i), message: `invalid type: ${describe(item)}, expected ${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what} (string)` });
  });
  return d.errors.length > before ? null : [...(value as string[])];
}

function capabilityMap(d: Decoder, value: unknown, path: string): Record<string, string[]> | null {
  if (!isMap(value)) {
    d.errors.push({ path, message: `invalid type: ${describe(value)}, expected a map from capability name to a list of op names` });
    return null;
  }
  const keys = Object.keys(value);
  if (keys.length > MAX_CEILING_ENTRIES) {
    d.errors.push({ path, message: `too many capabilities: ${keys.length}, the limit is ${MAX_CEILING_ENTRIES}` });
    return null;
  }
  const out = createNameMap<string[]>();
  let ok = true;
  for (const key of keys) {
    const ops = strings(d, value[key], join(path, key), 'op name');
    if (ops === null) ok = false;
    else out[key] = ops;
  }
  return ok ? out : null;
}

function optionalString(d: Decoder, value: unknown, path: string): string | null | undefined {
  if (value === null || typeof value === 'string') return value;
  d.errors.push({ path, message: `invalid type: ${describe(value)}, expected a string or null` });
  return undefined;
}

function recursionLimit(d: Decoder, value: unknown, path: string): number | null | undefined {
  if (value === null) return null;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  const message =
    typeof value === 'number' && Number.isInteger(value) && value < 0
      ? `invalid value: integer \`${value}\`, expected an unsigned integer or null`
      : `invalid type: ${describe(value)}, expected an unsigned integer or null`;
  d.errors.push({ path, message });
  return undefined;
}

function toolArgConstraint(d: Decoder, value: unknown, path: string): ToolArgConstraint | null {
  if (!isMap(value)) {
    d.errors.push({ path, message: `invalid type: ${describe(value)}, expected a map like {"tool": "…", "arg_patterns": […]}` });
    return null;
  }
  const before = d.errors.length;
  for (const key of Object.keys(value)) if (!(TOOL_ARG_FIELDS as readonly string[]).includes(key)) d.warnings.push(unknownFieldWarning(path, key, TOOL_ARG_FIELDS));
  let tool: string | null = null;
  if (!hasOwnKey(value, 'tool')) d.errors.push({ path, message: 'missing field `tool`' });
  else if (typeof value.tool !== 'string') d.errors.push({ path: join(path, 'tool'), message: `invalid type: ${describe(value.tool)}, expected a string` });
  else tool = value.tool;
  const patterns = hasOwnKey(value, 'arg_patterns') ? strings(d, value.arg_patterns, join(path, 'arg_patterns'), 'pattern') : [];
  const key = hasOwnKey(value, 'arg_key') ? optionalString(d, value.arg_key, join(path, 'arg_key')) : null;
  if (d.errors.length > before || tool === null || patterns === null || key === undefined) return null;
  return { tool, arg_patterns: patterns, arg_key: key };
}

function toolArgConstraints(d: Decoder, value: unknown, path: string): ToolArgConstraint[] | null {
  if (!Array.isArray(value)) {
    d.errors.push({ path, message: `invalid type: ${describe(value)}, expected a sequence of {"tool", "arg_patterns", "arg_key"} maps` });
    return null;
  }
  if (value.length > MAX_CEILING_ENTRIES) {
    d.errors.push({ path, message: `too many entries: ${value.length}, the limit is ${MAX_CEILING_ENTRIES}` });
    return null;
  }
  const out = value.map((item, i) => toolArgConstraint(d, item, join(path, i)));
  return out.every((item) => item !== null) ? (out as ToolArgConstraint[]) : null;
}

/** A JSON value copied with null-prototype maps (annotations are kept as given, never interpreted). */
function copyJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyJson);
  if (isMap(value)) {
    const out = createNameMap<unknown>();
    for (const key of Object.keys(value)) out[key] = copyJson(value[key]);
    return out;
  }
  return value;
}

function toolAnnotations(d: Decoder, value: unknown, path: string): Record<string, Record<string, unknown>> | null {
  if (!isMap(value)) {
    d.errors.push({ path, message: `invalid type: ${describe(value)}, expected a map from tool name to an annotations map` });
    return null;
  }
  const out = createNameMap<Record<string, unknown>>();
  let ok = true;
  for (const key of Object.keys(value)) {
    const item = value[key];
    if (!isMap(item)) {
      d.errors.push({ path: join(path, key), message: `invalid type: ${describe(item)}, expected a map of annotations` });
      ok = false;
    } else out[key] = copyJson(item) as Record<string, unknown>;
  }
  return ok ? out : null;
}

function decodeField(d: Decoder, policy: CapabilityPolicy, field: PolicyField, value: unknown): void {
  const path = field;
  switch (field) {
    case 'tools': {
      const v = strings(d, value, path, 'tool name');
      if (v) policy.tools = v;
      return;
    }
    case 'capabilities': {
      const v = capabilityMap(d, value, path);
      if (v) policy.capabilities = v;
      return;
    }
    case 'workspace_roots': {
      const v = strings(d, value, path, 'path');
      if (v) policy.workspace_roots = v;
      return;
    }
    case 'side_effect_level': {
      const v = optionalString(d, value, path);
      if (v !== undefined) policy.side_effect_level = v;
      return;
    }
    case 'recursion_limit': {
      const v = recursionLimit(d, value, path);
      if (v !== undefined) policy.recursion_limit = v;
      return;
    }
    case 'tool_arg_constraints': {
      const v = toolArgConstraints(d, value, path);
      if (v) policy.tool_arg_constraints = v;
      return;
    }
    case 'tool_annotations': {
      const v = toolAnnotations(d, value, path);
      if (v) policy.tool_annotations = v;
      return;
    }
  }
}

/**
 * `serde_json::from_value::<CapabilityPolicy>` on a parsed JSON value (`null` = no ceiling): every field
 * optional with serde's type; unknown fields are warnings with the nearest known name. Never throws.
 */
export function decodePolicy(raw: unknown): CeilingParseResult {
  if (raw === null || raw === undefined) return { value: null, errors: [], warnings: [] };
  if (!isMap(raw)) {
    return { value: null, errors: [{ path: '', message: `invalid type: ${describe(raw)}, expected a policy map like {"capabilities": {...}, "side_effect_level": "read_only"}` }], warnings: [] };
  }
  const d: Decoder = { errors: [], warnings: [] };
  const policy: CapabilityPolicy = {};
  // Fields in struct order, whatever order the input wrote them in, so equal policies print equally.
  for (const field of POLICY_FIELDS) if (hasOwnKey(raw, field)) decodeField(d, policy, field, raw[field]);
  for (const key of Object.keys(raw)) if (!(POLICY_FIELDS as readonly string[]).includes(key)) d.warnings.push(unknownFieldWarning('', key, POLICY_FIELDS));
  return d.errors.length > 0 ? { value: null, errors: d.errors, warnings: d.warnings } : { value: policy, errors: [], warnings: d.warnings };
}
