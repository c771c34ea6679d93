// Errors and warnings of a JSON editor, each with its field path; errors say what stays in effect.
import type { DraftError } from '../../state/slices/scenario.ts';

interface DraftProblemsProps {
  id: string;
  errors: readonly DraftError[];
  warnings: readonly DraftError[];
  keptNote: string;
}

export default function DraftProblems({ id, errors, warnings, keptNote }: DraftProblemsProps) {
  return (
    <div id={id} className="draft-problems" aria-live="polite">
      {errors.length > 0 ? (
        <div role="alert" className="field-error">
          <p>
            <span aria-hidden="true">✖ </span>
            {errors.length === 1 ? 'This is not a valid policy.' : `${errors.length} problems.`} {keptNote}
          </p>
          <ul>
            {errors.map((e, i) => (
              <li key={i}>
                {e.path ? <code>{e.path}</code> : null} {e.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {warnings.length > 0 ? (
        <ul className="field-warning">
          {warnings.map((w, i) => (
            <li key={i}>
              <span aria-hidden="true">⚠ </span>
              {w.path ? <code>{w.path}</code> : null} {w.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
