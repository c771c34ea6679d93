// The embed (issue 15): the stepper alone for an iframe in a blog post, course page or slide — narration,
// controls, lanes, the register file, the running task's code and a link to the full playground. Read-only: it
// reads the link, never the autosave, and writes nothing (no autosave, no address-bar updates), so an embed on a
// page of the same origin cannot touch a reader's own session. Same CSP; nothing fetched from elsewhere.
import { useEffect, useState } from 'react';
import { useStore } from '../../state/store.ts';
import { useRunBackend } from '../run/backend.ts';
import { usePlayback, useSlotCatalog } from '../run/hooks.ts';
import { startRunSync } from '../run/runSync.ts';
import Stepper from '../run/Stepper.tsx';
import '../run/run.css';
import { applyScenario } from '../share/session.ts';
import { appUrlOf } from './embedUrl.ts';
import './embed.css';

export default function EmbedApp() {
  const backend = useRunBackend();
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void backend.decodeLink(window.location.hash).then((decoded) => {
      if (!live) return;
      if (decoded.value) applyScenario(useStore, decoded.value);
      else setProblem(decoded.error?.message ?? 'the link holds no scenario');
    });
    return () => {
      live = false;
    };
  }, [backend]);
  useEffect(() => startRunSync(backend), [backend]);
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
