// `// @expect` lines (issue 16, acceptance 4): pass when right, fail visibly (L408 at the line) when wrong, in the
// scenario analysis (what the ledger shows) and in `harn-scope effects` / `check`.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { analyzeScenario, findExample, minimizeScenario, parseExpectations, simulate } from '../../../src/core/index.ts';

const CHILD = [
  'pipeline main() {',
  '  // @expect allowed fs:write (out.txt)',
  '  write_file("out.txt", "x")',
  '  // @expect dropped net:write',
  '  http_get("https://x")',
  '  // @expect violation llm:write',
  '  llm_call("p")',
  '}',
].join('\n');
const PARENT = 'pipeline main() {\n  write_file("out.txt", "x")\n}';
const CEILING = { tools: [], capabilities: { workspace: ['write_text'], llm: [] }, side_effect_level: null };

function results(source: string) {
  const analysis = analyzeScenario({ parent: { name: 'parent', source: PARENT }, children: [{ name: 'alpha', source, ceiling: CEILING }] });
  return analysis.children[0]!;
}

describe('@expect', () => {
  it('passes every expectation that holds, with no L408', () => {
    const report = results(CHILD);
    expect(report.expectations.map((e) => [e.text, e.pass])).toEqual([
      ['allowed fs:write (out.txt)', true],
      ['dropped net:write', true],
      ['violation llm:write', true],
    ]);
    expect(report.diagnostics.filter((d) => d.code === 'L408')).toEqual([]);
  });

  it('fails a wrong expectation visibly: pass false, the reason, and an L408 error at its line', () => {
    const wrong = CHILD.replace('@expect dropped net:write', '@expect allowed net:write').replace('@expect violation llm:write', '@expect dropped llm:write');
    const report = results(wrong);
    expect(report.expectations.map((e) => [e.pass, e.message])).toEqual([
      [true, 'fs:write (out.txt) is allowed'],
      [false, "expected net:write to be allowed, but net:write (https://x) is dropped by the ceiling: network.http is not in the ceiling's capabilities (allowed: workspace.write_text, llm.*)"],
      [false, "expected llm:write to be dropped, but llm:write escapes the parent's grant"],
    ]);
    const l408 = report.diagnostics.filter((d) => d.code === 'L408');
    expect(l408.map((d) => [d.severity, wrong.slice(d.span.start, d.span.end)])).toEqual([
      ['error', '// @expect allowed net:write'],
      ['error', '// @expect dropped llm:write'],
    ]);
  });

  it('names a line that is not an expectation, and leaves no-crosswire to a run', () => {
    expect(parseExpectations('// @expect granted fs:read\n// @expect no-crosswire\n').map((e) => e.kind)).toEqual([null, 'no-crosswire']);
    const report = results('pipeline main() {\n  // @expect granted fs:read\n  // @expect no-crosswire\n}');
    expect(report.expectations.map((e) => e.pass)).toEqual([false, null]);
  });

  it('effects and check exit 1 on a failing expectation and 0 when all hold; check decides no-crosswire by a run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'harn-expect-'));
    const cli = async (...argv: string[]) => {
      let stdout = '';
      const code = await main(argv, { cwd: dir, stdout: (t) => void (stdout += t), stderr: () => undefined });
      return { code, stdout };
    };
    // Without --parent nothing is a violation (and a violation exits 1 anyway): the first two expectations only.
    const noParent = CHILD.split('\n').filter((line) => !line.includes('llm')).join('\n');
    writeFileSync(join(dir, 'good.harn'), noParent);
    writeFileSync(join(dir, 'bad.harn'), noParent.replace('dropped net:write', 'allowed net:write'));
    writeFileSync(join(dir, 'parent.harn'), PARENT + '\n');
    writeFileSync(join(dir, 'ceiling.json'), JSON.stringify(CEILING));
    const good = await cli('effects', 'good.harn', '--ceiling', 'ceiling.json');
    expect(good.code).toBe(0);
    const bad = await cli('effects', 'bad.harn', '--ceiling', 'ceiling.json');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('bad.harn:4:3: error L408: @expect allowed net:write: expected net:write to be allowed, but');

    const f1 = findExample('f1-cwd-env')!.scenario;
    const withExpect = () => ({ ...f1, children: f1.children.map((c, i) => (i === 0 ? { ...c, source: `// @expect no-crosswire\n${c.source}` } : c)) });
    writeFileSync(join(dir, 'f1.json'), JSON.stringify(minimizeScenario(withExpect())));
    const unscoped = await cli('check', 'f1.json', '--format', 'json');
    expect(unscoped.code).toBe(1);
    const out = JSON.parse(unscoped.stdout) as { children: { expectations: { pass: boolean | null; message: string }[] }[] };
    expect(out.children[0]!.expectations[0]).toMatchObject({ pass: false });
    const scoped = { ...withExpect(), run: { ...f1.run, mode: 'scoped' as const } };
    writeFileSync(join(dir, 'f1-scoped.json'), JSON.stringify(minimizeScenario(scoped)));
    const fixed = await cli('check', 'f1-scoped.json', '--format', 'json');
    expect((JSON.parse(fixed.stdout) as typeof out).children[0]!.expectations[0]).toMatchObject({ pass: true });
    expect(fixed.code).toBe(0);
  });

  it('check decides no-crosswire by the explorer: fails naming the schedule when the run is clean for the task but another schedule cross-wires it; unknown when the search is cut', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'harn-expect-'));
    const cli = async (...argv: string[]) => {
      let stdout = '';
      const code = await main(argv, { cwd: dir, stdout: (t) => void (stdout += t), stderr: () => undefined });
      return { code, stdout };
    };
    const lesson = findExample('bridge-depth-leak')!.scenario;
    const scenario = {
      ...lesson,
      run: { ...lesson.run, mode: 'scoped' as const },
      children: lesson.children.map((c) => (c.name === 'alpha' ? { ...c, source: `// @expect no-crosswire\n${c.source}` } : c)),
    };
    // The run (FIFO) cross-wires beta only: a decision from the run alone would pass alpha.
    const run = simulate(scenario);
    expect(run.summary.crosswires.some((c) => c.task === 'alpha')).toBe(false);
    expect(run.summary.crosswires.some((c) => c.task === 'beta')).toBe(true);
    writeFileSync(join(dir, 's.json'), JSON.stringify(minimizeScenario(scenario)));
    const out = await cli('check', 's.json', '--format', 'json');
    expect(out.code).toBe(1);
    const alpha = (JSON.parse(out.stdout) as { children: { expectations: { pass: boolean | null; message: string }[] }[] }).children[0]!.expectations[0]!;
    expect(alpha.pass).toBe(false);
    expect(alpha.message).toMatch(/^alpha cross-wires in schedule parent,[a-z,]+ \(/);
    const text = await cli('check', 's.json');
    expect(text.stdout).toContain('error L408: @expect no-crosswire: alpha cross-wires in schedule');
    // Cut after one schedule: unknown, a warning that fails only --strict.
    const f1 = findExample('f1-cwd-env')!.scenario;
    const f1scoped = { ...f1, run: { ...f1.run, mode: 'scoped' as const }, children: f1.children.map((c, i) => (i === 0 ? { ...c, source: `// @expect no-crosswire\n${c.source}` } : c)) };
    writeFileSync(join(dir, 'f1.json'), JSON.stringify(minimizeScenario(f1scoped)));
    const partial = await cli('check', 'f1.json', '--max-schedules', '1', '--format', 'json');
    const unknown = (JSON.parse(partial.stdout) as { children: { expectations: { pass: boolean | null; message: string }[] }[] }).children[0]!.expectations[0]!;
    expect(unknown.pass).toBeNull();
    expect(unknown.message).toMatch(/^unknown: the search was cut after 1 schedule\(s\) explored in scoped mode/);
    expect(partial.code).toBe(0);
    expect((await cli('check', 'f1.json', '--max-schedules', '1', '--strict')).code).toBe(1);
    const whole = await cli('check', 'f1.json', '--format', 'json');
    expect((JSON.parse(whole.stdout) as { children: { expectations: { message: string }[] }[] }).children[0]!.expectations[0]!.message).toContain('the search was complete');
  });
});
