// The page's policy edits computed in core: a fix at a call removes its finding (the analysis's own check), a
// suggestion says what it changes; the hover of a call whose resource is a variable's name says what L413 says;
// a value's place in a JSON text, escapes counted as written.
import { describe, expect, it } from 'vitest';
import { analyzeScenario, jsonStringCharOffset, jsonValueOffset, policyFixesAt, proposeCeiling, proposeGrant, scenarioHovers, type ScenarioAnalysisInput } from '../../../src/core/index.ts';

const input = (ceiling: ScenarioAnalysisInput['children'][number]['ceiling'] = null): ScenarioAnalysisInput => ({
  parent: { name: 'main', source: 'pipeline main() {}', grant: [{ kind: { kind: 'fs' }, scope: 'write', resource: 'notes.md' }] },
  children: [{ name: 'alpha', source: 'pipeline main() {\n  write_file("notes.md", "a")\n  write_file(".env", "b")\n}', ceiling }],
});

describe('policyFixesAt', () => {
  it('at a call whose effect escapes the grant: the grant with its record added, which removes the violation and adds none', () => {
    const at = input().children[0]!.source.indexOf('write_file(".env"');
    const [fix, ...more] = policyFixesAt(input(), 'alpha', { offset: at });
    expect(more).toEqual([]);
    expect(fix!.title).toBe('Add to the parent grant: fs:write (.env)');
    const fixed = { ...input(), parent: { ...input().parent, grant: fix!.grant } };
    expect(analyzeScenario(fixed).children[0]!.violations).toEqual([]);
    expect(policyFixesAt(input(), 'alpha', { offset: input().children[0]!.source.indexOf('write_file("notes.md"') })).toEqual([]);
  });

  it('at a call whose effect the ceiling drops: the ceiling that keeps it', () => {
    const ceiling = { capabilities: { workspace: ['read_text'] } };
    const [fix] = policyFixesAt(input(ceiling), 'alpha', { effect: 'fs:write (notes.md)' });
    expect(fix!.title).toBe("Allow in alpha's ceiling: fs:write (notes.md)");
    expect(analyzeScenario({ ...input(fix!.ceiling) }).children[0]!.dropped).toEqual([]);
  });
});

describe('proposals', () => {
  it('"Tighten to what it uses" never widens and says what it removes', () => {
    const result = proposeCeiling(input(), 'alpha');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.proposal.ceiling).toEqual({ capabilities: { workspace: ['write_text'] }, side_effect_level: 'workspace_write' });
    expect(result.proposal.newlyAllowed).toEqual([]);
    expect(result.proposal.newlyDenied.map((d) => d.summary)).toEqual([
      'stdio.read at read_only (stdio:read)',
      'stdio.write at read_only (stdio:write, stdio:mutate, stdio:observe)',
      'workspace.read_text at read_only (fs:read)',
      'workspace.apply_edit at workspace_write (fs:mutate)',
      'workspace.exists at read_only (fs:observe)',
      'network.http at network (net:read, net:write, net:mutate, net:observe)',
      'llm.call at network (llm:read, llm:write, llm:mutate, llm:observe)',
      'host.tool_call at workspace_write (tool:read, tool:write, tool:mutate, tool:observe)',
      'connector.call at read_only (hostcall:read, hostcall:write, hostcall:mutate, hostcall:observe)',
      'connector.call at process_exec (hostcall:process.*:read, hostcall:process.*:write, hostcall:process.*:mutate, hostcall:process.*:observe)',
      'worker.dispatch at workspace_write (persona:read, persona:write, persona:mutate, persona:observe, spawn:read, spawn:write, spawn:mutate, spawn:observe)',
    ]);
  });

  it('"Grant what the children need" adds exactly the escaping record', () => {
    const result = proposeGrant(input(), 'exact');
    expect(result.ok && result.proposal.newlyAllowed.map((c) => c.summary)).toEqual(['fs:write (.env)']);
    expect(proposeCeiling(input(), 'nobody')).toEqual({ ok: false, problem: 'There is no child named nobody.' });
  });
});

describe('friction', () => {
  it("the hover of write_file(target, …) says harn takes the argument's text, in the lint's words", () => {
    const source = 'pipeline main() {\n  let target = "out/report.md"\n  write_file(target, "x")\n}\n';
    const scenario = { parent: { name: 'main', source: 'pipeline main() {}' }, children: [{ name: 'alpha', source }] };
    const [hover] = scenarioHovers(scenario, analyzeScenario(scenario), 'alpha');
    expect(hover!.notes).toEqual([expect.stringContaining('"target" is the argument\'s text: harn takes a variable\'s name as the resource, not its value')]);
  });

  it('jsonValueOffset finds a value by path; jsonStringCharOffset counts escapes as written', () => {
    const text = '{"version": 1, "a": [true, {"x": "q\\n\\u0041bc"}], "b": {"c": 12}}';
    const at = jsonValueOffset(text, ['a', 1, 'x'])!;
    expect(text.slice(at, at + 3)).toBe('"q\\');
    expect(text[jsonStringCharOffset(text, at, 3)]).toBe('b');
    expect(jsonValueOffset(text, ['b', 'c'])).toBe(text.indexOf('12'));
    expect(jsonValueOffset(text, ['missing'])).toBeNull();
    expect(jsonValueOffset('{"a": [1, 2]}', ['a', 5])).toBeNull();
  });
});
