// The one store, combined from typed slices. Middleware (persist/devtools) goes here, on the combined store only.
import { create } from 'zustand';
import { createAnalysisSlice } from './slices/analysis.ts';
import { createExplorerSlice } from './slices/explorer.ts';
import { createPredictSlice } from './slices/predict.ts';
import { createRunSlice } from './slices/run.ts';
import { createScenarioSlice } from './slices/scenario.ts';
import { createSessionSlice } from './slices/session.ts';
import { createSlotsSlice } from './slices/slots.ts';
import { createUiSlice } from './slices/ui.ts';
import type { AppState } from './storeTypes.ts';

export type { AppState } from './storeTypes.ts';

/** Every slice of the store, by name. The store spreads them into one object, where a member two slices both define
 * would silently keep only the later one: a test (test/state/store.test.ts) checks that no two share a member name. */
export const STORE_SLICES = {
  scenario: createScenarioSlice,
  analysis: createAnalysisSlice,
  ui: createUiSlice,
  run: createRunSlice,
  session: createSessionSlice,
  explorer: createExplorerSlice,
  slots: createSlotsSlice,
  predict: createPredictSlice,
} as const;

/** A store of every slice: the app has one (`useStore`); a test of several tabs makes one per tab. */
export const createAppStore = () =>
  create<AppState>()((...a) => ({
    ...STORE_SLICES.scenario(...a),
    ...STORE_SLICES.analysis(...a),
    ...STORE_SLICES.ui(...a),
    ...STORE_SLICES.run(...a),
    ...STORE_SLICES.session(...a),
    ...STORE_SLICES.explorer(...a),
    ...STORE_SLICES.slots(...a),
    ...STORE_SLICES.predict(...a),
  }));

/** The app store. Components select the smallest value (`useStore((s) => s.selectedTab)`), `useShallow` for arrays. */
export const useStore = createAppStore();

/** Puts the store back to its initial state (tests). */
export function resetStore(): void {
  useStore.setState(useStore.getInitialState(), true);
}
