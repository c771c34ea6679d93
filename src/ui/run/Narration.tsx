// The current step in words, announced to screen readers (aria-live) as the user steps: one plain sentence (what
// happened, why, and what it does), a secondary detail line (clock, choice point, expected vs observed), and the
// one-line note when a re-run could not land on the same moment.
export interface NarrationProps {
  position: number;
  text: string;
  detail: string | null;
  /** The step cross-wires (adds the icon and word; red never carries meaning alone). */
  crosswire: boolean;
  /** The call escapes the parent grant (HARN-CAP-301). */
  violation: boolean;
  note: string | null;
}

export default function Narration({ position, text, detail, crosswire, violation, note }: NarrationProps) {
  const red = crosswire || violation;
  return (
    <div className={red ? 'narration narration-crosswire' : 'narration'}>
      <p className="narration-text" aria-live="polite" aria-atomic="true" role="status">
        <span className="narration-step">Step {position}: </span>
        {crosswire ? (
          <span className="crosswire-tag">
            <span aria-hidden="true">✖ </span>cross-wire:{' '}
          </span>
        ) : violation ? (
          <span className="crosswire-tag">
            <span aria-hidden="true">✖ </span>violation:{' '}
          </span>
        ) : null}
        {text}
      </p>
      {detail ? <p className="narration-detail">{detail}</p> : null}
      {note ? (
        <p className="narration-note" role="note">
          {note}
        </p>
      ) : null}
    </div>
  );
}
