// Effect records (effects.rs `EffectKind`/`EffectScope`/`EffectRecord`): constructors, Rust's derived `Ord`,
// BTreeSet-style canonicalisation, and serde_json-compatible encoding / strict decoding.
// Pure data: depends only on ../diagnostics.ts (for Span).
import type { Span } from '../diagnostics.ts';
import { parseJsonStrict } from '../json.ts';

/** `EffectKind`, serde-tagged by `kind` (snake_case). Absent options are absent keys, never `undefined`. */
export type EffectKind =
  | { kind: 'stdio' }
  | { kind: 'fs' }
  | { kind: 'net' }
  | { kind: 'llm'; provider?: string; model?: string }
  | { kind: 'tool'; name: string }
  | { kind: 'hostcall'; name: string }
  | { kind: 'persona'; id: string }
  | { kind: 'spawn' };

export type EffectKindName = EffectKind['kind'];

/** `EffectScope`: read | write | mutate | observe. */
export type EffectScope = 'read' | 'write' | 'mutate' | 'observe';

/** `EffectRecord { kind, scope, resource? }`. */
export interface EffectRecord {
  kind: EffectKind;
  scope: EffectScope;
  resource?: string;
}

/** A record computed from source plus the spans of every call site that produced it (kept out of serde JSON). */
export interface AnalyzedEffect {
  effect: EffectRecord;
  sites: Span[];
}

/** Variant order of the Rust enums = derived `Ord` order. */
export const EFFECT_KIND_ORDER: readonly EffectKindName[] = ['stdio', 'fs', 'net', 'llm', 'tool', 'hostcall', 'persona', 'spawn'];
export const EFFECT_SCOPE_ORDER: readonly EffectScope[] = ['read', 'write', 'mutate', 'observe'];
const KIND_RANK: Readonly<Record<EffectKindName, number>> = { stdio: 0, fs: 1, net: 2, llm: 3, tool: 4, hostcall: 5, persona: 6, spawn: 7 };
const SCOPE_RANK: Readonly<Record<EffectScope, number>> = { read: 0, write: 1, mutate: 2, observe: 3 };

/** `EffectRecord::new(kind, scope)`. */
export function effectRecord(kind: EffectKind, scope: EffectScope): EffectRecord {
  return { kind, scope };
}

/** `EffectRecord::with_resource`: an empty resource becomes None. */
export function effectWithResource(effect: EffectRecord, resource: string): EffectRecord {
  const out: EffectRecord = { kind: effect.kind, scope: effect.scope };
  if (resource !== '') out.resource = resource;
  return out;
}

// `Llm { None, None }`, one frozen object shared by every record that has it (records are never mutated; structured
// cloning a result pays per object).
const LLM_ANY: EffectKind = Object.freeze({ kind: 'llm' });

/** `EffectKind::Llm { provider, model }` with None options left out. */
export function llmKind(provider: string | null = null, model: string | null = null): EffectKind {
  if (provider === null && model === null) return LLM_ANY;
  const kind: { kind: 'llm'; provider?: string; model?: string } = { kind: 'llm' };
  if (provider !== null) kind.provider = provider;
  if (model !== null) kind.model = model;
  return kind;
}

// Surrogates (D800–DFFF) sort above E000–FFFF in code point order but below them in UTF-16 order;
// shifting them restores code point order, which equals UTF-8 byte order (Rust `String`'s `Ord`).
function codeUnitRank(unit: number): number {
  if (unit >= 0xe000) return unit - 0x800;
  if (unit >= 0xd800) return unit + 0x2000;
  return unit;
}

const HIGH_UNIT = /[\uD800-\uFFFF]/;

/** Compares like Rust `String` (UTF-8 bytes, i.e. code points), not like JS `<` on UTF-16. */
export function compareRustStrings(a: string, b: string): number {
  if (a === b) return 0;
  // UTF-16 and code point order disagree only where both strings hold a unit >= U+D800; otherwise use native `<`.
  if (!HIGH_UNIT.test(a) || !HIGH_UNIT.test(b)) return a < b ? -1 : 1;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codeUnitRank(x) - codeUnitRank(y);
  }
  return a.length - b.length;
}

/** `Option<String>` order: None < Some, then string order. */
function compareOptional(a: string | undefined, b: string | undefined): number {
  if (a === undefined) return b === undefined ? 0 : -1;
  if (b === undefined) return 1;
  return compareRustStrings(a, b);
}

