// Wires the session to the page: boots once per page load (a link, else the autosave), then autosaves and keeps
// the share link current, and opens links pasted into the address bar while the app is open.
import { useStore } from '../../state/store.ts';
import { bootSession, currentScenario, openLink, startAutosave, type SessionEnv, type SessionWorker } from './session.ts';

let booted: Promise<void> | null = null;

export function browserSessionEnv(): SessionEnv {
  return {
    storage: window.localStorage,
    location: window.location,
    clearHash: () => history.replaceState(null, '', `${location.pathname}${location.search}`),
    showFragment: (fragment) => {
      if (location.hash !== fragment) history.replaceState(history.state, '', `${location.pathname}${location.search}${fragment}`);
    },
  };
}

/** Starts the session (idempotent across StrictMode's double effects); returns a function that stops it. */
export function startSession(worker: SessionWorker, env: SessionEnv = browserSessionEnv()): () => void {
  let stopAutosave: (() => void) | null = null;
  let stopped = false;
  booted ??= bootSession(useStore, worker, env).catch(() => useStore.getState().setSessionReady());
  void booted.then(() => {
    if (!stopped) stopAutosave = startAutosave(useStore, worker, env);
  });
  const onHash = () => {
    if (env.location.hash.length <= 1) return;
    void openLink(env.location.hash, currentScenario(useStore.getState()), useStore, worker, env).then(() => env.clearHash());
  };
  window.addEventListener('hashchange', onHash);
  return () => {
    stopped = true;
    stopAutosave?.();
    window.removeEventListener('hashchange', onHash);
  };
}

/** Tests: boot again on the next start. */
export function resetSessionBoot(): void {
  booted = null;
}
