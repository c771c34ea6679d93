// Public surface of the syntax area: `parse` (never throws), `tokenize`, `printSExpr`, the keyword list and
// the AST types. Pure: depends only on modules under src/core.
import type { Diagnostic } from '../diagnostics.ts';
import type { SNode } from './ast.ts';
import { lex } from './lexer.ts';
import { ABORT, Parser } from './parser/state.ts';
import { parseProgram } from './parser/statements.ts';
import { tokenKindName } from './tokens.ts';

export type * from './ast.ts';
export { NODE_KINDS } from './ast.ts';
export { HARN_KEYWORDS, isKeyword } from './tokens.ts';
export { MAX_DEPTH, MAX_DIAGNOSTICS } from './parser/state.ts';
export { printSExpr } from './sexpr.ts';

/** The result of {@link parse}: top-level items (no Program node, as in Rust) and every diagnostic. */
export interface ParseResult {
  program: SNode[];
  diagnostics: Diagnostic[];
}

/**
 * Parses Harn source into the `harn_parser::Node`-shaped AST. Never throws: syntax errors become diagnostics
 * (H1xx lexer, H2xx parser, H3xx limits) and `ErrorNode`s where recovery skipped input. Linear in the input.
 */
export function parse(source: string): ParseResult {
  const { tokens, diagnostics } = lex(source);
  const parser = new Parser(source, tokens);
  for (const diagnostic of diagnostics) parser.add(diagnostic);
  let program: SNode[] = [];
  try {
    program = parseProgram(parser);
  } catch (error) {
    // parseProgram catches ABORT per statement; anything reaching here is a bug, reported, never thrown.
    if (error !== ABORT && !(error instanceof RangeError)) throw error;
    parser.report('H301', 'Input is nested too deeply to parse', { start: 0, end: source.length });
  }
  return { program, diagnostics: parser.diagnostics };
}

/** One token for tools and tests: its kind name (`Identifier`, `LBrace`, …), UTF-16 span and value. */
export interface Token {
  kind: string;
  start: number;
  end: number;
  value: unknown;
}

/** Lexes `source` into plain token objects (the parser itself uses the packed stream). */
export function tokenize(source: string): { tokens: Token[]; diagnostics: Diagnostic[] } {
  const { tokens, diagnostics } = lex(source);
  const out: Token[] = [];
  for (let i = 0; i < tokens.count; i++) {
    out.push({ kind: tokenKindName(tokens.kinds[i]!), start: tokens.starts[i]!, end: tokens.ends[i]!, value: tokens.values[i] ?? null });
  }
  return { tokens: out, diagnostics };
}
