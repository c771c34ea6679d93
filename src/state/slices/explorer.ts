// Explorer state: the settings of the next exploration (pruning, schedule budget), the latest exploration's progress
// and result (replaced whole; replies to an older request are dropped by id), the scenario it explored (so the panel
// can tell when edits made it stale), and which failing schedule the stepper is replaying.
import type { ExploreProgress, ExploreResult } from '../../core/explorer/index.ts';
import type { RunSettings, Scenario } from '../../core/scenario/types.ts';
import type { SliceCreator } from '../storeTypes.ts';

/** The explorer core's own default budget (DEFAULT_MAX_SCHEDULES), repeated here because state may not import core
 * values; the panel offers it first. */
export const DEFAULT_SCHEDULE_BUDGET = 100_000;
/** Upper bound the budget field accepts: about ten seconds of runs in the worker. */
export const MAX_SCHEDULE_BUDGET = 1_000_000;

export type ExplorerStatus = 'idle' | 'running' | 'cancelling' | 'done' | 'failed';

export interface ExplorerSettings {
  /** Sleep-set pruning of equivalent schedules. */
  prune: boolean;
  /** Runs before the exploration stops as incomplete. */
  maxSchedules: number;
}

export interface ExplorerSlice {
  explorerSettings: ExplorerSettings;
  /** Id of the latest exploration started; replies for any other id are stale. */
  explorerRequestId: number;
  explorerStatus: ExplorerStatus;
  /** Progress of the latest exploration (null before its first slice). */
  explorerProgress: ExploreProgress | null;
  /** Result of the latest finished (or cancelled) exploration. */
  explorerResult: ExploreResult | null;
  /** A worker failure for the latest exploration. */
  explorerError: string | null;
  /** The worker was restarted while the latest exploration ran: its request was sent again, so it started over. */
  explorerRestarted: boolean;
  /** The scenario the latest exploration explored (replays start from it). */
  exploredScenario: Scenario | null;
  /** Index into `explorerResult.failures` of the schedule loaded into the stepper, or null. */
  replayedFailure: number | null;
  setExplorerSettings: (patch: Partial<ExplorerSettings>) => void;
  /** Starts a new exploration of `scenario`; returns its request id (every earlier one becomes stale). */
  beginExplore: (scenario: Scenario) => number;
  receiveExploreProgress: (id: number, progress: ExploreProgress) => boolean;
  /** Stores the result; returns false when `id` is not the latest request. */
  receiveExploreResult: (id: number, result: ExploreResult) => boolean;
  failExplore: (id: number, message: string) => boolean;
  /** Notes that the worker restarted during exploration `id` (ignored for any other id). */
  noteExploreRestarted: (id: number) => void;
  /** Marks the latest exploration as being cancelled (the worker answers with a partial, cancelled result). */
  markExploreCancelling: () => void;
  /** Loads a failing schedule's replay run settings into the stepper and, once re-simulated, moves it to `step` (its
   * first cross-wire, selected in the reads log), or to the last step when null (a schedule that only leaks). */
  applyReplay: (failure: number, run: RunSettings, step: number | null) => void;
}

/** Whether two scenarios explore the same way: same programs, grants, ceilings and the run settings the explorer
 * uses (mode, threads, capture set, enforcement, step bound); the schedule and latencies do not matter to it. */
export function sameExploration(a: Scenario, b: Scenario): boolean {
  if (a.parent !== b.parent || a.children !== b.children || a.slots !== b.slots) {
    if (JSON.stringify([a.parent, a.children, a.slots ?? []]) !== JSON.stringify([b.parent, b.children, b.slots ?? []])) return false;
  }
  const ra = a.run;
  const rb = b.run;
  return (
    ra.mode === rb.mode &&
    (ra.threads ?? 1) === (rb.threads ?? 1) &&
    ra.enforceAtSpawn === rb.enforceAtSpawn &&
    ra.maxSteps === rb.maxSteps &&
    JSON.stringify(ra.captured) === JSON.stringify(rb.captured)
  );
}

export const createExplorerSlice: SliceCreator<ExplorerSlice> = (set, get) => ({
  explorerSettings: { prune: true, maxSchedules: DEFAULT_SCHEDULE_BUDGET },
  explorerRequestId: 0,
  explorerStatus: 'idle',
  explorerProgress: null,
  explorerResult: null,
  explorerError: null,
  explorerRestarted: false,
  exploredScenario: null,
  replayedFailure: null,
  setExplorerSettings: (patch) => set(({ explorerSettings }) => ({ explorerSettings: { ...explorerSettings, ...patch } })),
  beginExplore: (scenario) => {
    const id = get().explorerRequestId + 1;
    set({
      explorerRequestId: id,
      explorerStatus: 'running',
      explorerProgress: null,
      explorerResult: null,
      explorerError: null,
      explorerRestarted: false,
      exploredScenario: scenario,
      replayedFailure: null,
    });
    return id;
  },
  receiveExploreProgress: (id, progress) => {
    if (id !== get().explorerRequestId || get().explorerResult) return false;
    set({ explorerProgress: progress });
    return true;
  },
  receiveExploreResult: (id, result) => {
    if (id !== get().explorerRequestId) return false;
    set({ explorerResult: result, explorerStatus: 'done', explorerError: null });
    return true;
  },
  failExplore: (id, message) => {
    if (id !== get().explorerRequestId) return false;
    set({ explorerStatus: 'failed', explorerError: message });
    return true;
  },
  noteExploreRestarted: (id) => {
    if (id === get().explorerRequestId && !get().explorerRestarted) set({ explorerRestarted: true });
  },
  markExploreCancelling: () => {
    if (get().explorerStatus === 'running') set({ explorerStatus: 'cancelling' });
  },
  applyReplay: (failure, run, step) =>
    set(({ scenario }) => ({
      scenario: { ...scenario, run },
      replayedFailure: failure,
      playing: false,
      pendingStep: step ?? Number.MAX_SAFE_INTEGER,
      selectedRead: step,
    })),
});
