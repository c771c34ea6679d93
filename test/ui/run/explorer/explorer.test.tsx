// @vitest-environment jsdom
// The explorer panel under the stepper, against a seeded store. The explorer backend is the worker's own functions
// called in-process (the worker module's slice loop, cancel and replay; only comlink is left out), so these tests
// also cover the worker side. Expected numbers come from core's `explore`, never hard-coded.
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { explore, type ExploreProgress, type Scenario } from '../../../../src/core/index.ts';
import { resetStore, useStore } from '../../../../src/state/store.ts';
import type { ExplorerClient } from '../../../../src/ui/run/explorer/actions.ts';
import RunPanel from '../../../../src/ui/run/RunPanel.tsx';
import { resetSessionBoot } from '../../../../src/ui/share/startSession.ts';
import { api } from '../../../../src/worker/core.worker.ts';
import { getWorkerHealth, setWorkerHealth } from '../../../../src/worker/health.ts';
import { RESTARTED_TEXT } from '../../../../src/ui/run/explorer/verdict.ts';
import { createFakeBackend, lesson, renderWithRunLoop } from '../fakeBackend.tsx';

interface WorkerFake extends ExplorerClient {
  calls: string[];
  progress: ExploreProgress[];
}

/** The worker's explorer functions, in-process, with a log of calls and of every progress post. */
function createWorkerFake(): WorkerFake {
  const calls: string[] = [];
  const progress: ExploreProgress[] = [];
  return {
    calls,
    progress,
    startExplore: (id, scenario, options, onProgress) => {
      calls.push(`startExplore ${id}`);
      return api.startExplore(id, scenario, options, (p) => {
        progress.push(p);
        onProgress?.(p);
      });
    },
    cancelExplore: async (id) => {
      calls.push(`cancelExplore ${id}`);
      api.cancelExplore(id);
    },
    replayScenario: async (scenario, picks, mode) => {
      calls.push('replayScenario');
      return api.replayScenario(scenario, picks, mode);
    },
  };
}

function withRun(scenario: Scenario, run: Partial<Scenario['run']>): Scenario {
  return { ...scenario, run: { ...scenario.run, ...run }, view: { step: 0, tab: null } };
}

async function renderPanel(scenario: Scenario, settings?: { prune?: boolean; maxSchedules?: number }) {
  act(() => {
    useStore.getState().loadScenario(scenario);
    if (settings) useStore.getState().setExplorerSettings(settings);
  });
  const worker = createWorkerFake();
  // One client: the explorer's functions from `worker` (which a test may replace on it), the run side's from the fake.
  const { calls: _runCalls, ...run } = createFakeBackend();
  renderWithRunLoop(<RunPanel />, Object.assign(worker, run));
  await waitFor(() => expect(useStore.getState().simulation).not.toBeNull());
  // The explorer panel is a lazy chunk of the run panel.
  await screen.findByRole('region', { name: /^Explorer/ }, { timeout: 10000 });
  return worker;
}

const explorer = () => screen.getByRole('region', { name: /^Explorer/ });
const verdict = () => within(explorer()).getByRole('status', { name: 'Explorer verdict' });
const exploreButton = () => within(explorer()).getByRole('button', { name: 'Explore' });
const cancelButton = () => within(explorer()).getByRole('button', { name: 'Cancel' });
const failingList = () => within(explorer()).getByRole('list', { name: 'Failing schedules' });

async function exploreToEnd() {
  await userEvent.click(exploreButton());
  await waitFor(() => expect(useStore.getState().explorerStatus).toBe('done'), { timeout: 10000 });
}

beforeEach(() => {
  localStorage.clear();
  resetStore();
  resetSessionBoot();
});

