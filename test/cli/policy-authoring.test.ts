// Issue 29: policies written, not only checked — `suggest` (check passes on its output; without any one grant
// record check fails), fixes on HARN-CAP-301 (applying the SARIF edit removes the finding and adds none), the
// no-new-access gate (`check --baseline`), `diff` both ways, what-if `@expect` lines and `--coverage`.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliIn } from '../helpers/cli.ts';

const repo = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'harn-policy-'));

const cli = cliIn(dir);

mkdirSync(join(dir, 'programs'));
for (const f of ['parent.harn', 'child.harn', 'ceiling.json', 'harn-scope.json']) copyFileSync(join(repo, 'examples/programs', f), join(dir, 'programs', f));
const LESSONS = ['resource-mismatch.json', 'parent-grant.json', 'three-way-fan-out.json', 'escalation.json'];
for (const f of LESSONS) copyFileSync(join(repo, 'examples', f), join(dir, f));

type Grant = Record<string, unknown>[];

/** The records `suggest --apply` grants, by input and granularity (by kind merges the records of one kind). */
const SUGGESTED_RECORDS: Record<string, { exact: number; kind: number }> = {
  'programs/harn-scope.json': { exact: 4, kind: 3 },
  'resource-mismatch.json': { exact: 2, kind: 1 },
  'parent-grant.json': { exact: 3, kind: 2 },
  'three-way-fan-out.json': { exact: 6, kind: 3 },
  'escalation.json': { exact: 2, kind: 2 },
};

describe('harn-scope suggest', () => {
  for (const input of ['programs/harn-scope.json', ...LESSONS]) {
    for (const granularity of ['exact', 'kind']) {
      it(`${input} (${granularity}): check exits 0 on the applied suggestion, 1 without any one grant record`, async () => {
        const before = await cli('check', input);
        const applied = await cli('suggest', input, '--apply', '--granularity', granularity);
        expect(applied.code).toBe(0);
        const out = input.replace(/([^/]+)$/, `suggested-${granularity}.$1`);
        writeFileSync(join(dir, out), applied.stdout);
        const after = await cli('check', out);
        expect(after.code, after.stdout).toBe(0);
        const value = JSON.parse(applied.stdout) as { parent: { grant: Grant } };
        const grant = value.parent.grant;
        expect(grant).toHaveLength(SUGGESTED_RECORDS[input]![granularity as 'exact' | 'kind']);
        for (let i = 0; i < grant.length; i++) {
          const without = { ...value, parent: { ...value.parent, grant: grant.filter((_, j) => j !== i) } };
          writeFileSync(join(dir, out), JSON.stringify(without));
          const broken = await cli('check', out);
          expect(broken.code, `without ${JSON.stringify(grant[i])}`).toBe(1);
          expect(broken.stdout).toContain('HARN-CAP-301');
        }
        // The README config fails before (a violation), so the suggestion is what made it pass.
        if (input === 'programs/harn-scope.json') expect(before.code).toBe(1);
      });
    }
  }

  it('--json is one object {grant, ceilings}; the text form is Harn dict literals', async () => {
    const json = await cli('suggest', 'programs/harn-scope.json', '--json');
    expect(JSON.parse(json.stdout)).toEqual({
      grant: [
        { kind: { kind: 'fs' }, scope: 'read', resource: 'notes.md' },
        { kind: { kind: 'fs' }, scope: 'write', resource: 'report.md' },
        { kind: { kind: 'net' }, scope: 'write', resource: 'https://api.example/reports' },
        { kind: { kind: 'llm' }, scope: 'write' },
      ],
      ceilings: { alpha: { capabilities: { workspace: ['read_text', 'write_text'], network: ['http'], llm: ['call'] }, side_effect_level: 'network' } },
    });
    const text = await cli('suggest', 'programs/harn-scope.json', '--granularity', 'kind');
    expect(text.stdout).toContain('[{kind: {kind: "fs"}, scope: "write"}, {kind: {kind: "net"}, scope: "write"}, {kind: {kind: "llm"}, scope: "write"}]');
    expect(text.stdout).toContain('capability_policy: {capabilities: {workspace: ["read_text", "write_text"], network: ["http"], llm: ["call"]}, side_effect_level: "network"}');
  });

  it('--tighten never widens: the ceiling keeps only what it keeps today', async () => {
    const { stdout } = await cli('suggest', 'programs/harn-scope.json', '--tighten', '--json');
    const out = JSON.parse(stdout) as { ceilings: { alpha: { capabilities: Record<string, string[]> } } };
    expect(Object.keys(out.ceilings.alpha.capabilities)).toEqual(['workspace', 'llm']);
  });

  it('bad input: an unknown granularity is a usage error (exit 2)', async () => {
    const r = await cli('suggest', 'programs/harn-scope.json', '--granularity', 'wide');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--granularity must be one of exact, kind, not "wide"');
  });
});

