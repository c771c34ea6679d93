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

/** A store of every slice: the app has one (`useStore`); a test of several tabs makes one per tab. */
export const createAppStore = () =>
  create<AppState>()((...a) => ({
    ...createScenarioSlice(...a),
    ...createAnalysisSlice(...a),
    ...createUiSlice(...a),
    ...createRunSlice(...a),
    ...createSessionSlice(...a),
    ...createExplorerSlice(...a),
    ...createSlotsSlice(...a),
    ...createPredictSlice(...a),
  }));

/** The app store. Components select the smallest value (`useStore((s) => s.selectedTab)`), `useShallow` for arrays. */
export const useStore = createAppStore();

/** Puts the store back to its initial state (tests). */
export function resetStore(): void {
  useStore.setState(useStore.getInitialState(), true);
}
