// The latest scenario analysis from the worker, as the page's view of it (core's AnalysisView). Requests carry
// increasing ids; a reply for anything but the latest request is dropped. A reply is the whole view or a patch
// against the one held (viewPatch.ts), and either way the view is replaced by a new object.
import type { AnalysisView, ViewReply } from '../analysisTypes.ts';
import type { SliceCreator } from '../storeTypes.ts';
import { applyViewReply } from '../viewPatch.ts';

/** What storing a reply did: kept it, dropped it as stale, or could not apply it (ask for the whole view again). */
export type ReceiveOutcome = 'stored' | 'stale' | 'resync';

export interface AnalysisSlice {
  /** The view of the latest scenario the worker answered for; `null` until the first reply. */
  analysis: AnalysisView | null;
  /** The reply version `analysis` came from (the next request's `have`), or null to ask for the whole view. */
  analysisVersion: number | null;
  /** The id of the latest analysis request sent. */
  analysisRequestId: number;
  /** The id `analysis` answers (lags `analysisRequestId` while a request is in flight). */
  analysisAnsweredId: number;
  /** The program sources the shown `analysis` was computed from (name → source): a hover is placed by offsets into
   * these, so it is shown only while the editor holds the same text. Empty until the first reply. */
  analyzedSources: ReadonlyMap<string, string>;
  /** The sources of the latest request, which become `analyzedSources` when its reply is stored. */
  analysisRequestSources: ReadonlyMap<string, string>;
  /** A worker failure for the latest request (a bug in core, reported as one); `null` when fine. */
  analysisError: string | null;
  /** Starts a request: returns its id, which makes every earlier request stale. */
  beginAnalysis: () => number;
  /** Stores a reply to request `id` (see {@link ReceiveOutcome}); changes nothing unless it is 'stored'. */
  receiveAnalysis: (id: number, reply: ViewReply) => ReceiveOutcome;
  failAnalysis: (id: number, message: string) => boolean;
}

export const createAnalysisSlice: SliceCreator<AnalysisSlice> = (set, get) => ({
  analysis: null,
  analysisVersion: null,
  analysisRequestId: 0,
  analysisAnsweredId: 0,
  analysisError: null,
  analyzedSources: new Map(),
  analysisRequestSources: new Map(),
  beginAnalysis: () => {
    const { analysisRequestId, scenario } = get();
    const id = analysisRequestId + 1;
    const sources = new Map([[scenario.parent.name, scenario.parent.source]]);
    for (const child of scenario.children) sources.set(child.name, child.source);
    set({ analysisRequestId: id, analysisRequestSources: sources });
    return id;
  },
  receiveAnalysis: (id, reply) => {
    if (id !== get().analysisRequestId) return 'stale';
    const { analysis, analysisVersion } = get();
    const held = applyViewReply(analysis && analysisVersion !== null ? { version: analysisVersion, view: analysis } : null, reply);
    if (!held) {
      set({ analysisVersion: null });
      return 'resync';
    }
    set({ analysis: held.view, analysisVersion: held.version, analysisAnsweredId: id, analysisError: null, analyzedSources: get().analysisRequestSources });
    return 'stored';
  },
  failAnalysis: (id, message) => {
    if (id !== get().analysisRequestId) return false;
    // Everything derived from the previous analysis leaves at once (ledger, summary, diagnostics, markers): it
    // belongs to other sources. The next reply is then a whole view (version null).
    set({ analysis: null, analysisVersion: null, analyzedSources: new Map(), analysisError: message, analysisAnsweredId: id });
    return true;
  },
});
