// @vitest-environment jsdom
// Challenges and exercises on the page, against a seeded store and a fake worker client (core in-process): the goal,
// the moves, Undo, the win banner with the schedule, "Show a solution", the exercise's live badge, and the gallery's
// progress kept in local storage (tolerant of corrupt data).
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { CHALLENGES, loadScenario, solveGoal, type Scenario } from '../../../src/core/index.ts';
import { resetStore, useStore } from '../../../src/state/store.ts';
import ExamplesMenu from '../../../src/ui/examples/ExamplesMenu.tsx';
import { parseProgress, PROGRESS_KEY, withWin } from '../../../src/ui/goals/progress.ts';
import RunPanel from '../../../src/ui/run/RunPanel.tsx';
import { resetSessionBoot } from '../../../src/ui/share/startSession.ts';
import { renderWithBackend, renderWithRunLoop } from '../run/fakeBackend.tsx';

const challenge = (id: string) => CHALLENGES.find((c) => c.id === id)!.scenario;
const exercise = loadScenario(JSON.parse(readFileSync(join(__dirname, '../../../examples/exercises/gamma-crosswire.json'), 'utf8'))).value!;

async function open(scenario: Scenario) {
  act(() => useStore.getState().loadScenario(scenario));
  renderWithRunLoop(<RunPanel />);
  await waitFor(() => expect(useStore.getState().simulation).not.toBeNull());
  // The goal's panel is in a chunk of its own (panels.ts): on screen once it has loaded.
  if (scenario.goal) await waitFor(() => expect(document.querySelector('.goal-panel')).not.toBeNull());
}

const badge = () => screen.getByText(/^(✔ goal met|✖ not yet|\? not known yet|Checking the goal…)$/);
const setPicks = (picks: string[]) => act(() => useStore.getState().setSchedule({ kind: 'picks', picks }));

beforeEach(() => {
  localStorage.clear();
  resetStore();
  resetSessionBoot();
});

describe('a challenge', () => {
  it('shows the goal and the note, is not won by the default order, and wins with the explorer’s schedule', async () => {
    const scenario = challenge('c01-no-interleaving');
    await open(scenario);
    const panel = screen.getByRole('region', { name: 'No interleaving, no bug' });
    expect(panel).toHaveTextContent(scenario.goal!.note);
    await waitFor(() => expect(badge()).toHaveTextContent('✖ not yet'));
    expect(panel).toHaveTextContent('Goal: Find a schedule with a clean run (no cross-wire, leak, panic, refusal or violation). You may change which task runs next (the picks).');
    expect(within(panel).getByRole('button', { name: 'Undo' })).toBeDisabled();
    const picks = solveGoal(scenario, scenario.goal!).picks!;
    setPicks(picks);
    await waitFor(() => expect(badge()).toHaveTextContent('✔ goal met'));
    expect(panel).toHaveTextContent(`✔ You won. Your schedule: ${picks.join(' → ')}, then the default order.`);
    expect(parseProgress(localStorage.getItem(PROGRESS_KEY))).toEqual({ 'c01-no-interleaving': 'won' });
    expect(within(panel).getByRole('button', { name: 'Next challenge: Nested without nesting' })).toBeEnabled();
  });

  it('Undo takes back the last move and lands before its choice point; Start over goes back to the default order', async () => {
    await open(challenge('c02-nested-without-nesting'));
    setPicks(['parent', 'alpha', 'beta']);
    await waitFor(() => expect(screen.getByText('parent → alpha → beta')).toBeInTheDocument());
    await userEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(useStore.getState().scenario.run.schedule).toEqual({ kind: 'picks', picks: ['parent', 'alpha'] });
    await userEvent.click(screen.getByRole('button', { name: 'Start over' }));
    expect(useStore.getState().scenario.run.schedule).toEqual({ kind: 'fifo' });
  });

  it('keeps the explorer’s answer behind "Show a solution"; playing it wins, recorded as won with the solution shown', async () => {
    await open(challenge('c02-nested-without-nesting'));
    await waitFor(() => expect(badge()).toHaveTextContent('✖ not yet'));
    expect(screen.queryByText(/^A solution:/)).toBeNull();
    const show = screen.getByRole('button', { name: 'Show a solution' });
    await userEvent.click(show);
    expect(show).toHaveAttribute('aria-expanded', 'true');
    await screen.findByText(/^A solution: parent → /);
    await userEvent.click(screen.getByRole('button', { name: 'Play this schedule' }));
    await waitFor(() => expect(badge()).toHaveTextContent('✔ goal met'));
    expect(parseProgress(localStorage.getItem(PROGRESS_KEY))).toEqual({ 'c02-nested-without-nesting': 'helped' });
  });

  it('a change the challenge does not allow is not a win', async () => {
    const scenario = challenge('c01-no-interleaving');
    await open(scenario);
    act(() => useStore.getState().setRunMode('scoped'));
    await waitFor(() => expect(badge()).toHaveTextContent('✖ not yet'));
    expect(screen.getByText('Not yet: this challenge does not let you change the mode.')).toBeInTheDocument();
  });
});

