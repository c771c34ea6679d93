// The right-hand column: the scheduler stepper (and its settings) over the worker's trace, the explorer under it.
// Its keyboard shortcuts are the page's (shell/useStepperKeys.ts). The trace it shows is kept current by the sync
// layer (src/state/sync/), which App starts outside every pane's error boundary.
import { lazy, Suspense } from 'react';
import { useStore } from '../../state/store.ts';
import { useCoreClient } from '../coreClient.ts';
import { useFollowRun, usePlayback, useSlotCatalog } from './hooks.ts';
import RunSettings from './RunSettings.tsx';
import Stepper from './Stepper.tsx';
import { GoalPanel } from '../shell/panels.ts';
import { useRestOfPage } from '../shell/firstScreen.ts';
import './run.css';

// Under the stepper, in chunks of their own: a link's first sentence does not wait for them (issue 30).
const ExplorerPanel = lazy(() => import('./explorer/ExplorerPanel.tsx'));
const CatalogPanel = lazy(() => import('../catalog/CatalogPanel.tsx'));

export default function RunPanel() {
  const client = useCoreClient();
  usePlayback();
  useFollowRun();
  const catalog = useSlotCatalog(client);
  const run = useStore((s) => s.scenario.run);
  const error = useStore((s) => s.simulationError);
  const diagnostics = useStore((s) => s.simulation?.diagnostics);
  const hasGoal = useStore((s) => s.scenario.goal !== undefined);
  const actions = useStore.getState();
  // Under the stepper: not on a link's first screen (firstScreen.ts).
  const rest = useRestOfPage();
  return (
    <section className="run-panel" aria-label="Run">
      <h2 className="run-title">Scheduler</h2>
      {/* A goal's panel (its chunk is in before a session with a goal renders: panels.ts). */}
      {hasGoal ? (
        <Suspense fallback={null}>
          <GoalPanel.Panel />
        </Suspense>
      ) : null}
      <RunSettings
        mode={run.mode}
        threads={run.threads ?? 1}
        enforceAtSpawn={run.enforceAtSpawn}
        customCapture={run.captured !== null}
        schedule={run.schedule}
        onEnforce={(on) => actions.setEnforceAtSpawn(on)}
        onResetCapture={() => actions.resetCaptured()}
        onSchedule={(schedule) => actions.setSchedule(schedule)}
      />
      {error ? (
        <p className="run-error" role="alert">
          The simulation failed (a bug in the core): {error}
        </p>
      ) : null}
      {diagnostics && diagnostics.length > 0 ? (
        <ul className="run-diagnostics" aria-label="Simulation notes">
          {diagnostics.map((d, i) => (
            <li key={i} className={`run-diagnostic-${d.diagnostic.severity}`}>
              <code>{d.diagnostic.code}</code> {d.diagnostic.severity} · {d.task}: {d.diagnostic.message}
            </li>
          ))}
        </ul>
      ) : null}
      <Stepper catalog={catalog} />
      {rest ? (
        <Suspense fallback={null}>
          <ExplorerPanel />
          <CatalogPanel />
        </Suspense>
      ) : null}
    </section>
  );
}
