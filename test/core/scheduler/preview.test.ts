// A link's first reply (previewLink): the stepper at the landing step — that step, the steps of its poll before it,
// the counts — taken from the same simulation the whole trace comes from, and small next to it.
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { createLinkPreviewer, EXAMPLES, encodeLink, PREVIEW_MAX_STEPS, previewAt, previewLink, simulate, type Scenario } from '../../../src/core/index.ts';
import { eventPosition } from '../../../src/state/runNav.ts';

const atStep = (scenario: Scenario, step: number): Scenario => ({ ...scenario, view: { ...scenario.view, step } });

describe('previewLink', () => {
  for (const example of EXAMPLES) {
    it(`${example.id}: the landing step, its poll and the stepper's counts, as the whole trace has them`, () => {
      const { decoded, preview } = previewLink(encodeLink(example.scenario));
      expect(decoded.error).toBeNull();
      const whole = simulate(decoded.value!);
      const landing = Math.min(decoded.value!.view.step, whole.steps.length - 1);
      expect(preview).not.toBeNull();
      expect(preview!.steps[preview!.steps.length - 1]).toEqual(whole.steps[landing]);
      expect(preview!.from + preview!.steps.length - 1).toBe(landing);
      expect(preview!.steps).toEqual(whole.steps.slice(preview!.from, landing + 1));
      // From the poll the step belongs to (or the cap), and never past another poll's start.
      expect(preview!.steps.slice(1).some((step) => step.kind === 'poll-enter')).toBe(false);
      if (preview!.steps.length < PREVIEW_MAX_STEPS && preview!.from > 0) expect(preview!.steps[0]!.kind).toBe('poll-enter');
      expect(preview!.stepCount).toBe(whole.steps.length);
      expect(preview!.stepCountText).toBe(whole.steps.length.toLocaleString('en-US'));
      expect(preview!.position).toEqual(eventPosition(whole, landing));
      expect(preview!.tasks).toEqual(whole.tasks);
      expect(preview!.slots).toEqual(whole.slots);
      expect(preview!.catalog.map((slot) => slot.name)).toEqual(whole.slots);
      expect(serialize(preview).length).toBeLessThan(serialize(whole).length / 3);
    });
  }

  it('clamps a step past the end to the last step, and starts at step 0 for step 0', () => {
    const scenario = EXAMPLES[0]!.scenario;
    const whole = simulate(scenario);
    const last = previewAt(whole, 1_000_000)!;
    expect(last.from + last.steps.length - 1).toBe(whole.steps.length - 1);
    const first = previewLink(encodeLink(atStep(scenario, 0))).preview!;
    expect(first.from).toBe(0);
    expect(first.steps).toHaveLength(1);
    expect(first.position.at).toBe(1);
  });

  it('keeps at most PREVIEW_MAX_STEPS steps of a long poll', () => {
    const whole = simulate(EXAMPLES[0]!.scenario);
    // A poll as long as the whole trace: only the last PREVIEW_MAX_STEPS steps travel.
    const onePoll = { ...whole, steps: whole.steps.map((step) => (step.kind === 'poll-enter' ? { ...step, kind: 'wake' as const } : step)) };
    const end = onePoll.steps.length - 1;
    const preview = previewAt(onePoll as typeof whole, end)!;
    expect(end + 1).toBeGreaterThan(PREVIEW_MAX_STEPS);
    expect(preview.steps).toHaveLength(PREVIEW_MAX_STEPS);
    expect(preview.from).toBe(end - PREVIEW_MAX_STEPS + 1);
  });

  it('a link that cannot be opened says why and previews nothing', () => {
    const { decoded, preview } = previewLink('#s=1.@@@@');
    expect(decoded.value).toBeNull();
    expect(decoded.error?.message).toMatch(/base64url/);
    expect(preview).toBeNull();
  });
});

describe('createLinkPreviewer', () => {
  const counting = () => {
    let runs = 0;
    const run = (scenario: Scenario) => (runs++, simulate(scenario));
    return { run, runs: () => runs };
  };

  it("gives the preview's run to the trace and every request after it for that scenario: a link is simulated once", () => {
    const example = EXAMPLES[0]!;
    const { run, runs } = counting();
    const previewer = createLinkPreviewer(run);
    const { decoded } = previewer.previewLink(encodeLink(atStep(example.scenario, 5)));
    expect(runs()).toBe(1);
    // The page asks with the scenario as loaded, its view possibly moved on: the run does not read the view.
    const whole = previewer.simulate(atStep(decoded.value!, 9));
    expect(runs()).toBe(1);
    expect(whole).toEqual(simulate(decoded.value!));
    // Kept: the questions, the goal and the exports of the same scenario get the same run.
    expect(previewer.simulate(decoded.value!)).toBe(whole);
    expect(runs()).toBe(1);
  });

  it('runs any other scenario afresh and drops the kept run', () => {
    const [first, second] = EXAMPLES;
    const { run, runs } = counting();
    const previewer = createLinkPreviewer(run);
    const { decoded } = previewer.previewLink(encodeLink(first!.scenario));
    expect(previewer.simulate(second!.scenario)).toEqual(simulate(second!.scenario));
    expect(runs()).toBe(2);
    previewer.simulate(decoded.value!);
    expect(runs()).toBe(3);
  });
});
