// The gate reports what the analysis reports (issue 24, acceptance 5): for the same child, ceiling and grant,
// `check` prints every diagnostic `effects` prints, with the same code, severity and message — over the corpus and
// over generated policies (misspelt fields included). `--fail-on` decides which severities fail.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cliIn } from '../helpers/cli.ts';
import { harnFiles } from '../helpers/corpus.ts';

const dir = mkdtempSync(join(tmpdir(), 'harn-parity-'));
const cli = cliIn(dir);

type Shown = { code: string; severity: string; message: string };
const key = (d: Shown) => `${d.code} ${d.severity} ${d.message}`;

/** The diagnostics of `effects` and of `check` for one child, ceiling and grant, each as a sorted list. */
async function both(source: string, ceiling: unknown, grant: unknown): Promise<{ effects: string[]; check: string[] }> {
  writeFileSync(join(dir, 'child.harn'), source);
  writeFileSync(join(dir, 'ceiling.json'), JSON.stringify(ceiling));
  writeFileSync(join(dir, 'grant.json'), JSON.stringify(grant));
  const e = await cli('effects', 'child.harn', '--ceiling', 'ceiling.json', '--parent', 'grant.json', '--json');
  expect(e.stderr).toBe('');
  writeFileSync(join(dir, 's.json'), JSON.stringify({ version: 1, parent: { source: '', grant }, children: [{ name: 'alpha', source, ceiling }] }));
  const c = await cli('check', 's.json', '--format', 'json');
  const result = JSON.parse(c.stdout) as { errors: string[]; children: { findings: Shown[] }[]; findings: Shown[] };
  expect(result.errors).toEqual([]);
  return {
    effects: (JSON.parse(e.stdout) as { diagnostics: Shown[] }).diagnostics.map(key).sort(),
    check: [...result.children[0]!.findings, ...result.findings].map(key).sort(),
  };
}

const GRANT = [{ kind: { kind: 'fs' }, scope: 'read' }, { kind: { kind: 'llm', provider: 'anthropic' }, scope: 'write' }];

describe('check reports what effects reports', () => {
  it('a misspelt ceiling field: L407 with its did-you-mean in both; --fail-on warning exits 1, the default 0', async () => {
    const source = 'pipeline main() {\n  read_file("a")\n}\n';
    const ceiling = { capabilities: { workspace: ['read_text'] }, side_effects_level: 'read_only' };
    const { effects, check } = await both(source, ceiling, GRANT);
    expect(effects.some((d) => d.startsWith('L407 warning unknown field "side_effects_level"') && d.includes('did you mean side_effect_level?'))).toBe(true);
    expect(check).toEqual(effects);
    writeFileSync(join(dir, 's.json'), JSON.stringify({ version: 1, parent: { source: '', grant: GRANT }, children: [{ name: 'alpha', source, ceiling }] }));
    expect((await cli('check', 's.json', '--strict')).code).toBe(0);
    const warning = await cli('check', 's.json', '--fail-on', 'warning');
    expect(warning.code).toBe(1);
    expect(warning.stdout).toMatch(/0 error\(s\), \d+ warning\(s\), \d+ info/);
    expect((await cli('check', 's.json', '--fail-on', 'fatal')).code).toBe(2);
  });

  it('L404 (a grant record no child uses) and L412 reach check, as infos that fail only --fail-on info', async () => {
    const source = 'pipeline main() {\n  read_file("a")\n}\n';
    const { effects, check } = await both(source, { capabilities: { workspace: ['read_text'] } }, [...GRANT, { kind: { kind: 'net' }, scope: 'write' }]);
    expect(effects.filter((d) => d.startsWith('L404 info'))).toHaveLength(2);
    expect(check).toEqual(effects);
    expect((await cli('check', 's.json')).code).toBe(0);
    expect((await cli('check', 's.json', '--fail-on', 'info')).code).toBe(1);
  });

  it('the same diagnostics over the corpus', async () => {
    const files = harnFiles().filter((_, i) => i % 8 === 0);
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      const { effects, check } = await both(source, { capabilities: { workspace: ['read_text'], network: [] }, side_effect_level: 'workspace_write' }, GRANT);
      expect(check, file).toEqual(effects);
    }
  }, 120_000);

  it('the same diagnostics over generated policies', async () => {
    const source = readFileSync(harnFiles().find((f) => f.endsWith('examples/portal-demo.harn')) ?? harnFiles()[0]!, 'utf8');
    const ops = fc.subarray(['read_text', 'write_text', 'apply_edit', 'exists', 'http', 'call', 'dispatch', 'tool_call', 'rеad_text']);
    const capabilities = fc.dictionary(fc.constantFrom('workspace', 'network', 'llm', 'host', 'worker', 'connector', 'process', 'workspce'), ops, { maxKeys: 4 });
    const ceiling = fc.record(
      {
        capabilities,
        side_effect_level: fc.constantFrom('none', 'read_only', 'workspace_write', 'process_exec', 'network', 'nework'),
        side_effects_level: fc.constant('read_only'),
        tools: fc.array(fc.constantFrom('read', 'write'), { maxLength: 2 }),
      },
      { requiredKeys: [] },
    );
    const record = fc.constantFrom(
      { kind: { kind: 'fs' }, scope: 'read' },
      { kind: { kind: 'fs' }, scope: 'write', resource: 'out.txt' },
      { kind: { kind: 'net' }, scope: 'write' },
      { kind: { kind: 'llm', provider: 'anthropic', model: 'claude' }, scope: 'write' },
      { kind: { kind: 'spawn' }, scope: 'write' },
      { kind: { kind: 'hostcall', name: 'process.exec' }, scope: 'write' },
    );
    await fc.assert(
      fc.asyncProperty(ceiling, fc.array(record, { maxLength: 4 }), async (c, g) => {
        const { effects, check } = await both(source, c, g);
        expect(check).toEqual(effects);
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
