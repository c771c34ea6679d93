// Thread-locals a scenario adds to the catalog (F3): validated with errors that name the field, carried by
// links (older links unchanged), and simulated like the seed's slots: a child that installs an added
// uncaptured slot and awaits cross-wires; capturing it clears the run and the explorer alike.
import { describe, expect, it } from 'vitest';
import {
  EXAMPLES,
  decodeLink,
  encodeLink,
  explore,
  formatScenarioError,
  normalizeScenario,
  scenarioCatalogRows,
  scenarioDrift,
  simulate,
  validateScenario,
  type Scenario,
  type ScenarioInput,
} from '../../../src/core/index.ts';

const worker = (lines: string[]) => `pipeline main() {\n${lines.map((l) => `  ${l}`).join('\n')}\n}`;
const FAN_OUT = 'pipeline main() {\n  parallel each ["alpha", "beta"] { name ->\n    spawn_agent(name)\n  }\n}';

function withSlot(slot: Record<string, unknown>, run: ScenarioInput['run'] = {}): unknown {
  return {
    version: 1,
    parent: { source: FAN_OUT, grant: [{ kind: { kind: 'net' }, scope: 'write' }, { kind: { kind: 'llm' }, scope: 'write' }] },
    children: ['alpha', 'beta'].map((name) => ({
      name,
      source: worker(['llm_call("plan")', `http_post("https://api.example.com/upload", "${name}")`]),
    })),
    run,
    slots: [slot],
  };
}

const load = (input: unknown): Scenario => {
  const result = validateScenario(input);
  expect(result.errors).toEqual([]);
  return result.value!;
};

const errorsOf = (input: unknown) => validateScenario(input).errors.map(formatScenarioError);

describe('added slots: validation', () => {
  it.each([
    [{ name: 'egress_tenant_stack' }, 'slots[0].name: expected a thread-local name in capitals (A-Z, 0-9, "_"), at most 64 characters, got "egress_tenant_stack"'],
    [{ name: 'ACTIVE_TENANT_STACK' }, 'slots[0].name: "ACTIVE_TENANT_STACK" is already in the seed\'s catalog'],
    [{ name: 'TENANT_CACHE' }, 'slots[0].name: "TENANT_CACHE" does not have the ambient shape: the drift guard only finds VM_SOURCE_DIR and names ending in _STACK, _DEPTH, _CONTEXT, _SESSION or _CTX'],
    [{ name: 'T_STACK', shape: 'queue' }, 'slots[0].shape: expected "stack", "depth" or "option", got "queue"'],
    [{ name: 'T_STACK', reads: ['net', 'disk'] }, 'slots[0].reads[1]: expected "fs", "net", "llm", "process", "host" or "any", got "disk"'],
    [{ name: 'T_STACK', reads: ['net', 'net'] }, 'slots[0].reads[1]: "net" is listed twice'],
    [{ name: 'T_STACK', inherited: 'yes' }, 'slots[0].inherited: expected true or false, got "yes"'],
    [{ name: 'T_STACK', scoping: 'maybe' }, 'slots[0].scoping: expected "captured", "uncaptured" or null (not decided yet), got "maybe"'],
    [{ name: 'T_STACK', scoping: 'captured', reason: 'why not' }, 'slots[0].reason: a Captured slot has no reason (only an Uncaptured one records why)'],
    [{ name: 'T_STACK', colour: 'red' }, 'slots[0].colour: unknown field (known fields: name, shape, reads, inherited, scoping, reason)'],
  ])('%j', (slot, message) => {
    expect(errorsOf(withSlot(slot))).toEqual([message]);
  });

  it('rejects a list that is too long or repeats a name, and captured names it does not know', () => {
    const four = { ...(withSlot({ name: 'A_STACK' }) as object), slots: ['A', 'B', 'C', 'D'].map((n) => ({ name: `${n}_STACK` })) };
    expect(errorsOf(four)).toEqual(['slots: too many added thread-locals: 4, the limit is 3']);
    const twice = { ...(withSlot({ name: 'A_STACK' }) as object), slots: [{ name: 'A_STACK' }, { name: 'A_STACK' }] };
    expect(errorsOf(twice)).toEqual(['slots[1].name: "A_STACK" is already slots[0]']);
    expect(errorsOf(withSlot({ name: 'A_STACK' }, { captured: ['A_STACK', 'B_STACK'] }))).toEqual([
      'run.captured[1]: unknown slot name "B_STACK" (slot names are the 29 names of the ambient catalog and the scenario\'s slots, e.g. VM_EXECUTION_CONTEXT)',
    ]);
  });

  it('normalizes an added slot (shape from the name) and keeps the field absent when nothing is added', () => {
    expect(load(withSlot({ name: 'TENANT_DEPTH' })).slots).toEqual([
      { name: 'TENANT_DEPTH', shape: 'depth', reads: [], inherited: false, scoping: null, reason: '' },
    ]);
    expect('slots' in normalizeScenario({ version: 1, parent: { source: '' } })).toBe(false);
    expect('slots' in normalizeScenario({ version: 1, parent: { source: '' }, slots: [] })).toBe(false);
  });
});

describe('added slots: links', () => {
  it('round-trip through a link, minimized', () => {
    const scenario = load(withSlot({ name: 'EGRESS_TENANT_STACK', reads: ['net'], scoping: 'uncaptured', reason: 'reviewed' }));
    const decoded = decodeLink(encodeLink(scenario));
    expect(decoded.error).toBeNull();
    expect(decoded.value).toEqual(scenario);
  });

  it('leave the link of a scenario without added slots unchanged', () => {
    const plain = EXAMPLES.find((e) => e.id === 'f1-cwd-env')!.scenario;
    expect(encodeLink({ ...plain, slots: [] })).toBe(encodeLink(plain));
  });
});