interface Edit { line: number; column: number; endLine: number; endColumn: number; text: string }

function applyEdits(text: string, edits: readonly Edit[]): string {
  const starts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)];
  const off = (line: number, column: number) => starts[line - 1]! + column - 1;
  return [...edits].sort((a, b) => off(b.line, b.column) - off(a.line, a.column)).reduce((t, e) => t.slice(0, off(e.line, e.column)) + e.text + t.slice(off(e.endLine, e.endColumn)), text);
}

describe('fixes on HARN-CAP-301', () => {
  for (const input of ['resource-mismatch.json', 'programs/harn-scope.json']) {
    it(`${input}: each violation carries its fix, and applying the SARIF edit removes it and adds no other finding`, async () => {
      const json = JSON.parse((await cli('check', input, '--format', 'json')).stdout) as { children: { violations: { fix: unknown[] }[]; findings: { code: string; message: string }[] }[] };
      const violations = json.children.flatMap((c) => c.violations);
      expect(violations).toHaveLength(1);
      for (const v of violations) expect(v.fix.length).toBe(1);
      const sarif = JSON.parse((await cli('check', input, '--format', 'sarif')).stdout) as {
        runs: { results: { ruleId: string; message: { text: string }; fixes?: { artifactChanges: { artifactLocation: { uri: string }; replacements: { deletedRegion: Record<string, number>; insertedContent: { text: string } }[] }[] }[] }[] }[];
      };
      const results = sarif.runs[0]!.results;
      const before = results.map((r) => `${r.ruleId} ${r.message.text}`);
      for (const result of results.filter((r) => r.ruleId === 'HARN-CAP-301')) {
        const change = result.fixes![0]!.artifactChanges[0]!;
        const file = join(dir, decodeURI(change.artifactLocation.uri));
        const original = readFileSync(file, 'utf8');
        const edits = change.replacements.map((r) => ({ line: r.deletedRegion.startLine!, column: r.deletedRegion.startColumn!, endLine: r.deletedRegion.endLine!, endColumn: r.deletedRegion.endColumn!, text: r.insertedContent.text }));
        writeFileSync(file, applyEdits(original, edits));
        try {
          const after = JSON.parse((await cli('check', input, '--format', 'sarif')).stdout) as typeof sarif;
          const now = after.runs[0]!.results.map((r) => `${r.ruleId} ${r.message.text}`);
          expect(now).not.toContain(`${result.ruleId} ${result.message.text}`);
          expect(now.filter((f) => !before.includes(f))).toEqual([]);
        } finally {
          writeFileSync(file, original);
        }
      }
    });
  }
});

