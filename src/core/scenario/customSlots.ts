// Thread-locals a scenario adds to the seed's catalog (issue F3): name, shape, which calls read it, whether
// `capture_inherited` copies it, and the author's decision (Captured, or Uncaptured with a reason; none yet =
// unclassified, which the drift guard flags). Validation names every wrong field; normalizing and minimizing
// keep the field absent when a scenario adds nothing, so every older scenario and link is byte-identical.
// Depends only on ./slots.ts and ./limits.ts.
import { MAX_CUSTOM_SLOTS, MAX_SLOT_REASON_CHARS } from './limits.ts';
import { AMBIENT_SLOT_NAMES, isAmbientShapeName, isAmbientSlotName, slotShapeOf, type SlotShape } from './slots.ts';

/** Which calls read an added slot: by effect kind, process calls, `host_call`, or every capability check. */
export const SLOT_READ_KINDS = ['fs', 'net', 'llm', 'process', 'host', 'any'] as const;
export type SlotReadKind = (typeof SLOT_READ_KINDS)[number];

/** The author's decision for an added slot; `null` = not decided yet. */
export type CustomSlotScoping = 'captured' | 'uncaptured' | null;

/** An added thread-local, normalized (every field present). */
export interface CustomSlot {
  name: string;
  shape: SlotShape;
  reads: SlotReadKind[];
  /** `capture_inherited` copies it from the spawning thread (else a child's scope starts it empty). */
  inherited: boolean;
  scoping: CustomSlotScoping;
  /** Why it is safely Uncaptured ('' = no reason given yet). */
  reason: string;
}

/** An added thread-local as external input may write it: only `name` is required. */
export interface CustomSlotInput {
  name: string;
  shape?: SlotShape;
  reads?: SlotReadKind[];
  inherited?: boolean;
  scoping?: CustomSlotScoping;
  reason?: string;
}

/** Decided: Captured, or Uncaptured with a reason. Anything else is flagged and counts as not cataloged. */
export function isCustomSlotDecided(slot: CustomSlot): boolean {
  return slot.scoping === 'captured' || (slot.scoping === 'uncaptured' && slot.reason.trim() !== '');
}

export function normalizeCustomSlot(input: CustomSlotInput): CustomSlot {
  return {
    name: input.name,
    shape: input.shape ?? slotShapeOf(input.name),
    reads: [...(input.reads ?? [])],
    inherited: input.inherited ?? false,
    scoping: input.scoping ?? null,
    reason: input.reason ?? '',
  };
}

/** The smallest input that normalizes back to `slot`, keys in a fixed order (equal slots, equal links). */
export function minimizeCustomSlot(slot: CustomSlot): CustomSlotInput {
  const out: CustomSlotInput = { name: slot.name };
  if (slot.shape !== slotShapeOf(slot.name)) out.shape = slot.shape;
  if (slot.reads.length > 0) out.reads = [...slot.reads];
  if (slot.inherited) out.inherited = true;
  if (slot.scoping !== null) out.scoping = slot.scoping;
  if (slot.reason !== '') out.reason = slot.reason;
  return out;
}

/** One problem: a path below `slots` and a message. */
export interface CustomSlotIssue {
  path: (string | number)[];
  message: string;
}

const SHAPES: readonly string[] = ['stack', 'depth', 'option'];
const FIELDS = ['name', 'shape', 'reads', 'inherited', 'scoping', 'reason'];
const NAME_PATTERN = /^[A-Z][A-Z0-9_]*$/;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const shown = (v: unknown): string =>
  v === undefined ? 'nothing' : Array.isArray(v) ? 'a list' : isObject(v) ? 'an object' : JSON.stringify(v) ?? String(v);
const got = (what: string, v: unknown) => (v === undefined ? `missing: expected ${what}` : `expected ${what}, got ${shown(v)}`);

function nameIssue(name: unknown): string | null {
  if (typeof name !== 'string' || !NAME_PATTERN.test(name) || name.length > 64)
    return got('a thread-local name in capitals (A-Z, 0-9, "_"), at most 64 characters', name);
  if (isAmbientSlotName(name)) return `${shown(name)} is already in the seed's catalog`;
  if (!isAmbientShapeName(name))
    return `${shown(name)} does not have the ambient shape: the drift guard only finds VM_SOURCE_DIR and names ending in _STACK, _DEPTH, _CONTEXT, _SESSION or _CTX`;
  return null;
}

