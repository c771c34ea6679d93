// Keeps the Catalog view current: whenever the scenario's added slots or capture set change, asks the worker for
// its catalog rows and drift report (one request in flight, later edits coalesced) and stores the reply whole.
import { createCoalescer } from '../../state/coalesce.ts';
import { useStore } from '../../state/store.ts';
import type { CatalogBackend } from './backend.ts';

/** Starts syncing; returns a function that stops it. */
export function startCatalogSync(backend: Pick<CatalogBackend, 'scenarioCatalogView'>): () => void {
  const requests = createCoalescer(async () => {
    try {
      const view = await backend.scenarioCatalogView(useStore.getState().scenario);
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
