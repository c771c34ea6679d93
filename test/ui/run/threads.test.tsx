// @vitest-environment jsdom
// The stepper on several threads, against a seeded store and a fake worker client (core in-process): one
// register-file column per thread with the polling one marked, lanes naming each poll's thread, the chooser's task ×
// thread, and the header's threads switch; with one thread the screen is as before.
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { simulate, type Scenario } from '../../../src/core/index.ts';
import { resetStore, useStore } from '../../../src/state/store.ts';
import RunPanel from '../../../src/ui/run/RunPanel.tsx';
import { resetSessionBoot } from '../../../src/ui/share/startSession.ts';
import ThreadsSwitch from '../../../src/ui/shell/ThreadsSwitch.tsx';
import { lesson, renderWithRunLoop } from './fakeBackend.tsx';

async function renderPanel(scenario: Scenario) {
  act(() => {
    useStore.getState().loadScenario(scenario);
    useStore.getState().restoreStep(scenario.view.step);
  });
  renderWithRunLoop(
    <>
      <ThreadsSwitch />
      <RunPanel />
    </>,
  );
  await screen.findByText(/^step [\d.]+ \/ \d+$/);
  await waitFor(() => expect(useStore.getState().simulation).not.toBeNull());
}

const table = () => screen.getByRole('table', { name: 'Thread-locals' });
const headers = () => within(table()).getAllByRole('columnheader').map((th) => th.textContent);
const narration = () => screen.getByRole('status', { name: '' }).textContent ?? '';
/** The cells of the row of `slot`, by column header. */
function rowOf(slot: string): Record<string, HTMLElement> {
  const row = within(table()).getByRole('rowheader', { name: new RegExp(`${slot}$`) }).closest('tr')!;
  const cells = [...row.children] as HTMLElement[];
  return Object.fromEntries(headers().map((h, i) => [h ?? '', cells[i]!]));
}

beforeEach(() => {
  localStorage.clear();
  resetStore();
  resetSessionBoot();
});

