// The reads log, newest first: every read so far with what the task expected and what it observed. Cross-wires are red with an
// icon, the word and their consequence sentence; clicking a read jumps to its step and shows the call in the editor.
import { useEffect, useRef } from 'react';
import type { ReadStep } from './traceView.ts';

export interface ReadsLogProps {
  reads: readonly ReadStep[];
  /** Predict mode: the read whose question is being asked (its observed value waits for the answer); null = none. */
  hidden?: number | null;
  /** Predict mode: the consequence sentence of the read being asked is hidden. */
  hideConsequence?: boolean;
  /** Predict mode: every read's verdict (✖ or ✓, red, its consequence) and the asked read's observed value are hidden. */
  hideVerdict?: boolean;
  consequences: ReadonlyMap<number, string>;
  colorOf: (task: string | null) => string;
  selected: number | null;
  currentStep: number;
  onJump: (read: ReadStep) => void;
  /** The step number a person reads for a trace step (the stepper's: "13", "13.4"). */
  stepLabel: (index: number) => string;
}

export default function ReadsLog({ reads, hidden = null, hideConsequence = false, hideVerdict = false, consequences, colorOf, selected, currentStep, onJump, stepLabel }: ReadsLogProps) {
  const list = useRef<HTMLOListElement>(null);
  // Newest first, and kept in view as the user steps (the list only grows up to the current step).
  useEffect(() => {
    if (list.current) list.current.scrollTop = 0;
  }, [reads.length]);
  return (
    <div className="reads">
      <h3 id="reads-heading">Reads</h3>
      {reads.length === 0 ? <p className="reads-empty">No reads yet: step forward to see each task read its slots.</p> : null}
      <ol className="reads-list" aria-labelledby="reads-heading" ref={list}>
        {[...reads].reverse().map((read) => {
          const asked = read.index === hidden;
          const verdict = !hideVerdict;
          const classes = ['read', asked ? 'read-asked' : !verdict ? 'read-unjudged' : read.crosswire ? 'read-crosswire' : 'read-ok'];
          if (read.index === selected) classes.push('read-selected');
          if (read.index === currentStep) classes.push('read-current');
          return (
            <li key={read.index} className={classes.join(' ')} style={{ '--owner-color': colorOf(read.task) } as React.CSSProperties}>
              <button type="button" className="read-button" onClick={() => onJump(read)} aria-current={read.index === currentStep ? 'step' : undefined}>
                <span className="read-head">
                  {asked && !verdict ? (
                    <span className="predict-word">? predict</span>
                  ) : !verdict ? null : read.crosswire ? (
                    <span className="crosswire-tag">
                      <span aria-hidden="true">✖ </span>cross-wire
                    </span>
                  ) : (
                    <span className="ok-tag">
                      <span aria-hidden="true">✓ </span>ok
                    </span>
                  )}{' '}
                  <span className="read-task">{read.task}</span> reads <code>{read.slot}</code> for {read.what}
                  <span className="read-step"> · step {stepLabel(read.index)}</span>
                </span>
                <span className="read-values">
                  expected <span style={{ color: colorOf(read.expectedOwner) }}>{read.expected}</span>, observed{' '}
                  {asked && !verdict ? <span>?</span> : <span style={{ color: colorOf(read.observedOwner) }}>{read.observed}</span>}
                </span>
                {read.crosswire && !(asked && hideConsequence) && verdict ? <span className="read-consequence">{consequences.get(read.index) ?? 'it read a value another task installed'}</span> : null}
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
