// One step number: the stepper's label (state/runNav, which the UI may import) and core's stepNumber (the Markdown
// report, the CLI, the scrub marks) give the same text for every step of every lesson, in every mode.
import { describe, expect, it } from 'vitest';
import { EXAMPLES, eventSteps, simulate, stepNumber } from '../../src/core/index.ts';
import { stepLabel } from '../../src/state/runNav.ts';

describe('one step number', () => {
  for (const example of EXAMPLES) {
    it(`${example.id}: the stepper's label is core's number at every step; events are whole numbers`, () => {
      for (const mode of ['scoped', 'unscoped', 'naive'] as const) {
        const simulation = simulate({ ...example.scenario, run: { ...example.scenario.run, mode } });
        const events = eventSteps(simulation.steps);
        for (const step of simulation.steps) {
          expect(stepLabel(simulation, step.index)).toBe(stepNumber(events, step.index));
          if (step.event) expect(stepNumber(events, step.index)).toMatch(/^\d+$/);
          else expect(stepNumber(events, step.index)).toMatch(/^\d+\.\d+$/);
        }
        // The scrub marks count the same way.
        for (const marker of simulation.markers) expect(String(marker.at)).toBe(stepNumber(events, marker.step).split('.')[0]);
      }
    });
  }
});
