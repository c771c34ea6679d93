// Predict mode (issue 28): on or off (part of the link, `view.predict`), what it hides (the teacher's
// `view.predictHides`; null = every part), the questions of the shown run (from the worker, for the scenario they
// were asked of) and the student's answers, keyed by the question's trace step. What is hidden at a step and the
// score are derived here, from the questions core wrote; no words are made here.
import type { PredictPart, Scenario } from '../../core/scenario/types.ts';
import type { Question, Quiz } from '../../core/teaching/questions.ts';
import type { SliceCreator } from '../storeTypes.ts';
import { sameRunInputs } from './run.ts';

export interface PredictSlice {
  /** Predict mode is on (carried by links in `view.predict`). */
  predict: boolean;
  /** What Predict mode hides, as the scenario says (`view.predictHides`); null = every part. */
  predictHides: readonly PredictPart[] | null;
  /** The questions of the run of `scenario` (the simulated scenario they were asked of); null until asked. */
  quiz: { scenario: Scenario; quiz: Quiz } | null;
  /** The chosen answer (an index into the question's choices) per question step. */
  predictAnswers: Readonly<Record<number, number>>;
  /** Answers the autosave brought back, for the run of `scenario` (the one restored): its first questions keep
   * those that fit them; any other scenario's questions start fresh. */
  restoredAnswers: { scenario: Scenario; answers: Readonly<Record<number, number>> } | null;
  setPredict: (on: boolean) => void;
  receiveQuiz: (scenario: Scenario, quiz: Quiz) => void;
  /** Answers the question at `step` (once; a second answer is ignored). */
  answerQuestion: (step: number, choice: number) => void;
  /** Forgets every answer and goes back to the start of the run. */
  restartPredict: () => void;
  /** Puts back the answers the autosave kept for the scenario on screen (just restored). */
  restorePredictAnswers: (answers: Readonly<Record<number, number>>) => void;
}

export const createPredictSlice: SliceCreator<PredictSlice> = (set, get) => ({
  predict: false,
  predictHides: null,
  quiz: null,
  predictAnswers: {},
  restoredAnswers: null,
  setPredict: (predict) => set({ predict, predictAnswers: {}, restoredAnswers: null, playing: false }),
  receiveQuiz: (scenario, quiz) =>
    set((state) => {
      const restored = state.restoredAnswers !== null && sameRunInputs(state.restoredAnswers.scenario, scenario) ? answersFitting(state.restoredAnswers.answers, quiz) : null;
      return { quiz: { scenario, quiz }, predictAnswers: restored ?? (sameQuestions(state.quiz?.quiz ?? null, quiz) ? state.predictAnswers : {}), restoredAnswers: null };
    }),
  answerQuestion: (step, choice) => {
    if (get().predictAnswers[step] !== undefined) return;
    set(({ predictAnswers }) => ({ predictAnswers: { ...predictAnswers, [step]: choice } }));
  },
  restartPredict: () => {
    set({ predictAnswers: {}, restoredAnswers: null, playing: false, selectedRead: null });
    get().setStep(0);
  },
  restorePredictAnswers: (answers) => set({ predictAnswers: answers, restoredAnswers: { scenario: get().scenario, answers } }),
});

// The saved answers that are answers to these questions (a question at that step, a choice it offers).
function answersFitting(answers: Readonly<Record<number, number>>, quiz: Quiz): Record<number, number> {
  const out: Record<number, number> = {};
  for (const question of quiz.questions) {
    const chosen = answers[question.step];
    if (chosen !== undefined && Number.isInteger(chosen) && chosen >= 0 && chosen < question.choices.length) out[question.step] = chosen;
  }
  return out;
}

// Answers stay with the same questions (a re-run of the same scenario); another run asks again.
function sameQuestions(a: Quiz | null, b: Quiz): boolean {
  return a !== null && a.questions.length === b.questions.length && a.questions.every((q, i) => q.step === b.questions[i]!.step && q.prompt === b.questions[i]!.prompt && q.answer === b.questions[i]!.answer);
}

/** What Predict mode shows at the current step: hidden parts, the question here (if unanswered or just answered),
 * the first unanswered question's step (the stepper goes no further), and the score. */
export interface PredictView {
  /** The parts hidden now (none once every question is answered). */
  hides: ReadonlySet<PredictPart>;
  /** The questions are on their way from the worker. */
  pending: boolean;
  /** The question at the current step, with the answer given (null: not yet). */
  question: { question: Question; chosen: number | null } | null;
  /** The step of the first unanswered question, or null when every one is answered. */
  stop: number | null;
  /** The unanswered question's step being the current one (its answer is hidden). */
  asking: boolean;
  total: number;
  answered: number;
  right: number;
}

const ALL_PARTS: readonly PredictPart[] = ['consequence', 'verdicts', 'owners', 'marks', 'counts', 'compare'];

/** Predict mode's view of the state, or null when it is off. */
export function predictViewOf(state: {
  predict: boolean;
  predictHides: readonly PredictPart[] | null;
  quiz: { scenario: Scenario; quiz: Quiz } | null;
  predictAnswers: Readonly<Record<number, number>>;
  simulatedScenario: Scenario | null;
  stepIndex: number;
}): PredictView | null {
  if (!state.predict) return null;
  const parts = new Set(state.predictHides ?? ALL_PARTS);
  const quiz = state.quiz !== null && state.quiz.scenario === state.simulatedScenario ? state.quiz.quiz : null;
  if (quiz === null) return { hides: parts, pending: true, question: null, stop: null, asking: false, total: 0, answered: 0, right: 0 };
  let answered = 0;
  let right = 0;
  let stop: number | null = null;
  let here: PredictView['question'] = null;
  for (const question of quiz.questions) {
    const chosen = state.predictAnswers[question.step] ?? null;
    if (chosen === null) stop ??= question.step;
    else {
      answered++;
      if (chosen === question.answer) right++;
    }
    if (question.step === state.stepIndex) here = { question, chosen };
  }
  const hides = stop === null ? new Set<PredictPart>() : parts;
  const asking = here !== null && here.chosen === null;
  return { hides, pending: false, question: here, stop, asking, total: quiz.questions.length, answered, right };
}
