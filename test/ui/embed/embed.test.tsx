// @vitest-environment jsdom
// The embed against a fake worker client: after a change of the fragment alone it loads the new run; a bad link
// opened that way is reported for what it is; an address with no link says so; it never touches storage.
import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeLink } from '../../../src/core/index.ts';
import { resetStore, useStore } from '../../../src/state/store.ts';
import EmbedApp from '../../../src/ui/embed/EmbedApp.tsx';
import { lesson, renderWithRunLoop } from '../run/fakeBackend.tsx';

function goTo(hash: string): void {
  act(() => {
    window.history.replaceState(null, '', `/?embed${hash}`);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}

const storageWrites = vi.fn();

beforeEach(() => {
  resetStore();
  localStorage.clear();
  sessionStorage.clear();
  storageWrites.mockClear();
  vi.spyOn(Storage.prototype, 'setItem').mockImplementation(storageWrites);
  vi.spyOn(Storage.prototype, 'removeItem').mockImplementation(storageWrites);
});

afterEach(() => {
  vi.restoreAllMocks();
  window.history.replaceState(null, '', '/');
});

describe('embed', () => {
  it('loads the run of a fragment that changes after it opened, and never writes storage', async () => {
    window.history.replaceState(null, '', `/?embed${encodeLink(lesson('f1-cwd-env'))}`);
    renderWithRunLoop(<EmbedApp />);
    await waitFor(() => expect(useStore.getState().scenario.children.map((c) => c.name)).toEqual(lesson('f1-cwd-env').children.map((c) => c.name)));
    goTo(encodeLink(lesson('panic-leak')));
    await waitFor(() => expect(useStore.getState().scenario.run.mode).toBe('naive'));
    expect(useStore.getState().scenario.children.map((c) => c.name)).toEqual(lesson('panic-leak').children.map((c) => c.name));
    expect(storageWrites).not.toHaveBeenCalled();
  });

  it('a bad link opened by a fragment change is reported for what it is, and a good one after it shows its run', async () => {
    window.history.replaceState(null, '', '/?embed');
    renderWithRunLoop(<EmbedApp />);
    expect(await screen.findByRole('alert')).toHaveTextContent('This embed cannot show a run: its address holds no link (an embed address ends in a share link\'s "#s=…").');
    goTo('#s=9.AAAA');
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(/newer Harn Scope Lab \(version 9\)/));
    expect(screen.getByRole('alert')).not.toHaveTextContent(/empty/);
    goTo(`${encodeLink(lesson('escalation'))}&embed=1`);
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(useStore.getState().scenario.children.map((c) => c.name)).toEqual(lesson('escalation').children.map((c) => c.name));
    expect(storageWrites).not.toHaveBeenCalled();
  });
});
