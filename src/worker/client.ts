// Creates the core worker lazily and wraps it with comlink. The UI and state reach core only through here.
import { wrap, type Remote } from 'comlink';
import type { CoreBackend } from '../state/backend.ts';
import type { CoreApi } from './api.ts';

/** The worker seen from the page: every function of {@link CoreApi}, returning a Promise. */
export type CoreClient = Remote<CoreApi>;

let client: CoreClient | null = null;

/** The one core worker client (created on first use). */
export function getCoreClient(): CoreClient {
  if (!client) {
    // W1: the URL must be written inline in `new Worker(...)` or Vite does not emit the worker.
    const worker = new Worker(new URL('./core.worker.ts', import.meta.url), { type: 'module' });
    client = wrap<CoreApi>(worker);
  }
  return client;
}

/** Request ids for one kind of request: only the reply to the latest request is kept (latest wins). */
export interface LatestGate {
  /** A new request id; every earlier id becomes stale. */
  next: () => number;
  isLatest: (id: number) => boolean;
}

export function createLatestGate(): LatestGate {
  let latest = 0;
  return { next: () => ++latest, isLatest: (id) => id === latest };
}

/**
 * Runs `request` under `gate` and resolves with its result, or with `undefined` when a newer request was started
 * in the meantime (the stale reply is dropped).
 */
export async function latest<T>(gate: LatestGate, request: () => Promise<T>): Promise<T | undefined> {
  const id = gate.next();
  const result = await request();
  return gate.isLatest(id) ? result : undefined;
}

/** The worker as the state actions see it (see src/state/backend.ts). */
export function getCoreBackend(): CoreBackend {
  return getCoreClient();
}
