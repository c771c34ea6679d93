// Where a line break may stand (issue 17, harn-parser 0.8.27): one line per rule, the failing input beside its
// accepted twin, asserting the first diagnostic's code, 1-based line and column, and message. Rules 1–6 are breaks
// harn allows (the failing twin leaves the operand out, so the error lands on the line after the break); rules 7–12
// are breaks harn refuses (the twin puts the break where harn allows it). "line" is the error-line rule.
import { describe, expect, it } from 'vitest';
import { createLineIndex, parse } from '../../../src/core/index.ts';

type Case = [rule: string, code: string, line: number, column: number, message: string, bad: string, good: string];

// prettier-ignore
const CASES: Case[] = [
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
  it.each(CASES)('rule %s: %s', (_rule, code, line, column, message, bad, good) => {
    const { diagnostics } = parse(bad);
    const first = diagnostics[0];
    expect(first).toBeDefined();
    const at = createLineIndex(bad).position(first!.span.start);
    expect({ code: first!.code, line: at.line, column: at.column, message: first!.message }).toEqual({ code, line, column, message });
    expect(parse(good).diagnostics).toEqual([]);
  });
});
