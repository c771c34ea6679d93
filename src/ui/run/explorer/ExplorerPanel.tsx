// The explorer panel under the stepper (DESIGN §4 "Explorer"): explore every interleaving of the scenario in the
// worker with progress and Cancel, read the verdict and the failing schedules, and replay one in the stepper at its
// first cross-wire. Connected to the store; the worker is reached through ExplorerBackend.
import { useMemo, useRef } from 'react';
import { sameExploration } from '../../../state/slices/explorer.ts';
import { useStore } from '../../../state/store.ts';
import { usePredictView } from '../usePredictView.ts';
import { taskColors, taskColorVar } from '../traceView.ts';
import { cancelExploring, replayFailure, startExploring } from './actions.ts';
import { useCoreClient } from '../../coreClient.ts';
import { RESTARTED_TEXT } from './verdict.ts';
import ExplorerControls from './ExplorerControls.tsx';
import ExplorerProgress from './ExplorerProgress.tsx';
import FailureGroups from './FailureGroups.tsx';
import FailureList from './FailureList.tsx';
import { scrollParentOf } from '../scrolling.ts';
import './explorer.css';

export default function ExplorerPanel() {
  const client = useCoreClient();
  const section = useRef<HTMLElement>(null);
  const mode = useStore((s) => s.scenario.run.mode);
  const settings = useStore((s) => s.explorerSettings);
  const status = useStore((s) => s.explorerStatus);
  const progress = useStore((s) => s.explorerProgress);
  const result = useStore((s) => s.explorerResult);
  const error = useStore((s) => s.explorerError);
  const restarted = useStore((s) => s.explorerRestarted);
  const explored = useStore((s) => s.exploredScenario);
  const replayed = useStore((s) => s.replayedFailure);
  // Only needed (and subscribed to) once something was explored: otherwise every keystroke re-rendered the panel.
  const scenario = useStore((s) => (s.exploredScenario === null ? null : s.scenario));
  const simulation = useStore((s) => s.simulation);
  const stale = useMemo(() => explored !== null && scenario !== null && !sameExploration(explored, scenario), [explored, scenario]);
  const colors = useMemo(() => (simulation ? taskColors(simulation) : new Map<string, number>()), [simulation]);
  const running = status === 'running' || status === 'cancelling';
  // Predict mode: the explorer's counts of what goes wrong would answer the questions.
  const countsHidden = usePredictView()?.hides.has('counts') ?? false;

  const replay = async (index: number, slot: string | null = null) => {
    if (!(await replayFailure(client, index, slot))) return;
    // Bring the stepper into view: the replay lands on its first cross-wire there. Only the run column scrolls
    // (scrollIntoView would also scroll the page, and move the focus order's starting point).
    const controls = section.current?.closest('.run-panel')?.querySelector('.stepper-controls');
    const scroller = controls ? scrollParentOf(controls) : null;
    if (controls && scroller) scroller.scrollTop += controls.getBoundingClientRect().top - scroller.getBoundingClientRect().top - 8;
  };

  if (countsHidden)
    return (
      <section className="explorer" aria-labelledby="explorer-heading" ref={section}>
        <h3 id="explorer-heading">Explorer</h3>
        <p className="hint">Hidden in Predict mode until every question is answered.</p>
      </section>
    );
  return (
    <section className="explorer" aria-labelledby="explorer-heading" ref={section}>
      <h3 id="explorer-heading">
        Explorer <span className="hint">every interleaving, latencies ignored</span>
      </h3>
      <ExplorerControls
        mode={mode}
        settings={settings}
        running={running}
        cancelling={status === 'cancelling'}
        onSettings={(patch) => useStore.getState().setExplorerSettings(patch)}
        onExplore={() => void startExploring(client)}
        onCancel={() => void cancelExploring(client)}
      />
      {status !== 'idle' ? <ExplorerProgress progress={progress} result={result} running={running} cancelling={status === 'cancelling'} /> : null}
      {restarted && status !== 'idle' ? <p className="explorer-restarted">{RESTARTED_TEXT}</p> : null}
      {error ? (
        <p className="run-error" role="alert">
          The exploration failed (a bug in the core): {error}
        </p>
      ) : null}
      {result && stale ? <p className="explorer-stale">The scenario changed since this exploration: explore again to replay its schedules.</p> : null}
      {result && result.diagnostics.length > 0 ? (
        <ul className="run-diagnostics" aria-label="Explorer notes">
          {result.diagnostics.map((d, i) => (
            <li key={i}>
              {d.task}: {d.diagnostic.message}
            </li>
          ))}
        </ul>
      ) : null}
      {result ? <FailureGroups groups={result.groups} failures={result.failures} cover={result.verdict.groupsCover} replayed={replayed} canReplay={!stale} onReplay={(i, slot) => void replay(i, slot)} /> : null}
      {result && result.failures.length > 0 ? (
        <details className="explorer-all-failures">
          <summary>{result.verdict.failuresTitle}</summary>
          <FailureList
          failures={result.failures}
          order={result.verdict.failuresOrder}
          replayed={replayed}
          canReplay={!stale}
          colorOf={(task) => taskColorVar(colors, task)}
          onReplay={(i) => void replay(i)}
          threads={result.threads ?? 1}
          />
        </details>
      ) : null}
    </section>
  );
}
