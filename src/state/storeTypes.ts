// The combined store's type and the slice-creator type every slice uses. One place, so adding middleware to the
// combined store (persist/devtools, run side) changes the mutator list here only.
import type { StateCreator } from 'zustand';
import type { AnalysisSlice } from './slices/analysis.ts';
import type { ExplorerSlice } from './slices/explorer.ts';
import type { PredictSlice } from './slices/predict.ts';
import type { RunSlice } from './slices/run.ts';
import type { ScenarioSlice } from './slices/scenario.ts';
import type { SessionSlice } from './slices/session.ts';
import type { SlotsSlice } from './slices/slots.ts';
import type { UiSlice } from './slices/ui.ts';

/** Everything the app holds: the scenario being edited, the latest analysis, UI state, run, session and explorer state. */
export type AppState = ScenarioSlice & AnalysisSlice & UiSlice & RunSlice & SessionSlice & ExplorerSlice & SlotsSlice & PredictSlice;

/** A slice creator over the combined store. */
export type SliceCreator<T> = StateCreator<AppState, [], [], T>;
