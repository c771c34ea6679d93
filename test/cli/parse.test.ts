import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'harn-parse-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

async function cli(cwd: string, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(['parse', ...argv], { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const GOOD = 'pipeline main(task) {\n  log("hi")\n}\n';
const BAD = 'fn f() {\n  log(1, 2}\n';

describe('harn-scope parse', () => {
  it('exits 0 and prints only the summary for clean files', async () => {
    const dir = workspace({ 'a.harn': GOOD, 'b.harn': 'let x = 1\n' });
    const { code, stdout, stderr } = await cli(dir, 'a.harn', 'b.harn');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toBe('2 files parsed: 2 ok, 0 with errors (0 errors, 0 warnings)\n');
  });

  it('prints file:line:col: severity CODE: message and exits 1 on an error', async () => {
    const dir = workspace({ 'good.harn': GOOD, 'bad.harn': BAD });
    const { code, stdout } = await cli(dir, 'good.harn', 'bad.harn');
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('bad.harn:2:11: error H201: Expected ")" after arguments but found "}"');
    expect(lines.at(-1)).toBe('2 files parsed: 1 ok, 1 with errors (1 error, 0 warnings)');
  });

  it('prints one JSON object per file with exactly the DESIGN §7 keys and 1-based positions', async () => {
    const dir = workspace({ 'good.harn': GOOD, 'bad.harn': BAD });
    const { code, stdout } = await cli(dir, 'good.harn', 'bad.harn', '--json');
    expect(code).toBe(1);
    const [good, bad] = stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(good).toEqual({ file: 'good.harn', ok: true, diagnostics: [] });
    expect(Object.keys(bad!)).toEqual(['file', 'ok', 'diagnostics']);
    expect(bad!.ok).toBe(false);
    expect((bad!.diagnostics as unknown[])[0]).toEqual({
      code: 'H201', severity: 'error', message: 'Expected ")" after arguments but found "}"', line: 2, column: 11, endLine: 2, endColumn: 12,
    });
  });

  it('adds the program as core objects with --ast', async () => {
    const dir = workspace({ 'a.harn': 'let x = 1' });
    const { code, stdout } = await cli(dir, 'a.harn', '--json', '--ast');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { ast: unknown[] };
    expect(out.ast).toEqual([
      {
        kind: 'LetBinding',
        pattern: { kind: 'Identifier', name: 'x' },
        typeAnn: null,
        value: { kind: 'IntLiteral', value: 1, span: { start: 8, end: 9 } },
        span: { start: 0, end: 9 },
      },
    ]);
  });

  it('exits 2 with one line on stderr for an unreadable file, before any output', async () => {
    const dir = workspace({ 'a.harn': GOOD });
    mkdirSync(join(dir, 'folder.harn'));
    const missing = await cli(dir, 'a.harn', 'missing.harn');
    expect(missing).toEqual({ code: 2, stdout: '', stderr: 'harn-scope parse: cannot read missing.harn: no such file\n' });
    const folder = await cli(dir, 'folder.harn');
    expect(folder.code).toBe(2);
    expect(folder.stderr).toBe('harn-scope parse: cannot read folder.harn: is a directory\n');
  });

  it('exits 2 on usage errors', async () => {
    const dir = workspace({});
    expect((await cli(dir)).code).toBe(2);
    expect((await cli(dir, 'a.harn', '--bogus')).stderr).toBe('harn-scope parse: unknown option --bogus\n');
  });
});
