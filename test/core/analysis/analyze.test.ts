// Beyond the seed (DESIGN §3): drop reasons, violation reasons, policy lints, ceiling parsing, the scenario shape.
import { describe, expect, it } from 'vitest';
import {
  analyzeProgram,
  analyzeScenario,
  callEffects,
  callSemantics,
  computeHandoffEffects,
  createScenarioAnalyzer,
  effectAllowedByCeiling,
  effectRecord,
  effectRecordSummary,
  effectsFromJson,
  effectsFromMetadata,
  effectsToJson,
  effectWithResource,
  explainViolations,
  KNOWN_CAPABILITY_OPS,
  lintCeiling,
  lintGrant,
  llmKind,
  parseCeiling,
  scenarioHovers,
  type AnalyzedEffect,
  type CapabilityPolicy,
  type EffectRecord,
} from '../../../src/core/analysis/index.ts';
import { parse } from '../../../src/core/syntax/index.ts';

const rec = (kind: EffectRecord['kind'], scope: EffectRecord['scope'], resource?: string): EffectRecord =>
  resource === undefined ? effectRecord(kind, scope) : effectWithResource(effectRecord(kind, scope), resource);
const analyzed = (effect: EffectRecord, start = 0): AnalyzedEffect => ({ effect, sites: [{ start, end: start + 1 }] });

describe('analyzeProgram', () => {
  const source = 'fn main(harness: Harness) {\n  http_get("https://x")\n  read_file("a")\n  write_file("b", d)\n}';

  it('splits requested effects into dropped (with the capability rule) and granted', () => {
    const result = analyzeProgram(source, { capabilities: { workspace: ['read_text'] } });
    expect(result.parsed).toBe(true);
    expect(result.requested.map((e) => effectRecordSummary(e.effect))).toEqual(['fs:read (a)', 'fs:write (b)', 'net:write (https://x)']);
    expect(result.granted.map((e) => effectRecordSummary(e.effect))).toEqual(['fs:read (a)']);
    expect(result.dropped.map((d) => [effectRecordSummary(d.effect), d.rule, d.reason])).toEqual([
      ['fs:write (b)', 'capability', "workspace.write_text is not in the ceiling's capabilities (allowed: workspace.read_text)"],
      ['net:write (https://x)', 'capability', "network.http is not in the ceiling's capabilities (allowed: workspace.read_text)"],
    ]);
  });

  it('names the side-effect level rule when the level drops an effect', () => {
    const result = analyzeProgram(source, { side_effect_level: 'read_only' });
    expect(result.dropped.map((d) => [d.rule, d.reason])).toEqual([
      ['level', "side_effect_level workspace_write exceeds the ceiling's read_only"],
      ['level', "side_effect_level network exceeds the ceiling's read_only"],
    ]);
  });

  it('lists an empty op list as cap.* and names every rule that drops an effect, capability first', () => {
    const result = analyzeProgram(source, { capabilities: { network: [], stdio: ['read'] }, side_effect_level: 'none' });
    expect(result.dropped.map((d) => [d.rule, d.reason])).toEqual([
      ['capability', "workspace.read_text is not in the ceiling's capabilities (allowed: network.*, stdio.read); and side_effect_level read_only exceeds the ceiling's none"],
      ['capability', "workspace.write_text is not in the ceiling's capabilities (allowed: network.*, stdio.read); and side_effect_level workspace_write exceeds the ceiling's none"],
      ['level', "side_effect_level network exceeds the ceiling's none"],
    ]);
  });

  it('agrees with the seed clamp: granted = computeHandoffEffects(source, ceiling)', () => {
    const ceilings: CapabilityPolicy[] = [{}, { side_effect_level: 'workspace_write' }, { capabilities: { workspace: [] } }, { side_effect_level: 'bogus' }];
    for (const ceiling of ceilings) {
      expect(analyzeProgram(source, ceiling).granted.map((g) => g.effect)).toEqual(computeHandoffEffects(source, ceiling));
    }
  });

  it('records every call site of a deduplicated effect', () => {
    const src = 'fn main() {\n  http_get("u")\n  http_get("u")\n}';
    const [net] = analyzeProgram(src).requested;
    expect(net!.sites.map((s) => src.slice(s.start, s.end))).toEqual(['http_get("u")', 'http_get("u")']);
  });

  it('reports parsed:false and no effects (never an empty green list) when the source does not parse', () => {
    const result = analyzeProgram('fn main() { http_get("u"', null);
    expect(result.parsed).toBe(false);
    expect(result.requested).toEqual([]);
    expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  });

  it('puts an L405 warning at each call site of a dropped effect', () => {
    const result = analyzeProgram('fn main() { http_get("u") }', { side_effect_level: 'read_only' });
    const l405 = result.diagnostics.filter((d) => d.code === 'L405');
    expect(l405).toHaveLength(1);
    expect(l405[0]!.message).toBe("Effect net:write (u) is dropped by the ceiling: side_effect_level network exceeds the ceiling's read_only");
  });
});

