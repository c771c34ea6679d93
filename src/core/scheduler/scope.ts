// Ambient values, simulated thread-locals and the seed's `AmbientExecutionScope`: `captureInherited` and
// `swapIn` (an O(1) exchange per slot). A thread / scope is one value per catalog slot, indexed by slot:
// stack = immutable array, depth = number, option = value | null. Depends only on ./catalog.ts.
import {
  AMBIENT_THREAD_LOCAL_CATALOG,
  INHERITED_SLOT_INDICES,
  SLOT_COUNT,
  type SlotShape,
} from './catalog.ts';

/** A ceiling as the seed's `CapabilityPolicy` fields the clamp reads; null = unconstrained. */
export interface PolicyCeiling {
  capabilities?: Record<string, string[]>;
  side_effect_level?: string | null;
}

export type AmbientValueKind =
  | 'policy'
  | 'approval'
  | 'autonomy'
  | 'command'
  | 'permission'
  | 'overlay'
  | 'llm-frame'
  | 'connector-frame'
  | 'context'
  | 'source-dir'
  | 'session'
  | 'marker';

/**
 * One immutable value held by a slot, naming the task that installed it (`owner`) and a short `label`
 * (`policy(alpha)`, `ctx(cwd=/worktrees/alpha, env WORKER=alpha)`, `session-alpha/run-alpha`).
 * Values are created once per simulation and compared by identity.
 */
export interface AmbientValue {
  kind: AmbientValueKind;
  owner: string;
  label: string;
  /** policy: the ceiling it enforces (null = unconstrained). */
  ceiling?: PolicyCeiling | null;
  /** context: working directory and environment. */
  cwd?: string;
  env?: Record<string, string>;
  /** source-dir: the directory. */
  path?: string;
  /** session: audit session and run ids. */
  sessionId?: string;
  runId?: string;
}

/** What one slot holds: a stack (immutable array), a depth, or an option. */
export type SlotValue = readonly AmbientValue[] | number | AmbientValue | null;

/** One value per catalog slot, indexed by slot. The thread's live thread-locals and every saved scope. */
export type SlotValues = SlotValue[];

/** The seed's `AmbientExecutionScope`: a task's own copy of each slot (only captured slots are meaningful). */
export type AmbientExecutionScope = SlotValues;

// Not frozen: a frozen array has a slow elements kind, and every stack is copied from this one.
/** The one empty stack every stack slot starts with (values are compared by identity). */
export const EMPTY_STACK: readonly AmbientValue[] = [];
const SHAPES: readonly SlotShape[] = AMBIENT_THREAD_LOCAL_CATALOG.map((slot) => slot.shape);

/** The empty value of a shape: `[]`, `0` or `null` (Rust's `Default`). */
export function emptyValueOfShape(shape: SlotShape | undefined): SlotValue {
  return shape === 'stack' ? EMPTY_STACK : shape === 'depth' ? 0 : null;
}

/** The empty value of a seed slot: `[]`, `0` or `null` (Rust's `Default`). */
export function emptySlotValue(slot: number): SlotValue {
  return emptyValueOfShape(SHAPES[slot]);
}

/** A fresh thread (or scope) with every slot empty: `AmbientExecutionScope::default()`. */
export function createEmptySlots(): SlotValues {
  const slots: SlotValues = new Array<SlotValue>(SLOT_COUNT);
  for (let i = 0; i < SLOT_COUNT; i++) slots[i] = emptySlotValue(i);
  return slots;
}

/**
 * `AmbientExecutionScope::capture_inherited()`: the scope a child gets at spawn. Of the slots in
 * `captureSet`, it copies exactly the seed's inherited ones (command, permissions, runtime-context overlay,
 * autonomy, execution context, source dir, mutation session) from `thread`; the rest start empty / 0.
 */
export function captureInherited(
  thread: readonly SlotValue[],
  captureSet: readonly number[],
): AmbientExecutionScope {
  const scope = createEmptySlots();
  for (const slot of captureSet) {
    if (INHERITED_SLOT_INDICES.includes(slot)) scope[slot] = thread[slot] ?? emptySlotValue(slot);
  }
  return scope;
}

/**
 * `AmbientExecutionScope::swap_in`: installs `scope` into `thread` for every slot of `captureSet` and returns
 * what was installed before, so the caller can restore it. O(1) per slot (stacks are immutable, so the
 * exchange moves references, as Rust's `mem::replace` moves a `Vec`).
 */
export function swapIn(
  thread: SlotValues,
  scope: readonly SlotValue[],
  captureSet: readonly number[],
): AmbientExecutionScope {
  const previous = createEmptySlots();
  for (const slot of captureSet) {
    previous[slot] = thread[slot] ?? emptySlotValue(slot);
    thread[slot] = scope[slot] ?? emptySlotValue(slot);
  }
  return previous;
}

/** The value a call actually uses from a slot: top of a stack, the option's value, or the depth. */
export function slotCurrent(value: SlotValue | undefined): AmbientValue | number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') return value;
  if (Array.isArray(value))
    return (value as readonly AmbientValue[])[(value as readonly AmbientValue[]).length - 1] ?? null;
  return value as AmbientValue;
}

/** Label of what a call uses from a slot: the value's label, the depth, or `none`. */
export function currentLabel(current: AmbientValue | number | null): string {
  if (current === null) return 'none';
  if (typeof current === 'number') return String(current);
  return current.label;
}

/** Label of a whole slot value: `[policy(parent), policy(alpha)]`, `2`, `none`. */
export function slotValueLabel(value: SlotValue | undefined): string {
  if (value === undefined || value === null) return 'none';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    const stack = value as readonly AmbientValue[];
    if (stack.length === 0) return '[]';
    // Plain concatenation: no intermediate arrays on the trace's hot path.
    let label = '[' + stack[0]!.label;
    for (let i = 1; i < stack.length; i++) label += ', ' + stack[i]!.label;
    return label + ']';
  }
  return (value as AmbientValue).label;
}

/** True when a slot holds its empty value (empty stack, depth 0, none). */
export function isSlotEmpty(value: SlotValue | undefined): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'number') return value === 0;
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/** `policy(<owner>)`: the execution policy a task pushes; `ceiling` null = unconstrained. */
export function createPolicyValue(owner: string, ceiling: PolicyCeiling | null): AmbientValue {
  return { kind: 'policy', owner, label: `policy(${owner})`, ceiling };
}

/** `ctx(cwd=/worktrees/<owner>, env WORKER=<owner>)`: a `RunExecutionRecord`. */
export function createContextValue(owner: string): AmbientValue {
  const cwd = `/worktrees/${owner}`;
  return {
    kind: 'context',
    owner,
    label: `ctx(cwd=${cwd}, env WORKER=${owner})`,
    cwd,
    env: { WORKER: owner },
  };
}

/** `session-<owner>/run-<owner>`: a `MutationSessionRecord`. */
export function createSessionValue(owner: string): AmbientValue {
  const sessionId = `session-${owner}`;
  const runId = `run-${owner}`;
  return { kind: 'session', owner, label: `${sessionId}/${runId}`, sessionId, runId };
}

/** `srcdir(/worktrees/<owner>)`: the VM source dir. */
export function createSourceDirValue(owner: string): AmbientValue {
  const path = `/worktrees/${owner}`;
  return { kind: 'source-dir', owner, label: `srcdir(${path})`, path };
}

/** Any other owned value, labelled `<name>(<owner>)`. */
export function createOwnedValue(kind: AmbientValueKind, name: string, owner: string): AmbientValue {
  return { kind, owner, label: `${name}(${owner})` };
}
