// A child's effects ledger: requested → dropped by the ceiling (with the rule) → granted → violations of the
// parent's grant (HARN-CAP-301, with why and the nearest parent record). Every row links to its call sites.
// A child that does not parse shows "effects unknown", never an empty list.
import { selectProgramAnalysis } from '../../state/selectors.ts';
import { useStore } from '../../state/store.ts';
import ExpectationList from './ExpectationList.tsx';
import LedgerSection from './LedgerSection.tsx';
import PinCompare from './PinCompare.tsx';
import './policy.css';

export default function EffectsLedger({ child }: { child: string }) {
  const report = useStore(selectProgramAnalysis(child));
  const parentSource = useStore((s) => s.analysis?.parentEffectsSource ?? 'unknown');
  const grantError = useStore((s) => s.analysis?.grantError ?? null);
  const failed = useStore((s) => s.analysisError);
  if (failed !== null)
    return (
      <p className="effects-unknown" role="status">
        <span aria-hidden="true">✖ </span>
        <strong>Decisions unknown: the analysis failed.</strong> {failed}
      </p>
    );
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
  // The rows come from the worker placed and worded (core's programView); a reply keeps every row it did not
  // change the same object, so the sections re-render only what changed.
  return (
    <div className="ledger">
      <LedgerSection title="Requested" hint="what the program asks for" rows={report.requested} program={child} />
      <LedgerSection
        title="Dropped by the ceiling"
        hint="removed before the handoff"
        kind="dropped"
        program={child}
        rows={report.dropped}
      />
      <LedgerSection title="Granted" hint="handed off to the child" kind="granted" program={child} rows={report.granted} />
      {report.violationsChecked ? (
        <LedgerSection
          title="Violations (HARN-CAP-301)"
          hint="granted effects the parent does not hold"
          kind="violation"
          program={child}
          rows={report.violations}
        />
      ) : grantError !== null ? (
        <p className="effects-unknown grant-invalid" role="status">
          <span aria-hidden="true">✖ </span>
          <strong>Decision unknown:</strong> the parent grant is invalid ({grantError}), so {child} is not spawned.
        </p>
      ) : (
        <p className="muted" role="status">
          <span aria-hidden="true">○ </span>Not checked against the parent: {parentSource === 'unknown' ? "the parent's effects are unknown (it does not parse, or its grant is invalid)." : 'nothing to check.'}
        </p>
      )}
      <LedgerSection
        title="Not in the handoff"
        hint="harn's analysis does not look here (the effects above are what harn computes)"
        kind="unseen"
        program={child}
        rows={report.unseen}
      />
      <ExpectationList child={child} rows={report.expectations} />
      <PinCompare />
    </div>
  );
}
