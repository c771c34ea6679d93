// The register file's rows for a trace (or a link's preview of one): each slot with whether this run captures it and
// the catalog's reason when it does not, and each task with its colour and lane status at the step shown.
import type { SlotInfo } from '../../core/scheduler/catalog.ts';
import type { TracedRun } from '../../core/scheduler/run.ts';
import type { TraceStep } from '../../core/scheduler/trace.ts';
import type { CatalogView } from '../../core/drift/scenario.ts';
import type { SlotRow } from './RegisterFile.tsx';
import { laneStatus } from './traceView.ts';

/** One row per slot of the run; reasons from the seed's catalog, and for added slots from the Catalog view (F3). */
export function slotRowsOf(run: Pick<TracedRun, 'slots' | 'captured'>, catalog: readonly SlotInfo[], catalogRows: CatalogView['rows'] | undefined): SlotRow[] {
  const captured = new Set(run.captured);
  const reasons = new Map(catalog.map((slot) => [slot.name, slot.scoping.kind === 'uncaptured' ? slot.scoping.reason : null]));
  for (const row of catalogRows ?? []) if (row.added) reasons.set(row.name, row.flag ?? (row.reason || null));
  return run.slots.map((name) => ({ name, captured: captured.has(name), reason: reasons.get(name) ?? null }));
}

/** Each task with its colour and its status at `step`. */
export function taskRowsOf(run: Pick<TracedRun, 'tasks'>, step: TraceStep | undefined, colorOf: (name: string) => string) {
  return run.tasks.map((task, t) => ({ name: task.name, color: colorOf(task.name), status: laneStatus(step?.snapshot.statuses[t]) }));
}