/** Derived `Ord` of `EffectKind`: variant order, then the variant's fields in declaration order. */
export function compareEffectKinds(a: EffectKind, b: EffectKind): number {
  const byVariant = KIND_RANK[a.kind] - KIND_RANK[b.kind];
  if (byVariant !== 0) return byVariant;
  if (a.kind === 'llm' && b.kind === 'llm') return compareOptional(a.provider, b.provider) || compareOptional(a.model, b.model);
  if (a.kind === 'tool' && b.kind === 'tool') return compareRustStrings(a.name, b.name);
  if (a.kind === 'hostcall' && b.kind === 'hostcall') return compareRustStrings(a.name, b.name);
  if (a.kind === 'persona' && b.kind === 'persona') return compareRustStrings(a.id, b.id);
  return 0;
}

/** Derived `Ord` of `EffectRecord`: kind, then scope (variant order), then resource (None first). */
export function compareEffects(a: EffectRecord, b: EffectRecord): number {
  return (
    compareEffectKinds(a.kind, b.kind) ||
    SCOPE_RANK[a.scope] - SCOPE_RANK[b.scope] ||
    compareOptional(a.resource, b.resource)
  );
}

/** Structural equality (derived `PartialEq`). */
export function effectsEqual(a: EffectRecord, b: EffectRecord): boolean {
  return compareEffects(a, b) === 0;
}

/** BTreeSet semantics: sort by {@link compareEffects} and drop duplicates. */
export function canonicalizeEffects(effects: readonly EffectRecord[]): EffectRecord[] {
  const sorted = [...effects].sort(compareEffects);
  return sorted.filter((effect, i) => i === 0 || compareEffects(sorted[i - 1]!, effect) !== 0);
}

/** Canonicalises analyzed effects, merging the call sites of duplicates (sorted by position, deduplicated). */
export function canonicalizeAnalyzed(effects: readonly AnalyzedEffect[]): AnalyzedEffect[] {
  const sorted = [...effects].sort((a, b) => compareEffects(a.effect, b.effect));
  const out: AnalyzedEffect[] = [];
  for (const item of sorted) {
    const last = out[out.length - 1];
    if (last && compareEffects(last.effect, item.effect) === 0) last.sites.push(...item.sites);
    else out.push({ effect: item.effect, sites: [...item.sites] });
  }
  for (const item of out) item.sites = dedupeSpans(item.sites);
  // (`out` items own fresh `sites` arrays, so callers' arrays are never mutated.)
  return out;
}

/** Spans by position with duplicates dropped; `spans` itself when it already is so (the usual case), else a copy. */
export function dedupeSpans(spans: Span[]): Span[] {
  let ordered = true;
  for (let i = 1; i < spans.length && ordered; i++) {
    const a = spans[i - 1]!;
    const b = spans[i]!;
    ordered = a.start < b.start || (a.start === b.start && a.end < b.end);
  }
  if (ordered) return spans;
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  return sorted.filter((s, i) => i === 0 || sorted[i - 1]!.start !== s.start || sorted[i - 1]!.end !== s.end);
}

/** The serde value of one kind, keys in Rust field order, None omitted. */
function kindToValue(kind: EffectKind): Record<string, string> {
  switch (kind.kind) {
    case 'llm': {
      const out: Record<string, string> = { kind: 'llm' };
      if (kind.provider !== undefined) out.provider = kind.provider;
      if (kind.model !== undefined) out.model = kind.model;
      return out;
    }
    case 'tool':
      return { kind: 'tool', name: kind.name };
    case 'hostcall':
      return { kind: 'hostcall', name: kind.name };
    case 'persona':
      return { kind: 'persona', id: kind.id };
    default:
      return { kind: kind.kind };
  }
}

/** The `serde_json::to_value` shape of one record (fresh plain object, keys in Rust struct order). */
export function effectToValue(effect: EffectRecord): { kind: Record<string, string>; scope: EffectScope; resource?: string } {
  const out: { kind: Record<string, string>; scope: EffectScope; resource?: string } = { kind: kindToValue(effect.kind), scope: effect.scope };
  if (effect.resource !== undefined) out.resource = effect.resource;
  return out;
}

/**
 * `serde_json::to_string(&effects)`, byte for byte: compact, keys in struct order, None omitted.
 * (JSON.stringify escapes strings exactly as serde_json does for valid Unicode: `"` `\\` \b \f \n \r \t, other
 * controls as lowercase `\u00xx`, nothing else.)
 */
