// The CLI side of issue 16: `unseen` and --strict (acceptance 1), and harn's whole CapabilityPolicy through scenario
// files, links and --ceiling (acceptance 2): every field round-trips, type errors name the field, typos get a
// did-you-mean, and a Harn dict literal gives the same clamp as its JSON.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliIn } from '../helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'harn-policy-'));
const corpus = resolve(import.meta.dirname, '../../../shared/corpus/harn');

const cli = cliIn(dir);

const FULL_CEILING = {
  tools: ['search', 'read'],
  capabilities: { workspace: ['read_text'], network: [] },
  workspace_roots: ['/repo', '/tmp/scratch'],
  side_effect_level: 'network',
  recursion_limit: 3,
  tool_arg_constraints: [{ tool: 'search', arg_patterns: ['^docs/'], arg_key: 'path' }, { tool: 'read', arg_patterns: [], arg_key: null }],
  tool_annotations: { search: { readOnlyHint: true, title: 'Search' } },
};

const CHILD = 'pipeline main() {\n  read_file("notes.md")\n  write_file("out.txt", "x")\n  http_get("https://x")\n}\n';

function scenarioWith(ceiling: unknown): string {
  return JSON.stringify({ version: 1, parent: { source: 'pipeline main() {}' }, children: [{ name: 'alpha', source: CHILD, ceiling }] });
}

