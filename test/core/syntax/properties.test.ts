// Property tests (fast-check): on random strings, token soup and mutated corpus programs, `parse` never throws,
// terminates, and every span lies inside the source and inside its parent's span; deep nesting gives H301.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HARN_KEYWORDS, parse, type Span } from '../../../src/core/index.ts';
import { corpusRoot, listHarnFiles } from './corpus.ts';

const corpusFiles = listHarnFiles(join(corpusRoot, 'harn'));
const allSources = corpusFiles.map((f) => readFileSync(join(corpusRoot, 'harn', f), 'utf8'));
const sources = allSources.filter((_, i) => i % 7 === 0);

const isSpan = (v: unknown): v is Span =>
  typeof v === 'object' && v !== null && typeof (v as Span).start === 'number' && typeof (v as Span).end === 'number';

/** Walks every object field; each object carrying a `span` must nest inside the nearest enclosing span. */
function spanProblems(value: unknown, parent: Span, source: string, path: string, out: string[]): void {
  if (out.length > 5 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => spanProblems(item, parent, source, `${path}[${i}]`, out));
    return;
  }
  const record = value as Record<string, unknown>;
  let here = parent;
  if ('span' in record) {
    const span = record.span;
    if (!isSpan(span)) out.push(`${path}: span missing`);
    else {
      if (!(span.start >= 0 && span.start <= span.end && span.end <= source.length)) out.push(`${path}: span ${span.start}..${span.end} outside 0..${source.length}`);
      if (span.start < parent.start || span.end > parent.end) out.push(`${path} (${String(record.kind)}): ${span.start}..${span.end} not inside parent ${parent.start}..${parent.end}`);
      here = span;
    }
  }
  for (const [key, field] of Object.entries(record)) if (key !== 'span') spanProblems(field, here, source, `${path}.${key}`, out);
}

function checkParse(source: string): void {
  const { program, diagnostics } = parse(source);
  const problems: string[] = [];
  spanProblems(program, { start: 0, end: source.length }, source, 'program', problems);
  for (const d of diagnostics) {
    if (!(d.span.start >= 0 && d.span.start <= d.span.end && d.span.end <= source.length)) problems.push(`diagnostic ${d.code} span ${d.span.start}..${d.span.end}`);
  }
  expect(problems).toEqual([]);
}

const TOKENS = [
  ...HARN_KEYWORDS, 'x', 'Foo', 'each', 'cost_route', 'gen', 'not', 'as', 'stream', '1', '2.5', '5s', '"s"', '"a${b}c"', 'r"r"', '"""\n t\n"""',
  '==', '!=', '&&', '||', '|>', '??', '**', '?.', '->', '<=', '>=', '+=', '=', '!', '.', '...', '+', '-', '*', '/', '%', '<', '>', '?', '|',
  '{', '}', '(', ')', '[', ']', ',', ':', ';', '@', ' ', '\n', '\n', '#', '//c\n', '/*', '*/', '"', '${',
];
const tokenSoup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 80 }).map((parts) => parts.join(' '));

type Mutation = { op: 'delete' | 'insert' | 'duplicate'; at: number; length: number; token: string };
const mutation = fc.record({ op: fc.constantFrom('delete', 'insert', 'duplicate'), at: fc.nat(), length: fc.nat({ max: 40 }), token: fc.constantFrom(...TOKENS) }) as fc.Arbitrary<Mutation>;

function mutate(source: string, mutations: Mutation[]): string {
  let s = source;
  for (const m of mutations) {
    const at = s.length === 0 ? 0 : m.at % s.length;
    if (m.op === 'delete') s = s.slice(0, at) + s.slice(at + m.length);
    else if (m.op === 'insert') s = s.slice(0, at) + m.token + s.slice(at);
    else s = s.slice(0, at) + s.slice(at, at + m.length) + s.slice(at);
  }
  return s;
}

describe('parse properties', () => {
  it('never throws and keeps spans in range on random strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), checkParse), { numRuns: 400 });
  });

  it('never throws and keeps spans nested on token soup', () => {
    fc.assert(fc.property(tokenSoup, checkParse), { numRuns: 600 });
  });

  it('never throws and keeps spans nested on mutated corpus programs', () => {
    fc.assert(
      fc.property(fc.constantFrom(...sources), fc.array(mutation, { minLength: 1, maxLength: 4 }), (source, mutations) => checkParse(mutate(source, mutations))),
      { numRuns: 400 },
    );
  });

  it('keeps spans nested on every corpus program', () => {
    for (const source of allSources) checkParse(source);
  });

  it('has a span checker that flags a child outside its parent', () => {
    const problems: string[] = [];
    const child = { kind: 'Identifier', name: 'x', span: { start: 2, end: 9 } };
    spanProblems([{ kind: 'UnaryOp', op: '!', operand: child, span: { start: 0, end: 5 } }], { start: 0, end: 10 }, '0123456789', 'program', problems);
    expect(problems).toHaveLength(1);
  });
});

describe('deep nesting', () => {
  it.each([
    ['parentheses', '('.repeat(10_000) + 'x' + ')'.repeat(10_000)],
    ['brackets', '['.repeat(10_000) + ']'.repeat(10_000)],
    ['nested ifs', 'if a {'.repeat(10_000) + '}'.repeat(10_000)],
    ['closures', '{ ->'.repeat(10_000) + '}'.repeat(10_000)],
    ['unary operators', '!'.repeat(10_000) + 'x'],
  ])('10,000 nested %s give H301, not a crash', (_what, source) => {
    const { diagnostics } = parse(source);
    expect(diagnostics.some((d) => d.code === 'H301')).toBe(true);
    expect(diagnostics.length).toBeLessThanOrEqual(101);
  });

  it('10,000 nested braces give a diagnostic, not a crash', () => {
    const { diagnostics } = parse('{'.repeat(10_000) + '}'.repeat(10_000));
    expect(diagnostics.filter((d) => d.severity === 'error')).toHaveLength(1);
  });

  it('accepts nesting just under the limit', () => {
    const { diagnostics } = parse('('.repeat(100) + 'x' + ')'.repeat(100));
    expect(diagnostics).toEqual([]);
  });
});