describe('the no-new-access gate and diff', () => {
  const config = (grant: unknown[]) => JSON.stringify({ parent: { file: 'parent.harn', grant }, children: [{ name: 'alpha', file: 'child.harn', ceiling: 'ceiling.json' }] }, null, 2);
  const base = [
    { kind: { kind: 'fs' }, scope: 'read', resource: 'notes.md' },
    { kind: { kind: 'fs' }, scope: 'write', resource: 'report.md' },
    { kind: { kind: 'llm' }, scope: 'write' },
  ];
  writeFileSync(join(dir, 'programs/old.harn-scope.json'), config(base));
  writeFileSync(join(dir, 'programs/more.harn-scope.json'), config([...base, { kind: { kind: 'fs' }, scope: 'write', resource: '../deploy/config.yaml' }]));
  writeFileSync(join(dir, 'programs/fewer.harn-scope.json'), config(base.slice(0, 2)));

  it('check --baseline exits 1 naming the effect when the grant allows one more, even one no child requests', async () => {
    const r = await cli('check', 'programs/more.harn-scope.json', '--baseline', 'programs/old.harn-scope.json');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/programs\/more\.harn-scope\.json:\d+:1: error P601: parent grant now allows fs:write \(\.\.\/deploy\/config\.yaml\), which the baseline programs\/old\.harn-scope\.json did not/);
  });

  it('check --baseline exits 0 when the grant allows fewer (and the children still pass)', async () => {
    writeFileSync(join(dir, 'programs/old2.harn-scope.json'), config([...base, { kind: { kind: 'net' }, scope: 'write' }]));
    const r = await cli('check', 'programs/old.harn-scope.json', '--baseline', 'programs/old2.harn-scope.json');
    expect(r.stdout).not.toContain('P601');
    expect(r.code).toBe(0);
  });

  it('a widened ceiling is new access too, by class; an unreadable baseline is bad input', async () => {
    writeFileSync(join(dir, 'programs/wide.json'), JSON.stringify({ capabilities: { workspace: ['read_text', 'write_text'], llm: ['call'], network: ['http'] }, side_effect_level: 'network' }));
    writeFileSync(join(dir, 'programs/wide.harn-scope.json'), config(base).replace('"ceiling.json"', '"wide.json"'));
    const r = await cli('check', 'programs/wide.harn-scope.json', '--baseline', 'programs/old.harn-scope.json');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("error P601: alpha's ceiling now allows network.http at network (net:read, net:write, net:mutate, net:observe)");
    expect((await cli('check', 'programs/old.harn-scope.json', '--baseline', 'programs/nope.json')).code).toBe(2);
  });

  it('diff prints effects newly allowed and newly denied, both directions, and the fields', async () => {
    const ab = await cli('diff', 'programs/fewer.harn-scope.json', 'programs/more.harn-scope.json');
    expect(ab.code).toBe(1);
    expect(ab.stdout).toContain('parent grant: 2 newly allowed, 0 newly denied\n  + allows llm:write\n  + allows fs:write (../deploy/config.yaml)');
    expect(ab.stdout).toContain('+   {"kind":{"kind":"fs"},"scope":"write","resource":"../deploy/config.yaml"}');
    const ba = await cli('diff', 'programs/more.harn-scope.json', 'programs/fewer.harn-scope.json', '--json');
    const out = JSON.parse(ba.stdout) as { changes: { policy: string; newly_allowed: string[]; newly_denied: string[] }[] };
    expect(out.changes[0]).toMatchObject({ policy: 'parent grant', newly_allowed: [], newly_denied: ['llm:write', 'fs:write (../deploy/config.yaml)'] });
    expect((await cli('diff', 'programs/old.harn-scope.json', 'programs/old.harn-scope.json')).code).toBe(0);
  });
});

describe('what-if expectations and coverage', () => {
  const scenario = (expectLine: string, parentLine = '') =>
    JSON.stringify({
      version: 1,
      parent: { source: `${parentLine}\npipeline main() { spawn_agent("alpha") }`, grant: [{ kind: { kind: 'fs' }, scope: 'write', resource: 'out.txt' }, { kind: { kind: 'net' }, scope: 'write' }] },
      children: [{ name: 'alpha', source: `${expectLine}\npipeline main() {\n  write_file("out.txt", "x")\n}\n`, ceiling: { capabilities: { workspace: ['read_text', 'write_text'] }, side_effect_level: 'workspace_write' } }],
    });

  it('@expect violation fs:write (../deploy/config.yaml) in a child that does not write it passes, decided as if requested', async () => {
    writeFileSync(join(dir, 'whatif.json'), scenario('// @expect violation fs:write (../deploy/config.yaml)'));
    const r = await cli('check', 'whatif.json', '--format', 'json');
    expect(r.code, r.stdout).toBe(0);
    const out = JSON.parse(r.stdout) as { children: { expectations: { pass: boolean; message: string }[] }[] };
    expect(out.children[0]!.expectations[0]).toMatchObject({ pass: true });
    expect(out.children[0]!.expectations[0]!.message).toContain('if it did, fs:write (../deploy/config.yaml) would escape the parent grant');
  });

  it('and fails when the policy would allow it, or would drop it first', async () => {
    writeFileSync(join(dir, 'whatif2.json'), scenario('// @expect violation fs:write (out.txt)\n// @expect allowed net:write (https://x)'));
    const r = await cli('check', 'whatif2.json');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('expected net:write (https://x) to be allowed, but the program does not request net:write (https://x); if it did, net:write (https://x) would be dropped by the ceiling');
  });

  it('the parent may carry what-if lines: decided for a child requesting the effect', async () => {
    writeFileSync(join(dir, 'whatif3.json'), scenario('', '// @expect violation fs:write (../deploy/config.yaml)\n// @expect allowed net:write (https://x)'));
    expect((await cli('check', 'whatif3.json')).code).toBe(0);
    writeFileSync(join(dir, 'whatif4.json'), scenario('', '// @expect allowed fs:write (../deploy/config.yaml)'));
    const r = await cli('check', 'whatif4.json');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('L408');
    expect(r.stdout).toContain('if a child requested it, fs:write (../deploy/config.yaml) would escape the parent grant');
  });

  it('--coverage lists each grant record and ceiling entry with its users, and the unused ones', async () => {
    writeFileSync(join(dir, 'whatif.json'), scenario(''));
    const r = await cli('check', 'whatif.json', '--coverage');
    expect(r.stdout).toContain('grant fs:write (out.txt): alpha fs:write (out.txt) at whatif.json#children/alpha:3');
    expect(r.stdout).toContain('grant net:write: unused');
    expect(r.stdout).toContain("unused: parent grant record net:write, alpha's ceiling entry workspace.read_text");
    const json = JSON.parse((await cli('check', 'whatif.json', '--coverage', '--format', 'json')).stdout) as { coverage: { unused: string[] } };
    expect(json.coverage.unused).toEqual(['parent grant record net:write', "alpha's ceiling entry workspace.read_text"]);
  });
});

