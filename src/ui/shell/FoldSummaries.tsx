// The one-line summaries of folded parts: the ledger's counts per child (Lesson layout) and the scheduler's
// verdict, core's sentence on how the run ended (Policy layout). Counts come from the worker's analysis view.
import { useStore } from '../../state/store.ts';

export function LedgerSummary() {
  const analysis = useStore((s) => s.analysis);
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
  const mode = useStore((s) => s.scenario.run.mode);
  return (
    <>
      <strong>Scheduler ({mode}):</strong> {message ?? 'Simulating…'}
    </>
  );
}
