// The session's external inputs and outputs: boot from a share link or the autosave, keep local work recoverable
// when a link opens over it, autosave on every change, and keep the share link current. Every input is decoded
// and validated in the worker; a bad one shows a banner and never overwrites the autosave.
import type { Scenario } from '../../core/scenario/types.ts';
import { createDefaultScenario } from '../../state/defaultScenario.ts';
import type { AppState } from '../../state/store.ts';
import type { LinkProblem } from '../../state/slices/session.ts';

/** Where the autosave lives, where the work a link replaced is kept, and where an unreadable autosave is kept. */
export const AUTOSAVE_KEY = 'harn-scope-lab:session';
export const PREVIOUS_KEY = 'harn-scope-lab:previous-session';
export const UNREADABLE_KEY = 'harn-scope-lab:unreadable-session';

/** How long the state must be still before it is saved and its link recomputed. */
export const SAVE_DELAY_MS = 300;

/** The worker functions the session needs (a subset of the core worker API; tests pass a fake). */
export interface SessionWorker {
  decodeLink(text: string): Promise<{ value: Scenario | null; error: { kind: LinkProblem; message: string } | null }>;
  encodeLink(scenario: Scenario): Promise<string>;
  loadScenario(input: unknown): Promise<{ value: Scenario | null; errors: { path: string; message: string }[] }>;
}

/** The store as the session sees it. */
export interface SessionStore {
  getState(): AppState;
  subscribe(listener: (state: AppState, previous: AppState) => void): () => void;
}

/** The browser surfaces the session touches (tests pass fakes). */
export interface SessionEnv {
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  location: Pick<Location, 'hash' | 'origin' | 'pathname' | 'search'>;
  /** Removes the fragment from the address bar once the link has been read. */
  clearHash(): void;
  /** Puts the current state's `#s=…` into the address bar without a history entry (the URL is the state). */
  showFragment?(fragment: string): void;
}

/** The scenario with the stepper position and the selected tab written into `view` (what links and saves hold). */
export function currentScenario(state: AppState): Scenario {
  const tab = state.selectedTab === state.scenario.parent.name ? null : state.selectedTab;
  const view = { step: state.stepIndex, tab };
  // The Lesson layout is the default and is left out, so a lesson's link is the same whichever way it was made.
  return { ...state.scenario, view: state.layout === 'policy' ? { ...view, layout: state.layout } : view };
}

/** Puts a loaded scenario on screen: its sources and settings, its tab and (once the trace comes) its step. */
export function applyScenario(store: SessionStore, scenario: Scenario): void {
  store.getState().loadScenario(scenario);
  store.getState().restoreStep(scenario.view.step);
}

interface AutosaveRead {
  scenario: Scenario | null;
  raw: string | null;
  error: string | null;
}

async function readAutosave(worker: SessionWorker, env: SessionEnv): Promise<AutosaveRead> {
  const raw = env.storage.getItem(AUTOSAVE_KEY);
  if (raw === null) return { scenario: null, raw: null, error: null };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { scenario: null, raw, error: 'it is not valid JSON' };
  }
  const result = await worker.loadScenario(json);
  if (result.value) return { scenario: result.value, raw, error: null };
  const first = result.errors[0];
  return { scenario: null, raw, error: first ? `${first.path || 'scenario'}: ${first.message}` : 'it is not a scenario' };
}

function sameWork(a: Scenario, b: Scenario): boolean {
  const strip = (s: Scenario) => JSON.stringify({ ...s, view: null });
  return strip(a) === strip(b);
}

/** Opens the link in `hash` over `local` (the session on screen or autosaved). Returns true when it loaded. */
export async function openLink(hash: string, local: Scenario | null, store: SessionStore, worker: SessionWorker, env: SessionEnv): Promise<boolean> {
  const decoded = await worker.decodeLink(hash);
  const state = store.getState();
  if (!decoded.value || decoded.error) {
    const error = decoded.error ?? { kind: 'schema' as const, message: 'the link holds no scenario' };
    state.showSessionBanner({ kind: 'bad-link', problem: error.kind, message: error.message });
    return false;
  }
  openOver(decoded.value, local, 'link', store, env);
  return true;
}

