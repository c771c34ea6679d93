// Issue 29, friction: a pasted `capability_policy: {…},` line, `--help` on every command, an empty config warned,
// L413 for a resource that is a variable's name, and docs/rules.md generated from core's rule help (no drift).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliIn } from '../helpers/cli.ts';
import { analyzeProgram, parseCeiling, rulesDocument } from '../../src/core/index.ts';

const repo = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'harn-friction-'));

const cli = cliIn(dir);

describe('issue 29 friction', () => {
  it('a capability_policy line pasted with its trailing comma parses, in core and in the CLI', async () => {
    const line = '    capability_policy: {capabilities: {workspace: ["read_text"]}, side_effect_level: "read_only"},\n';
    expect(parseCeiling(line)).toMatchObject({ errors: [], syntax: 'harn', value: { capabilities: { workspace: ['read_text'] }, side_effect_level: 'read_only' } });
    expect(parseCeiling('{capabilities: {workspace: ["read_text"]}},').errors).toEqual([]);
    writeFileSync(join(dir, 'pasted.txt'), line);
    writeFileSync(join(dir, 'c.harn'), 'pipeline main() {\n  read_file("a")\n  write_file("b", "x")\n}\n');
    const r = await cli('effects', 'c.harn', '--ceiling', 'pasted.txt');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('dropped  fs:write (b)');
  });

  for (const command of ['parse', 'effects', 'simulate', 'explore', 'link', 'check', 'drift', 'suggest', 'diff']) {
    it(`${command} --help prints its usage and exits 0`, async () => {
      const r = await cli(command, '--help');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^usage: ${command} `));
    });
  }

  it('a config with "children": [] is a warning (S557), not a silent pass', async () => {
    writeFileSync(join(dir, 'p.harn'), 'pipeline main() { read_file("a") }\n');
    writeFileSync(join(dir, 'empty.harn-scope.json'), JSON.stringify({ parent: { file: 'p.harn' }, children: [] }));
    const r = await cli('check', 'empty.harn-scope.json');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('warning S557: the config names no child ("children": []), so nothing is checked');
  });

  it("L413 says harn takes a variable's name as the resource; a literal argument gets none", () => {
    const codes = (source: string) => analyzeProgram(source).diagnostics.filter((d) => d.code === 'L413').map((d) => d.message);
    expect(codes('pipeline main() {\n  let target = "out/report.md"\n  write_file(target, "x")\n}\n')).toEqual([
      'fs:write (target): "target" is the argument\'s text: harn takes a variable\'s name as the resource, not its value, so only a grant record for "target" covers this call',
    ]);
    expect(codes('pipeline main() {\n  write_file("out/report.md", "x")\n}\n')).toEqual([]);
  });

  it('docs/rules.md is what core generates (run scripts/rules-doc.ts after changing a rule)', () => {
    expect(readFileSync(join(repo, 'docs/rules.md'), 'utf8')).toBe(rulesDocument());
  });
});

describe('github annotations of bad input', () => {
  it('carry file= of the input they are about', async () => {
    writeFileSync(join(dir, 'broken.json'), '{ nope');
    const r = await cli('check', 'broken.json', '--format', 'github');
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^::error file=broken\.json,title=harn-scope%3A bad input broken\.json::not valid JSON/m);
  });
});
