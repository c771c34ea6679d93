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
  /** The program sources the shown `analysis` was computed from (name → source): its spans are offsets into these,
   * not into the sources being edited, so positions shown with it (ledger, diagnostics) stay put while a reply is
   * on its way. Empty until the first reply. */
  analyzedSources: Readonly<Record<string, string>>;
  /** The sources of the latest request, which become `analyzedSources` when its reply is stored. */
  analysisRequestSources: Readonly<Record<string, string>>;
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
  analyzedSources: {},
  analysisRequestSources: {},
  beginAnalysis: () => {
    const { analysisRequestId, scenario } = get();
    const id = analysisRequestId + 1;
    const sources: Record<string, string> = { [scenario.parent.name]: scenario.parent.source };
    for (const child of scenario.children) sources[child.name] = child.source;
    set({ analysisRequestId: id, analysisRequestSources: sources });
    return id;
  },
  receiveAnalysis: (id, analysis) => {
    if (id !== get().analysisRequestId) return false;
    set({ analysis, analysisAnsweredId: id, analysisError: null, analyzedSources: get().analysisRequestSources });
    return true;
  },
  failAnalysis: (id, message) => {
    if (id !== get().analysisRequestId) return false;
    set({ analysisError: message, analysisAnsweredId: id });
    return true;
  },
});
