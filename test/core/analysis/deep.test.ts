// No limit that hides an effect (issue 24, acceptance 2): every program the parser accepts is analyzed, walked for
// unseen effects, compiled and simulated to its end — a 50,000-term `+` chain as much as a one-line one. The
// parser's own nesting limit (H301) is the only one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { analyzeScenario, effectRecordSummary, explore, loadScenario, simulate, type Scenario } from '../../../src/core/index.ts';
import { parse } from '../../../src/core/syntax/index.ts';

const WRITE = 'write_file("hidden.txt", "x")';
const chain = (n: number, sep = ' + ') => Array.from({ length: n }, () => '1').join(sep);

function scenarioOf(child: string): Scenario {
  const loaded = loadScenario({ version: 1, parent: { source: 'pipeline main() {\n  spawn_agent("alpha")\n}\n', grant: [{ kind: { kind: 'fs' }, scope: 'read' }] }, children: [{ name: 'alpha', source: child }] });
  expect(loaded.errors).toEqual([]);
  return loaded.value!;
}

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { cwd: '/', stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

const nestedInterpolation = (depth: number) => {
  let inner = WRITE;
  for (let i = 0; i < depth; i++) inner = `"\${${inner}}"`;
  return `pipeline main() {\n  let s = ${inner}\n}\n`;
};

const CASES: [string, string][] = [
  ['a closure under 450 + terms', `pipeline main() {\n  let x = { -> ${WRITE} } + ${chain(449)}\n}\n`],
  ['400 nested interpolations', nestedInterpolation(400)],
  ['a 5,000-term + chain', `pipeline main() {\n  let v = ${chain(5000)}\n  let f = { -> ${WRITE} }\n}\n`],
  ['a 50,000-term + chain', `pipeline main() {\n  let v = ${chain(50_000, '+')}\n  let f = { -> ${WRITE} }\n}\n`],
];

describe('deep programs', () => {
  it.each(CASES)('%s: analyzed, simulated and checked to the end, the hidden write found', async (_, child) => {
    expect(parse(child).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const scenario = scenarioOf(child);
    const analysis = analyzeScenario({ parent: scenario.parent, children: scenario.children });
    expect(analysis.children[0]!.unseen.map((u) => u.effect && effectRecordSummary(u.effect))).toEqual(['fs:write (hidden.txt)']);
    expect(simulate(scenario).summary.crosswires).toEqual([]);
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'harn-deep-'));
    writeFileSync(join(dir, 'child.harn'), child);
    writeFileSync(join(dir, 'scenario.json'), JSON.stringify(scenario));
    const effects = await cli('effects', join(dir, 'child.harn'), '--strict', '--json');
    expect(effects.stderr).toBe('');
    expect(effects.code).toBe(1);
    expect(JSON.parse(effects.stdout).unseen[0].reason).toMatch(/closure|interpolation/);
    const sim = await cli('simulate', join(dir, 'scenario.json'));
    expect(sim.stderr).toBe('');
    expect(sim.code).toBe(0);
    const check = await cli('check', join(dir, 'scenario.json'), '--strict');
    expect(check.stderr).toBe('');
    expect(check.stdout).toContain('fs:write (hidden.txt)');
    expect(check.code).toBe(1);
  }, 60_000);

  // Every nesting form the parser accepts, up to its limit: none may overflow the stack of a walk after the parser.
  const FORMS: ((inner: string) => string)[] = [
    (x) => `(${x})`,
    (x) => `${x} + 1`,
    (x) => `1 + ${x}`,
    (x) => `!${x}`,
    (x) => `-${x}`,
    (x) => `[${x}]`,
    (x) => `{a: ${x}}`,
    (x) => `f(${x})`,
    (x) => `${x}.m()`,
    (x) => `${x}.p`,
    (x) => `${x}[0]`,
    (x) => `{ -> ${x} }`,
    (x) => `if true { ${x} } else { 1 }`,
    (x) => `try { ${x} }`,
    (x) => `"\${${x}}"`,
    (x) => `(true ? ${x} : 1)`,
    (x) => `${x} ?? 1`,
  ];

  it('never overflows the stack on generated deep programs (every nesting form, up to the parser limit)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: FORMS.length - 1 }), { minLength: 1, maxLength: 600 }), fc.integer({ min: 1, max: 40 }), (forms, repeat) => {
        let expression = WRITE;
        for (const f of forms) for (let i = 0; i < (f === 1 || f === 2 || f === 9 || f === 8 ? repeat : 1); i++) expression = FORMS[f]!(expression);
        const child = `fn helper() { return 1 }\npipeline main() {\n  let v = ${expression}\n  helper()\n}\n`;
        const scenario = loadScenario({ version: 1, parent: { source: 'pipeline main() {\n  spawn_agent("alpha")\n}\n', grant: null }, children: [{ name: 'alpha', source: child }] }).value;
        if (scenario === null) return; // past the source limit: refused by the loader, with its message
        const analysis = analyzeScenario({ parent: scenario.parent, children: scenario.children });
        const parsed = analysis.children[0]!.parsed;
        // Parsed: the write is found (seen by harn or unseen). Not parsed: the parser's limit said so (H301 or another error).
        if (parsed) {
          const found = [...analysis.children[0]!.granted.map((g) => g.effect), ...analysis.children[0]!.unseen.flatMap((u) => (u.effect ? [u.effect] : []))].map(effectRecordSummary);
          // …or, inside an interpolated expression that does not parse on its own, said to be unknown.
          const unknown = analysis.children[0]!.unseen.some((u) => u.effect === null && u.reason.includes('does not parse'));
          expect(found.includes('fs:write (hidden.txt)') || unknown).toBe(true);
        } else expect(analysis.children[0]!.diagnostics.some((d) => d.severity === 'error')).toBe(true);
        simulate(scenario);
        explore(scenario, { maxSchedules: 20 });
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
