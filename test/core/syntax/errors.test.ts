// Syntax errors, esbuild style: one line per case pairing a failing input with the clean input it differs from,
// asserting the first diagnostic's code, 1-based line and column, and message. Plus recovery and the caps.
import { describe, expect, it } from 'vitest';
import { MAX_DIAGNOSTICS, parse } from '../../../src/core/index.ts';
import { expectErrorCase, type ErrorCase } from './error-table.ts';


// prettier-ignore
const CASES: ErrorCase[] = [
  ['unterminated string', 'H102', 1, 9, 'Unterminated string literal', 'let s = "abc', 'let s = "abc"'],
  ['unterminated raw string', 'H102', 1, 9, 'Unterminated string literal', 'let s = r"abc', 'let s = r"abc"'],
  ['unexpected character', 'H101', 1, 11, 'Unexpected "#"', 'let x = 1 # 2', 'let x = 1 // 2'],
  ['unterminated block comment', 'H103', 1, 1, 'Unterminated block comment', '/* a /* b */', '/* a /* b */ */'],
  ['empty interpolation', 'H104', 1, 7, 'Empty "${}" interpolation', 'log("a${}b")', 'log("a${x}b")'],
  ['unterminated interpolation', 'H104', 1, 7, 'Unterminated "${" interpolation in string', 'log("a${b")', 'log("a${b}")'],
  ['missing "}" at end of block', 'H201', 3, 1, 'Expected "}" at the end of the block but found end of file', 'fn f() {\n  log(1)\n', 'fn f() {\n  log(1)\n}'],
  ['required parameter after a defaulted one', 'H205', 1, 13, 'Required parameter "b" cannot follow a parameter with a default value', 'fn f(a = 1, b) {}', 'fn f(a = 1, b = 2) {}'],
  ['rest parameter not last', 'H205', 1, 12, 'A rest parameter must be the last parameter', 'fn f(...a, b) {}', 'fn f(b, ...a) {}'],
  ['";" before else', 'H202', 1, 15, 'Expected an expression but found "else"', 'if a { b() }; else { c() }', 'if a { b() } else { c() }'],
  ['missing ")" in a call', 'H201', 1, 9, 'Expected ")" after arguments but found "}"', 'log(1, 2}', 'log(1, 2)'],
  ['missing ")" before the next line', 'H201', 2, 1, 'Expected ")" after arguments but found "let"', 'log(1, 2\nlet x = 3', 'log(1, 2)\nlet x = 3'],
  ['two statements on one line', 'H203', 1, 11, 'Expected ";" or newline after the statement but found "let"', 'let a = 1 let b = 2', 'let a = 1; let b = 2'],
  ['assignment to a call', 'H206', 1, 5, 'Cannot assign to this expression (FunctionCall); only a name, a property or a subscript can be assigned', 'f() = 1', 'f = 1'],
  ['keyword as a binding name', 'H201', 1, 5, 'Expected a binding name but found "type" (a reserved keyword)', 'let type = 1', 'let kind = 1'],
  ['import inside a block', 'H204', 1, 10, '"import" is only allowed at the top level', 'fn f() { import "x" }', 'import "x"\nfn f() { }'],
  ['attribute on a statement', 'H207', 1, 7, 'Expected a declaration (fn, tool, skill, eval_pack, pipeline, struct, enum, type, interface or impl) after the attribute but found "let"', '@test let x = 1', '@test fn t() {}'],
  ['empty select', 'H209', 1, 1, 'A select needs at least one case, a timeout or a default', 'select { }', 'select { default { } }'],
  ['unknown parallel option', 'H209', 1, 25, 'Unknown parallel option "limit" (only "max_concurrent" is allowed)', 'parallel each xs with { limit: 2 } { x -> x }', 'parallel each xs with { max_concurrent: 2 } { x -> x }'],
  ['heredoc', 'H209', 1, 9, 'Heredocs ("<<TAG") are not supported; use a """ multi-line string', 'let s = <<EOF', 'let s = """\nEOF"""'],
  ['"?[" is always an optional subscript', 'H203', 1, 9, 'Expected ";" or newline after the statement but found ":"', 'c ? [1] : [2]', 'c ? ([1]) : ([2])'],
  ['".." is not a spread', 'H201', 1, 2, 'Expected a dict key but found "."', '{..x}', '{...x}'],
  ['let without initializer', 'H201', 1, 6, 'Expected "=" after the "let" binding but found end of file', 'let x', 'let x = nil'],
  ['calling a call result', 'H203', 1, 4, 'Expected ";" or newline after the statement but found "("', 'f()()', 'f()'],
  ['line break before "}" in a dict pattern', 'H201', 2, 1, 'Expected a field name in the pattern but found "}"', 'let {a\n} = x', 'let {a} = x'],
  ['"pub" before let', 'H204', 1, 5, 'Expected fn, tool, skill, eval_pack, struct, enum, pipeline or import after "pub" but found "let"', 'pub let x = 1', 'pub fn x() {}'],
  ['separator between interface items', 'H204', 1, 21, 'Expected "fn" or "type" in interface "I" but found ","', 'interface I { fn a(), fn b() }', 'interface I { fn a() fn b() }'],
  ['dangling binary operator', 'H202', 1, 4, 'Expected an expression but found end of file', '1 +', '1 + 2'],
  ['keyword struct field', 'H201', 1, 12, 'Expected a field name but found "type" (a reserved keyword)', 'struct P { type: int }', 'struct P { kind: int }'],
  ['missing member name', 'H201', 1, 3, 'Expected a member name after "." but found end of file', 'x.', 'x.y'],
  ['"=>" in a match arm', 'H201', 1, 13, 'Expected "->" after the match pattern but found "="', 'match x { 1 => { } }', 'match x { 1 -> { } }'],
  ['empty catch type', 'H201', 1, 19, 'Expected a type but found ")"', 'try { } catch (e: ) { }', 'try { } catch (e: string) { }'],
  ['pipeline inside a block', 'H204', 1, 10, '"pipeline" is only allowed at the top level', 'fn f() { pipeline p() { } }', 'fn f() { pub pipeline p() { } }'],
];