describe('explainViolations', () => {
  it.each<[string, EffectRecord[], EffectRecord, string, string | null, string]>([
    ['empty parent', [], rec({ kind: 'net' }, 'write'), 'empty-parent', null, 'the parent grant is empty, so every child effect escapes it'],
    ['kind: no record of that kind', [rec({ kind: 'fs' }, 'read')], rec({ kind: 'net' }, 'write', 'https://x'), 'kind', null, 'the parent grants no net effect (it grants fs:read)'],
    ['kind: other tool name', [rec({ kind: 'tool', name: 'lookup' }, 'write')], rec({ kind: 'tool', name: 'search' }, 'write'), 'kind', 'tool:lookup:write', 'no parent record grants tool:search; the nearest is tool:lookup:write'],
    ['scope', [rec({ kind: 'fs' }, 'read')], rec({ kind: 'fs' }, 'mutate'), 'scope', 'fs:read', 'the nearest parent record fs:read grants scope read, which does not cover mutate'],
    ['resource', [rec({ kind: 'net' }, 'write', 'https://allowed')], rec({ kind: 'net' }, 'write', 'https://x'), 'resource', 'net:write (https://allowed)', 'the nearest parent record net:write (https://allowed) is limited to resource "https://allowed", not "https://x"'],
    ['resource unknown in the child', [rec({ kind: 'net' }, 'write', 'https://allowed')], rec({ kind: 'net' }, 'write'), 'resource', 'net:write (https://allowed)', 'the nearest parent record net:write (https://allowed) is limited to resource "https://allowed", and the child\'s resource is not statically known'],
  ])('%s', (_name, parent, child, reason, nearest, why) => {
    const [violation, ...rest] = explainViolations(parent, [analyzed(child, 7)]);
    expect(rest).toEqual([]);
    expect(violation!.reason).toBe(reason);
    expect(violation!.nearest === null ? null : effectRecordSummary(violation!.nearest)).toBe(nearest);
    expect(violation!.message).toBe(`Child effect ${effectRecordSummary(child)} escapes the parent grant: ${why}`);
    expect(violation!.sites).toEqual([{ start: 7, end: 8 }]);
  });

  it('picks the record that comes closest (resource mismatch beats scope mismatch)', () => {
    const parent = [rec({ kind: 'net' }, 'read'), rec({ kind: 'net' }, 'mutate', 'https://a')];
    const [violation] = explainViolations(parent, [analyzed(rec({ kind: 'net' }, 'write', 'https://b'))]);
    expect(violation!.reason).toBe('resource');
    expect(violation!.nearest).toEqual(parent[1]);
  });

  it('covers: wildcard parent resource, empty-string parent resource, Observe ranked like Read, any llm', () => {
    const parent = [rec({ kind: 'net' }, 'write'), { kind: { kind: 'fs' }, scope: 'read', resource: '' } as EffectRecord, rec({ kind: 'stdio' }, 'read'), rec(llmKind('a', 'b'), 'write')];
    const child = [rec({ kind: 'net' }, 'write', 'u'), rec({ kind: 'fs' }, 'observe', 'x'), rec({ kind: 'stdio' }, 'observe'), rec(llmKind('c'), 'write')].map((e) => analyzed(e));
    expect(explainViolations(parent, child)).toEqual([]);
    expect(explainViolations(null, child)).toEqual([]);
  });
});

