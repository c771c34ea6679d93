// Predict mode's questions (issue 28): a pure function of a trace and the lesson, with the candidate values from the
// trace and the answer the run gives; and the link field that turns Predict mode on and says what it hides.
import { describe, expect, it } from 'vitest';
import { decodeLink, encodeLink, findExample, loadScenario, normalizeScenario, scenarioQuiz, simulate, type Scenario } from '../../../src/core/index.ts';

function quizOfExample(id: string, change: (s: Scenario) => Scenario = (s) => s) {
  const scenario = change(findExample(id)!.scenario);
  const run = simulate(scenario);
  return { run, quiz: scenarioQuiz(scenario, run) };
}

describe('Predict questions', () => {
  it('asks F1 which working directory each write_file uses, with every cwd of the run as a choice', () => {
    const { run, quiz } = quizOfExample('f1-cwd-env');
    expect(quiz.headline).toBe('2 questions, at every read of VM_EXECUTION_CONTEXT for write_file.');
    const [first, second] = quiz.questions;
    expect(first).toMatchObject({
      stepLabel: '13',
      task: 'alpha',
      slot: 'VM_EXECUTION_CONTEXT',
      prompt: "Which working directory will alpha's write_file use from VM_EXECUTION_CONTEXT?",
      choices: ['/worktrees/alpha', '/worktrees/beta', '/worktrees/parent', 'nothing (the slot is empty)'],
    });
    expect(first!.choices[first!.answer]).toBe('/worktrees/beta');
    expect(second!.choices[second!.answer]).toBe('/worktrees/parent');
    // The question sits on the read itself, whose narration is what answering reveals.
    const step = run.steps[first!.step]!;
    expect(step.kind === 'read' && step.slot === 'VM_EXECUTION_CONTEXT' && step.observed).toContain('/worktrees/beta');
    expect(first!.right).toBe("Right: alpha's write_file gets /worktrees/beta from VM_EXECUTION_CONTEXT.");
  });

  it('follows the run: scoped, alpha uses its own cwd', () => {
    const { quiz } = quizOfExample('f1-cwd-env', (s) => ({ ...s, run: { ...s.run, mode: 'scoped' } }));
    expect(quiz.questions.map((q) => q.choices[q.answer])).toEqual(['/worktrees/alpha', '/worktrees/beta']);
  });

  it("asks F2 whose mutation session each write is audited under, and the fan-out each of its three children's cwd", () => {
    const f2 = quizOfExample('f2-mutation-session').quiz;
    expect(f2.questions.map((q) => [q.task, q.choices[q.answer]])).toEqual([
      ['alpha', 'session-beta/run-beta'],
      ['beta', 'session-parent/run-parent'],
    ]);
    const fan = quizOfExample('three-way-fan-out').quiz;
    expect(fan.questions.map((q) => q.task)).toEqual(['beta', 'alpha', 'gamma']);
    expect(fan.questions[0]!.choices).toEqual(['/worktrees/alpha', '/worktrees/beta', '/worktrees/gamma', '/worktrees/parent', 'nothing (the slot is empty)']);
  });

  it('asks a check lesson allowed or denied, a grant lesson spawned or refused, a panic lesson leak or restore', () => {
    const lifo = quizOfExample('lifo-interleaving').quiz.questions;
    expect(lifo.map((q) => [q.prompt, q.choices[q.answer]])).toEqual([['Will alpha\'s write_file("summary.md") be allowed or denied?', 'denied']]);
    const escalation = quizOfExample('escalation').quiz.questions;
    expect(escalation.map((q) => q.choices[q.answer])).toEqual(['spawned', 'refused at spawn (HARN-CAP-301)']);
    const naive = quizOfExample('panic-leak').quiz.questions;
    expect(naive[0]!.choices[naive[0]!.answer]).toBe('its values stay on the thread (a leak)');
    const scoped = quizOfExample('panic-leak', (s) => ({ ...s, run: { ...s.run, mode: 'scoped' } })).quiz.questions;
    expect(scoped[0]!.choices[scoped[0]!.answer]).toBe('the restore guard puts the outer values back');
  });

  it('asks a scenario that is no lesson about its checks', () => {
    const scenario = normalizeScenario({
      version: 1,
      parent: { source: 'pipeline main() {\n  write_file("a.txt", "x")\n}' },
    });
    const quiz = scenarioQuiz(scenario, simulate(scenario));
    expect(quiz.about).toBe('every check of a call');
    expect(quiz.questions.map((q) => q.prompt)).toEqual(['Will parent\'s write_file("a.txt") be allowed or denied?']);
  });

  it('is the same for the same trace (a pure function)', () => {
    expect(quizOfExample('f1-cwd-env').quiz).toEqual(quizOfExample('f1-cwd-env').quiz);
  });
});

describe('view.predict and view.predictHides in links', () => {
  const base = { version: 1 as const, parent: { source: 'pipeline main() {}' } };

  it('round-trips Predict mode and what it hides through a link', () => {
    const on = loadScenario({ ...base, view: { predict: true, predictHides: ['owners', 'consequence'] } }).value!;
    expect(on.view).toMatchObject({ predict: true, predictHides: ['consequence', 'owners'] });
    const back = decodeLink(encodeLink(on));
    expect(back.error).toBeNull();
    expect(back.value!.view).toEqual(on.view);
  });

  it('leaves Predict mode out of a link when it is off, so links made before it are unchanged and still decode', () => {
    expect(encodeLink(loadScenario({ ...base, view: { predict: false } }).value!)).toBe(encodeLink(loadScenario(base).value!));
    const old = decodeLink(encodeLink(findExample('f1-cwd-env')!.scenario));
    expect(old.value!.view.predict).toBeUndefined();
    expect(old.value!.view.predictHides).toBeUndefined();
  });

  it('names a part Predict mode cannot hide', () => {
    const bad = loadScenario({ ...base, view: { predictHides: ['everything'] } });
    expect(bad.value).toBeNull();
    expect(bad.errors[0]?.path).toBe('view.predictHides[0]');
    expect(bad.errors[0]?.message).toMatch(/"consequence", "verdicts", "owners", "marks", "counts", "compare"/);
    expect(loadScenario({ ...base, view: { predict: 'yes' } }).errors[0]?.path).toBe('view.predict');
  });
});
