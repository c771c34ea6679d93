// Sentences from decisions: over every lesson × mode × enforcement × capture set, and over generated fan-outs (any
// grant, any bodies), no narration claims coverage, allowance, a write or a restore that the decision recorded on
// its own step contradicts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../../src/core/examples/index.ts';
import { normalizeScenario } from '../../../src/core/scenario/defaults.ts';
import type { GrantRecord, RunMode, Scenario } from '../../../src/core/scenario/types.ts';
import { simulate } from '../../../src/core/scheduler/simulate.ts';
import type { TraceStep } from '../../../src/core/scheduler/trace.ts';

const MODES: RunMode[] = ['scoped', 'unscoped', 'naive'];
const CAPTURE_HOLES: (string | null)[] = [null, 'CURRENT_MUTATION_SESSION', 'VM_EXECUTION_CONTEXT', 'EXECUTION_POLICY_STACK', 'TRUSTED_BRIDGE_CALL_DEPTH'];
const CATALOG_CAPTURED = [
  'EXECUTION_POLICY_STACK', 'EXECUTION_APPROVAL_POLICY_STACK', 'COMMAND_POLICY_STACK', 'DYNAMIC_PERMISSION_STACK',
  'RUNTIME_CONTEXT_OVERLAY_STACK', 'AUTONOMY_POLICY_STACK', 'LLM_RENDER_STACK', 'ACTIVE_HARN_CONNECTOR_CTX',
  'TRUSTED_BRIDGE_CALL_DEPTH', 'COMMAND_POLICY_HOOK_DEPTH', 'VM_EXECUTION_CONTEXT', 'VM_SOURCE_DIR', 'CURRENT_MUTATION_SESSION',
];

/** The check each read step belongs to: the next check of the same task, if the read is for one. */
function checkAfter(steps: readonly TraceStep[], read: TraceStep): Extract<TraceStep, { kind: 'check' }> | null {
  for (let i = read.index + 1; i < steps.length; i++) {
    const step = steps[i]!;
    if (step.task !== read.task) continue;
    if (step.kind === 'check') return step;
    if (step.kind === 'poll-exit' || step.kind === 'await') return null;
  }
  return null;
}

/** Every sentence of the trace against the decision recorded on its step; returns the contradictions. `unnamed`:
 * the children the parent's code does not name (the playground spawns them). */
