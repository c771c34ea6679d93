// Least-privilege suggestions: `check` passes on what `suggest` writes (no violation, no effect dropped that was
// chosen), and the grant is minimal (without any one record some child escapes it) — over generated scenarios.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyzeScenario,
  effectRecordSummary,
  effectToValue,
  grantRecordFor,
  smallestGrant,
  suggestPolicies,
  tightestCeiling,
  type EffectRecord,
  type Granularity,
} from '../../../src/core/index.ts';

const CALLS = [
  (r: string) => `read_file("${r}")`,
  (r: string) => `write_file("${r}", "x")`,
  (r: string) => `http_get("https://${r}")`,
  (r: string) => `http_post("https://${r}", "x")`,
  () => `llm_call("hi", { provider: "anthropic", model: "claude" })`,
  () => `println("hi")`,
  (r: string) => `file_exists("${r}")`,
  () => `exec("ls")`,
];
const RESOURCES = ['a.md', 'b.md', 'out/c.txt', 'api.x'];

const call = fc.tuple(fc.integer({ min: 0, max: CALLS.length - 1 }), fc.constantFrom(...RESOURCES)).map(([i, r]) => CALLS[i]!(r));
const program = fc.array(call, { minLength: 0, maxLength: 5 }).map((calls) => `pipeline main() {\n${calls.map((c) => `  ${c}\n`).join('')}}\n`);
const scenario = fc.array(program, { minLength: 1, maxLength: 3 }).map((sources) => ({
  parent: { name: 'parent', source: 'pipeline main() { spawn_agent("x") }' },
  children: sources.map((source, i) => ({ name: `c${i}`, source, ceiling: null })),
}));

type Input = { parent: { name: string; source: string }; children: { name: string; source: string; ceiling: null }[] };

function applied(input: Input, granularity: Granularity) {
  const suggestion = suggestPolicies(input, { granularity });
  const children = input.children.map((c, i) => ({ ...c, ceiling: suggestion.children[i]!.ceiling }));
  return { suggestion, children, grant: suggestion.grant! };
}

const errors = (a: ReturnType<typeof analyzeScenario>) => a.children.flatMap((c) => c.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code));

describe('suggestPolicies', () => {
  for (const granularity of ['exact', 'kind'] as const) {
    it(`check passes on the suggestion, and without any one grant record it fails (${granularity}, generated scenarios)`, () => {
      fc.assert(
        fc.property(scenario, (input) => {
          const { suggestion, children, grant } = applied(input, granularity);
          expect(suggestion.problems).toEqual([]);
          const analysis = analyzeScenario({ parent: { ...input.parent, grant: grant.map(effectToValue) }, children });
          expect(errors(analysis)).toEqual([]);
          // Every requested effect is kept (nothing was chosen away).
          for (const child of analysis.children) expect(child.dropped).toEqual([]);
          grant.forEach((_, i) => {
            const without = grant.filter((__, j) => j !== i).map(effectToValue);
            const broken = analyzeScenario({ parent: { ...input.parent, grant: without }, children });
            expect(errors(broken)).toContain('HARN-CAP-301');
          });
        }),
        { numRuns: 60, seed: 29 },
      );
    });
  }

  it('writes each record at its granularity: exact keeps the resource, kind widens to the kind at its widest scope', () => {
    const source = 'pipeline main() {\n  read_file("a.md")\n  write_file("b.md", "x")\n  read_file("b.md")\n}\n';
    const input = { parent: { name: 'p', source: '' }, children: [{ name: 'alpha', source }] };
    expect(suggestPolicies(input, { granularity: 'exact' }).grant!.map(effectRecordSummary)).toEqual(['fs:read (a.md)', 'fs:write (b.md)']);
    expect(suggestPolicies(input, { granularity: 'kind' }).grant!.map(effectRecordSummary)).toEqual(['fs:write']);
  });

  it('an llm record names no provider or model: harn matches llm effects by kind only', () => {
    const effect: EffectRecord = { kind: { kind: 'llm', provider: 'anthropic', model: 'claude' }, scope: 'write' };
    expect(grantRecordFor(effect, 'exact')).toEqual({ kind: { kind: 'llm' }, scope: 'write' });
  });

  it('a record another covers is left out; of two that cover each other one is kept', () => {
    const read: EffectRecord = { kind: { kind: 'fs' }, scope: 'read', resource: 'a' };
    const observe: EffectRecord = { kind: { kind: 'fs' }, scope: 'observe', resource: 'a' };
    const write: EffectRecord = { kind: { kind: 'fs' }, scope: 'write', resource: 'a' };
    expect(smallestGrant([read, write], 'exact')).toEqual([write]);
    expect(smallestGrant([read, observe], 'exact')).toHaveLength(1);
  });

  it('the tightest ceiling of a child that requests nothing denies everything (side_effect_level none), not an empty map that allows all', () => {
    expect(tightestCeiling([])).toEqual({ side_effect_level: 'none' });
  });

  it('keeps the fields the clamp does not read, and a chosen subset drops the rest (reporting what it cannot separate)', () => {
    const source = 'pipeline main() {\n  read_file("a.md")\n  read_file("b.md")\n  http_get("https://x")\n}\n';
    const base = { tools: ['search'], capabilities: { network: ['http'] }, side_effect_level: 'network', recursion_limit: 3 };
    const keep = { alpha: [{ kind: { kind: 'fs' as const }, scope: 'read' as const, resource: 'a.md' }] };
    const out = suggestPolicies({ parent: { name: 'p', source: '' }, children: [{ name: 'alpha', source, ceiling: base }] }, { granularity: 'exact', keep });
    const child = out.children[0]!;
    expect(child.ceiling).toEqual({ tools: ['search'], capabilities: { workspace: ['read_text'] }, side_effect_level: 'read_only', recursion_limit: 3 });
    expect(child.alsoKept.map(effectRecordSummary)).toEqual(['fs:read (b.md)']);
    expect(child.dropped.map(effectRecordSummary)).toEqual(['net:write (https://x)']);
    expect(out.grant!.map(effectRecordSummary)).toEqual(['fs:read (a.md)', 'fs:read (b.md)']);
  });

  it('a child that does not parse leaves the grant unsuggested and says why', () => {
    const out = suggestPolicies({ parent: { name: 'p', source: '' }, children: [{ name: 'alpha', source: 'pipeline main( {' }] }, { granularity: 'exact' });
    expect(out.grant).toBeNull();
    expect(out.problems).toEqual(['alpha does not parse, so its effects are unknown: no ceiling or grant is suggested for it']);
  });
});
