// @vitest-environment jsdom
// Nothing stale after a failure (issue 24, acceptance 3 and 7): when the analysis of the current sources fails, no
// row, count or "No violations" of the previous analysis stays on screen — the ledger, its folded summary and the
// verdict say unknown — and while an analysis or a run is pending nothing claims clean.
import { act, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { startAnalysisSync } from '../../../src/state/sync/analysis.ts';
import { resetStore, useStore } from '../../../src/state/store.ts';
import PolicyColumn from '../../../src/ui/ledger/PolicyColumn.tsx';
import { LedgerSummary, RunVerdict } from '../../../src/ui/shell/FoldSummaries.tsx';
import { fakeBackend } from '../../ui/fakeBackend.ts';

vi.mock('../../../src/worker/client.ts', async () => {
  const { fakeBackend: backend } = await import('../../ui/fakeBackend.ts');
  return { getCoreClient: () => backend };
});

beforeEach(() => {
  resetStore();
});

function Screen() {
  return (
    <>
      <p data-testid="summary">
        <LedgerSummary />
      </p>
      <p data-testid="verdict">
        <RunVerdict />
      </p>
      <PolicyColumn />
    </>
  );
}

describe('after a failed analysis', () => {
  it('drops every row, count and "No violations" of the previous analysis and says the decisions are unknown', async () => {
    // A backend that answers once (the fake backend: real core), then fails as a bug in core would.
    let fail = false;
    const stop = startAnalysisSync({
      analyzeScenario: async (input, have) => {
        if (fail) throw new Error('RangeError: forced failure');
        return fakeBackend.analyzeScenario(input, have);
      },
    });
    act(() => useStore.getState().selectTab('alpha'));
    render(<Screen />);
    await waitFor(() => expect(screen.getByRole('region', { name: /Granted/ })).toBeInTheDocument());
    const before = useStore.getState().analysis!;
    expect(before.children).toHaveLength(2);
    expect(screen.getByTestId('summary')).toHaveTextContent(/granted/);

    fail = true;
    act(() => useStore.getState().setSource('alpha', 'pipeline main() {\n  write_file("x.txt", "y")\n}\n'));
    await waitFor(() => expect(useStore.getState().analysisError).toContain('forced failure'));
    expect(useStore.getState().analysis).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('Decisions unknown: the analysis failed.');
    expect(screen.queryByRole('region', { name: /Granted|Violations|Not in the handoff/ })).toBeNull();
    expect(screen.queryByText(/No violations/)).toBeNull();
    expect(screen.queryByText(/harn sees every effectful call/)).toBeNull();
    expect(screen.getByTestId('summary')).toHaveTextContent('Effects ledger: decisions unknown: the analysis failed');
    for (const name of before.children.map((c) => c.name)) expect(screen.getByTestId('summary')).not.toHaveTextContent(`${name} `);
    // The verdict has no run of the current sources: unknown, never a clean sentence.
    expect(screen.getByTestId('verdict')).toHaveTextContent(/unknown/);
    // The sources the user wrote are kept (the autosave reads the scenario, which stays whole).
    expect(useStore.getState().scenario.children.find((c) => c.name === 'alpha')!.source).toContain('x.txt');

    // The next good reply brings the ledger back, for the current sources.
    fail = false;
    act(() => useStore.getState().setSource('alpha', 'pipeline main() {\n  read_file("x.txt")\n}\n'));
    await waitFor(() => expect(screen.getByRole('region', { name: /Granted/ })).toHaveTextContent('fs:read (x.txt)'));
    stop();
  });

  it('claims neither "No violations" nor "harn sees every effectful call" while the analysis of the current sources is pending', async () => {
    let release: () => void = () => undefined;
    let hold = false;
    const stop = startAnalysisSync({
      analyzeScenario: async (input, have) => {
        if (hold) await new Promise<void>((resolve) => (release = resolve));
        return fakeBackend.analyzeScenario(input, have);
      },
    });
    act(() => useStore.getState().selectTab('alpha'));
    render(<Screen />);
    await waitFor(() => expect(screen.getByRole('region', { name: /Not in the handoff/ })).toBeInTheDocument());
    hold = true;
    act(() => useStore.getState().setSource('alpha', 'pipeline main() {\n  yield_now()\n}\n'));
    await waitFor(() => expect(useStore.getState().analysisAnsweredId).toBeLessThan(useStore.getState().analysisRequestId));
    expect(screen.queryByText(/No violations/)).toBeNull();
    expect(screen.queryByText(/harn sees every effectful call/)).toBeNull();
    expect(screen.getAllByText('Unknown until the analysis of the current sources finishes…')).toHaveLength(2);
    act(() => release());
    await waitFor(() => expect(screen.getByText(/harn sees every effectful call/)).toBeInTheDocument());
    stop();
  });
});
