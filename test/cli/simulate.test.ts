import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { CommandContext } from '../../src/cli/io.ts';
import { encodeLink, eventSteps, explore, findExample, minimizeScenario, normalizeScenario, replayScenario, simulate, stepNumber } from '../../src/core/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'harn-scope-simulate-'));
const f2 = findExample('f2-mutation-session')!.scenario;
writeFileSync(join(dir, 'f2.json'), JSON.stringify(minimizeScenario(f2)));
writeFileSync(join(dir, 'broken.json'), '{"version": 1,');
writeFileSync(join(dir, 'no-source.json'), JSON.stringify({ version: 1, parent: {} }));
// Acceptance 2 of issue 18: one child sets its execution context, awaits, and is resumed on the other thread.
const oneChild = normalizeScenario({
  version: 1,
  parent: { source: 'pipeline main() {\n  spawn_agent("w")\n}', grant: [{ kind: { kind: 'llm' }, scope: 'write' }, { kind: { kind: 'fs' }, scope: 'write' }] },
  children: [{ name: 'alpha', source: 'pipeline main() {\n  write_file("a.md", "x")\n  llm_call("plan")\n  write_file("b.md", "x")\n}' }],
  run: { mode: 'unscoped' },
});
writeFileSync(join(dir, 'one-child.json'), JSON.stringify(minimizeScenario(oneChild)));

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
    const f2 = simulate(findExample('f2-mutation-session')!.scenario);
    const narration = f2.steps[126]!.narration;
    expect(narration).toBe(
      "alpha resumes after llm_call. While it waited, beta ran and left its mutation session in CURRENT_MUTATION_SESSION, so alpha's write_file(\"report.md\") is audited under beta's session (session-beta/run-beta).",
    );
    // Numbered as the stepper numbers it (the event step), not the trace index.
    expect(stepNumber(eventSteps(f2.steps), 126)).not.toBe('127');
    expect(stdout).toContain(`step ${stepNumber(eventSteps(f2.steps), 126)}: ${narration} (CURRENT_MUTATION_SESSION: expected session-alpha/run-alpha`);
    expect(stdout).not.toContain(': cross-wire.');
    expect(stdout).toContain(
      '#126 t=2 alpha read CURRENT_MUTATION_SESSION = session-beta/run-beta (expected session-alpha/run-alpha) CROSS-WIRE',
    );
  });

  describe('--threads', () => {
    it('adds each cross-wire\'s thread and cause and the run\'s threads and migrations to the JSON', async () => {
      const { code, stdout, stderr } = await cli('simulate', 'one-child.json', '--threads', '2', '--json');
      expect(code).toBe(0);
      expect(stderr).toBe('');
      const out = JSON.parse(stdout);
      expect(Object.keys(out)).toEqual(['steps', 'completed', 'crosswires', 'leaks', 'panics', 'refused', 'threads', 'migrations']);
      const core = simulate(oneChild, { threads: 2 }).summary;
      expect(out).toMatchObject({ steps: core.steps, threads: 2, migrations: core.migrations });
      expect(out.migrations).toBe(3);
      expect(out.crosswires).toEqual(core.crosswires.map(({ step, task, slot, expected, observed, thread, cause }) => ({ step, task, slot, expected, observed, thread, cause })));
      expect(out.crosswires).toContainEqual(expect.objectContaining({ task: 'alpha', slot: 'VM_EXECUTION_CONTEXT', cause: 'migration' }));
      const scoped = JSON.parse((await cli('simulate', 'one-child.json', '--threads', '2', '--mode', 'scoped', '--json')).stdout);
      expect(scoped).toMatchObject({ completed: true, crosswires: [], leaks: [], threads: 2 });
    });

    it('prints the same with --threads 1 as without, and overrides the scenario\'s run.threads', async () => {
      const plain = await cli('simulate', 'f2.json', '--json');
      expect((await cli('simulate', 'f2.json', '--threads', '1', '--json')).stdout).toBe(plain.stdout);
      expect((await cli('simulate', 'f2.json', '--threads=1')).stdout).toBe((await cli('simulate', 'f2.json')).stdout);
      writeFileSync(join(dir, 'f2-threads.json'), JSON.stringify(minimizeScenario({ ...f2, run: { ...f2.run, threads: 2 } })));
      expect(JSON.parse((await cli('simulate', 'f2-threads.json', '--json')).stdout).threads).toBe(2);
      expect((await cli('simulate', 'f2-threads.json', '--threads', '1', '--json')).stdout).toBe(plain.stdout);
    });

    it('says in the text where each cross-wire ran and whether a migration or a sibling caused it', async () => {
      const { stdout } = await cli('simulate', 'one-child.json', '--threads', '2');
      const summary = simulate(oneChild, { threads: 2 }).summary;
      expect(stdout).toContain(`one-child.json: unscoped mode. ${summary.message}`);
      expect(summary.message).toMatch(/ on 2 threads: .*migrations/);
      expect(stdout).toMatch(/\(VM_EXECUTION_CONTEXT on thread [12], after a migration: expected ctx\(cwd=\/worktrees\/alpha/);
      expect(stdout).toContain('leaked on the outer threads: ');
      // An explored F2 schedule in which a sibling polled on the same thread leaves its session there.
      const f2Threads = { ...f2, run: { ...f2.run, threads: 2 } };
      const failure = explore(f2Threads, { mode: 'unscoped' }).failures.find((f) => f.crosswires.some((c) => c.cause === 'sibling'))!;
      const replay = replayScenario(f2Threads, failure.picks, 'unscoped');
      writeFileSync(join(dir, 'f2-sibling.json'), JSON.stringify(minimizeScenario(replay)));
      const { stdout: text } = await cli('simulate', 'f2-sibling.json');
      const causes = simulate(replay).summary.crosswires.map((c) => c.cause);
      expect(causes).toContain('sibling');
      expect(text.split(', from a sibling: expected ').length - 1).toBe(causes.filter((c) => c === 'sibling').length);
      expect(text.split(', after a migration: expected ').length - 1).toBe(causes.filter((c) => c === 'migration').length);
    });

    it('is in the usage', async () => {
      expect((await cli('--help')).stdout).toContain('simulate SCENARIO [--mode M] [--threads N]');
      expect((await cli('simulate')).stderr).toContain('[--threads N]');
    });
  });

  it.each([
    [['simulate', 'f2.json', '--threads', '0'], '--threads must be a whole number from 1 to 4, not "0"'],
    [['simulate', 'f2.json', '--threads', '5'], '--threads must be a whole number from 1 to 4, not "5"'],
    [['simulate', 'f2.json', '--threads', '1.5'], '--threads must be a whole number from 1 to 4, not "1.5"'],
    [['simulate', 'f2.json', '--threads', 'two'], '--threads must be a whole number from 1 to 4, not "two"'],
    [['simulate', 'f2.json', '--threads'], 'option --threads needs a value'],
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

describe('simulate --quiz', () => {
  it("prints Predict mode's questions with their choices and answers (exit 0)", async () => {
    const run = main;
    let stdout = '';
    const code = await run(['simulate', '--quiz', 'examples/f1-cwd-env.json'], { stdout: (t) => void (stdout += t), stderr: () => undefined, cwd: process.cwd() });
    expect(code).toBe(0);
    expect(stdout).toContain("step 13: Which working directory will alpha's write_file use from VM_EXECUTION_CONTEXT?");
    expect(stdout).toContain('2. /worktrees/beta  <- the answer');
    expect(stdout).toContain("then: alpha resumes after yield_now().");
    let json = '';
    expect(await run(['simulate', '--quiz', '--json', 'examples/f1-cwd-env.json'], { stdout: (t) => void (json += t), stderr: () => undefined, cwd: process.cwd() })).toBe(0);
    const parsed = JSON.parse(json) as { questions: { choices: string[]; answer: number }[] };
    expect(parsed.questions.map((q) => q.choices[q.answer])).toEqual(['/worktrees/beta', '/worktrees/parent']);
  });
});
