// One section of the effects ledger: a heading with a count and one row per effect with its call-site links.
// Violations are red and always carry an icon and words.
import { memo, useCallback, useMemo, useRef } from 'react';
import type { Span } from '../../core/diagnostics.ts';
import { selectAnalyzedSource } from '../../state/selectors.ts';
import { useStore } from '../../state/store.ts';
import { inChunks } from '../chunks.ts';
import { lineIndexAt, lineStarts } from '../format.ts';
import SiteLinks, { type PlacedSite } from './SiteLinks.tsx';

export interface LedgerRow {
  key: string;
  summary: string;
  sites: readonly Span[];
  detail?: string;
  extra?: string;
}

const ICON = { requested: '→', dropped: '⊘', granted: '✔', violation: '✖' } as const;
const EMPTY = {
  requested: 'No effects requested.',
  dropped: 'Nothing dropped.',
  granted: 'Nothing granted.',
  violation: '✔ No violations: the parent covers every granted effect.',
} as const;

interface LedgerSectionProps {
  title: string;
  hint: string;
  kind?: keyof typeof ICON;
  program: string;
  rows: LedgerRow[];
}

/** A row with its sites placed (1-based line:column in the analyzed source). Kept from one analysis to the next
 * while the row shows the same text at the same positions, so its memoized view skips re-rendering. */
interface PlacedRow {
  row: LedgerRow;
  sites: PlacedSite[];
}

interface RowViewProps {
  kind: keyof typeof ICON;
  program: string;
  placed: PlacedRow;
  onReveal: (rowKey: string, siteIndex: number) => void;
}

// Every analysis replaces the report whole, so without this each keystroke in a long child re-rendered every row.
const RowView = memo(
  function RowView({ kind, placed, onReveal }: RowViewProps) {
    const { row, sites } = placed;
    return (
      <li className="ledger-row">
        <span className="ledger-icon" aria-hidden="true">
          {ICON[kind]}
        </span>
        <code className="effect-summary">{row.summary}</code>
        <SiteLinks sites={sites} label={row.summary} onReveal={(index) => onReveal(row.key, index)} />
        {row.detail ? <span className="ledger-detail">{row.detail}</span> : null}
        {row.extra ? <span className="ledger-extra">{row.extra}</span> : null}
      </li>
    );
  },
  (a, b) => a.placed === b.placed && a.kind === b.kind && a.program === b.program && a.onReveal === b.onReveal,
);

interface RowChunkProps {
  kind: keyof typeof ICON;
  program: string;
  entries: readonly PlacedRow[];
  onReveal: (rowKey: string, siteIndex: number) => void;
}

// One list per chunk: the browser skips the layout and paint of an off-screen chunk (content-visibility in base.css),
// watching a few dozen lists instead of every row for when they come into view.
const RowChunk = memo(
  function RowChunk({ kind, program, entries, onReveal }: RowChunkProps) {
    return (
      // Its height before it is first laid out: about one line a row (then the browser remembers the real one).
      <ul className="ledger-rows" style={{ containIntrinsicSize: `auto ${entries.length * 26}px` }}>
        {entries.map((entry) => (
          <RowView key={entry.row.key} kind={kind} program={program} placed={entry} onReveal={onReveal} />
        ))}
      </ul>
    );
  },
  (a, b) =>
    a.kind === b.kind &&
    a.program === b.program &&
    a.onReveal === b.onReveal &&
    a.entries.length === b.entries.length &&
    a.entries.every((entry, i) => entry === b.entries[i]),
);

/** The 0-based line and column of `offset` in the source whose line starts are `starts` (offset clamped to `length`). */
function placeSite(starts: readonly number[], length: number, offset: number): [line: number, column: number] {
  const clamped = Math.max(0, Math.min(offset, length));
  const line = lineIndexAt(starts, clamped);
  return [line + 1, clamped - starts[line]! + 1];
}

/** Rows placed by any section, by row object, with the line starts they were placed against: a granted row is the
 * requested row (the same object, see EffectsLedger), so the second section takes the first one's placement. */
const placedRows = new WeakMap<LedgerRow, { starts: readonly number[]; placed: PlacedRow }>();

/** Does `before` show exactly what `row` would, at the same positions? Positions, not offsets: typing above a call
 * shifts its offsets but leaves its line:column (what the row shows). Allocates nothing: it runs for every row of a
 * long ledger on every analysis. */
function showsSame(before: PlacedRow, row: LedgerRow, starts: readonly number[], length: number): boolean {
  const old = before.row;
  if (old.summary !== row.summary || old.detail !== row.detail || old.extra !== row.extra || before.sites.length !== row.sites.length) return false;
  for (let i = 0; i < row.sites.length; i++) {
    const clamped = Math.max(0, Math.min(row.sites[i]!.start, length));
    const line = lineIndexAt(starts, clamped);
    const site = before.sites[i]!;
    if (site.line !== line + 1 || site.column !== clamped - starts[line]! + 1) return false;
  }
  return true;
}

export default function LedgerSection({ title, hint, kind = 'requested', program, rows }: LedgerSectionProps) {
  const id = `ledger-${kind}`;
  // The analyzed source, not the edited one: a keystroke must not move every site (old offsets, new text) before
  // its reply arrives, which re-rendered every row twice per key.
  const source = useStore(selectAnalyzedSource(program));
  const previous = useRef<readonly PlacedRow[]>([]);
  const chunks = useMemo(() => {
    const starts = lineStarts(source);
    const before = previous.current;
    // Rows come in canonical order, so a row is usually where it was: look it up by key only when it is not.
    let byKey: Map<string, PlacedRow> | null = null;
    const out = rows.map((row, index): PlacedRow => {
      const shared = placedRows.get(row);
      if (shared && shared.starts === starts) return shared.placed;
      let kept = before[index];
      if (kept && kept.row.key !== row.key) {
        byKey ??= new Map(before.map((entry) => [entry.row.key, entry]));
        kept = byKey.get(row.key);
      }
      const placed: PlacedRow =
        kept && showsSame(kept, row, starts, source.length)
          ? kept
          : {
              row,
              sites: row.sites.map((span) => {
                const [line, column] = placeSite(starts, source.length, span.start);
                return { span, line, column };
              }),
            };
      placedRows.set(row, { starts, placed });
      return placed;
    });
    previous.current = out;
    return inChunks(out);
  }, [rows, source]);
  // A kept row holds the spans of the analysis it was placed in; a click reveals the latest span of its site.
  const latest = useRef(rows);
  latest.current = rows;
  const reveal = useStore((s) => s.reveal);
  const onReveal = useCallback(
    (rowKey: string, siteIndex: number) => {
      const span = latest.current.find((row) => row.key === rowKey)?.sites[siteIndex];
      if (span) reveal(program, span);
    },
    [program, reveal],
  );
  return (
    <section className={`ledger-section ledger-${kind}`} aria-labelledby={id}>
      <h3 id={id}>
        {title} <span className="count">({rows.length})</span> <span className="hint">{hint}</span>
      </h3>
      {rows.length === 0 ? (
        <p className="muted ledger-empty">{EMPTY[kind]}</p>
      ) : (
        chunks.map((entries, index) => <RowChunk key={index} kind={kind} program={program} entries={entries} onReveal={onReveal} />)
      )}
    </section>
  );
}
