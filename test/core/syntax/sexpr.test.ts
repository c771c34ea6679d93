// Runs every AST fixture in test/fixtures/syntax/*.harn. Each file holds cases written as
//
//   // === case name
//   <Harn source, any number of lines>
//   // ---            (or `// --- spans` to print node spans as @start..end)
//   // <expected S-expression of the first top-level item>
//   // <expected S-expression of the next one> …
//
// The source must parse with no diagnostics, and `printSExpr(program)` must equal the expected lines (one per
// top-level item; see src/core/syntax/sexpr.ts for the notation). Lines before the first `// ===` are comments.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, printSExpr } from '../../../src/core/index.ts';
import { repoRoot } from './corpus.ts';

interface FixtureCase {
  file: string;
  name: string;
  source: string;
  expected: string;
  spans: boolean;
}

function readCases(dir: string): FixtureCase[] {
  const cases: FixtureCase[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.harn')).sort()) {
    const chunks = readFileSync(join(dir, file), 'utf8').split(/^\/\/ === /m).slice(1);
    for (const chunk of chunks) {
      const [header = '', ...rest] = chunk.split('\n');
      const divider = rest.findIndex((line) => /^\/\/ ---( spans)?$/.test(line));
      if (divider < 0) throw new Error(`${file}: case "${header}" has no "// ---" line`);
      const expected = rest
        .slice(divider + 1)
        .filter((line) => line.startsWith('// '))
        .map((line) => line.slice(3));
      cases.push({ file, name: header.trim(), source: rest.slice(0, divider).join('\n') + '\n', expected: expected.join('\n'), spans: rest[divider]!.endsWith('spans') });
    }
  }
  return cases;
}

const cases = readCases(join(repoRoot, 'test/fixtures/syntax'));

describe('AST fixtures (printed S-expressions)', () => {
  it('finds cases in every fixture file', () => {
    expect(new Set(cases.map((c) => c.file)).size).toBeGreaterThanOrEqual(5);
    expect(cases.every((c) => c.expected.length > 0)).toBe(true);
  });

  it.each(cases.map((c) => [`${c.file}: ${c.name}`, c] as const))('%s', (_label, c) => {
    const { program, diagnostics } = parse(c.source);
    expect(diagnostics).toEqual([]);
    expect(printSExpr(program, { spans: c.spans })).toBe(c.expected);
  });
});

describe('printSExpr', () => {
  it('omits null, false and empty lists but keeps BoolLiteral false and an empty else', () => {
    const { program } = parse('if false { } else { }');
    expect(printSExpr(program)).toBe('(IfElse condition:(BoolLiteral value:false) elseBody:[])');
  });
});
