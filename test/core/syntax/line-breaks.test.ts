// Where a line break may stand (issue 17, harn-parser 0.8.27): one line per rule, the failing input beside its
// accepted twin, asserting the first diagnostic's code, 1-based line and column, and message. Rules 1–6 are breaks
// harn allows (the failing twin leaves the operand out, so the error lands on the line after the break); rules 7–12
// are breaks harn refuses (the twin puts the break where harn allows it). "line" is the error-line rule. Then the
// corpus property: a break inserted where rules 1–6 allow one, or a continuing line joined, leaves the AST alone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, printSExpr } from '../../../src/core/index.ts';
import { corpusRoot, listHarnFiles } from './corpus.ts';
import { findBreakPoints, findJoinableBreaks, insertBreaks, joinBreaks, type BreakPoint } from './line-break-points.ts';
import { expectErrorCase, type ErrorCase } from './error-table.ts';


// prettier-ignore
const CASES: ErrorCase[] = [
  ['1: member name after "."', 'H201', 2, 1, 'Expected a member name after "." but found "}"', 'items.\n}', 'items.\nmap(f)'],
  ['1: member name after "?."', 'H201', 2, 1, 'Expected a member name after "?." but found ")"', 'log(items?.\n)', 'log(items?.\nlength)'],
  ['2: spread operand in call arguments', 'H202', 2, 1, 'Expected an expression but found ")"', 'f(...\n)', 'f(...\nxs)'],
  ['2: spread operand in a list', 'H202', 2, 1, 'Expected an expression but found "]"', 'let a = [...\n]', 'let a = [...\nxs]'],
  ['2: spread operand in a dict', 'H202', 2, 1, 'Expected an expression but found "}"', 'let d = {...\n}', 'let d = {...\nxs}'],
  ['3: empty type parameters on a type', 'H201', 1, 9, 'Expected a type parameter name but found "="', 'type T< = int', 'type T<> = int'],
  ['3: empty type parameters on a fn', 'H201', 1, 6, 'Expected a type parameter name but found "("', 'fn f<() {}', 'fn f<>() {}'],
  ['3: empty type parameters on a struct', 'H201', 1, 11, 'Expected a type parameter name but found "{"', 'struct S< { a }', 'struct S<> { a }'],
  ['3: empty type parameters on an enum', 'H201', 1, 9, 'Expected a type parameter name but found "{"', 'enum E< { A }', 'enum E<> { A }'],
  ['4: pipeline parameters on the next line', 'H201', 2, 8, 'Expected "{" for the body of pipeline "p" but found "}"', 'pipeline p\n(task) }', 'pipeline p\n(task) { }'],
  ['5: throw operand on the next line', 'H202', 3, 1, 'Expected an expression but found "}"', 'fn f() {\n  throw\n}', 'fn f() {\n  throw\n  "x"\n}'],
  ['5: emit operand on the next line', 'H202', 3, 1, 'Expected an expression but found "}"', 'fn f() {\n  emit\n}', 'fn f() {\n  emit\n  x\n}'],
  ['5: skill field value on the next line', 'H202', 3, 1, 'Expected an expression but found "}"', 'skill s {\n  description\n}', 'skill s {\n  description\n  "x"\n}'],
  ['6: guard condition on the next line', 'H202', 2, 1, 'Expected an expression but found "else"', 'guard\nelse { }', 'guard\nok else { }'],
  ['6: require condition on the next line', 'H202', 3, 1, 'Expected an expression but found "}"', 'fn f() {\nrequire\n}', 'fn f() {\nrequire\nok\n}'],
  ['7: break before ")" in fn parameters', 'H201', 2, 1, 'Expected a parameter name but found ")"', 'fn f(a, b\n) {}', 'fn f(a, b,\n) {}'],
  ['7: break before "," in fn parameters', 'H201', 2, 1, 'Expected a parameter name but found ","', 'fn f(a\n, b) {}', 'fn f(a,\nb) {}'],
  ['7: break before ">" in type parameters', 'H201', 2, 1, 'Expected a type parameter name but found ">"', 'fn f<T\n>() {}', 'fn f<T,\n>() {}'],
  ['7: break before ")" in pipeline parameters', 'H201', 2, 1, 'Expected a parameter name but found ")"', 'pipeline p(a\n) {}', 'pipeline p(a,\n) {}'],
  ['8: break after "pub"', 'H204', 1, 4, 'Expected fn, tool, skill, eval_pack, struct, enum, pipeline or import after "pub" but found newline', 'pub\nfn f() {}', 'pub fn f() {}'],
  ['9: path after "import" on the next line', 'H201', 1, 7, 'Expected a plain string path after "import" but found newline', 'import\n"x"', 'import "x"'],
  ['9: path after "from" on the next line', 'H201', 1, 18, 'Expected a plain string path after "from" but found newline', 'import { a } from\n"x"', 'import { a }\nfrom "x"'],
  ['10: "->" of a return type on the next line', 'H201', 2, 1, 'Expected "{" for the body of "f" but found "->"', 'fn f()\n-> int { }', 'fn f() -> int\n{ }'],
  ['11: break before a closure\'s "->"', 'H201', 2, 1, 'Expected a parameter name but found "->"', 'let g = { x\n-> x + 1 }', 'let g = { x ->\nx + 1 }'],
  ['12: ternary ":" ending the line', 'H202', 1, 16, 'Expected an expression but found newline', 'let v = c ? 1 :\n2', 'let v = c ? 1\n: 2'],
  ['line: a skipped break reports the next token\'s line', 'H202', 4, 1, 'Expected an expression but found "}"', 'fn f() {\n  emit\n\n}', 'fn f() {\n  emit 1\n\n}'],
  ['line: a skipped break before an expected token', 'H201', 3, 3, 'Expected "{" after the "if" condition but found "then"', 'if ok\n\n  then { }', 'if ok\n\n  { }'],
];

