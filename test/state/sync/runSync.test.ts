// The run sync with a slow worker: a run-setting change asks for a new trace landing on the moment shown; a Step
// the user takes on the old trace while that trace is on its way is theirs to keep — the new trace lands on the
// moment they stepped to, not on the one shown when the setting changed (the CI flake of watchdog.test.mjs: Step
// clicked right after a mode switch came back to step 1).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findExample, indexMoments, landOn, momentKey, simulate } from '../../../src/core/index.ts';
import type { Moment } from '../../../src/core/index.ts';
import { momentAt } from '../../../src/state/runNav.ts';
import { startRunSync } from '../../../src/state/sync/run.ts';
import { resetStore, useStore } from '../../../src/state/store.ts';
import type { Scenario } from '../../../src/core/scenario/types.ts';

/** A worker whose replies wait until `release()`: each call records the moment it was asked to land on. */
function slowWorker() {
  const asked: (Moment | null)[] = [];
  const waiting: (() => void)[] = [];
  return {
    asked,
    release: () => waiting.splice(0).forEach((go) => go()),
    client: {
      simulateAt: (scenario: Scenario, moment: Moment | null) => {
        asked.push(moment);
        const result = simulate(scenario);
        const landing = moment === null ? null : landOn(indexMoments(result.steps), moment);
        return new Promise<ReturnType<typeof simulate> & { landing: typeof landing }>((resolve) =>
          waiting.push(() => resolve({ ...result, landing })),
        );
      },
      compareScenario: () => Promise.reject(new Error('not used')),
    },
  };
}

const keyAt = (step: number) => {
  const moment = momentAt(useStore.getState().simulation, step);
  return moment === null ? null : momentKey(moment);
};

let stop: (() => void) | null = null;
beforeEach(() => resetStore());
afterEach(() => stop?.());

/** F1 on screen with its first trace, the run sync started over a slow worker. */
async function f1WithItsTrace(): Promise<ReturnType<typeof slowWorker>> {
  useStore.getState().loadScenario(structuredClone(findExample('f1-cwd-env')!.scenario));
  const worker = slowWorker();
  stop = startRunSync(worker.client);
  await vi.waitFor(() => expect(worker.asked).toHaveLength(1));
  worker.release();
  await vi.waitFor(() => expect(useStore.getState().simulation).not.toBeNull());
  return worker;
}

/** Switches the mode; the new trace is asked for (and held by the slow worker). */
async function switchMode(worker: ReturnType<typeof slowWorker>): Promise<void> {
  useStore.getState().setRunMode(useStore.getState().scenario.run.mode === 'scoped' ? 'unscoped' : 'scoped');
  await vi.waitFor(() => expect(worker.asked).toHaveLength(2));
}

/** Releases replies until the trace on screen is the current scenario's, answering the latest request. */
async function settled(worker: ReturnType<typeof slowWorker>): Promise<void> {
  await vi.waitFor(() => {
    worker.release();
    const state = useStore.getState();
    expect(state.simulatedScenario).toBe(state.scenario);
    expect(state.simulationAnsweredId).toBe(state.simulationRequestId);
  });
}

describe('a Step taken while a run-setting change is re-simulated', () => {
  it('lands the new trace on the moment stepped to, not on the one shown at the change', async () => {
    const worker = await f1WithItsTrace();

    // The mode switched at step 0.
    await switchMode(worker);
    // The user steps on the trace still on screen: three events on.
    for (let i = 0; i < 3; i++) useStore.getState().stepForward();
    const steppedTo = keyAt(useStore.getState().stepIndex);
    expect(steppedTo).not.toBeNull();
    expect(steppedTo).not.toBe(keyAt(0));

    // The replies come: the trace on screen is the new mode's, at the moment stepped to.
    await settled(worker);
    expect(useStore.getState().pendingMoment).toBeNull();
    expect(keyAt(useStore.getState().stepIndex)).toBe(steppedTo);
    expect(worker.asked.at(-1) && momentKey(worker.asked.at(-1)!)).toBe(steppedTo);
  });

  it('keeps a reset to the start made while the trace is on its way', async () => {
    const worker = await f1WithItsTrace();
    for (let i = 0; i < 4; i++) useStore.getState().stepForward();
    await switchMode(worker);
    useStore.getState().resetStepper();
    await settled(worker);
    expect(useStore.getState().stepIndex).toBe(0);
  });
});
