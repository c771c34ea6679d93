// @vitest-environment jsdom
// The app shell with a fake worker and a mocked Monaco: the source is shown before the editor loads, the tabs
// work with the keyboard, children can be added and renamed, and clicking a diagnostic asks the editor to reveal it.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetStore, useStore } from '../../src/state/store.ts';
import App from '../../src/ui/App.tsx';
import { resetSessionBoot } from '../../src/ui/share/startSession.ts';

vi.mock('../../src/worker/client.ts', async () => {
  const { fakeBackend } = await import('./fakeBackend.ts');
  return { getCoreClient: () => fakeBackend };
});
// The run side's components are tested in test/ui/run; here they are stand-ins so this file tests the editor side.
vi.mock('../../src/ui/run/RunPanel.tsx', () => ({ default: () => <section aria-label="Run" /> }));
vi.mock('../../src/ui/share/ShareButton.tsx', () => ({ default: () => null }));
vi.mock('../../src/ui/examples/ExamplesMenu.tsx', () => ({ default: () => null }));
vi.mock('@monaco-editor/react', () => ({
  // Uncontrolled, as the real editor is: it starts from defaultValue and reports each change.
  default: (p: { path?: string; defaultValue?: string; onChange?: (v: string | undefined) => void }) => (
    <textarea key={p.path} data-testid="monaco-mock" defaultValue={p.defaultValue} onChange={(e) => p.onChange?.(e.target.value)} />
  ),
  loader: { config: vi.fn() },
}));
vi.mock('../../src/ui/editor/setup.ts', () => ({ monaco: { editor: { getModel: () => null, getModels: () => [], setModelMarkers: vi.fn() }, Uri: { parse: (s: string) => ({ toString: () => s }) } } }));

/** Renders the app and waits until its session has booted (the page shows a loading line until then). Each test
 * boots afresh, from nothing saved. */
/** Renders the app until the session is on screen; `whole`: and its lazy panels too. */
async function renderApp({ whole = true } = {}) {
  resetSessionBoot();
  localStorage.clear();
  render(<App />);
  await waitFor(() => expect(useStore.getState().sessionReady).toBe(true));
  if (!whole) return;
  // The program tabs and the problem list are in chunks of their own (panels.ts): on screen once those have loaded.
  await screen.findByRole('tablist', { name: 'Programs' });
  await screen.findByRole('region', { name: /Diagnostics/ });
}

beforeEach(() => resetStore());

describe('app shell', () => {
  it('shows the parent source read-only before the editor has loaded', async () => {
    await renderApp({ whole: false });
    expect(screen.getByLabelText('Source of parent (read-only)')).toHaveTextContent('pipeline main()');
  });

  it('moves between program tabs with the arrow keys', async () => {
    await renderApp();
    const parent = screen.getByRole('tab', { name: /parent/ });
    parent.focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(useStore.getState().selectedTab).toBe('alpha');
    await userEvent.keyboard('{End}');
    expect(useStore.getState().selectedTab).toBe('beta');
    await userEvent.keyboard('{ArrowRight}');
    expect(useStore.getState().selectedTab).toBe('parent');
  });

  it('adds a child and renames it, explaining a refused name', async () => {
    await renderApp();
    await userEvent.click(screen.getByRole('button', { name: 'Add a child' }));
    expect(screen.getByRole('tab', { name: /gamma/, selected: true })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Rename' }));
    const input = screen.getByLabelText('New name for gamma');
    await userEvent.clear(input);
    await userEvent.type(input, 'alpha{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent('There is already a child named "alpha".');
    await userEvent.clear(input);
    await userEvent.type(input, 'fetcher{Enter}');
    expect(screen.getByRole('tab', { name: /fetcher/, selected: true })).toBeInTheDocument();
  });

  it('lists diagnostics from the worker and reveals one when clicked', async () => {
    await renderApp();
    const panel = screen.getByRole('region', { name: /Diagnostics/ });
    const item = await within(panel).findByText(/net:write \(https:\/\/example\.com\) escapes the parent grant/);
    await userEvent.click(item);
    await waitFor(() => expect(useStore.getState().revealRequest?.tab).toBe('beta'));
    expect(useStore.getState().selectedTab).toBe('beta');
  });

  it('edits in the editor reach the store and the analysis follows', async () => {
    await renderApp();
    await userEvent.click(screen.getByRole('tab', { name: /beta/ }));
    const editor = await screen.findByTestId('monaco-mock');
    await userEvent.clear(editor);
    await userEvent.type(editor, 'pipeline main() {{ let x = read_file("notes.txt") }');
    await waitFor(() => expect(useStore.getState().analysis?.children[1]?.violations).toEqual([]));
  });
});