/** Puts `scenario` on screen over `local`; differing local work is kept (in storage too) and offered back. */
export function openOver(scenario: Scenario, local: Scenario | null, source: 'link' | 'example', store: SessionStore, env: SessionEnv): void {
  const state = store.getState();
  // The untouched default is not work worth offering back.
  if (local && !sameWork(local, scenario) && !sameWork(local, createDefaultScenario())) {
    try {
      env.storage.setItem(PREVIOUS_KEY, JSON.stringify(local));
    } catch {
      // Storage full or disabled: the previous session is still kept in memory for the banner.
    }
    state.setPreviousSession(local);
    state.showSessionBanner({ kind: 'previous-session', source });
  } else {
    state.showSessionBanner(null);
  }
  applyScenario(store, scenario);
}

/** The boot sequence: a link in the URL wins (keeping local work recoverable), else the autosave, else the default. */
export async function bootSession(store: SessionStore, worker: SessionWorker, env: SessionEnv): Promise<void> {
  const saved = await readAutosave(worker, env);
  if (saved.error !== null && saved.raw !== null) {
    // Keep the unreadable save where the next autosave cannot overwrite it.
    env.storage.setItem(UNREADABLE_KEY, saved.raw);
    store.getState().showSessionBanner({ kind: 'bad-autosave', message: `Your saved session could not be restored: ${saved.error}. It is kept in localStorage under "${UNREADABLE_KEY}".` });
  }
  if (saved.scenario) applyScenario(store, saved.scenario);
  const hash = env.location.hash;
  if (hash !== '' && hash !== '#') {
    await openLink(hash, saved.scenario, store, worker, env);
    env.clearHash();
  }
  store.getState().setSessionReady();
}

/** Restores the work a link replaced (the banner's button). */
export function restorePreviousSession(store: SessionStore, env: SessionEnv): void {
  const previous = store.getState().previousSession;
  if (!previous) return;
  applyScenario(store, previous);
  store.getState().setPreviousSession(null);
  store.getState().showSessionBanner(null);
  env.storage.removeItem(PREVIOUS_KEY);
}

function savedInputsChanged(state: AppState, previous: AppState): boolean {
  return (
    state.scenario !== previous.scenario ||
    state.stepIndex !== previous.stepIndex ||
    state.selectedTab !== previous.selectedTab ||
    state.layout !== previous.layout
  );
}

/** After boot: saves the session, recomputes its share link and shows it in the address bar whenever it changes
 * (debounced, replacing the history entry: Back does not fill with every keystroke). Returns a stop. */
export function startAutosave(store: SessionStore, worker: SessionWorker, env: SessionEnv): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let linkRequest = 0;
  const flush = () => {
    timer = null;
    const state = store.getState();
    if (!state.sessionReady) return;
    const scenario = currentScenario(state);
    try {
      env.storage.setItem(AUTOSAVE_KEY, JSON.stringify(scenario));
    } catch {
      // Storage full or disabled: the session still works, it just is not saved.
    }
    const id = ++linkRequest;
    void worker.encodeLink(scenario).then(
      (fragment) => {
        if (id !== linkRequest) return;
        const { origin, pathname, search } = env.location;
        store.getState().setShareLink({ fragment, url: `${origin}${pathname}${search}${fragment}` });
        env.showFragment?.(fragment);
      },
      () => undefined,
    );
  };
  const schedule = () => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(flush, SAVE_DELAY_MS);
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.sessionReady && (savedInputsChanged(state, previous) || !previous.sessionReady)) schedule();
  });
  if (store.getState().sessionReady) schedule();
  return () => {
    unsubscribe();
    if (timer !== null) clearTimeout(timer);
  };
}