describe('syntax errors', () => {
  it.each(CASES)('%s: reports %s at %i:%i', expectErrorCase);
});

describe('recovery', () => {
  it('keeps parsing after a bad statement and leaves an ErrorNode in its place', () => {
    const { program, diagnostics } = parse('let a = (1 +\nlet b = 2\nlog(b)');
    expect(diagnostics.map((d) => d.code)).toEqual(['H202']);
    expect(program.map((n) => n.kind)).toEqual(['ErrorNode', 'LetBinding', 'FunctionCall']);
  });

  it('recovers inside a block and still closes it', () => {
    const { program, diagnostics } = parse('fn f() {\n  let x = )\n  log(x)\n}\nfn g() {}');
    expect(diagnostics).toHaveLength(1);
    expect(program.map((n) => n.kind)).toEqual(['FnDecl', 'FnDecl']);
    const f = program[0]!;
    expect(f.kind === 'FnDecl' && f.body.map((n) => n.kind)).toEqual(['ErrorNode', 'FunctionCall']);
  });

  it('reports one error per bad line in a run of expression statements', () => {
    const { diagnostics } = parse('a(\nb)\nc ? [1] : [2]\nd = = 1\ne');
    expect(diagnostics.map((d) => d.code)).toEqual(['H203', 'H202']);
  });

  it.each([
    ['a ")" left on its own line', 'fn f(a, b\n) {\n  log(1)\n}\nlog(2)'],
    ['a "->" left on its own line', 'let g = { x\n-> x + 1 }\nlog(2)'],
    ['a return type on its own line', 'fn f()\n-> int {\n}\nlog(2)'],
  ])('does not resume at %s, so one error stands for the statement', (_what, source) => {
    const { program, diagnostics } = parse(source);
    expect(diagnostics.map((d) => d.code)).toEqual(['H201']);
    expect(program.map((n) => n.kind)).toEqual(['ErrorNode', 'FunctionCall']);
  });

  it('gives every error node a span inside the source', () => {
    const source = 'let = \n} ) ]\nfn (';
    const { program } = parse(source);
    for (const node of program) {
      expect(node.span.start).toBeGreaterThanOrEqual(0);
      expect(node.span.end).toBeLessThanOrEqual(source.length);
      expect(node.span.start).toBeLessThanOrEqual(node.span.end);
    }
  });
});

describe('limits', () => {
  it(`caps diagnostics at ${MAX_DIAGNOSTICS} and adds one H302 note`, () => {
    const { diagnostics } = parse('let = 1\n'.repeat(500));
    expect(diagnostics).toHaveLength(MAX_DIAGNOSTICS + 1);
    expect(diagnostics.at(-1)!.code).toBe('H302');
    expect(diagnostics.at(-1)!.severity).toBe('info');
    expect(diagnostics.slice(0, -1).every((d) => d.code === 'H201')).toBe(true);
  });

  it('caps lexer diagnostics the same way', () => {
    const { diagnostics } = parse('#'.repeat(1000));
    expect(diagnostics).toHaveLength(MAX_DIAGNOSTICS + 1);
    expect(diagnostics.at(-1)!.code).toBe('H302');
  });
});

describe('a stray "}" at the top level', () => {
  it('is skipped as harn skips it, with an H210 warning (never "No diagnostics")', () => {
    const { program, diagnostics } = parse('pipeline main() {\n  log(1)\n}\n}\n');
    expect(diagnostics.map((d) => [d.code, d.severity, d.span.start])).toEqual([['H210', 'warning', 29]]);
    expect(program.map((n) => n.kind)).toEqual(['Pipeline']);
  });

  it('is not reported again when an error recovery left it', () => {
    expect(parse('let g = { x\n-> x + 1 }\nlog(2)').diagnostics.map((d) => d.code)).toEqual(['H201']);
  });
});
