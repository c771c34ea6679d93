// Predict mode's bar over the stepper (issue 28): what the questions are about (core's headline), the score so far,
// and Restart (forget the answers, back to the first step).
import type { PredictView } from '../../state/slices/predict.ts';

export interface PredictBarProps {
  view: PredictView;
  headline: string | null;
  onRestart: () => void;
}

export default function PredictBar({ view, headline, onRestart }: PredictBarProps) {
  const done = view.stop === null && !view.pending;
  return (
    <div className="predict-bar" role="group" aria-label="Predict mode">
      <p className="predict-about">
        <strong>Predict</strong> · {view.pending ? 'Preparing the questions…' : headline}
      </p>
      {view.pending || view.total === 0 ? null : (
        <p className="predict-score" aria-live="polite">
          {view.answered === 0
            ? `No answers yet: ${view.total} to go.`
            : `Score: ${view.right} of ${view.answered} right${done ? '; every question is answered, and nothing is hidden now.' : `, ${view.total - view.answered} to go.`}`}
        </p>
      )}
      <button type="button" className="small-button" onClick={onRestart} disabled={view.answered === 0}>
        Restart
      </button>
    </div>
  );
}
