// One section of the effects ledger: a heading with a count and one row per effect with its call-site links.
// Violations are red and always carry an icon and words.
import type { Span } from '../../core/diagnostics.ts';
import SiteLinks from './SiteLinks.tsx';

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

export default function LedgerSection({ title, hint, kind = 'requested', program, rows }: LedgerSectionProps) {
  const id = `ledger-${kind}`;
  return (
    <section className={`ledger-section ledger-${kind}`} aria-labelledby={id}>
      <h3 id={id}>
        {title} <span className="count">({rows.length})</span> <span className="hint">{hint}</span>
      </h3>
      {rows.length === 0 ? (
        <p className="muted ledger-empty">{EMPTY[kind]}</p>
      ) : (
        <ul className="ledger-rows">
          {rows.map((row) => (
            <li key={row.key} className="ledger-row">
              <span className="ledger-icon" aria-hidden="true">
                {ICON[kind]}
              </span>
              <code className="effect-summary">{row.summary}</code>
              <SiteLinks program={program} sites={row.sites} label={row.summary} />
              {row.detail ? <span className="ledger-detail">{row.detail}</span> : null}
              {row.extra ? <span className="ledger-extra">{row.extra}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
