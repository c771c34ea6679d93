// @vitest-environment jsdom
// The policy parts of the ledger against a seeded store: the pinned-policy comparison lists what an edit of a
// ceiling changed for a child, and the kept CapabilityPolicy fields show in the form.
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetStore, useStore } from '../../../src/state/store.ts';
import PolicyColumn from '../../../src/ui/ledger/PolicyColumn.tsx';
import { seedAnalysis } from '../seedAnalysis.ts';
import { usePinStore } from '../../../src/ui/ledger/pinnedPolicy.ts';

vi.mock('../../../src/worker/client.ts', async () => {
  const { fakeBackend: backend } = await import('../fakeBackend.ts');
  return { getCoreClient: () => backend };
});

beforeEach(() => {
  resetStore();
  usePinStore.getState().unpin();
});

describe('compare with pinned policies', () => {
  it('pins, then lists the newly dropped effect after the ceiling is tightened', async () => {
    act(() => {
      useStore.getState().selectTab('alpha');
      useStore.getState().setCeiling('alpha', null);
      seedAnalysis();
    });
    render(<PolicyColumn />);
    const panel = screen.getByRole('region', { name: 'Compare policies' });
    await userEvent.click(within(panel).getByRole('button', { name: 'Pin current policies' }));
    expect(panel).toHaveTextContent('No decision changed since the pin.');
    act(() => {
      useStore.getState().setCeiling('alpha', { tools: [], capabilities: {}, side_effect_level: 'read_only' });
      seedAnalysis();
    });
    expect(screen.getByRole('region', { name: 'Compare policies' })).toHaveTextContent('alphanewly dropped: fs:write (summary.txt)');
  });

  it('shows the CapabilityPolicy fields the clamp does not read as kept', () => {
    act(() => {
      useStore.getState().selectTab('alpha');
      useStore.getState().setCeiling('alpha', { tools: ['search'], capabilities: {}, workspace_roots: ['/repo'], side_effect_level: null, recursion_limit: 3 });
      seedAnalysis();
    });
    render(<PolicyColumn />);
    const kept = screen.getByLabelText('Fields kept, not used by the effect clamp');
    expect(kept).toHaveTextContent('workspace_roots: /repo');
    expect(kept).toHaveTextContent('recursion_limit: 3');
    expect(screen.getByLabelText(/Tools \(comma-separated; kept, not used by the effect clamp\)/)).toHaveValue('search');
  });
});