describe('running the explorer', () => {
  it('Explore shows the mode, fills the progress bar, and reports F2’s failing schedules simplest first', async () => {
    const scenario = lesson('f2-mutation-session');
    const expected = explore(scenario);
    const worker = await renderPanel(scenario);
    expect(within(explorer()).getByText(scenario.run.mode)).toBeInTheDocument();
    expect(cancelButton()).toBeDisabled();
    await exploreToEnd();

    expect(worker.calls).toEqual(['startExplore 1']);
    expect(worker.progress.at(-1)?.done).toBe(true);
    expect(within(explorer()).getByRole('progressbar', { name: 'Exploration progress' })).toHaveAttribute('value', '1');
    expect(explorer()).toHaveTextContent(`${expected.runs} runs`);
    expect(explorer()).toHaveTextContent(`${expected.schedules} schedules`);
    expect(explorer()).toHaveTextContent(`${expected.failing} failing`);
    expect(explorer()).toHaveTextContent(`preemption bound ${expected.bound}`);
    expect(verdict()).toHaveTextContent(`✖ ${expected.failing} failing schedules found`);
    expect(verdict()).toHaveTextContent('every interleaving covered');

    const items = within(failingList()).getAllByRole('listitem');
    expect(items).toHaveLength(expected.failures.length);
    const preemptions = expected.failures.map((f) => f.preemptions);
    expect(preemptions).toEqual([...preemptions].sort((a, b) => a - b));
    const first = expected.failures[0]!;
    // Core's words for it, the line the CLI prints too.
    expect(first.summary).toBe(`${first.preemptions} preemptions · ${first.length} choices · ${first.crosswires.length} cross-wires`);
    expect(items[0]).toHaveTextContent(`#1 ${first.summary}`);
    expect(explorer()).toHaveTextContent('fewest preemptions first (the first has the fewest possible)');
    expect(items[0]).toHaveTextContent('alpha after llm_call (line 2)');
    expect(items[0]).toHaveTextContent(`cross-wire at step ${first.crosswires[0]!.at} (${first.crosswires[0]!.slot}): ${first.crosswires[0]!.consequence}`);
    expect(exploreButton()).toBeEnabled();
  });

  it('a scenario whose every schedule is clean says so, with no list', async () => {
    const scenario = withRun(lesson('f2-mutation-session'), { mode: 'scoped', captured: null });
    expect(explore(scenario).failing).toBe(0);
    await renderPanel(scenario);
    await exploreToEnd();
    expect(verdict()).toHaveTextContent('✓ Complete: no schedule cross-wires');
    expect(within(explorer()).queryByRole('list', { name: 'Failing schedules' })).toBeNull();
  });

  it('a budget smaller than the search stops it and says the result is incomplete', async () => {
    const scenario = withRun(lesson('three-way-fan-out'), { mode: 'scoped', captured: null });
    const expected = explore(scenario, { prune: false, maxSchedules: 1000 });
    expect(expected.complete).toBe(false);
    expect(expected.failing).toBe(0);
    await renderPanel(scenario);
    await userEvent.click(within(explorer()).getByRole('checkbox', { name: 'Prune equivalent schedules' }));
    await userEvent.selectOptions(within(explorer()).getByRole('combobox', { name: 'Budget' }), '1,000 runs');
    expect(useStore.getState().explorerSettings).toEqual({ prune: false, maxSchedules: 1000 });
    await exploreToEnd();
    expect(verdict()).toHaveTextContent('◌ Stopped at the budget: incomplete');
    expect(explorer()).toHaveTextContent(`${expected.schedules.toLocaleString('en-US')} schedules`);
  });

  it('Cancel stops a long exploration between slices and keeps what it found', async () => {
    // Three children with five awaits each, unpruned: hundreds of millions of schedules, so the 1,000,000-run budget
    // takes seconds on any machine, and the Cancel click lands while it runs (a lesson's space finished first here).
    const source = `pipeline main() {\n${['llm_call("plan")', 'http_get("https://api.example.com/x")', 'write_file("out.md", "x")', 'llm_call("review")', 'yield_now()'].map((line) => `  ${line}`).join('\n')}\n}`;
    const base = lesson('three-way-fan-out');
    const scenario: Scenario = { ...base, children: base.children.map((child) => ({ ...child, source })) };
    const budget = 1_000_000;
    const worker = await renderPanel(scenario, { prune: false, maxSchedules: budget });
    await userEvent.click(exploreButton());
    expect(exploreButton()).toBeDisabled();
    await waitFor(() => expect(useStore.getState().explorerProgress?.runs ?? 0).toBeGreaterThan(0));
    expect(verdict()).toHaveTextContent(/Exploring: /);
    await userEvent.click(cancelButton());
    await waitFor(() => expect(useStore.getState().explorerStatus).toBe('done'), { timeout: 10000 });
    const result = useStore.getState().explorerResult!;
    expect(worker.calls).toEqual(['startExplore 1', 'cancelExplore 1']);
    expect(result.cancelled).toBe(true);
    expect(result.complete).toBe(false);
    expect(result.runs).toBeGreaterThan(0);
    expect(result.runs).toBeLessThan(budget);
    expect(verdict()).toHaveTextContent('cancelled before covering every interleaving');
    expect(exploreButton()).toBeEnabled();
    expect(cancelButton()).toBeDisabled();
  });

  it('is keyboard-operable: Enter on Explore runs it, Enter on a failing schedule replays it', async () => {
    await renderPanel(lesson('f2-mutation-session'));
    exploreButton().focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(useStore.getState().explorerStatus).toBe('done'));
    const first = within(failingList()).getAllByRole('button')[0]!;
    first.focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(useStore.getState().replayedFailure).toBe(0));
  });
});

