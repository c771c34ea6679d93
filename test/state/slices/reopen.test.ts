// Reopening the scenario on screen (the open lesson from the gallery, or a link of it) is the same run's scenario:
// the run's inputs keep their identity, so no new trace is asked for and the position is applied at once; a setting
// switched right after lands on the moment shown, not on a step number of a trace still coming.
import { beforeEach, describe, expect, it } from 'vitest';
import { EXAMPLES, simulate } from '../../../src/core/index.ts';
import { isRunOfCurrentInputs } from '../../../src/state/slices/run.ts';
import { resetStore, useStore } from '../../../src/state/store.ts';

const f1 = EXAMPLES.find((e) => e.id === 'f1-cwd-env')!.scenario;
/** A copy as the worker hands it over (postMessage clones: equal, never the same objects). */
const cloned = () => structuredClone(f1);

beforeEach(() => resetStore());

describe('reopening the scenario on screen', () => {
  it('keeps the run inputs of the trace on screen, and the position lands at once', () => {
    useStore.getState().loadScenario(cloned());
    const scenario = useStore.getState().scenario;
    useStore.setState({ simulation: simulate(scenario), simulatedScenario: scenario });
    useStore.getState().loadScenario(cloned());
    const reopened = useStore.getState().scenario;
    expect(reopened.parent).toBe(scenario.parent);
    expect(reopened.children).toBe(scenario.children);
    expect(reopened.run).toBe(scenario.run);
    expect(isRunOfCurrentInputs(useStore.getState())).toBe(true);
    useStore.getState().restoreStep(12);
    expect(useStore.getState()).toMatchObject({ stepIndex: 12, pendingStep: null });
    // The mode switched right after: the next trace is asked to land on the moment at step 12.
    useStore.getState().setRunMode('scoped');
    expect(useStore.getState().pendingMoment).not.toBeNull();
  });

  it('takes a scenario that differs in its programs whole (and the loaded object itself when nothing is kept)', () => {
    useStore.getState().loadScenario(cloned());
    const before = useStore.getState().scenario;
    const changed = cloned();
    changed.children = changed.children.map((c) => ({ ...c, source: `${c.source}\n` }));
    changed.parent = { ...changed.parent, source: `${changed.parent.source}\n` };
    changed.run = { ...changed.run, mode: 'naive' };
    useStore.getState().loadScenario(changed);
    expect(useStore.getState().scenario).toBe(changed);
    expect(useStore.getState().scenario.children).not.toBe(before.children);
  });

  it("keys the boot's preview of a link to the scenario on screen when some of its objects are kept", () => {
    // F3 leaves its run settings to the defaults, as the default scenario does: its run object is kept.
    const f3 = structuredClone(EXAMPLES.find((e) => e.id === 'f3-forcing-function')!.scenario);
    useStore.getState().loadScenario(structuredClone(f1));
    useStore.getState().loadScenario({ ...f3, run: structuredClone(useStore.getState().scenario.run) });
    const linked = structuredClone(useStore.getState().scenario);
    linked.parent = { ...linked.parent, source: `${linked.parent.source}\n` };
    useStore.getState().setPreview({ scenario: linked, preview: null as never });
    useStore.getState().loadScenario(linked);
    const { scenario, preview } = useStore.getState();
    expect(scenario).not.toBe(linked);
    expect(preview?.scenario).toBe(scenario);
  });
});
