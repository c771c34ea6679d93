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
import { scanThreadLocals, type DriftScan, type DriftSourceFile } from './scan.ts';
import { catalogCountLine, driftCountLabel, driftListLine, driftScannedLine, driftVerdict } from './summary.ts';

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

/** The page's Catalog view of a scenario: every slot (with a flag sentence for an undecided added one) and the
 * guard's report on the scenario's own catalog. */
export interface CatalogView {
  rows: (CatalogRow & { flag: string | null })[];
  /** `29 slots: 13 Captured, 15 Uncaptured, 1 not classified`. */
  count: string;
  drift: DriftReport;
  /** The guard's verdict on the scenario's catalog (clean, or how many checks failed). */
  verdict: string;
}

/** Why an added slot is flagged, or null when it is decided. */
export function catalogRowFlag(row: CatalogRow): string | null {
  if (!row.added || row.scoping !== null) return null;
  return 'Not classified: the drift guard fails until it is Captured, or Uncaptured with a reason.';
}

export function scenarioCatalogView(scenario: Scenario): CatalogView {
  const rows = scenarioCatalogRows(scenario);
  const drift = scenarioDrift(scenario);
  return {
    rows: rows.map((row) => ({ ...row, flag: catalogRowFlag(row) })),
    count: catalogCountLine(rows),
    drift,
    verdict: driftVerdict(drift),
  };
}

/** What the page shows for a scan of files: the scan, the report and its sentences. */
export interface FilesDrift {
  scan: DriftScan;
  report: DriftReport;
  lines: { scanned: string; discovered: string; missing: string; stale: string; staleLabel: string; verdict: string };
}

/** The guard on dropped or picked files against the scenario's catalog: the scan (with each declaration's file
 * and line), the report and the lines the page shows. */
export function scenarioDriftOfFiles(scenario: Scenario, files: readonly DriftSourceFile[]): FilesDrift {
  const scan = scanThreadLocals(files);
  const report = checkDrift(scan.discovered, scenarioDriftCatalog(scenario));
  return {
    scan,
    report,
    lines: {
      scanned: driftScannedLine(scan),
      discovered: driftListLine('discovered', report.discovered),
      missing: driftListLine('missing', report.missing),
      stale: driftListLine('stale', report.stale),
      staleLabel: driftCountLabel('stale', report.stale),
      verdict: driftVerdict(report),
    },
  };
}
