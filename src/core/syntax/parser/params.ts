// Parameter lists: typed parameters (fn, tool, closure, enum variant, interface method), type parameters
// with variance, and where-clauses (harn-ast.md §5.2–5.4). Pure: depends on ./state.ts, siblings, ../tokens.ts.
import type { TypedParam, TypeParam, WhereClause } from '../ast.ts';
import { Tok } from '../tokens.ts';
import type { Parser } from './state.ts';
import { atSpread, parseExpression } from './expressions.ts';
import { parseType } from './types.ts';

// typedParams := "(" (typedParam ","?)* ")"
export function parseTypedParams(p: Parser, context: string): TypedParam[] {
  p.expect(Tok.LParen, context);
  const params = parseParamsUntil(p, Tok.RParen);
  p.expect(Tok.RParen, `after the parameters`);
  return params;
}

/** Parameters of a brace closure, up to (not including) its `->`. */
export function parseClosureParams(p: Parser): TypedParam[] {
  return parseParamsUntil(p, Tok.Arrow);
}

// typedParam := "..."? ident (":" type)? ("=" expr)?
// Line breaks: only at the start and after a ",": `(a, b ⏎ )` and `{ x ⏎ -> x }` are errors, as in harn.
function parseParamsUntil(p: Parser, end: number): TypedParam[] {
  const params: TypedParam[] = [];
  let sawDefault = false;
  p.skipNewlines();
  while (!p.at(end) && !p.at(Tok.Eof)) {
    const start = p.start();
    const rest = atSpread(p);
    if (rest) p.pos += 3;
    const name = p.expectIdent('a parameter name');
    const typeExpr = p.eat(Tok.Colon) ? parseType(p) : null;
    let defaultValue = null;
    if (p.eat(Tok.Assign)) {
      p.skipNewlines();
      defaultValue = parseExpression(p);
    }
    const span = p.spanFrom(start);
    if (defaultValue) sawDefault = true;
    else if (sawDefault && !rest) p.report('H205', `Required parameter "${name}" cannot follow a parameter with a default value`, span);
    if (params.length > 0 && params[params.length - 1]!.rest) p.report('H205', 'A rest parameter must be the last parameter', span);
    params.push({ name, typeExpr, defaultValue, rest });
    eatListComma(p);
  }
  return params;
}

/**
 * After an item of a parameter, type-parameter or name list: an optional "," and the line breaks after it. A line
 * break with no "," before it is not skipped, so the next item's name is expected there (harn's list loops).
 */
export function eatListComma(p: Parser): void {
  if (p.eat(Tok.Comma)) p.skipNewlines();
}

// typeParams := "<" (("in" | "out")? ident ","?)* ">"   — `<>` is allowed; line breaks as in typedParams
export function parseTypeParams(p: Parser): TypeParam[] {
  p.advance();
  const params: TypeParam[] = [];
  p.skipNewlines();
  while (!p.at(Tok.Gt) && !p.at(Tok.Eof)) {
    let variance: TypeParam['variance'] = 'Invariant';
    if (p.at(Tok.In)) {
      p.advance();
      variance = 'Contravariant';
    } else if (p.atWord('out') && p.peekAt(1) === Tok.Identifier) {
      p.advance();
      variance = 'Covariant';
    }
    params.push({ name: p.expectIdent('a type parameter name'), variance });
    eatListComma(p);
  }
  p.expect(Tok.Gt, 'after the type parameters');
  return params;
}

// whereClause := "where" ident ":" ident ("," ident ":" ident)*
export function parseWhereClauses(p: Parser): WhereClause[] {
  p.advance();
  const clauses: WhereClause[] = [];
  do {
    p.skipNewlines();
    const typeName = p.expectIdent('a type parameter name in "where"');
    p.expect(Tok.Colon, 'after the type parameter in "where"');
    clauses.push({ typeName, bound: p.expectIdent('a bound name in "where"') });
  } while (p.eat(Tok.Comma));
  return clauses;
}
