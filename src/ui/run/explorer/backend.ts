// What the explorer panel needs from the core worker, as an interface so component tests pass a fake (core called
// in-process); the real one is the comlink client, created on first call (never at render: jsdom has no Worker).
// Progress callbacks cross the worker boundary wrapped in `Comlink.proxy` (stack-notes W2).
import { proxy } from 'comlink';
import { createContext, useContext } from 'react';
import type { ExploreProgress, ExploreResult } from '../../../core/explorer/index.ts';
import type { RunMode, Scenario } from '../../../core/scenario/types.ts';
import { getCoreClient } from '../../../worker/client.ts';
import type { ExploreRequest } from '../../../worker/core.worker.ts';

export type { ExploreRequest };

export interface ExplorerBackend {
  /** Explores in slices, calling `onProgress` after each; resolves with the result (partial when cancelled or
   * superseded by a newer id). */
  startExplore(id: number, scenario: Scenario, options: ExploreRequest, onProgress: (progress: ExploreProgress) => void): Promise<ExploreResult>;
  cancelExplore(id: number): Promise<void>;
  replayScenario(scenario: Scenario, picks: readonly string[], mode?: RunMode): Promise<Scenario>;
}

let real: ExplorerBackend | null = null;

/** The worker client behind the explorer interface; the worker starts on the first call. */
export function realExplorerBackend(): ExplorerBackend {
  real ??= {
    startExplore: (id, scenario, options, onProgress) => getCoreClient().startExplore(id, scenario, options, proxy(onProgress)),
    cancelExplore: (id) => getCoreClient().cancelExplore(id),
    replayScenario: (scenario, picks, mode) => getCoreClient().replayScenario(scenario, picks, mode),
  };
  return real;
}

/** null = the real worker. */
export const ExplorerBackendContext = createContext<ExplorerBackend | null>(null);

export function useExplorerBackend(): ExplorerBackend {
  return useContext(ExplorerBackendContext) ?? realExplorerBackend();
}
