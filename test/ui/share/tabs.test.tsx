// @vitest-environment jsdom
// Sessions shared by the page's tabs: each tab saves under its own key and hears the others' writes; Recent work is
// merged, never overwritten; a new tab carries on the most recent session and lists the others; leaving the page
// saves at once; drafts come back with their errors; the one autosave of earlier versions is migrated; storage
// stays bounded.
import { act } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStore, resetStore } from '../../../src/state/store.ts';
import { HISTORY_KEY, ORIGIN_KEY, workOf } from '../../../src/ui/share/history.ts';
import { listedWork } from '../../../src/ui/share/RecentWork.tsx';
import { bootSession, dropEntry, markBootRendered, openOver, restoreEntry, type SessionStore } from '../../../src/ui/share/session.ts';
import { SAVE_DELAY_MS, startAutosave } from '../../../src/state/sync/autosave.ts';
import { BOOTING_KEY, LEGACY_AUTOSAVE_KEY, TAB_LIMIT, TAB_PREFIX, tabKey } from '../../../src/ui/share/tabs.ts';
import { createFakeBackend, lesson } from '../run/fakeBackend.tsx';
import { fakeEnv, savedRecord, type FakeEnv } from '../run/fakeSessionEnv.ts';

const backend = createFakeBackend();

interface Tab {
  store: ReturnType<typeof createAppStore>;
  env: FakeEnv;
  stop: () => void;
}

const open: Tab[] = [];

/** Opens a tab of the page (its own store) over `map`, the page's storage; `memory`: a reload of that tab. */
async function openTab(map: Map<string, string>, memory: string | null = null, hash = '', shown: string | null = null): Promise<Tab> {
  const store = createAppStore();
  const env = fakeEnv(hash, map);
  env.memory = memory;
  env.shown = shown;
  await bootSession(store, backend, env);
  markBootRendered(store, env);
  const tab = { store, env, stop: startAutosave(store, backend, env) };
  open.push(tab);
  return tab;
}

/** Closes a tab: the page is left (pagehide), then it stops. */
function closeTab(tab: Tab): void {
  tab.env.leave();
  tab.stop();
  open.splice(open.indexOf(tab), 1);
}

function edit(store: SessionStore, source: string): void {
  act(() => void store.getState().setSource('parent', source));
}

const tabKeys = (map: Map<string, string>) => [...map.keys()].filter((k) => k.startsWith(TAB_PREFIX));

beforeEach(() => {
  vi.useFakeTimers();
  resetStore();
});

afterEach(() => {
  for (const tab of [...open]) closeTab(tab);
  vi.useRealTimers();
});

