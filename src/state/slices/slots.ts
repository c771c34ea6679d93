// Thread-locals the scenario adds to the catalog (F3) and the Catalog view the worker computed for the current
// scenario. Edits replace `scenario.slots` whole; removing the last added slot removes the field, so the
// scenario (and its link) is again exactly what it was before anything was added. A slot's edit is a setting of the
// run, not of the programs: the next trace lands on the moment shown now, as a mode switch does.
import type { CatalogView } from '../../core/drift/scenario.ts';
import type { CustomSlot } from '../../core/scenario/customSlots.ts';
import type { Scenario } from '../../core/scenario/types.ts';
import type { SliceCreator } from '../storeTypes.ts';
import { momentKept } from './run.ts';

export interface SlotsSlice {
  /** The worker's Catalog view of `scenario` (null until it answers); replaced whole. */
  catalogView: CatalogView | null;
  setCatalogView: (view: CatalogView | null) => void;
  /** Adds a (validated) slot. */
  addSlot: (slot: CustomSlot) => void;
  /** Changes fields of the added slot `name`. */
  updateSlot: (name: string, patch: Partial<Omit<CustomSlot, 'name'>>) => void;
  /** Removes the added slot `name` and takes it out of an explicit capture set. */
  removeSlot: (name: string) => void;
}

function withSlots(scenario: Scenario, slots: CustomSlot[]): Scenario {
  const { slots: _old, ...rest } = scenario;
  return slots.length > 0 ? { ...rest, slots } : rest;
}

export const createSlotsSlice: SliceCreator<SlotsSlice> = (set) => ({
  catalogView: null,
  setCatalogView: (catalogView) => set({ catalogView }),
  addSlot: (slot) => set((state) => ({ scenario: withSlots(state.scenario, [...(state.scenario.slots ?? []), slot]), ...momentKept(state) })),
  updateSlot: (name, patch) =>
    set((state) => ({
      scenario: withSlots(
        state.scenario,
        (state.scenario.slots ?? []).map((s) => (s.name === name ? { ...s, ...patch } : s)),
      ),
      ...momentKept(state),
    })),
  removeSlot: (name) =>
    set((state) => {
      const { scenario } = state;
      const next = withSlots(
        scenario,
        (scenario.slots ?? []).filter((s) => s.name !== name),
      );
      const captured = next.run.captured;
      return {
        scenario:
          captured && captured.includes(name)
            ? { ...next, run: { ...next.run, captured: captured.filter((c) => c !== name) } }
            : next,
        ...momentKept(state),
      };
    }),
});
