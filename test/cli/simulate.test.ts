import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { CommandContext } from '../../src/cli/io.ts';
import { encodeLink, findExample, minimizeScenario, simulate } from '../../src/core/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'harn-scope-simulate-'));
const f2 = findExample('f2-mutation-session')!.scenario;
writeFileSync(join(dir, 'f2.json'), JSON.stringify(minimizeScenario(f2)));
writeFileSync(join(dir, 'broken.json'), '{"version": 1,');
writeFileSync(join(dir, 'no-source.json'), JSON.stringify({ version: 1, parent: {} }));

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const ctx: CommandContext = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    cwd: dir,
  };
  const code = await main(argv, ctx);
  return { code, stdout, stderr };
}

describe('harn-scope simulate', () => {
  it('prints the DESIGN §7 JSON keys for a scenario file, exiting 0 even with cross-wires', async () => {
    const { code, stdout, stderr } = await cli('simulate', 'f2.json', '--json');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]!);
    expect(Object.keys(out)).toEqual(['steps', 'completed', 'crosswires', 'leaks', 'panics', 'refused']);
    expect(out.completed).toBe(true);
    expect(out.crosswires[0]).toEqual({
      step: 126,
      task: 'alpha',
      slot: 'CURRENT_MUTATION_SESSION',
      expected: 'session-alpha/run-alpha',
      observed: 'session-beta/run-beta',
    });
  });

  it('overrides the mode with --mode, and accepts a share link in place of the file', async () => {
    const link = encodeLink(findExample('lifo-interleaving')!.scenario);
    const unscoped = JSON.parse((await cli('simulate', link, '--json')).stdout);
    expect(unscoped.crosswires.length).toBeGreaterThan(2);
    const { code, stdout } = await cli('simulate', link, '--mode', 'scoped', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ completed: true, crosswires: [], leaks: [] });
  });

  it('keeps the scenario capture set under --mode scoped (F2 stays uncaptured)', async () => {
    const { stdout } = await cli('simulate', 'f2.json', '--mode', 'scoped', '--json');
    expect(JSON.parse(stdout).crosswires.map((c: { task: string }) => c.task)).toEqual(['alpha', 'beta']);
  });

  it('prints one line per input, in order', async () => {
    const { stdout } = await cli('simulate', 'f2.json', 'f2.json', '--json', '--mode', 'scoped');
    expect(stdout.trimEnd().split('\n')).toHaveLength(2);
  });

  it("explains each cross-wire in the stepper's own sentence and prints the trace with --trace", async () => {
    const { code, stdout } = await cli('simulate', 'f2.json', '--trace');
    expect(code).toBe(0);
    const narration = simulate(findExample('f2-mutation-session')!.scenario).steps[126]!.narration;
    expect(narration).toBe(
      "alpha resumes after llm_call. While it waited, beta ran and left its mutation session in CURRENT_MUTATION_SESSION, so alpha's write_file(\"report.md\") is audited under beta's session (session-beta/run-beta).",
    );
    expect(stdout).toContain(`step 126: ${narration} (CURRENT_MUTATION_SESSION: expected session-alpha/run-alpha`);
    expect(stdout).not.toContain(': cross-wire.');
    expect(stdout).toContain(
      '#126 t=2 alpha read CURRENT_MUTATION_SESSION = session-beta/run-beta (expected session-alpha/run-alpha) CROSS-WIRE',
    );
  });

  it.each([
    [['simulate', 'missing.json'], 'cannot read missing.json: no such file'],
    [['simulate', 'broken.json'], 'broken.json is not valid JSON'],
    [['simulate', 'no-source.json'], 'no-source.json: '],
    [['simulate', '#s=1.%%%'], 'link: '],
    [
      ['simulate', 'f2.json', '--mode', 'sloppy'],
      '--mode must be one of scoped, unscoped, naive, not "sloppy"',
    ],
    [['simulate'], 'expected a scenario'],
  ])('rejects bad input %j with exit 2 and one line on stderr', async (argv, message) => {
    const { code, stdout, stderr } = await cli(...argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