describe('policy', () => {
  it('parseCeiling accepts a ceiling and reports field-precise errors', () => {
    expect(parseCeiling('{"capabilities":{"workspace":["read_text"]},"side_effect_level":"read_only"}')).toEqual({
      value: { capabilities: { workspace: ['read_text'] }, side_effect_level: 'read_only' },
      errors: [],
      warnings: [],
      syntax: 'json',
    });
    expect(parseCeiling('').value).toBeNull();
    expect(parseCeiling('null')).toEqual({ value: null, errors: [], warnings: [], syntax: 'json' });
    const bad = parseCeiling('{"capabilities":{"network":["http", 3]},"side_effect_level":4,"tools":"x"}');
    expect(bad.value).toBeNull();
    expect(bad.errors.map((e) => e.path)).toEqual(['tools', 'capabilities.network[1]', 'side_effect_level']);
    expect(bad.errors[1]!.message).toBe('invalid type: integer `3`, expected an op name (string)');
    expect(parseCeiling('{"capabilities":').errors[0]!.message).toMatch(/^not valid JSON/);
    expect(parseCeiling('[1]').errors[0]!.path).toBe('');
    expect(parseCeiling('{"side_effects_level":"read_only"}').warnings).toEqual([
      { path: 'side_effects_level', message: 'unknown field "side_effects_level" is ignored, as harn ignores it; did you mean side_effect_level?' },
    ]);
  });

  it('knows exactly the capability/op pairs effect_capability_op produces', () => {
    expect(KNOWN_CAPABILITY_OPS).toEqual({
      stdio: ['read', 'write'],
      workspace: ['read_text', 'write_text', 'apply_edit', 'exists'],
      network: ['http'],
      llm: ['call'],
      host: ['tool_call'],
      connector: ['call'],
      worker: ['dispatch'],
    });
  });

  it.each<[string, CapabilityPolicy, string[]]>([
    ['L401 unknown level', { side_effect_level: 'netwrk' }, ['L401 side_effect_level']],
    ['L402 unknown capability', { capabilities: { netwrk: ['http'] } }, ['L402 capabilities.netwrk']],
    ['L402 unknown op', { capabilities: { workspace: ['read_text', 'write'] } }, ['L402 capabilities.workspace[1]']],
    ['L403 empty ceiling', {}, ['L403 ']],
    ['L403 with only tools, and L410: tools is not used by the clamp', { tools: ['search'] }, ['L410 tools', 'L403 ']],
    ['L409 for an op no computed effect maps to', { capabilities: { workspace: ['exists'] } }, ['L409 capabilities.workspace[0]']],
    ['clean', { capabilities: { workspace: ['read_text'], network: [] }, side_effect_level: 'network' }, []],
  ])('%s', (_name, ceiling, expected) => {
    expect(lintCeiling(ceiling).map((l) => `${l.code} ${l.path}`)).toEqual(expected);
  });

  it('L401 says the unknown level drops nothing, and indeed it drops nothing', () => {
    expect(lintCeiling({ side_effect_level: 'netwrk' })[0]!.message).toContain('ranks above every known level');
    expect(effectAllowedByCeiling(rec({ kind: 'net' }, 'write'), { side_effect_level: 'netwrk' })).toBe(true);
  });

  it('L404 flags a parent grant record no child uses', () => {
    const grant = [rec({ kind: 'net' }, 'write'), rec({ kind: 'fs' }, 'read')];
    expect(lintGrant(grant, [[rec({ kind: 'net' }, 'write', 'u')]]).map((l) => `${l.code} ${l.path} ${l.message}`)).toEqual(['L404 [1] parent grant record fs:read is used by no child']);
  });
});

