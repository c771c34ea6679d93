// Printed traces (inline snapshots), schedules (FIFO, seeded random, picks, interactive), the step bound,
// copy-on-write snapshots, and the fast path agreeing with the traced run.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../../src/core/examples/index.ts';
import { normalizeScenario } from '../../../src/core/scenario/defaults.ts';
import {
  SLOT,
  chooseFifo,
  compileScenario,
  createRunner,
  execConfigOf,
  runOptionsOf,
  type ChooseFn,
  type ExecMode,
  type SavedState,
  createMulberry32,
  createPolicyValue,
  op,
  prepareFastSimulation,
  printTrace,
  simulate,
} from '../../../src/core/scheduler/index.ts';
import { observedReads, runRoots, task } from './helpers.ts';

const policyTasks = () =>
  ['alpha', 'beta'].map((name) =>
    task(name, [
      op.push(SLOT.executionPolicy, createPolicyValue(name, null)),
      op.yieldNow(),
      op.read(SLOT.executionPolicy, 'current_execution_policy()'),
      op.pop(SLOT.executionPolicy),
    ]),
  );

describe('printTrace', () => {
  it('prints the scoped interleaving of two tasks, one line per step', () => {
    expect(printTrace(runRoots(policyTasks(), { mode: 'scoped' }))).toMatchInlineSnapshot(`
      "#0 t=0 outer spawn alpha
      #1 t=0 outer spawn beta
      #2 t=0 alpha poll-enter
      #3 t=0 alpha install push EXECUTION_POLICY_STACK [] -> [policy(alpha)]
      #4 t=0 alpha await yield_now() until t=1
      #5 t=0 alpha swap out EXECUTION_POLICY_STACK []
      #6 t=0 alpha poll-exit pending
      #7 t=0 beta poll-enter
      #8 t=0 beta install push EXECUTION_POLICY_STACK [] -> [policy(beta)]
      #9 t=0 beta await yield_now() until t=1
      #10 t=0 beta swap out EXECUTION_POLICY_STACK []
      #11 t=0 beta poll-exit pending
      #12 t=1 alpha wake
      #13 t=1 beta wake
      #14 t=1 alpha poll-enter
      #15 t=1 alpha swap in EXECUTION_POLICY_STACK [policy(alpha)]
      #16 t=1 alpha read EXECUTION_POLICY_STACK = policy(alpha)
      #17 t=1 alpha read pop EXECUTION_POLICY_STACK = policy(alpha)
      #18 t=1 alpha install pop EXECUTION_POLICY_STACK [policy(alpha)] -> []
      #19 t=1 alpha complete
      #20 t=1 alpha poll-exit complete
      #21 t=1 beta poll-enter
      #22 t=1 beta swap in EXECUTION_POLICY_STACK [policy(beta)]
      #23 t=1 beta read EXECUTION_POLICY_STACK = policy(beta)
      #24 t=1 beta read pop EXECUTION_POLICY_STACK = policy(beta)
      #25 t=1 beta install pop EXECUTION_POLICY_STACK [policy(beta)] -> []
      #26 t=1 beta complete
      #27 t=1 beta poll-exit complete
      #28 t=1 outer outer-check clean"
    `);
  });

  it('prints the unscoped cross-wire and the wrong pop', () => {
    const lines = printTrace(runRoots(policyTasks(), { mode: 'unscoped' })).split('\n');
    expect(lines.filter((line) => line.includes('CROSS-WIRE'))).toMatchInlineSnapshot(`
      [
        "#13 t=1 alpha read EXECUTION_POLICY_STACK = policy(beta) (expected policy(alpha)) CROSS-WIRE",
        "#14 t=1 alpha read pop EXECUTION_POLICY_STACK = policy(beta) (expected policy(alpha)) CROSS-WIRE",
        "#19 t=1 beta read EXECUTION_POLICY_STACK = policy(alpha) (expected policy(beta)) CROSS-WIRE",
        "#20 t=1 beta read pop EXECUTION_POLICY_STACK = policy(alpha) (expected policy(beta)) CROSS-WIRE",
      ]
    `);
  });
});

describe('snapshots', () => {
  it('share the unchanged thread-locals between consecutive steps and copy them when they change', () => {
    const { steps } = runRoots(policyTasks(), { mode: 'scoped' });
    expect(steps[12]!.snapshot.thread).toBe(steps[11]!.snapshot.thread);
    expect(steps[15]!.snapshot.thread).not.toBe(steps[14]!.snapshot.thread);
    expect(steps[15]!.snapshot.thread[SLOT.executionPolicy]).toEqual([createPolicyValue('alpha', null)]);
    expect(steps[15]!.snapshot.guard?.[SLOT.executionPolicy]).toEqual([]);
    expect(steps[15]!.snapshot.scopes[0]).toBeNull();
    expect(steps[16]!.snapshot.scopes[1]?.[SLOT.executionPolicy]).toEqual([createPolicyValue('beta', null)]);
  });

  it('survive a structured clone with their sharing intact', () => {
    const { steps } = runRoots(policyTasks(), { mode: 'scoped' });
    const cloned = structuredClone(steps);
    expect(cloned[12]!.snapshot.thread).toBe(cloned[11]!.snapshot.thread);
    expect(JSON.stringify(cloned)).toBe(JSON.stringify(steps));
  });
});

