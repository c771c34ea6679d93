// The drift guard beside the run (the Lesson layout of a scenario that adds thread-locals, F3): the guard's verdict
// on the scenario's catalog and each added slot still to decide, with a button to its card in the Catalog under
// the stepper, so the forcing function is on screen with the cross-wire it explains. The Catalog view is the
// worker's (the Catalog panel keeps it in sync).
import { useStore } from '../../state/store.ts';
import DriftProblems from './DriftProblems.tsx';
import './catalog.css';

// Scrolls the slot's card in the Catalog into view and puts focus on its decision.
function revealSlot(name: string): void {
  const card = document.querySelector(`.catalog-panel fieldset[aria-labelledby="slot-${CSS.escape(name)}-name"]`);
  card?.scrollIntoView({ block: 'center' });
  card?.querySelector<HTMLInputElement>('input[type="radio"]:checked, input[type="radio"]')?.focus({ preventScroll: true });
}

export default function LessonDrift() {
  const view = useStore((s) => s.catalogView);
  const flagged = view?.rows.filter((row) => row.added && row.flag !== null) ?? [];
  return (
    <section className="lesson-drift" aria-label="Drift guard beside the run">
      <h3>Drift guard</h3>
      {view ? <DriftProblems report={view.drift} verdict={view.verdict} /> : <p className="muted">Checking…</p>}
      {flagged.map((row) => (
        <p key={row.name} className="lesson-drift-slot">
          <code>{row.name}</code>: {row.flag}{' '}
          <button type="button" className="small-button" onClick={() => revealSlot(row.name)}>
            Decide it in the Catalog
          </button>
        </p>
      ))}
    </section>
  );
}
