// Bounded work (issue "Hardening"): a traced run stops at MAX_TRACE_STEPS whatever run.maxSteps says, with a
// sentence that names both limits, and its partial trace is the result; programs unroll to at most MAX_TASK_OPS.
import { describe, expect, it } from 'vitest';
import { loadScenario, MAX_TASK_OPS, MAX_TRACE_STEPS, simulate } from '../../../src/core/index.ts';
import { HEAVY_SCENARIO } from '../../fixtures/heavy.ts';

describe('run limits', () => {
  it('stops the eight-child, ten-million-step scenario at the trace limit with its partial trace', () => {
    const scenario = loadScenario(HEAVY_SCENARIO).value!;
    const result = simulate(scenario);
    expect(result.summary.status).toBe('step-limit');
    expect(result.steps).toHaveLength(MAX_TRACE_STEPS);
    expect(result.summary.message).toBe(
      'Stopped at 50,000 steps: a run with a trace keeps at most 50,000 steps, though run.maxSteps allows 10,000,000; the trace stops there.',
    );
    expect(result.diagnostics.filter((d) => d.diagnostic.code === 'S552')).toHaveLength(8);
  });

  it('keeps the run.maxSteps sentence when maxSteps is below the trace limit', () => {
    const scenario = loadScenario({ ...HEAVY_SCENARIO, run: { ...HEAVY_SCENARIO.run, maxSteps: 1000 } }).value!;
    const result = simulate(scenario);
    expect(result.steps).toHaveLength(1000);
    expect(result.summary.message).toBe('The run did not finish within 1000 steps (run.maxSteps); the trace stops there.');
  });

  it('cuts a task program at the op limit', () => {
    const compiled = simulate(loadScenario({ ...HEAVY_SCENARIO, run: { maxSteps: 10 } }).value!);
    expect(compiled.diagnostics[0]!.diagnostic.message).toBe(`c0's program unrolls to more than ${MAX_TASK_OPS} scheduler ops; it was cut there`);
    expect(MAX_TASK_OPS).toBe(20_000);
  });
});