describe('what goes wrong', () => {
  it("groups F1's failures by kind, the lesson's cwd bug first, and replays a group's simplest schedule", async () => {
    await renderPanel(lesson('f1-cwd-env'));
    await exploreToEnd();
    const { groups, failures } = useStore.getState().explorerResult!;
    const list = screen.getByRole('list', { name: 'What goes wrong' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(groups.length);
    expect(items[0]).toHaveTextContent(`✖ cross-wire VM_EXECUTION_CONTEXT: a task's files land in another task's worktree · ${groups[0]!.count} schedules`);
    await userEvent.click(within(items[0]!).getByRole('button'));
    const simplest = failures[groups[0]!.simplest]!;
    await waitFor(() => expect(useStore.getState().scenario.run.schedule).toEqual({ kind: 'picks', picks: simplest.picks }));
    // Every failing schedule was kept: no sentence qualifies the counts.
    expect(screen.queryByText(/^Counted over the/)).toBeNull();
  });

  it('says the group counts cover only the failing schedules kept when more failed', async () => {
    await renderPanel(withRun(lesson('three-way-fan-out'), { mode: 'unscoped' }));
    await exploreToEnd();
    const groups = screen.getByRole('list', { name: 'What goes wrong' }).parentElement!;
    expect(groups).toHaveTextContent('Counted over the 50 simplest failing schedules kept, of 4,566 found.');
    expect(screen.getByText('The 50 simplest failing schedules (of 4,566)')).toBeInTheDocument();
  });
});

describe('replaying a failing schedule', () => {
  it('loads its picks with zero latencies into the stepper and moves to its first cross-wire', async () => {
    const worker = await renderPanel(lesson('f2-mutation-session'));
    await exploreToEnd();
    const failure = useStore.getState().explorerResult!.failures[0]!;
    await userEvent.click(within(failingList()).getAllByRole('button')[0]!);
    expect(worker.calls).toContain('replayScenario');
    const run = useStore.getState().scenario.run;
    expect(run.schedule).toEqual({ kind: 'picks', picks: failure.picks });
    expect(Object.values(run.latency).every((l) => l === 0)).toBe(true);
    await waitFor(() => expect(useStore.getState().stepIndex).toBe(failure.crosswires[0]!.step));
    const { simulation, stepIndex } = useStore.getState();
    const step = simulation!.steps[stepIndex]!;
    expect((step.kind === 'read' || step.kind === 'check') && step.crosswire).toBe(true);
    expect(screen.getByRole('status', { name: '' })).toHaveTextContent(/cross-wire/);
    const red = within(screen.getByRole('list', { name: 'Reads' })).getAllByRole('listitem').filter((li) => li.classList.contains('read-crosswire'));
    expect(red[0]).toHaveTextContent(failure.crosswires[0]!.consequence);
    expect(within(failingList()).getAllByRole('button')[0]).toHaveAttribute('aria-current', 'true');
    expect(screen.getByText(new RegExp(`Schedule: picks: ${failure.picks.join(' → ')}`))).toBeInTheDocument();
  });

  it('a schedule that only leaks replays to the last step, where the leak shows', async () => {
    await renderPanel(lesson('panic-leak'));
    await exploreToEnd();
    const failure = useStore.getState().explorerResult!.failures[0]!;
    expect(failure.crosswires).toHaveLength(0);
    expect(within(failingList()).getAllByRole('listitem')[0]).toHaveTextContent(`leak the outer thread keeps ${failure.leaks.join(', ')}`);
    await userEvent.click(within(failingList()).getAllByRole('button')[0]!);
    await waitFor(() => expect(useStore.getState().scenario.run.schedule).toEqual({ kind: 'picks', picks: failure.picks }));
    await waitFor(() => {
      const { simulation, stepIndex } = useStore.getState();
      expect(simulation!.summary.leaks).toEqual(failure.leaks);
      expect(stepIndex).toBe(simulation!.steps.length - 1);
    });
  });

  it('after the programs or mode change, the old schedules can no longer be replayed', async () => {
    await renderPanel(lesson('f2-mutation-session'));
    await exploreToEnd();
    act(() => useStore.getState().setRunMode('unscoped'));
    expect(within(explorer()).getByText(/The scenario changed since this exploration/)).toBeInTheDocument();
    for (const button of within(failingList()).getAllByRole('button')) expect(button).toBeDisabled();
    // Back to the explored mode: the result applies again.
    act(() => useStore.getState().setRunMode('scoped'));
    expect(within(explorer()).queryByText(/The scenario changed/)).toBeNull();
    expect(within(failingList()).getAllByRole('button')[0]).toBeEnabled();
  });
});

describe('a worker restarted during an exploration', () => {
  it('says the exploration started again, and a later exploration without a restart does not', async () => {
    const scenario = lesson('f2-mutation-session');
    const worker = await renderPanel(scenario);
    const startExplore = worker.startExplore;
    // The watchdog restarts the worker and sends the request again: the fresh worker explores from the start.
    worker.startExplore = (id, s, options, onProgress) => {
      setWorkerHealth({ kind: 'restarted', reason: 'hung', restarts: getWorkerHealth().restarts + 1 });
      return startExplore(id, s, options, onProgress);
    };
    try {
      await exploreToEnd();
      expect(within(explorer()).getByText(RESTARTED_TEXT)).toBeInTheDocument();
      expect(verdict()).toHaveTextContent(`${explore(scenario).failing} failing schedules found`);
      worker.startExplore = startExplore;
      await exploreToEnd();
      expect(within(explorer()).queryByText(RESTARTED_TEXT)).toBeNull();
    } finally {
      setWorkerHealth({ kind: 'running', restarts: 0 });
    }
  });
});
