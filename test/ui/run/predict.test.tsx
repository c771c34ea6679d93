// @vitest-environment jsdom
// Predict mode in the stepper (issue 28), against a seeded store and a fake worker client (core called in-process):
// before each question's moment the consequence sentence, the ✖ marks, the counts and the owner colour of the slot
// about to be read are hidden; the question offers the candidate values from the trace; answering (a click or a
// number key) reveals the step's sentence and keeps a score; Restart forgets the answers.
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PredictPart, Scenario } from '../../../src/core/index.ts';
import { resetStore, useStore } from '../../../src/state/store.ts';
import RunPanel from '../../../src/ui/run/RunPanel.tsx';
import { resetSessionBoot } from '../../../src/ui/share/startSession.ts';
import { lesson, renderWithBackend, renderWithRunLoop } from './fakeBackend.tsx';

function predicting(id: string, predictHides?: PredictPart[]): Scenario {
  const scenario = lesson(id);
  return { ...scenario, view: { ...scenario.view, predict: true, ...(predictHides ? { predictHides } : {}) } };
}

async function renderPredict(scenario: Scenario) {
  act(() => {
    useStore.getState().loadScenario(scenario);
    useStore.getState().restoreStep(scenario.view.step);
  });
  renderWithRunLoop(<RunPanel />);
  await screen.findByRole('group', { name: 'Predict mode' });
  await waitFor(() => expect(document.querySelector('.predict-question')).not.toBeNull());
}

const question = () => document.querySelector<HTMLElement>('.predict-question')!;
const choiceNames = () => within(question()).getAllByRole('button').map((b) => b.textContent);
const scrubMarks = () => document.querySelectorAll('.scrub .scrub-marker').length;
const currentSlotValue = () => document.querySelector<HTMLElement>('.register-file tr.current-slot .slot-value');

beforeEach(() => {
  localStorage.clear();
  resetStore();
  resetSessionBoot();
});

