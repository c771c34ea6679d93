// The ceiling as JSON. Every keystroke is kept (as a draft); the worker validates it; a valid text takes effect,
// an invalid one shows field-precise errors while the last valid ceiling stays in effect. A Harn dict literal
// (`capability_policy: {…}` as in harn source) is accepted too, and the policy can be shown or copied either way.
import { useId } from 'react';
import { ceilingText, editCeilingText } from '../../state/policyEdits.ts';
import PolicySyntaxBar from './PolicySyntaxBar.tsx';
import { useStore } from '../../state/store.ts';
import { useCoreClient } from '../coreClient.ts';
import DraftProblems from './DraftProblems.tsx';

export default function CeilingJson({ child }: { child: string }) {
  const client = useCoreClient();
  const draft = useStore((s) => s.ceilingDrafts.get(child));
  const ceiling = useStore((s) => s.scenario.children.find((c) => c.name === child)?.ceiling ?? null);
  const id = useId();
  const text = draft?.text ?? ceilingText(ceiling);
  const errors = draft?.errors ?? [];
  return (
    <div className="json-editor">
      <label htmlFor={id}>Ceiling JSON or Harn dict literal (empty = unconstrained)</label>
      <PolicySyntaxBar child={child} />
      <textarea
        id={id}
        className="json-text"
        spellCheck={false}
        rows={8}
        value={text}
        aria-invalid={errors.length > 0}
        aria-describedby={`${id}-problems`}
        onChange={(e) => void editCeilingText(client, child, e.target.value)}
      />
      <DraftProblems id={`${id}-problems`} errors={errors} warnings={draft?.warnings ?? []} keptNote="The last valid ceiling stays in effect until this is fixed." />
    </div>
  );
}
