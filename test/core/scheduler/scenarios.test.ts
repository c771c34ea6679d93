// Scenario-level acceptance: uncapturing a slot brings F1/F2 back, naive mode leaks a panicking child's scope,
// unscoped LIFO stacks corrupt each other, and scoping keeps every check on the task's own policy.
import { describe, expect, it } from 'vitest';
import { normalizeScenario } from '../../../src/core/scenario/defaults.ts';
import type { ScenarioInput } from '../../../src/core/scenario/types.ts';
import { SCOPE_FIELD_SLOTS, simulate } from '../../../src/core/scheduler/index.ts';

const FAN_OUT =
  'pipeline main() {\n  parallel each ["alpha", "beta"] { name ->\n    spawn_agent(name)\n  }\n}';
const GRANT = [
  { kind: { kind: 'llm' }, scope: 'write' },
  { kind: { kind: 'fs' }, scope: 'write' },
];

function twoWriters(run: ScenarioInput['run'] = {}, alphaExtra = '') {
  const body = (name: string, extra: string) =>
    `pipeline main() {\n  llm_call("plan")\n${extra}  write_file("out.txt", "${name}")\n}`;
  return normalizeScenario({
    version: 1,
    parent: { source: FAN_OUT, grant: GRANT },
    children: [
      { name: 'alpha', source: body('alpha', alphaExtra) },
      { name: 'beta', source: body('beta', '') },
    ],
    run,
  });
}

const without = (slot: string) => SCOPE_FIELD_SLOTS.filter((s) => s !== slot) as never[];

describe('scoped mode with the default capture set', () => {
  it('runs two interleaved writers with no cross-wire, agreeing preflight and runtime decisions, and a clean outer thread', () => {
    const result = simulate(twoWriters());
    expect(result.summary.crosswires).toEqual([]);
    expect(result.summary.leaks).toEqual([]);
    const checks = result.steps.filter((s) => s.kind === 'check');
    expect(checks.length).toBe(5);
    expect(checks.every((s) => s.kind === 'check' && !s.disagrees)).toBe(true);
    const alphaWrite = checks.find((s) => s.task === 'alpha' && s.call === 'write_file');
    expect(alphaWrite).toMatchObject({
      path: '/worktrees/alpha/out.txt',
      session: 'session-alpha/run-alpha',
      decision: 'allow',
    });
  });
});

describe('uncapturing a slot in scoped mode', () => {
  it('brings F2 back when CURRENT_MUTATION_SESSION is uncaptured: alpha is audited under beta', () => {
    const result = simulate(twoWriters({ captured: without('CURRENT_MUTATION_SESSION') }));
    expect(result.summary.crosswires.map((c) => [c.task, c.slot, c.observed])).toEqual([
      ['alpha', 'CURRENT_MUTATION_SESSION', 'session-beta/run-beta'],
      ['beta', 'CURRENT_MUTATION_SESSION', 'session-parent/run-parent'],
    ]);
    expect(result.summary.crosswires[0]!.consequence).toBe(
      "alpha's write of out.txt was audited under beta's mutation session (session-beta/run-beta)",
    );
  });

  it("brings F1 back when VM_EXECUTION_CONTEXT is uncaptured: alpha writes into beta's worktree", () => {
    const result = simulate(twoWriters({ captured: without('VM_EXECUTION_CONTEXT') }));
    const first = result.summary.crosswires[0]!;
    expect([first.task, first.slot, first.observed]).toEqual([
      'alpha',
      'VM_EXECUTION_CONTEXT',
      'ctx(cwd=/worktrees/beta, env WORKER=beta)',
    ]);
    expect(first.consequence).toBe("alpha's write of out.txt landed in /worktrees/beta");
    const check = result.steps.find(
      (s) => s.kind === 'check' && s.task === 'alpha' && s.call === 'write_file',
    );
    expect(check).toMatchObject({ path: '/worktrees/beta/out.txt', crosswire: true });
  });
});

