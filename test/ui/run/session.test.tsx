// @vitest-environment jsdom
// Session boot, autosave, share and examples against a fake worker client and fake storage/location.
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeLink, type Scenario } from '../../../src/core/index.ts';
import { resetStore, useStore } from '../../../src/state/store.ts';
import ExamplesMenu from '../../../src/ui/examples/ExamplesMenu.tsx';
import { AUTOSAVE_KEY, bootSession, PREVIOUS_KEY, restorePreviousSession, startAutosave, UNREADABLE_KEY, type SessionEnv } from '../../../src/ui/share/session.ts';
import ShareButton from '../../../src/ui/share/ShareButton.tsx';
import { createFakeBackend, lesson, renderWithBackend } from './fakeBackend.tsx';

function fakeEnv(hash = ''): SessionEnv & { map: Map<string, string>; cleared: number } {
  const map = new Map<string, string>();
  const env = {
    map,
    cleared: 0,
    storage: {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
      removeItem: (k: string) => void map.delete(k),
    },
    location: { hash, origin: 'http://lab.test', pathname: '/', search: '' },
    clearHash: () => {
      env.cleared++;
    },
  };
  return env;
}

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

  it('a link opened over different local work keeps that work restorable', async () => {
    const local = withSource(lesson('f1-cwd-env'), 'pipeline main() { spawn_agent("alpha") }');
    const linked = { ...lesson('panic-leak'), view: { step: 7, tab: null } };
    const env = fakeEnv(encodeLink(linked));
    env.map.set(AUTOSAVE_KEY, JSON.stringify(local));
    await bootSession(useStore, createFakeBackend(), env);
    expect(useStore.getState().scenario.run.mode).toBe('naive');
    expect(useStore.getState().sessionBanner).toEqual({ kind: 'previous-session', source: 'link' });
    expect(JSON.parse(env.map.get(PREVIOUS_KEY)!)).toEqual(local);
    expect(env.cleared).toBe(1);
    restorePreviousSession(useStore, env);
    expect(useStore.getState().scenario.parent.source).toBe(local.parent.source);
    expect(useStore.getState().sessionBanner).toBeNull();
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

  it('an unreadable autosave is kept aside and reported, never silently replaced', async () => {
    const env = fakeEnv();
    env.map.set(AUTOSAVE_KEY, '{"version":1,"parent":{}}');
    await bootSession(useStore, createFakeBackend(), env);
    expect(env.map.get(UNREADABLE_KEY)).toBe('{"version":1,"parent":{}}');
    expect(useStore.getState().sessionBanner).toMatchObject({ kind: 'bad-autosave' });
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
      const saved = JSON.parse(env.map.get(AUTOSAVE_KEY)!) as Scenario;
      expect(saved.parent.source).toBe('pipeline main() { spawn_agent("alpha") }');
      expect(useStore.getState().shareLink?.url).toMatch(/^http:\/\/lab\.test\/#s=1\./);
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

describe('examples gallery', () => {
  it('lists the ten lessons with their explanations and opens one at its point, keeping the work on screen', async () => {
    act(() => useStore.getState().setSource('parent', 'pipeline main() { spawn_agent("alpha") }'));
    const backend = createFakeBackend();
    renderWithBackend(<ExamplesMenu />, backend);
    const before = useStore.getState().scenario;
    await userEvent.click(screen.getByRole('button', { name: /Examples/ }));
    const gallery = await screen.findByRole('dialog', { name: 'Examples' });
    await waitFor(() => expect(within(gallery).getAllByRole('button')).toHaveLength(10));
    const panic = within(gallery).getByRole('button', { name: /Panic without a restore guard/ });
    expect(panic).toHaveTextContent(/Watch alpha panic/);
    await userEvent.click(panic);
    expect(useStore.getState().scenario.run.mode).toBe('naive');
    expect(useStore.getState().pendingStep).toBe(lesson('panic-leak').view.step);
    expect(useStore.getState().previousSession).toEqual(expect.objectContaining({ parent: before.parent }));
    expect(useStore.getState().sessionBanner).toEqual({ kind: 'previous-session', source: 'example' });
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
