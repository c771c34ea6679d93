// The core worker's health as the watchdog last reported it, for the status message (src/ui/shell/WorkerStatus.tsx).
// A module of its own so reading it never starts a worker, and tests that fake the client still render the app.
import type { WorkerHealth } from './watchdog.ts';

let health: WorkerHealth = { kind: 'running', restarts: 0 };
const listeners = new Set<() => void>();

/** The core worker's health: running, restarted (and why), or stopped after repeated failures. */
export function getWorkerHealth(): WorkerHealth {
  return health;
}

/** Calls `listener` whenever the worker's health changes; returns the unsubscribe function. */
export function subscribeWorkerHealth(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Records a new health (the watchdog's `onHealth`, or a test). */
export function setWorkerHealth(next: WorkerHealth): void {
  health = next;
  for (const listener of listeners) listener();
}

let reviver: (() => void) | null = null;

/** The watchdog's restart after a stop (client.ts registers it when it creates the watchdog). */
export function setWorkerReviver(revive: (() => void) | null): void {
  reviver = revive;
}

/** Starts the worker afresh after the watchdog stopped it (the status message's button). */
export function reviveWorker(): void {
  reviver?.();
}