describe('a child that throws mid-poll', () => {
  const panicking = (mode: 'scoped' | 'naive') => twoWriters({ mode }, '  throw "boom"\n');

  it('leaks its scope to the outer thread in naive mode (no restore guard)', () => {
    const result = simulate(panicking('naive'));
    expect(result.summary.panics).toEqual(['alpha']);
    expect(result.summary.leaks).toEqual(
      expect.arrayContaining(['EXECUTION_POLICY_STACK', 'VM_EXECUTION_CONTEXT', 'CURRENT_MUTATION_SESSION']),
    );
    const outer = result.steps.at(-1)!;
    expect(outer).toMatchObject({ kind: 'outer-check', clean: false });
    expect(outer.detail).toContain('VM_EXECUTION_CONTEXT = ctx(cwd=/worktrees/alpha, env WORKER=alpha)');
  });

  it('does not leak in scoped mode: the guard restores the outer values while unwinding', () => {
    const result = simulate(panicking('scoped'));
    expect(result.summary.panics).toEqual(['alpha']);
    expect(result.summary.leaks).toEqual([]);
    expect(result.summary.crosswires).toEqual([]);
    const exit = result.steps.find((s) => s.kind === 'poll-exit' && s.outcome === 'panic');
    expect(exit).toMatchObject({ restored: true });
  });
});

describe('interleaved LIFO pushes and pops', () => {
  it('corrupt the sibling stacks without scoping, and the trace shows the wrong frames popped', () => {
    const result = simulate(twoWriters({ mode: 'unscoped' }));
    const pops = result.steps.filter((s) => s.kind === 'read' && s.access === 'pop' && s.crosswire);
    expect(pops.map((s) => (s.kind === 'read' ? `${s.task} ${s.slot} ${s.observed}` : ''))).toContain(
      'alpha LLM_RENDER_STACK llm(beta)',
    );
    expect(
      result.summary.crosswires.some(
        (c) =>
          c.consequence ===
          "alpha popped beta's LLM render frame off LLM_RENDER_STACK, leaving its own llm(alpha) behind",
      ),
    ).toBe(true);
  });

  it('stay clean with scoping', () => {
    const result = simulate(twoWriters({ mode: 'scoped' }));
    expect(result.steps.some((s) => s.kind === 'read' && s.crosswire)).toBe(false);
  });

  it('make a check decide against the sibling policy, marked as disagreeing with preflight', () => {
    const scenario = twoWriters({ mode: 'unscoped' });
    scenario.children[1]!.ceiling = {
      capabilities: { llm: [], workspace: ['read_text'] },
      side_effect_level: null,
      tools: [],
    };
    scenario.children[1]!.source = 'pipeline main() {\n  llm_call("plan")\n  read_file("out.txt")\n}';
    const result = simulate(scenario);
    const write = result.steps.find(
      (s) => s.kind === 'check' && s.task === 'alpha' && s.call === 'write_file',
    );
    expect(write).toMatchObject({
      decision: 'deny',
      preflight: 'allow',
      disagrees: true,
      policy: 'policy(beta)',
    });
  });
});

describe('spawn enforcement', () => {
  const escalating = (enforceAtSpawn: boolean) =>
    normalizeScenario({
      version: 1,
      parent: { source: 'pipeline main() {\n  llm_call("plan")\n  spawn_agent("w")\n}' },
      children: [
        { name: 'alpha', source: 'pipeline main() {\n  http_post("https://deploy.example.com", "go")\n}' },
      ],
      run: { enforceAtSpawn },
    });

  it('refuses a child whose effects escape the parent grant with HARN-CAP-301', () => {
    const result = simulate(escalating(true));
    expect(result.summary.refused).toEqual(['alpha']);
    expect(result.steps.find((s) => s.kind === 'refuse')).toMatchObject({
      code: 'HARN-CAP-301',
      violations: ['net:write (https://deploy.example.com)'],
    });
    expect(result.steps.some((s) => s.task === 'alpha' && s.kind === 'poll-enter')).toBe(false);
  });

  it('runs it anyway when enforcement is off', () => {
    const result = simulate(escalating(false));
    expect(result.summary.refused).toEqual([]);
    expect(result.steps.some((s) => s.kind === 'check' && s.task === 'alpha' && s.call === 'http_post')).toBe(
      true,
    );
  });
});
