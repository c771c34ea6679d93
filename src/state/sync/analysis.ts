// Keeps the analysis current: whenever a program, ceiling or grant changes, asks the worker to analyze the
// scenario. At most one request is in flight; edits made meanwhile are coalesced into the next request, and a
// reply is kept only if it answers the latest request (ids in the analysis slice). Each request names the reply
// version the page holds, so the worker can answer with only what changed; a reply that cannot be applied asks
// again for the whole view.
import type { CoreClient } from '../../worker/client.ts';
import type { ScenarioAnalysisInput } from '../analysisTypes.ts';
import { useStore } from '../store.ts';
import type { AppState } from '../storeTypes.ts';
import { createCoalescer } from './coalesce.ts';

/** The worker input for the scenario in `state` (plain data). */
export function analysisInput(state: AppState): ScenarioAnalysisInput {
  const { parent, children } = state.scenario;
  return {
    parent: { name: parent.name, source: parent.source, grant: parent.grant },
    children: children.map((c) => ({ name: c.name, source: c.source, ceiling: c.ceiling })),
  };
}

/** Starts syncing; returns a function that stops it. */
export function startAnalysisSync(client: Pick<CoreClient, 'analyzeScenario'>): () => void {
  const requests = createCoalescer(async () => {
    const state = useStore.getState();
    const id = state.beginAnalysis();
    const sentAt = performance.now();
    try {
      const reply = await client.analyzeScenario(analysisInput(state), state.analysisVersion);
      measureRoundTrip(sentAt);
      if (!requests.isStopped() && useStore.getState().receiveAnalysis(id, reply) === 'resync') requests.request();
    } catch (error) {
      if (!requests.isStopped()) useStore.getState().failAnalysis(id, error instanceof Error ? error.message : String(error));
    }
  });

  const unsubscribe = useStore.subscribe((state, previous) => {
    if (state.scenario.parent !== previous.scenario.parent || state.scenario.children !== previous.scenario.children) requests.request();
  });
  requests.request();
  return () => {
    requests.stop();
    unsubscribe();
  };
}

/** The User Timing measure of one analysis round trip (request sent → reply back), observed by bench/latency.ts. */
export const ANALYSIS_ROUND_TRIP_MEASURE = 'harn-scope:analysis-round-trip';

// Cleared at once so a long session keeps no entries; a PerformanceObserver still receives each one.
function measureRoundTrip(start: number): void {
  if (typeof performance.measure !== 'function') return; // test environments without User Timing
  performance.measure(ANALYSIS_ROUND_TRIP_MEASURE, { start });
  performance.clearMeasures(ANALYSIS_ROUND_TRIP_MEASURE);
}
