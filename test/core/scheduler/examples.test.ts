// The lessons: each is deterministic (byte-identical trace twice), opens at the step that shows its
// point, fits the share-link budget, and shows the bug it teaches (and only it).
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../../src/core/examples/index.ts';
import { minimizeScenario } from '../../../src/core/scenario/defaults.ts';
import { validateScenario } from '../../../src/core/scenario/index.ts';
import { eventSteps, matchesQuery, simulate } from '../../../src/core/scheduler/index.ts';

describe('the lessons', () => {
  it('are eleven, with unique ids, and two-sentence explanations', () => {
    expect(EXAMPLES.map((e) => e.id)).toEqual([
      'f1-cwd-env',
      'f2-mutation-session',
      'lifo-interleaving',
      'panic-leak',
      'bridge-depth-leak',
      'escalation',
      'resource-mismatch',
      'parent-grant',
      'three-way-fan-out',
      'f3-forcing-function',
      'work-stealing',
    ]);
    for (const e of EXAMPLES) expect(e.explanation.split(/(?<=\.)\s/).length, e.id).toBe(2);
  });

  for (const example of EXAMPLES) {
    describe(example.id, () => {
      it('gives a byte-identical trace when run twice', () => {
        expect(JSON.stringify(simulate(example.scenario))).toBe(JSON.stringify(simulate(example.scenario)));
      });

      it('opens on its landing moment, reached within 30 steps, whose narration names its point', () => {
        const result = simulate(example.scenario);
        expect(result.diagnostics).toEqual([]);
        expect(result.summary.completed).toBe(true);
        const landing = result.steps[example.scenario.view.step]!;
        expect(landing.moment).not.toBeNull();
        expect(matchesQuery(landing.moment!, example.landing)).toBe(true);
        expect(landing.event).toBe(true);
        // Step presses from step 0: the events before the landing one.
        expect(eventSteps(result.steps).indexOf(landing.index)).toBeLessThanOrEqual(30);
        for (const word of example.point) expect(landing.narration).toContain(word);
        expect(landing.narration).not.toMatch(/: cross-wire\.$/);
      });

      it('is a valid scenario whose minified JSON fits a share link', () => {
        const minimized = minimizeScenario(example.scenario);
        expect(validateScenario(minimized).errors).toEqual([]);
        expect(JSON.stringify(minimized).length).toBeLessThan(1_400);
      });
    });
  }

  it("F1 opens unscoped with the catalog's capture set, at its first cross-wire: alpha's write reading beta's cwd", () => {
    const f1 = EXAMPLES.find((e) => e.id === 'f1-cwd-env')!.scenario;
    expect(f1.run).toMatchObject({ mode: 'unscoped', captured: null });
    const result = simulate(f1);
    const first = result.summary.crosswires[0]!;
    expect(first).toMatchObject({
      step: f1.view.step,
      task: 'alpha',
      slot: 'VM_EXECUTION_CONTEXT',
      observed: 'ctx(cwd=/worktrees/beta, env WORKER=beta)',
    });
    expect(first.consequence).toMatch(/^alpha's write of out\.txt .*landed in \/worktrees\/beta/);
    const step = result.steps[first.step]!;
    expect(step).toMatchObject({ kind: 'read', task: 'alpha', crosswire: true, observedOwner: 'beta' });
    expect(step.narration).toBe(
      'alpha resumes after yield_now(). While it waited, beta ran and left its working directory in VM_EXECUTION_CONTEXT, so alpha\'s write_file("out.txt") resolves against /worktrees/beta and lands in beta\'s worktree.',
    );
    const scoped = simulate({ ...f1, run: { ...f1.run, mode: 'scoped' } });
    expect(scoped.summary.crosswires).toEqual([]);
  });

  it('work stealing opens on two threads at its migrated read: alpha resumed by thread 2 reads nothing of its own there; scoped reads its own', () => {
    const lesson = EXAMPLES.find((e) => e.id === 'work-stealing')!.scenario;
    expect(lesson.run).toMatchObject({ mode: 'unscoped', threads: 2 });
    expect(lesson.children.map((c) => c.name)).toEqual(['alpha']);
    const result = simulate(lesson);
    const landing = result.summary.crosswires.find((c) => c.step === lesson.view.step)!;
    expect(landing).toMatchObject({ task: 'alpha', slot: 'VM_EXECUTION_CONTEXT', observed: 'none', thread: 2, cause: 'migration' });
    // The poll that resumed it is the lesson's one migration, told in core's words.
    const poll = result.steps.slice(0, landing.step).reverse().find((s) => s.kind === 'poll-enter')!;
    expect(poll).toMatchObject({ task: 'alpha', thread: 2, migration: { from: 1, to: 2, first: false } });
    expect(poll.narration).toBe('alpha resumes on thread 2; it last ran on thread 1 (its llm_call is done).');
    expect(result.summary.migrations).toBe(1);
    // Scoped, the same moment: alpha's own cwd, swapped into thread 2 by the poll; every thread left clean.
    const scoped = simulate({ ...lesson, run: { ...lesson.run, mode: 'scoped' } });
    const read = scoped.steps.find((s) => s.kind === 'read' && s.task === 'alpha' && s.slot === 'VM_EXECUTION_CONTEXT' && s.what === 'write_file')!;
    expect(read).toMatchObject({ crosswire: false, observed: 'ctx(cwd=/worktrees/alpha, env WORKER=alpha)' });
    expect(read.snapshot.threadId).toBe(1);
    expect(scoped.summary.crosswires).toEqual([]);
    expect(scoped.summary.leaks).toEqual([]);
    expect(scoped.summary.message).toMatch(/every thread's outer values are left clean\.$/);
  });

  it('an fs check reads the cwd first, then the policy, then (writes) the mutation session', () => {
    const f1 = EXAMPLES.find((e) => e.id === 'f1-cwd-env')!.scenario;
    const result = simulate(f1);
    const reads = result.steps.filter(
      (s) => s.kind === 'read' && s.what === 'write_file' && s.task === 'alpha',
    );
    expect(reads.map((s) => (s.kind === 'read' ? s.slot : ''))).toEqual([
      'VM_EXECUTION_CONTEXT',
      'EXECUTION_POLICY_STACK',
      'CURRENT_MUTATION_SESSION',
    ]);
  });

  it('show their bug, and nothing else once scoping is restored to the catalog default', () => {
    const outcomes = Object.fromEntries(
      EXAMPLES.map((e) => {
        const bug = simulate(e.scenario).summary;
        const fixed = simulate({
          ...e.scenario,
          run: { ...e.scenario.run, mode: 'scoped', captured: null },
        }).summary;
        return [
          e.id,
          {
            crosswires: bug.crosswires.length > 0,
            leaks: bug.leaks.length > 0,
            refused: bug.refused,
            fixed: fixed.crosswires.length + fixed.leaks.length,
          },
        ];
      }),
    );
    expect(outcomes).toEqual({
      'f1-cwd-env': { crosswires: true, leaks: false, refused: [], fixed: 0 },
      'f2-mutation-session': { crosswires: true, leaks: false, refused: [], fixed: 0 },
      'lifo-interleaving': { crosswires: true, leaks: false, refused: [], fixed: 0 },
      'panic-leak': { crosswires: false, leaks: true, refused: [], fixed: 0 },
      'bridge-depth-leak': { crosswires: true, leaks: false, refused: [], fixed: 0 },
      escalation: { crosswires: false, leaks: false, refused: ['beta'], fixed: 0 },
      'resource-mismatch': { crosswires: false, leaks: false, refused: ['beta'], fixed: 0 },
      'parent-grant': { crosswires: false, leaks: false, refused: [], fixed: 0 },
      'three-way-fan-out': { crosswires: true, leaks: false, refused: [], fixed: 0 },
      // The catalog default never swaps a slot nobody classified: F3's fix is the decision (addedSlots.test.ts).
      'f3-forcing-function': { crosswires: true, leaks: false, refused: [], fixed: 3 },
      // Unscoped on two threads, alpha's values stay on thread 1 and its pops run on thread 2: the threads keep slots.
      'work-stealing': { crosswires: true, leaks: true, refused: [], fixed: 0 },
    });
  });

  it('escalation with enforcement at spawn off runs beta, and marks its escaping post a violation (HARN-CAP-301)', () => {
    const escalation = EXAMPLES.find((e) => e.id === 'escalation')!.scenario;
    const result = simulate({ ...escalation, run: { ...escalation.run, enforceAtSpawn: false } });
    expect(result.summary.refused).toEqual([]);
    const post = result.steps.find((s) => s.kind === 'check' && s.task === 'beta' && s.call === 'http_post')!;
    expect(post.kind === 'check' && post.violation).toEqual({
      code: 'HARN-CAP-301',
      escapes: ['net:write (https://deploy.example.com/run)'],
    });
    expect(post.narration).toContain('HARN-CAP-301');
    expect(result.summary.violations.map((v) => v.step)).toEqual([post.index]);
    expect(result.markers.filter((m) => m.kind === 'violation').map((m) => m.step)).toEqual([post.index]);
    // Only the call that escapes: beta's model call is within the grant.
    const llm = result.steps.find((s) => s.kind === 'check' && s.task === 'beta' && s.call === 'llm_call')!;
    expect(llm.kind === 'check' && llm.violation).toBeNull();
  });
});

describe('narration a student follows', () => {
  for (const example of EXAMPLES) {
    it(`${example.id}: no step repeats the one before it, and no sentence ends in ": cross-wire."`, () => {
      for (const mode of ['scoped', 'unscoped', 'naive'] as const) {
        const { steps } = simulate({ ...example.scenario, run: { ...example.scenario.run, mode } });
        for (let i = 1; i < steps.length; i++)
          expect(steps[i]!.narration, `${mode} step ${i}`).not.toBe(steps[i - 1]!.narration);
        for (const step of steps) {
          expect(step.narration).not.toMatch(/: cross-wire\.$/);
          expect(step.narration).toMatch(/^[^\s].*[.)]$/);
        }
      }
    });
  }
});
