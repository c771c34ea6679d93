// A child's `// @expect` lines with pass / fail from the analysis; `no-crosswire` is decided by the current run
// (the trace the stepper shows): pass when the child has no cross-wire in it. Failing lines are also L408 markers.
import { useCallback } from 'react';
import type { LedgerRow, Place } from '../../state/analysisTypes.ts';
import { useStore } from '../../state/store.ts';
import SiteLinks from './SiteLinks.tsx';

const MARK = { pass: '✔ pass', fail: '✖ fail', pending: '… needs a run' } as const;

function useCrosswireStep(child: string): number | null | undefined {
  // undefined: no run yet; null: the run has no cross-wire of this child; else its first cross-wire step.
  return useStore((s) => {
    if (!s.simulation) return undefined;
    const hit = s.simulation.summary.crosswires.find((c) => c.task === child);
    return hit ? hit.step : null;
  });
}

export default function ExpectationList({ child, rows }: { child: string; rows: readonly LedgerRow[] }) {
  const crosswire = useCrosswireStep(child);
  const reveal = useStore((s) => s.reveal);
  const onReveal = useCallback((place: Place) => reveal(child, place), [child, reveal]);
  if (rows.length === 0) return null;
  const outcome = (row: LedgerRow): { status: keyof typeof MARK; detail: string } => {
    if (row.extra !== 'pending' || crosswire === undefined) return { status: (row.extra ?? 'pending') as keyof typeof MARK, detail: row.detail ?? '' };
    return crosswire === null
      ? { status: 'pass', detail: `${child} reads no other task's value in the current run` }
      : { status: 'fail', detail: `${child} cross-wires at step ${crosswire} of the current run` };
  };
  const results = rows.map((row) => ({ row, ...outcome(row) }));
  const failing = results.filter((r) => r.status === 'fail').length;
  return (
    <section className="ledger-section ledger-expectations" aria-labelledby="ledger-expectations">
      <h3 id="ledger-expectations">
        Expectations <span className="count">({failing === 0 ? `${rows.length} written, none failing` : `${failing} of ${rows.length} failing`})</span>
      </h3>
      <ul className="ledger-rows">
        {results.map(({ row, status, detail }) => (
          <li key={row.summary} className={`ledger-row expect-${status}`}>
            <span className="expect-status">{MARK[status]}</span>
            <code className="effect-summary">{row.summary}</code>
            <SiteLinks sites={row.sites} label={row.summary} onReveal={onReveal} />
            <span className="ledger-detail">{detail}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
