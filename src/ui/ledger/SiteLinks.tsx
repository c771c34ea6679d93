// Links to the call sites of one effect: click → the editor reveals and selects the call.
import type { Place } from '../../state/analysisTypes.ts';

interface SiteLinksProps {
  sites: readonly Place[];
  onReveal: (place: Place) => void;
  /** What the sites are of, for the accessible names ("net:write at line 3"). */
  label: string;
}

export default function SiteLinks({ sites, onReveal, label }: SiteLinksProps) {
  if (sites.length === 0) return <span className="muted">no call site</span>;
  return (
    <span className="site-links">
      {sites.map((place, index) => {
        const { line, column } = place;
        // The accessible name holds the visible "L3:5" (WCAG 2.5.3, label in name) after words that say what it shows.
        return (
          <button key={`${line}:${column}:${index}`} type="button" className="site-link" title={`Line ${line}, column ${column}`} onClick={() => onReveal(place)}>
            <span className="visually-hidden">Show {label} at line {line}, column {column}, </span>L{line}:{column}
          </button>
        );
      })}
    </span>
  );
}
