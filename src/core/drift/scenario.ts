// The drift guard on a scenario: its simulated crate holds the seed's 28 thread-locals plus the ones it adds,
// its catalog classifies the seed's and every added slot with a decision (an undecided one is discovered but
// not cataloged: the guard names it), and its scope's fields are the slots its run swaps (`run.captured`, or
// the catalog's Captured set). Also the rows of the page's Catalog view. Pure; depends on ../scenario and
// ../scheduler.
import { isCustomSlotDecided, type CustomSlot, type SlotReadKind } from '../scenario/customSlots.ts';
import type { Scenario } from '../scenario/types.ts';
import { AMBIENT_THREAD_LOCAL_CATALOG, AUDITED_LATENT_CAPABILITIES, type SlotShape } from '../scheduler/catalog.ts';
import { captureSetIn, createSlotTable } from '../scheduler/slotTable.ts';
import { checkDrift, type DriftCatalog, type DriftReport } from './guard.ts';

/** One row of the Catalog view: a seed slot or an added one, with its decision. */
export interface CatalogRow {
  name: string;
  shape: SlotShape;
  /** null: added and not decided yet (Uncaptured without a reason counts as not decided). */
  scoping: 'captured' | 'uncaptured' | null;
  reason: string;
  /** Added by the scenario (editable), else the seed's. */
  added: boolean;
  /** Added slots: which calls read it and whether `capture_inherited` copies it. */
  reads: SlotReadKind[];
  inherited: boolean;
  /** The run swaps it per poll (it is in the capture set). */
  swapped: boolean;
  latent: boolean;
}

function addedRow(slot: CustomSlot, swapped: boolean): CatalogRow {
  return {
    name: slot.name,
    shape: slot.shape,
    scoping: isCustomSlotDecided(slot) ? slot.scoping : null,
    reason: slot.reason,
    added: true,
    reads: [...slot.reads],
    inherited: slot.inherited,
    swapped,
    latent: false,
  };
}

/** Every slot of the scenario's catalog, the seed's first, in index order. */
export function scenarioCatalogRows(scenario: Scenario): CatalogRow[] {
  const table = createSlotTable(scenario.slots ?? []);
  const swapped = new Set(captureSetIn(table, scenario.run.captured));
  const seed = AMBIENT_THREAD_LOCAL_CATALOG.map(
    (s): CatalogRow => ({
      name: s.name,
      shape: s.shape,
      scoping: s.scoping.kind,
      reason: s.scoping.kind === 'uncaptured' ? s.scoping.reason : '',
      added: false,
      reads: [],
      inherited: table.inherited[s.index] ?? false,
      swapped: swapped.has(s.index),
      latent: AUDITED_LATENT_CAPABILITIES.includes(s.name),
    }),
  );
  return [...seed, ...table.added.map(({ index, slot }) => addedRow(slot, swapped.has(index)))];
}

/** The scenario's catalog as the guard compares it. */
export function scenarioDriftCatalog(scenario: Scenario): DriftCatalog {
  const rows = scenarioCatalogRows(scenario);
  return {
    entries: rows.map((row) => ({
      name: row.name,
      shape: row.shape,
      scoping:
        row.scoping === null
          ? null
          : row.scoping === 'captured'
            ? { kind: 'captured' }
            : { kind: 'uncaptured', reason: row.reason },
    })),
    scopeFields: rows.filter((row) => row.swapped).map((row) => row.name),
    latent: AUDITED_LATENT_CAPABILITIES,
  };
}

/** The guard on the scenario's own simulated crate: every seed and added slot is discovered. */
export function scenarioDrift(scenario: Scenario): DriftReport {
  const catalog = scenarioDriftCatalog(scenario);
  return checkDrift(
    catalog.entries.map((e) => e.name),
    catalog,
  );
}
