// Teaching: Predict mode's questions for a scenario (the lesson it runs, else its checks). Pure; depends on the
// lessons (../examples) for the landing a scenario's questions are about, and on ./questions.ts.
import { lessonOf } from '../examples/index.ts';
import type { Scenario } from '../scenario/types.ts';
import type { TracedRun } from '../scheduler/run.ts';
import { quizOf, type Quiz } from './questions.ts';

export { quizLines, quizOf, type Question, type Quiz } from './questions.ts';

/** The questions Predict mode asks of `scenario`'s run (`simulation`, its trace): at each read or check of the lesson
 * the scenario runs (its programs), or at each check when it runs no lesson. */
export function scenarioQuiz(scenario: Scenario, simulation: Pick<TracedRun, 'steps' | 'slots'>): Quiz {
  return quizOf(simulation.steps, simulation.slots, lessonOf(scenario)?.landing ?? null);
}
