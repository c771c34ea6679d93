// Starts the app's sync layer: the loops that keep the store current with the worker and storage. Called once, by
// App, outside every pane's error boundary, so a pane that fails and is reset stops none of them. The session boots
// first (a link, else the autosave, else the default): nothing is simulated, analyzed or saved before its scenario
// is on the page (the default one may never be shown). An embed is the stepper alone: it reads its link itself and
// writes nothing, so it runs the simulation loop (and Predict mode's) only. How to add a loop: README.md beside this file.
import type { CoreClient } from '../../worker/client.ts';
import { browserSessionEnv, startSession } from '../../ui/share/startSession.ts';
import { afterNextPaint } from '../../ui/shell/afterPaint.ts';
import { shownPreview } from '../slices/run.ts';
import type { SessionEnv } from '../../ui/share/session.ts';
import { useStore } from '../store.ts';
import { startAnalysisSync } from './analysis.ts';
import { startAutosave } from './autosave.ts';
import { startCatalogSync } from './catalog.ts';
import { startPredictSync } from './predict.ts';
import { startRunSync } from './run.ts';

/** The worker functions the sync layer calls (the session's boot, the five loops). */
export type AppClient = Pick<
  CoreClient,
  'simulateAt' | 'compareScenario' | 'scenarioQuiz' | 'analyzeScenario' | 'scenarioCatalogView' | 'decodeLink' | 'shareLinkOf' | 'loadScenario'
>;

export interface StartAppOptions {
  /** The stepper alone (an iframe): the simulation loop only; no session, no autosave. */
  embed?: boolean;
  /** The browser surfaces the session uses (tests pass fakes). */
  env?: SessionEnv;
}

/** The loops, in the order their first requests go to the worker: the trace (the stepper's first sentence) first. */
function startLoops(client: AppClient, env: SessionEnv): () => void {
  const stops = [startRunSync(client), startPredictSync(client), startAnalysisSync(client), startCatalogSync(client), startAutosave(useStore, client, env)];
  return () => stops.forEach((stop) => stop());
}

/** Starts the session and, once it has booted, every sync loop; returns a function that stops them all. */
export function startApp(client: AppClient, { embed = false, env }: StartAppOptions = {}): () => void {
  if (embed) {
    const stops = [startRunSync(client), startPredictSync(client)];
    return () => stops.forEach((stop) => stop());
  }
  const sessionEnv = env ?? browserSessionEnv();
  const stopSession = startSession(client, sessionEnv);
  let started = false;
  let stopped = false;
  let stopLoops: (() => void) | null = null;
  const startWhenReady = () => {
    if (started || !useStore.getState().sessionReady) return;
    // Marked before starting: a loop's first request changes the store at once, which calls this listener again.
    started = true;
    // A link's first screen (its stepper from the preview) is painted before the loops' first requests are made:
    // they are not needed for it, and their setting out would delay it (issue 30).
    if (shownPreview(useStore.getState()) === null) stopLoops = startLoops(client, sessionEnv);
    else
      void afterNextPaint().then(() => {
        if (!stopped) stopLoops = startLoops(client, sessionEnv);
      });
  };
  const unsubscribe = useStore.subscribe(startWhenReady);
  startWhenReady();
  return () => {
    stopped = true;
    unsubscribe();
    stopLoops?.();
    stopSession();
  };
}
