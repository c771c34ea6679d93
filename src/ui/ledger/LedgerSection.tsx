// One section of the effects ledger: a heading with a count and one row per effect with its call-site links.
// Violations are red and always carry an icon and words.
import { memo, useCallback, useMemo } from 'react';
import type { LedgerRow, Place } from '../../state/analysisTypes.ts';
import { applyFixAt } from '../../state/policyApply.ts';
import { useStore } from '../../state/store.ts';
import { useCoreClient } from '../coreClient.ts';
import { inChunks } from '../chunks.ts';
import SiteLinks from './SiteLinks.tsx';

const ICON = { requested: '→', dropped: '⊘', granted: '✔', violation: '✖', unseen: '⚠' } as const;
const EMPTY = {
  requested: 'No effects requested.',
  dropped: 'Nothing dropped.',
  granted: 'Nothing granted.',
  violation: '✔ No violations: the parent covers every granted effect.',
  unseen: 'None: harn sees every effectful call of this program.',
} as const;

interface LedgerSectionProps {
  title: string;
  hint: string;
  kind?: keyof typeof ICON;
  program: string;
  rows: LedgerRow[];
}

interface RowViewProps {
  kind: keyof typeof ICON;
  row: LedgerRow;
  onReveal: (place: Place) => void;
  /** Violations only: adds the record that covers the row's effect to the parent grant. */
  onFix?: (summary: string) => void;
}

// A reply keeps every row it did not change the same object (state/viewPatch.ts), so a row re-renders only when
// what it shows changed.
const RowView = memo(function RowView({ kind, row, onReveal, onFix }: RowViewProps) {
  return (
    <li className="ledger-row">
      <span className="ledger-icon" aria-hidden="true">
        {ICON[kind]}
      </span>
      <code className="effect-summary">{row.summary}</code>
      <SiteLinks sites={row.sites} label={row.summary} onReveal={onReveal} />
      {row.detail ? <span className="ledger-detail">{row.detail}</span> : null}
      {row.extra ? <span className="ledger-extra">{row.extra}</span> : null}
      {onFix ? (
        <button type="button" className="small-button ledger-fix" aria-label={`Add to the grant: ${row.summary}`} onClick={() => onFix(row.summary)}>
          Add to the grant
        </button>
      ) : null}
    </li>
  );
});

interface RowChunkProps {
  kind: keyof typeof ICON;
  rows: readonly LedgerRow[];
  onReveal: (place: Place) => void;
  onFix?: (summary: string) => void;
}

// One list per chunk: the browser skips the layout and paint of an off-screen chunk (content-visibility in base.css),
// watching a few dozen lists instead of every row for when they come into view.
const RowChunk = memo(
  function RowChunk({ kind, rows, onReveal, onFix }: RowChunkProps) {
    return (
      // Its height before it is first laid out: about one line a row (then the browser remembers the real one).
      <ul className="ledger-rows" style={{ containIntrinsicSize: `auto ${rows.length * 26}px` }}>
        {rows.map((row) => (
          <RowView key={row.summary} kind={kind} row={row} onReveal={onReveal} onFix={onFix} />
        ))}
      </ul>
    );
  },
  (a, b) => a.kind === b.kind && a.onReveal === b.onReveal && a.onFix === b.onFix && a.rows.length === b.rows.length && a.rows.every((row, i) => row === b.rows[i]),
);

export default function LedgerSection({ title, hint, kind = 'requested', program, rows }: LedgerSectionProps) {
  const client = useCoreClient();
  const id = `ledger-${kind}`;
  const chunks = useMemo(() => inChunks(rows), [rows]);
  const reveal = useStore((s) => s.reveal);
  const onReveal = useCallback((place: Place) => reveal(program, place), [program, reveal]);
  const fix = useCallback((summary: string) => void applyFixAt(client, program, { effect: summary }, 'grant'), [client, program]);
  const onFix = kind === 'violation' ? fix : undefined;
  // "No violations" and "harn sees every effectful call" are claims: made only for an analysis of the current sources.
  const pending = useStore((s) => s.analysisAnsweredId !== s.analysisRequestId);
  const claim = kind === 'violation' || kind === 'unseen';
  return (
    <section className={`ledger-section ledger-${kind}`} aria-labelledby={id}>
      <h3 id={id}>
        {title} <span className="count">({rows.length})</span> <span className="hint">{hint}</span>
      </h3>
      {rows.length === 0 ? (
        pending && claim ? (
          <p className="ledger-empty verdict-unknown">Unknown until the analysis of the current sources finishes…</p>
        ) : (
          <p className="muted ledger-empty">{EMPTY[kind]}</p>
        )
      ) : (
        chunks.map((entries, index) => <RowChunk key={index} kind={kind} rows={entries} onReveal={onReveal} onFix={onFix} />)
      )}
    </section>
  );
}
