// Duplicate keys (issue 24, acceptance 6): in a policy, grant, scenario or config, from a file, inline, a link or the
// editor, a key written twice is one error naming its key path — never "the last one wins".
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { decodeLink, effectsFromJson, grantFromJson, parseCeiling, parseJsonStrict } from '../../src/core/index.ts';
import { base64urlEncode } from '../../src/core/scenario/base64url.ts';

const dir = mkdtempSync(join(tmpdir(), 'harn-dup-'));
async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { cwd: dir, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr, all: stdout + stderr };
}

const DUP_CEILING = '{"side_effect_level": "read_only", "side_effect_level": "network"}';
const scenarioText = (ceiling: string) =>
  `{"version": 1, "parent": {"source": "pipeline main() {\\n  spawn_agent(\\"alpha\\")\\n}\\n"}, "children": [{"name": "alpha", "source": "pipeline main() {}\\n", "ceiling": ${ceiling}}]}`;

describe('duplicate keys', () => {
  it('the shared reader names the key path of the second write', () => {
    expect(parseJsonStrict('{"a": {"b": 1, "b": 2}}').error).toEqual({ path: 'a.b', message: 'duplicate key "b" at a.b: a key may be written once' });
    expect(parseJsonStrict('{"a": [{"x": 1}, {"x": 1, "x": 2}]}').error?.path).toBe('a[1].x');
    expect(parseJsonStrict('{"a": 1}').error).toBeNull();
  });

  it('a ceiling, a grant and an effect list refuse one (the editor reads them through these)', () => {
    expect(parseCeiling(DUP_CEILING).errors[0]?.path).toBe('side_effect_level');
    expect(parseCeiling('{"capabilities": {"workspace": ["read_text"], "workspace": []}}').errors[0]?.message).toContain('capabilities.workspace');
    expect(grantFromJson('{"effects": [], "effects": []}').errors[0]?.path).toBe('effects');
    expect(effectsFromJson('[{"kind": {"kind": "fs"}, "scope": "read", "scope": "write"}]').errors[0]?.path).toBe('[0].scope');
  });

  it('inline in a harn-scope.json config: one bad input naming the key path', async () => {
    writeFileSync(join(dir, 'p.harn'), 'pipeline main() {}\n');
    writeFileSync(join(dir, 'harn-scope.json'), `{"parent": {"file": "p.harn"}, "children": [{"name": "a", "file": "p.harn", "ceiling": ${DUP_CEILING}}]}`);
    const out = await cli('check', 'harn-scope.json');
    expect(out.code).toBe(2);
    expect(out.all).toContain('duplicate key "side_effect_level" at children[0].ceiling.side_effect_level');
  });

  it('in a scenario file, for simulate and check', async () => {
    writeFileSync(join(dir, 's.json'), scenarioText(DUP_CEILING));
    const sim = await cli('simulate', 's.json');
    expect(sim.code).toBe(2);
    expect(sim.stderr).toContain('children[0].ceiling.side_effect_level');
    const check = await cli('check', 's.json');
    expect(check.code).toBe(2);
    expect(check.all).toContain('children[0].ceiling.side_effect_level');
  });

  it('in a share link', async () => {
    const link = `#s=1.${base64urlEncode(deflateSync(new TextEncoder().encode(scenarioText(DUP_CEILING))))}`;
    const decoded = decodeLink(link);
    expect(decoded.value).toBeNull();
    expect(decoded.error?.message).toContain('duplicate key "side_effect_level" at children[0].ceiling.side_effect_level');
    const out = await cli('simulate', link);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('children[0].ceiling.side_effect_level');
  });
});
