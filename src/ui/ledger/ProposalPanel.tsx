// A suggested policy shown before it is applied: what it adds and removes (as policies, over every effect), the
// line diff of its fields, the proposed text, and Apply / Cancel. Apply puts it into effect as one undoable edit.
import type { PolicyProposal } from '../../core/authoring/index.ts';
import type { PolicyBasis } from '../../state/policyApply.ts';
import type { ProposalState } from './useProposal.ts';

interface ProposalPanelProps {
  proposal: PolicyProposal;
  /** False while it is being recomputed for edits made since (Apply waits for the answer). */
  current: boolean;
  onApply: () => void;
  onCancel: () => void;
}

function Changes({ title, rows, sign }: { title: string; rows: PolicyProposal['newlyAllowed']; sign: '+' | '−' }) {
  if (rows.length === 0) return null;
  return (
    <div className={`proposal-changes proposal-${sign === '+' ? 'adds' : 'removes'}`}>
      <h4>
        {title} ({rows.length})
      </h4>
      <ul>
        {rows.map((row) => (
          <li key={row.summary}>
            <span aria-hidden="true">{sign} </span>
            <code>{row.summary}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}

export default function ProposalPanel({ proposal, current, onApply, onCancel }: ProposalPanelProps) {
  const same = proposal.fields.length === 0;
  return (
    <section className="proposal" aria-label={`Suggested ${proposal.label}`}>
      <h3>Suggested {proposal.label}</h3>
      {proposal.notes.map((note) => (
        <p key={note} className="muted">
          {note}
        </p>
      ))}
      {same ? (
        <p role="status">No change: the {proposal.label} in effect is already this policy.</p>
      ) : (
        <>
          <Changes title="Newly allowed" rows={proposal.newlyAllowed} sign="+" />
          <Changes title="Newly denied" rows={proposal.newlyDenied} sign="−" />
          {proposal.newlyAllowed.length === 0 && proposal.newlyDenied.length === 0 ? <p className="muted">Allows and denies exactly what the policy in effect does; only its text changes.</p> : null}
          <details>
            <summary>Diff of the fields</summary>
            <pre className="proposal-diff" aria-label="Diff of the fields">
              {proposal.fields.map((line, i) => (
                <span key={i} className={line.startsWith('+') ? 'diff-add' : line.startsWith('-') ? 'diff-del' : undefined}>
                  {line}
                  {'\n'}
                </span>
              ))}
            </pre>
          </details>
        </>
      )}
      <details>
        <summary>Proposed policy</summary>
        <pre className="proposal-text" aria-label="Proposed policy">{proposal.text}</pre>
      </details>
      <div className="proposal-actions">
        <button type="button" className="small-button" disabled={same || !current} onClick={onApply}>
          Apply
        </button>
        <button type="button" className="small-button" onClick={onCancel}>
          Cancel
        </button>
        {!current ? <span className="muted">Recomputing for your latest edit…</span> : null}
      </div>
    </section>
  );
}

/** A proposal's place under its button: nothing while closed, then why it failed, "Computing…", or the panel
 * whose Apply calls `apply` with the proposal and the policies it was computed from. */
export function ProposalBody({ state, apply }: { state: ProposalState; apply: (proposal: PolicyProposal, basis: PolicyBasis) => void }) {
  const { result, basis } = state;
  if (!state.open) return null;
  if (state.error) return <p className="field-warning" role="status">{state.error}</p>;
  if (result === null) return <p className="muted">Computing…</p>;
  if (!result.ok) return <p className="field-warning" role="status">{result.problem}</p>;
  return <ProposalPanel proposal={result.proposal} current={state.current} onCancel={state.close} onApply={() => basis && apply(result.proposal, basis)} />;
}
