import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RUN,
  minimizeScenario,
  normalizeScenario,
  validateScenario,
  type Scenario,
  type ScenarioInput,
} from '../../../src/core/index.ts';

const MINIMAL: ScenarioInput = { version: 1, parent: { source: 'pipeline main() {}' } };

describe('normalizeScenario', () => {
  it('fills every omitted field with its default', () => {
    expect(normalizeScenario(MINIMAL)).toEqual({
      version: 1,
      parent: { name: 'parent', source: 'pipeline main() {}', grant: null },
      children: [],
      run: {
        mode: 'scoped',
        captured: null,
        schedule: { kind: 'fifo' },
        latency: { llm: 1, net: 1, spawn: 1, tool: 1, host: 1, sleep: 1, yield: 1, default: 1 },
        enforceAtSpawn: true,
        maxSteps: 100000,
      },
      view: { step: 0, tab: null },
    });
  });

  it('gives every await kind the input default latency unless it sets its own', () => {
    const scenario = normalizeScenario({ ...MINIMAL, run: { latency: { default: 4, llm: 9 } } });
    expect(scenario.run.latency).toEqual({
      llm: 9,
      net: 4,
      spawn: 4,
      tool: 4,
      host: 4,
      sleep: 4,
      yield: 4,
      default: 4,
    });
  });

  it('fills the fields of a ceiling but keeps an empty ceiling apart from no ceiling', () => {
    const scenario = normalizeScenario({
      ...MINIMAL,
      children: [
        { name: 'a', source: '', ceiling: {} },
        { name: 'b', source: '', ceiling: null },
        { name: 'c', source: '' },
      ],
    });
    expect(scenario.children.map((c) => c.ceiling)).toEqual([
      { capabilities: {}, side_effect_level: null, tools: [] },
      null,
      null,
    ]);
  });

  it('is idempotent and shares nothing mutable with its input', () => {
    const input: ScenarioInput = {
      ...MINIMAL,
      parent: { source: '', grant: [{ kind: 'x' }] },
      children: [
        { name: 'a', source: '', ceiling: { capabilities: { workspace: ['read_text'] }, tools: ['t'] } },
      ],
      run: { captured: ['VM_SOURCE_DIR'], schedule: { kind: 'picks', picks: ['a'] } },
    };
    const once = normalizeScenario(input);
    expect(normalizeScenario(once)).toEqual(once);
    once.children[0]!.ceiling!.capabilities.workspace!.push('write_text');
    once.run.captured!.push('VM_EXECUTION_CONTEXT');
    once.parent.grant![0]!.kind = 'changed';
    expect(input.children![0]!.ceiling!.capabilities!.workspace).toEqual(['read_text']);
    expect(input.run!.captured).toEqual(['VM_SOURCE_DIR']);
    expect(input.parent.grant).toEqual([{ kind: 'x' }]);
  });

  it('does not let callers mutate the shared defaults', () => {
    expect(Object.isFrozen(DEFAULT_RUN)).toBe(true);
    const scenario = normalizeScenario(MINIMAL);
    scenario.run.latency.llm = 50;
    expect(normalizeScenario(MINIMAL).run.latency.llm).toBe(1);
  });
});

describe('minimizeScenario', () => {
  it('leaves out every default, down to version and parent source', () => {
    expect(minimizeScenario(normalizeScenario(MINIMAL))).toEqual(MINIMAL);
  });

  it('keeps what differs from the defaults and normalizes back to the same scenario', () => {
    const scenario: Scenario = normalizeScenario({
      version: 1,
      parent: { name: 'boss', source: 'p', grant: [] },
      children: [
        { name: 'a', source: 'x', ceiling: {} },
        { name: 'b', source: 'y', ceiling: { side_effect_level: 'read_only' } },
      ],
      run: {
        mode: 'unscoped',
        captured: [],
        schedule: { kind: 'random', seed: 7 },
        latency: { default: 2, net: 1 },
        enforceAtSpawn: false,
        maxSteps: 9,
      },
      view: { step: 3, tab: 'b' },
    });
    const min = minimizeScenario(scenario);
    expect(min).toEqual({
      version: 1,
      parent: { name: 'boss', source: 'p', grant: [] },
      children: [
        { name: 'a', source: 'x', ceiling: {} },
        { name: 'b', source: 'y', ceiling: { side_effect_level: 'read_only' } },
      ],
      run: {
        mode: 'unscoped',
        captured: [],
        schedule: { kind: 'random', seed: 7 },
        latency: { net: 1, default: 2 },
        enforceAtSpawn: false,
        maxSteps: 9,
      },
      view: { step: 3, tab: 'b' },
    });
    expect(validateScenario(min).value).toEqual(scenario);
  });

  it('gives equal scenarios byte-equal JSON whatever order their input keys came in', () => {
    const a = normalizeScenario({
      version: 1,
      parent: { source: 's', name: 'p' },
      run: { maxSteps: 5, mode: 'naive' },
    });
    const b = normalizeScenario({
      run: { mode: 'naive', maxSteps: 5 },
      parent: { name: 'p', source: 's' },
      version: 1,
    });
    expect(JSON.stringify(minimizeScenario(a))).toBe(JSON.stringify(minimizeScenario(b)));
  });
});
