// The latest scenario analysis from the worker. Requests carry increasing ids; a reply for anything but the latest
// request is dropped, and a reply replaces the previous analysis whole.
import type { ScenarioAnalysis } from '../analysisTypes.ts';
import type { SliceCreator } from '../storeTypes.ts';

export interface AnalysisSlice {
  /** The analysis of the latest scenario the worker answered for; `null` until the first reply. */
  analysis: ScenarioAnalysis | null;
  /** The id of the latest analysis request sent. */
  analysisRequestId: number;
  /** The id `analysis` answers (lags `analysisRequestId` while a request is in flight). */
  analysisAnsweredId: number;
  /** A worker failure for the latest request (a bug in core, reported as one); `null` when fine. */
  analysisError: string | null;
  /** Starts a request: returns its id, which makes every earlier request stale. */
  beginAnalysis: () => number;
  /** Stores a reply; returns false (and changes nothing) when `id` is not the latest request. */
  receiveAnalysis: (id: number, analysis: ScenarioAnalysis) => boolean;
  failAnalysis: (id: number, message: string) => boolean;
}

export const createAnalysisSlice: SliceCreator<AnalysisSlice> = (set, get) => ({
  analysis: null,
  analysisRequestId: 0,
  analysisAnsweredId: 0,
  analysisError: null,
  beginAnalysis: () => {
    const id = get().analysisRequestId + 1;
    set({ analysisRequestId: id });
    return id;
  },
  receiveAnalysis: (id, analysis) => {
    if (id !== get().analysisRequestId) return false;
    set({ analysis, analysisAnsweredId: id, analysisError: null });
    return true;
  },
  failAnalysis: (id, message) => {
    if (id !== get().analysisRequestId) return false;
    set({ analysisError: message, analysisAnsweredId: id });
    return true;
  },
});