function slotIssues(slot: unknown, index: number, out: CustomSlotIssue[]): void {
  const at = (...path: (string | number)[]) => [index, ...path];
  if (!isObject(slot)) {
    out.push({ path: at(), message: got('a thread-local object ({"name", "shape"?, "reads"?, "inherited"?, "scoping"?, "reason"?})', slot) });
    return;
  }
  for (const key of Object.keys(slot))
    if (!FIELDS.includes(key)) out.push({ path: at(key), message: `unknown field (known fields: ${FIELDS.join(', ')})` });
  const nameProblem = nameIssue(slot.name);
  if (nameProblem) out.push({ path: at('name'), message: nameProblem });
  if (slot.shape !== undefined && !SHAPES.includes(slot.shape as string))
    out.push({ path: at('shape'), message: got('"stack", "depth" or "option"', slot.shape) });
  if (slot.reads !== undefined) {
    if (!Array.isArray(slot.reads) || slot.reads.length > SLOT_READ_KINDS.length) {
      out.push({ path: at('reads'), message: got(`a list of at most ${SLOT_READ_KINDS.length} call kinds`, slot.reads) });
    } else {
      slot.reads.forEach((kind: unknown, i) => {
        if (!SLOT_READ_KINDS.includes(kind as SlotReadKind))
          out.push({ path: at('reads', i), message: got('"fs", "net", "llm", "process", "host" or "any"', kind) });
        else if (slot.reads !== undefined && (slot.reads as unknown[]).indexOf(kind) < i)
          out.push({ path: at('reads', i), message: `${shown(kind)} is listed twice` });
      });
    }
  }
  if (slot.inherited !== undefined && typeof slot.inherited !== 'boolean')
    out.push({ path: at('inherited'), message: got('true or false', slot.inherited) });
  if (slot.scoping !== undefined && slot.scoping !== null && slot.scoping !== 'captured' && slot.scoping !== 'uncaptured')
    out.push({ path: at('scoping'), message: got('"captured", "uncaptured" or null (not decided yet)', slot.scoping) });
  if (slot.reason !== undefined) {
    if (typeof slot.reason !== 'string' || slot.reason.length > MAX_SLOT_REASON_CHARS)
      out.push({ path: at('reason'), message: got(`a string of at most ${MAX_SLOT_REASON_CHARS} characters`, slot.reason) });
    else if (slot.reason !== '' && slot.scoping === 'captured')
      out.push({ path: at('reason'), message: 'a Captured slot has no reason (only an Uncaptured one records why)' });
  }
}

/** Every problem of a scenario's `slots` value (paths below `slots`). Never throws. */
export function customSlotIssues(value: unknown): CustomSlotIssue[] {
  if (!Array.isArray(value)) return [{ path: [], message: got('a list of added thread-locals', value) }];
  if (value.length > MAX_CUSTOM_SLOTS)
    return [{ path: [], message: `too many added thread-locals: ${value.length}, the limit is ${MAX_CUSTOM_SLOTS}` }];
  const out: CustomSlotIssue[] = [];
  const first = new Map<string, number>();
  value.forEach((slot: unknown, index) => {
    slotIssues(slot, index, out);
    if (!isObject(slot) || typeof slot.name !== 'string') return;
    const earlier = first.get(slot.name);
    if (earlier !== undefined) out.push({ path: [index, 'name'], message: `${shown(slot.name)} is already slots[${earlier}]` });
    else first.set(slot.name, index);
  });
  return out;
}

/** The slot names a scenario's `run.captured` may list: the seed's 28, then the added ones. */
export function knownSlotNames(slots: unknown): string[] {
  const added = Array.isArray(slots)
    ? slots.flatMap((s: unknown) => (isObject(s) && typeof s.name === 'string' && nameIssue(s.name) === null ? [s.name] : []))
    : [];
  return [...AMBIENT_SLOT_NAMES, ...added];
}
