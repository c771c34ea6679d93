// The explorer's requests to the worker: start an exploration of the current scenario (progress and the result go
// to the store under the request id, so a superseded exploration's replies are dropped), cancel it, and replay a
// failing schedule in the stepper at its first cross-wire. Progress callbacks cross the worker boundary wrapped in
// `Comlink.proxy` (stack-notes W2).
import { useStore } from '../../../state/store.ts';
import { getWorkerHealth } from '../../../worker/health.ts';
import { proxy } from 'comlink';
import type { CoreClient } from '../../../worker/client.ts';

/** The worker functions the explorer panel calls. */
export type ExplorerClient = Pick<CoreClient, 'startExplore' | 'cancelExplore' | 'replayScenario'>;

/** Explores the scenario as it is now, with the panel's settings, in its run mode. */
export async function startExploring(client: ExplorerClient): Promise<void> {
  const state = useStore.getState();
  const scenario = state.scenario;
  const { prune, maxSchedules } = state.explorerSettings;
  const id = state.beginExplore(scenario);
  // A worker restarted while the exploration runs gets the request again and starts it over: the panel says so.
  const restartsAtStart = getWorkerHealth().restarts;
  const noteRestart = () => {
    if (getWorkerHealth().restarts !== restartsAtStart) useStore.getState().noteExploreRestarted(id);
  };
  const onProgress = (progress: Parameters<typeof state.receiveExploreProgress>[1]) => {
    noteRestart();
    useStore.getState().receiveExploreProgress(id, progress);
  };
  try {
    const result = await client.startExplore(id, scenario, { mode: scenario.run.mode, prune, maxSchedules }, proxy(onProgress));
    noteRestart();
    useStore.getState().receiveExploreResult(id, result);
  } catch (error) {
    useStore.getState().failExplore(id, error instanceof Error ? error.message : String(error));
  }
}

/** Asks the worker to stop the latest exploration at its next slice; its partial result still arrives. */
export async function cancelExploring(client: ExplorerClient): Promise<void> {
  const state = useStore.getState();
  if (state.explorerStatus !== 'running') return;
  state.markExploreCancelling();
  try {
    await client.cancelExplore(state.explorerRequestId);
  } catch (error) {
    useStore.getState().failExplore(state.explorerRequestId, error instanceof Error ? error.message : String(error));
  }
}

/** Loads failing schedule `index` of the latest result into the stepper (a `picks` schedule with zero latencies,
 * computed by the worker) and moves to its first cross-wire. Returns false when there is nothing to replay. */
export async function replayFailure(client: ExplorerClient, index: number, slot: string | null = null): Promise<boolean> {
  const { explorerResult: result, exploredScenario: explored, explorerRequestId: id } = useStore.getState();
  const failure = result?.failures[index];
  if (!result || !failure || !explored) return false;
  let replay;
  try {
    replay = await client.replayScenario(explored, failure.picks, result.mode);
  } catch (error) {
    useStore.getState().failExplore(id, error instanceof Error ? error.message : String(error));
    return false;
  }
  // A newer exploration started while the worker answered: this replay belongs to a result no longer shown.
  if (useStore.getState().explorerRequestId !== id) return false;
  // A group's replay lands on the cross-wire of its own slot; a schedule's on its first.
  const at = failure.crosswires.find((c) => c.slot === slot) ?? failure.crosswires[0];
  useStore.getState().applyReplay(index, replay.run, at?.step ?? null);
  return true;
}
