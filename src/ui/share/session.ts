// The session's external inputs and outputs: boot from a share link or the autosave, keep edits recoverable when
// something replaces them (Recent work, history.ts), autosave on every change, and keep the share link current.
// Every input is decoded and validated in the worker; a bad one shows a banner and never overwrites saved work.
// Storage is reached only through a guard (storage.ts): blocked or full storage is a visible state, never a crash.
import type { Scenario } from '../../core/scenario/types.ts';
import { createDefaultScenario } from '../../state/defaultScenario.ts';
import type { AppState } from '../../state/store.ts';
import type { HistoryEntry, KeptSource, LinkProblem } from '../../state/slices/session.ts';
import { createEntry, readHistory, readOrigin, withEntry, workOf, writeHistory, writeOrigin } from './history.ts';
import { guardStorage, type GuardedStorage, type StorageLike } from './storage.ts';

/** Where the autosave lives, and where an unreadable autosave was kept by earlier versions. */
export const AUTOSAVE_KEY = 'harn-scope-lab:session';
export const UNREADABLE_KEY = 'harn-scope-lab:unreadable-session';
/** Set while a loaded autosave has not yet rendered: still set at the next boot means it made the page fail. */
export const BOOTING_KEY = 'harn-scope-lab:booting';

/** How long the state must be still before it is saved and its link recomputed. */
export const SAVE_DELAY_MS = 300;

/** The worker functions the session needs (a subset of the core worker API; tests pass a fake). */
export interface SessionWorker {
  decodeLink(text: string): Promise<{ value: Scenario | null; error: { kind: LinkProblem; message: string } | null }>;
  /** The share link of `scenario`, or why the loader would refuse it (the same limits: nothing is shared that
   * cannot be opened). */
  shareLinkOf(scenario: Scenario): Promise<{ value: string | null; error: string | null }>;
  loadScenario(input: unknown): Promise<{ value: Scenario | null; errors: { path: string; message: string }[] }>;
}

/** The store as the session sees it. */
export interface SessionStore {
  getState(): AppState;
  subscribe(listener: (state: AppState, previous: AppState) => void): () => void;
}

/** The browser surfaces the session touches (tests pass fakes). */
export interface SessionEnv {
  /** Reached on every use (the browser's may throw even on access); every call is guarded. */
  storage: StorageLike;
  location: Pick<Location, 'hash' | 'origin' | 'pathname' | 'search'>;
  /** Removes the fragment from the address bar once the link has been read. */
  clearHash(): void;
  /** Wall-clock milliseconds, for Recent work's times. */
  now(): number;
  /** Puts the current state's `#s=…` into the address bar without a history entry (the URL is the state). */
  showFragment?(fragment: string): void;
}

function guarded(store: SessionStore, env: SessionEnv): GuardedStorage {
  return guardStorage(
    () => env.storage,
    (problem) => store.getState().setStorageProblem(problem),
  );
}

/** The share-link reply as the page may use it: anything but `{ value: "#s=…" }` or `{ error: "…" }` (a failing or
 * confused worker) is an error, never a link. */
