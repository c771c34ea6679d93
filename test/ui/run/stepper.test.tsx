// @vitest-environment jsdom
// The stepper panel against a seeded store and a fake worker client (core called in-process).
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { AMBIENT_THREAD_LOCAL_CATALOG, eventSteps, findMoment, simulate, stepNumber, type Scenario } from '../../../src/core/index.ts';
import { resetStore, useStore } from '../../../src/state/store.ts';
import RunPanel from '../../../src/ui/run/RunPanel.tsx';
import { STALE_RUN_TEXT } from '../../../src/ui/run/Stepper.tsx';
import { resetSessionBoot } from '../../../src/ui/share/startSession.ts';
import { useStepperKeys } from '../../../src/ui/shell/useStepperKeys.ts';
import { createFakeBackend, lesson, renderWithRunLoop } from './fakeBackend.tsx';

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
  const result = renderWithRunLoop(withKeys ? <PanelWithKeys /> : <RunPanel />);
  await screen.findByText(/^step [\d.]+ \/ \d+$/);
  await waitFor(() => expect(useStore.getState().simulation).not.toBeNull());
  return result;
}

const position = () => screen.getByText(/^step [\d.]+ \/ \d+$/).textContent;
const narration = () => screen.getByRole('status', { name: '' }).textContent ?? '';
const registerText = () => screen.getByRole('table', { name: 'Thread-locals' }).textContent;

beforeEach(() => {
  localStorage.clear();
  resetStore();
  resetSessionBoot();
});