describe('callEffects / callSemantics (the scheduler API)', () => {
  const firstStmt = (body: string) => {
    const fn = parse(`fn main() {\n${body}\n}`).program[0]!;
    if (fn.kind !== 'FnDecl') throw new Error('expected fn');
    return fn.body[0]!;
  };
  it.each<[string, string[]]>([
    ['http_get("u")', ['net:write (u)']],
    ['harness.fs.write_text("a", "b")', ['fs:write']],
    ['harness?.net.get("u")', ['net:write']],
    ['harness.x.net.get("u")', []],
    ['h.net.get("u")', []],
    ['harness.clock.now_ms()', []],
    ['harness.net?.get("u")', ['net:write']],
    ['request_approval("deploy")', []],
    ['client.send("x")', []],
    ['mcp_call(c, "fs.write_file", {path: "p"})', ['fs:mutate (p)', 'hostcall:connector.fs.write_file:write']],
    ['1 + 2', []],
  ])('%s', (body, expected) => {
    expect(callEffects(firstStmt(body)).map(effectRecordSummary).sort()).toEqual(expected);
  });
  it('callSemantics is null for non-calls', () => {
    expect(callSemantics(firstStmt('x.y()'))).toBeNull();
    expect(callSemantics(firstStmt('f(1)'))!.name).toBe('f');
  });
});