describe('Predict mode', () => {
  it('F1: asks which cwd alpha will use, hides the sentence, the marks, the counts and the owner; answering reveals and scores', async () => {
    await renderPredict(predicting('f1-cwd-env'));
    expect(within(question()).getByText(/Which working directory will alpha's write_file use from VM_EXECUTION_CONTEXT\?/)).toBeTruthy();
    expect(choiceNames()).toEqual(['1 /worktrees/alpha', '2 /worktrees/beta', '3 /worktrees/parent', '4 nothing (the slot is empty)']);
    // Before the answer: no consequence sentence, no ✖ anywhere, no counts, no owner on the slot being read.
    expect(document.body.textContent).not.toContain("lands in beta's worktree");
    expect(document.body.textContent).not.toContain('✖');
    expect(document.body.textContent).not.toMatch(/\d+ cross-wires/);
    expect(scrubMarks()).toBe(0);
    expect(currentSlotValue()!.classList.contains('owner-hidden')).toBe(true);
    expect(currentSlotValue()!.style.getPropertyValue('--owner-color')).toBe('');
    expect(currentSlotValue()!.title).not.toContain('owned by');
    expect(screen.getByText('No answers yet: 2 to go.')).toBeTruthy();
    expect(await screen.findByText('Hidden in Predict mode until every question is answered.', {}, { timeout: 8000 })).toBeTruthy();
    // The stepper cannot go past the unanswered question.
    const at = useStore.getState().stepIndex;
    await userEvent.click(screen.getByRole('button', { name: 'Step' }));
    expect(useStore.getState().stepIndex).toBe(at);

    await userEvent.click(within(question()).getByRole('button', { name: /\/worktrees\/beta/ }));
    expect(within(question()).getByText("Right: alpha's write_file gets /worktrees/beta from VM_EXECUTION_CONTEXT.")).toBeTruthy();
    expect(document.body.textContent).toContain("lands in beta's worktree");
    expect(screen.getByText('Score: 1 of 1 right, 1 to go.')).toBeTruthy();
    expect(currentSlotValue()!.classList.contains('owner-hidden')).toBe(false);
  });

  it('answers by number key, a wrong answer says so, and the next question stops the stepper again', async () => {
    await renderPredict(predicting('f1-cwd-env'));
    await userEvent.keyboard('1');
    expect(within(question()).getByText("Not quite: alpha's write_file gets /worktrees/beta from VM_EXECUTION_CONTEXT.")).toBeTruthy();
    // Run to the end: the stepper stops at beta's read, the second question.
    act(() => useStore.getState().setStep(useStore.getState().simulation!.steps.length - 1));
    await waitFor(() => expect(within(question()).getByText(/beta's write_file/)).toBeTruthy());
    expect(document.body.textContent).not.toContain("lands in parent's worktree");
    await userEvent.keyboard('3');
    expect(screen.getByText('Score: 1 of 2 right; every question is answered, and nothing is hidden now.')).toBeTruthy();
    expect(document.body.textContent).toMatch(/cross-wires/);
    expect(scrubMarks()).toBe(13);
    await userEvent.click(screen.getByRole('button', { name: 'Restart' }));
    expect(useStore.getState().stepIndex).toBe(0);
    expect(useStore.getState().predictAnswers).toEqual({});
  });

  it('the exports leave out what Predict mode hides, until every question is answered', async () => {
    const blobs: Blob[] = [];
    Object.assign(URL, { createObjectURL: (blob: Blob) => (blobs.push(blob), 'blob:export'), revokeObjectURL: () => undefined });
    await renderPredict(predicting('f1-cwd-env'));
    const markdown = async () => {
      await userEvent.click(await screen.findByRole('button', { name: 'Copy as Markdown' }));
      return (await screen.findByRole<HTMLTextAreaElement>('textbox', { name: 'Markdown of this moment' })).value;
    };
    const svg = async () => {
      await userEvent.click(screen.getByRole('button', { name: 'Download SVG' }));
      return blobs[blobs.length - 1]!.text();
    };
    const hidden = await markdown();
    expect(hidden).toContain('Predict mode: this report leaves out the answers Predict mode hides until every question is answered.');
    expect(hidden).toContain('> Left out: Predict mode asks about this step.');
    expect(hidden).toContain('Left out in Predict mode: which read cross-wires, and what it causes.');
    expect(hidden).not.toMatch(/lands in beta's worktree|Consequence|Observed|\d+ cross-wires|\d+ in the run/);
    expect(await svg()).not.toContain('✖');
    // Every question answered: nothing is hidden on the page, and the exports say everything too.
    await userEvent.keyboard('2');
    act(() => useStore.getState().setStep(useStore.getState().simulation!.steps.length - 1));
    await waitFor(() => expect(within(question()).getByText(/beta's write_file/)).toBeTruthy());
    await userEvent.keyboard('3');
    const whole = await markdown();
    expect(whole).not.toContain('Left out');
    expect(whole).toContain('- **Consequence:**');
    expect(await svg()).toContain('✖');
  });

  it('F2 offers every mutation session of the run', async () => {
    await renderPredict(predicting('f2-mutation-session'));
    expect(choiceNames()).toEqual(['1 nothing (the slot is empty)', '2 session-alpha/run-alpha', '3 session-beta/run-beta', '4 session-parent/run-parent']);
    expect(document.body.textContent).not.toContain('✖');
    expect(currentSlotValue()!.classList.contains('owner-hidden')).toBe(true);
    await userEvent.keyboard('3');
    expect(within(question()).getByText(/^Right: /)).toBeTruthy();
  });

  it('the fan-out asks about beta first, with its three children’s cwds among the choices', async () => {
    await renderPredict(predicting('three-way-fan-out'));
    expect(within(question()).getByText(/beta's write_file/)).toBeTruthy();
    expect(choiceNames()).toEqual(['1 /worktrees/alpha', '2 /worktrees/beta', '3 /worktrees/gamma', '4 /worktrees/parent', '5 nothing (the slot is empty)']);
    expect(document.body.textContent).not.toContain('✖');
  });

  it('hides only what the scenario says: with predictHides ["consequence"] the marks and counts stay', async () => {
    await renderPredict(predicting('f1-cwd-env', ['consequence']));
    expect(document.body.textContent).not.toContain("lands in beta's worktree");
    expect(document.body.textContent).toMatch(/cross-wires/);
    expect(currentSlotValue()!.classList.contains('owner-hidden')).toBe(false);
  });

  it('the header toggle is named Predict, is pressed when on, and turning it off shows everything', async () => {
    const { default: PredictSwitch } = await import('../../../src/ui/shell/PredictSwitch.tsx');
    await renderPredict(predicting('f1-cwd-env'));
    renderWithBackend(<PredictSwitch />);
    const toggle = screen.getByRole('button', { name: 'Predict' });
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    await userEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect(document.querySelector('.predict-question')).toBeNull();
    expect(document.body.textContent).toContain("lands in beta's worktree");
  });
});
