// @vitest-environment jsdom
// The Catalog view against the store and an in-process fake worker: the F3 lesson's added slot is flagged with
// the guard's missing message until decided, deciding Captured clears both and changes the run's capture set,
// "Add a thread-local" shows the schema's error naming the field, and dropped files are listed.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { EXAMPLES, loadScenario, scenarioCatalogView, scenarioDriftOfFiles } from '../../../src/core/index.ts';
import { resetStore, useStore } from '../../../src/state/store.ts';
import { startCatalogSync } from '../../../src/state/sync/catalog.ts';
import { CoreClientContext, type CoreClient } from '../../../src/ui/coreClient.ts';
import { fakeClient } from '../../helpers/client.ts';
import CatalogPanel from '../../../src/ui/catalog/CatalogPanel.tsx';

const fake: Pick<CoreClient, 'scenarioCatalogView' | 'scenarioDriftOfFiles' | 'loadScenario'> = {
  scenarioCatalogView: async (scenario) => scenarioCatalogView(scenario),
  scenarioDriftOfFiles: async (scenario, files) => scenarioDriftOfFiles(scenario, files),
  loadScenario: async (input) => loadScenario(input),
};

/** The panel, with the catalog loop running (as startApp runs it) until the test ends. */
function renderPanel() {
  onTestFinished(startCatalogSync(fake));
  return render(
    <CoreClientContext.Provider value={fakeClient(fake)}>
      <CatalogPanel />
    </CoreClientContext.Provider>,
  );
}

const f3 = EXAMPLES.find((e) => e.id === 'f3-forcing-function')!.scenario;

beforeEach(() => {
  resetStore();
});

describe('the Catalog view', () => {
  it('flags the F3 slot with the guard message until it is decided Captured', async () => {
    act(() => useStore.getState().loadScenario(f3));
    renderPanel();
    const card = await screen.findByRole('group', { name: 'EGRESS_TENANT_STACK' });
    expect(within(card).getByRole('status').textContent).toMatch(/Not classified: the drift guard fails/);
    await screen.findByText(/\["EGRESS_TENANT_STACK"\]\. Decide whether each must be Captured/);
    expect(screen.getByText('29 slots: 13 Captured, 15 Uncaptured, 1 not classified')).toBeTruthy();

    await userEvent.click(within(card).getByRole('radio', { name: 'Captured' }));
    await screen.findByText('clean: every ambient-shape thread-local is classified');
    expect(within(card).queryByRole('status')).toBeNull();
    expect(useStore.getState().scenario.slots![0]!.scoping).toBe('captured');
  });

  it('keeps Uncaptured flagged until a reason is written', async () => {
    act(() => useStore.getState().loadScenario(f3));
    renderPanel();
    const card = await screen.findByRole('group', { name: 'EGRESS_TENANT_STACK' });
    await userEvent.click(within(card).getByRole('radio', { name: 'Uncaptured' }));
    expect(within(card).getByRole('status')).toBeTruthy();
    await userEvent.type(within(card).getByRole('textbox'), 'egress only');
    await screen.findByText('clean: every ambient-shape thread-local is classified');
  });

  it('adds a thread-local, or names the field and the rule when the name is wrong', async () => {
    renderPanel();
    const input = screen.getByRole('textbox', { name: /New thread-local/ });
    await userEvent.type(input, 'TENANT_CACHE');
    await userEvent.click(screen.getByRole('button', { name: 'Add a thread-local' }));
    await screen.findByText(/^slots\[0\]\.name: "TENANT_CACHE" does not have the ambient shape/);
    expect(useStore.getState().scenario.slots).toBeUndefined();
    await userEvent.clear(input);
    await userEvent.type(input, 'ACTIVE_BILLING_TENANT_STACK');
    await userEvent.click(screen.getByRole('button', { name: 'Add a thread-local' }));
    await screen.findByRole('group', { name: 'ACTIVE_BILLING_TENANT_STACK' });
    expect(useStore.getState().scenario.slots).toEqual([
      { name: 'ACTIVE_BILLING_TENANT_STACK', shape: 'stack', reads: ['net'], inherited: false, scoping: null, reason: '' },
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Remove ACTIVE_BILLING_TENANT_STACK' }));
    await waitFor(() => expect(useStore.getState().scenario.slots).toBeUndefined());
  });

  it('lists the ambient thread-locals of picked files with their file and line', async () => {
    renderPanel();
    const file = new File(['thread_local! {\n  static ACTIVE_BILLING_TENANT_STACK: RefCell<Vec<u8>> = RefCell::new(Vec::new());\n}\n'], 'billing.rs');
    fireEvent.change(screen.getByLabelText('.rs files'), { target: { files: [file] } });
    const found = await screen.findByRole('list', { name: 'Ambient thread-locals found' });
    expect(found.textContent).toBe('ACTIVE_BILLING_TENANT_STACK billing.rs:2');
    expect(screen.getByText('missing (1): ACTIVE_BILLING_TENANT_STACK')).toBeTruthy();
  });
});
