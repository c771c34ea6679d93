import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { CommandContext } from '../../src/cli/io.ts';
import { readScenarioInput } from '../../src/cli/scenario-input.ts';
import { CliError } from '../../src/cli/io.ts';
import { decodeLink, encodeLink, normalizeScenario, type ScenarioInput } from '../../src/core/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'harn-scope-link-'));
const SCENARIO: ScenarioInput = {
  version: 1,
  parent: { source: 'pipeline main() {\n  spawn_agent("alpha")\n}\n' },
  children: [{ name: 'alpha', source: 'pipeline main() {\n  llm_call("hi")\n}\n' }],
  run: { mode: 'naive', latency: { llm: 3 } },
};
writeFileSync(join(dir, 'scenario.json'), JSON.stringify(SCENARIO));
writeFileSync(
  join(dir, 'bad-name.json'),
  JSON.stringify({ ...SCENARIO, children: [{ name: '9lives', source: '' }] }),
);
writeFileSync(join(dir, 'broken.json'), '{"version": 1,');
writeFileSync(
  join(dir, 'big.json'),
  JSON.stringify({
    ...SCENARIO,
    parent: { source: Array.from({ length: 3000 }, (_, i) => `let v${i} = ${(i * 7919) % 1000}`).join('\n') },
  }),
);

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

describe('harn-scope link', () => {
  it('prints the fragment of a scenario file and a newline', async () => {
    const { code, stdout, stderr } = await cli('link', 'scenario.json');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe(`${encodeLink(SCENARIO)}\n`);
  });

  it('decodes a link into pretty normalized JSON', async () => {
    const { code, stdout } = await cli('link', '--decode', `https://lab.example/${encodeLink(SCENARIO)}`);
    expect(code).toBe(0);
    expect(stdout).toBe(`${JSON.stringify(normalizeScenario(SCENARIO), null, 2)}\n`);
  });

  it('round-trips: the decoded JSON encodes to the same link', async () => {
    const link = (await cli('link', 'scenario.json')).stdout.trim();
    writeFileSync(join(dir, 'decoded.json'), (await cli('link', '--decode', link)).stdout);
    expect((await cli('link', 'decoded.json')).stdout.trim()).toBe(link);
  });

  it('warns on stderr when the link is over the 2,000-character budget, and still prints it', async () => {
    const { code, stdout, stderr } = await cli('link', 'big.json');
    expect(code).toBe(0);
    expect(decodeLink(stdout.trim()).error).toBeNull();
    expect(stderr).toMatch(
      /^note: the link is [\d,]+ characters, over the 2,000-character budget \(it still works\)\n$/,
    );
  });

  it.each([
    [
      ['link', 'bad-name.json'],
      'harn-scope link: bad-name.json: children[0].name: expected an identifier: a letter or "_", then letters, digits or "_", at most 64 characters, got "9lives"\n',
    ],
    [['link', 'broken.json'], /^harn-scope link: broken.json is not valid JSON \(at line 1, column 15\)$/m],
    [['link', 'missing.json'], 'harn-scope link: cannot read missing.json: no such file\n'],
    [
      ['link', '--decode', '#s=1.a+b'],
      'harn-scope link: the link data is not valid base64url at character 2 ("+")\n',
    ],
    [
      ['link', '--decode', '#s=7.abc'],
      'harn-scope link: this link was made by a newer Harn Scope Lab (version 7); this one opens versions up to 1\n',
    ],
    [
      ['link'],
      'harn-scope link: expected one scenario (usage: link SCENARIO.json | link --decode FRAGMENT_OR_URL)\n',
    ],
    [
      ['link', 'a.json', 'b.json'],
      'harn-scope link: expected one scenario (usage: link SCENARIO.json | link --decode FRAGMENT_OR_URL)\n',
    ],
    [['link', '--decode'], 'harn-scope link: option --decode needs a value\n'],
  ])('exits 2 with one clear line for %j', async (argv, expected) => {
    const { code, stdout, stderr } = await cli(...argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    if (typeof expected === 'string') expect(stderr).toBe(expected);
    else expect(stderr).toMatch(expected);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('readScenarioInput', () => {
  const ctx: CommandContext = { stdout: () => {}, stderr: () => {}, cwd: dir };
  const expected = normalizeScenario(SCENARIO);
  const link = encodeLink(SCENARIO);

  it.each([
    ['a file', 'scenario.json'],
    ['a fragment', link],
    ['an s= parameter', link.slice(1)],
    ['a URL', `http://localhost:5173/${link}`],
  ])('reads %s', (_what, arg) => {
    expect(readScenarioInput(arg, ctx)).toEqual(expected);
  });

  it('throws one CliError line naming the file and field, or the link problem', () => {
    expect(() => readScenarioInput('bad-name.json', ctx)).toThrow(CliError);
    expect(() => readScenarioInput('bad-name.json', ctx)).toThrow(/^bad-name\.json: children\[0\]\.name: /);
    expect(() => readScenarioInput(link.slice(0, 40), ctx)).toThrow(/^link: the link data /);
  });
});
