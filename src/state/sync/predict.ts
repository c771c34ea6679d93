// Predict mode's sync: while it is on, asks the worker for the questions of each run the stepper shows (latest
// wins), and keeps the stepper from going past the first unanswered question (Step, Play, the scrub bar, a jump:
// each lands on the question instead), so nothing after it is shown before it is answered.
import type { CoreClient } from '../../worker/client.ts';
import { predictViewOf } from '../slices/predict.ts';
import { useStore } from '../store.ts';

/** Starts syncing; returns a function that stops it. */
export function startPredictSync(client: Pick<CoreClient, 'scenarioQuiz'>): () => void {
  let asked: unknown = null;
  let stopped = false;
  const ask = () => {
    const { predict, simulatedScenario, quiz } = useStore.getState();
    if (!predict || simulatedScenario === null || quiz?.scenario === simulatedScenario || asked === simulatedScenario) return;
    asked = simulatedScenario;
    client.scenarioQuiz(simulatedScenario).then(
      (reply) => {
        if (!stopped && useStore.getState().simulatedScenario === simulatedScenario) useStore.getState().receiveQuiz(simulatedScenario, reply);
      },
      () => {
        // A failed request is asked again with the next run; the stepper keeps saying the questions are coming.
        if (asked === simulatedScenario) asked = null;
      },
    );
  };
  const hold = () => {
    const state = useStore.getState();
    const view = predictViewOf(state);
    if (view === null || view.stop === null || state.stepIndex <= view.stop) return;
    if (state.playing) state.setPlaying(false);
    state.setStep(view.stop);
  };
  const unsubscribe = useStore.subscribe((state, previous) => {
    if (state.predict !== previous.predict || state.simulatedScenario !== previous.simulatedScenario) ask();
    if (state.predict && (state.stepIndex !== previous.stepIndex || state.quiz !== previous.quiz || state.predictAnswers !== previous.predictAnswers || state.predict !== previous.predict)) hold();
  });
  ask();
  hold();
  return () => {
    stopped = true;
    unsubscribe();
  };
}
