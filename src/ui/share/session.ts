// The session's external inputs and outputs: boot from a share link or the autosave, keep edits recoverable when
// something replaced them (Recent work, history.ts), autosave every change, and keep the share link current.
// Every input is decoded and validated in the worker; a bad one shows a banner and never overwrites saved work.
// Storage is reached only through a guard (storage.ts): blocked or full storage is a visible state, never a crash.
// Each tab saves its own session under its own key (tabs.ts) and hears the other tabs' writes: Recent work is
// merged, never overwritten, and another tab's session is listed in it.
import type { Scenario } from '../../core/scenario/types.ts';
import { createDefaultScenario } from '../../state/defaultScenario.ts';
import type { AppState } from '../../state/store.ts';
import type { CoreClient } from '../../worker/client.ts';
import type { HistoryEntry, KeptSource, SavedDrafts } from '../../state/slices/session.ts';
import { createEntry, readHistory, updateHistory, withEntry, workOf } from './history.ts';
import { preloadFirstScreen } from '../shell/panels.ts';
import { guardStorage, type GuardedStorage, type StorageLike } from './storage.ts';
import {
  bootingKeyOf,
  LEGACY_AUTOSAVE_KEY,
  listSessions,
  recordHasEdits,
  removeLegacy,
  TAB_LIMIT,
  tabEntry,
  tabIdOfEntry,
  tabKey,
  type StoredSession,
} from './tabs.ts';

/** Where versions before per-tab sessions kept the one autosave (migrated at boot; tabs.ts). */
export const AUTOSAVE_KEY = LEGACY_AUTOSAVE_KEY;
export { BOOTING_KEY } from './tabs.ts';


/** The worker functions the session needs: decoding a link, the share link of a scenario (or why the loader would
 * refuse it: nothing is shared that cannot be opened), and validating external input. Tests pass a fake of these. */
export type SessionWorker = Pick<CoreClient, 'decodeLink' | 'shareLinkOf' | 'loadScenario'>;

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
  /** This tab's memory across its reloads (sessionStorage): the id of the session it edits, and the fragment it last
   * put into the address bar (a reload brings that back: it is this session's own state, not a link to open). */
  tabMemory?: { read(): string | null; write(id: string): void; readShown(): string | null; writeShown(fragment: string): void };
  /** Hears other tabs' writes to storage (the `storage` event; key null: storage was cleared). Returns a stop. */
  onStorage?(listener: (key: string | null, value: string | null) => void): () => void;
  /** Calls `leave` when the page is hidden or left (`visibilitychange` to hidden, `pagehide`). Returns a stop. */
  onLeave?(leave: () => void): () => void;
  /** Checks restored drafts again in the worker (a draft saved before its check came back holds older errors). */
  recheckDrafts?(): void;
}

/** Which session this page writes: the tab's id (its key) and this page load's own mark. */
export interface TabIdentity {
  id: string;
  page: string;
  /** The legacy autosave was opened: it is removed once this tab's session has been saved. */
  legacyPending: boolean;
}

const identities = new WeakMap<SessionStore, TabIdentity>();

