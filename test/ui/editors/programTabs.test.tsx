// @vitest-environment jsdom
// A child the parent's code does not spawn (added with "+" beside `spawn_agent("alpha")`, `spawn_agent("beta")`) is
// said to be spawned by the playground on its tab, in core's sentence, and only from an analysis of the current
// programs.
import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetStore, useStore } from '../../../src/state/store.ts';
import ProgramTabs from '../../../src/ui/editors/ProgramTabs.tsx';
import { seedAnalysis } from '../seedAnalysis.ts';

vi.mock('../../../src/worker/client.ts', async () => {
  const { fakeBackend: backend } = await import('../fakeBackend.ts');
  return { getCoreClient: () => backend };
});

beforeEach(() => {
  resetStore();
});

/** Adds a child with "+" (the default parent spawns "alpha" and "beta" only), analyzes, renders the tabs. */
function addedChild(): string {
  let added = '';
  act(() => {
    added = useStore.getState().addChild()!;
    seedAnalysis();
  });
  render(<ProgramTabs />);
  return added;
}

describe('program tabs', () => {
  it('mark a child the parent does not spawn, and say who spawns it on its tab', () => {
    const added = addedChild();
    expect(screen.getByRole('tab', { name: new RegExp(`^${added}\\s?\\(playground\\)$`) })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('note')).toHaveTextContent(`${added} is spawned by the playground: parent's code spawns "alpha" and "beta", not "${added}".`);
    expect(screen.getByRole('tab', { name: 'alpha' })).toBeInTheDocument();
    // Another tab: no note; the mark stays on the added child's tab.
    act(() => useStore.getState().selectTab('alpha'));
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('say nothing once the parent spawns it, nor while the analysis of an edit is pending', () => {
    const added = addedChild();
    expect(screen.getByRole('note')).toBeInTheDocument();
    const parent = useStore.getState().scenario.parent.source.replace('spawn_agent("beta")', `spawn_agent("beta")\n  spawn_agent("${added}")`);
    act(() => {
      useStore.getState().setSource('parent', parent);
      useStore.getState().beginAnalysis();
    });
    expect(screen.queryByRole('note')).toBeNull();
    expect(screen.queryByText('(playground)')).toBeNull();
    act(() => seedAnalysis());
    expect(screen.queryByRole('note')).toBeNull();
    expect(screen.getByRole('tab', { name: added })).toBeInTheDocument();
  });
});
