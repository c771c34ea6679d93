// Keeps the trace current: whenever the scenario's programs or run settings change, asks the worker to simulate
// it (debounced; one request in flight, later edits coalesced), landing on the moment a run-setting change asked
// for. Replies replace the trace whole; stale ones are dropped by request id (run slice). While the compare view
// is open, the second run follows each new trace.
import type { CoreClient } from '../../worker/client.ts';
import { useStore, type AppState } from '../store.ts';
import { createCoalescer } from './coalesce.ts';

/** Quiet time after an edit before re-simulating. */
export const SIMULATE_DELAY_MS = 120;

function simulatedInputsChanged(state: AppState, previous: AppState): boolean {
  const a = state.scenario;
  const b = previous.scenario;
  return a.parent !== b.parent || a.children !== b.children || a.run !== b.run || a.slots !== b.slots;
}

/** Starts syncing; returns a function that stops it. */
export function startRunSync(client: Pick<CoreClient, 'simulateAt' | 'compareScenario'>): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const comparisons = createCoalescer(async () => {
    const state = useStore.getState();
    if (!state.compareOpen) return;
    const id = state.beginComparison();
    try {
      const comparison = await client.compareScenario(state.scenario, state.compareContrast);
      if (!comparisons.isStopped()) useStore.getState().receiveComparison(id, comparison);
    } catch {
      // The main trace reports worker failures; the compare view keeps saying it is comparing.
    }
  });
  const requests = createCoalescer(async () => {
    const state = useStore.getState();
    const id = state.beginSimulation();
    try {
      const result = await client.simulateAt(state.scenario, state.pendingMoment);
      if (requests.isStopped()) return;
      const received = useStore.getState().receiveSimulation(id, result);
      if (received === 'shown') comparisons.request();
      // The user stepped to another moment on the trace still shown: ask again, landing there.
      else if (received === 're-aim') requests.request();
    } catch (error) {
      if (!requests.isStopped()) useStore.getState().failSimulation(id, error instanceof Error ? error.message : String(error));
    }
  });

  const schedule = () => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      requests.request();
    }, SIMULATE_DELAY_MS);
  };

  const unsubscribe = useStore.subscribe((state, previous) => {
    if (simulatedInputsChanged(state, previous)) schedule();
    else if (state.compareOpen && (!previous.compareOpen || state.compareContrast !== previous.compareContrast))
      comparisons.request();
  });
  requests.request();
  return () => {
    requests.stop();
    comparisons.stop();
    if (timer !== null) clearTimeout(timer);
    unsubscribe();
  };
}
