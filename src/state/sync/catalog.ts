// Keeps the Catalog view current: whenever the scenario's added slots or capture set change, asks the worker for
// its catalog rows and drift report (one request in flight, later edits coalesced) and stores the reply whole.
import type { CoreClient } from '../../worker/client.ts';
import { useStore } from '../store.ts';
import { createCoalescer } from './coalesce.ts';

/** Starts syncing; returns a function that stops it. */
export function startCatalogSync(client: Pick<CoreClient, 'scenarioCatalogView'>): () => void {
  const requests = createCoalescer(async () => {
    try {
      const view = await client.scenarioCatalogView(useStore.getState().scenario);
      if (!requests.isStopped()) useStore.getState().setCatalogView(view);
    } catch {
      // A failed request leaves the last view; the next edit asks again.
    }
  });
  const unsubscribe = useStore.subscribe((state, previous) => {
    const a = state.scenario;
    const b = previous.scenario;
    if (a.slots !== b.slots || a.run.captured !== b.run.captured) requests.request();
  });
  requests.request();
  return () => {
    requests.stop();
    unsubscribe();
  };
}
