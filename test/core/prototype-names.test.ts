// Names a user types are ordinary names (issue "Hardening: fail closed, by construction"): a child, parent or task
// named after a member of Object.prototype must go through every core path — validation, links, analysis, views,
// simulation, the explorer — exactly as any other name does, never reaching an inherited property.
import { describe, expect, it } from 'vitest';
import {
  analysisView,
  analyzeScenario,
  createExplorer,
  decodeLink,
  encodeLink,
  explore,
  loadScenario,
  simulate,
  type Scenario,
} from '../../src/core/index.ts';

/** Every own property name of Object.prototype that is a valid child name (all of them are). */
export const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).filter((n) => /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(n));

const CHILD_SOURCE = 'pipeline main() {\n  let cfg = read_file("config.json")\n  yield_now()\n  write_file("out.txt", cfg)\n}\n';

function scenarioWith(names: string[], parentName = 'parent'): Scenario {
  const input = {
    version: 1,
    parent: { name: parentName, source: 'pipeline main() {\n  spawn_agent("go")\n  write_file("out.txt", "x")\n  read_file("config.json")\n}\n' },
    children: names.map((name) => ({ name, source: CHILD_SOURCE, ceiling: { capabilities: { workspace: ['read_text'] } } })),
    run: { mode: 'unscoped', schedule: { kind: 'picks', picks: names.slice().reverse() } },
  };
  const loaded = loadScenario(input);
  expect(loaded.errors).toEqual([]);
  return loaded.value!;
}

describe('names after Object.prototype members', () => {
  it('finds the names to test (the list itself can fail)', () => {
    expect(PROTOTYPE_NAMES).toEqual(expect.arrayContaining(['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty']));
  });

  it.each(PROTOTYPE_NAMES)('a child named %s validates, round-trips through a link and keeps its name', (name) => {
    const scenario = scenarioWith([name, 'beta']);
    expect(scenario.children.map((c) => c.name)).toEqual([name, 'beta']);
    const decoded = decodeLink(encodeLink(scenario));
    expect(decoded.error).toBeNull();
    expect(decoded.value!.children.map((c) => c.name)).toEqual([name, 'beta']);
    expect(decoded.value!.run.schedule).toEqual({ kind: 'picks', picks: ['beta', name] });
  });

  it.each(PROTOTYPE_NAMES)('a child named %s is analyzed and viewed like any other child', (name) => {
    const scenario = scenarioWith([name, 'beta']);
    const analysis = analyzeScenario(scenario);
    const [named, beta] = analysis.children;
    expect(named!.name).toBe(name);
    expect(named!.requested).toEqual(beta!.requested);
    expect(named!.dropped.length).toBe(beta!.dropped.length);
    expect(named!.violations.length).toBe(beta!.violations.length);
    const view = analysisView(scenario, analysis);
    expect(JSON.stringify(view.children[0])).toBe(JSON.stringify(view.children[1]).replaceAll('"beta"', JSON.stringify(name)));
  });

  it.each(PROTOTYPE_NAMES)('a child named %s runs, cross-wires and is explored like any other child', (name) => {
    const named = simulate(scenarioWith([name, 'beta']));
    const plain = simulate(scenarioWith(['gamma', 'beta']));
    expect(named.summary).toEqual(plain.summary === undefined ? undefined : JSON.parse(JSON.stringify(plain.summary).replaceAll('gamma', name)));
    expect(named.steps.length).toBe(plain.steps.length);
    const a = explore(scenarioWith([name, 'beta']), { maxSchedules: 200 });
    const b = explore(scenarioWith(['gamma', 'beta']), { maxSchedules: 200 });
    expect(a.schedules).toBe(b.schedules);
    expect(a.failing).toBe(b.failing);
    // A slice of a resumable exploration stands exactly where the same slice stands with an ordinary name.
    expect(createExplorer(scenarioWith([name])).run(50)).toEqual(createExplorer(scenarioWith(['gamma'])).run(50));
  });

  it.each(PROTOTYPE_NAMES)('a parent named %s is an ordinary parent', (name) => {
    const scenario = scenarioWith(['alpha'], name);
    expect(scenario.parent.name).toBe(name);
    expect(analyzeScenario(scenario).parent.name).toBe(name);
    expect(simulate(scenario).steps.length).toBe(simulate(scenarioWith(["alpha"])).steps.length);
  });
});