describe('an exercise', () => {
  it('says "✖ not yet" until gamma is added and cross-wires, then "✔ goal met", live', async () => {
    await open(exercise);
    expect(screen.getByRole('region', { name: 'Make gamma cross-wire on VM_EXECUTION_CONTEXT' })).toHaveTextContent('Exercise');
    await waitFor(() => expect(badge()).toHaveTextContent('✖ not yet'));
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    act(() => {
      useStore.getState().addChild();
    });
    // The new child reads a file without awaiting anything first: it runs before anyone else installs a context.
    await waitFor(() => expect(useStore.getState().scenario.children.map((c) => c.name)).toContain('gamma'));
    await waitFor(() => expect(badge()).toHaveTextContent('✖ not yet'));
    act(() => {
      useStore.getState().setSource('gamma', 'pipeline main() {\n  yield_now()\n  write_file("out.txt", "gamma")\n}');
    });
    await waitFor(() => expect(badge()).toHaveTextContent('✔ goal met'));
  });
});

describe('the gallery', () => {
  it('shows the path: three groups in order, each with "Start here" on its first, and the progress kept', async () => {
    localStorage.setItem(PROGRESS_KEY, JSON.stringify({ version: 1, won: { 'c01-no-interleaving': 'won', 'c02-nested-without-nesting': 'helped', bogus: 'yes' } }));
    renderWithBackend(<ExamplesMenu />);
    await userEvent.click(screen.getByRole('button', { name: /Examples/ }));
    const gallery = await screen.findByRole('dialog', { name: 'Examples' });
    const groups = await within(gallery).findAllByRole('region');
    expect(groups.map((g) => g.getAttribute('aria-labelledby'))).toEqual(['gallery-scope', 'gallery-policy', 'gallery-challenges']);
    expect(within(gallery).getAllByText('Start here')).toHaveLength(3);
    const f1 = within(groups[0]!).getAllByRole('button')[0]!;
    expect(f1).toHaveAccessibleName(/^F1: working directory and env/);
    expect(f1).toHaveAccessibleDescription('Start here');
    const [first, second, third] = within(groups[2]!).getAllByRole('button');
    expect(first).toHaveTextContent('easy · ✔ won');
    expect(second).toHaveTextContent('easy · ✔ won with the solution shown');
    expect(third).not.toHaveTextContent('✔');
  });

  it('reads corrupt or foreign progress as none, never failing', async () => {
    expect(parseProgress('{not json')).toEqual({});
    expect(parseProgress('[1,2]')).toEqual({});
    expect(parseProgress('{"won": {"__proto__": "won", "c01": "maybe"}}')).toEqual({});
    expect(withWin({ a: 'won' }, 'a', 'helped')).toEqual({ a: 'won' });
    expect(withWin({ a: 'helped' }, 'a', 'won')).toEqual({ a: 'won' });
    localStorage.setItem(PROGRESS_KEY, '{"version": 1, "won": 7}');
    renderWithBackend(<ExamplesMenu />);
    await userEvent.click(screen.getByRole('button', { name: /Examples/ }));
    const gallery = await screen.findByRole('dialog', { name: 'Examples' });
    await waitFor(() => expect(within(gallery).getAllByRole('button').length).toBeGreaterThan(11));
    expect(gallery).not.toHaveTextContent('✔ won');
  });
});
