// The corpus is a fixture: every program harn accepts parses with no error; each program harn rejects gets an
// error at the line and column harn reports (shared/corpus/harn-rejected/README.md).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLineIndex, parse } from '../../../src/core/index.ts';
import { corpusRoot, listHarnFiles } from './corpus.ts';

const accepted = listHarnFiles(join(corpusRoot, 'harn'));

describe('corpus/harn (programs harn accepts)', () => {
  it('holds the ~490 programs the design names', () => {
    expect(accepted.length).toBeGreaterThanOrEqual(480);
  });

  it.each(accepted)('%s parses with no error diagnostics', (file) => {
    const source = readFileSync(join(corpusRoot, 'harn', file), 'utf8');
    const { program, diagnostics } = parse(source);
    const lines = createLineIndex(source);
    const errors = diagnostics
      .filter((d) => d.severity === 'error')
      .map((d) => `${lines.position(d.span.start).line}:${lines.position(d.span.start).column} ${d.code} ${d.message}`);
    expect(errors).toEqual([]);
    expect(program.some((node) => node.kind === 'ErrorNode')).toBe(false);
    if (source.trim() !== '') expect(program.length).toBeGreaterThan(0);
  });
});

describe('corpus/harn-rejected (programs harn rejects)', () => {
  const cases: [file: string, line: number, column: number, code: string][] = [
    ['stdlib/json.harn', 23, 15, 'H201'],
    ['conformance/tests/language/semicolon_try_catch_invalid.harn', 4, 6, 'H202'],
    ['conformance/tests/language/semicolon_empty_statement_invalid.harn', 2, 14, 'H202'],
  ];

  it('covers every file in the folder', () => {
    expect(listHarnFiles(join(corpusRoot, 'harn-rejected')).sort()).toEqual(cases.map((c) => c[0]).sort());
  });

  it.each(cases)('%s is rejected at %i:%i like harn-parser', (file, line, column, code) => {
    const source = readFileSync(join(corpusRoot, 'harn-rejected', file), 'utf8');
    const { diagnostics } = parse(source);
    const lines = createLineIndex(source);
    const first = diagnostics.find((d) => d.severity === 'error');
    expect(first).toBeDefined();
    expect({ ...lines.position(first!.span.start), code: first!.code }).toEqual({ line, column, code });
  });
});