describe('schedules', () => {
  it('takes explicit picks at choice points, then FIFO, logging a pick that names no ready task', () => {
    const result = runRoots(policyTasks(), {
      mode: 'unscoped',
      schedule: { kind: 'picks', picks: ['beta', 'nobody'] },
    });
    expect(result.steps.filter((s) => s.kind === 'poll-enter').map((s) => s.task)).toEqual([
      'beta',
      'alpha',
      'beta',
      'alpha',
    ]);
    // At t=1 beta woke first (it slept first); the unusable pick falls back to FIFO.
    expect(result.summary.ignoredPicks).toEqual([{ pick: 'nobody', at: 1, ready: ['beta', 'alpha'] }]);
    expect(observedReads(result, 'beta')).toEqual(['policy(alpha)']);
  });

  it('records each choice point on the poll that resolved it: the ready tasks, the one chosen, its index as picks count', () => {
    const result = runRoots(policyTasks(), {
      mode: 'unscoped',
      schedule: { kind: 'picks', picks: ['beta', 'nobody'] },
    });
    const polls = result.steps.filter((s) => s.kind === 'poll-enter');
    expect(polls.map((s) => (s.kind === 'poll-enter' ? s.choice : undefined))).toEqual([
      { ready: ['alpha', 'beta'], chosen: 'beta', index: 0 },
      null,
      { ready: ['beta', 'alpha'], chosen: 'beta', index: 1 },
      null,
    ]);
    expect(polls[2]!.detail).toContain('choice point 2: beta, alpha ready');
    // Replaying the recorded choices as picks gives the same trace.
    const chosen = polls.flatMap((s) => (s.kind === 'poll-enter' && s.choice ? [s.choice.chosen] : []));
    const replay = runRoots(policyTasks(), { mode: 'unscoped', schedule: { kind: 'picks', picks: chosen } });
    expect(printTrace(replay)).toBe(printTrace(result));
  });

  it('stops at the first choice point without a pick in interactive mode, naming the ready tasks', () => {
    const result = runRoots(policyTasks(), { schedule: { kind: 'interactive', picks: [] } });
    expect(result.summary.status).toBe('awaiting-choice');
    expect(result.summary.awaitingChoice).toEqual(['alpha', 'beta']);
    expect(result.summary.message).toBe('Waiting for a choice: alpha, beta can run next.');
  });

  it('gives the same trace for the same seed, and different interleavings across seeds', () => {
    const base = EXAMPLES.find((e) => e.id === 'three-way-fan-out')!.scenario;
    const withSeed = (seed: number) =>
      simulate({ ...base, run: { ...base.run, schedule: { kind: 'random', seed } } });
    expect(JSON.stringify(withSeed(42))).toBe(JSON.stringify(withSeed(42)));
    const orders = new Set(
      [1, 2, 3, 4, 5, 6].map((seed) =>
        withSeed(seed)
          .steps.filter((s) => s.kind === 'poll-enter')
          .map((s) => s.task)
          .join(','),
      ),
    );
    expect(orders.size).toBeGreaterThan(1);
  });

  it('draws from its own seeded generator: same seed, same numbers in [0, 1); another seed, others', () => {
    const draw = (seed: number) => {
      const next = createMulberry32(seed);
      return Array.from({ length: 1000 }, () => next());
    };
    const a = draw(1);
    expect(draw(1)).toEqual(a);
    expect(draw(2)).not.toEqual(a);
    expect(a.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(a.filter((x) => x < 0.5).length).toBeGreaterThan(400);
    expect(a.filter((x) => x < 0.5).length).toBeLessThan(600);
  });
});

describe('the step bound', () => {
  it('stops a run that does not finish within run.maxSteps with a clear message', () => {
    const scenario = { ...EXAMPLES[0]!.scenario, run: { ...EXAMPLES[0]!.scenario.run, maxSteps: 40 } };
    const result = simulate(scenario);
    expect(result.steps).toHaveLength(40);
    expect(result.summary).toMatchObject({ status: 'step-limit', completed: false, steps: 40, leaks: [] });
    expect(result.summary.message).toBe(
      'The run did not finish within 40 steps (run.maxSteps); the trace stops there.',
    );
  });
});

describe('the fast path', () => {
  it('counts the same steps, cross-wires, leaks, panics and refusals as the traced run', () => {
    for (const example of EXAMPLES) {
      const traced = simulate(example.scenario, { schedule: { kind: 'fifo' }, ignoreLatency: true });
      const { simulation } = prepareFastSimulation(example.scenario);
      for (let i = 0; i < 2; i++) {
        const fast = simulation.run(chooseFifo);
        expect(
          [fast.steps, fast.crosswires, fast.leaks.length, fast.panics.length, fast.refused.length],
          example.id,
        ).toEqual([
          traced.summary.steps,
          traced.summary.crosswires.length,
          traced.summary.leaks.length,
          traced.summary.panics.length,
          traced.summary.refused.length,
        ]);
        expect(fast.firstCrosswireStep).toBe(traced.summary.crosswires[0]?.step ?? -1);
      }
    }
  });

  it('agrees with the traced run under random picks on every example, in every mode, near the step bound too', () => {
    const modes: ExecMode[] = ['scoped', 'unscoped', 'naive'];
    fc.assert(
      fc.property(
        fc.constantFrom(...EXAMPLES),
        fc.constantFrom(...modes),
        fc.boolean(),
        fc.option(fc.integer({ min: 1, max: 300 }), { nil: undefined }),
        fc.integer({ min: 0, max: 0x7fffffff }),
        (example, mode, ignoreLatency, maxSteps, seed) => {
          const options = { mode, ignoreLatency, ...(maxSteps === undefined ? {} : { maxSteps }) };
          const { simulation, taskSet } = prepareFastSimulation(example.scenario, options);
          // Random picks, named as the traced run's `picks` schedule names them.
          const random = createMulberry32(seed);
          const picks: string[] = [];
          const fast = simulation.run((ready) => {
            const index = Math.floor(random() * ready.length);
            picks.push(taskSet.tasks[ready[index]!]!.name);
            return index;
          });
          const traced = simulate(example.scenario, { ...options, schedule: { kind: 'picks', picks } }).summary;
          expect(traced.ignoredPicks).toEqual([]);
          expect([fast.status, fast.steps, fast.crosswires, fast.firstCrosswireStep]).toEqual([
            traced.status,
            traced.steps,
            traced.crosswires.length,
            traced.crosswires[0]?.step ?? -1,
          ]);
          const names = (list: number[]) => list.map((t) => taskSet.tasks[t]!.name);
          expect([names(fast.panics), names(fast.refused), fast.leaks.length]).toEqual([
            traced.panics,
            traced.refused,
            traced.leaks.length,
          ]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('resumes a state saved at any choice point to the same outcome as the run that saved it', () => {
    for (const example of EXAMPLES) {
      const { taskSet } = compileScenario(example.scenario);
      const runner = createRunner(taskSet, execConfigOf(runOptionsOf(example.scenario, { ignoreLatency: true })));
      // Alternate picks so later choice points see varied states; save at every one.
      const saves: SavedState[] = [];
      const alternate: ChooseFn = (ready, state) => {
        saves.push(runner.save());
        return state.steps % ready.length;
      };
      const whole = runner.run(alternate, null);
      expect(saves.length, example.id).toBe(whole.choicePoints);
      for (const saved of saves.slice()) {
        const resumed = runner.resume(saved, (ready, state) => state.steps % ready.length);
        expect(resumed, example.id).toEqual(whole);
      }
    }
  });

  it('stops at the same step as the traced run wherever the step bound falls', () => {
    const base = EXAMPLES.find((e) => e.id === 'f1-cwd-env')!.scenario;
    for (let maxSteps = 1; maxSteps <= 120; maxSteps += 7) {
      const scenario = { ...base, run: { ...base.run, maxSteps } };
      const traced = simulate(scenario, { schedule: { kind: 'fifo' }, ignoreLatency: true }).summary;
      const fast = prepareFastSimulation(scenario).simulation.run(chooseFifo);
      expect([fast.status, fast.steps, fast.crosswires], `maxSteps ${maxSteps}`).toEqual([
        traced.status,
        traced.steps,
        traced.crosswires.length,
      ]);
    }
  });

  it('lets a choice function pick any ready task (the explorer ignores latencies)', () => {
    const scenario = normalizeScenario({
      version: 1,
      parent: {
        source: 'pipeline main() { spawn_agent("x") }',
        grant: [
          { kind: { kind: 'llm' }, scope: 'write' },
          { kind: { kind: 'spawn' }, scope: 'write' },
        ],
      },
      children: ['alpha', 'beta'].map((name) => ({
        name,
        source: 'pipeline main() {\n  llm_call("a")\n  llm_call("b")\n}',
      })),
      run: { mode: 'unscoped' },
    });
    const { simulation } = prepareFastSimulation(scenario);
    const fifo = simulation.run(chooseFifo);
    const last = simulation.run((ready) => ready.length - 1);
    expect(fifo.choicePoints).toBe(8);
    expect(fifo.crosswires).toBe(15);
    expect(last.status).toBe('finished');
  });
});
