// @vitest-environment jsdom
// Error boundaries (issue "Hardening: no input blanks the page"): a pane that throws while rendering shows what
// failed in its place, keeps the rest of the page, resets on request, and notes the failure for the boot guard.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetStore, useStore } from '../../../src/state/store.ts';
import { BOOTING_KEY } from '../../../src/ui/share/session.ts';
import PaneBoundary from '../../../src/ui/shell/PaneBoundary.tsx';

let shouldThrow = true;
function Fragile() {
  if (shouldThrow) throw new Error('t is not iterable');
  return <p>the pane works</p>;
}

beforeEach(() => {
  resetStore();
  localStorage.clear();
  shouldThrow = true;
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

describe('PaneBoundary', () => {
  it('shows what failed in the pane, keeps its siblings, and resets the pane', async () => {
    render(
      <>
        <PaneBoundary name="effects ledger">
          <Fragile />
        </PaneBoundary>
        <p>a sibling pane</p>
      </>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('The effects ledger failed to show this session. (t is not iterable)');
    expect(screen.getByText('a sibling pane')).toBeInTheDocument();
    expect(localStorage.getItem(BOOTING_KEY)).toBe('1');
    shouldThrow = false;
    await userEvent.click(screen.getByRole('button', { name: 'Reset this pane' }));
    expect(screen.getByText('the pane works')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('around the whole app, keeps every program source visible and offers the download', () => {
    useStore.getState().setSource('alpha', 'pipeline main() { read_file("kept.txt") }');
    render(
      <PaneBoundary name="app" whole>
        <Fragile />
      </PaneBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Harn Scope Lab failed to show this session.');
    expect(screen.getByLabelText('Source of alpha (read-only)')).toHaveTextContent('read_file("kept.txt")');
    expect(screen.getByRole('button', { name: 'Download my work' })).toBeInTheDocument();
  });
});
