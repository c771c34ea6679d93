// @vitest-environment jsdom
// Session boot, autosave, share and examples against a fake worker client and fake storage/location.
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHALLENGES, encodeLink, type Scenario } from '../../../src/core/index.ts';
import { resetStore, useStore } from '../../../src/state/store.ts';
import ExamplesMenu from '../../../src/ui/examples/ExamplesMenu.tsx';
import { HISTORY_KEY } from '../../../src/ui/share/history.ts';
import { AUTOSAVE_KEY, BOOTING_KEY, bootSession, openOver, requestShareLink, restoreEntry } from '../../../src/ui/share/session.ts';
import { startAutosave } from '../../../src/state/sync/autosave.ts';
import ShareButton from '../../../src/ui/share/ShareButton.tsx';
import { createFakeBackend, lesson, renderWithBackend } from '../run/fakeBackend.tsx';
import { fakeEnv, savedRecord } from '../run/fakeSessionEnv.ts';

function withSource(scenario: Scenario, source: string): Scenario {
  return { ...scenario, parent: { ...scenario.parent, source } };
}

beforeEach(() => {
  resetStore();
  localStorage.clear();
});

describe('boot', () => {
  it('restores the autosaved session, including its stepper position and tab', async () => {
    const env = fakeEnv();
    const saved = { ...lesson('f2-mutation-session'), view: { step: 42, tab: 'beta' } };
    env.map.set(AUTOSAVE_KEY, JSON.stringify(saved));
    await bootSession(useStore, createFakeBackend(), env);
    expect(useStore.getState().scenario.children.map((c) => c.name)).toEqual(['alpha', 'beta']);
    expect(useStore.getState().selectedTab).toBe('beta');
    expect(useStore.getState().pendingStep).toBe(42);
    expect(useStore.getState().sessionBanner).toBeNull();
  });

  it('a link opened over edited local work keeps that work in Recent work, restorable', async () => {
    const local = withSource(lesson('f1-cwd-env'), 'pipeline main() { spawn_agent("alpha") }');
    const linked = { ...lesson('panic-leak'), view: { step: 7, tab: null } };
    const env = fakeEnv(encodeLink(linked));
    env.map.set(AUTOSAVE_KEY, JSON.stringify(local));
    const backend = createFakeBackend();
    await bootSession(useStore, backend, env);
    expect(useStore.getState().scenario.run.mode).toBe('naive');
    const [entry] = useStore.getState().history;
    expect(entry).toMatchObject({ reason: 'replaced', pending: true, title: 'pipeline main() { spawn_agent("alpha") } — children alpha, beta' });
    expect(useStore.getState().sessionBanner).toEqual({ kind: 'kept', source: 'link', entryId: entry!.id, savedAt: entry!.savedAt });
    expect(JSON.parse(env.map.get(HISTORY_KEY)!)[0].scenario).toEqual(local);
    expect(env.cleared).toBe(1);
    expect(await restoreEntry(useStore, backend, env, entry!.id)).toBeNull();
    expect(useStore.getState().scenario.parent.source).toBe(local.parent.source);
    expect(useStore.getState().history).toHaveLength(0);
    expect(useStore.getState().sessionBanner).toBeNull();
  });

  it('edit → link → link → example: the edit can be restored, also after a reload', async () => {
    const env = fakeEnv();
    const backend = createFakeBackend();
    await bootSession(useStore, backend, env);
    act(() => useStore.getState().setSource('parent', '// my edit\npipeline main() { spawn_agent("alpha") }'));
    const edited = useStore.getState().scenario;
    const open = (scenario: Scenario, source: 'link' | 'example') => openOver(scenario, { ...useStore.getState().scenario }, source, useStore, env);
    open(lesson('f1-cwd-env'), 'link');
    open(lesson('f2-mutation-session'), 'link');
    open(lesson('panic-leak'), 'example');
    // Only the edit was kept: the two lessons opened over were untouched.
    expect(useStore.getState().history.map((e) => e.title)).toEqual(['// my edit — children alpha, beta']);
    // The page is left (a reload): the session is saved at once.
    const stop = startAutosave(useStore, backend, env);
    env.leave();
    stop();

    resetStore();
    await bootSession(useStore, backend, env);
    expect(useStore.getState().scenario.run.mode).toBe('naive');
    const [entry] = useStore.getState().history;
    expect(useStore.getState().sessionBanner).toMatchObject({ kind: 'kept', source: 'reload', entryId: entry!.id });
    expect(await restoreEntry(useStore, backend, env, entry!.id)).toBeNull();
    expect(useStore.getState().scenario.parent.source).toBe(edited.parent.source);
    // The lesson that was on screen was untouched, so restoring over it keeps nothing.
    expect(useStore.getState().history).toHaveLength(0);
  });

  it('opening F1 then F2 keeps nothing and shows no banner; editing, then opening a lesson, shows it once', async () => {
    const env = fakeEnv();
    await bootSession(useStore, createFakeBackend(), env);
    const open = (id: string) => openOver(lesson(id), { ...useStore.getState().scenario }, 'example', useStore, env);
    open('f1-cwd-env');
    act(() => useStore.getState().setRunMode('scoped'));
    open('f2-mutation-session');
    expect(useStore.getState().sessionBanner).toBeNull();
    expect(useStore.getState().history).toHaveLength(0);
    act(() => useStore.getState().setSource('alpha', '// changed\n'));
    open('lifo-interleaving');
    expect(useStore.getState().sessionBanner).toMatchObject({ kind: 'kept', source: 'example' });
    open('panic-leak');
    expect(useStore.getState().sessionBanner).toBeNull();
    expect(useStore.getState().history).toHaveLength(1);
  });

  it('keeps at most eight entries, newest first', async () => {
    const env = fakeEnv();
    await bootSession(useStore, createFakeBackend(), env);
    for (let i = 0; i < 10; i++) {
      act(() => useStore.getState().setSource('parent', `// edit ${i}\n`));
      openOver(lesson('f1-cwd-env'), { ...useStore.getState().scenario }, 'example', useStore, env);
    }
    expect(useStore.getState().history.map((e) => e.title.split(' ')[2])).toEqual(['9', '8', '7', '6', '5', '4', '3', '2']);
    expect(JSON.parse(env.map.get(HISTORY_KEY)!)).toHaveLength(8);
  });

  it.each([
    ['truncated', (link: string) => link.slice(0, Math.floor(link.length / 2)) + '!', 'not-base64'],
    ['not deflate', () => '#s=1.AAAAAAAAAAAA', 'not-deflate'],
    ['wrong version', (link: string) => link.replace('#s=1.', '#s=x.'), 'bad-version'],
    ['a future version', (link: string) => link.replace('#s=1.', '#s=9.'), 'future-version'],
    ['no payload', () => '#s=', 'no-payload'],
  ])('a bad link (%s) shows a banner naming the problem and leaves the autosave intact', async (_name, corrupt, kind) => {
    const local = withSource(lesson('f1-cwd-env'), 'pipeline main() { spawn_agent("alpha") }');
    const env = fakeEnv(corrupt(encodeLink(lesson('escalation'))));
    const raw = JSON.stringify(local);
    env.map.set(AUTOSAVE_KEY, raw);
    await bootSession(useStore, createFakeBackend(), env);
    expect(useStore.getState().sessionBanner).toMatchObject({ kind: 'bad-link', problem: kind });
    expect(useStore.getState().scenario.parent.source).toBe(local.parent.source);
    expect(env.map.get(AUTOSAVE_KEY)).toBe(raw);
  });

  it('an unreadable autosave goes to Recent work with a banner, and a link in the URL still opens', async () => {
    const env = fakeEnv(encodeLink(lesson('escalation')));
    env.map.set(AUTOSAVE_KEY, '{"version":1,"parent":{}}');
    await bootSession(useStore, createFakeBackend(), env);
    const [entry] = useStore.getState().history;
    expect(entry).toMatchObject({ reason: 'unreadable', raw: '{"version":1,"parent":{}}', scenario: null });
    expect(useStore.getState().sessionBanner).toMatchObject({ kind: 'bad-autosave', entryId: entry!.id });
    expect(useStore.getState().scenario.children.map((c) => c.name)).toEqual(lesson('escalation').children.map((c) => c.name));
  });

  it('a corrupt 3 MB autosave that storage has no room to copy holds the autosave until it is downloaded or discarded', async () => {
    vi.useFakeTimers();
    try {
      const env = fakeEnv();
      const big = `{${'x'.repeat(3_000_000)}`;
      env.map.set(AUTOSAVE_KEY, big);
      env.storage.setItem = (k: string, v: string) => {
        if (v.length > 1_000_000) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        env.map.set(k, v);
      };
      const backend = createFakeBackend();
      await bootSession(useStore, backend, env);
      expect(useStore.getState().sessionBanner).toMatchObject({ kind: 'bad-autosave', message: expect.stringMatching(/no room in storage/) });
      expect(useStore.getState().history[0]!.raw).toBe(big);
      expect(useStore.getState().storageProblem).toBe('full');
      const stop = startAutosave(useStore, backend, env);
      act(() => useStore.getState().setSource('parent', '// new work\n'));
      await vi.advanceTimersByTimeAsync(400);
      expect(env.map.get(AUTOSAVE_KEY)).toBe(big);
      act(() => useStore.getState().setAutosaveHeld(null));
      await vi.advanceTimersByTimeAsync(400);
      expect(savedRecord(env).scenario.parent.source).toBe('// new work\n');
      stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('an autosave that made the last boot fail is not opened again: it goes to Recent work', async () => {
    const env = fakeEnv();
    const saved = withSource(lesson('f1-cwd-env'), '// crashes\n');
    env.map.set(AUTOSAVE_KEY, JSON.stringify(saved));
    env.map.set(BOOTING_KEY, '1');
    await bootSession(useStore, createFakeBackend(), env);
    expect(useStore.getState().scenario.parent.source).not.toBe('// crashes\n');
    expect(useStore.getState().history[0]).toMatchObject({ reason: 'crashed', scenario: saved });
    expect(useStore.getState().sessionBanner).toMatchObject({ kind: 'bad-autosave', message: expect.stringMatching(/made the page fail to start/) });
    expect(env.map.has(BOOTING_KEY)).toBe(false);
  });

  it('blocked storage is a visible state, and the session still boots and opens links', async () => {
    const env = fakeEnv(encodeLink(lesson('panic-leak')));
    const blocked = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    env.storage = {
      getItem: blocked,
      setItem: blocked,
      removeItem: blocked,
      key: blocked,
      get length(): number {
        return blocked();
      },
    };
    await bootSession(useStore, createFakeBackend(), env);
    expect(useStore.getState().storageProblem).toBe('blocked');
    expect(useStore.getState().scenario.run.mode).toBe('naive');
    expect(useStore.getState().sessionReady).toBe(true);
  });
});

describe('autosave and share', () => {
  it('saves the session with its step after a change, and keeps the share link current', async () => {
    vi.useFakeTimers();
    try {
      const env = fakeEnv();
      const backend = createFakeBackend();
      await bootSession(useStore, backend, env);
      const stop = startAutosave(useStore, backend, env);
      act(() => useStore.getState().setSource('parent', 'pipeline main() { spawn_agent("alpha") }'));
      await vi.advanceTimersByTimeAsync(400);
      const saved = savedRecord(env).scenario;
      expect(saved.parent.source).toBe('pipeline main() { spawn_agent("alpha") }');
      expect(useStore.getState().shareLink?.url).toMatch(/^http:\/\/lab\.test\/#s=1\./);
      stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows the state in the address bar after an edit, a step and a layout change, and the layout travels in the link', async () => {
    vi.useFakeTimers();
    try {
      const shown: string[] = [];
      const env = { ...fakeEnv(), showFragment: (fragment: string) => void shown.push(fragment) };
      const backend = createFakeBackend();
      await bootSession(useStore, backend, env);
      const stop = startAutosave(useStore, backend, env);
      await vi.advanceTimersByTimeAsync(400);
      act(() => useStore.getState().setSource('parent', 'pipeline main() { spawn_agent("alpha") }'));
      act(() => useStore.setState({ stepIndex: 3 }));
      await vi.advanceTimersByTimeAsync(400);
      const afterEdit = shown[shown.length - 1]!;
      expect(afterEdit).toMatch(/^#s=1\./);
      await expect(backend.decodeLink(afterEdit)).resolves.toMatchObject({ value: { view: { step: 3 } } });
      act(() => useStore.getState().setLayout('lesson'));
      await vi.advanceTimersByTimeAsync(400);
      const lesson = (await backend.decodeLink(shown[shown.length - 1]!)).value!;
      expect(lesson.view.layout).toBeUndefined();
      act(() => useStore.getState().setLayout('policy'));
      await vi.advanceTimersByTimeAsync(400);
      expect((await backend.decodeLink(shown[shown.length - 1]!)).value?.view.layout).toBe('policy');
      stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('Share shows a link that holds the step and its length against the budget', async () => {
    act(() => {
      useStore.getState().loadScenario(lesson('f1-cwd-env'));
      useStore.setState({ stepIndex: 17 });
    });
    const backend = createFakeBackend();
    renderWithBackend(<ShareButton />, backend);
    await userEvent.click(screen.getByRole('button', { name: 'Share' }));
    const field = await screen.findByRole('textbox', { name: 'Share link' });
    const url = (field as HTMLInputElement).value;
    expect(screen.getByText(new RegExp(`^${url.length.toLocaleString('en-US')}/2,000`))).toBeInTheDocument();
    const decoded = await backend.decodeLink(url);
    expect(decoded.value?.view.step).toBe(17);
  });
});

describe('share links from the worker', () => {
  it.each([
    ['a link', { value: '#s=1.abc_-9', error: null }, { value: '#s=1.abc_-9', error: null }],
    ['a refusal', { value: null, error: 'This session cannot be shared or reopened: too long.' }, { value: null, error: 'This session cannot be shared or reopened: too long.' }],
    ['a string that is not a link', { value: 'javascript:alert(1)', error: null }, { value: null, error: expect.stringMatching(/not a link/) }],
    ['not an object', 42, { value: null, error: expect.stringMatching(/not a link/) }],
  ])('takes %s as the page may use it', async (_name, reply, expected) => {
    const backend = { ...createFakeBackend(), shareLinkOf: () => Promise.resolve(reply as never) };
    expect(await requestShareLink(backend, lesson('f1-cwd-env'))).toEqual(expected);
  });

  it('turns a failing worker into an error, never a link', async () => {
    const backend = { ...createFakeBackend(), shareLinkOf: () => Promise.reject(new Error('worker gone')) };
    expect(await requestShareLink(backend, lesson('f1-cwd-env'))).toEqual({ value: null, error: 'The link could not be made: worker gone' });
  });

  it('refuses to share a session the loader would refuse, with the reason', async () => {
    const over = withSource(lesson('f1-cwd-env'), 'x'.repeat(200_001));
    const link = await requestShareLink(createFakeBackend(), over);
    expect(link.value).toBeNull();
    expect(link.error).toMatch(/^This session cannot be shared or reopened: parent\.source/);
  });
});

describe('examples gallery', () => {
  it('lists the eleven lessons (scope, then policy) and the challenges, and opens a lesson at its point, keeping the work on screen', async () => {
    act(() => useStore.getState().setSource('parent', 'pipeline main() { spawn_agent("alpha") }'));
    const backend = createFakeBackend();
    renderWithBackend(<ExamplesMenu />, backend);
    const before = useStore.getState().scenario;
    await userEvent.click(screen.getByRole('button', { name: /Examples/ }));
    const gallery = await screen.findByRole('dialog', { name: 'Examples' });
    await waitFor(() => expect(within(gallery).getAllByRole('button')).toHaveLength(11 + CHALLENGES.length));
    const lessonsIn = (name: string) => within(within(gallery).getByRole('region', { name })).getAllByRole('button');
    expect(lessonsIn('Scope lessons').length + lessonsIn('Policy lessons').length).toBe(11);
    expect(lessonsIn('Challenges: play the scheduler')).toHaveLength(CHALLENGES.length);
    const panic = within(gallery).getByRole('button', { name: /Panic without a restore guard/ });
    expect(panic).toHaveTextContent(/Watch alpha panic/);
    await userEvent.click(panic);
    expect(useStore.getState().scenario.run.mode).toBe('naive');
    expect(useStore.getState().pendingStep).toBe(lesson('panic-leak').view.step);
    expect(useStore.getState().history[0]?.scenario).toEqual(expect.objectContaining({ parent: before.parent }));
    expect(useStore.getState().sessionBanner).toMatchObject({ kind: 'kept', source: 'example' });
    expect(screen.queryByRole('dialog', { name: 'Examples' })).toBeNull();
  });

  it('opening an example over the untouched default session shows no restore banner', async () => {
    renderWithBackend(<ExamplesMenu />);
    await userEvent.click(screen.getByRole('button', { name: /Examples/ }));
    await userEvent.click(await screen.findByRole('button', { name: /Three-way fan-out/ }));
    expect(useStore.getState().scenario.children).toHaveLength(3);
    expect(useStore.getState().sessionBanner).toBeNull();
  });
});