/** A new id for a tab's session or a page load. */
export function freshId(env: SessionEnv): string {
  return `${env.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** Which session `store`'s page writes: the one its boot chose, else a fresh one (the autosave started without a boot). */
export function tabIdentityOf(store: SessionStore, env: SessionEnv): TabIdentity {
  const tab = identities.get(store) ?? { id: freshId(env), page: freshId(env), legacyPending: false };
  identities.set(store, tab);
  return tab;
}

/** The boot-guard key of the session this page has on screen (the legacy one before a session was booted). */
export function bootingKeyOfPage(store: SessionStore): string {
  return bootingKeyOf(identities.get(store)?.id ?? null);
}

/** The store's storage behind its guard: a blocked or full storage is a visible state (the store's storage problem). */
export function guarded(store: SessionStore, env: SessionEnv): GuardedStorage {
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
  const view: Scenario['view'] = { step: state.stepIndex, tab };
  // The Lesson layout is the default and is left out, so a lesson's link is the same whichever way it was made.
  if (state.layout === 'policy') view.layout = state.layout;
  if (state.predict) view.predict = true;
  if (state.predictHides !== null) view.predictHides = [...state.predictHides];
  return { ...state.scenario, view };
}

/** Puts a loaded scenario on screen: its sources and settings, its tab and (once the trace comes) its step. */
export function applyScenario(store: SessionStore, scenario: Scenario): void {
  store.getState().loadScenario(scenario);
  store.getState().restoreStep(scenario.view.step);
}

/** What the JSON editors hold, as saved with the session. */
export function currentDrafts(state: AppState): SavedDrafts {
  return { ceilings: [...state.ceilingDrafts], grant: state.grantDraft };
}

/** Puts saved drafts back into the JSON editors (those of children the scenario has), then has them checked again. */
function restoreDrafts(store: SessionStore, env: SessionEnv, drafts: SavedDrafts | undefined): void {
  if (!drafts) return;
  const state = store.getState();
  const names = new Set(state.scenario.children.map((c) => c.name));
  for (const [child, draft] of drafts.ceilings) if (names.has(child)) state.setCeilingDraft(child, draft);
  if (drafts.grant) state.setGrantDraft(drafts.grant);
  if (drafts.ceilings.length > 0 || drafts.grant) env.recheckDrafts?.();
}

/** Whether `local` holds edits its origin does not: work that would be lost if something replaced it. */
export function hasUnsavedEdits(local: Scenario, originWork: string | null): boolean {
  return workOf(local) !== (originWork ?? workOf(createDefaultScenario()));
}

/** Changes Recent work as stored (another tab may have changed it since this page read it) and shows the result;
 * returns how many entries were stored. */
function changeHistory(store: SessionStore, storage: GuardedStorage, change: (entries: HistoryEntry[]) => HistoryEntry[]): { entries: HistoryEntry[]; stored: number } {
  const result = updateHistory(storage, store.getState().history, change);
  store.getState().setHistory(result.entries);
  return result;
}

/** Puts `scenario` on screen over `local`; edits in `local` are kept in Recent work and offered back once. `drafts`
 * went with `local` (the JSON editors' drafts, when `local` is the session on screen); `scenarioDrafts` with
 * `scenario`. */
export function openOver(
  scenario: Scenario,
  local: Scenario | null,
  source: KeptSource,
  store: SessionStore,
  env: SessionEnv,
  scenarioDrafts?: SavedDrafts,
): void {
  const storage = guarded(store, env);
  const state = store.getState();
  const sameWork = local !== null && workOf(local) === workOf(scenario);
  if (local && !sameWork && hasUnsavedEdits(local, state.originWork)) {
    const onScreen = workOf(local) === workOf(state.scenario);
    const entry = createEntry('replaced', local, null, env.now(), onScreen ? currentDrafts(state) : undefined);
    changeHistory(store, storage, (entries) => withEntry(entries, entry));
    state.showSessionBanner({ kind: 'kept', source, entryId: entry.id, savedAt: entry.savedAt });
  } else if (state.sessionBanner?.kind !== 'bad-autosave') {
    state.showSessionBanner(null);
  }
  // The work on screen opened again (its own link, say one the address bar held at a reload): its JSON editors'
  // drafts are of that very work, so they stay.
  const drafts = scenarioDrafts ?? (workOf(state.scenario) === workOf(scenario) ? currentDrafts(state) : undefined);
  applyScenario(store, scenario);
  restoreDrafts(store, env, drafts);
  // The same work (a link of the session itself) keeps its origin: its edits are still unsaved. A restored entry
  // has no origin (''): its edits count as unsaved until they are replaced and kept again.
  if (!sameWork) store.getState().setOriginWork(source === 'restore' ? '' : workOf(scenario));
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

async function readSaved(worker: SessionWorker, saved: StoredSession | null): Promise<AutosaveRead> {
  if (saved === null) return { scenario: null, raw: null, error: null };
  const { raw, record } = saved;
  if (record === null) return { scenario: null, raw, error: 'it is not valid JSON' };
  try {
    const result = await worker.loadScenario(record.scenario);
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
  const { entries, stored } = changeHistory(store, storage, (list) => withEntry(list, entry));
  const kept = entries.slice(0, stored).some((e) => e.id === entry.id);
  const why = crashed ? 'it made the page fail to start last time, so it was not opened' : `it could not be read: ${saved.error}`;
  const where = kept
    ? 'It is kept in Recent work (under Examples).'
    : 'There is no room in storage to keep a copy, so saving is paused until you download it or discard it.';
  if (!kept) store.getState().setAutosaveHeld(why);
  store.getState().showSessionBanner({ kind: 'bad-autosave', message: `Your saved session was not opened: ${why}. ${where}`, entryId: entry.id });
}

/** The other saved sessions at boot: the newest TAB_LIMIT stay under their keys and are listed in Recent work (when
 * they hold edits); older ones, the legacy autosave and unreadable ones move into Recent work and are removed. */
function settleOthers(store: SessionStore, storage: GuardedStorage, others: readonly StoredSession[], now: number): void {
  const listed: StoredSession[] = [];
  const moving: StoredSession[] = [];
  for (const s of others) (s.id !== null && s.record !== null && listed.length < TAB_LIMIT ? listed : moving).push(s);
  const moved = moving.flatMap((s) => {
    if (s.record === null) return [{ ...createEntry('unreadable', null, s.raw, now), pending: false }];
    const entry = recordHasEdits(s.record) ? tabEntry(s.id ?? 'legacy', s.record) : null;
    // The legacy autosave's time is unknown: it is dated when it was kept.
    return entry ? [{ ...createEntry('tab', entry.scenario, null, s.id === null ? now : s.record.savedAt, entry.drafts), pending: false }] : [];
  });
  if (moving.length > 0) {
    // Oldest first, so that what the limit drops is the oldest; Recent work keeps the newest HISTORY_LIMIT.
    const { entries, stored } = changeHistory(store, storage, (list) => [...moved].reverse().reduce(withEntry, list).sort((a, b) => b.savedAt - a.savedAt));
    // Removed only once Recent work as stored holds what it keeps of them (storage not full).
    if (stored === entries.length) {
      for (const s of moving) {
        if (s.id === null) removeLegacy(storage);
        else {
          storage.removeItem(s.key);
          storage.removeItem(bootingKeyOf(s.id));
        }
      }
    }
  }
  store.getState().setTabSessions(listed.flatMap((s) => tabEntry(s.id!, s.record!) ?? []));
}

/** The boot sequence: a link in the URL wins (keeping edits recoverable), else this tab's saved session (after a
 * reload), else the most recent saved session (a new tab), else the default. Each step is guarded, so a bad autosave
 * never stops a link from opening. */
export async function bootSession(store: SessionStore, worker: SessionWorker, env: SessionEnv): Promise<void> {
  const storage = guarded(store, env);
  store.getState().setHistory(readHistory(storage));
  const sessions = listSessions(storage);
  const remembered = env.tabMemory?.read() ?? null;
  const chosen = sessions.find((s) => s.id !== null && s.id === remembered) ?? sessions[0] ?? null;
  // A new tab carries on the most recent session under its key; if that tab is still open, it moves to a key of its
  // own when it sees this one's write (startAutosave).
  const tab: TabIdentity = { id: chosen?.id ?? freshId(env), page: freshId(env), legacyPending: chosen !== null && chosen.id === null };
  identities.set(store, tab);
  env.tabMemory?.write(tab.id);
  const crashedLast = chosen !== null && storage.getItem(bootingKeyOf(chosen.id)) !== null;
  const saved = await readSaved(worker, chosen);
  let local: Scenario | null = null;
  if (saved.raw !== null && (saved.error !== null || crashedLast)) {
    keepUnreadable(store, storage, saved, crashedLast && saved.error === null, env);
  } else if (saved.scenario) {
    storage.setItem(bootingKeyOf(tab.id), '1');
    applyScenario(store, saved.scenario);
    restoreDrafts(store, env, chosen?.record?.drafts);
    if (chosen?.record?.answers && store.getState().predict) store.getState().restorePredictAnswers(chosen.record.answers);
    store.getState().setOriginWork(chosen?.record?.origin ?? null);
    local = saved.scenario;
  } else {
    store.getState().setOriginWork(workOf(store.getState().scenario));
  }
  if (crashedLast) storage.removeItem(bootingKeyOf(chosen.id));
  settleOthers(store, storage, sessions.filter((s) => s !== chosen), env.now());
  const hash = env.location.hash;
  const ownState = chosen !== null && chosen.id === remembered && hash === env.tabMemory?.readShown();
  if (hash !== '' && hash !== '#' && !ownState) {
    await openLink(hash, local, store, worker, env);
    env.clearHash();
  }
  // Edits replaced before this page was loaded are offered again, until restored or dismissed.
  const pending = store.getState().history.find((e) => e.pending && e.reason === 'replaced');
  if (!store.getState().sessionBanner && pending) {
    store.getState().showSessionBanner({ kind: 'kept', source: 'reload', entryId: pending.id, savedAt: pending.savedAt });
  }
  // A goal's panel or Predict mode's parts, in chunks of their own, are in before the session renders (panels.ts).
  await preloadFirstScreen(store.getState());
  store.getState().setSessionReady();
}

/** The page rendered the booted session: an autosave that got this far did not make the page fail. */
export function markBootRendered(store: SessionStore, env: SessionEnv): void {
  guarded(store, env).removeItem(bootingKeyOfPage(store));
}

/** Marks entry `id` as offered (the banner about it was dismissed): it stays in Recent work. */
export function settleEntry(store: SessionStore, env: SessionEnv, id: string): void {
  changeHistory(store, guarded(store, env), (entries) => entries.map((e) => (e.id === id ? { ...e, pending: false } : e)));
}

/** Removes entry `id` from Recent work (discarded, or restored onto the screen). Another tab's session is removed
 * from storage: if that tab is still open, it saves its session again. */
export function dropEntry(store: SessionStore, env: SessionEnv, id: string): void {
  const storage = guarded(store, env);
  const tabId = tabIdOfEntry(id);
  if (tabId !== null) {
    storage.removeItem(tabKey(tabId));
    store.getState().setTabSessions(store.getState().tabSessions.filter((e) => e.id !== id));
  } else {
    changeHistory(store, storage, (entries) => entries.filter((e) => e.id !== id));
  }
  const banner = store.getState().sessionBanner;
  if (banner && 'entryId' in banner && banner.entryId === id) {
    store.getState().showSessionBanner(null);
    store.getState().setAutosaveHeld(null);
  }
}

/** Puts Recent work entry `id` back on screen (validated again: storage is external input). The work on screen is
 * kept in its place when it has edits. Returns an error message, or null when it was restored. */
export async function restoreEntry(store: SessionStore, worker: SessionWorker, env: SessionEnv, id: string): Promise<string | null> {
  const { history, tabSessions } = store.getState();
  const entry = history.find((e) => e.id === id) ?? tabSessions.find((e) => e.id === id);
  if (!entry?.scenario) return 'This entry holds no scenario that can be opened; download it instead.';
  const loaded = await worker.loadScenario(entry.scenario);
  if (!loaded.value) return `This entry cannot be opened: ${loaded.errors[0]?.message ?? 'it is not a scenario'}.`;
  dropEntry(store, env, id);
  openOver(loaded.value, currentScenario(store.getState()), 'restore', store, env, entry.drafts);
  return null;
}