describe('effects: unseen and --strict', () => {
  it('a top-level http_post(url, read_file(path)) gives effects [] as harn does, and unseen lists both with reason and line', async () => {
    writeFileSync(join(dir, 'top.harn'), 'http_post("https://x", read_file("a"))\n');
    const { code, stdout } = await cli('effects', 'top.harn', '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { effects: unknown[]; unseen: { effect: unknown; reason: string; line: number; column: number }[] };
    expect(out.effects).toEqual([]);
    expect(out.unseen).toEqual([
      { effect: { kind: { kind: 'net' }, scope: 'write', resource: 'https://x' }, reason: 'in a top-level statement: harn analyzes only fn, tool and pipeline bodies', line: 1, column: 1 },
      { effect: { kind: { kind: 'fs' }, scope: 'read', resource: 'a' }, reason: 'in a top-level statement: harn analyzes only fn, tool and pipeline bodies', line: 1, column: 24 },
    ]);
  });

  it('--strict with an empty grant exits 1; a grant covering both exits 0', async () => {
    writeFileSync(join(dir, 'empty.json'), '[]');
    expect((await cli('effects', 'top.harn', '--parent', 'empty.json', '--strict')).code).toBe(1);
    expect((await cli('effects', 'top.harn', '--parent', 'empty.json')).code).toBe(0);
    writeFileSync(join(dir, 'both.json'), '[{"kind":{"kind":"net"},"scope":"write","resource":"https://x"},{"kind":{"kind":"fs"},"scope":"read","resource":"a"}]');
    const covered = await cli('effects', 'top.harn', '--parent', 'both.json', '--strict');
    expect(covered.code).toBe(0);
    expect(covered.stdout).toContain('unseen   fs:read (a): in a top-level statement: harn analyzes only fn, tool and pipeline bodies (covered by the parent)');
  });
});

describe("harn's whole CapabilityPolicy", () => {
  it('a ceiling with every field round-trips through a scenario file, a link and back unchanged', async () => {
    writeFileSync(join(dir, 'full.json'), scenarioWith(FULL_CEILING));
    const link = await cli('link', 'full.json');
    expect(link.code).toBe(0);
    const decoded = await cli('link', '--decode', link.stdout.trim());
    expect(decoded.code).toBe(0);
    const scenario = JSON.parse(decoded.stdout) as { children: { ceiling: unknown }[] };
    expect(scenario.children[0]!.ceiling).toEqual(FULL_CEILING);
    expect(JSON.stringify(scenario.children[0]!.ceiling)).toBe(JSON.stringify(FULL_CEILING));
    const run = await cli('simulate', link.stdout.trim(), '--json');
    expect(run.code).toBe(0);
  });

  it('recursion_limit: "three" is an error naming the field, in a scenario and in --ceiling', async () => {
    writeFileSync(join(dir, 'three.json'), scenarioWith({ recursion_limit: 'three' }));
    const scenario = await cli('simulate', 'three.json');
    expect(scenario.code).toBe(2);
    expect(scenario.stderr).toBe('harn-scope simulate: three.json: children[0].ceiling.recursion_limit: invalid type: string "three", expected an unsigned integer or null\n');
    writeFileSync(join(dir, 'child.harn'), CHILD);
    writeFileSync(join(dir, 'three-ceiling.json'), '{"recursion_limit": "three"}');
    const effects = await cli('effects', 'child.harn', '--ceiling', 'three-ceiling.json');
    expect(effects.code).toBe(2);
    expect(effects.stderr).toContain('recursion_limit: invalid type: string "three"');
  });

  it('side_effects_level beside capabilities gets the did-you-mean warning, in --ceiling and in a scenario', async () => {
    writeFileSync(join(dir, 'typo.json'), '{"capabilities": {"workspace": ["read_text"]}, "side_effects_level": "read_only"}');
    const effects = await cli('effects', 'child.harn', '--ceiling', 'typo.json', '--json');
    const out = JSON.parse(effects.stdout) as { diagnostics: { message: string }[] };
    expect(out.diagnostics.map((d) => d.message)).toContain('unknown field "side_effects_level" is ignored, as harn ignores it; did you mean side_effect_level? (ceiling side_effects_level)');
    writeFileSync(join(dir, 'typo-scenario.json'), scenarioWith({ capabilities: { workspace: ['read_text'] }, side_effects_level: 'read_only' }));
    const run = await cli('simulate', 'typo-scenario.json', '--json');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('harn-scope: warning: typo-scenario.json: children[0].ceiling.side_effects_level: unknown field "side_effects_level" is ignored, as harn ignores it; did you mean side_effect_level?\n');
  });

  it('duplicate keys: a field or a capability written twice is an error naming its key path (issue 24)', async () => {
    writeFileSync(join(dir, 'dup.json'), '{"side_effect_level": "none", "side_effect_level": "network"}');
    const dup = await cli('effects', 'child.harn', '--ceiling', 'dup.json');
    expect(dup.code).toBe(2);
    expect(dup.stderr).toContain('side_effect_level: duplicate field `side_effect_level`');
    writeFileSync(join(dir, 'dup-cap.json'), '{"capabilities": {"workspace": ["read_text"], "workspace": ["write_text"]}}');
    const cap = await cli('effects', 'child.harn', '--ceiling', 'dup-cap.json', '--json');
    expect(cap.code).toBe(2);
    expect(cap.stderr).toContain('duplicate key "workspace" at capabilities.workspace');
  });

  it("the capability_policy dict literal of a real harn program gives the same clamp as its JSON", async () => {
    const line = readFileSync(join(corpus, 'examples/portal-demo.harn'), 'utf8').split('\n').find((l) => l.includes('capability_policy:'))!;
    const harn = line.trim().replace(/,$/, '');
    expect(harn).toBe('capability_policy: {capabilities: {workspace: ["read_text"]}, side_effect_level: "read_only"}');
    writeFileSync(join(dir, 'policy.harn-dict'), harn);
    writeFileSync(join(dir, 'policy.json'), '{"capabilities": {"workspace": ["read_text"]}, "side_effect_level": "read_only"}');
    const fromHarn = JSON.parse((await cli('effects', 'child.harn', '--ceiling', 'policy.harn-dict', '--json')).stdout) as Record<string, unknown>;
    const fromJson = JSON.parse((await cli('effects', 'child.harn', '--ceiling', 'policy.json', '--json')).stdout) as Record<string, unknown>;
    expect(fromHarn.effects).toEqual(fromJson.effects);
    expect(fromHarn.dropped).toEqual(fromJson.dropped);
    expect((fromHarn.dropped as unknown[]).length).toBe(2);
  });

  it('a dict literal with anything but literals is refused, naming what it found', async () => {
    writeFileSync(join(dir, 'call.harn-dict'), '{capabilities: {workspace: read_caps()}}');
    const { code, stderr } = await cli('effects', 'child.harn', '--ceiling', 'call.harn-dict');
    expect(code).toBe(2);
    expect(stderr).toContain('capabilities.workspace: only literals are allowed');
  });
});

describe('effects --compare-ceiling', () => {
  it('lists the effects that change decision between two ceilings (same parent)', async () => {
    const programs = resolve(import.meta.dirname, '../../examples/programs');
    writeFileSync(join(dir, 'read-only.json'), '{"side_effect_level": "read_only"}');
    const args = ['effects', join(programs, 'child.harn'), '--parent', join(programs, 'parent.harn'), '--ceiling', join(programs, 'ceiling.json')];
    const { code, stdout } = await cli(...args, '--compare-ceiling', 'read-only.json', '--json');
    expect(code).toBe(1);
    const out = JSON.parse(stdout) as { compare: Record<string, unknown[]> };
    expect(out.compare).toEqual({
      newly_dropped: [
        { kind: { kind: 'fs' }, scope: 'write', resource: 'report.md' },
        { kind: { kind: 'llm', provider: 'anthropic', model: 'claude' }, scope: 'write' },
      ],
      newly_allowed: [],
      newly_escaping: [],
      no_longer_escaping: [{ kind: { kind: 'fs' }, scope: 'write', resource: 'report.md' }],
    });
    const plain = JSON.parse((await cli(...args, '--json')).stdout) as Record<string, unknown>;
    expect('compare' in plain).toBe(false);
    const text = (await cli(...args, '--compare-ceiling', 'read-only.json')).stdout;
    expect(text).toContain('    newly dropped      fs:write (report.md)');
  });
});