describe('tabs', () => {
  it('two tabs edit, each under its own key; a third tab has one as its session and the other in Recent work', async () => {
    const map = new Map<string, string>();
    const a = await openTab(map);
    edit(a.store, '// work of tab A\n');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    // B is a new tab: it carries on the most recent session (A's), and A moves to a key of its own when it hears.
    const b = await openTab(map);
    expect(b.store.getState().scenario.parent.source).toBe('// work of tab A\n');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(a.env.memory).not.toBe(b.env.memory);
    edit(b.store, '// work of tab B\n');
    edit(a.store, '// work of tab A, edited again\n');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    edit(b.store, '// work of tab B, edited again\n');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(savedRecord(a.env).scenario.parent.source).toBe('// work of tab A, edited again\n');
    expect(savedRecord(b.env).scenario.parent.source).toBe('// work of tab B, edited again\n');
    // Each tab lists the other's session.
    expect(listedWork(a.store.getState()).map((e) => e.title)).toEqual(['// work of tab B, edited again — children alpha, beta']);
    expect(listedWork(b.store.getState()).map((e) => e.title)).toEqual(['// work of tab A, edited again — children alpha, beta']);

    const c = await openTab(map);
    const sources = [c.store.getState().scenario.parent.source, ...listedWork(c.store.getState()).map((e) => e.scenario?.parent.source)];
    expect(sources.sort()).toEqual(['// work of tab A, edited again\n', '// work of tab B, edited again\n']);
    expect(listedWork(c.store.getState())[0]).toMatchObject({ reason: 'tab' });
  });

  it('a reload carries on the tab\'s own session, not the most recent one', async () => {
    const map = new Map<string, string>();
    const a = await openTab(map);
    edit(a.store, '// A\n');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    const b = await openTab(map);
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    edit(a.store, '// A, later\n');
    edit(b.store, '// B, latest\n');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    const memory = a.env.memory;
    closeTab(a);
    const reloaded = await openTab(map, memory);
    expect(reloaded.store.getState().scenario.parent.source).toBe('// A, later\n');
  });

  it('an edit then leaving the page 100 ms later is saved: nothing waits for the delay', async () => {
    const map = new Map<string, string>();
    const a = await openTab(map);
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    edit(a.store, `// pasted\n${'x'.repeat(2000)}\n`);
    await vi.advanceTimersByTimeAsync(100);
    const memory = a.env.memory;
    closeTab(a);
    const reloaded = await openTab(map, memory);
    expect(reloaded.store.getState().scenario.parent.source).toBe(`// pasted\n${'x'.repeat(2000)}\n`);
  });

  it('a reload with the fragment the tab itself last showed restores the newer saved session; another link opens', async () => {
    const map = new Map<string, string>();
    const a = await openTab(map);
    edit(a.store, '// first\n');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    const shown = a.env.shown;
    expect(shown).toMatch(/^#s=1\./);
    edit(a.store, '// then this, just before the reload\n');
    await vi.advanceTimersByTimeAsync(100);
    const memory = a.env.memory;
    closeTab(a);
    const reloaded = await openTab(map, memory, shown!, shown);
    expect(reloaded.store.getState().scenario.parent.source).toBe('// then this, just before the reload\n');
    expect(reloaded.store.getState().sessionBanner).toBeNull();
    closeTab(reloaded);
    const { encodeLink } = await import('../../../src/core/index.ts');
    const other = await openTab(map, memory, encodeLink(lesson('escalation')), shown);
    expect(other.store.getState().scenario.children.map((c) => c.name)).toEqual(lesson('escalation').children.map((c) => c.name));
    expect(other.store.getState().sessionBanner).toMatchObject({ kind: 'kept', source: 'link' });
  });

  it('a stream of edits is saved at most the delay after the first, not after the last', async () => {
    const a = await openTab(new Map());
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    for (let i = 0; i < 10; i++) {
      edit(a.store, `// keystroke ${i}\n`);
      await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS / 3);
    }
    expect(savedRecord(a.env).scenario.parent.source).toMatch(/^\/\/ keystroke [7-9]\n$/);
  });

  it('Recent work is merged across tabs: entries kept by two tabs are both there, and a discard in one goes in both', async () => {
    const map = new Map<string, string>();
    const a = await openTab(map);
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    const b = await openTab(map);
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    edit(a.store, '// kept by A\n');
    act(() => openOver(lesson('f1-cwd-env'), a.store.getState().scenario, 'example', a.store, a.env));
    edit(b.store, '// kept by B\n');
    // B's list in memory predates A's entry: writing it must not drop A's.
    act(() => openOver(lesson('panic-leak'), b.store.getState().scenario, 'example', b.store, b.env));
    const stored = () => (JSON.parse(map.get(HISTORY_KEY)!) as { title: string }[]).map((e) => e.title.split(' —')[0]).sort();
    expect(stored()).toEqual(['// kept by A', '// kept by B']);
    await vi.advanceTimersByTimeAsync(0);
    expect(a.store.getState().history.map((e) => e.title.split(' —')[0]).sort()).toEqual(['// kept by A', '// kept by B']);
    const kept = b.store.getState().history.find((e) => e.title.startsWith('// kept by A'))!;
    act(() => dropEntry(b.store, b.env, kept.id));
    await vi.advanceTimersByTimeAsync(0);
    expect(stored()).toEqual(['// kept by B']);
    expect(a.store.getState().history.map((e) => e.title.split(' —')[0])).toEqual(['// kept by B']);
    // A keeps another entry: the discarded one does not come back.
    edit(a.store, '// kept by A again\n');
    act(() => openOver(lesson('escalation'), a.store.getState().scenario, 'example', a.store, a.env));
    expect(stored()).toEqual(['// kept by A again', '// kept by B']);
  });

  it('restoring another tab\'s session brings it here with its drafts and removes it from the list', async () => {
    const map = new Map<string, string>();
    const a = await openTab(map);
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    const b = await openTab(map);
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    edit(a.store, '// A\n');
    act(() => a.store.getState().setCeilingDraft('alpha', { text: '{"capabilities": ', errors: [{ path: '', message: 'Unexpected end of JSON input' }] }));
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    const [entry] = listedWork(b.store.getState());
    expect(entry).toMatchObject({ reason: 'tab' });
    expect(await restoreEntry(b.store, backend, b.env, entry!.id)).toBeNull();
    expect(b.store.getState().scenario.parent.source).toBe('// A\n');
    expect(b.store.getState().ceilingDrafts.get('alpha')?.text).toBe('{"capabilities": ');
    expect(listedWork(b.store.getState())).toEqual([]);
  });

  it('a reload of the untouched default session has no edits: an example opened over it keeps nothing', async () => {
    const map = new Map<string, string>();
    const a = await openTab(map);
    const memory = a.env.memory;
    closeTab(a);
    const reloaded = await openTab(map, memory);
    act(() => openOver(lesson('f1-cwd-env'), reloaded.store.getState().scenario, 'example', reloaded.store, reloaded.env));
    expect(reloaded.store.getState().history).toEqual([]);
    expect(reloaded.store.getState().sessionBanner).toBeNull();
  });

  it('a new tab with a link opens it over the most recent session, which is kept in Recent work', async () => {
    const map = new Map<string, string>();
    const a = await openTab(map);
    edit(a.store, '// edited\n');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    const { encodeLink } = await import('../../../src/core/index.ts');
    const b = await openTab(map, null, encodeLink(lesson('escalation')));
    expect(b.store.getState().sessionBanner).toMatchObject({ kind: 'kept', source: 'link' });
    expect(b.store.getState().history[0]?.scenario?.parent.source).toBe('// edited\n');
  });
});

