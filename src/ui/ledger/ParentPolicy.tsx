// The parent's column: what it grants its children (computed or explicit) and the grant editor.
import { useStore } from '../../state/store.ts';
import GrantEditor from './GrantEditor.tsx';
import LintList from './LintList.tsx';
import PinCompare from './PinCompare.tsx';
import SuggestGrant from './SuggestGrant.tsx';

const NONE: readonly string[] = [];

export default function ParentPolicy({ parent }: { parent: string }) {
  // Worded by core (the seed's effect_record_summary and S553's grant problem): the page only shows them.
  const effects = useStore((s) => s.analysis?.parentEffectSummaries ?? NONE);
  const source = useStore((s) => s.analysis?.parentEffectsSource ?? null);
  const grantError = useStore((s) => s.analysis?.grantError ?? null);
  return (
    <div className="parent-policy">
      <h2>What {parent} grants its children</h2>
      {source === null ? (
        <p className="muted">Analyzing…</p>
      ) : grantError !== null ? (
        <p className="effects-unknown grant-invalid" role="alert">
          <span aria-hidden="true">✖ </span>
          <strong>Grant invalid:</strong> {grantError}. No child is spawned and every decision against the parent is unknown until it is fixed.
        </p>
      ) : source === 'unknown' ? (
        <p className="effects-unknown" role="status">
          <span aria-hidden="true">⚠ </span>
          <strong>Grant unknown:</strong> the parent does not parse or its explicit grant is invalid, so children are not checked.
        </p>
      ) : (
        <>
          <p className="muted">{source === 'grant' ? 'From the explicit grant below.' : "Computed from the parent's own effects."}</p>
          {effects.length === 0 ? (
            <p className="muted">Empty: every child effect escapes it.</p>
          ) : (
            <ul className="ledger-rows">
              {effects.map((e) => (
                <li key={e} className="ledger-row">
                  <span className="ledger-icon" aria-hidden="true">✔</span>
                  <code className="effect-summary">{e}</code>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <SuggestGrant />
      <GrantEditor />
      <LintList program={parent} />
      <PinCompare />
    </div>
  );
}
