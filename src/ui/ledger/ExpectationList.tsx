// A child's `// @expect` lines with pass / fail from the analysis; `no-crosswire` fails when the current run (the
// trace the stepper shows) or an exploration of the current scenario cross-wires the child, and passes only when a
// complete exploration of the current scenario found no schedule that does (else it needs a search: unknown).
// Failing lines are also L408 markers.
import { useCallback } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { LedgerRow, Place } from '../../state/analysisTypes.ts';
import { stepLabel } from '../../state/runNav.ts';
import { useStore } from '../../state/store.ts';
import SiteLinks from './SiteLinks.tsx';

const MARK = { pass: '✔ pass', fail: '✖ fail', pending: '? unknown' } as const;

/** What the latest exploration says of `child`, if it explored the current programs in the current mode: the first
 * schedule that cross-wires it, 'none' after a complete search that found none, or null (no such search). */
function useSearchVerdict(child: string): { picks: string } | 'none' | null {
  return useStore(
    useShallow((s) => {
      const result = s.explorerResult;
      const explored = s.exploredScenario;
      if (!result || !explored || result.cancelled) return null;
      const same =
        explored.parent.source === s.scenario.parent.source &&
        explored.run.mode === s.scenario.run.mode &&
        explored.children.length === s.scenario.children.length &&
        explored.children.every((c, i) => c.name === s.scenario.children[i]!.name && c.source === s.scenario.children[i]!.source);
      if (!same) return null;
      const hit = result.failures.find((f) => f.crosswires.some((c) => c.task === child));
      if (hit) return { picks: hit.picks.join(',') };
      return result.complete && result.failures.length === result.failing ? 'none' : null;
    }),
  );
}

function useCrosswireStep(child: string): string | null | undefined {
  // undefined: no run yet; null: the run has no cross-wire of this child; else its first cross-wire's step, as the
  // stepper numbers it.
  return useStore((s) => {
    if (!s.simulation) return undefined;
    const hit = s.simulation.summary.crosswires.find((c) => c.task === child);
    return hit ? stepLabel(s.simulation, hit.step) : null;
  });
}

export default function ExpectationList({ child, rows }: { child: string; rows: readonly LedgerRow[] }) {
  const crosswire = useCrosswireStep(child);
  const search = useSearchVerdict(child);
  const reveal = useStore((s) => s.reveal);
  const onReveal = useCallback((place: Place) => reveal(child, place), [child, reveal]);
  if (rows.length === 0) return null;
  const outcome = (row: LedgerRow): { status: keyof typeof MARK; detail: string } => {
    if (row.extra !== 'pending') return { status: (row.extra ?? 'pending') as keyof typeof MARK, detail: row.detail ?? '' };
    if (typeof crosswire === 'string') return { status: 'fail', detail: `${child} cross-wires at step ${crosswire} of the current run` };
    if (search !== null && search !== 'none') return { status: 'fail', detail: `${child} cross-wires in schedule ${search.picks} (found by the explorer)` };
    if (search === 'none') return { status: 'pass', detail: `${child} reads no other task's value in any schedule (a complete exploration)` };
    return {
      status: 'pending',
      detail: crosswire === null ? `unknown: the current run does not cross-wire ${child}; whether another schedule does needs the explorer` : 'unknown: no run of the current sources yet',
    };
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
