// What the page shows until its session has booted (issue 30): the title bar and one neutral line, never the
// default scenario (a link's reader would otherwise see another scenario's programs and verdicts first).
import { isLinkFragment } from '../share/earlyLink.ts';

/** The header's title alone, in the header's place (its switches would show the default scenario's settings). */
export function BootHeader() {
  return (
    <header className="header boot-header">
      <h1 className="title">Harn Scope Lab</h1>
    </header>
  );
}

export default function BootLoading() {
  // Read once: the boot removes the link from the address bar once it has opened it.
  const what = isLinkFragment(window.location.hash) ? 'Opening the link…' : 'Loading…';
  return (
    <main className="boot-loading" aria-busy="true">
      <p role="status" className="boot-loading-text">
        {what}
      </p>
    </main>
  );
}
