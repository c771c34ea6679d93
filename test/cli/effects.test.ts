import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { computeHandoffEffects, effectsFromJson, effectsFromMetadata, effectsToJson } from '../../src/core/index.ts';

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'harn-effects-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

async function cli(cwd: string, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(['effects', ...argv], { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const CHILD = 'pipeline main(harness) {\n  http_get("https://x")\n  write_file("notes.txt", d)\n  println("hi")\n}\n';

describe('harn-scope effects', () => {
  it('prints the child effects in serde JSON with null parent fields when there is no --parent', async () => {
    const dir = workspace({ 'child.harn': CHILD });
    const { code, stdout } = await cli(dir, 'child.harn', '--json');
    expect(code).toBe(0);
    expect(stdout.endsWith('\n')).toBe(true);
    const out = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['file', 'parsed', 'effects', 'dropped', 'parent_effects', 'violations', 'unseen', 'diagnostics']);
    expect(stdout).toContain(
      '"effects":[{"kind":{"kind":"stdio"},"scope":"observe","resource":"hi"},{"kind":{"kind":"fs"},"scope":"write","resource":"notes.txt"},{"kind":{"kind":"net"},"scope":"write","resource":"https://x"}]',
    );
    expect(out).toMatchObject({ file: 'child.harn', parsed: true, dropped: [], parent_effects: null, violations: null, unseen: [], diagnostics: [] });
  });

  it('round-trips: CLI effects → effectsFromJson / effectsFromMetadata → the same list computeHandoffEffects gives', async () => {
    const dir = workspace({ 'child.harn': CHILD });
    const out = JSON.parse((await cli(dir, 'child.harn', '--json')).stdout) as { effects: unknown };
    const expected = computeHandoffEffects(CHILD);
    expect(effectsFromJson(JSON.stringify(out.effects)).value).toEqual(expected);
    expect(effectsFromMetadata({ effects: out.effects })).toEqual(expected);
    expect(JSON.stringify(out.effects)).toBe(effectsToJson(expected));
  });

  it('applies --ceiling, lists dropped effects with their reason, and exits 1 on violations against --parent', async () => {
    const dir = workspace({
      'child.harn': CHILD,
      'parent.harn': 'pipeline main() {\n  http_get("https://x")\n}\n',
      'ceiling.json': '{"capabilities":{"network":[],"workspace":["write_text"]}}',
    });
    const { code, stdout } = await cli(dir, 'child.harn', '--parent', 'parent.harn', '--ceiling', 'ceiling.json', '--json');
    expect(code).toBe(1);
    const out = JSON.parse(stdout) as { dropped: { effect: unknown; reason: string }[]; parent_effects: unknown; violations: unknown; diagnostics: { code: string; line: number; column: number; message: string }[] };
    expect(out.dropped).toEqual([
      { effect: { kind: { kind: 'stdio' }, scope: 'observe', resource: 'hi' }, reason: "stdio.write is not in the ceiling's capabilities (allowed: network.*, workspace.write_text)" },
    ]);
    expect(out.parent_effects).toEqual([{ kind: { kind: 'net' }, scope: 'write', resource: 'https://x' }]);
    expect(out.violations).toEqual([{ kind: { kind: 'fs' }, scope: 'write', resource: 'notes.txt' }]);
    const cap = out.diagnostics.find((d) => d.code === 'HARN-CAP-301')!;
    expect([cap.line, cap.column]).toEqual([3, 3]);
    expect(cap.message).toMatch(/^Child effect fs:write \(notes\.txt\) escapes the parent grant/);
    expect(out.diagnostics.find((d) => d.code === 'L405')).toMatchObject({ line: 4, column: 3 });
  });

  it('accepts a serde JSON grant as --parent and exits 0 when it covers the child', async () => {
    const dir = workspace({ 'child.harn': CHILD, 'grant.json': '[{"kind":{"kind":"net"},"scope":"write"},{"kind":{"kind":"fs"},"scope":"mutate"},{"kind":{"kind":"stdio"},"scope":"observe"}]' });
    const { code, stdout } = await cli(dir, 'child.harn', '--parent', 'grant.json', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ violations: [] });
  });

  it('reports parsed:false and effects:[] for a child that does not parse, with exit 1', async () => {
    const dir = workspace({ 'bad.harn': 'fn main() { http_get("u"' });
    const { code, stdout } = await cli(dir, 'bad.harn', '--json');
    expect(code).toBe(1);
    const out = JSON.parse(stdout) as { parsed: boolean; effects: unknown[]; diagnostics: { severity: string }[] };
    expect(out.parsed).toBe(false);
    expect(out.effects).toEqual([]);
    expect(out.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  });

  it('prints human-readable labels without --json', async () => {
    const dir = workspace({ 'child.harn': CHILD, 'ceiling.json': '{"side_effect_level":"workspace_write"}' });
    const { code, stdout } = await cli(dir, 'child.harn', '--ceiling', 'ceiling.json');
    expect(code).toBe(0);
    expect(stdout).toContain('child.harn: 2 effect(s) granted, 1 dropped');
    expect(stdout).toContain('  granted  fs:write (notes.txt)');
    expect(stdout).toContain("  dropped  net:write (https://x): side_effect_level network exceeds the ceiling's workspace_write");
    expect(stdout).toContain('child.harn:2:3: warning L405:');
  });

  it('says effects are unknown in human output when the child does not parse', async () => {
    const dir = workspace({ 'bad.harn': 'fn main( {' });
    const { stdout } = await cli(dir, 'bad.harn');
    expect(stdout).toContain('bad.harn: effects unknown: the child does not parse');
  });

  it.each<[string, Record<string, string>, string[], RegExp]>([
    ['bad ceiling JSON', { 'c.harn': CHILD, 'ceil.json': '{"capabilities":' }, ['c.harn', '--ceiling', 'ceil.json'], /^harn-scope effects: ceiling ceil\.json: not valid JSON/],
    ['ceiling with a wrong field type', { 'c.harn': CHILD, 'ceil.json': '{"side_effect_level":3}' }, ['c.harn', '--ceiling', 'ceil.json'], /^harn-scope effects: ceiling ceil\.json: side_effect_level: /],
    ['unreadable child', {}, ['missing.harn'], /^harn-scope effects: cannot read missing\.harn: no such file/],
    ['bad grant', { 'c.harn': CHILD, 'g.json': '[{"kind":{"kind":"x"},"scope":"write"}]' }, ['c.harn', '--parent', 'g.json'], /^harn-scope effects: parent grant g\.json: \[0\]\.kind\.kind: unknown variant/],
    ['parent that does not parse', { 'c.harn': CHILD, 'p.harn': 'fn main( {' }, ['c.harn', '--parent', 'p.harn'], /^harn-scope effects: parent p\.harn:1 does not parse/],
    ['no child', {}, [], /expected a CHILD file/],
  ])('exits 2 with one line on %s', async (_name, files, argv, message) => {
    const { code, stderr, stdout } = await cli(workspace(files), ...argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});
