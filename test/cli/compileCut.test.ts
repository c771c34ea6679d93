// `check` sees where the scheduler's compiler stopped (S559 past the call depth, S552 at the op limit): printed and
// failing whenever check relies on the run (--isolation, a goal) and always under --strict; a plain check, which
// claims nothing of the run, stays as it was.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliIn } from '../helpers/cli.ts';

const cli = cliIn(resolve(__dirname, '../..'));
const dir = mkdtempSync(join(tmpdir(), 'harn-cut-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RECURSIVE = 'fn walk(n) {\n  if n > 0 {\n    walk(n - 1)\n  }\n  write_file("out.txt", "x")\n}\npipeline main() {\n  walk(3)\n}';
const file = join(dir, 'recursive.json');
writeFileSync(
  file,
  JSON.stringify({
    version: 1,
    parent: { source: 'pipeline main() {\n  spawn_agent("alpha")\n}', grant: [{ kind: { kind: 'fs' }, scope: 'write' }, { kind: { kind: 'spawn' }, scope: 'write' }] },
    children: [{ name: 'alpha', source: RECURSIVE, ceiling: null }],
    run: { mode: 'scoped' },
  }),
);
const LINE = `${file}#children/alpha:3:5: error S559: alpha's call of its own function walk is 9 calls deep`;

describe('check and the compiler cut', () => {
  it('--strict prints S559 at the call and exits 1', async () => {
    const r = await cli('check', '--strict', file);
    expect(r.stdout).toContain(LINE);
    expect(r.stdout).toContain('1 error(s)');
    expect(r.code).toBe(1);
  });

  it('--isolation prints it too (the run it reports is incomplete), and JSON carries the code', async () => {
    const r = await cli('check', '--isolation', file);
    expect(r.stdout).toContain(LINE);
    expect(r.code).toBe(1);
    const json = await cli('check', '--strict', '--format', 'json', file);
    expect(json.stdout).toContain('"code":"S559"');
  });

  it('a plain check, which runs nothing, is unchanged (exit 0)', async () => {
    const r = await cli('check', file);
    expect(r.stdout).not.toContain('S559');
    expect(r.code).toBe(0);
  });

  it('simulate prints the error and says the run is incomplete', async () => {
    const r = await cli('simulate', file);
    expect(r.stdout).toContain("Incomplete: the scheduler's compiler cut the program of alpha (S559, past the call depth)");
    expect(r.stdout).toContain('  error S559 (alpha): ');
  });
});
