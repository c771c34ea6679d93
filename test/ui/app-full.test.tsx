// @vitest-environment jsdom
// The whole app in jsdom with the real run panel, explorer and header (only Monaco and the worker are stand-ins:
// the core runs in-process): it renders, analyzes and simulates, and steps.
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetStore, useStore } from '../../src/state/store.ts';
import App from '../../src/ui/App.tsx';
import { resetSessionBoot } from '../../src/ui/share/startSession.ts';
import { WORKER_RESTARTED_MESSAGE, WORKER_STOPPED_MESSAGE } from '../../src/ui/shell/WorkerStatus.tsx';
import { setWorkerHealth } from '../../src/worker/health.ts';

// The factory must not import test/ui/run/fakeBackend.tsx: that imports src/ui/run/backend.ts, which imports this
// very module, so the mock would wait on itself and the file would hang before its first test (the "full App
// hangs in jsdom" report). Core only, in-process, like the worker.
vi.mock('../../src/worker/client.ts', async () => {
  const { fakeBackend } = await import('./fakeBackend.ts');
  const core = await import('../../src/core/index.ts');
  const scheduler = await import('../../src/core/scheduler/index.ts');
  const backend = {
    ...fakeBackend,
    simulate: async (scenario: Parameters<typeof scheduler.simulate>[0]) => scheduler.simulate(scenario),
    simulateAt: async (scenario: Parameters<typeof scheduler.simulate>[0], moment: Parameters<typeof scheduler.landOn>[1] | null) => {
      const result = scheduler.simulate(scenario);
      return { ...result, landing: moment === null ? null : scheduler.landOn(scheduler.indexMoments(result.steps), moment) };
    },
    compareScenario: async (scenario: Parameters<typeof scheduler.simulate>[0], contrastId: string | null = null) => core.compareWithContrast(scenario, contrastId),
    slotCatalog: async () => scheduler.AMBIENT_THREAD_LOCAL_CATALOG,
    examples: async () => core.EXAMPLES,
    gallery: async () => core.GALLERY,
    goalStatus: async (scenario: Parameters<typeof core.scenarioGoalStatus>[0]) => core.scenarioGoalStatus(scenario),
    goalSolution: async (scenario: Parameters<typeof core.scenarioGoalSolution>[0]) => core.scenarioGoalSolution(scenario),
    shareLinkOf: async (scenario: unknown) => core.shareLinkOf(scenario),
    decodeLink: async (text: string) => core.decodeLink(text),
    loadScenario: async (input: unknown) => core.loadScenario(input),
  };
  return { getCoreClient: () => backend };
});
vi.mock('@monaco-editor/react', () => ({
  // Uncontrolled, as the real editor is: it starts from defaultValue and reports each change.
  default: (p: { path?: string; defaultValue?: string; onChange?: (v: string | undefined) => void }) => (
    <textarea key={p.path} data-testid="monaco-mock" defaultValue={p.defaultValue} onChange={(e) => p.onChange?.(e.target.value)} />
  ),
  loader: { config: vi.fn() },
}));
vi.mock('../../src/ui/editor/setup.ts', () => ({
  monaco: {
    editor: { getModel: () => null, getModels: () => [], setModelMarkers: vi.fn() },
    Uri: { parse: (s: string) => ({ toString: () => s }) },
  },
}));

/** Renders the app and waits until its session has booted (the page shows a loading line until then). Each test
 * boots afresh, from nothing saved. */
async function renderApp() {
  resetSessionBoot();
  localStorage.clear();
  render(<App />);
  await waitFor(() => expect(useStore.getState().sessionReady).toBe(true));
}

beforeEach(() => {
  resetStore();
  setWorkerHealth({ kind: 'running', restarts: 0 });
});

describe('the whole app', () => {
  it('renders with the real run panel, simulates the default scenario and steps', async () => {
    await renderApp();
    expect(await screen.findByText(/^step 1 \/ \d+$/, {}, { timeout: 10000 })).toBeInTheDocument();
    const narration = document.querySelector('.narration')?.textContent;
    // The default scenario opens in the Policy layout, the scheduler folded to its verdict line.
    expect(screen.getByText(/^Scheduler \(scoped\):/).closest('.fold-bar')).toHaveTextContent(/Finished in \d+ steps/);
    expect(screen.queryByRole('button', { name: 'Step' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Show the stepper' }));
    await userEvent.click(screen.getByRole('button', { name: 'Step' }));
    expect(await screen.findByText(/^step 2 \/ \d+$/)).toBeInTheDocument();
    expect(document.querySelector('.narration')?.textContent).not.toBe(narration);
    expect(
      // The ledger is a lazy chunk (loaded on first render).
      await screen.findByRole('heading', { name: 'What parent grants its children' }, { timeout: 10000 }),
    ).toBeInTheDocument();
  });

  it('opens a lesson from the Examples gallery and gives focus back to the Examples button', async () => {
    await renderApp();
    await screen.findByText(/^step 1 \/ \d+$/, {}, { timeout: 10000 });
    const toggle = screen.getByRole('button', { name: /Examples/ });
    await userEvent.click(toggle);
    const gallery = await screen.findByRole('dialog', { name: 'Examples' });
    await userEvent.click(await within(gallery).findByRole('button', { name: /F1: working directory/ }));
    expect(screen.queryByRole('dialog', { name: 'Examples' })).not.toBeInTheDocument();
    expect(toggle).toHaveFocus();
    // The lesson's programs are in the store (the real editor's models follow it: test/ui/editor/modelSync.test.ts, e2e).
    await waitFor(() => expect(useStore.getState().scenario.parent.source).toContain('parallel each'));
  });

  it('shows the worker message after a restart, hides it when dismissed, and shows it again on the next restart', async () => {
    await renderApp();
    const status = () => screen.getAllByRole('status').find((el) => el.classList.contains('worker-status'))!;
    expect(status()).toBeEmptyDOMElement();
    act(() => setWorkerHealth({ kind: 'restarted', reason: 'crashed', restarts: 1 }));
    expect(status()).toHaveTextContent(WORKER_RESTARTED_MESSAGE);
    await userEvent.click(within(status()).getByRole('button', { name: 'Dismiss' }));
    expect(status()).toBeEmptyDOMElement();
    act(() => setWorkerHealth({ kind: 'restarted', reason: 'hung', restarts: 2 }));
    expect(status()).toHaveTextContent(WORKER_RESTARTED_MESSAGE);
    act(() => setWorkerHealth({ kind: 'stopped', reason: 'hung', restarts: 3 }));
    expect(status()).toHaveTextContent(WORKER_STOPPED_MESSAGE);
  });
});
