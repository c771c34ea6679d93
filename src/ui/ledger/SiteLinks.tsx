// Links to the call sites of one effect: click → the editor reveals and selects the call.
import type { Span } from '../../core/diagnostics.ts';
import { selectSource } from '../../state/selectors.ts';
import { useStore } from '../../state/store.ts';
import { offsetPosition } from '../format.ts';

interface SiteLinksProps {
  program: string;
  sites: readonly Span[];
  /** What the sites are of, for the accessible names ("net:write at line 3"). */
  label: string;
}

export default function SiteLinks({ program, sites, label }: SiteLinksProps) {
  const source = useStore(selectSource(program));
  const reveal = useStore((s) => s.reveal);
  if (sites.length === 0) return <span className="muted">no call site</span>;
  return (
    <span className="site-links">
      {sites.map((site) => {
        const { line, column } = offsetPosition(source, site.start);
        return (
          // The accessible name holds the visible "L3:5" (WCAG 2.5.3, label in name) after words that say what it shows.
          <button key={`${site.start}-${site.end}`} type="button" className="site-link" title={`Line ${line}, column ${column}`} onClick={() => reveal(program, site)}>
            <span className="visually-hidden">Show {label} at line {line}, column {column}, </span>
            L{line}:{column}
          </button>
        );
      })}
    </span>
  );
}