export async function requestShareLink(worker: SessionWorker, scenario: Scenario): Promise<{ value: string | null; error: string | null }> {
  let reply: unknown;
  try {
    reply = await worker.shareLinkOf(scenario);
  } catch (error) {
    return { value: null, error: `The link could not be made: ${error instanceof Error ? error.message : String(error)}` };
  }
  const { value, error } = (typeof reply === 'object' && reply !== null ? reply : {}) as { value?: unknown; error?: unknown };
  if (typeof value === 'string' && /^#s=\d+\.[A-Za-z0-9_-]+$/.test(value)) return { value, error: null };
  if (typeof error === 'string' && error !== '') return { value: null, error };
  return { value: null, error: 'The link could not be made: the worker gave an answer that is not a link.' };
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

/** Whether `local` holds edits its origin does not: work that would be lost if something replaced it. */
export function hasUnsavedEdits(local: Scenario, originWork: string | null): boolean {
  return workOf(local) !== (originWork ?? workOf(createDefaultScenario()));
}

/** Adds `entry` to Recent work, in the store and (as far as it fits) in storage. */
function keep(store: SessionStore, storage: GuardedStorage, entry: HistoryEntry): void {
  const history = withEntry(store.getState().history, entry);
  store.getState().setHistory(history);
  writeHistory(storage, history);
}

function setOrigin(store: SessionStore, storage: GuardedStorage, work: Scenario | null): void {
  // A restored entry (null) has no origin: its edits count as unsaved until they are replaced and kept again.
  const origin = work === null ? '' : workOf(work);
  store.getState().setOriginWork(origin);
  writeOrigin(storage, origin);
}

/** Puts `scenario` on screen over `local`; edits in `local` are kept in Recent work and offered back once. */
export function openOver(scenario: Scenario, local: Scenario | null, source: KeptSource, store: SessionStore, env: SessionEnv): void {
  const storage = guarded(store, env);
  const state = store.getState();
  const sameWork = local !== null && workOf(local) === workOf(scenario);
  if (local && !sameWork && hasUnsavedEdits(local, state.originWork)) {
    const entry = createEntry('replaced', local, null, env.now());
    keep(store, storage, entry);
    state.showSessionBanner({ kind: 'kept', source, entryId: entry.id, savedAt: entry.savedAt });
  } else if (state.sessionBanner?.kind !== 'bad-autosave') {
    state.showSessionBanner(null);
  }
  applyScenario(store, scenario);
  // The same work (a link of the session itself) keeps its origin: its edits are still unsaved.
  if (!sameWork) setOrigin(store, storage, source === 'restore' ? null : scenario);
}

/** Opens the link in `hash` over `local` (the session on screen or autosaved). Returns true when it loaded. */
export async function openLink(hash: string, local: Scenario | null, store: SessionStore, worker: SessionWorker, env: SessionEnv): Promise<boolean> {
  let decoded: Awaited<ReturnType<SessionWorker['decodeLink']>>;
  try {
    decoded = await worker.decodeLink(hash);
  } catch (error) {
    decoded = { value: null, error: { kind: 'not-json', message: `the link could not be read (${error instanceof Error ? error.message : String(error)})` } };
  }
  if (!decoded.value || decoded.error) {
    const error = decoded.error ?? { kind: 'schema' as const, message: 'the link holds no scenario' };
    store.getState().showSessionBanner({ kind: 'bad-link', problem: error.kind, message: error.message });
    return false;
  }
  openOver(decoded.value, local, 'link', store, env);
  return true;
}

interface AutosaveRead {
  scenario: Scenario | null;
  raw: string | null;
  error: string | null;
}

async function readAutosave(worker: SessionWorker, storage: GuardedStorage): Promise<AutosaveRead> {
  const raw = storage.getItem(AUTOSAVE_KEY);
  if (raw === null) return { scenario: null, raw: null, error: null };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { scenario: null, raw, error: 'it is not valid JSON' };
  }
  try {
    const result = await worker.loadScenario(json);
    if (result.value) return { scenario: result.value, raw, error: null };
    const first = result.errors[0];
    return { scenario: null, raw, error: first ? `${first.path || 'scenario'}: ${first.message}` : 'it is not a scenario' };
  } catch (error) {
    return { scenario: null, raw, error: `it could not be checked (${error instanceof Error ? error.message : String(error)})` };
  }
}

/** An autosave that cannot be opened goes to Recent work as its raw text. If there is no room to keep it there, the
 * autosave is held: nothing may overwrite the only copy until the user downloads or discards it. */
function keepUnreadable(store: SessionStore, storage: GuardedStorage, saved: AutosaveRead, crashed: boolean, env: SessionEnv): void {
  const entry = createEntry(crashed ? 'crashed' : 'unreadable', crashed ? saved.scenario : null, saved.raw, env.now());
  const history = withEntry(store.getState().history, entry);
  store.getState().setHistory(history);
  const stored = writeHistory(storage, history) > 0;
  const why = crashed ? 'it made the page fail to start last time, so it was not opened' : `it could not be read: ${saved.error}`;
  const where = stored
    ? 'It is kept in Recent work (under Examples).'
    : 'There is no room in storage to keep a copy, so saving is paused until you download it or discard it.';
  if (!stored) store.getState().setAutosaveHeld(why);
  store.getState().showSessionBanner({ kind: 'bad-autosave', message: `Your saved session was not opened: ${why}. ${where}`, entryId: entry.id });
}

/** The boot sequence: a link in the URL wins (keeping edits recoverable), else the autosave, else the default. Each
 * step is guarded, so a bad autosave never stops a link from opening. */
export async function bootSession(store: SessionStore, worker: SessionWorker, env: SessionEnv): Promise<void> {
  const storage = guarded(store, env);
  store.getState().setHistory(readHistory(storage));
  const crashedLast = storage.getItem(BOOTING_KEY) !== null;
  const saved = await readAutosave(worker, storage);
  let local: Scenario | null = null;
  if (saved.raw !== null && (saved.error !== null || crashedLast)) {
    keepUnreadable(store, storage, saved, crashedLast && saved.error === null, env);
  } else if (saved.scenario) {
    storage.setItem(BOOTING_KEY, '1');
    applyScenario(store, saved.scenario);
    store.getState().setOriginWork(readOrigin(storage));
    local = saved.scenario;
  } else {
    store.getState().setOriginWork(workOf(store.getState().scenario));
  }
  if (crashedLast) storage.removeItem(BOOTING_KEY);
  const hash = env.location.hash;
  if (hash !== '' && hash !== '#') {
    await openLink(hash, local, store, worker, env);
    env.clearHash();
  }
  // Edits replaced before this page was loaded are offered again, until restored or dismissed.
  const pending = store.getState().history.find((e) => e.pending && e.reason === 'replaced');
  if (!store.getState().sessionBanner && pending) {
    store.getState().showSessionBanner({ kind: 'kept', source: 'reload', entryId: pending.id, savedAt: pending.savedAt });
  }
  store.getState().setSessionReady();
}

/** The page rendered the booted session: an autosave that got this far did not make the page fail. */
export function markBootRendered(store: SessionStore, env: SessionEnv): void {
  guarded(store, env).removeItem(BOOTING_KEY);
}

/** Marks entry `id` as offered (the banner about it was dismissed): it stays in Recent work. */
export function settleEntry(store: SessionStore, env: SessionEnv, id: string): void {
  const history = store.getState().history.map((e) => (e.id === id ? { ...e, pending: false } : e));
  store.getState().setHistory(history);
  writeHistory(guarded(store, env), history);
}

/** Removes entry `id` from Recent work (discarded, or restored onto the screen). */
export function dropEntry(store: SessionStore, env: SessionEnv, id: string): void {
  const history = store.getState().history.filter((e) => e.id !== id);
  store.getState().setHistory(history);
  const banner = store.getState().sessionBanner;
  if (banner && 'entryId' in banner && banner.entryId === id) {
    store.getState().showSessionBanner(null);
    store.getState().setAutosaveHeld(null);
  }
  writeHistory(guarded(store, env), history);
}

/** Puts Recent work entry `id` back on screen (validated again: storage is external input). The work on screen is
 * kept in its place when it has edits. Returns an error message, or null when it was restored. */
export async function restoreEntry(store: SessionStore, worker: SessionWorker, env: SessionEnv, id: string): Promise<string | null> {
  const entry = store.getState().history.find((e) => e.id === id);
  if (!entry?.scenario) return 'This entry holds no scenario that can be opened; download it instead.';
  const loaded = await worker.loadScenario(entry.scenario);
  if (!loaded.value) return `This entry cannot be opened: ${loaded.errors[0]?.message ?? 'it is not a scenario'}.`;
  dropEntry(store, env, id);
  openOver(loaded.value, currentScenario(store.getState()), 'restore', store, env);
  return null;
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
  const storage = guarded(store, env);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let linkRequest = 0;
  const flush = () => {
    timer = null;
    const state = store.getState();
    if (!state.sessionReady) return;
    const scenario = currentScenario(state);
    if (state.autosaveHeld === null) storage.setItem(AUTOSAVE_KEY, JSON.stringify(scenario));
    const id = ++linkRequest;
    void requestShareLink(worker, scenario).then(
      (link) => {
        if (id !== linkRequest) return;
        const { origin, pathname, search } = env.location;
        store.getState().setShareLink(link.value === null ? null : { fragment: link.value, url: `${origin}${pathname}${search}${link.value}` });
        store.getState().setShareProblem(link.error);
        if (link.value !== null) env.showFragment?.(link.value);
      },
      () => undefined,
    );
  };
  const schedule = () => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(flush, SAVE_DELAY_MS);
  };
  const unsubscribe = store.subscribe((state, previous) => {
    const unheld = previous.autosaveHeld !== null && state.autosaveHeld === null;
    if (state.sessionReady && (savedInputsChanged(state, previous) || !previous.sessionReady || unheld)) schedule();
  });
  if (store.getState().sessionReady) schedule();
  return () => {
    unsubscribe();
    if (timer !== null) clearTimeout(timer);
  };
}
