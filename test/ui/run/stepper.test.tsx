// @vitest-environment jsdom
// The stepper panel against a seeded store and a fake worker client (core called in-process).
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { AMBIENT_THREAD_LOCAL_CATALOG, simulate, type Scenario } from '../../../src/core/index.ts';
import { resetStore, useStore } from '../../../src/state/store.ts';
import RunPanel from '../../../src/ui/run/RunPanel.tsx';
import { resetSessionBoot } from '../../../src/ui/share/startSession.ts';
import { useStepperKeys } from '../../../src/ui/shell/useStepperKeys.ts';
import { lesson, renderWithBackend } from './fakeBackend.tsx';

function f1(mode: Scenario['run']['mode'], step = 0): Scenario {
  const scenario = lesson('f1-cwd-env');
  return { ...scenario, run: { ...scenario.run, mode }, view: { step, tab: null } };
}

/** The run panel with the page's stepper keys (App installs them on the document). */
function PanelWithKeys() {
  useStepperKeys();
  return <RunPanel />;
}

async function renderPanel(scenario: Scenario, withKeys = false) {
  act(() => {
    useStore.getState().loadScenario(scenario);
    useStore.getState().restoreStep(scenario.view.step);
  });
  const result = renderWithBackend(withKeys ? <PanelWithKeys /> : <RunPanel />);
  await screen.findByText(/^step \d+ \/ \d+$/);
  await waitFor(() => expect(useStore.getState().simulation).not.toBeNull());
  return result;
}

const position = () => screen.getByText(/^step \d+ \/ \d+$/).textContent;
const narration = () => screen.getByRole('status', { name: '' }).textContent ?? '';
const registerText = () => screen.getByRole('table', { name: 'Thread-locals' }).textContent;

beforeEach(() => {
  localStorage.clear();
  resetStore();
  resetSessionBoot();
});

