// A fake worker client for component tests: the same core functions the worker exposes, called in-process, with
// a log of calls. Rendering helpers wrap a component in the client context, and for a run panel start the
// simulation loop as the app does (startApp).
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { onTestFinished } from 'vitest';
import { compareWithContrast, decodeLink, EXAMPLES, GALLERY, loadScenario, scenarioGoalSolution, scenarioGoalStatus, scenarioMarkdown, scenarioQuiz, shareLinkOf, type MarkdownReportOptions, type Scenario } from '../../../src/core/index.ts';
import { AMBIENT_THREAD_LOCAL_CATALOG, indexMoments, landOn, simulate, type Moment } from '../../../src/core/scheduler/index.ts';
import { startPredictSync } from '../../../src/state/sync/predict.ts';
import { startRunSync } from '../../../src/state/sync/run.ts';
import { CoreClientContext, type CoreClient } from '../../../src/ui/coreClient.ts';
import { fakeClient } from '../../helpers/client.ts';

/** The worker functions the run side's components and the simulation loop call. */
export type RunClient = Pick<
  CoreClient,
  'simulate' | 'simulateAt' | 'compareScenario' | 'scenarioQuiz' | 'slotCatalog' | 'examples' | 'gallery' | 'goalStatus' | 'goalSolution' | 'shareLinkOf' | 'decodeLink' | 'loadScenario' | 'scenarioMarkdown'
>;

export interface FakeBackend extends RunClient {
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
    scenarioQuiz: (scenario: Scenario) => log('scenarioQuiz', scenarioQuiz(scenario, simulate(scenario))),
    slotCatalog: () => log('slotCatalog', AMBIENT_THREAD_LOCAL_CATALOG),
    examples: () => log('examples', EXAMPLES),
    shareLinkOf: (scenario: unknown) => log('shareLinkOf', shareLinkOf(scenario)),
    decodeLink: (text: string) => log('decodeLink', decodeLink(text)),
    loadScenario: (input: unknown) => log('loadScenario', loadScenario(input)),
    scenarioMarkdown: (scenario: Scenario, step: number, baseUrl: string, predict?: MarkdownReportOptions['predict']) =>
      log('scenarioMarkdown', scenarioMarkdown(scenario, simulate(scenario), { step, baseUrl, ...(predict ? { predict } : {}) })),
    gallery: () => log('gallery', GALLERY),
    goalStatus: (scenario: Scenario) => log('goalStatus', scenarioGoalStatus(scenario)),
    goalSolution: (scenario: Scenario) => log('goalSolution', scenarioGoalSolution(scenario)),
  };
}

/** Renders `ui` with `backend` as the worker client. */
export function renderWithBackend(ui: ReactElement, backend: Partial<CoreClient> & RunClient = createFakeBackend()) {
  return { backend, ...render(<CoreClientContext.Provider value={fakeClient(backend)}>{ui}</CoreClientContext.Provider>) };
}

/** Renders a run panel (or the embed) as the app runs it: with `backend` as the worker client and the simulation
 * and Predict loops (which startApp starts) running until the test ends. */
export function renderWithRunLoop(ui: ReactElement, backend: Partial<CoreClient> & RunClient = createFakeBackend()) {
  const rendered = renderWithBackend(ui, backend);
  const client = fakeClient(backend);
  onTestFinished(startRunSync(client));
  onTestFinished(startPredictSync(client));
  return rendered;
}

/** The lesson with `id` (fails the test when missing). */
export function lesson(id: string): Scenario {
  const example = EXAMPLES.find((e) => e.id === id);
  if (!example) throw new Error(`no example ${id}`);
  return example.scenario;
}