describe('the work-stealing lesson in the stepper', () => {
  it('opens on the migrated read: a column per thread, thread 2 polling alpha, which holds nothing of its own there', async () => {
    const scenario = lesson('work-stealing');
    await renderPanel(scenario);
    await waitFor(() => expect(useStore.getState().stepIndex).toBe(scenario.view.step));
    const step = useStore.getState().simulation!.steps[scenario.view.step]!;
    expect(narration()).toContain(step.narration);
    expect(narration()).toContain('Thread 2 holds nothing in VM_EXECUTION_CONTEXT');
    // Unscoped: no swap column and no saved scopes, just the threads.
    expect(headers()).toEqual(['Slot', 'Thread 1', 'Thread 2 · polling alpha']);
    expect(screen.getByText(/^One register file per thread: a task reads the thread-locals of whichever thread polls it/)).toBeInTheDocument();
    const row = rowOf('VM_EXECUTION_CONTEXT');
    expect(row.Slot!.closest('tr')).toHaveAttribute('aria-current', 'true');
    // alpha's cwd stayed on thread 1, in alpha's colour (the first child's); thread 2 is empty.
    const left = row['Thread 1']!.querySelector('.slot-value') as HTMLElement;
    expect(left).toHaveTextContent('ctx(cwd=/worktrees/alpha, env WORKER=alpha)');
    expect(left.style.getPropertyValue('--owner-color')).toBe('var(--task-1)');
    expect(row['Thread 2 · polling alpha']).toHaveTextContent('—');
    expect(row['Thread 2 · polling alpha']).toHaveClass('thread-polling');
    expect(row['Thread 2 · polling alpha']).toHaveAttribute('data-label', 'Thread 2 · polling alpha');
    expect(screen.getByText(/^2 threads: a free thread polls any ready task/)).toBeInTheDocument();
  });

  it('scoped lands on the same read, now alpha’s own: its scope swapped into thread 2 with it', async () => {
    await renderPanel(lesson('work-stealing'));
    act(() => useStore.getState().setRunMode('scoped'));
    await waitFor(() => expect(useStore.getState().simulation!.mode).toBe('scoped'));
    const { simulation, stepIndex } = useStore.getState();
    expect(simulation!.steps[stepIndex]).toMatchObject({ kind: 'read', task: 'alpha', slot: 'VM_EXECUTION_CONTEXT', crosswire: false });
    expect(headers()).toEqual(['Slot', 'Thread 1', 'Thread 2 · polling alpha', 'This poll', 'parent’s saved scope', 'alpha’s saved scope (in use)']);
    const row = rowOf('VM_EXECUTION_CONTEXT');
    expect(row['Thread 2 · polling alpha']).toHaveTextContent('ctx(cwd=/worktrees/alpha, env WORKER=alpha)');
    expect(row['Thread 1']).toHaveTextContent('—');
    expect(screen.getByText(/^One register file per thread: each poll swaps the task’s scope into the thread that polls it/)).toBeInTheDocument();
  });

  it('the lanes label each of alpha’s polls with its thread and mark the migration', async () => {
    await renderPanel(lesson('work-stealing'));
    const lanes = screen.getByRole('group', { name: 'Task lanes' });
    const moved = [...lanes.querySelectorAll('.lane-migrated')].filter((el) => el.classList.contains('lane-seg'));
    expect(moved).toHaveLength(1);
    expect(moved[0]).toHaveTextContent('↪2');
    expect(moved[0]!.getAttribute('title')).toMatch(/^alpha: running on thread 2 \(moved from thread 1: a migration\), steps \d+–\d+$/);
    expect(lanes).toHaveTextContent('alpharunning, polled on threads 1, 1, 2 (1 migration)');
    expect(lanes).toHaveTextContent('a migration: the task moved to another thread');
  });

  it('the chooser offers task × thread, and a pick on thread 1 keeps alpha where its values are', async () => {
    const scenario = lesson('work-stealing');
    const migration = simulate(scenario).steps.find((s) => s.kind === 'poll-enter' && s.migration)!;
    await renderPanel({ ...scenario, view: { ...scenario.view, step: migration.index - 1 } });
    act(() => useStore.getState().setFineSteps(true));
    act(() => useStore.getState().setStep(migration.index - 1));
    const chooser = screen.getByRole('group', { name: 'Choose the next task and thread' });
    expect(chooser).toHaveTextContent('alpha is ready and all 2 threads are free. Poll next:');
    expect(within(chooser).getByRole('button', { name: 'alpha on thread 2' })).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(within(chooser).getByRole('button', { name: 'alpha on thread 1' }));
    expect(useStore.getState().scenario.run.schedule).toEqual({ kind: 'picks', picks: ['parent@1', 'alpha@1', 'parent@1', 'alpha@1', 'alpha@1'] });
    await waitFor(() => expect(useStore.getState().simulation!.steps[migration.index]).toMatchObject({ kind: 'poll-enter', thread: 1, migration: null }));
    expect(useStore.getState().stepIndex).toBe(migration.index);
    const crosswires = useStore.getState().simulation!.summary.crosswires;
    expect(crosswires.some((c) => c.task === 'alpha' && c.slot === 'VM_EXECUTION_CONTEXT')).toBe(false);
  });
});

describe('one thread and the threads switch', () => {
  it('one thread shows one Thread column, no thread labels and the one-task chooser, as before threads', async () => {
    const f1 = lesson('f1-cwd-env');
    await renderPanel(f1);
    expect(headers()).toEqual(['Slot', 'Thread (shared by every task: unscoped)']);
    expect(screen.queryByText(/^One register file per thread/)).toBeNull();
    expect(screen.getByRole('group', { name: 'Task lanes' }).querySelector('.lane-thread')).toBeNull();
    expect(screen.getByRole('radio', { name: '1' })).toBeChecked();
  });

  it('switching to 2 threads re-runs on two threads, and back to 1 leaves run.threads out', async () => {
    await renderPanel(lesson('f1-cwd-env'));
    await userEvent.click(screen.getByRole('radio', { name: '2' }));
    expect(useStore.getState().scenario.run.threads).toBe(2);
    await waitFor(() => expect(useStore.getState().simulation!.summary.threads).toBe(2));
    expect(headers().slice(0, 3)).toEqual(['Slot', expect.stringMatching(/^Thread 1/), expect.stringMatching(/^Thread 2/)]);
    expect(useStore.getState().simulation!.summary.message).toMatch(/ on 2 threads: /);
    await userEvent.click(screen.getByRole('radio', { name: '1' }));
    expect('threads' in useStore.getState().scenario.run).toBe(false);
    await waitFor(() => expect(useStore.getState().simulation!.summary.threads).toBeUndefined());
    expect(headers()).toEqual(['Slot', 'Thread (shared by every task: unscoped)']);
  });
});
