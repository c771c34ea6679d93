// Keeps the trace current: whenever the scenario's programs or run settings change, asks the worker to simulate
// it (debounced; one request in flight, later edits coalesced). Replies replace the trace whole; stale ones are
// dropped by request id (run slice). The step index is clamped to the new trace.
import { useStore } from '../../state/store.ts';
import type { AppState } from '../../state/store.ts';
import { createCoalescer } from '../../state/coalesce.ts';
import type { RunBackend } from './backend.ts';

/** Quiet time after an edit before re-simulating. */
export const SIMULATE_DELAY_MS = 120;

function simulatedInputsChanged(state: AppState, previous: AppState): boolean {
  const a = state.scenario;
  const b = previous.scenario;
  return a.parent !== b.parent || a.children !== b.children || a.run !== b.run || a.slots !== b.slots;
}

/** Starts syncing; returns a function that stops it. */
export function startRunSync(backend: Pick<RunBackend, 'simulate'>): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const requests = createCoalescer(async () => {
    const state = useStore.getState();
    const id = state.beginSimulation();
    try {
      const result = await backend.simulate(state.scenario);
      if (!requests.isStopped()) useStore.getState().receiveSimulation(id, result);
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
  });
  requests.request();
  return () => {
    requests.stop();
    if (timer !== null) clearTimeout(timer);
    unsubscribe();
  };
}
