// A fake worker client for component tests: the same core functions the worker exposes, called in-process, with
// a log of calls. Rendering helpers wrap a component in the backend context.
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { compareWithContrast, decodeLink, EXAMPLES, GALLERY, loadScenario, scenarioGoalSolution, scenarioGoalStatus, scenarioMarkdown, shareLinkOf, type Scenario } from '../../../src/core/index.ts';
import { AMBIENT_THREAD_LOCAL_CATALOG, indexMoments, landOn, simulate, type Moment } from '../../../src/core/scheduler/index.ts';
import { RunBackendContext, type RunBackend } from '../../../src/ui/run/backend.ts';

export interface FakeBackend extends RunBackend {
  calls: string[];
}

export function createFakeBackend(): FakeBackend {
  const calls: string[] = [];
  const log = <T,>(name: string, value: T): Promise<T> => {
    calls.push(name);
    return Promise.resolve(value);
  };
  return {
    calls,
    simulate: (scenario: Scenario) => log('simulate', simulate(scenario)),
    simulateAt: (scenario: Scenario, moment: Moment | null) => {
      const result = simulate(scenario);
      return log('simulate', { ...result, landing: moment === null ? null : landOn(indexMoments(result.steps), moment) });
    },
    compareScenario: (scenario: Scenario, contrastId: string | null = null) => log('compareScenario', compareWithContrast(scenario, contrastId)),
    slotCatalog: () => log('slotCatalog', AMBIENT_THREAD_LOCAL_CATALOG),
    examples: () => log('examples', EXAMPLES),
    shareLinkOf: (scenario: Scenario) => log('shareLinkOf', shareLinkOf(scenario)),
    decodeLink: (text: string) => log('decodeLink', decodeLink(text)),
    loadScenario: (input: unknown) => log('loadScenario', loadScenario(input)),
    scenarioMarkdown: (scenario: Scenario, step: number, baseUrl: string) => log('scenarioMarkdown', scenarioMarkdown(scenario, simulate(scenario), { step, baseUrl })),
    gallery: () => log('gallery', GALLERY),
    goalStatus: (scenario: Scenario) => log('goalStatus', scenarioGoalStatus(scenario)),
    goalSolution: (scenario: Scenario) => log('goalSolution', scenarioGoalSolution(scenario)),
  };
}

export function renderWithBackend(ui: ReactElement, backend: RunBackend = createFakeBackend()) {
  return { backend, ...render(<RunBackendContext.Provider value={backend}>{ui}</RunBackendContext.Provider>) };
}

/** The lesson with `id` (fails the test when missing). */
export function lesson(id: string): Scenario {
  const example = EXAMPLES.find((e) => e.id === id);
  if (!example) throw new Error(`no example ${id}`);
  return example.scenario;
}
