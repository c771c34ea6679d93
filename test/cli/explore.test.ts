import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { CommandContext } from '../../src/cli/io.ts';
import { encodeLink, explore, findExample, minimizeScenario, replayScenario, simulate } from '../../src/core/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'harn-scope-explore-'));
const f2 = findExample('f2-mutation-session')!.scenario;
writeFileSync(join(dir, 'f2.json'), JSON.stringify(minimizeScenario(f2)));
writeFileSync(join(dir, 'broken.json'), '{"version": 1,');

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const ctx: CommandContext = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: dir };
  const code = await main(argv, ctx);
  return { code, stdout, stderr };
}

describe('harn-scope explore', () => {
  it('prints the DESIGN §7 JSON keys, with a replayable first failing schedule, exiting 0', async () => {
    const { code, stdout, stderr } = await cli('explore', 'f2.json', '--json');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const out = JSON.parse(stdout.trimEnd());
    expect(Object.keys(out)).toEqual(['schedules', 'complete', 'failing', 'first_failing']);
    expect(out.complete).toBe(true);
    expect(out.failing).toBeGreaterThan(0);
    expect(Object.keys(out.first_failing)).toEqual(['picks', 'crosswires']);
    expect(Object.keys(out.first_failing.crosswires[0])).toEqual(['step', 'task', 'slot', 'expected', 'observed']);
    const replay = simulate(replayScenario(f2, out.first_failing.picks)).summary.crosswires;
    expect(out.first_failing.crosswires).toEqual(replay.map(({ step, task, slot, expected, observed }) => ({ step, task, slot, expected, observed })));
  });

  it('counts every distinct schedule with --no-prune (the parent 1 poll, each child 3: 7!/(3!·3!))', async () => {
    const out = JSON.parse((await cli('explore', 'f2.json', '--json', '--no-prune')).stdout);
    expect(out.schedules).toBe(5040 / 36);
    expect(out.complete).toBe(true);
    const pruned = JSON.parse((await cli('explore', 'f2.json', '--json')).stdout);
    expect(pruned.schedules).toBeLessThan(out.schedules);
  });

  it('takes --mode and a share link in place of the file; scoped with the catalog capture set finds nothing', async () => {
    const fixed = { ...f2, run: { ...f2.run, captured: null } };
    const { code, stdout } = await cli('explore', encodeLink(fixed), '--json', '--mode', 'scoped');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ schedules: explore(fixed).schedules, complete: true, failing: 0, first_failing: null });
    const unscoped = JSON.parse((await cli('explore', encodeLink(fixed), '--json', '--mode', 'unscoped')).stdout);
    expect(unscoped.failing).toBeGreaterThan(0);
  });

  it('reports an incomplete search when --max-schedules cuts it', async () => {
    const out = JSON.parse((await cli('explore', 'f2.json', '--json', '--no-prune', '--max-schedules', '10')).stdout);
    expect(out).toMatchObject({ schedules: 10, complete: false });
  });

  it('prints failing schedules by await site without --json', async () => {
    const { code, stdout } = await cli('explore', 'f2.json');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^f2\.json: scoped mode\. \d+ schedules run, every interleaving covered/);
    expect(stdout).toContain('#1 (');
    expect(stdout).toContain('after llm_call at line 2');
    expect(stdout).toMatch(/replay: picks parent,/);
  });

  it.each([
    [['explore'], /expected a scenario/],
    [['explore', 'missing.json'], /cannot read missing\.json: no such file/],
    [['explore', 'broken.json'], /broken\.json is not valid JSON/],
    [['explore', '#s=1.AAAA'], /^harn-scope explore: link: /],
    [['explore', 'f2.json', '--mode', 'loose'], /--mode must be one of scoped, unscoped, naive/],
    [['explore', 'f2.json', '--max-schedules', '0'], /--max-schedules must be a whole number of at least 1/],
    [['explore', 'f2.json', '--max-schedules', 'many'], /--max-schedules must be a whole number/],
    [['explore', 'f2.json', '--prune'], /unknown option --prune/],
  ])('exits 2 with one line on stderr for bad input: %j', async (argv, message) => {
    const { code, stdout, stderr } = await cli(...argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });
});
