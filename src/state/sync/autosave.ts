// The autosave (DESIGN §5): after boot, keeps the saved session and the share link current. Saves at most
// SAVE_DELAY_MS after a change and at once when the page is hidden or left, recomputes the link and shows it in the
// address bar, and follows the other tabs' writes. The session's storage format and its boot (a link, else the
// autosave) live in src/ui/share/ (session.ts, tabs.ts, history.ts, storage.ts); this is the loop that keeps them
// current, started with the other sync loops by startApp once the session has booted.
import type { Scenario } from '../../core/scenario/types.ts';
import { mergeHistory, HISTORY_KEY, parseHistory } from '../../ui/share/history.ts';
import { currentDrafts, currentScenario, freshId, guarded, requestShareLink, tabIdentityOf, type SessionEnv, type SessionStore, type SessionWorker } from '../../ui/share/session.ts';
import { pageOf, parseRecord, removeLegacy, serializeRecord, TAB_PREFIX, tabEntry, tabKey } from '../../ui/share/tabs.ts';
import type { AppState } from '../store.ts';

/** The longest an unsaved change waits before it is saved and its link recomputed (leaving the page saves at once). */
export const SAVE_DELAY_MS = 300;

function savedInputsChanged(state: AppState, previous: AppState): boolean {
  return (
    state.scenario !== previous.scenario ||
    state.stepIndex !== previous.stepIndex ||
    state.selectedTab !== previous.selectedTab ||
    state.layout !== previous.layout ||
    state.predict !== previous.predict ||
    state.predictAnswers !== previous.predictAnswers ||
    state.ceilingDrafts !== previous.ceilingDrafts ||
    state.grantDraft !== previous.grantDraft ||
    state.originWork !== previous.originWork
  );
}

/** Another tab wrote `key` (a tab's session): its entry in Recent work follows. */
function followTab(store: SessionStore, key: string, value: string | null): void {
  const id = key.slice(TAB_PREFIX.length);
  const record = value === null ? null : parseRecord(value);
  const entry = record === null ? null : tabEntry(id, record);
  const rest = store.getState().tabSessions.filter((e) => e.id !== `tab:${id}`);
  store.getState().setTabSessions(entry ? [entry, ...rest].sort((a, b) => b.savedAt - a.savedAt) : rest);
}

/** After boot: saves the session at most SAVE_DELAY_MS after it changes and at once when the page is hidden or left,
 * recomputes its share link and shows it in the address bar (replacing the history entry: Back does not fill with
 * every keystroke), and follows the other tabs' writes. Returns a stop. */
export function startAutosave(store: SessionStore, worker: SessionWorker, env: SessionEnv): () => void {
  const storage = guarded(store, env);
  const tab = tabIdentityOf(store, env);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let linkRequest = 0;
  const save = (state: AppState, scenario: Scenario) => {
    if (state.autosaveHeld !== null) return;
    // Predict mode's answers go with the scenario they answer (a reload brings them back; another scenario does not).
    const answers = state.predict && Object.keys(state.predictAnswers).length > 0 ? { answers: { ...state.predictAnswers } } : {};
    const record = { savedAt: env.now(), page: tab.page, origin: state.originWork, scenario, drafts: currentDrafts(state), ...answers };
    if (storage.setItem(tabKey(tab.id), serializeRecord(record)) && tab.legacyPending) {
      removeLegacy(storage);
      tab.legacyPending = false;
    }
  };
  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const state = store.getState();
    if (!state.sessionReady) return;
    const scenario = currentScenario(state);
    save(state, scenario);
    const id = ++linkRequest;
    void requestShareLink(worker, scenario).then(
      (link) => {
        if (id !== linkRequest) return;
        const { origin, pathname, search } = env.location;
        store.getState().setShareLink(link.value === null ? null : { fragment: link.value, url: `${origin}${pathname}${search}${link.value}` });
        store.getState().setShareProblem(link.error);
        if (link.value !== null && env.showFragment) {
          env.showFragment(link.value);
          env.tabMemory?.writeShown(link.value);
        }
      },
      () => undefined,
    );
  };
  // At most the delay after the first unsaved change (a steady stream of keystrokes does not postpone it).
  const schedule = () => {
    timer ??= setTimeout(flush, SAVE_DELAY_MS);
  };
  const unsubscribe = store.subscribe((state, previous) => {
    const unheld = previous.autosaveHeld !== null && state.autosaveHeld === null;
    if (state.sessionReady && (savedInputsChanged(state, previous) || !previous.sessionReady || unheld)) schedule();
  });
  const stopLeave = env.onLeave?.(() => {
    if (timer !== null) flush();
  });
  const stopStorage = env.onStorage?.((key, value) => {
    if (key === HISTORY_KEY || key === null) store.getState().setHistory(mergeHistory(parseHistory(key === null ? null : value), store.getState().history));
    if (key === null) store.getState().setTabSessions([]);
    if (key === null || key === tabKey(tab.id)) {
      // Another page wrote this tab's key (a new tab carrying on this session, or a duplicated tab): this tab moves
      // to a key of its own. Removed (storage cleared, or the session discarded elsewhere): it is saved again.
      if (value !== null && key !== null && pageOf(value) === tab.page) return;
      if (value !== null) tab.id = freshId(env);
      env.tabMemory?.write(tab.id);
      if (store.getState().sessionReady) save(store.getState(), currentScenario(store.getState()));
    } else if (key.startsWith(TAB_PREFIX)) {
      followTab(store, key, value);
    }
  });
  if (store.getState().sessionReady) schedule();
  return () => {
    unsubscribe();
    stopLeave?.();
    stopStorage?.();
    if (timer !== null) clearTimeout(timer);
  };
}
