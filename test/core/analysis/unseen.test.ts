// Unseen effects (issue 16): every effectful call harn's handoff analysis does not see, with its reason, beside the
// seed-exact effects, which stay what harn computes.
import { describe, expect, it } from 'vitest';
import { analyzeProgram, analyzeScenario, collectUnseenEffects, computeHandoffEffects, effectRecordSummary } from '../../../src/core/index.ts';
import { parse } from '../../../src/core/syntax/index.ts';

function unseen(source: string): string[] {
  return collectUnseenEffects(parse(source).program, source).map((u) => `${u.effect ? effectRecordSummary(u.effect) : '?'} | ${u.reason.split(':')[0]} | ${source.slice(u.span.start, u.span.end)}`);
}

describe('collectUnseenEffects', () => {
  it('finds both calls of a top-level http_post(url, read_file(path)), which harn reports as no effects', () => {
    const source = 'http_post("https://x", read_file("a"))\n';
    expect(computeHandoffEffects(source)).toEqual([]);
    expect(unseen(source)).toEqual([
      'net:write (https://x) | in a top-level statement | http_post("https://x", read_file("a"))',
      'fs:read (a) | in a top-level statement | read_file("a")',
    ]);
  });

  it.each([
    ['a closure', 'pipeline main() {\n  let f = { -> http_get("https://c") }\n}', 'net:write (https://c) | inside a closure | http_get("https://c")'],
    ['let x = try {…}', 'pipeline main() {\n  let x = try { read_file("t") }\n}', 'fs:read (t) | in an expression-position try | read_file("t")'],
    ['let y = if …', 'pipeline main() {\n  let y = if true { llm_call("p") } else { 1 }\n}', 'llm:write | in an expression-position if | llm_call("p")'],
    ['let z = parallel …', 'pipeline main() {\n  let z = parallel each [1] { n -> spawn_agent("w") }\n}', 'spawn:write (w) | in an expression-position parallel | spawn_agent("w")'],
    ['an impl method', 'impl Foo {\n  fn m(self) { write_file("m", "x") }\n}', 'fs:write (m) | in an impl method | write_file("m", "x")'],
    ['a nested fn', 'pipeline main() {\n  fn inner() { delete_file("d") }\n}', 'fs:mutate (d) | in a nested fn | delete_file("d")'],
    ['string interpolation', 'pipeline main() {\n  println("v ${read_file("i")} w")\n}', 'fs:read (i) | inside string interpolation | read_file("i")'],
    ['an imported function', 'import { helper } from "lib/util"\npipeline main() {\n  helper(1)\n}', '? | effects unknown | helper(1)'],
  ])('reports a call in %s with its reason and place', (_, source, expected) => {
    expect(unseen(source)).toEqual([expected]);
  });

  it('reports nothing harn sees: handler bodies, statement-position if/try/parallel, with_* policy closures, harness calls', () => {
    const source = [
      'pipeline main(harness) {',
      '  read_file("a")',
      '  if x { write_file("b", "y") }',
      '  try { http_get("https://x") } catch e { println(e) }',
      '  parallel each [1] { n -> spawn_agent("w") }',
      '  with_execution_policy(p, { -> write_file("c", "z") })',
      '  harness.fs.read("h")',
      '}',
    ].join('\n');
    expect(computeHandoffEffects(source).length).toBeGreaterThan(5);
    expect(unseen(source)).toEqual([]);
  });

  it('keeps the seed-exact effects apart: requested/granted never include an unseen effect', () => {
    const analysis = analyzeProgram('http_post("https://x", read_file("a"))\npipeline main() { println("hi") }\n');
    expect(analysis.requested.map((r) => effectRecordSummary(r.effect))).toEqual(['stdio:observe (hi)']);
    expect(analysis.unseen).toHaveLength(2);
    expect(analysis.diagnostics.filter((d) => d.code === 'L406').map((d) => [d.severity, d.message])).toEqual([
      ['warning', 'Not in the handoff: net:write (https://x) is in a top-level statement: harn analyzes only fn, tool and pipeline bodies'],
      ['warning', 'Not in the handoff: fs:read (a) is in a top-level statement: harn analyzes only fn, tool and pipeline bodies'],
    ]);
  });

  it("says whether the parent's grant covers each unseen effect", () => {
    const child = { name: 'alpha', source: 'http_post("https://x", read_file("a"))\n' };
    const grant = [{ kind: { kind: 'fs' }, scope: 'read', resource: 'a' }];
    const analysis = analyzeScenario({ parent: { name: 'parent', source: '', grant }, children: [child] });
    expect(analysis.children[0]!.unseenCovered).toEqual([false, true]);
    const none = analyzeScenario({ parent: { name: 'parent', source: 'pipeline main() {' }, children: [child] });
    expect(none.children[0]!.unseenCovered).toEqual([null, null]);
  });
});

describe("lints that say the seed's silent rules", () => {
  it('L411: a non-process hostcall kept by a read_only ceiling; L412: a grant llm provider that constrains nothing', () => {
    const child = { name: 'alpha', source: 'pipeline main() {\n  host_call("secrets.read")\n  llm_call("p", {provider: "openai", model: "gpt-4o"})\n}', ceiling: { side_effect_level: 'network' } };
    const grant = [
      { kind: { kind: 'hostcall', name: 'secrets.read' }, scope: 'write' },
      { kind: { kind: 'llm', provider: 'anthropic' }, scope: 'write' },
    ];
    const analysis = analyzeScenario({ parent: { name: 'parent', source: '', grant }, children: [child] });
    const lints = [...analysis.children[0]!.lints, ...analysis.parent.lints].map((l) => `${l.code} ${l.message}`);
    expect(lints).toContain('L411 hostcall secrets.read ranks read_only, as every hostcall not named process.* does in harn, so side_effect_level network keeps it whatever it does');
    expect(lints).toContain("L412 llm:anthropic:write constrains no provider or model: harn's coverage matches llm effects by kind only, so it also covers llm:openai/gpt-4o and every other model");
    // …and it is so: the openai call is covered by the anthropic record.
    expect(analysis.children[0]!.violations).toEqual([]);
  });
});
