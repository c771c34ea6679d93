// The app shell (DESIGN §6, issue 15): a skip link, the header, the first-run start card, then the columns in
// the chosen layout. Lesson: the scheduler (stepper, register file) | the editor, with the ledger folded to a
// summary under it. Policy: the editor | the ledger, with the scheduler folded to its verdict line below. Every
// part stays mounted across layouts (keyed), in reading order, so Tab meets what the layout puts first.
// With `embed=1` in the fragment (or `?embed`) the page is the stepper alone (EmbedApp). Until the session has
// booted, the page is its title and a loading line (BootLoading): never a scenario the session will replace. A link's
// first screen is the header and the scheduler column at its step; the other columns follow once it is painted.
import { lazy, Suspense, useEffect } from 'react';
import { useStore } from '../state/store.ts';
import { startApp } from '../state/sync/startApp.ts';
import SourceFallback from './editors/SourceFallback.tsx';
import { isEmbedUrl } from './embed/embedUrl.ts';
import RunPanel from './run/RunPanel.tsx';
import Fold from './shell/Fold.tsx';
import Header from './shell/Header.tsx';
import PaneBoundary from './shell/PaneBoundary.tsx';
import Resizer from './shell/Resizer.tsx';
import { useCoreClient } from './coreClient.ts';
import { noteBootRendered } from './share/startSession.ts';
import SkipLink from './shell/SkipLink.tsx';
import { useAppliedTheme } from './shell/useAppliedTheme.ts';
import { useStepperKeys } from './shell/useStepperKeys.ts';
import WorkerStatus from './shell/WorkerStatus.tsx';
import { afterNextPaint } from './shell/afterPaint.ts';
import BootLoading, { BootHeader } from './shell/BootLoading.tsx';
import { RestOfPageContext, useRestAfterFirstScreen } from './shell/firstScreen.ts';
import { DiagnosticsPanel, LedgerSummary, preloadTheRest, ProgramTabs, RunVerdict } from './shell/panels.ts';
import StartCard from './start/StartCard.tsx';

// Monaco's chunk is asked for once the session's first screen has been painted (afterPaint.ts).
const EditorPane = lazy(() => afterNextPaint().then(() => import('./editor/EditorPane.tsx')));
// The ledger in a chunk of its own: a link opens in the Lesson layout, where it is folded, and its first sentence
// does not wait for it (issue 30).
const PolicyColumn = lazy(() => import('./ledger/PolicyColumn.tsx'));
// The embed is a page of its own: the playground's script does not carry it.
const EmbedApp = lazy(() => import('./embed/EmbedApp.tsx'));
// The drift guard beside the run, for a scenario that adds thread-locals (F3), in the Lesson layout.
const LessonDrift = lazy(() => import('./catalog/LessonDrift.tsx'));

function Columns() {
  const layout = useStore((s) => s.layout);
  const panes = useStore((s) => s.panes);
  const setPanes = useStore((s) => s.setPanes);
  const lesson = layout === 'lesson';
  const addsSlots = useStore((s) => (s.scenario.slots?.length ?? 0) > 0);
  // A link's first screen is its stepper: the editor and the ledger follow once it has been painted (firstScreen.ts).
  const rest = useRestAfterFirstScreen();
  useEffect(() => {
    if (rest) preloadTheRest();
  }, [rest]);
  const style = { '--pane-editor': `${panes.editor}%`, '--pane-ledger': `${panes.ledger}%`, '--pane-run': `${panes.run}%` } as React.CSSProperties;
  const editor = (
    <section key="editor" className="column column-editor" aria-label="Programs">
      {!rest ? null : lesson && addsSlots ? (
        <PaneBoundary name="drift guard">
          <Suspense fallback={null}>
            <LessonDrift />
          </Suspense>
        </PaneBoundary>
      ) : null}
      {rest ? (
        <>
          <PaneBoundary name="editor">
            <Suspense fallback={null}>
              <ProgramTabs.Panel />
            </Suspense>
            <div className="editor-area">
              <Suspense fallback={<SourceFallback />}>
                <EditorPane />
              </Suspense>
            </div>
          </PaneBoundary>
          <PaneBoundary name="diagnostics list">
            <Suspense fallback={null}>
              <DiagnosticsPanel.Panel />
            </Suspense>
          </PaneBoundary>
        </>
      ) : null}
    </section>
  );
  const ledger = (
    <section key="ledger" className="column column-ledger" aria-label="Effects and policy">
      {rest ? (
        <Fold part="ledger" foldable={lesson} summary={<Suspense fallback={null}><LedgerSummary.Panel /></Suspense>} name="the effects ledger">
          <PaneBoundary name="effects ledger">
            <Suspense fallback={<p className="muted">Loading the effects ledger…</p>}>
              <PolicyColumn />
            </Suspense>
          </PaneBoundary>
        </Fold>
      ) : null}
    </section>
  );
  const run = (
    <section key="run" className="column column-run" aria-label="Scheduler">
      <Fold part="run" foldable={!lesson} summary={<Suspense fallback={null}><RunVerdict.Panel /></Suspense>} name="the stepper">
        <PaneBoundary name="scheduler">
          <RunPanel />
        </PaneBoundary>
      </Fold>
    </section>
  );
  const parts = lesson
    ? [run, <Resizer key="resize-run" label="Resize the scheduler column" value={panes.run} min={30} max={75} onChange={(r) => setPanes({ ...panes, run: r })} />, editor, ledger]
    : [
        editor,
        <Resizer key="resize-editor" label="Resize the editor column" value={panes.editor} min={20} max={70} onChange={(e) => setPanes({ ...panes, editor: e })} />,
        ledger,
        <Resizer key="resize-ledger" label="Resize the effects column" value={panes.ledger} min={15} max={60} onChange={(l) => setPanes({ ...panes, ledger: l })} />,
        run,
      ];
  return (
    <main className={`columns columns-${layout}`} style={style}>
      <RestOfPageContext.Provider value={rest}>{parts}</RestOfPageContext.Provider>
    </main>
  );
}

export default function App() {
  const sessionReady = useStore((s) => s.sessionReady);
  useAppliedTheme();
  useStepperKeys();
  const embed = isEmbedUrl(window.location);
  const client = useCoreClient();
  // The sync layer (the session's boot, then the trace, analysis, catalog and autosave loops) starts here, outside
  // the panes' error boundaries: a pane that fails and is reset must not stop the saving or the simulation. An embed
  // reads its link itself and writes nothing: it runs the simulation loop only.
  useEffect(() => startApp(client, { embed }), [client, embed]);
  useEffect(() => {
    if (sessionReady) noteBootRendered();
  }, [sessionReady]);
  if (embed)
    return (
      <Suspense fallback={null}>
        <EmbedApp />
      </Suspense>
    );
  return (
    <div className="app">
      <SkipLink />
      {sessionReady ? (
        <PaneBoundary name="header">
          <Header />
        </PaneBoundary>
      ) : (
        <BootHeader />
      )}
      <StartCard />
      {/* Until the session's scenario (a link's, the autosave, or the default) is in place: a neutral loading line. */}
      {sessionReady ? <Columns /> : <BootLoading />}
      <WorkerStatus />
    </div>
  );
}
