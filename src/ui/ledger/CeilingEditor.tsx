// A child's ceiling, edited as a form or as JSON (the same policy; the JSON view keeps exactly what was typed).
import { useStore } from '../../state/store.ts';
import CeilingForm from './CeilingForm.tsx';
import CeilingJson from './CeilingJson.tsx';
import SuggestCeiling from './SuggestCeiling.tsx';

export default function CeilingEditor({ child }: { child: string }) {
  const view = useStore((s) => s.ceilingView);
  const setView = useStore((s) => s.setCeilingView);
  const hasErrors = useStore((s) => (s.ceilingDrafts.get(child)?.errors.length ?? 0) > 0);
  return (
    <section className="ceiling-editor" aria-labelledby="ceiling-heading">
      <div className="section-head">
        <h3 id="ceiling-heading">Ceiling of {child}</h3>
        <div className="segmented" role="group" aria-label="Edit the ceiling as">
          {(['form', 'json'] as const).map((v) => (
            <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)}>
              {v === 'form' ? 'Form' : 'JSON'}
              {v === 'json' && hasErrors ? <span aria-label=" (has errors)"> ✖</span> : null}
            </button>
          ))}
        </div>
      </div>
      <SuggestCeiling child={child} />
      {view === 'form' ? <CeilingForm child={child} /> : <CeilingJson child={child} />}
    </section>
  );
}