describe('drafts', () => {
  it('an invalid ceiling draft and grant draft come back as they were, with their errors, and are checked again', async () => {
    const map = new Map<string, string>();
    const a = await openTab(map);
    const ceiling = { text: '{\n  "capabilities": {"workspace": ["read_text"],}\n}', errors: [{ path: '', message: 'Expected a property name at line 2' }] };
    const grant = { text: '[{"kind": "fs"', errors: [{ path: '', message: 'Unexpected end of JSON input' }] };
    act(() => {
      a.store.getState().setCeilingDraft('alpha', ceiling);
      a.store.getState().setGrantDraft(grant);
    });
    const memory = a.env.memory;
    closeTab(a);
    const store = createAppStore();
    const env = fakeEnv('', map);
    env.memory = memory;
    env.recheckDrafts = vi.fn();
    await bootSession(store, backend, env);
    expect(store.getState().ceilingDrafts.get('alpha')).toEqual(ceiling);
    expect(store.getState().grantDraft).toEqual(grant);
    expect(env.recheckDrafts).toHaveBeenCalledOnce();
  });

  it('a reload whose address bar holds another link of the same work (one shown as the page was left) keeps the drafts', async () => {
    const map = new Map<string, string>();
    const a = await openTab(map);
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    const ceiling = { text: '{"capabilities": ', errors: [{ path: '', message: 'Unexpected end of JSON input' }] };
    act(() => a.store.getState().setCeilingDraft('alpha', ceiling));
    // The address bar was updated from an earlier save; the link of the last save came back as the page was left,
    // so the tab remembers a fragment the reloaded address does not hold.
    const hash = a.env.location.hash;
    expect(hash).not.toBe('');
    const memory = a.env.memory;
    closeTab(a);
    const b = await openTab(map, memory, hash, '#a-later-fragment');
    expect(b.store.getState().ceilingDrafts.get('alpha')).toEqual(ceiling);
    expect(b.store.getState().sessionBanner).toBeNull();
  });

  it('drafts stored with another shape are not restored, and the session still opens', async () => {
    const map = new Map<string, string>();
    map.set(tabKey('t1'), JSON.stringify({ savedAt: 1, page: 'p', origin: null, scenario: lesson('f1-cwd-env'), drafts: { ceilings: [['alpha', { text: 5 }]], grant: null } }));
    const a = await openTab(map, 't1');
    expect(a.store.getState().scenario.run.mode).toBe(lesson('f1-cwd-env').run.mode);
    expect(a.store.getState().ceilingDrafts.size).toBe(0);
  });
});

