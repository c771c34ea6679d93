import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import type { CommandContext } from '../../../src/cli/io.ts';
import { decodeLink, findExample, markdownCode, scenarioMarkdown, simulate, type Scenario } from '../../../src/core/index.ts';

function lesson(id: string): Scenario {
  const example = findExample(id);
  if (!example) throw new Error(`no lesson ${id}`);
  return example.scenario;
}

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const ctx: CommandContext = { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: process.cwd() };
  const code = await main(args, ctx);
  return { code, out, err };
}

describe('scenarioMarkdown', () => {
  it("names F1's task, slot, expected and observed values, the consequence and a link that reopens the moment", () => {
    const f1 = lesson('f1-cwd-env');
    const text = scenarioMarkdown(f1, simulate(f1), { baseUrl: 'https://lab.example/' });
    expect(text).toContain('- **Task:** alpha');
    expect(text).toContain('- **Slot:** `VM_EXECUTION_CONTEXT`');
    expect(text).toContain('- **Expected:** `ctx(cwd=/worktrees/alpha, env WORKER=alpha)`');
    expect(text).toContain('- **Observed:** `ctx(cwd=/worktrees/beta, env WORKER=beta)`');
    expect(text).toMatch(/\*\*Consequence:\*\* alpha's write of out\.txt .*\/worktrees\/beta/);
    expect(text).toContain('- **Mode:** `unscoped`');
    const link = /\[Open this run in Harn Scope Lab\]\((https:\/\/lab\.example\/#s=[^)]+)\)/.exec(text)?.[1];
    expect(link).toBeDefined();
    const decoded = decodeLink(link!);
    expect(decoded.error).toBeNull();
    expect(decoded.value?.view.step).toBe(f1.view.step);
    expect(decoded.value?.children.map((c) => c.source)).toEqual(f1.children.map((c) => c.source));
  });

  it('says there is no cross-wire when the run has none, and clamps the step to the trace', () => {
    const f1 = lesson('f1-cwd-env');
    const scoped = { ...f1, run: { ...f1.run, mode: 'scoped' as const } };
    const simulation = simulate(scoped);
    const text = scenarioMarkdown(scoped, simulation, { step: 1_000_000 });
    expect(text).toContain('None: every read in this run saw its own task’s value.');
    // Numbered as the stepper numbers them: the last step is the last event.
    const events = simulation.steps.filter((s) => s.event).length;
    expect(text).toContain(`step ${events} of ${events}`);
    expect(text).toMatch(/\(#s=1\./);
  });

  it("numbers LIFO's moment as the stepper does: its event step, of the events (not the trace index)", () => {
    const lifo = lesson('lifo-interleaving');
    const text = scenarioMarkdown(lifo, simulate(lifo));
    expect(text).toContain('## Harn Scope Lab: unscoped run, step 24 of 38');
    expect(text).toContain('### The moment (step 24)');
    // The sentence as the Markdown report sets it: its quoted literal in a code span, the rest escaped.
    expect(text).toContain("> alpha's write\\_file(`\"summary.md\"`) is denied by beta's policy, though preflight allowed it: nothing is written to /worktrees/beta/summary.md.");
  });

  it('fences sources and code spans so backticks in them cannot end the block early', () => {
    expect(markdownCode('a`b')).toBe('`` a`b ``');
    expect(markdownCode('plain')).toBe('`plain`');
    const f1 = lesson('f1-cwd-env');
    const tricky = { ...f1, parent: { ...f1.parent, source: `${f1.parent.source}\n// \`\`\`\n` } };
    const text = scenarioMarkdown(tricky, simulate(tricky));
    expect(text).toContain('````harn\n');
  });
});

describe('simulate --format markdown', () => {
  it('prints exactly what scenarioMarkdown gives for the same scenario', async () => {
    const f1 = lesson('f1-cwd-env');
    const { code, out } = await cli(['simulate', 'examples/f1-cwd-env.json', '--format', 'markdown', '--base-url', 'http://127.0.0.1:1/']);
    expect(code).toBe(0);
    expect(out).toBe(scenarioMarkdown(f1, simulate(f1), { baseUrl: 'http://127.0.0.1:1/' }));
  });

  it('applies --mode, and rejects an unknown format and a format that contradicts --json with exit 2', async () => {
    const scoped = await cli(['simulate', 'examples/f1-cwd-env.json', '--format', 'markdown', '--mode', 'scoped']);
    expect(scoped.out).toContain('- **Mode:** `scoped`');
    expect((await cli(['simulate', 'examples/f1-cwd-env.json', '--format', 'html'])).code).toBe(2);
    const both = await cli(['simulate', 'examples/f1-cwd-env.json', '--format', 'markdown', '--json']);
    expect(both.code).toBe(2);
    expect(both.err).toContain('--json and --format markdown disagree');
  });
});
