// Predict mode's question at the current step (issue 28): core's prompt and the candidate answers from the trace,
// as numbered buttons (number keys 1–n answer too, wherever focus is but a text field or the editor); once answered,
// core's sentence saying whether it was right and what the run does, with the right choice marked.
import { useEffect } from 'react';
import type { Question } from '../../core/teaching/questions.ts';
import { ownsKeys } from './hooks.ts';

export interface PredictQuestionProps {
  question: Question;
  /** The answer given (an index into the choices), or null while it is asked. */
  chosen: number | null;
  onAnswer: (choice: number) => void;
}

/** The number keys answer the question being asked: "1" the first choice, and so on (up to 9). */
function useNumberKeys(count: number, active: boolean, onAnswer: (choice: number) => void): void {
  useEffect(() => {
    if (!active) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || ownsKeys(event.target)) return;
      const n = Number(event.key);
      if (!Number.isInteger(n) || n < 1 || n > count) return;
      event.preventDefault();
      onAnswer(n - 1);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [count, active, onAnswer]);
}

export default function PredictQuestion({ question, chosen, onAnswer }: PredictQuestionProps) {
  const asking = chosen === null;
  useNumberKeys(Math.min(9, question.choices.length), asking, onAnswer);
  const right = chosen === question.answer;
  return (
    <section className={`predict-question${asking ? '' : right ? ' predict-right' : ' predict-wrong'}`} aria-labelledby="predict-prompt">
      <p className="predict-prompt" id="predict-prompt" role="status" aria-live="polite" aria-atomic="true">
        <span className="narration-step">Step {question.stepLabel}: </span>
        <span className="predict-word">Predict: </span>
        {question.prompt}
      </p>
      <ol className="predict-choices">
        {question.choices.map((choice, i) => {
          const isAnswer = !asking && i === question.answer;
          const isChosen = chosen === i;
          return (
            <li key={choice}>
              <button
                type="button"
                className={`predict-choice${isAnswer ? ' predict-choice-answer' : ''}${isChosen && !isAnswer ? ' predict-choice-wrong' : ''}`}
                aria-keyshortcuts={i < 9 ? String(i + 1) : undefined}
                aria-pressed={asking ? undefined : isChosen}
                // Not disabled once answered: a disabled button would drop the keyboard focus on the page's body.
                aria-disabled={asking ? undefined : true}
                onClick={() => asking && onAnswer(i)}
              >
                <kbd aria-hidden="true">{i + 1}</kbd> <span className="predict-choice-text">{choice}</span>
                {isAnswer ? <span className="ok-tag"> <span aria-hidden="true">✓</span> what the run does</span> : null}
                {isChosen && !isAnswer ? <span className="crosswire-tag"> <span aria-hidden="true">✖</span> your answer</span> : null}
              </button>
            </li>
          );
        })}
      </ol>
      {asking ? (
        <p className="predict-hint">Pick one, or press {question.choices.length > 1 ? `1–${Math.min(9, question.choices.length)}` : '1'}. The step's sentence shows once you answer.</p>
      ) : (
        <p className={right ? 'predict-verdict ok-tag' : 'predict-verdict crosswire-tag'} role="status">
          {right ? question.right : question.wrong}
        </p>
      )}
    </section>
  );
}
