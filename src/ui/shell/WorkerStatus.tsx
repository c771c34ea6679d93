// The message after the watchdog restarted the core worker (or gave up on it). The sources live in the store,
// never in the worker, so they are always kept; the message says so. Dismissable; a later restart shows it again.
import { useState, useSyncExternalStore } from 'react';
import { getWorkerHealth, reviveWorker, subscribeWorkerHealth } from '../../worker/health.ts';
import './workerStatus.css';

export const WORKER_RESTARTED_MESSAGE =
  'The analysis worker stopped responding and was restarted; your sources are kept.';
export const WORKER_STOPPED_MESSAGE =
  'The analysis worker kept failing and was stopped; your sources are kept. Start it again, or it starts by itself a minute after the last failure.';

export default function WorkerStatus() {
  const health = useSyncExternalStore(subscribeWorkerHealth, getWorkerHealth);
  const [dismissed, setDismissed] = useState(0);
  const shown = health.kind !== 'running' && health.restarts > dismissed;
  // The live region stays in the page so screen readers announce the message when it is filled in.
  return (
    <div className={shown ? `worker-status worker-${health.kind}` : 'worker-status'} role="status">
      {shown ? (
        <>
          <p>
            <span aria-hidden="true">⚠ </span>
            {health.kind === 'stopped' ? WORKER_STOPPED_MESSAGE : WORKER_RESTARTED_MESSAGE}
          </p>
          {health.kind === 'stopped' ? (
            <button type="button" className="small-button" onClick={reviveWorker}>
              Start it again
            </button>
          ) : null}
          <button type="button" className="small-button" onClick={() => setDismissed(health.restarts)}>
            Dismiss
          </button>
        </>
      ) : null}
    </div>
  );
}
