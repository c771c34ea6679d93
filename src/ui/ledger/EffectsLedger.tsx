// A child's effects ledger: requested → dropped by the ceiling (with the rule) → granted → violations of the
// parent's grant (HARN-CAP-301, with why and the nearest parent record). Every row links to its call sites.
// A child that does not parse shows "effects unknown", never an empty list.
import { useMemo } from 'react';
import type { ProgramAnalysis } from '../../state/analysisTypes.ts';
import { selectProgramAnalysis } from '../../state/selectors.ts';
import { useStore } from '../../state/store.ts';
import { effectSummary } from '../format.ts';
import LedgerSection, { type LedgerRow } from './LedgerSection.tsx';

interface LedgerRows {
  requested: LedgerRow[];
  dropped: LedgerRow[];
  granted: LedgerRow[];
  violations: LedgerRow[];
}

/** The four sections' rows of one report. A granted effect is the requested one (the same object in the report),
 * so its row is the same object too, and the ledger places its sites once for both sections. */
function ledgerRows(report: ProgramAnalysis): LedgerRows {
  const summaries = new Map<object, string>();
  const summary = (effect: ProgramAnalysis['requested'][number]['effect']) => {
    let text = summaries.get(effect);
    if (text === undefined) summaries.set(effect, (text = effectSummary(effect)));
    return text;
  };
  const plain = (effect: ProgramAnalysis['requested'][number]['effect'], sites: LedgerRow['sites']): LedgerRow => {
    const text = summary(effect);
    return { key: text, summary: text, sites };
  };
  const rowOf = new Map<object, LedgerRow>();
  const analyzed = (item: ProgramAnalysis['requested'][number]) => {
    let row = rowOf.get(item);
    if (row === undefined) rowOf.set(item, (row = plain(item.effect, item.sites)));
    return row;
  };
  return {
    requested: report.requested.map(analyzed),
    dropped: report.dropped.map((d) => ({ ...plain(d.effect, d.sites), detail: `${d.rule === 'capability' ? 'capability/op' : 'side-effect level'}: ${d.reason}` })),
    granted: report.granted.map(analyzed),
    violations: report.violations.map((v) => ({
      ...plain(v.effect, v.sites),
      detail: v.message,
      extra: v.nearest ? `nearest parent record: ${effectSummary(v.nearest)}` : 'no parent record of this kind',
    })),
  };
}

export default function EffectsLedger({ child }: { child: string }) {
  const report = useStore(selectProgramAnalysis(child));
  const parentSource = useStore((s) => s.analysis?.parentEffectsSource ?? 'unknown');
  const rows = useMemo(() => (report && report.parsed ? ledgerRows(report) : null), [report]);
  if (!report) return <p className="muted">Analyzing…</p>;
  if (!report.parsed) {
    const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
    return (
      <p className="effects-unknown" role="status">
        <span aria-hidden="true">⚠ </span>
        <strong>Effects unknown: the child does not parse.</strong> Fix the {errors} syntax error{errors === 1 ? '' : 's'} listed under Diagnostics.
      </p>
    );
  }
  // Always the memoized rows here (the report parsed); the fallback only satisfies the type.
  const sections = rows ?? ledgerRows(report);
  return (
    <div className="ledger">
      <LedgerSection title="Requested" hint="what the program asks for" rows={sections.requested} program={child} />
      <LedgerSection
        title="Dropped by the ceiling"
        hint="removed before the handoff"
        kind="dropped"
        program={child}
        rows={sections.dropped}
      />
      <LedgerSection title="Granted" hint="handed off to the child" kind="granted" program={child} rows={sections.granted} />
      {report.violationsChecked ? (
        <LedgerSection
          title="Violations (HARN-CAP-301)"
          hint="granted effects the parent does not hold"
          kind="violation"
          program={child}
          rows={sections.violations}
        />
      ) : (
        <p className="muted" role="status">
          <span aria-hidden="true">○ </span>Not checked against the parent: {parentSource === 'unknown' ? "the parent's effects are unknown (it does not parse, or its grant is invalid)." : 'nothing to check.'}
        </p>
      )}
    </div>
  );
}