describe('analyzeScenario', () => {
  const parentSource = 'pipeline main() {\n  http_get("https://x")\n  spawn_agent(cfg)\n}';
  const child = 'pipeline main(harness) {\n  http_get("https://x")\n  write_file("notes.txt", d)\n  println("hi")\n}';

  it('reports per program requested / dropped / granted / violations, diagnostics at call sites, hovers', () => {
    const result = analyzeScenario({
      parent: { name: 'parent', source: parentSource },
      children: [{ name: 'alpha', source: child, ceiling: { side_effect_level: 'network', capabilities: { network: [], workspace: ['write_text'] } } }],
    });
    expect(result.children[0]).not.toHaveProperty('hovers');
    expect(result.parentEffectsSource).toBe('computed');
    expect(result.parentEffects!.map(effectRecordSummary)).toEqual(['net:write (https://x)', 'spawn:write (cfg)']);
    const alpha = result.children[0]!;
    expect(alpha.name).toBe('alpha');
    expect(alpha.parsed).toBe(true);
    expect(alpha.dropped.map((d) => effectRecordSummary(d.effect))).toEqual(['stdio:observe (hi)']);
    expect(alpha.granted.map((g) => effectRecordSummary(g.effect))).toEqual(['fs:write (notes.txt)', 'net:write (https://x)']);
    expect(alpha.violations.map((v) => [effectRecordSummary(v.effect), v.reason])).toEqual([['fs:write (notes.txt)', 'kind']]);
    const cap301 = alpha.diagnostics.filter((d) => d.code === 'HARN-CAP-301');
    expect(cap301).toHaveLength(1);
    expect(child.slice(cap301[0]!.span.start, cap301[0]!.span.end)).toBe('write_file("notes.txt", d)');
    expect(cap301[0]!.message).toMatch(/^Child effect fs:write \(notes\.txt\) escapes the parent grant: /);
    const input = {
      parent: { name: 'parent', source: parentSource },
      children: [{ name: 'alpha', source: child, ceiling: { side_effect_level: 'network', capabilities: { network: [], workspace: ['write_text'] } } }],
    };
    expect(scenarioHovers(input, result, 'alpha').map((h) => [child.slice(h.span.start, h.span.end), h.effects.map((e) => `${e.summary} ${e.ceiling.decision} ${e.parent.decision}`)])).toEqual([
      ['http_get("https://x")', ['net:write (https://x) granted covered']],
      ['write_file("notes.txt", d)', ['fs:write (notes.txt) granted violation']],
      ['println("hi")', ['stdio:observe (hi) dropped unchecked']],
    ]);
    expect(result.parent.violations).toEqual([]);
    expect(() => structuredClone(result)).not.toThrow();
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('uses a valid grant instead of the computed parent effects, and lints unused grant records', () => {
    const grant = JSON.parse('[{"kind":{"kind":"fs"},"scope":"write"},{"kind":{"kind":"llm"},"scope":"write"}]') as unknown;
    const result = analyzeScenario({ parent: { name: 'p', source: parentSource, grant }, children: [{ name: 'a', source: 'fn main() { write_file("x", y) }' }] });
    expect(result.parentEffectsSource).toBe('grant');
    expect(result.children[0]!.violations).toEqual([]);
    expect(result.parent.lints.map((l) => `${l.code} ${l.path}`)).toEqual(['L404 [1]']);
    expect(result.parent.diagnostics.some((d) => d.code === 'L404')).toBe(true);
  });

  it('reports grant JSON errors instead of throwing, and leaves violations unchecked', () => {
    const input = { parent: { name: 'p', source: '', grant: '[{"kind":{"kind":"nope"},"scope":"write"}]' }, children: [{ name: 'a', source: 'fn main() { http_get("u") }' }] };
    const result = analyzeScenario(input);
    expect(result.parentEffects).toBeNull();
    expect(result.parentEffectsSource).toBe('unknown');
    expect(result.grantErrors[0]!.path).toBe('[0].kind.kind');
    expect(result.children[0]!.violationsChecked).toBe(false);
    expect(scenarioHovers(input, result, 'a')[0]!.effects[0]!.parent.decision).toBe('unchecked');
  });

  it('an empty grant makes every child effect a violation', () => {
    const result = analyzeScenario({ parent: { name: 'p', source: '', grant: [] }, children: [{ name: 'a', source: 'fn main() { http_get("u") }' }] });
    expect(result.children[0]!.violations.map((v) => v.reason)).toEqual(['empty-parent']);
  });

  it('a child that does not parse has parsed:false, no effects and its parse errors', () => {
    const result = analyzeScenario({ parent: { name: 'p', source: parentSource }, children: [{ name: 'a', source: 'fn main( {' }] });
    const a = result.children[0]!;
    expect(a.parsed).toBe(false);
    expect(a.requested).toEqual([]);
    expect(a.violationsChecked).toBe(false);
    expect(a.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  });

  it('lints each child ceiling and reports an invalid ceiling instead of throwing', () => {
    const result = analyzeScenario({
      parent: { name: 'p', source: '' },
      children: [
        { name: 'a', source: '', ceiling: {} },
        { name: 'b', source: '', ceiling: { side_effect_level: 7 } as unknown as CapabilityPolicy },
      ],
    });
    expect(result.children[0]!.lints.map((l) => l.code)).toEqual(['L403']);
    expect(result.children[0]!.diagnostics.map((d) => d.code)).toEqual(['L403']);
    expect(result.ceilingErrors[1]![0]!.path).toBe('side_effect_level');
  });
});

describe('createScenarioAnalyzer (the worker\'s analyzer)', () => {
  const parent = 'pipeline main() {\n  http_get("https://x")\n  spawn_agent(cfg)\n}';
  const alpha = 'pipeline main(harness) {\n  http_get("https://x")\n  write_file("notes.txt", d)\n  println("hi")\n}';
  const beta = 'fn main() {\n  read_file("a.txt")\n}';
  const ceiling: CapabilityPolicy = { side_effect_level: 'network', capabilities: { network: [], workspace: ['write_text'] } };
  const input = (alphaSource: string, alphaCeiling: CapabilityPolicy | null = ceiling, grant?: unknown) => ({
    parent: { name: 'parent', source: parent, ...(grant === undefined ? {} : { grant }) },
    children: [
      { name: 'alpha', source: alphaSource, ceiling: alphaCeiling },
      { name: 'beta', source: beta },
    ],
  });

  it('gives what analyzeScenario gives, edit after edit, ceiling and grant changes included', () => {
    const analyzer = createScenarioAnalyzer();
    const steps = [
      input(alpha),
      input(alpha.replace('notes.txt', 'notes.md')),
      // A line above moves every remembered statement's sites.
      input(alpha.replace('{\n', '{\n  let pad = harness.fs.read_text("p")\n').replace('notes.txt', 'notes.md')),
      input(alpha.replace('notes.txt', 'notes.md'), null),
      input(alpha, { side_effect_level: 'read_only' }),
      input('fn main( {'),
      input(alpha, ceiling, [{ kind: { kind: 'net' }, scope: 'write' }]),
      input(alpha),
    ];
    for (const step of steps) expect(analyzer.analyze(step)).toEqual(analyzeScenario(step));
  });

  it('re-analyzes only the programs whose source or ceiling changed', () => {
    const analyzer = createScenarioAnalyzer();
    const first = analyzer.analyze(input(alpha));
    const second = analyzer.analyze(input(alpha.replace('notes.txt', 'notes.md')));
    expect(second.parent.requested).toBe(first.parent.requested);
    expect(second.children[1]!.requested).toBe(first.children[1]!.requested);
    expect(second.children[0]!.requested).not.toBe(first.children[0]!.requested);
    const third = analyzer.analyze(input(alpha.replace('notes.txt', 'notes.md'), { side_effect_level: 'read_only' }));
    expect(third.children[0]!.requested).not.toBe(second.children[0]!.requested);
    expect(third.children[0]!.dropped.length).toBeGreaterThan(second.children[0]!.dropped.length);
  });

  it('answers hovers from the latest analysis: the call under the offset, null elsewhere', () => {
    const analyzer = createScenarioAnalyzer();
    expect(analyzer.hoverAt('alpha', 30)).toBeNull();
    const step = input(alpha);
    const result = analyzer.analyze(step);
    const expected = scenarioHovers(step, result, 'alpha');
    expect(expected).toHaveLength(3);
    for (const hover of expected) {
      expect(analyzer.hoverAt('alpha', hover.span.start)).toEqual(hover);
      expect(analyzer.hoverAt('alpha', hover.span.end - 1)).toEqual(hover);
    }
    expect(analyzer.hoverAt('alpha', 0)).toBeNull();
    expect(analyzer.hoverAt('nobody', expected[0]!.span.start)).toBeNull();
    expect(analyzer.hoverAt('parent', parent.indexOf('http_get'))!.effects[0]!.summary).toBe('net:write (https://x)');
    // After an edit the hovers are the new source's: the write call moved two characters right.
    analyzer.analyze(input(alpha.replace('notes.txt', 'notes.txt!!')));
    const write = alpha.indexOf('write_file');
    expect(analyzer.hoverAt('alpha', write)!.effects[0]!.summary).toBe('fs:write (notes.txt!!)');
  });
});

describe('round trips', () => {
  it('computed effects → serde JSON → effectsFromJson / effectsFromMetadata → the same list', () => {
    const source = 'fn main(harness: Harness) {\n llm_call("q", {provider: "anthropic", model: "m"})\n harness.env.set("K", "v")\n tool_call("search")\n mcp_call(c, "fs.write_file", {path: "😀.txt"})\n read_stdin()\n}';
    const effects = computeHandoffEffects(source);
    expect(effects.length).toBeGreaterThan(4);
    const json = effectsToJson(effects);
    expect(effectsFromJson(json).value).toEqual(effects);
    expect(effectsFromMetadata({ effects: JSON.parse(json) as unknown })).toEqual(effects);
  });
});