describe('migration and bounds', () => {
  it('the one autosave of earlier versions opens with its origin, and is removed once saved under the tab\'s key', async () => {
    const map = new Map<string, string>();
    const saved = { ...lesson('f2-mutation-session'), parent: { ...lesson('f2-mutation-session').parent, source: '// old edit\n' } };
    map.set(LEGACY_AUTOSAVE_KEY, JSON.stringify(saved));
    map.set(ORIGIN_KEY, workOf(lesson('f2-mutation-session')));
    const a = await openTab(map);
    expect(a.store.getState().scenario.parent.source).toBe('// old edit\n');
    expect(a.store.getState().originWork).toBe(workOf(lesson('f2-mutation-session')));
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(map.has(LEGACY_AUTOSAVE_KEY)).toBe(false);
    expect(map.has(ORIGIN_KEY)).toBe(false);
    expect(savedRecord(a.env)).toMatchObject({ scenario: { parent: { source: '// old edit\n' } }, origin: workOf(lesson('f2-mutation-session')) });
  });

  it('an autosave of earlier versions older than a tab\'s session moves to Recent work and is removed', async () => {
    const map = new Map<string, string>();
    map.set(LEGACY_AUTOSAVE_KEY, JSON.stringify({ ...lesson('f1-cwd-env'), parent: { ...lesson('f1-cwd-env').parent, source: '// old edit\n' } }));
    map.set(tabKey('t1'), JSON.stringify({ savedAt: 5, page: 'p', origin: null, scenario: lesson('escalation') }));
    const a = await openTab(map);
    expect(a.store.getState().scenario.children.map((c) => c.name)).toEqual(lesson('escalation').children.map((c) => c.name));
    expect(map.has(LEGACY_AUTOSAVE_KEY)).toBe(false);
    expect(listedWork(a.store.getState()).map((e) => e.title.split(' —')[0])).toEqual(['// old edit']);
  });

  it('storage stays bounded: past the newest tabs, saved sessions move to Recent work and their keys go', async () => {
    const map = new Map<string, string>();
    for (let i = 0; i < 20; i++) {
      const scenario = { ...lesson('f1-cwd-env'), parent: { ...lesson('f1-cwd-env').parent, source: `// tab ${i}\n` } };
      map.set(tabKey(`t${i}`), JSON.stringify({ savedAt: 1000 + i, page: `p${i}`, origin: null, scenario }));
    }
    map.set(`${BOOTING_KEY}:t0`, '1');
    const a = await openTab(map);
    expect(a.store.getState().scenario.parent.source).toBe('// tab 19\n');
    expect(tabKeys(map)).toHaveLength(TAB_LIMIT + 1);
    expect(map.has(`${BOOTING_KEY}:t0`)).toBe(false);
    const history = JSON.parse(map.get(HISTORY_KEY)!) as { title: string; reason: string }[];
    expect(history.map((e) => e.title.split(' —')[0])).toEqual(['// tab 10', '// tab 9', '// tab 8', '// tab 7', '// tab 6', '// tab 5', '// tab 4', '// tab 3']);
    expect(new Set(history.map((e) => e.reason))).toEqual(new Set(['tab']));
    expect(listedWork(a.store.getState())).toHaveLength(TAB_LIMIT + 8);
  });

  it('a session that made its tab fail to start is kept in Recent work, and another tab booting is not mistaken for it', async () => {
    const map = new Map<string, string>();
    const crashed = { ...lesson('f1-cwd-env'), parent: { ...lesson('f1-cwd-env').parent, source: '// crashes\n' } };
    map.set(tabKey('t1'), JSON.stringify({ savedAt: 5, page: 'p', origin: null, scenario: crashed }));
    map.set(`${BOOTING_KEY}:t1`, '1');
    map.set(`${BOOTING_KEY}:t2`, '1');
    const a = await openTab(map, 't1');
    expect(a.store.getState().scenario.parent.source).not.toBe('// crashes\n');
    expect(a.store.getState().history[0]).toMatchObject({ reason: 'crashed' });
    expect(map.has(`${BOOTING_KEY}:t1`)).toBe(false);
  });

  it('a tab whose key was removed by another tab saves its session again', async () => {
    const map = new Map<string, string>();
    const a = await openTab(map);
    edit(a.store, '// mine\n');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    const key = tabKey(a.env.memory!);
    map.delete(key);
    a.env.hear(key, null);
    expect(savedRecord(a.env).scenario.parent.source).toBe('// mine\n');
  });

  it('the page stores nothing when storage is blocked, and says so', async () => {
    const map = new Map<string, string>();
    const store = createAppStore();
    const env = fakeEnv('', map);
    const blocked = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    env.storage = { getItem: blocked, setItem: blocked, removeItem: blocked, key: blocked, get length(): number { return blocked(); } };
    await bootSession(store, backend, env);
    const stop = startAutosave(store, backend, env);
    edit(store, '// not saved\n');
    env.leave();
    stop();
    expect(store.getState().storageProblem).toBe('blocked');
    expect(map.size).toBe(0);
  });
});
