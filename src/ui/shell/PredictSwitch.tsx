// The header's Predict toggle (issue 28): hides the answers and asks before each moment the lesson is about. Part
// of the share link (view.predict).
import { useStore } from '../../state/store.ts';

export default function PredictSwitch() {
  const predict = useStore((s) => s.predict);
  const setPredict = useStore((s) => s.setPredict);
  return (
    <button
      type="button"
      className="header-button predict-toggle"
      aria-pressed={predict}
      onClick={() => setPredict(!predict)}
      title="Predict mode: hide the answers and predict each read or check the lesson is about"
    >
      Predict
    </button>
  );
}