describe('SARIF as code scanning shows it', () => {
  it('every rule has fullDescription, help.markdown and (with --docs-url) helpUri; S554 at the child call, L40x in the ceiling file; valid SARIF', async () => {
    copyFileSync(join(repo, 'examples/f1-cwd-env.json'), join(dir, 'f1.json'));
    writeFileSync(join(dir, 'programs/lint.json'), '{\n  "capabilities": { "workspace": ["read_text", "write_text"], "llm": ["call"], "nope": [] },\n  "side_effect_level": "network"\n}\n');
    writeFileSync(join(dir, 'programs/lint.harn-scope.json'), JSON.stringify({ parent: { file: 'parent.harn' }, children: [{ name: 'alpha', file: 'child.harn', ceiling: 'lint.json' }] }));
    const r = await cli('check', 'f1.json', 'programs/lint.harn-scope.json', '--isolation', '--format', 'sarif', '--docs-url', 'https://example.test/harn-scope-lab/blob/main');
    const log = JSON.parse(r.stdout) as {
      runs: { tool: { driver: { informationUri: string; rules: { id: string; fullDescription: { text: string }; help: { markdown: string }; helpUri: string }[] } }; results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[];
    };
    const run = log.runs[0]!;
    expect(run.tool.driver.informationUri).toBe('https://example.test/harn-scope-lab/blob/main/');
    for (const rule of run.tool.driver.rules) {
      expect(rule.fullDescription.text.length).toBeGreaterThan(20);
      expect(rule.help.markdown).toContain('**How to fix:**');
      expect(rule.helpUri).toBe(`https://example.test/harn-scope-lab/blob/main/docs/rules.md#${rule.id.toLowerCase()}`);
      expect(readFileSync(join(repo, 'docs/rules.md'), 'utf8')).toContain(`<a id="${rule.id.toLowerCase()}"></a>`);
    }
    const where = (id: string) => run.results.filter((x) => x.ruleId === id).map((x) => `${x.locations[0]!.physicalLocation.artifactLocation.uri}:${x.locations[0]!.physicalLocation.region.startLine}`);
    // A scenario's inline program is placed in the scenario file: alpha's source is one JSON string on one line,
    // and the result's column is its call's.
    const f1 = readFileSync(join(dir, 'f1.json'), 'utf8').split('\n');
    const s554 = run.results.find((x) => x.ruleId === 'S554');
    expect(s554!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('f1.json');
    expect(run.results.filter((x) => x.locations[0]!.physicalLocation.artifactLocation.uri.includes('#'))).toEqual([]);
    const region = s554!.locations[0]!.physicalLocation.region as { startLine: number; startColumn: number };
    expect(f1[region.startLine - 1]!.slice(region.startColumn - 1)).toMatch(/^write_file\(\\"out\.txt\\"/);
    expect(where('L402')).toEqual(['programs/lint.json:2']);
    const { createRequire } = await import('node:module');
    const require = createRequire(import.meta.url);
    const Ajv = require('ajv') as new (options: object) => { addMetaSchema(s: object): void; compile(s: object): ((data: unknown) => boolean) & { errors?: unknown[] } };
    const ajv = new Ajv({ schemaId: 'id', allErrors: true, meta: false });
    ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json') as object);
    const validate = ajv.compile(JSON.parse(readFileSync(join(repo, 'test/fixtures/sarif/sarif-2.1.0-rtm.5.json'), 'utf8')) as object);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const fixes = JSON.parse((await cli('check', 'resource-mismatch.json', '--format', 'sarif')).stdout) as object;
    expect(validate(fixes), JSON.stringify(validate.errors)).toBe(true);
  });
});
