// The stepper's buttons: Step back, Step, Play/Pause with speed, Previous / Run to next cross-wire, Reset, the
// fine-steps toggle, Compare, and the position (the event step; "13.4" on a fine step between events).
import { PLAY_SPEEDS } from '../../state/slices/run.ts';

export interface StepperControlsProps {
  stepIndex: number;
  stepCount: number;
  /** The position shown: the event step, 1-based ("13", or "13.4" on a fine step), of `positionCount` events. */
  position: string;
  positionCount: number;
  playing: boolean;
  speed: number;
  /** A cross-wire lies after the current step. */
  hasNextCrosswire: boolean;
  hasPreviousCrosswire: boolean;
  fineSteps: boolean;
  compareOpen: boolean;
  onStep: () => void;
  onBack: () => void;
  onPlay: () => void;
  onPause: () => void;
  onReset: () => void;
  onNextCrosswire: () => void;
  onPreviousCrosswire: () => void;
  onFineSteps: (fine: boolean) => void;
  onCompare: (open: boolean) => void;
  onSpeed: (speed: number) => void;
  /** A link's first reply is shown while the whole trace is on its way: every control is there, and disabled. */
  waiting?: boolean;
}

export default function StepperControls(props: StepperControlsProps) {
  const { stepIndex, stepCount, playing } = props;
  const waiting = props.waiting ?? false;
  const atEnd = stepIndex >= stepCount - 1;
  const empty = stepCount === 0 || waiting;
  return (
    <div className="stepper-controls" role="toolbar" aria-label="Stepper">
      <button type="button" onClick={props.onBack} disabled={empty || stepIndex === 0} title="Step back (←)">
        <span aria-hidden="true">◀ </span>Step back
      </button>
      <button type="button" className="primary" onClick={props.onStep} disabled={empty || atEnd} title="Step (→)">
        Step<span aria-hidden="true"> ▶</span>
      </button>
      {playing ? (
        <button type="button" onClick={props.onPause} title="Pause (space)">
          <span aria-hidden="true">‖ </span>Pause
        </button>
      ) : (
        <button type="button" onClick={props.onPlay} disabled={empty || atEnd} title="Play (space)">
          <span aria-hidden="true">▷ </span>Play
        </button>
      )}
      <label className="speed">
        <span className="visually-hidden">Speed</span>
        <select value={props.speed} disabled={waiting} onChange={(e) => props.onSpeed(Number(e.target.value))} aria-label="Speed">
          {PLAY_SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={props.onPreviousCrosswire} disabled={waiting || !props.hasPreviousCrosswire} title="Jump back to the previous cross-wire">
        <span aria-hidden="true">« </span>Previous cross-wire
      </button>
      <button type="button" onClick={props.onNextCrosswire} disabled={waiting || !props.hasNextCrosswire} title="Jump to the next cross-wire">
        <span aria-hidden="true">» </span>Run to next cross-wire
      </button>
      <button type="button" onClick={props.onReset} disabled={empty || stepIndex === 0} title="Back to step 0">
        <span aria-hidden="true">⟲ </span>Reset
      </button>
      <button type="button" className="compare-button" disabled={waiting} aria-pressed={props.compareOpen} onClick={() => props.onCompare(!props.compareOpen)} title="Show this moment in this run and in its fix (or its bug), side by side">
        <span aria-hidden="true">⇆ </span>Compare
      </button>
      <label className="fine-steps" title="Step through every swap and install instead of the events">
        <input type="checkbox" checked={props.fineSteps} disabled={waiting} onChange={(e) => props.onFineSteps(e.target.checked)} />
        Fine steps
      </label>
      <span className="step-position" aria-label="Position" title={waiting ? 'the whole trace is on its way' : `fine step ${empty ? 0 : stepIndex + 1} of ${stepCount}`}>
        step {empty && !waiting ? 0 : props.position} / {props.positionCount}
      </span>
    </div>
  );
}
