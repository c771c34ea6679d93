// The lexer's token arrays start at about one entry per 4 chars and grow on demand, and keywords are found by
// first letter and length instead of a Map: dense sources (more tokens than that first guess) and every keyword
// spelling, with near misses, against independent expectations.
import { describe, expect, it } from 'vitest';
import { HARN_KEYWORDS, isKeyword, parse, printSExpr, tokenize } from '../../../src/core/syntax/index.ts';

describe('lexer token storage', () => {
  it('keeps every token of a source with one token per char (far more than the initial capacity)', () => {
    const n = 5000;
    const source = '('.repeat(n) + ')'.repeat(n);
    const { tokens, diagnostics } = tokenize(source);
    expect(diagnostics).toEqual([]);
    expect(tokens).toHaveLength(2 * n + 1);
    tokens.slice(0, -1).forEach((token, i) => {
      expect(token).toEqual({ kind: i < n ? 'LParen' : 'RParen', start: i, end: i + 1, value: null });
    });
    expect(tokens[2 * n]).toEqual({ kind: 'Eof', start: 2 * n, end: 2 * n, value: null });
  });

  it('keeps identifier values and line numbers across growth', () => {
    const source = Array.from({ length: 3000 }, (_, i) => `a${i}`).join('\n');
    const { tokens } = tokenize(source);
    const names = tokens.filter((t) => t.kind === 'Identifier').map((t) => t.value);
    expect(names).toEqual(Array.from({ length: 3000 }, (_, i) => `a${i}`));
    const last = tokens.at(-2)!;
    expect(source.slice(last.start, last.end)).toBe('a2999');
  });

  it('parses a dense list whose token count exceeds the first guess, ending exactly at the input', () => {
    const n = 4000;
    const items = Array.from({ length: n }, (_, i) => i % 10).join(',');
    const { program, diagnostics } = parse(`[${items}]`);
    expect(diagnostics).toEqual([]);
    expect(program).toHaveLength(1);
    const list = program[0]!;
    expect(list.kind).toBe('ListLiteral');
    expect(list.kind === 'ListLiteral' ? list.items.length : -1).toBe(n);
    expect(printSExpr(parse('[1,2]').program)).toBe(printSExpr(parse('[1, 2]').program));
  });
});

describe('keyword recognition', () => {
  it('lexes each reserved word as its keyword and near misses as identifiers', () => {
    for (const word of HARN_KEYWORDS) {
      const [kw] = tokenize(word).tokens;
      expect(kw!.kind, word).not.toBe('Identifier');
      expect(kw!.value, word).toBeNull();
      for (const near of [`${word}x`, `${word}_`, `x${word}`, word.slice(0, -1), word.toUpperCase(), `${word[0]!.toUpperCase()}${word.slice(1)}`]) {
        if (near === '' || isKeyword(near)) continue;
        const [token] = tokenize(near).tokens;
        expect(token, near).toEqual({ kind: 'Identifier', start: 0, end: near.length, value: near });
      }
    }
  });

  it('gives two keywords of the same first letter and length their own kinds', () => {
    const pairs = [['for', 'fn'], ['from', 'for'], ['true', 'type'], ['try', 'tool']];
    for (const [a, b] of pairs) expect(tokenize(a!).tokens[0]!.kind).not.toBe(tokenize(b!).tokens[0]!.kind);
    expect(tokenize('true').tokens[0]!.kind).toBe('True');
    expect(tokenize('type').tokens[0]!.kind).toBe('TypeKw');
  });
});
