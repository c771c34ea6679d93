// Every slot of the scenario's catalog — the seed's 28, then the added ones — with its shape, decision and
// reason; an added slot not yet decided is flagged (an icon and words, never colour alone).
import type { CatalogView } from '../../core/drift/scenario.ts';

type Row = CatalogView['rows'][number];

function Decision({ row }: { row: Row }) {
  if (row.scoping === null)
    return (
      <span className="slot-flag">
        <span aria-hidden="true">⚠ </span>not classified
      </span>
    );
  return <span className={`decision decision-${row.scoping}`}>{row.scoping === 'captured' ? 'Captured' : 'Uncaptured'}</span>;
}

export default function CatalogTable({ rows }: { rows: readonly Row[] }) {
  return (
    <div className="catalog-wrap" tabIndex={0} role="region" aria-label="Catalog table">
      <table className="catalog-table" aria-label="Thread-local catalog">
        <thead>
          <tr>
            <th scope="col">Slot (shape)</th>
            <th scope="col">Decision</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name} className={row.added ? 'added' : undefined}>
              <th scope="row">
                <code>{row.name}</code>
                {row.added ? <span className="scope-note"> (added)</span> : null}
                {row.latent ? <span className="scope-note"> (latent)</span> : null}
                <span className="scope-note"> {row.shape}</span>
              </th>
              <td>
                <Decision row={row} />
              </td>
              <td className="reason">{row.flag ?? (row.reason || (row.scoping === 'captured' ? '—' : ''))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