describe('line breaks (harn 0.8.27)', () => {
  it.each(CASES)('rule %s: %s', expectErrorCase);
});

const corpusFiles = listHarnFiles(join(corpusRoot, 'harn'));
const corpus = corpusFiles.map((file) => ({ file, source: readFileSync(join(corpusRoot, 'harn', file), 'utf8') }));

/** The AST without positions: S-expression with no spans, and interpolation segments without their line:column. */
function shapeOf(source: string): { errors: string[]; shape: string } {
  const { program, diagnostics } = parse(source);
  const shape = printSExpr(program).replace(/ line:\d+ column:\d+/g, '');
  return { errors: diagnostics.map((d) => `${d.code} ${d.message}`), shape };
}

/** Single insertions tried per rule: every point of a rule with fewer, an even stride through the rest. */
const SINGLE_INSERTIONS_PER_RULE = 150;

/** A deterministic sample of (file, point) pairs: per rule, every k-th point in corpus order. */
function sampleSingleInsertions(): [file: string, source: string, point: BreakPoint][] {
  const byRule = new Map<number, [string, string, BreakPoint][]>();
  for (const { file, source } of corpus) {
    for (const point of findBreakPoints(source)) {
      const list = byRule.get(point.rule) ?? [];
      list.push([file, source, point]);
      byRule.set(point.rule, list);
    }
  }
  const sample: [string, string, BreakPoint][] = [];
  for (const list of byRule.values()) {
    const stride = Math.ceil(list.length / SINGLE_INSERTIONS_PER_RULE);
    sample.push(...list.filter((_, i) => i % stride === 0));
  }
  return sample;
}

describe('line breaks where rules 1–6 allow them, over the corpus', () => {
  const original = new Map(corpus.map(({ file, source }) => [file, shapeOf(source)]));

  it('finds break points of every rule in the corpus', () => {
    const rules = new Set(corpus.flatMap(({ source }) => findBreakPoints(source).map((p) => p.rule)));
    expect([...rules].sort()).toEqual([1, 2, 4, 5, 6]);
  });

  it.each(corpus)('$file keeps its AST with a break at every point at once', ({ file, source }) => {
    const broken = shapeOf(insertBreaks(source, findBreakPoints(source)));
    expect(broken).toEqual(original.get(file));
  });

  it('keeps the AST with a break at any single point (a deterministic sample of each rule)', () => {
    const problems: string[] = [];
    for (const [file, source, point] of sampleSingleInsertions()) {
      const broken = shapeOf(insertBreaks(source, [point]));
      const want = original.get(file)!;
      if (broken.errors.length > 0 || broken.shape !== want.shape) problems.push(`${file} rule ${point.rule} at ${point.at}: ${broken.errors[0] ?? 'AST changed'}`);
    }
    expect(problems).toEqual([]);
  });

  it('keeps the AST when the continuing lines are joined, in each program and in its broken copy', () => {
    const problems: string[] = [];
    for (const { file, source } of corpus) {
      const broken = insertBreaks(source, findBreakPoints(source));
      for (const [what, text] of [['program', source], ['broken copy', broken]] as const) {
        const joined = shapeOf(joinBreaks(text, findJoinableBreaks(text)));
        if (joined.errors.length > 0 || joined.shape !== original.get(file)!.shape) problems.push(`${file} (${what}): ${joined.errors[0] ?? 'AST changed'}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has a break finder that sees each rule and an inserter that can break a program', () => {
    const source = 'pipeline p(a) {\n  guard ok else { throw "x" }\n  emit f(...xs).y?.z\n}\nskill s {\n  description "d"\n}';
    expect(findBreakPoints(source).map((p) => p.rule)).toEqual([4, 6, 5, 5, 2, 1, 1, 5]);
    expect(shapeOf(insertBreaks('x.y', [{ at: 1, rule: 1 }])).errors).toEqual([]);
    expect(shapeOf(insertBreaks('pub fn f() {}', [{ at: 3, rule: 8 }])).errors).not.toEqual([]);
  });
});
