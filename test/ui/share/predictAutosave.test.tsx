// @vitest-environment jsdom
// Predict mode's answers are kept with the autosave (issue 28 left them out): a student's answers and score come back
// after a reload of the same scenario; a changed scenario starts fresh.
import { act } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scenarioQuiz, simulate, type Scenario } from '../../../src/core/index.ts';
import { createAppStore, resetStore } from '../../../src/state/store.ts';
import { predictViewOf } from '../../../src/state/slices/predict.ts';
import { bootSession, markBootRendered, type SessionStore } from '../../../src/ui/share/session.ts';
import { SAVE_DELAY_MS, startAutosave } from '../../../src/state/sync/autosave.ts';
import { createFakeBackend, lesson } from '../run/fakeBackend.tsx';
import { fakeEnv, savedRecord, type FakeEnv } from '../run/fakeSessionEnv.ts';

const backend = createFakeBackend();
const stops: (() => void)[] = [];

async function openTab(map: Map<string, string>, memory: string | null = null): Promise<{ store: ReturnType<typeof createAppStore>; env: FakeEnv }> {
  const store = createAppStore();
  const env = fakeEnv('', map);
  env.memory = memory;
  await bootSession(store, backend, env);
  markBootRendered(store, env);
  stops.push(startAutosave(store, backend, env));
  return { store, env };
}

// What the predict loop does when the worker's questions come: they are of the scenario on screen.
function questionsArrive(store: SessionStore & { getState(): ReturnType<ReturnType<typeof createAppStore>['getState']> }): void {
  const scenario = store.getState().scenario;
  act(() => store.getState().receiveQuiz(scenario, scenarioQuiz(scenario, simulate(scenario))));
}

const f1: Scenario = { ...lesson('f1-cwd-env'), view: { ...lesson('f1-cwd-env').view, predict: true } };
const quiz = scenarioQuiz(f1, simulate(f1));

// A student in Predict mode on F1 answers the first question right; the autosave writes.
async function answerFirstAndSave() {
  const map = new Map<string, string>();
  const a = await openTab(map);
  act(() => a.store.getState().loadScenario(f1));
  questionsArrive(a.store);
  const first = quiz.questions[0]!;
  act(() => a.store.getState().answerQuestion(first.step, first.answer));
  await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
  return { map, a, first };
}

beforeEach(() => {
  vi.useFakeTimers();
  resetStore();
});

afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  vi.useRealTimers();
});

describe("Predict mode's answers and the autosave", () => {
  it('come back after a reload of the same scenario, with the score', async () => {
    const { map, a, first } = await answerFirstAndSave();
    expect(savedRecord(a.env).answers).toEqual({ [first.step]: first.answer });

    const reloaded = await openTab(map, a.env.memory);
    expect(reloaded.store.getState().predict).toBe(true);
    questionsArrive(reloaded.store);
    const state = reloaded.store.getState();
    expect(state.predictAnswers).toEqual({ [first.step]: first.answer });
    const view = predictViewOf({ ...state, simulatedScenario: state.scenario });
    expect(view).toMatchObject({ answered: 1, right: 1, total: quiz.questions.length });
  });

  it('a scenario changed before its questions come starts fresh', async () => {
    const { map, a } = await answerFirstAndSave();

    const reloaded = await openTab(map, a.env.memory);
    act(() => void reloaded.store.getState().setSource('alpha', reloaded.store.getState().scenario.children[0]!.source + '\n// changed\n'));
    questionsArrive(reloaded.store);
    expect(reloaded.store.getState().predictAnswers).toEqual({});
  });

  it('keeps no answers outside Predict mode, and ignores stored answers that are not answers', async () => {
    const map = new Map<string, string>();
    const a = await openTab(map);
    act(() => a.store.getState().loadScenario(lesson('f1-cwd-env')));
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(savedRecord(a.env).answers).toBeUndefined();
    act(() => a.store.getState().loadScenario(f1));
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    const key = [...map.keys()].find((k) => map.get(k)!.includes('"scenario"'))!;
    map.set(key, JSON.stringify({ ...JSON.parse(map.get(key)!), answers: { [quiz.questions[0]!.step]: 99, x: 1, 3: -1 } }));
    const reloaded = await openTab(map, a.env.memory);
    questionsArrive(reloaded.store);
    expect(reloaded.store.getState().predictAnswers).toEqual({});
  });
});
