// The parent's optional explicit grant: a serde JSON effect list that replaces its computed effects. Typing is
// kept as a draft; invalid JSON shows field-precise errors and the last valid grant stays in effect.
import { useId } from 'react';
import { editGrantText, grantText } from '../../state/policyEdits.ts';
import { useStore } from '../../state/store.ts';
import { useCoreClient } from '../coreClient.ts';
import DraftProblems from './DraftProblems.tsx';

export default function GrantEditor() {
  const client = useCoreClient();
  const grant = useStore((s) => s.scenario.parent.grant);
  const draft = useStore((s) => s.grantDraft);
  const computed = useStore((s) => (s.analysis?.parentEffectsSource === 'computed' ? s.analysis.parentEffects : null));
  const setGrant = useStore((s) => s.setGrant);
  const setGrantDraft = useStore((s) => s.setGrantDraft);
  const id = useId();
  const explicit = grant !== null || draft !== null;
  const text = draft?.text ?? grantText(grant);
  return (
    <section className="grant-editor" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Parent grant</h3>
      <label className="check">
        <input
          type="checkbox"
          checked={explicit}
          onChange={(e) => {
            if (e.target.checked) {
              const start = JSON.stringify(computed ?? [], null, 2);
              void editGrantText(client, start);
            } else {
              setGrantDraft(null);
              setGrant(null);
            }
          }}
        />
        Use an explicit grant instead of the parent's computed effects
      </label>
      {explicit ? (
        <div className="json-editor">
          <label htmlFor={id}>Grant (serde JSON effect list, as in a harn handoff)</label>
          <textarea
            id={id}
            className="json-text"
            spellCheck={false}
            rows={8}
            value={text}
            aria-invalid={(draft?.errors.length ?? 0) > 0}
            aria-describedby={`${id}-problems`}
            onChange={(e) => void editGrantText(client, e.target.value)}
          />
          <DraftProblems id={`${id}-problems`} errors={draft?.errors ?? []} warnings={[]} keptNote="The last valid grant stays in effect until this is fixed." />
        </div>
      ) : null}
    </section>
  );
}
