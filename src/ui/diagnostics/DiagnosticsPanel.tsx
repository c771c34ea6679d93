// Lists every program's diagnostics (parse errors, HARN-CAP-301 violations, lints); clicking one reveals and
// selects its range in the editor. Severity is always shown by icon and word, never colour alone.
import { memo, useCallback, useDeferredValue, useMemo } from 'react';
import type { AnalysisView, DiagnosticRow } from '../../state/analysisTypes.ts';
import { useStore } from '../../state/store.ts';
import { CHUNK_ROWS, inChunks } from '../chunks.ts';
import { SEVERITY_ICON } from './severity.ts';

interface Row {
  program: string;
  diagnostic: DiagnosticRow;
}

// Placed by the worker (line:column in the analyzed source), so the panel depends on the analysis alone and a
// keystroke does not re-render it before the reply arrives.
function diagnosticRows(analysis: AnalysisView | null): Row[] {
  if (!analysis) return [];
  const rows: Row[] = [];
  for (const program of [analysis.parent, ...analysis.children]) for (const diagnostic of program.diagnostics) rows.push({ program: program.name, diagnostic });
  return rows;
}

interface RowViewProps {
  row: Row;
  onReveal: (row: Row) => void;
}

// A reply keeps every diagnostic it did not change the same object (state/viewPatch.ts).
function sameRow(a: Row, b: Row): boolean {
  return a.program === b.program && a.diagnostic === b.diagnostic;
}

// A row re-renders only when its diagnostic changed.
const RowView = memo(
  function RowView({ row, onReveal }: RowViewProps) {
    const { program, diagnostic } = row;
    const { line, column } = diagnostic.place;
    return (
      <li className={`diagnostic severity-${diagnostic.severity}`}>
        <button type="button" onClick={() => onReveal(row)}>
          <span className="severity" aria-hidden="true">{SEVERITY_ICON[diagnostic.severity]}</span>
          <span className="visually-hidden">{diagnostic.severity}</span>
          <span className="code">{diagnostic.code}</span>
          <span className="message">{diagnostic.message}</span>
          <span className="where">
            {program} {line}:{column}
          </span>
        </button>
      </li>
    );
  },
  (a, b) => a.onReveal === b.onReveal && sameRow(a.row, b.row),
);

interface RowChunkProps {
  rows: readonly Row[];
  /** The index of the chunk's first row. */
  first: number;
  onReveal: (row: Row) => void;
}

const RowChunk = memo(
  function RowChunk({ rows, first, onReveal }: RowChunkProps) {
    return rows.map((row, i) => <RowView key={`${row.program}-${first + i}`} row={row} onReveal={onReveal} />);
  },
  (a, b) => a.first === b.first && a.onReveal === b.onReveal && a.rows.length === b.rows.length && a.rows.every((row, i) => sameRow(row, b.rows[i]!)),
);

export default function DiagnosticsPanel() {
  // Deferred: a reply first updates the ledger and the editor's markers (what the keystroke is about), then this
  // list in its own, interruptible render.
  const analysis = useDeferredValue(useStore((s) => s.analysis));
  const rows = useMemo(() => diagnosticRows(analysis), [analysis]);
  const hasAnalysis = analysis !== null;
  const error = useStore((s) => s.analysisError);
  const reveal = useStore((s) => s.reveal);
  const onReveal = useCallback((row: Row) => reveal(row.program, row.diagnostic.place), [reveal]);
  const errors = useMemo(() => rows.filter((r) => r.diagnostic.severity === 'error').length, [rows]);
  const chunks = useMemo(() => inChunks(rows), [rows]);
  return (
    <section className="diagnostics-panel" aria-labelledby="diagnostics-heading">
      <h2 id="diagnostics-heading">
        Diagnostics <span className="count">{hasAnalysis ? `${errors} error${errors === 1 ? '' : 's'}, ${rows.length - errors} other` : ''}</span>
      </h2>
      {error ? (
        <p role="alert" className="worker-error">
          ✖ The analysis failed (a bug in core): {error}
        </p>
      ) : null}
      {!hasAnalysis ? <p className="muted">Analyzing…</p> : rows.length === 0 ? <p className="muted">✔ No diagnostics.</p> : null}
      <ul className="diagnostics-list">
        {chunks.map((chunk, c) => (
          <RowChunk key={c} rows={chunk} first={c * CHUNK_ROWS} onReveal={onReveal} />
        ))}
      </ul>
    </section>
  );
}
