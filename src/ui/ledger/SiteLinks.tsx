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
          <button key={`${site.start}-${site.end}`} type="button" className="site-link" aria-label={`Show ${label} at line ${line}, column ${column}`} onClick={() => reveal(program, site)}>
            L{line}:{column}
          </button>
        );
      })}
    </span>
  );
}