describe('stepper controls', () => {
  it('Step advances one event and narrates it; Step back returns exactly to the previous state', async () => {
    // The moment alpha is polled after its emit_worker_event (an event); the next event is after its prologue's
    // installs, so Step crosses more than one step.
    const scenario = f1('unscoped');
    const steps = simulate(scenario).steps;
    const resumed = findMoment(steps, { task: 'alpha', kind: 'poll', what: 'emit_worker_event' });
    expect(steps[resumed]).toMatchObject({ kind: 'poll-enter', task: 'alpha', event: true });
    await renderPanel({ ...scenario, view: { step: resumed, tab: null } });
    const before = { position: position(), narration: narration(), register: registerText() };
    const [, at, of] = /^step (\d+) \/ (\d+)$/.exec(before.position ?? '')!;
    await userEvent.click(screen.getByRole('button', { name: 'Step' }));
    expect(position()).toBe(`step ${Number(at) + 1} / ${of}`);
    expect(useStore.getState().simulation!.steps[useStore.getState().stepIndex]!.event).toBe(true);
    expect(useStore.getState().stepIndex).toBeGreaterThan(resumed + 1);
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
    expect(screen.getByText(/^no cross-wires$/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Previous cross-wire' })).toBeDisabled();
  });

  it('→, ←, Home, End and space step, step back, jump and play from the page body, but not from a text field (fine steps)', async () => {
    await renderPanel(f1('unscoped', 5), true);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Fine steps' }));
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
    act(() => useStore.getState().setFineSteps(true));
    fireEvent.change(screen.getByRole('slider', { name: 'Trace position' }), { target: { value: '40' } });
    // One number: the event step, with the fine step after a dot when step 40 is a swap or install.
    const steps = useStore.getState().simulation!.steps;
    expect(position()).toBe(`step ${stepNumber(eventSteps(steps), 40)} / ${eventSteps(steps).length}`);
  });
});

describe('moments', () => {
  it('F1 reaches its cross-wire in at most 30 Steps; Previous cross-wire goes back to it', async () => {
    await renderPanel(f1('unscoped'));
    const landing = lesson('f1-cwd-env').view.step;
    let presses = 0;
    while (useStore.getState().stepIndex < landing && presses <= 30) {
      await userEvent.click(screen.getByRole('button', { name: 'Step' }));
      presses++;
    }
    expect(useStore.getState().stepIndex).toBe(landing);
    expect(presses).toBeLessThanOrEqual(30);
    expect(narration()).toMatch(/^Step \d+: ✖ cross-wire: alpha resumes after yield_now\(\)\. While it waited, beta ran/);
    expect(narration()).not.toMatch(/: cross-wire\.$/);
    await userEvent.click(screen.getByRole('button', { name: 'Run to next cross-wire' }));
    await userEvent.click(screen.getByRole('button', { name: 'Previous cross-wire' }));
    expect(useStore.getState().stepIndex).toBe(landing);
  });

  it('switching to scoped lands on the same read, now correct; back to unscoped, the cross-wire again', async () => {
    await renderPanel(lesson('f1-cwd-env'));
    const landing = lesson('f1-cwd-env').view.step;
    await waitFor(() => expect(useStore.getState().stepIndex).toBe(landing));
    // The editor follows the run: alpha runs at its cross-wire.
    expect(useStore.getState().selectedTab).toBe('alpha');
    act(() => useStore.getState().setRunMode('scoped'));
    await waitFor(() => expect(useStore.getState().simulation!.mode).toBe('scoped'));
    const scoped = useStore.getState();
    const there = scoped.simulation!.steps[scoped.stepIndex]!;
    expect(there).toMatchObject({ kind: 'read', task: 'alpha', slot: 'VM_EXECUTION_CONTEXT', crosswire: false });
    expect(narration()).toContain('alpha reads VM_EXECUTION_CONTEXT for write_file: its own');
    act(() => useStore.getState().setRunMode('unscoped'));
    await waitFor(() => expect(useStore.getState().simulation!.mode).toBe('unscoped'));
    expect(useStore.getState().stepIndex).toBe(landing);
    expect(narration()).toMatch(/✖ cross-wire/);
  });

  it('Compare shows the same read in both runs: red unscoped, green scoped, and what differs; stepping moves both', async () => {
    await renderPanel(lesson('f1-cwd-env'));
    await userEvent.click(screen.getByRole('button', { name: 'Compare' }));
    expect(screen.getByRole('button', { name: 'Compare' })).toHaveAttribute('aria-pressed', 'true');
    const compare = await screen.findByRole('region', { name: 'Compare' });
    await waitFor(() => expect(compare).toHaveTextContent('unscoped (this run)'));
    expect(compare).toHaveTextContent("Unscoped, alpha gets ctx(cwd=/worktrees/beta, env WORKER=beta) (beta's): a cross-wire; scoped, alpha gets its own ctx(cwd=/worktrees/alpha, env WORKER=alpha).");
    expect(compare.querySelector('.compare-bad')).toHaveTextContent('✖ cross-wire');
    expect(compare.querySelector('.compare-good')).toHaveTextContent('✓ its own value');
    const right = compare.querySelector('.compare-good')!.textContent;
    await userEvent.click(screen.getByRole('button', { name: 'Step' }));
    expect(compare.querySelector('.compare-sides')!.lastElementChild!.textContent).not.toBe(right);
  });

  it("F3: deciding the added slot Captured in the catalog lands on the same read, now alpha's own", async () => {
    const f3 = lesson('f3-forcing-function');
    await renderPanel(f3);
    await waitFor(() => expect(useStore.getState().stepIndex).toBe(f3.view.step));
    const before = position();
    expect(narration()).toMatch(/✖ cross-wire: .*uses beta's value from EGRESS_TENANT_STACK/);
    act(() => useStore.getState().updateSlot('EGRESS_TENANT_STACK', { scoping: 'captured' }));
    await waitFor(() => expect(useStore.getState().simulatedScenario?.slots?.[0]?.scoping).toBe('captured'));
    const there = useStore.getState().simulation!.steps[useStore.getState().stepIndex]!;
    expect(there).toMatchObject({ kind: 'read', task: 'alpha', slot: 'EGRESS_TENANT_STACK', what: 'http_post', crosswire: false });
    expect(narration()).toContain('alpha reads EGRESS_TENANT_STACK for http_post: its own');
    expect(screen.queryByRole('note')).toBeNull();
    // The same event number (was 21 → 18: the old step index, another moment).
    expect(position()!.split(' / ')[0]).toBe(before!.split(' / ')[0]);
  });

  it("the bridge lesson's moment is tagged in its own colour: the borrowed depth lets the bridged builtins skip the check", async () => {
    await renderPanel(lesson('bridge-depth-leak'));
    await waitFor(() => expect(useStore.getState().stepIndex).toBe(lesson('bridge-depth-leak').view.step));
    expect(narration()).toMatch(/⚠ cross-wire, policy check skipped: .*the builtins it bridges skip the execution-policy check, which at its own depth 0 refuses them under beta's policy\.$/);
    expect(document.querySelector('.narration')).toHaveClass('narration-bypass');
  });

  it('a moment that does not happen in the new run lands on the nearest one and says so in one line', async () => {
    const escalation = lesson('escalation');
    await renderPanel({ ...escalation, run: { ...escalation.run, enforceAtSpawn: false } });
    const post = useStore.getState().simulation!.steps.find((s) => s.kind === 'check' && s.call === 'http_post')!;
    act(() => useStore.getState().setStep(post.index));
    expect(narration()).toMatch(/✖ violation: beta's http_post.*HARN-CAP-301/);
    act(() => useStore.getState().setEnforceAtSpawn(true));
    await waitFor(() => expect(useStore.getState().simulation!.summary.refused).toEqual(['beta']));
    expect(screen.getByRole('note')).toHaveTextContent("No beta's check of http_post here (beta is refused at spawn in this run); showing the refusal.");
    expect(narration()).toMatch(/refused \(HARN-CAP-301\)/);
    await userEvent.click(screen.getByRole('button', { name: 'Step' }));
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('the editor follows the running task; a tab picked by hand holds until the next step', async () => {
    await renderPanel(lesson('f1-cwd-env'));
    await waitFor(() => expect(useStore.getState().selectedTab).toBe('alpha'));
    act(() => useStore.getState().selectTab('parent'));
    act(() => useStore.getState().setRunMode('scoped'));
    await waitFor(() => expect(useStore.getState().simulation!.mode).toBe('scoped'));
    expect(useStore.getState().selectedTab).toBe('parent');
    await userEvent.click(screen.getByRole('button', { name: 'Step' }));
    const { simulation, stepIndex } = useStore.getState();
    expect(useStore.getState().selectedTab).toBe(simulation!.steps[stepIndex]!.task);
  });

  it('Play pauses at each cross-wire', async () => {
    await renderPanel(f1('unscoped'));
    act(() => useStore.getState().setSpeed(16));
    await userEvent.click(screen.getByRole('button', { name: 'Play' }));
    await waitFor(() => expect(useStore.getState().playing).toBe(false), { timeout: 4000 });
    expect(useStore.getState().stepIndex).toBe(useStore.getState().simulation!.summary.crosswires[0]!.step);
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
    // F1 with VM_EXECUTION_CONTEXT left out of the capture set cross-wires twice.
    expect(useStore.getState().simulation!.summary.crosswires).toHaveLength(2);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Capture VM_EXECUTION_CONTEXT' }));
    expect(useStore.getState().scenario.run.captured).toContain('VM_EXECUTION_CONTEXT');
    await waitFor(() => expect(useStore.getState().simulation!.summary.crosswires).toHaveLength(0));
  });

  it('while the run of a change is on its way, the stepper says the run on screen is the one before it', async () => {
    // A worker that holds its replies while `held` is on, as a slow one would.
    const backend = createFakeBackend();
    let held = false;
    const waiting: (() => void)[] = [];
    const hold = <T,>(reply: Promise<T>): Promise<T> => (held ? new Promise<T>((resolve) => waiting.push(() => resolve(reply))) : reply);
    const { simulate: simulateNow, simulateAt: simulateAtNow } = backend;
    backend.simulate = (scenario) => hold(simulateNow(scenario));
    backend.simulateAt = (scenario, moment) => hold(simulateAtNow(scenario, moment));
    // F1 scoped with VM_EXECUTION_CONTEXT left out of the capture set: two cross-wires, none once it is captured.
    const before = f1('scoped');
    const captured = AMBIENT_THREAD_LOCAL_CATALOG.filter((s) => s.scoping.kind === 'captured' && s.name !== 'VM_EXECUTION_CONTEXT');
    act(() => useStore.getState().loadScenario({ ...before, run: { ...before.run, captured: captured.map((s) => s.name) as Scenario['run']['captured'] } }));
    renderWithRunLoop(<RunPanel />, backend);
    await waitFor(() => expect(useStore.getState().simulation).not.toBeNull());
    const stepper = screen.getByRole('group', { name: 'Stepper and thread-locals' });
    expect(stepper).not.toHaveClass('stepper-stale');
    expect(stepper).not.toHaveAttribute('aria-busy');
    expect(screen.queryByText(STALE_RUN_TEXT, { exact: false })).toBeNull();

    held = true;
    await userEvent.click(screen.getByRole('checkbox', { name: 'Capture VM_EXECUTION_CONTEXT' }));
    await waitFor(() => expect(waiting.length).toBeGreaterThan(0));
    // Still the run with two cross-wires on screen, and said to be the run before the change.
    expect(useStore.getState().simulation!.summary.crosswires).toHaveLength(2);
    expect(stepper).toHaveClass('stepper-stale');
    expect(stepper).toHaveAttribute('aria-busy', 'true');
    // The legend's counts are followed by why they are not the current sources'.
    expect(within(stepper).getByText(STALE_RUN_TEXT, { exact: false })).toHaveClass('legend-stale-note');
    expect(stepper.querySelector('.scrub-legend')!.textContent).toMatch(new RegExp(`cross-wires.* — ${STALE_RUN_TEXT}$`));

    held = false;
    act(() => waiting.splice(0).forEach((release) => release()));
    await waitFor(() => expect(stepper).not.toHaveClass('stepper-stale'));
    expect(useStore.getState().simulation!.summary.crosswires).toHaveLength(0);
    expect(stepper).not.toHaveAttribute('aria-busy');
    expect(screen.queryByText(STALE_RUN_TEXT, { exact: false })).toBeNull();
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
