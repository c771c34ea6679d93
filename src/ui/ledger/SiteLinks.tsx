// Links to the call sites of one effect: click → the editor reveals and selects the call.
import type { Span } from '../../core/diagnostics.ts';

/** A call site with its 1-based position, computed once per analysis by the section. */
export interface PlacedSite {
  span: Span;
  line: number;
  column: number;
}

interface SiteLinksProps {
  sites: readonly PlacedSite[];
  /** Reveals the i-th site; resolved against the latest analysis at click time, so a memoized row never reveals a stale range. */
  onReveal: (index: number) => void;
  /** What the sites are of, for the accessible names ("net:write at line 3"). */
  label: string;
}

export default function SiteLinks({ sites, onReveal, label }: SiteLinksProps) {
  if (sites.length === 0) return <span className="muted">no call site</span>;
  return (
    <span className="site-links">
      {sites.map(({ line, column }, index) => (
        // The accessible name holds the visible "L3:5" (WCAG 2.5.3, label in name) after words that say what it shows.
        // Keyed by position, not offset: typing above a call shifts its offsets, which remounted every link.
        <button key={`${line}:${column}:${index}`} type="button" className="site-link" title={`Line ${line}, column ${column}`} onClick={() => onReveal(index)}>
          <span className="visually-hidden">Show {label} at line {line}, column {column}, </span>L{line}:{column}
        </button>
      ))}
    </span>
  );
}
