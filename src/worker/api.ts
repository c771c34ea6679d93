// The type of the core worker's protocol, for the client and for fakes in tests. Type-only: importing this file
// never loads the worker or core.
import type { api } from './core.worker.ts';

/** Every function the core worker exposes (see core.worker.ts); over comlink each returns a Promise. */
export type CoreApi = typeof api;
