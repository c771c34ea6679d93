// One section of the effects ledger: a heading with a count and one row per effect with its call-site links.
// Violations are red and always carry an icon and words.
import { memo, useCallback, useMemo, useRef } from 'react';
import type { Span } from '../../core/diagnostics.ts';
import { selectAnalyzedSource } from '../../state/selectors.ts';
import { useStore } from '../../state/store.ts';
import { offsetPosition } from '../format.ts';
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

interface RowViewProps {
  kind: keyof typeof ICON;
  program: string;
  row: LedgerRow;
  sites: PlacedSite[];
  /** Everything the row shows, as one string: the row re-renders only when it changes. */
  signature: string;
  onReveal: (rowKey: string, siteIndex: number) => void;
}

// Every analysis replaces the report whole, so without this each keystroke in a long child re-rendered every row.
const RowView = memo(
  function RowView({ kind, row, sites, onReveal }: RowViewProps) {
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
  (a, b) => a.signature === b.signature && a.kind === b.kind && a.program === b.program && a.onReveal === b.onReveal,
);

export default function LedgerSection({ title, hint, kind = 'requested', program, rows }: LedgerSectionProps) {
  const id = `ledger-${kind}`;
  // The analyzed source, not the edited one: a keystroke must not move every site (old offsets, new text) before
  // its reply arrives, which re-rendered every row twice per key.
  const source = useStore(selectAnalyzedSource(program));
  const placed = useMemo(
    () =>
      rows.map((row) => {
        const sites = row.sites.map((span) => ({ span, ...offsetPosition(source, span.start) }));
        // Positions, not offsets: typing above a call shifts its offsets but leaves its line:column (what the row shows).
        const signature = [row.summary, row.detail ?? '', row.extra ?? '', ...sites.map((s) => `${s.line}:${s.column}`)].join('\u0000');
        return { row, sites, signature };
      }),
    [rows, source],
  );
  const latest = useRef(placed);
  latest.current = placed;
  const reveal = useStore((s) => s.reveal);
  const onReveal = useCallback(
    (rowKey: string, siteIndex: number) => {
      const site = latest.current.find((p) => p.row.key === rowKey)?.sites[siteIndex];
      if (site) reveal(program, site.span);
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
        <ul className="ledger-rows">
          {placed.map(({ row, sites, signature }) => (
            <RowView key={row.key} kind={kind} program={program} row={row} sites={sites} signature={signature} onReveal={onReveal} />
          ))}
        </ul>
      )}
    </section>
  );
}