function contradictions(scenario: Scenario, unnamed: readonly string[] = []): string[] {
  const { steps } = simulate(scenario);
  const wrong: string[] = [];
  const say = (step: TraceStep, why: string) => wrong.push(`step ${step.index} (${step.kind}): ${why}: ${step.narration}`);
  for (const step of steps) {
    const text = step.narration;
    if (step.kind === 'spawn' && step.task !== null) {
      if (step.escapes) {
        if (scenario.run.enforceAtSpawn) say(step, 'an escaping child spawned with enforcement on');
        if (/covers everything/.test(text)) say(step, 'claims coverage of an escaping child');
        if (!/does not cover/.test(text) || !/spawned anyway/.test(text)) say(step, 'does not say the child escapes');
        for (const effect of step.escapes) if (!text.includes(effect)) say(step, `does not name ${effect}`);
      } else if (/does not cover/.test(text)) say(step, 'says a covered child escapes');
    }
    if (step.kind === 'refuse' && !/is refused \(HARN-CAP-301\)/.test(text)) say(step, 'a refusal not said');
    if ((step.kind === 'spawn' || step.kind === 'refuse') && step.task !== null) {
      const byPlayground = /^The playground(?:'s)? spawns? /.test(text) || /^The playground's spawn of /.test(text);
      if (unnamed.includes(step.child) !== byPlayground) say(step, byPlayground ? 'a child the code spawns said spawned by the playground' : 'a child the code does not spawn said spawned by its parent');
      if (byPlayground && !text.includes(`not "${step.child}"`)) say(step, 'the playground spawn without why');
    }
    if (step.kind === 'check') {
      if (step.decision === 'deny') {
        if (/is allowed/.test(text)) say(step, 'a denied check said allowed');
        if (/\b(writes|reads) \//.test(text) || /lands in/.test(text)) say(step, 'a denied check said it writes or lands');
      } else if (/is denied/.test(text)) say(step, 'an allowed check said denied');
      if (step.violation && !/escapes the parent's grant/.test(text)) say(step, 'a violation not said');
      if (!step.violation && /escapes the parent's grant/.test(text)) say(step, 'a covered call said to escape');
    }
    if (step.kind === 'read' && step.crosswire) {
      const check = checkAfter(steps, step);
      if (check?.decision === 'deny' && (/lands in/.test(text) || /is audited under/.test(text) || /and allowed/.test(text)))
        say(step, 'a read of a denied check says the call went through');
      if (check?.decision === 'allow' && /and denied|is denied/.test(text)) say(step, 'a read of an allowed check says denied');
    }
    // A host call's depth: the skip is said exactly when the borrowed depth trusts what its own would check.
    if (step.kind === 'read') {
      const bridge = step.bridge;
      const skips = bridge !== undefined && bridge.gate === 'trusted' && bridge.own !== 'trusted';
      if (skips !== /skip the execution-policy check/.test(text)) say(step, skips ? 'the skipped check not said' : 'a skip said that the depth does not make');
      if ((bridge?.skipped ?? false) !== /refuses them under/.test(text)) say(step, 'the refusal the depth skips misstated');
      if (bridge?.skipped && !text.includes(`depth ${bridge.depth}`)) say(step, 'the borrowed depth not named');
      if (step.slot === 'TRUSTED_BRIDGE_CALL_DEPTH' && step.what === 'host_call' && bridge === undefined) say(step, "a host call's depth read without its decision");
    }
    if (step.kind === 'panic') {
      if (step.restored) {
        if (scenario.run.mode !== 'scoped') say(step, 'a restore outside scoped mode');
        if (!/restore guard puts the outer values back/.test(text)) say(step, 'the restore not said');
        for (const slot of step.restored) if (!text.includes(slot)) say(step, `the restored ${slot} not named`);
      }
      if (step.leaked) {
        if (scenario.run.mode !== 'naive') say(step, 'a leak outside naive mode');
        if (!/leaked/.test(text)) say(step, 'the leak not said');
      }
      if (!step.leaked && /leaked to the outer thread/.test(text)) say(step, 'a leak said that is not recorded');
      if (!step.restored && /restore guard puts/.test(text)) say(step, 'a restore said that is not recorded');
    }
    if (step.kind === 'outer-check' && step.clean !== /left clean/.test(text)) say(step, 'the outer check contradicts its verdict');
  }
  return wrong;
}

describe('sentences from decisions: every lesson', () => {
  for (const example of EXAMPLES) {
    it(`${example.id}: no sentence contradicts its decision in any mode, enforcement or capture set`, () => {
      const wrong: string[] = [];
      for (const mode of MODES)
        for (const enforceAtSpawn of [true, false])
          for (const hole of CAPTURE_HOLES) {
            const captured = hole === null ? example.scenario.run.captured : CATALOG_CAPTURED.filter((s) => s !== hole);
            const scenario = { ...example.scenario, run: { ...example.scenario.run, mode, enforceAtSpawn, captured } };
            for (const line of contradictions(scenario)) wrong.push(`${mode}, enforce ${enforceAtSpawn}, without ${hole}: ${line}`);
          }
      expect(wrong).toEqual([]);
    });
  }

  it('the lessons say what the issue asks: the escape named, the denial not written, the restore named, the skipped check', () => {
    const bridge = EXAMPLES.find((e) => e.id === 'bridge-depth-leak')!.scenario;
    const landing = simulate(bridge).steps[bridge.view.step]!;
    expect(landing).toMatchObject({ kind: 'read', bridge: { depth: 1, gate: 'trusted', ownDepth: 0, own: 'refused', policy: 'policy(beta)', skipped: true } });
    expect(landing.narration).toMatch(/runs at trusted-bridge depth 1, .*: the builtins it bridges skip the execution-policy check, which at its own depth 0 refuses them under beta's policy\.$/);
    const fixed = simulate({ ...bridge, run: { ...bridge.run, captured: null } }).steps.find(
      (s) => s.kind === 'read' && s.task === 'beta' && s.slot === 'TRUSTED_BRIDGE_CALL_DEPTH',
    )!;
    expect(fixed).toMatchObject({ kind: 'read', crosswire: false, bridge: { depth: 0, gate: 'refused', skipped: false } });
    expect(fixed.narration).not.toMatch(/skip/);
    const escalation = EXAMPLES.find((e) => e.id === 'escalation')!.scenario;
    const off = simulate({ ...escalation, run: { ...escalation.run, enforceAtSpawn: false } });
    const spawn = off.steps.find((s) => s.kind === 'spawn' && s.child === 'beta')!;
    expect(spawn.narration).toMatch(/does not cover net:write \(https:\/\/deploy\.example\.com\/run\).*so it is spawned anyway/);
    const lifo = simulate(EXAMPLES.find((e) => e.id === 'lifo-interleaving')!.scenario);
    const denied = lifo.steps[EXAMPLES.find((e) => e.id === 'lifo-interleaving')!.scenario.view.step]!;
    expect(denied.narration).toMatch(/is denied by beta's policy, though preflight allowed it: nothing is written to/);
    const panic = EXAMPLES.find((e) => e.id === 'panic-leak')!.scenario;
    const scoped = simulate({ ...panic, run: { ...panic.run, mode: 'scoped' } });
    expect(scoped.steps.find((s) => s.kind === 'panic')!.narration).toMatch(
      /the restore guard puts the outer values back in EXECUTION_POLICY_STACK, .*VM_EXECUTION_CONTEXT.* and CURRENT_MUTATION_SESSION: nothing of alpha's is leaked/,
    );
  });
});

describe('sentences from decisions: generated scenarios', () => {
  const LLM: GrantRecord = { kind: { kind: 'llm' }, scope: 'write' };
  const FS: GrantRecord = { kind: { kind: 'fs' }, scope: 'write' };
  const NOTES: GrantRecord = { kind: { kind: 'fs' }, scope: 'write', resource: 'notes.md' };
  const NET: GrantRecord = { kind: { kind: 'net' }, scope: 'write' };
  const statement = fc.constantFrom(
    'yield_now()',
    'llm_call("plan")',
    'write_file("notes.md", "x")',
    'write_file(".env", "x")',
    'read_file("in.md")',
    'http_post("https://deploy.example.com/run", "go")',
    'host_call("workspace.read_text", {path: "a.txt"})',
    'throw "boom"',
  );
  const readOnly = { capabilities: { llm: [], workspace: ['read_text'] } };

  it('no sentence contradicts its decision on generated fan-outs (any grant, mode, enforcement, ceiling, capture hole)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(statement, { minLength: 1, maxLength: 3 }), { minLength: 2, maxLength: 3 }),
        fc.option(fc.subarray([LLM, FS, NOTES, NET]), { nil: null }),
        fc.constantFrom(...MODES),
        fc.boolean(),
        fc.constantFrom(...CAPTURE_HOLES),
        fc.boolean(),
        fc.boolean(),
        (bodies, grant, mode, enforceAtSpawn, hole, ceiling, omitLast) => {
          const names = ['alpha', 'beta', 'gamma'].slice(0, bodies.length);
          // The parent's list may leave the last child out: the playground spawns it, and every sentence says so.
          const listed = omitLast ? names.slice(0, -1) : names;
          const scenario = normalizeScenario({
            version: 1,
            parent: {
              source: `pipeline main() {\n  parallel each [${listed.map((n) => `"${n}"`).join(', ')}] { name ->\n    spawn_agent(name)\n  }\n}`,
              grant,
            },
            children: bodies.map((body, i) => ({
              name: names[i]!,
              source: `pipeline main() {\n${body.map((line) => `  ${line}`).join('\n')}\n}`,
              ...(ceiling && i === 1 ? { ceiling: readOnly } : {}),
            })),
            run: { mode, enforceAtSpawn, captured: hole === null ? null : CATALOG_CAPTURED.filter((s) => s !== hole) },
          });
          expect(contradictions(scenario, names.filter((n) => !listed.includes(n)))).toEqual([]);
        },
      ),
      { numRuns: 60, seed: 25 },
    );
  });
});
