// The last policy edit the page made for the author (a suggestion applied, a fix), with Undo; or what the last Undo
// or refused edit said.
import { dismissPolicyNotice, undoPolicyEdit, usePolicyUndo } from '../../state/policyApply.ts';

export default function PolicyUndoNotice() {
  const last = usePolicyUndo((s) => s.last);
  const notice = usePolicyUndo((s) => s.notice);
  if (!last && !notice) return null;
  return (
    <div className="policy-undo" role="status">
      <span>{last ? last.message : notice}</span>
      {last ? (
        <button type="button" className="small-button" onClick={undoPolicyEdit}>
          Undo
        </button>
      ) : null}
      <button type="button" className="small-button" aria-label="Dismiss" onClick={dismissPolicyNotice}>
        ✕
      </button>
    </div>
  );
}
