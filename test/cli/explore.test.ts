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
    expect(out.failing).toBe(4);
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
    expect(unscoped.failing).toBe(16);
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

  it('numbers each cross-wire as the stepper numbers the replay (its event step), never by trace index', async () => {
    const json = JSON.parse((await cli('explore', 'f2.json', '--json')).stdout);
    const { stdout } = await cli('explore', 'f2.json');
    const replay = simulate(replayScenario(f2, json.first_failing.picks));
    const events = replay.steps.filter((s) => s.event).map((s) => s.index);
    const first = json.first_failing.crosswires[0];
    // A cross-wire is an event: its number is its place among the events, 1-based.
    const number = events.indexOf(first.step) + 1;
    expect(number).toBe(22);
    expect(number).toBeLessThan(first.step);
    const printed = stdout.split('\n').find((line) => line.includes('cross-wire at step'))!;
    expect(printed).toMatch(new RegExp(`cross-wire at step ${number}: `));
    // The first failure's cross-wires, each by its event step, as the JSON's trace indices map to them.
    const lines = stdout.split(/\n\s+#2 /)[0]!.split('\n').filter((line) => line.includes('cross-wire at step'));
    expect(lines.map((line) => Number(/at step (\d+)/.exec(line)![1]))).toEqual(json.first_failing.crosswires.slice(0, 3).map((c: { step: number }) => events.indexOf(c.step) + 1));
  });

  describe('--threads', () => {
    const twoThreads = { ...f2, run: { ...f2.run, threads: 2 } };

    it('explores thread choices: threads, the first failure\'s migrations and each cross-wire\'s thread and cause in the JSON', async () => {
      const { code, stdout, stderr } = await cli('explore', 'f2.json', '--threads', '2', '--json', '--mode', 'unscoped');
      expect(code).toBe(0);
      expect(stderr).toBe('');
      const out = JSON.parse(stdout);
      expect(Object.keys(out)).toEqual(['schedules', 'complete', 'failing', 'first_failing', 'threads']);
      expect(out).toMatchObject({ complete: true, threads: 2 });
      expect(Object.keys(out.first_failing)).toEqual(['picks', 'crosswires', 'migrations']);
      expect(out.first_failing.picks.every((pick: string) => /^(parent|alpha|beta)@[12]$/.test(pick))).toBe(true);
      expect(Object.keys(out.first_failing.crosswires[0])).toEqual(['step', 'task', 'slot', 'expected', 'observed', 'thread', 'cause']);
      const replay = simulate(replayScenario(twoThreads, out.first_failing.picks, 'unscoped')).summary;
      expect(replay.ignoredPicks).toEqual([]);
      expect(replay.migrations).toBe(out.first_failing.migrations);
      expect(out.first_failing.crosswires).toEqual(replay.crosswires.map(({ step, task, slot, expected, observed, thread, cause }) => ({ step, task, slot, expected, observed, thread, cause })));
    });

    it('counts every schedule with --no-prune and one per renaming of the threads without (two threads: half)', async () => {
      const full = JSON.parse((await cli('explore', 'f2.json', '--threads', '2', '--json', '--no-prune')).stdout);
      expect(full.schedules).toBe(explore(twoThreads, { prune: false }).schedules);
      const pruned = JSON.parse((await cli('explore', 'f2.json', '--threads', '2', '--json')).stdout);
      expect(pruned.schedules * 2).toBe(full.schedules);
      expect(pruned.failing > 0).toBe(full.failing > 0);
    });

    it('prints the same with --threads 1 as without', async () => {
      expect((await cli('explore', 'f2.json', '--threads', '1', '--json')).stdout).toBe((await cli('explore', 'f2.json', '--json')).stdout);
      expect((await cli('explore', 'f2.json', '--threads', '1')).stdout).toBe((await cli('explore', 'f2.json')).stdout);
    });

    it('prints threads, migrations and where each cross-wire ran without --json', async () => {
      const { code, stdout } = await cli('explore', 'f2.json', '--threads', '2', '--mode', 'unscoped');
      expect(code).toBe(0);
      expect(stdout).toMatch(/^f2\.json: unscoped mode\. [\d,]+ schedules run on 2 threads, every interleaving and thread choice covered/);
      expect(stdout).toMatch(/#1 \(0 preemptions · 9 choices · 1 migration · 4 cross-wires · 7 leaks\): parent: start → .*, moved to thread 2/);
      expect(stdout).toMatch(/cross-wire at step \d+ on thread 2, after a migration: /);
      expect(stdout).toMatch(/replay: picks parent@1,/);
    });

    it('is in the usage', async () => {
      expect((await cli('--help')).stdout).toContain('explore SCENARIO [--mode M] [--threads N]');
      expect((await cli('explore')).stderr).toContain('[--threads N]');
    });
  });

  it.each([
    [['explore', 'f2.json', '--threads', '0'], /^harn-scope explore: --threads must be a whole number from 1 to 4, not "0"\n$/],
    [['explore', 'f2.json', '--threads', '7'], /--threads must be a whole number from 1 to 4, not "7"/],
    [['explore', 'f2.json', '--threads', '-2'], /--threads must be a whole number from 1 to 4, not "-2"/],
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
