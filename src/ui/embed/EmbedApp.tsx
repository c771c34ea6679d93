// The embed (issue 15): the stepper alone for an iframe in a blog post, course page or slide — narration,
// controls, lanes, the register file, the running task's code and a link to the full playground. Read-only: it
// reads the link, never the autosave, and writes nothing (no autosave, no address-bar updates), so an embed on a
// page of the same origin cannot touch a reader's own session. Same CSP; nothing fetched from elsewhere. A change of
// the fragment alone loads the run it holds.
import { useEffect, useState } from 'react';
import { useStore } from '../../state/store.ts';
import { useRunBackend } from '../run/backend.ts';
import { usePlayback, useSlotCatalog } from '../run/hooks.ts';
import { startPredictSync } from '../run/predictSync.ts';
import { startRunSync } from '../run/runSync.ts';
import Stepper from '../run/Stepper.tsx';
import '../run/run.css';
import { applyScenario } from '../share/session.ts';
import { appUrlOf, fragmentOf } from './embedUrl.ts';
import './embed.css';

const NO_LINK = 'its address holds no link (an embed address ends in a share link\'s "#s=…")';

export default function EmbedApp() {
  const backend = useRunBackend();
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    // The link is read at load and again whenever the fragment changes (a host page moving its iframe to another
    // run): the latest wins, and each link's own problem is said.
    let request = 0;
    const load = () => {
      const id = ++request;
      const hash = window.location.hash;
      if (fragmentOf(hash) === '') {
        setProblem(NO_LINK);
        return;
      }
      backend.decodeLink(hash).then(
        (decoded) => {
          if (id !== request) return;
          if (decoded.value) {
            setProblem(null);
            applyScenario(useStore, decoded.value);
          } else setProblem(decoded.error?.message ?? 'the link holds no scenario');
        },
        (error: unknown) => {
          if (id === request) setProblem(`the link could not be read (${error instanceof Error ? error.message : String(error)})`);
        },
      );
    };
    load();
    window.addEventListener('hashchange', load);
    return () => {
      request++;
      window.removeEventListener('hashchange', load);
    };
  }, [backend]);
  useEffect(() => startRunSync(backend), [backend]);
  useEffect(() => startPredictSync(backend), [backend]);
  usePlayback();
  const catalog = useSlotCatalog(backend);
  return (
    <div className="embed">
      <header className="embed-header">
        <h1 className="title">Harn Scope Lab</h1>
        <a className="embed-open" href={appUrlOf(window.location)} target="_blank" rel="noopener">
          Open in Harn Scope Lab
        </a>
      </header>
      {problem ? (
        <p className="run-error" role="alert">
          This embed cannot show a run: {problem}.
        </p>
      ) : (
        <main className="embed-main">
          <h2 className="visually-hidden">Scheduler</h2>
          <Stepper catalog={catalog} readOnly />
        </main>
      )}
    </div>
  );
}
