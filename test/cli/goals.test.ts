// `check` decides goals: over a file of a class's exercise links it says which met the goal (exit 1 if any did
// not), a challenge file is not met by its FIFO order, and a goal that is met is not a finding.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeLink, loadScenario, type Scenario } from '../../src/core/index.ts';
import { cliIn } from '../helpers/cli.ts';

const repo = resolve(__dirname, '../..');
const cli = cliIn(repo);
const dir = mkdtempSync(join(tmpdir(), 'harn-goals-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const EXERCISE = 'examples/exercises/gamma-crosswire.json';
const teacher = loadScenario(JSON.parse(readFileSync(join(repo, EXERCISE), 'utf8'))).value!;
const GAMMA = 'pipeline main() {\n  yield_now()\n  write_file("out.txt", "gamma")\n}';

// The three students: one sent the exercise back unchanged, one added gamma (spawned, writing after an await), one
// added gamma without an await (it runs to its write before anyone else installs a context).
function withGamma(source: string): Scenario {
  return {
    ...teacher,
    parent: { ...teacher.parent, source: teacher.parent.source.replace('"beta"]', '"beta", "gamma"]') },
    children: [...teacher.children, { name: 'gamma', source, ceiling: null }],
  };
}

describe('check with goals', () => {
  it('prints which of a class’s links met the goal, and exits 1 when one did not', async () => {
    const file = join(dir, 'class.txt');
    writeFileSync(file, ['# week 3', encodeLink(teacher), '', encodeLink(withGamma(GAMMA)), encodeLink(withGamma('pipeline main() {\n  write_file("out.txt", "gamma")\n}'))].join('\n'));
    const r = await cli('check', file);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${file}:2: 2 child(ren), 1 error(s)`);
    expect(r.stdout).toContain('  goal: ✖ not yet: Make gamma cross-wire on VM_EXECUTION_CONTEXT');
    expect(r.stdout).toContain(`${file}:2#parent:1:1: error S558: goal not met: Change the scenario so that its run has a cross-wire on VM_EXECUTION_CONTEXT read by gamma. Not yet: a cross-wire on VM_EXECUTION_CONTEXT read by gamma — none in this run.`);
    expect(r.stdout).toContain('  goal: ✔ goal met: Make gamma cross-wire on VM_EXECUTION_CONTEXT');
    expect(r.stdout.endsWith(`goals: 1 of 3 met\n  ✖ not yet  ${file}:2\n  ✔ met      ${file}:4\n  ✖ not yet  ${file}:5\n`)).toBe(true);
  });

  it('exits 0 when every link met its goal, and says so in JSON', async () => {
    const file = join(dir, 'met.txt');
    writeFileSync(file, `${encodeLink(withGamma(GAMMA))}\n`);
    expect((await cli('check', file)).code).toBe(0);
    const json = JSON.parse((await cli('check', file, '--format', 'json')).stdout) as { input: string; goal: { status: string; badge: string } };
    expect(json.input).toBe(`${file}:1`);
    expect(json.goal).toMatchObject({ status: 'met', badge: '✔ goal met' });
  });

  it('a challenge file as published is not met (its FIFO order does not win); a file that is not only links stays one input', async () => {
    const r = await cli('check', 'examples/challenges/c01-no-interleaving.json');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('goal: ✖ not yet: No interleaving, no bug');
    expect(r.stdout).toContain('goals: 0 of 1 met');
    const mixed = join(dir, 'mixed.txt');
    writeFileSync(mixed, `${encodeLink(teacher)}\nnot a link\n`);
    const bad = await cli('check', mixed);
    expect(bad.code).toBe(2);
    expect(bad.stdout).not.toContain('goals:');
  });

  it('a scenario without a goal prints no goal line and no table', async () => {
    const r = await cli('check', 'examples/f1-cwd-env.json');
    expect(r.stdout).not.toContain('goal');
  });
});
