// Bounded work (issue "Hardening"): a traced run stops at MAX_TRACE_STEPS whatever run.maxSteps says, with a
// sentence that names both limits, and its partial trace is the result; programs unroll to at most MAX_TASK_OPS.
import { describe, expect, it } from 'vitest';
import { compareScenario, findExample, loadScenario, MAX_TASK_OPS, MAX_TRACE_STEPS, simulate } from '../../../src/core/index.ts';
import { HEAVY_SCENARIO } from '../../fixtures/heavy.ts';

describe('run limits', () => {
  it('stops the eight-child, ten-million-step scenario at the trace limit with its partial trace', () => {
    const scenario = loadScenario(HEAVY_SCENARIO).value!;
    const result = simulate(scenario);
    expect(result.summary.status).toBe('step-limit');
    expect(result.steps).toHaveLength(MAX_TRACE_STEPS);
    expect(result.summary.message).toBe(
      "Incomplete: the scheduler's compiler cut the program of c0, c1, c2, c3, c4, c5, c6, c7 (S552, at the op limit) and c0, c1, c2, c3, c4, c5, c6, c7 (S559, past the call depth), so what follows the cut was not simulated. " +
        'Stopped at 50,000 steps: a run with a trace keeps at most 50,000 steps, though run.maxSteps allows 10,000,000; the trace stops there.',
    );
    expect(result.diagnostics.filter((d) => d.diagnostic.code === 'S552')).toHaveLength(8);
  });

  it('keeps the run.maxSteps sentence when maxSteps is below the trace limit', () => {
    const scenario = loadScenario({ ...HEAVY_SCENARIO, run: { ...HEAVY_SCENARIO.run, maxSteps: 1000 } }).value!;
    const result = simulate(scenario);
    expect(result.steps).toHaveLength(1000);
    expect(result.summary.message).toMatch(/\(S559, past the call depth\), so what follows the cut was not simulated\. The run did not finish within 1000 steps \(run\.maxSteps\); the trace stops there\.$/);
  });

  it('cuts a task program at the op limit: an error where it was cut, and the run is not complete', () => {
    const scenario = loadScenario({ ...HEAVY_SCENARIO, run: { maxSteps: 10 } }).value!;
    const compiled = simulate(scenario);
    const first = compiled.diagnostics.find((d) => d.diagnostic.code === 'S552')!;
    expect(first.diagnostic.code).toBe('S552');
    expect(first.diagnostic.severity).toBe('error');
    expect(first.diagnostic.message).toBe(`c0's program unrolls to more than 20,000 scheduler ops: it was cut there and the rest is not simulated, so the run is incomplete`);
    // On the spot: the call whose op did not fit, not the start of the file.
    expect(first.diagnostic.span.start).toBeGreaterThan(0);
    expect(scenario.children[0]!.source.slice(first.diagnostic.span.start, first.diagnostic.span.end)).toMatch(/\w+\(/);
    expect(compiled.summary.completed).toBe(false);
    expect(compiled.summary.cut).toMatch(/^Incomplete: /);
    expect(MAX_TASK_OPS).toBe(20_000);
  });

  it('says what a run cut at the step bound found is not the whole: the legend\'s counts say the run is incomplete', () => {
    const f1 = findExample('f1-cwd-env')!.scenario;
    // Scoped, F1 finishes without a cross-wire; cut at 12 steps, nothing is known of the rest.
    const cut = simulate({ ...f1, run: { ...f1.run, mode: 'scoped', maxSteps: 12 } });
    expect(cut.summary.status).toBe('step-limit');
    expect(cut.summary.completed).toBe(false);
    expect(cut.legend.map((entry) => entry.text)).toEqual(['no cross-wires (run incomplete)', 'no panics (run incomplete)', 'no leaks (run incomplete)']);
    // Unscoped, 5 of the whole run's 12 cross-wires come before a bound of 60 steps: not the total either.
    const found = simulate({ ...f1, run: { ...f1.run, mode: 'unscoped', maxSteps: 60 } });
    expect(found.summary.status).toBe('step-limit');
    expect(found.legend.map((entry) => entry.text)).toEqual(['5 cross-wires (run incomplete)', 'no panics (run incomplete)', 'no leaks (run incomplete)']);
    const whole = simulate({ ...f1, run: { ...f1.run, mode: 'scoped' } });
    expect(whole.summary.completed).toBe(true);
    expect(whole.legend.map((entry) => entry.text)).toEqual(['no cross-wires', 'no panics', 'no leaks']);
  });
});

describe('Compare with a run cut at the step bound', () => {
  it('never says the two runs agree over the whole run, and marks the counts of the run that stopped', () => {
    const f1 = findExample('f1-cwd-env')!.scenario;
    // Scoped against unscoped, both cut at 12 steps: no counts differ, and nothing is known of the rest.
    const both = compareScenario({ ...f1, run: { ...f1.run, mode: 'scoped', maxSteps: 12 } });
    expect(both.overall).toBe("unknown: scoped and unscoped did not finish (the step bound or a compile cut), so their counts are not the whole run's");
    expect(both.headlines.every((h) => !/agree at this moment and over the whole run/.test(h))).toBe(true);
    // Cut at 60 steps, unscoped has found 5 of its cross-wires: its side says the count is not the total.
    const some = compareScenario({ ...f1, run: { ...f1.run, mode: 'scoped', maxSteps: 60 } });
    expect(some.overall).toBe('scoped has no cross-wires (run incomplete); unscoped has 5 cross-wires (run incomplete)');
    const whole = compareScenario({ ...f1, run: { ...f1.run, mode: 'scoped' } });
    expect(whole.overall).toBe('scoped has no cross-wires; unscoped has 12 cross-wires');
  });
});
