// The core web worker: exposes core functions with comlink and nothing more (no logic here — STYLE "The worker
// has no logic"). Every function takes and returns plain data. The run side adds its functions to `api`.
import { expose } from 'comlink';
import { effectsFromJson } from '../core/analysis/types.ts';

/** The worker protocol: one object of functions, each a direct call into core. */
export const api = {
  /** Decodes an explicit parent grant (serde JSON effect list); errors are returned, never thrown. */
  effectsFromJson,
};

expose(api);
