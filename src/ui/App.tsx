// The app shell (DESIGN §6): header, then three resizable columns — editors + diagnostics | effects ledger,
// ceiling and lints | the run panel. On a narrow screen the columns stack, the run panel first.
import { lazy, Suspense } from 'react';
import { useStore } from '../state/store.ts';
import DiagnosticsPanel from './diagnostics/DiagnosticsPanel.tsx';
import ProgramTabs from './editors/ProgramTabs.tsx';
import SourceFallback from './editors/SourceFallback.tsx';
import PolicyColumn from './ledger/PolicyColumn.tsx';
import RunPanel from './run/RunPanel.tsx';
import Header from './shell/Header.tsx';
import Resizer from './shell/Resizer.tsx';
import { useAnalysisSync } from './shell/useAnalysisSync.ts';
import { useAppliedTheme } from './shell/useAppliedTheme.ts';
import WorkerStatus from './shell/WorkerStatus.tsx';

const EditorPane = lazy(() => import('./editor/EditorPane.tsx'));

export default function App() {
  useAppliedTheme();
  useAnalysisSync();
  const panes = useStore((s) => s.panes);
  const setPanes = useStore((s) => s.setPanes);
  const style = { '--pane-editor': `${panes.editor}%`, '--pane-ledger': `${panes.ledger}%` } as React.CSSProperties;
  return (
    <div className="app">
      <Header />
      <main className="columns" style={style}>
        <section className="column column-editor" aria-label="Programs">
          <ProgramTabs />
          <div className="editor-area">
            <Suspense fallback={<SourceFallback />}>
              <EditorPane />
            </Suspense>
          </div>
          <DiagnosticsPanel />
        </section>
        <Resizer label="Resize the editor column" value={panes.editor} min={20} max={70} onChange={(editor) => setPanes({ ...panes, editor })} />
        <section className="column column-ledger" aria-label="Effects and policy">
          <PolicyColumn />
        </section>
        <Resizer label="Resize the effects column" value={panes.ledger} min={15} max={60} onChange={(ledger) => setPanes({ ...panes, ledger })} />
        <section className="column column-run" aria-label="Scheduler">
          <RunPanel />
        </section>
      </main>
      <WorkerStatus />
    </div>
  );
}
