// The app shell (DESIGN §6): header, then three resizable columns — editors + diagnostics | effects ledger,
// ceiling and lints | the run panel. On a narrow screen the columns stack, the run panel first.
import { lazy, Suspense, useEffect } from 'react';
import { useStore } from '../state/store.ts';
import DiagnosticsPanel from './diagnostics/DiagnosticsPanel.tsx';
import ProgramTabs from './editors/ProgramTabs.tsx';
import SourceFallback from './editors/SourceFallback.tsx';
import PolicyColumn from './ledger/PolicyColumn.tsx';
import RunPanel from './run/RunPanel.tsx';
import Header from './shell/Header.tsx';
import PaneBoundary from './shell/PaneBoundary.tsx';
import Resizer from './shell/Resizer.tsx';
import { noteBootRendered, startSession } from './share/startSession.ts';
import { useRunBackend } from './run/backend.ts';
import { useAnalysisSync } from './shell/useAnalysisSync.ts';
import { useAppliedTheme } from './shell/useAppliedTheme.ts';
import WorkerStatus from './shell/WorkerStatus.tsx';

const EditorPane = lazy(() => import('./editor/EditorPane.tsx'));

export default function App() {
  useAppliedTheme();
  useAnalysisSync();
  const panes = useStore((s) => s.panes);
  const setPanes = useStore((s) => s.setPanes);
  const sessionReady = useStore((s) => s.sessionReady);
  const backend = useRunBackend();
  // The session (boot, autosave, links) lives here, outside the panes' error boundaries: a pane that fails and is
  // reset must not stop the saving.
  useEffect(() => startSession(backend), [backend]);
  useEffect(() => {
    if (sessionReady) noteBootRendered();
  }, [sessionReady]);
  const style = { '--pane-editor': `${panes.editor}%`, '--pane-ledger': `${panes.ledger}%` } as React.CSSProperties;
  return (
    <div className="app">
      <PaneBoundary name="header">
        <Header />
      </PaneBoundary>
      <main className="columns" style={style}>
        <section className="column column-editor" aria-label="Programs">
          <PaneBoundary name="editor">
            <ProgramTabs />
            <div className="editor-area">
              <Suspense fallback={<SourceFallback />}>
                <EditorPane />
              </Suspense>
            </div>
          </PaneBoundary>
          <PaneBoundary name="diagnostics list">
            <DiagnosticsPanel />
          </PaneBoundary>
        </section>
        <Resizer label="Resize the editor column" value={panes.editor} min={20} max={70} onChange={(editor) => setPanes({ ...panes, editor })} />
        <section className="column column-ledger" aria-label="Effects and policy">
          <PaneBoundary name="effects ledger">
            <PolicyColumn />
          </PaneBoundary>
        </section>
        <Resizer label="Resize the effects column" value={panes.ledger} min={15} max={60} onChange={(ledger) => setPanes({ ...panes, ledger })} />
        <section className="column column-run" aria-label="Scheduler">
          <PaneBoundary name="scheduler">
            <RunPanel />
          </PaneBoundary>
        </section>
      </main>
      <WorkerStatus />
    </div>
  );
}
