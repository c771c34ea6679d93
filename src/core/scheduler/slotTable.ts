// The slots of one run: the seed's 28 catalog entries, then the thread-locals the scenario adds (issue F3),
// each addressed by index. The executor reads every per-slot property from here (empty value, stack or not,
// inherited at spawn, Captured in the catalog), so an added slot runs exactly like the seed's own. A scenario
// that adds nothing gets SEED_SLOT_TABLE itself. Pure; depends on ./catalog.ts, ./scope.ts and scenario types.
import type { CustomSlot, SlotReadKind } from '../scenario/customSlots.ts';
import {
  AMBIENT_THREAD_LOCAL_CATALOG,
  INHERITED_SLOT_INDICES,
  type SlotInfo,
  type SlotShape,
} from './catalog.ts';
import { emptyValueOfShape, type SlotValue } from './scope.ts';

/** An added slot's place in the table and the scenario's description of it. */
export interface AddedSlot {
  index: number;
  slot: CustomSlot;
}

export interface SlotTable {
  /** Every slot in index order; an added slot's scoping is Uncaptured (with its reason, maybe '') unless
   * the scenario decided Captured. */
  slots: readonly SlotInfo[];
  names: readonly string[];
  count: number;
  /** By slot: its empty value (`[]`, `0`, `null`; one value per shape, compared by identity). */
  empty: readonly SlotValue[];
  /** By slot: 1 for a stack. */
  stack: Uint8Array;
  /** By slot: `capture_inherited` copies it from the spawning thread. */
  inherited: readonly boolean[];
  /** Catalog-Captured slots a correctly scoped task starts empty (Captured and not inherited). */
  fresh: readonly number[];
  /** The catalog's Captured slots: the capture set when a scenario names none. */
  defaultCapture: readonly number[];
  /** The scenario's added slots, in its order. */
  added: readonly AddedSlot[];
  /** Slot index by name. */
  index: ReadonlyMap<string, number>;
}

function tableOf(slots: readonly SlotInfo[], inherited: readonly boolean[], added: readonly AddedSlot[]): SlotTable {
  const captured = slots.filter((s) => s.scoping.kind === 'captured').map((s) => s.index);
  return {
    slots,
    names: slots.map((s) => s.name),
    count: slots.length,
    empty: slots.map((s) => emptyValueOfShape(s.shape)),
    stack: Uint8Array.from(slots, (s) => (s.shape === 'stack' ? 1 : 0)),
    inherited,
    fresh: captured.filter((s) => !inherited[s]),
    defaultCapture: captured,
    added,
    index: new Map(slots.map((s) => [s.name, s.index])),
  };
}

/** The seed's catalog alone. */
export const SEED_SLOT_TABLE: SlotTable = tableOf(
  AMBIENT_THREAD_LOCAL_CATALOG,
  AMBIENT_THREAD_LOCAL_CATALOG.map((s) => INHERITED_SLOT_INDICES.includes(s.index)),
  [],
);

/** The table of a scenario's run: the seed's slots, then `added` (validated: unique, non-seed names). */
export function createSlotTable(added: readonly CustomSlot[]): SlotTable {
  if (added.length === 0) return SEED_SLOT_TABLE;
  const base = SEED_SLOT_TABLE.count;
  const infos: SlotInfo[] = added.map((slot, i) => ({
    index: base + i,
    name: slot.name,
    shape: slot.shape as SlotShape,
    scoping: slot.scoping === 'captured' ? { kind: 'captured' } : { kind: 'uncaptured', reason: slot.reason },
  }));
  return tableOf(
    [...AMBIENT_THREAD_LOCAL_CATALOG, ...infos],
    [...SEED_SLOT_TABLE.inherited, ...added.map((slot) => slot.inherited)],
    added.map((slot, i) => ({ index: base + i, slot })),
  );
}

/** Does a call of these kinds read an added slot that lists `reads`? */
export function slotReadBy(
  reads: readonly SlotReadKind[],
  call: { isFs: boolean; isNet: boolean; isModel: boolean; isProcess: boolean; isHost: boolean },
): boolean {
  return reads.some(
    (kind) =>
      kind === 'any' ||
      (kind === 'fs' && call.isFs) ||
      (kind === 'net' && call.isNet) ||
      (kind === 'llm' && call.isModel) ||
      (kind === 'process' && call.isProcess) ||
      (kind === 'host' && call.isHost),
  );
}

/** The capture set of a run: `captured` names resolved in `table` (unknown names dropped: the scenario
 * schema rejects them), or the table's default. Sorted, once each (a slot swapped twice would undo itself). */
export function captureSetIn(table: SlotTable, captured: readonly string[] | null): number[] {
  if (captured === null) return [...table.defaultCapture];
  const indices = captured.map((name) => table.index.get(name) ?? -1).filter((i) => i >= 0);
  return [...new Set(indices)].sort((a, b) => a - b);
}