export function effectsToJson(effects: readonly EffectRecord[]): string {
  return JSON.stringify(effects.map(effectToValue));
}

// Length-prefixed, so no string content can make two different records share a key; None is `-`.
function keyPart(value: string | null | undefined): string {
  return value === null || value === undefined ? '-' : `${value.length}:${value}`;
}

/** A stable identity string for one record: equal records (derived `Eq`) have equal keys. Cheap: no JSON. */
export function effectKey(effect: EffectRecord): string {
  const k = effect.kind;
  const a = k.kind === 'llm' ? k.provider : k.kind === 'tool' || k.kind === 'hostcall' ? k.name : k.kind === 'persona' ? k.id : null;
  const b = k.kind === 'llm' ? k.model : null;
  return `${k.kind}${keyPart(a)}${keyPart(b)}${effect.scope}${keyPart(effect.resource)}`;
}

/** A field-precise decoding error: `path` like `[2].kind.name`. */
export interface EffectJsonError {
  path: string;
  message: string;
}

export interface EffectsDecodeResult {
  value: EffectRecord[] | null;
  errors: EffectJsonError[];
}

const KIND_VARIANTS = EFFECT_KIND_ORDER.map((name) => `\`${name}\``).join(', ');
const SCOPE_VARIANTS = EFFECT_SCOPE_ORDER.map((name) => `\`${name}\``).join(', ');

function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a sequence';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return `string ${JSON.stringify(value)}`;
  if (typeof value === 'number') return Number.isInteger(value) ? `integer \`${value}\`` : `floating point \`${value}\``;
  if (typeof value === 'boolean') return `boolean \`${value}\``;
  return typeof value;
}

function isPlainMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function has(map: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(map, key);
}

// `String` field: required, must be a string.
function decodeString(map: Record<string, unknown>, key: string, path: string, errors: EffectJsonError[]): string | null {
  if (!has(map, key)) {
    errors.push({ path, message: `missing field \`${key}\`` });
    return null;
  }
  const value = map[key];
  if (typeof value !== 'string') {
    errors.push({ path: `${path}.${key}`, message: `invalid type: ${describeJson(value)}, expected a string` });
    return null;
  }
  return value;
}

// `#[serde(default)] Option<String>`: absent or null is None.
function decodeOptional(map: Record<string, unknown>, key: string, path: string, errors: EffectJsonError[]): string | undefined | null {
  const value = map[key];
  if (!has(map, key) || value === null) return undefined;
  if (typeof value !== 'string') {
    errors.push({ path: `${path}.${key}`, message: `invalid type: ${describeJson(value)}, expected a string or null` });
    return null;
  }
  return value;
}

function decodeKind(value: unknown, path: string, errors: EffectJsonError[]): EffectKind | null {
  if (!isPlainMap(value)) {
    errors.push({ path, message: `invalid type: ${describeJson(value)}, expected an effect kind map like {"kind":"net"}` });
    return null;
  }
  if (!has(value, 'kind')) {
    errors.push({ path, message: 'missing field `kind`' });
    return null;
  }
  const tag = value.kind;
  if (typeof tag !== 'string') {
    errors.push({ path: `${path}.kind`, message: `invalid type: ${describeJson(tag)}, expected one of ${KIND_VARIANTS}` });
    return null;
  }
  switch (tag) {
    case 'stdio':
    case 'fs':
    case 'net':
    case 'spawn':
      return { kind: tag };
    case 'llm': {
      const provider = decodeOptional(value, 'provider', path, errors);
      const model = decodeOptional(value, 'model', path, errors);
      if (provider === null || model === null) return null;
      return llmKind(provider ?? null, model ?? null);
    }
    case 'tool':
    case 'hostcall': {
      const name = decodeString(value, 'name', path, errors);
      return name === null ? null : { kind: tag, name };
    }
    case 'persona': {
      const id = decodeString(value, 'id', path, errors);
      return id === null ? null : { kind: 'persona', id };
    }
    default:
      errors.push({ path: `${path}.kind`, message: `unknown variant \`${tag}\`, expected one of ${KIND_VARIANTS}` });
      return null;
  }
}