describe('stepper controls', () => {
  it('Step advances one step and narrates it; Step back returns exactly to the previous state', async () => {
    await renderPanel(f1('unscoped', 30));
    const before = { position: position(), narration: narration(), register: registerText() };
    await userEvent.click(screen.getByRole('button', { name: 'Step' }));
    expect(position()).toBe(before.position?.replace(/^step 31/, 'step 32'));
    expect(narration()).not.toBe(before.narration);
    await userEvent.click(screen.getByRole('button', { name: 'Step back' }));
    expect({ position: position(), narration: narration(), register: registerText() }).toEqual(before);
  });

  it('Reset goes back to the first step and disables itself and Step back', async () => {
    await renderPanel(f1('unscoped', 12));
    await userEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(position()).toMatch(/^step 1 \//);
    expect(screen.getByRole('button', { name: 'Reset' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Step back' })).toBeDisabled();
  });

  it('Play steps forward on its own until Pause', async () => {
    await renderPanel(f1('scoped'));
    act(() => useStore.getState().setSpeed(16));
    await userEvent.click(screen.getByRole('button', { name: 'Play' }));
    await waitFor(() => expect(useStore.getState().stepIndex).toBeGreaterThan(2));
    await userEvent.click(screen.getByRole('button', { name: 'Pause' }));
    const stopped = useStore.getState().stepIndex;
    await new Promise((r) => setTimeout(r, 200));
    expect(useStore.getState().stepIndex).toBe(stopped);
    expect(screen.getByRole('button', { name: 'Play' })).toBeEnabled();
  });

  it('Run to next cross-wire lands on a red read with its consequence sentence', async () => {
    await renderPanel(f1('unscoped'));
    await userEvent.click(screen.getByRole('button', { name: 'Run to next cross-wire' }));
    const step = useStore.getState().simulation!.steps[useStore.getState().stepIndex]!;
    expect(step.kind === 'read' && step.crosswire).toBe(true);
    expect(narration()).toMatch(/cross-wire/);
    const reads = screen.getByRole('list', { name: 'Reads' });
    const red = within(reads).getAllByRole('listitem').filter((li) => li.classList.contains('read-crosswire'));
    expect(red).toHaveLength(1);
    expect(red[0]).toHaveTextContent('cross-wire');
    expect(red[0]).toHaveTextContent(useStore.getState().simulation!.summary.crosswires[0]!.consequence);
  });

  it('Run to next cross-wire is disabled when no cross-wire lies ahead', async () => {
    const scoped = f1('scoped');
    await renderPanel({ ...scoped, run: { ...scoped.run, captured: null } });
    expect(screen.getByRole('button', { name: 'Run to next cross-wire' })).toBeDisabled();
    expect(screen.getByText(/0 cross-wires/)).toBeInTheDocument();
  });

  it('→, ←, Home, End and space step, step back, jump and play from the page body, but not from a text field', async () => {
    await renderPanel(f1('unscoped', 5), true);
    const body = document.body;
    fireEvent.keyDown(body, { key: 'ArrowRight' });
    fireEvent.keyDown(body, { key: 'ArrowRight' });
    expect(useStore.getState().stepIndex).toBe(7);
    fireEvent.keyDown(body, { key: 'ArrowLeft' });
    expect(useStore.getState().stepIndex).toBe(6);
    fireEvent.keyDown(body, { key: 'End' });
    expect(useStore.getState().stepIndex).toBe(useStore.getState().simulation!.steps.length - 1);
    fireEvent.keyDown(body, { key: 'Home' });
    expect(useStore.getState().stepIndex).toBe(0);
    fireEvent.keyDown(body, { key: ' ' });
    expect(useStore.getState().playing).toBe(true);
    fireEvent.keyDown(body, { key: ' ' });
    expect(useStore.getState().playing).toBe(false);
    // A text field keeps its keys.
    const field = document.createElement('input');
    body.append(field);
    fireEvent.keyDown(field, { key: 'ArrowRight' });
    expect(useStore.getState().stepIndex).toBe(0);
    field.remove();
  });

  it('the scrub bar jumps to any step', async () => {
    await renderPanel(f1('unscoped'));
    fireEvent.change(screen.getByRole('slider', { name: 'Trace position' }), { target: { value: '40' } });
    expect(position()).toMatch(/^step 41 \//);
  });
});

describe('narration and the register file', () => {
  it('narrates the current step in an aria-live region', async () => {
    await renderPanel(f1('scoped', 3));
    const live = document.querySelector('[aria-live="polite"]');
    const expected = useStore.getState().simulation!.steps[3]!.narration;
    expect(live).toHaveTextContent(expected);
  });

  it('shows one row per catalog slot with a capture toggle, and the swap of the current poll', async () => {
    const scenario = f1('scoped');
    await renderPanel(scenario);
    const sim = useStore.getState().simulation!;
    const swap = sim.steps.find((s) => s.kind === 'swap' && s.direction === 'in')!;
    act(() => useStore.getState().setStep(swap.index));
    const table = screen.getByRole('table', { name: 'Thread-locals' });
    // Empty catalog-uncaptured slots fold away; one click shows every catalog slot.
    const folded = within(table).getAllByRole('row').length - 1;
    expect(folded).toBeLessThan(28);
    await userEvent.click(screen.getByRole('button', { name: new RegExp(`^Show ${28 - folded} empty uncaptured slots$`) }));
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 28);
    const row = within(table).getByRole('rowheader', { name: new RegExp(`${swap.kind === 'swap' ? swap.slot : ''}$`) }).closest('tr')!;
    expect(row).toHaveClass('swapping');
    expect(row).toHaveTextContent(/in: .*out: /);
  });

  it('marks the slot the current step reads with aria-current, and labels the saved-scope columns by task', async () => {
    await renderPanel(lesson('f2-mutation-session'));
    const table = screen.getByRole('table', { name: 'Thread-locals' });
    const current = table.querySelectorAll('tr[aria-current="true"]');
    expect(current).toHaveLength(1);
    expect(current[0]).toHaveTextContent(/CURRENT_MUTATION_SESSION.*session-beta\/run-beta/);
    expect(within(table).getByRole('columnheader', { name: /^alpha’s saved scope/ })).toBeInTheDocument();
    expect(screen.getByText(/two more entries under the top/)).toBeInTheDocument();
    act(() => useStore.getState().setStep(0));
    expect(table.querySelectorAll('tr[aria-current="true"]')).toHaveLength(0);
  });

  it('a capture toggle changes the run and re-simulates', async () => {
    // F1 as it was before the fix: scoped, but VM_EXECUTION_CONTEXT left out of the capture set.
    const before = f1('scoped');
    const captured = AMBIENT_THREAD_LOCAL_CATALOG.filter((s) => s.scoping.kind === 'captured' && s.name !== 'VM_EXECUTION_CONTEXT');
    await renderPanel({ ...before, run: { ...before.run, captured: captured.map((s) => s.name) as Scenario['run']['captured'] } });
    expect(useStore.getState().simulation!.summary.crosswires.length).toBeGreaterThan(0);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Capture VM_EXECUTION_CONTEXT' }));
    expect(useStore.getState().scenario.run.captured).toContain('VM_EXECUTION_CONTEXT');
    await waitFor(() => expect(useStore.getState().simulation!.summary.crosswires).toHaveLength(0));
  });

  it('the enforce-at-spawn toggle changes the run', async () => {
    await renderPanel(f1('scoped'));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Enforce grant at spawn' }));
    expect(useStore.getState().scenario.run.enforceAtSpawn).toBe(false);
  });
});

describe('reads log and chooser', () => {
  it('clicking a read jumps to its step and asks the editor to reveal the call', async () => {
    await renderPanel(f1('scoped', 150));
    const reads = within(screen.getByRole('list', { name: 'Reads' })).getAllByRole('button');
    const first = useStore.getState().simulation!.steps.find((s) => s.kind === 'read')!;
    // Newest first: the oldest read is the last entry.
    await userEvent.click(reads[reads.length - 1]!);
    expect(useStore.getState().stepIndex).toBe(first.index);
    if (first.span) expect(useStore.getState().revealRequest).toMatchObject({ tab: first.task, at: first.span });
  });

  it('at a choice point the user picks which ready task is polled next', async () => {
    // The first recorded choice point of F1: alpha and beta ready after the spawn, FIFO polls alpha.
    const choice = simulate(f1('scoped')).steps.find((s) => s.kind === 'poll-enter' && s.choice !== null)!;
    expect(choice).toMatchObject({ task: 'alpha', choice: { ready: ['alpha', 'beta'], chosen: 'alpha', index: 0 } });
    await renderPanel(f1('scoped', choice.index - 1));
    const chooser = screen.getByRole('group', { name: 'Choose the next task' });
    expect(within(chooser).getByRole('button', { name: 'alpha' })).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(within(chooser).getByRole('button', { name: 'beta' }));
    expect(useStore.getState().scenario.run.schedule).toEqual({ kind: 'picks', picks: ['beta'] });
    await waitFor(() => expect(useStore.getState().simulation!.steps[choice.index]!.task).toBe('beta'));
    expect(useStore.getState().stepIndex).toBe(choice.index);
    expect(screen.getByText(/Schedule: picks: beta, then FIFO/)).toBeInTheDocument();
  });
});
