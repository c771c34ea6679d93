// Fake surroundings for the session: a Map-backed storage shared by the "tabs" of one test, each tab with its own
// memory across reloads, and the browser's storage events (delivered to the other tabs, asynchronously as in a
// browser) and page-leave events (fired by the test).
import type { SessionEnv } from '../../../src/ui/share/session.ts';
import { tabKey } from '../../../src/ui/share/tabs.ts';

export interface FakeEnv extends SessionEnv {
  map: Map<string, string>;
  cleared: number;
  /** The tab's memory across reloads (sessionStorage): its session's id, and the fragment it last showed. */
  memory: string | null;
  shown: string | null;
  /** The page is hidden or left (pagehide). */
  leave(): void;
  /** Delivers a storage event to this page, as another tab's write would. */
  hear(key: string | null, value: string | null): void;
}

/** The tabs that share one storage (each hears the others' writes). */
const peers = new WeakMap<Map<string, string>, FakeEnv[]>();

export function fakeEnv(hash = '', map = new Map<string, string>()): FakeEnv {
  const leaves: (() => void)[] = [];
  const listeners: ((key: string | null, value: string | null) => void)[] = [];
  const tabs = peers.get(map) ?? [];
  peers.set(map, tabs);
  const tell = (key: string, value: string | null) => {
    for (const tab of tabs) if (tab !== env) queueMicrotask(() => tab.hear(key, value));
  };
  const env: FakeEnv = {
    map,
    cleared: 0,
    memory: null,
    shown: null,
    storage: {
      getItem: (k) => map.get(k) ?? null,
      setItem: (k, v) => {
        const changed = map.get(k) !== v;
        map.set(k, v);
        if (changed) tell(k, v);
      },
      removeItem: (k) => {
        const had = map.delete(k);
        if (had) tell(k, null);
      },
      key: (i) => [...map.keys()][i] ?? null,
      get length() {
        return map.size;
      },
    },
    tabMemory: {
      read: () => env.memory,
      write: (id) => {
        env.memory = id;
      },
      readShown: () => env.shown,
      writeShown: (fragment) => {
        env.shown = fragment;
      },
    },
    location: { hash, origin: 'http://lab.test', pathname: '/', search: '' },
    clearHash: () => {
      env.cleared++;
    },
    now: () => Date.UTC(2026, 11, 2, 14, 5),
    showFragment: (fragment) => {
      env.location.hash = fragment;
    },
    onLeave: (leave) => {
      leaves.push(leave);
      return () => leaves.splice(leaves.indexOf(leave), 1);
    },
    onStorage: (listener) => {
      listeners.push(listener);
      return () => listeners.splice(listeners.indexOf(listener), 1);
    },
    leave: () => {
      for (const leave of [...leaves]) leave();
    },
    hear: (key, value) => {
      for (const listener of [...listeners]) listener(key, value);
    },
  };
  tabs.push(env);
  return env;
}

/** The session a tab saved under its key (its record: scenario, origin, drafts…). */
export function savedRecord(env: FakeEnv): { scenario: { parent: { source: string } }; origin: string | null; drafts?: unknown; answers?: unknown; page: string } {
  const raw = env.memory === null ? undefined : env.map.get(tabKey(env.memory));
  if (raw === undefined) throw new Error('this tab saved no session');
  return JSON.parse(raw);
}
