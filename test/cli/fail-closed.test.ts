// Policy checks never fail open (issue 19): a grant with one invalid record refuses every child and the CLI exits 2
// naming the record; a ceiling key named after an Object.prototype member is an ordinary capability name.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliIn } from '../helpers/cli.ts';
import { analyzeScenario, findExample, loadScenario, minimizeScenario, simulate, type Scenario } from '../../src/core/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'harn-fail-closed-'));

const cli = cliIn(dir);

/** The parent-grant lesson with a `{"foo": 1}` record beside its valid ones. */
function badGrantScenario(): Scenario {
  const base = findExample('parent-grant')!.scenario;
  return { ...base, parent: { ...base.parent, grant: [...(base.parent.grant ?? []), { foo: 1 }] } };
}

const CHILD = 'pipeline main() {\n  read_file("a")\n  write_file("b", "x")\n  http_get("https://x")\n  println("hi")\n}\n';

describe('an invalid parent grant fails closed', () => {
  it('refuses every child at spawn, naming the record (no child runs)', () => {
    const result = simulate(badGrantScenario());
    expect(result.summary.refused).toEqual(['alpha', 'beta']);
    const s553 = result.diagnostics.find((d) => d.diagnostic.code === 'S553');
    expect(s553?.diagnostic.severity).toBe('error');
    expect(s553?.diagnostic.message).toContain('parent.grant[2]: missing field `kind`');
    const refuse = result.steps.find((step) => step.kind === 'refuse');
    expect(refuse?.narration).toContain('the parent grant is invalid (parent.grant[2]');
  });

  it('with a valid grant the same lesson refuses no one for that reason', () => {
    expect(simulate(findExample('parent-grant')!.scenario).diagnostics.some((d) => d.diagnostic.code === 'S553')).toBe(false);
  });

  it('leaves the analysis with grant errors that name the record and no violations checked', () => {
    const scenario = badGrantScenario();
    const analysis = analyzeScenario({ parent: scenario.parent, children: scenario.children });
    expect(analysis.parentEffectsSource).toBe('unknown');
    expect(analysis.grantErrors).toEqual([{ path: '[2]', message: 'missing field `kind`' }, { path: '[2]', message: 'missing field `scope`' }]);
    expect(analysis.children.every((child) => !child.violationsChecked)).toBe(true);
  });

  it('simulate and explore exit 2 naming the record, with nothing on stdout', async () => {
    writeFileSync(join(dir, 'bad-grant.json'), JSON.stringify(minimizeScenario(badGrantScenario())));
    for (const command of ['simulate', 'explore']) {
      const { code, stdout, stderr } = await cli(command, 'bad-grant.json', '--json');
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe(`harn-scope ${command}: bad-grant.json: parent.grant[2]: missing field \`kind\` (and 1 more); the grant is invalid, so no child would be spawned\n`);
    }
  });

  it('effects --parent with an invalid grant file exits 2 naming the record, whatever the extension', async () => {
    writeFileSync(join(dir, 'child.harn'), CHILD);
    writeFileSync(join(dir, 'grant.txt'), '[{"kind":{"kind":"fs"},"scope":"read"},{"foo":1}]');
    const { code, stderr } = await cli('effects', 'child.harn', '--parent', 'grant.txt', '--json');
    expect(code).toBe(2);
    expect(stderr).toContain('parent grant grant.txt: [1]: missing field `kind`');
  });

  it('reads a grant envelope {"effects": […]} in a non-.json file as JSON, never as an empty program', async () => {
    writeFileSync(join(dir, 'envelope.grant'), '{"effects": [{"kind":{"kind":"fs"},"scope":"read","resource":"a"}], "note": "kept out"}');
    const { code, stdout } = await cli('effects', 'child.harn', '--parent', 'envelope.grant', '--json');
    expect(code).toBe(1);
    const out = JSON.parse(stdout) as { parent_effects: unknown[]; violations: unknown[] };
    expect(out.parent_effects).toEqual([{ kind: { kind: 'fs' }, scope: 'read', resource: 'a' }]);
    expect(out.violations).toHaveLength(3);
  });
});

describe('a ceiling key named after an Object.prototype member is an ordinary capability name', () => {
  const names = [...Object.getOwnPropertyNames(Object.prototype), 'prototype'];

  it.each(names)('--ceiling {"capabilities": {"%s": ["read_text"]}} drops all four effects', async (name) => {
    writeFileSync(join(dir, 'child.harn'), CHILD);
    writeFileSync(join(dir, 'ceiling.json'), JSON.stringify({ capabilities: { [name]: ['read_text'] } }));
    const { code, stdout } = await cli('effects', 'child.harn', '--ceiling', 'ceiling.json', '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { effects: unknown[]; dropped: { reason: string }[]; diagnostics: { code: string; message: string }[] };
    expect(out.effects).toEqual([]);
    expect(out.dropped).toHaveLength(4);
    expect(out.dropped[0]!.reason).toContain(`(allowed: ${name}.read_text)`);
    expect(out.diagnostics.some((d) => d.code === 'L403')).toBe(false);
    expect(out.diagnostics.find((d) => d.code === 'L402')?.message).toContain(`capability "${name}" is never produced`);
  });

  it.each(names)('a scenario whose ceiling lists "%s" loads, keeps the key, and clamps with it', (name) => {
    const input = JSON.parse(
      `{"version":1,"parent":{"source":""},"children":[{"name":"a","source":${JSON.stringify(CHILD)},"ceiling":{"capabilities":{${JSON.stringify(name)}:["read_text"]},"tool_annotations":{${JSON.stringify(name)}:{"readOnlyHint":true}}}}]}`,
    ) as unknown;
    const scenario = loadScenario(input).value!;
    const ceiling = scenario.children[0]!.ceiling!;
    expect(Object.keys(ceiling.capabilities)).toEqual([name]);
    expect(Object.keys(ceiling.tool_annotations ?? {})).toEqual([name]);
    const analysis = analyzeScenario({ parent: scenario.parent, children: scenario.children });
    expect(analysis.children[0]!.granted).toEqual([]);
    expect(analysis.children[0]!.dropped).toHaveLength(4);
    // Round trip: what the loader normalized minimizes back to the same key.
    expect(JSON.stringify(minimizeScenario(scenario).children?.[0]?.ceiling)).toBe(
      `{"capabilities":{${JSON.stringify(name)}:["read_text"]},"tool_annotations":{${JSON.stringify(name)}:{"readOnlyHint":true}}}`,
    );
  });
});