function decodeRecord(value: unknown, path: string, errors: EffectJsonError[]): EffectRecord | null {
  if (!isPlainMap(value)) {
    errors.push({ path, message: `invalid type: ${describeJson(value)}, expected an effect record {"kind":…,"scope":…}` });
    return null;
  }
  const before = errors.length;
  let kind: EffectKind | null = null;
  if (has(value, 'kind')) kind = decodeKind(value.kind, `${path}.kind`, errors);
  else errors.push({ path, message: 'missing field `kind`' });
  let scope: EffectScope | null = null;
  if (!has(value, 'scope')) errors.push({ path, message: 'missing field `scope`' });
  else if (typeof value.scope !== 'string') errors.push({ path: `${path}.scope`, message: `invalid type: ${describeJson(value.scope)}, expected one of ${SCOPE_VARIANTS}` });
  else if (!(EFFECT_SCOPE_ORDER as readonly string[]).includes(value.scope)) errors.push({ path: `${path}.scope`, message: `unknown variant \`${value.scope}\`, expected one of ${SCOPE_VARIANTS}` });
  else scope = value.scope as EffectScope;
  const resource = decodeOptional(value, 'resource', path, errors);
  if (errors.length > before || kind === null || scope === null || resource === null) return null;
  // Deserialisation keeps `Some("")` (only the `with_resource` constructor maps "" to None).
  const record: EffectRecord = { kind, scope };
  if (resource !== undefined) record.resource = resource;
  return record;
}

/**
 * `serde_json::from_value::<Vec<EffectRecord>>` on an already-parsed JSON value, strict like serde:
 * every error is reported with its path. Unknown fields are ignored (serde's default); `null` options are None.
 * Order is kept as given (serde does not sort).
 */
export function effectsFromValue(value: unknown): EffectsDecodeResult {
  if (!Array.isArray(value)) return { value: null, errors: [{ path: '', message: `invalid type: ${describeJson(value)}, expected a sequence of effect records` }] };
  const errors: EffectJsonError[] = [];
  const out: EffectRecord[] = [];
  value.forEach((item, i) => {
    const record = decodeRecord(item, `[${i}]`, errors);
    if (record) out.push(record);
  });
  return errors.length > 0 ? { value: null, errors } : { value: out, errors };
}

/** The first problem of an invalid parent grant as one line: `parent.grant[2]: missing field \`kind\` (and 1 more)`. */
export function grantErrorSummary(errors: readonly EffectJsonError[]): string {
  const first = errors[0];
  if (!first) return '';
  return `parent.grant${first.path}: ${first.message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`;
}

/**
 * A parent grant as a user pastes it: a bare effect list, or a handoff envelope `{"effects": […]}` (other envelope
 * fields are ignored, as serde ignores them). Errors in the envelope's list carry the `.effects` prefix.
 */
export function grantFromValue(value: unknown): EffectsDecodeResult {
  if (!isPlainMap(value)) return effectsFromValue(value);
  if (!has(value, 'effects')) return { value: null, errors: [{ path: '', message: 'missing field `effects`: expected a list of effect records or {"effects": […]}' }] };
  const inner = effectsFromValue(value.effects);
  return { value: inner.value, errors: inner.errors.map((e) => ({ path: `.effects${e.path}`, message: e.message })) };
}

/** {@link grantFromValue} on JSON text (a leading BOM is allowed); syntax errors are reported, never thrown. */
export function grantFromJson(text: string): EffectsDecodeResult {
  const parsed = parseJsonStrict(text);
  if (parsed.error) return { value: null, errors: [parsed.error] };
  return grantFromValue(parsed.value);
}

/** `serde_json::from_str::<Vec<EffectRecord>>` for the grant editor: JSON syntax errors are reported, never thrown. */
export function effectsFromJson(text: string): EffectsDecodeResult {
  const parsed = parseJsonStrict(text);
  if (parsed.error) return { value: null, errors: [parsed.error] };
  return effectsFromValue(parsed.value);
}

/** One `tool_arg_constraints` entry of harn's `CapabilityPolicy`. */
export interface ToolArgConstraint {
  tool: string;
  arg_patterns: string[];
  arg_key: string | null;
}

/**
 * harn's `CapabilityPolicy` as serde JSON (how a Scenario stores a ceiling), every field optional. The seed's
 * clamp reads only `capabilities` (capability → allowed ops; an empty list allows every op) and
 * `side_effect_level`; the rest are kept as given. Maps keyed by names are null-prototype objects.
 */
export interface CapabilityPolicy {
  tools?: string[];
  capabilities?: Record<string, string[]>;
  workspace_roots?: string[];
  side_effect_level?: string | null;
  recursion_limit?: number | null;
  tool_arg_constraints?: ToolArgConstraint[];
  tool_annotations?: Record<string, Record<string, unknown>>;
}
