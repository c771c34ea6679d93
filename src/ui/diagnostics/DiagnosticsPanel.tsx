// Lists every program's diagnostics (parse errors, HARN-CAP-301 violations, lints); clicking one reveals and
// selects its range in the editor. Severity is always shown by icon and word, never colour alone.
import { memo, useCallback, useDeferredValue, useMemo, useRef } from 'react';
import type { Diagnostic } from '../../core/diagnostics.ts';
import type { ScenarioAnalysis } from '../../state/analysisTypes.ts';
import { useStore } from '../../state/store.ts';
import { CHUNK_ROWS, inChunks } from '../chunks.ts';
import { offsetPosition } from '../format.ts';
import { SEVERITY_ICON } from './severity.ts';

interface Row {
  program: string;
  diagnostic: Diagnostic;
  line: number;
  column: number;
}

// Positions come from the sources the analysis was computed from (its spans index into them), so the panel
// depends on the analysis alone and a keystroke does not re-render it before the reply arrives.
function diagnosticRows(analysis: ScenarioAnalysis | null, sources: Readonly<Record<string, string>>): Row[] {
  if (!analysis) return [];
  const rows: Row[] = [];
  for (const program of [analysis.parent, ...analysis.children]) {
    const source = sources[program.name];
    if (source === undefined) continue;
    for (const diagnostic of program.diagnostics) rows.push({ program: program.name, diagnostic, ...offsetPosition(source, diagnostic.span.start) });
  }
  return rows;
}

interface RowViewProps {
  row: Row;
  index: number;
  onReveal: (index: number) => void;
}

function sameRow(a: Row, b: Row): boolean {
  return (
    a.program === b.program &&
    a.line === b.line &&
    a.column === b.column &&
    a.diagnostic.severity === b.diagnostic.severity &&
    a.diagnostic.code === b.diagnostic.code &&
    a.diagnostic.message === b.diagnostic.message
  );
}

// Every analysis replaces the diagnostics whole; a row re-renders only when what it shows changes.
const RowView = memo(
  function RowView({ row, index, onReveal }: RowViewProps) {
    const { program, diagnostic, line, column } = row;
    return (
      <li className={`diagnostic severity-${diagnostic.severity}`}>
        <button type="button" onClick={() => onReveal(index)}>
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
  (a, b) => a.index === b.index && a.onReveal === b.onReveal && sameRow(a.row, b.row),
);

interface RowChunkProps {
  rows: readonly Row[];
  /** The index of the chunk's first row. */
  first: number;
  onReveal: (index: number) => void;
}

const RowChunk = memo(
  function RowChunk({ rows, first, onReveal }: RowChunkProps) {
    return rows.map((row, i) => <RowView key={`${row.program}-${first + i}`} row={row} index={first + i} onReveal={onReveal} />);
  },
  (a, b) => a.first === b.first && a.onReveal === b.onReveal && a.rows.length === b.rows.length && a.rows.every((row, i) => sameRow(row, b.rows[i]!)),
);

export default function DiagnosticsPanel() {
  // Deferred: a reply first updates the ledger and the editor's markers (what the keystroke is about), then this
  // list in its own, interruptible render (the two values arrive together in one store update, so they stay paired).
  const analysis = useDeferredValue(useStore((s) => s.analysis));
  const sources = useDeferredValue(useStore((s) => s.analyzedSources));
  const rows = useMemo(() => diagnosticRows(analysis, sources), [analysis, sources]);
  const hasAnalysis = analysis !== null;
  const error = useStore((s) => s.analysisError);
  const reveal = useStore((s) => s.reveal);
  // A memoized row may hold an older diagnostic with the same text; its click reveals the latest span.
  const latest = useRef(rows);
  latest.current = rows;
  const onReveal = useCallback(
    (index: number) => {
      const row = latest.current[index];
      if (row) reveal(row.program, row.diagnostic.span);
    },
    [reveal],
  );
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
