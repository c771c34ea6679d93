// `harn-scope check` reads only inside its config's directory (issue 26, acceptance 5): a config naming `../x`, an
// absolute path or a symlink leading outside exits 2 naming the path, unless --root widens it; no message quotes a
// file's content (a secret beside the repository must never reach a public CI log).
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';

const dir = mkdtempSync(join(tmpdir(), 'harn-check-root-'));
const SECRET = 'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI';
const KEY = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n';
const PROGRAM = 'pipeline main() {\n  read_file("notes.md")\n}\n';

mkdirSync(join(dir, 'repo'));
writeFileSync(join(dir, 'secret.env'), SECRET);
writeFileSync(join(dir, 'outside.harn'), PROGRAM);
writeFileSync(join(dir, 'repo/p.harn'), PROGRAM);
writeFileSync(join(dir, 'repo/secret.env'), SECRET);
writeFileSync(join(dir, 'repo/id_key'), KEY);
symlinkSync('../secret.env', join(dir, 'repo/link.env'));
symlinkSync(join(dir, 'outside.harn'), join(dir, 'repo/link.harn'));

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(['check', ...argv], { cwd: dir, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, out: stdout + stderr };
}

function config(name: string, value: object): string {
  writeFileSync(join(dir, 'repo', name), JSON.stringify(value));
  return `repo/${name}`;
}

const parentFile = (file: string) => ({ parent: { file }, children: [{ name: 'alpha', file: 'p.harn' }] });

describe('check reads only inside its config directory', () => {
  it.each([
    ['../x', "parent.file: ../x: a path outside the config's directory"],
    ['../secret.env', "parent.file: ../secret.env: a path outside the config's directory"],
    ['/etc/hostname', "parent.file: /etc/hostname: an absolute path outside the config's directory"],
    ['/etc/os-release', "parent.file: /etc/os-release: an absolute path outside the config's directory"],
    ['link.harn', "parent.file: link.harn: a symlink leading outside the config's directory"],
  ])('a parent file %j: exit 2 naming the path', async (file, message) => {
    const { code, out } = await cli(config('a.harn-scope.json', parentFile(file)));
    expect(code).toBe(2);
    expect(out).toContain(message);
    expect(out).not.toContain('AWS_SECRET');
  });

  it('a child file, a grant and a ceiling leading outside: each named, none read', async () => {
    const path = config('b.harn-scope.json', {
      parent: { file: 'p.harn', grant: '../secret.env' },
      children: [
        { name: 'alpha', file: '../outside.harn' },
        { name: 'beta', file: 'p.harn', ceiling: 'link.env' },
      ],
    });
    const { code, out } = await cli(path);
    expect(code).toBe(2);
    expect(out).toContain("parent.grant: ../secret.env: a path outside the config's directory");
    expect(out).toContain("children[0].file: ../outside.harn: a path outside the config's directory");
    expect(out).toContain("children[1].ceiling: link.env: a symlink leading outside the config's directory");
    expect(out).not.toContain('AWS_SECRET');
  });

  it('--root widens what a config may read', async () => {
    const path = config('c.harn-scope.json', { parent: { file: '../outside.harn' }, children: [{ name: 'alpha', file: 'link.harn' }] });
    expect((await cli(path)).code).toBe(2);
    const widened = await cli(path, '--root', '.');
    expect(widened.out).not.toContain('outside the config');
    expect(widened.code).toBe(0);
    expect((await cli(path, '--root', 'nowhere')).out).toContain('--root nowhere: no such directory');
  });

  it.each(['text', 'json', 'sarif', 'github', 'junit'])('no message quotes a file that is not JSON or a policy (--format %s)', async (format) => {
    const path = config('d.harn-scope.json', {
      parent: { file: 'p.harn', grant: 'secret.env' },
      children: [{ name: 'alpha', file: 'p.harn', ceiling: 'id_key' }],
    });
    const { code, out } = await cli(path, '--format', format);
    expect(code).toBe(2);
    for (const content of ['AWS', 'SECRET', 'OPENSSH', 'BEGIN', '"-"', '"A"']) expect(out).not.toContain(content);
    expect(out).toContain('not valid JSON (at line 1, column 1)');
    // The config itself, and a scenario file that is not JSON.
    writeFileSync(join(dir, 'repo/e.harn-scope.json'), KEY);
    const bad = await cli('repo/e.harn-scope.json', 'repo/secret.env', '--format', format);
    expect(bad.code).toBe(2);
    for (const content of ['OPENSSH', 'BEGIN', 'AWS', 'SECRET_']) expect(bad.out).not.toContain(content);
  });
});
