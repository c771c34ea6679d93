// `harn-scope check` (issue 16, acceptance 3): per-input and per-child errors without aborting the others, exit
// codes, and every output format — SARIF validated against the official SARIF 2.1.0 schema.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { findExample, minimizeScenario, simulate } from '../../src/core/index.ts';

const require = createRequire(import.meta.url);
// ajv 6 (installed with eslint) reads draft-04, the dialect of the SARIF 2.1.0 schema.
const Ajv = require('ajv') as new (options: object) => { addMetaSchema(s: object): void; compile(s: object): ((data: unknown) => boolean) & { errors?: unknown[] } };
const repo = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'harn-check-'));

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(['check', ...argv], { cwd: dir, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

function sarifValidator() {
  const ajv = new Ajv({ schemaId: 'id', allErrors: true, meta: false });
  ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json') as object);
  return ajv.compile(JSON.parse(readFileSync(join(repo, 'test/fixtures/sarif/sarif-2.1.0-rtm.5.json'), 'utf8')) as object);
}

mkdirSync(join(dir, 'cfg'));
writeFileSync(join(dir, 'cfg/parent.harn'), 'pipeline main() {\n  read_file("notes.md")\n}\n');
writeFileSync(join(dir, 'cfg/a.harn'), 'pipeline main() {\n  read_file("notes.md")\n}\n');
writeFileSync(join(dir, 'cfg/b.harn'), 'pipeline main() {\n  http_get("https://x")\n}\n');
writeFileSync(
  join(dir, 'cfg/harn-scope.json'),
  JSON.stringify({ parent: { file: 'parent.harn' }, children: [{ name: 'alpha', file: 'a.harn' }, { name: 'beta', file: 'b.harn' }, { name: 'gamma', file: 'missing.harn' }] }),
);
writeFileSync(join(dir, 'mismatch.json'), readFileSync(join(repo, 'examples/resource-mismatch.json')));

describe('harn-scope check', () => {
  it('a config with three children and one bad path reports all three and exits 2', async () => {
    const { code, stdout } = await cli('cfg/harn-scope.json', '--format', 'json');
    expect(code).toBe(2);
    const out = JSON.parse(stdout) as { kind: string; exit: number; children: { name: string; error: string | null; violations: { reason: string; nearest: string | null; sites: unknown[]; fix: unknown[] }[] }[] };
    expect(out.kind).toBe('config');
    expect(out.children.map((c) => [c.name, c.error])).toEqual([
      ['alpha', null],
      ['beta', null],
      ['gamma', expect.stringContaining('children[2].file: cannot read') as unknown as string],
    ]);
    expect(out.children[1]!.violations).toEqual([
      { effect: { kind: { kind: 'net' }, scope: 'write', resource: 'https://x' }, reason: expect.stringContaining('escapes the parent grant') as unknown as string, nearest: null, sites: [{ line: 2, column: 3 }], fix: [{ kind: { kind: 'net' }, scope: 'write', resource: 'https://x' }] },
    ]);
  });

  it('an unreadable input is reported on its own line and the next input still runs', async () => {
    const { code, stdout } = await cli('nope.json', 'mismatch.json');
    expect(code).toBe(2);
    expect(stdout).toContain('nope.json: 0 child(ren)');
    expect(stdout).toContain('bad input: cannot read nope.json: no such file');
    expect(stdout).toMatch(/mismatch\.json#children\/beta:2:3: error HARN-CAP-301/);
  });

  it('a clean scenario exits 0; a config with an unknown field is bad input with a did-you-mean', async () => {
    writeFileSync(join(dir, 'clean.json'), JSON.stringify({ version: 1, parent: { source: 'pipeline main() { read_file("a") }' }, children: [{ name: 'alpha', source: 'pipeline main() { read_file("a") }' }] }));
    expect((await cli('clean.json')).code).toBe(0);
    writeFileSync(join(dir, 'cfg/typo.harn-scope.json'), JSON.stringify({ parent: { file: 'parent.harn' }, childs: [] }));
    const typo = await cli('cfg/typo.harn-scope.json');
    expect(typo.code).toBe(2);
    expect(typo.stdout).toContain('childs: unknown field; did you mean children?');
  });

  it('--format sarif on a scenario with a violation exits 1 and validates against SARIF 2.1.0, one result per finding', async () => {
    const { code, stdout } = await cli('mismatch.json', '--format', 'sarif');
    expect(code).toBe(1);
    const log = JSON.parse(stdout) as { version: string; runs: { results: { ruleId: string; level: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[]; tool: { driver: { rules: { id: string }[] } } }[] };
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const json = JSON.parse((await cli('mismatch.json', '--format', 'json')).stdout) as { children: { findings: unknown[] }[]; findings: unknown[] };
    const findings = json.children.reduce((n, c) => n + c.findings.length, 0) + json.findings.length;
    expect(log.runs[0]!.results).toHaveLength(findings);
    expect(log.runs[0]!.results.some((r) => r.ruleId === 'HARN-CAP-301' && r.level === 'error' && r.locations[0]!.physicalLocation.region.startLine === 22)).toBe(true); // beta's inline source, in the scenario file
    expect(log.runs[0]!.tool.driver.rules.map((r) => r.id)).toContain('HARN-CAP-301');
  });

  it('the validator refuses a log that breaks the schema (so the test above can fail)', () => {
    expect(sarifValidator()({ version: '2.1.0', runs: [{ tool: { driver: {} }, results: [{ level: 'fatal' }] }] })).toBe(false);
  });

  it('--format github prints workflow annotations; --format junit a test case per child', async () => {
    const github = await cli('mismatch.json', '--format', 'github');
    // beta's call, in the scenario file: line 22 holds beta's source, and column 39 its write_file.
    expect(github.stdout).toMatch(/^::error file=mismatch\.json,line=22,col=39,title=HARN-CAP-301::Child effect fs%3A|^::error file=mismatch\.json,line=22,col=39,title=HARN-CAP-301::Child effect fs:write/m);
    const junit = await cli('mismatch.json', '--format', 'junit');
    expect(junit.code).toBe(1);
    expect(junit.stdout).toContain('<testsuite name="mismatch.json" tests="2" failures="1" errors="0">');
    expect(junit.stdout).toMatch(/<testcase classname="mismatch.json" name="beta"><failure type="HARN-CAP-301"/);
  });

  it('--isolation fails on the cross-wires of an unscoped run', async () => {
    writeFileSync(join(dir, 'f1.json'), readFileSync(join(repo, 'examples/f1-cwd-env.json')));
    const { code, stdout } = await cli('f1.json', '--isolation', '--format', 'json');
    expect(code).toBe(1);
    const out = JSON.parse(stdout) as { isolation: { crosswires: number; failing: number }; findings: { code: string }[] };
    expect(out.isolation.crosswires).toBe(12);
    expect(out.findings.some((f) => f.code === 'S554')).toBe(true);
  });

  it('--isolation and @expect no-crosswire number a cross-wire as the stepper does (its event step), never by trace index', async () => {
    const f1 = findExample('f1-cwd-env')!.scenario;
    const withExpect = { ...f1, children: f1.children.map((c, i) => (i === 0 ? { ...c, source: `// @expect no-crosswire\n${c.source}` } : c)) };
    writeFileSync(join(dir, 'f1-expect.json'), JSON.stringify(minimizeScenario(withExpect)));
    const run = simulate(withExpect);
    const events = run.steps.filter((s) => s.event).map((s) => s.index);
    const numbers = run.summary.crosswires.map((c) => events.indexOf(c.step) + 1);
    expect(numbers.every((n) => n > 0)).toBe(true);
    const { stdout } = await cli('f1-expect.json', '--isolation', '--format', 'json');
    const out = JSON.parse(stdout) as { findings: { code: string; message: string }[]; children: { expectations: { message: string }[] }[] };
    const said = out.findings.filter((f) => f.code === 'S554' && f.message.startsWith('cross-wire at step')).map((f) => Number(/^cross-wire at step (\d+)/.exec(f.message)![1]));
    expect(said).toEqual(numbers);
    const alpha = run.summary.crosswires.find((c) => c.task === 'alpha')!;
    expect(out.children[0]!.expectations[0]!.message).toMatch(new RegExp(`^alpha cross-wires at step ${events.indexOf(alpha.step) + 1} of the run: `));
  });
});
