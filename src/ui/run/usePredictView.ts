// Predict mode's view of the store for components: null when it is off (see predictViewOf).
import { useMemo } from 'react';
import { predictViewOf, type PredictView } from '../../state/slices/predict.ts';
import { useStore } from '../../state/store.ts';

export function usePredictView(): PredictView | null {
  const predict = useStore((s) => s.predict);
  const predictHides = useStore((s) => s.predictHides);
  const quiz = useStore((s) => s.quiz);
  const predictAnswers = useStore((s) => s.predictAnswers);
  const simulatedScenario = useStore((s) => s.simulatedScenario);
  const stepIndex = useStore((s) => s.stepIndex);
  return useMemo(
    () => predictViewOf({ predict, predictHides, quiz, predictAnswers, simulatedScenario, stepIndex }),
    [predict, predictHides, quiz, predictAnswers, simulatedScenario, stepIndex],
  );
}