describe('added slots: simulation', () => {
  const uncaptured = load(withSlot({ name: 'EGRESS_TENANT_STACK', reads: ['net'] }));

  it('a child that installs an added uncaptured slot and awaits reads its sibling’s value', () => {
    const result = simulate(uncaptured);
    expect(result.slots.at(-1)).toBe('EGRESS_TENANT_STACK');
    const first = result.summary.crosswires[0]!;
    expect(first).toMatchObject({ task: 'alpha', slot: 'EGRESS_TENANT_STACK', expected: 'egress_tenant(alpha)', observed: 'egress_tenant(beta)' });
    expect(result.steps[first.step]).toMatchObject({ kind: 'read', what: 'http_post', crosswire: true });
  });

  it('capturing it (in run.captured, as the register file does) clears the run and the explorer', () => {
    expect(explore(uncaptured).failing).toBe(20);
    const captured = { ...uncaptured, run: { ...uncaptured.run, captured: [...simulate(uncaptured).captured, 'EGRESS_TENANT_STACK'] } };
    expect(simulate(captured).summary.crosswires).toEqual([]);
    const explored = explore(captured);
    expect(explored.complete).toBe(true);
    expect(explored.failing).toBe(0);
  });

  it('an option no call reads never cross-wires, a stack does on its pops (LIFO); "any" is read by every check', () => {
    expect(simulate(load(withSlot({ name: 'QUIET_CONTEXT' }))).summary.crosswires).toEqual([]);
    const pops = simulate(load(withSlot({ name: 'QUIET_STACK' }))).summary.crosswires;
    expect(pops.map((c) => c.consequence)).toEqual([
      "alpha popped beta's value off QUIET_STACK, leaving its own quiet(alpha) behind",
      "beta popped alpha's value off QUIET_STACK, leaving its own quiet(beta) behind",
    ]);
    const any = simulate(load(withSlot({ name: 'EVERY_CONTEXT', reads: ['any'] })));
    expect(new Set(any.summary.crosswires.map((c) => c.slot))).toEqual(new Set(['EVERY_CONTEXT']));
  });

  it('depth and option shapes cross-wire the same way', () => {
    const depth = simulate(load(withSlot({ name: 'EGRESS_GUARD_DEPTH', reads: ['net'] })));
    // The parent holds depth 1; alpha raises it to 2 and resumes to find beta's raise on top.
    expect(depth.summary.crosswires[0]).toMatchObject({ slot: 'EGRESS_GUARD_DEPTH', expected: '2', observed: '3' });
    const option = simulate(load(withSlot({ name: 'EGRESS_TENANT_CONTEXT', reads: ['net'] })));
    expect(option.summary.crosswires[0]).toMatchObject({ slot: 'EGRESS_TENANT_CONTEXT', observed: 'egress_tenant(beta)' });
  });
});

describe('the drift guard on a scenario', () => {
  const f3 = EXAMPLES.find((e) => e.id === 'f3-forcing-function')!.scenario;

  it('names the lesson’s unclassified slot, and the run shows its cross-wire at the lesson’s step', () => {
    const report = scenarioDrift(f3);
    expect(report.missing).toEqual(['EGRESS_TENANT_STACK']);
    expect(report.problems.map((p) => p.check)).toEqual(['missing']);
    const first = simulate(f3).summary.crosswires[0]!;
    expect(first).toMatchObject({ step: f3.view.step, slot: 'EGRESS_TENANT_STACK' });
    expect(scenarioCatalogRows(f3).at(-1)).toMatchObject({ name: 'EGRESS_TENANT_STACK', scoping: null, added: true, swapped: false });
  });

  it('deciding Captured clears both the guard and the run', () => {
    const decided: Scenario = { ...f3, slots: f3.slots!.map((s) => ({ ...s, scoping: 'captured' as const })) };
    expect(scenarioDrift(decided).clean).toBe(true);
    expect(simulate(decided).summary.crosswires).toEqual([]);
  });

  it('Uncaptured without a reason stays flagged; with one the guard is clean but the run still cross-wires', () => {
    const noReason: Scenario = { ...f3, slots: f3.slots!.map((s) => ({ ...s, scoping: 'uncaptured' as const })) };
    expect(scenarioDrift(noReason).missing).toEqual(['EGRESS_TENANT_STACK']);
    const reasoned: Scenario = { ...f3, slots: f3.slots!.map((s) => ({ ...s, scoping: 'uncaptured' as const, reason: 'egress only' })) };
    expect(scenarioDrift(reasoned).clean).toBe(true);
    expect(simulate(reasoned).summary.crosswires.length).toBe(3);
  });

  it('a capture set that drops a Captured slot fails the captured-set check (F2, as the guard sees it)', () => {
    const f2 = EXAMPLES.find((e) => e.id === 'f2-mutation-session')!.scenario;
    expect(scenarioDrift(f2).capturedMismatch).toEqual({ extra: ['CURRENT_MUTATION_SESSION'], absent: [] });
    const f3InRegisters: Scenario = { ...f3, run: { ...f3.run, captured: [...simulate(f3).captured, 'EGRESS_TENANT_STACK'] } };
    expect(scenarioDrift(f3InRegisters).capturedMismatch).toEqual({ extra: [], absent: ['EGRESS_TENANT_STACK'] });
  });
});
