// The one-line summaries of folded parts: the ledger's counts per child (Lesson layout) and the scheduler's
// verdict, core's sentence on how the run ended (Policy layout). Counts come from the worker's analysis view.
import { isRunOfCurrentInputs } from '../../state/slices/run.ts';
import { useStore } from '../../state/store.ts';
import { usePredictView } from '../run/usePredictView.ts';

export function LedgerSummary() {
  const analysis = useStore((s) => s.analysis);
  const error = useStore((s) => s.analysisError);
  if (error !== null) return <span className="verdict-unknown">Effects ledger: decisions unknown: the analysis failed</span>;
  if (!analysis) return <>Effects ledger: analyzing…</>;
  return (
    <>
      <strong>Effects ledger:</strong>{' '}
      {analysis.children.map((child, i) => (
        <span key={child.name} className="fold-item">
          {i > 0 ? ' · ' : ''}
          {child.name}{' '}
          {child.parsed ? (
            <>
              {child.granted.length} granted, {child.dropped.length} dropped
              {child.violations.length > 0 ? (
                <span className="fold-violation">
                  , <span aria-hidden="true">✖ </span>
                  {child.violations.length} HARN-CAP-301
                </span>
              ) : null}
            </>
          ) : (
            'effects unknown (does not parse)'
          )}
        </span>
      ))}
    </>
  );
}

export function RunVerdict() {
  const message = useStore((s) => s.simulation?.summary.message ?? null);
  const error = useStore((s) => s.simulationError);
  // Pending: a request in flight, or the shown run was computed from other programs or run settings (an edit whose
  // run has not been asked for yet).
  const pending = useStore((s) => s.simulationAnsweredId !== s.simulationRequestId || !isRunOfCurrentInputs(s));
  const mode = useStore((s) => s.scenario.run.mode);
  const countsHidden = usePredictView()?.hides.has('counts') ?? false;
  // A verdict only for a run of the current sources that finished; otherwise unknown, and why.
  const unknown = error !== null ? `unknown: the simulation failed (${error})` : pending || message === null ? 'unknown: simulating the current sources…' : null;
  return (
    <>
      <strong>Scheduler ({mode}):</strong> {countsHidden ? 'hidden in Predict mode until every question is answered' : unknown === null ? message : <span className="verdict-unknown">{unknown}</span>}
    </>
  );
}
