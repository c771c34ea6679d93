// The Catalog view (F3): every slot with its decision and reason, the scenario's added thread-locals with
// their editors, "Add a thread-local", and the drift guard on the scenario's catalog and on dropped files.
// Its view is kept current by the sync layer's catalog loop (src/state/sync/catalog.ts).
import { useStore } from '../../state/store.ts';
import AddedSlotEditor from './AddedSlotEditor.tsx';
import AddSlotForm from './AddSlotForm.tsx';
import CatalogTable from './CatalogTable.tsx';
import DriftPanel from './DriftPanel.tsx';
import './catalog.css';

export default function CatalogPanel() {
  const view = useStore((s) => s.catalogView);
  const added = useStore((s) => s.scenario.slots);
  const flags = new Map(view?.rows.map((row) => [row.name, row.flag]) ?? []);
  return (
    <section className="catalog-panel" aria-label="Catalog">
      <h2 className="run-title">Catalog</h2>
      {view ? <p className="catalog-count">{view.count}</p> : null}
      {(added ?? []).map((slot) => (
        <AddedSlotEditor key={slot.name} slot={slot} flag={flags.get(slot.name) ?? null} />
      ))}
      <AddSlotForm />
      <DriftPanel drift={view?.drift ?? null} verdict={view?.verdict ?? ''} />
      {view ? (
        <details className="catalog-details" open={added !== undefined}>
          <summary>Every slot, its decision and reason</summary>
          <CatalogTable rows={view.rows} />
        </details>
      ) : null}
    </section>
  );
}
