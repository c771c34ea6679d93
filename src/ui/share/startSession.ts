// Wires the session to the page: boots once per page load (a link, else the autosave) and opens links pasted into
// the address bar while the app is open. The autosave that keeps the saved session and the share link current is a
// sync loop (src/state/sync/autosave.ts), started with the others by startApp once the session has booted.
import { useStore } from '../../state/store.ts';
import { getCoreClient } from '../../worker/client.ts';
import { isEmbedUrl } from '../embed/embedUrl.ts';
import { bootingKeyOfPage, bootSession, currentScenario, markBootRendered, openLink, type SessionEnv, type SessionWorker } from './session.ts';
import { takeEarlyLink } from './earlyLink.ts';
import { guardStorage } from './storage.ts';

/** Where a tab remembers, across its reloads, which saved session it edits and the fragment it last showed in the
 * address bar (sessionStorage is per tab). */
const TAB_MEMORY_KEY = 'harn-scope-lab:tab';
const SHOWN_KEY = 'harn-scope-lab:shown';

function remembered(key: string): string | null {
  try {
    return window.sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

function remember(key: string, value: string): void {
  try {
    window.sessionStorage.setItem(key, value);
  } catch {
    // Blocked: a reload then carries on the most recent session, as a new tab does.
  }
}

let booted: Promise<void> | null = null;

export function browserSessionEnv(): SessionEnv {
  return {
    // Reached on every call: reading `window.localStorage` itself throws where storage is blocked.
    storage: {
      getItem: (key) => window.localStorage.getItem(key),
      setItem: (key, value) => window.localStorage.setItem(key, value),
      removeItem: (key) => window.localStorage.removeItem(key),
      key: (index) => window.localStorage.key(index),
      get length() {
        return window.localStorage.length;
      },
    },
    tabMemory: {
      read: () => remembered(TAB_MEMORY_KEY),
      write: (id) => remember(TAB_MEMORY_KEY, id),
      readShown: () => remembered(SHOWN_KEY),
      writeShown: (fragment) => remember(SHOWN_KEY, fragment),
    },
    onStorage: (listener) => {
      const onEvent = (event: StorageEvent) => {
        try {
          if (event.storageArea === window.localStorage) listener(event.key, event.newValue);
        } catch {
          // Storage blocked: there is nothing to follow.
        }
      };
      window.addEventListener('storage', onEvent);
      return () => window.removeEventListener('storage', onEvent);
    },
    onLeave: (leave) => {
      const onHidden = () => {
        if (document.visibilityState === 'hidden') leave();
      };
      window.addEventListener('pagehide', leave);
      document.addEventListener('visibilitychange', onHidden);
      return () => {
        window.removeEventListener('pagehide', leave);
        document.removeEventListener('visibilitychange', onHidden);
      };
    },
    // Restored drafts only (rare): the policy editing code is the ledger's, in its chunk.
    recheckDrafts: () => void import('../../state/policyEdits.ts').then((edits) => edits.recheckDrafts(getCoreClient())),
    location: window.location,
    clearHash: () => history.replaceState(null, '', `${location.pathname}${location.search}`),
    now: () => Date.now(),
    showFragment: (fragment) => {
      if (location.hash !== fragment) history.replaceState(history.state, '', `${location.pathname}${location.search}${fragment}`);
    },
  };
}

/** The session's worker for the boot: the link in the address bar is the one the entry already handed the worker
 * (earlyLink.ts), so its decoding is that reply, whose preview of the run goes to the stepper with the scenario. */
function withEarlyLink(worker: SessionWorker, hash: string): SessionWorker {
  const early = takeEarlyLink(hash);
  if (early === null) return worker;
  return {
    decodeLink: async (text) => {
      if (text !== hash) return worker.decodeLink(text);
      const reply = await early.catch(() => null);
      // The early request failed (a worker restart): ask again, as without it.
      if (reply === null) return worker.decodeLink(text);
      const { decoded, preview } = reply;
      if (decoded.value !== null && preview !== null) useStore.getState().setPreview({ scenario: decoded.value, preview });
      return decoded;
    },
    shareLinkOf: (scenario) => worker.shareLinkOf(scenario),
    loadScenario: (input) => worker.loadScenario(input),
  };
}

/** Starts the session: boots it once per page load (idempotent across StrictMode's double effects; the boot ends
 * with the store's `sessionReady`), and opens links pasted into the address bar. Returns a function that stops
 * following the address bar. */
export function startSession(worker: SessionWorker, env: SessionEnv = browserSessionEnv()): () => void {
  booted ??= bootSession(useStore, withEarlyLink(worker, env.location.hash), env).catch(() => useStore.getState().setSessionReady());
  const onHash = () => {
    if (env.location.hash.length <= 1) return;
    void openLink(env.location.hash, currentScenario(useStore.getState()), useStore, worker, env).then(() => env.clearHash());
  };
  window.addEventListener('hashchange', onHash);
  return () => {
    window.removeEventListener('hashchange', onHash);
  };
}

let renderFailed = false;

/** A pane failed to render: the session on screen may be what breaks it, so the next boot does not open it but
 * keeps it in Recent work (the boot guard), until a page load renders without failing. */
export function noteRenderFailure(): void {
  renderFailed = true;
  // An embed writes nothing: it opened a link, not the reader's session.
  if (isEmbedUrl(window.location)) return;
  const env = browserSessionEnv();
  guardStorage(() => env.storage, (problem) => useStore.getState().setStorageProblem(problem)).setItem(bootingKeyOfPage(useStore), '1');
}

/** The booted session has rendered: unless a pane failed on the way, it did not break the page. */
export function noteBootRendered(): void {
  if (!renderFailed) markBootRendered(useStore, browserSessionEnv());
}

/** Tests: boot again on the next start. */
export function resetSessionBoot(): void {
  booted = null;
}
