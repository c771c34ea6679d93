// One simulation per edit: the requests the page makes for one scenario — the trace, Predict mode's questions, the
// goal's verdict, "Copy as Markdown" — share the worker's one kept run, and say what a fresh run says.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { evaluateGoal, loadScenario, scenarioMarkdown, scenarioQuiz, type Scenario } from '../../src/core/index.ts';

const counter = vi.hoisted(() => ({ runs: 0 }));
vi.mock('../../src/core/scheduler/simulate.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/core/scheduler/simulate.ts')>();
  return { ...real, simulate: (...args: Parameters<typeof real.simulate>) => (counter.runs++, real.simulate(...args)) };
});

const realSelf = (globalThis as { self?: unknown }).self;
let api: typeof import('../../src/worker/core.worker.ts').api;
let fresh: typeof import('../../src/core/scheduler/simulate.ts').simulate;

const read = (file: string): Scenario => loadScenario(JSON.parse(readFileSync(join(import.meta.dirname, '../../examples', file), 'utf8'))).value!;

beforeAll(async () => {
  (globalThis as { self?: unknown }).self = Object.assign(new EventTarget(), { postMessage: () => undefined });
  ({ api } = await import('../../src/worker/core.worker.ts'));
  fresh = (await vi.importActual<typeof import('../../src/core/scheduler/simulate.ts')>('../../src/core/scheduler/simulate.ts')).simulate;
});

afterAll(() => {
  (globalThis as { self?: unknown }).self = realSelf;
});

beforeEach(() => {
  counter.runs = 0;
});

describe("the worker's run of an edit", () => {
  const challenge = read('challenges/c01-no-interleaving.json');

  it('is simulated once for the trace, the questions, the goal and the Markdown, with the results of a fresh run', () => {
    // An edit: the scenario changes (another schedule), then each loop asks for its part, the view moved on between.
    const edited: Scenario = { ...challenge, run: { ...challenge.run, schedule: { kind: 'picks', picks: ['beta'] } }, view: { ...challenge.view, predict: true } };
    const status = api.goalStatus(edited);
    const traced = api.simulateAt({ ...edited, view: { ...edited.view, step: 4 } }, null);
    const quiz = api.scenarioQuiz(edited);
    const markdown = api.scenarioMarkdown(edited, 3, 'https://example.test/');
    expect(counter.runs).toBe(1);

    const whole = fresh(edited);
    expect({ ...traced, landing: undefined }).toEqual({ ...whole, landing: undefined });
    expect(quiz).toEqual(scenarioQuiz(edited, whole));
    expect(status!.verdict).toEqual(evaluateGoal(edited.goal!, whole, { scenario: edited, baseline: challenge }));
    expect(markdown).toEqual(scenarioMarkdown(edited, whole, { step: 3, baseUrl: 'https://example.test/' }));
  });

  it('runs a changed scenario afresh, keeping only the last run', () => {
    api.simulate(challenge);
    const other: Scenario = { ...challenge, run: { ...challenge.run, mode: 'scoped' } };
    expect(api.simulate(other)).toEqual(fresh(other));
    api.simulate(other);
    expect(counter.runs).toBe(2);
    // The first scenario was dropped for the second: asked again, it is run again (and says the same).
    expect(api.simulate(challenge)).toEqual(fresh(challenge));
    expect(counter.runs).toBe(3);
  });
});
