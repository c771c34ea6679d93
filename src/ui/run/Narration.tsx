// One sentence about the current step, announced to screen readers (aria-live) as the user steps.
export interface NarrationProps {
  stepIndex: number;
  text: string;
  /** The step cross-wires (adds the icon and word; red never carries meaning alone). */
  crosswire: boolean;
}

export default function Narration({ stepIndex, text, crosswire }: NarrationProps) {
  return (
    <p className={crosswire ? 'narration narration-crosswire' : 'narration'} aria-live="polite" aria-atomic="true" role="status">
      <span className="narration-step">Step {stepIndex + 1}: </span>
      {crosswire ? (
        <span className="crosswire-tag">
          <span aria-hidden="true">✖ </span>cross-wire:{' '}
        </span>
      ) : null}
      {text}
    </p>
  );
}
