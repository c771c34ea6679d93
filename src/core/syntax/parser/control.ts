// Control-flow expressions usable both as statements and inside expressions: if, match, retry, parallel,
// spawn, deadline, try/catch/finally/try*, cost_route (harn-syntax.md §4, §9.1).
// Pure: depends on ./state.ts, sibling parser modules, ../tokens.ts and ../ast.ts.
import type { MatchArm, ParallelMode, SNode, TypeExpr } from '../ast.ts';
import { Tok } from '../tokens.ts';
import type { Parser } from './state.ts';
import { parseExpression, parseUnary } from './expressions.ts';
import { parsePrimary } from './primary.ts';
import { parseBlock, parseBlockBody } from './statements.ts';
import { parseType } from './types.ts';

// ifElse := "if" expr block ("else" (ifElse | block))?   — without else, trailing newlines are consumed
export function parseIf(p: Parser): SNode {
  const start = p.start();
  p.advance();
  p.skipNewlines();
  const condition = parseExpression(p);
  const thenBody = parseBlock(p, 'after the "if" condition');
  p.skipNewlines();
  let elseBody: SNode[] | null = null;
  if (p.eat(Tok.Else)) {
    p.skipNewlines();
    elseBody = p.at(Tok.If) ? [parseIf(p)] : parseBlock(p, 'after "else"');
  }
  return { kind: 'IfElse', condition, thenBody, elseBody, span: p.spanFrom(start) };
}

// match := "match" expr "{" (pattern ("|" pattern)* ("if" expr)? "->" block ","?)* "}"
export function parseMatch(p: Parser): SNode {
  const start = p.start();
  p.advance();
  p.skipNewlines();
  const value = parseExpression(p);
  p.expect(Tok.LBrace, 'after the "match" value');
  const arms: MatchArm[] = [];
  for (;;) {
    p.skipNewlines();
    if (p.at(Tok.RBrace) || p.at(Tok.Eof)) break;
    arms.push(parseMatchArm(p));
    p.skipNewlines();
    p.eat(Tok.Comma);
  }
  p.expect(Tok.RBrace, 'after the match arms');
  return { kind: 'MatchExpr', value, arms, span: p.spanFrom(start) };
}

function parseMatchArm(p: Parser): MatchArm {
  const first = parseExpression(p);
  let pattern = first;
  if (p.at(Tok.Bar) || (p.at(Tok.Newline) && p.kinds[p.afterNewlines()] === Tok.Bar)) {
    const items = [first];
    while (p.at(Tok.Bar) || (p.at(Tok.Newline) && p.kinds[p.afterNewlines()] === Tok.Bar)) {
      p.skipNewlines();
      p.advance();
      p.skipNewlines();
      items.push(parseExpression(p));
    }
    pattern = { kind: 'OrPattern', items, span: { start: first.span.start, end: items[items.length - 1]!.span.end } };
  }
  let guard: SNode | null = null;
  if (p.eat(Tok.If)) guard = parseExpression(p);
  p.expect(Tok.Arrow, 'after the match pattern');
  const body = parseBlock(p, 'for the match arm body');
  return { pattern, guard, body };
}

// retry := "retry" primary block
export function parseRetry(p: Parser): SNode {
  const start = p.start();
  p.advance();
  const count = parsePrimary(p);
  const body = parseBlock(p, 'after the "retry" count');
  return { kind: 'Retry', count, body, span: p.spanFrom(start) };
}

// deadline := "deadline" primary block
export function parseDeadline(p: Parser): SNode {
  const start = p.start();
  p.advance();
  const duration = parsePrimary(p);
  const body = parseBlock(p, 'after the "deadline" duration');
  return { kind: 'DeadlineBlock', duration, body, span: p.spanFrom(start) };
}

// spawn := "spawn" block
export function parseSpawn(p: Parser): SNode {
  const start = p.start();
  p.advance();
  const body = parseBlock(p, 'after "spawn"');
  return { kind: 'SpawnExpr', body, span: p.spanFrom(start) };
}

// parallel := "parallel" ("each" | "settle")? expr ("with" "{" options "}")? "{" (ident "->")? statements "}" ("as" "stream")?
export function parseParallel(p: Parser): SNode {
  const start = p.start();
  p.advance();
  let mode: ParallelMode = 'Count';
  if ((p.atWord('each') || p.atWord('settle')) && p.peekAt(1) !== Tok.LBrace && p.peekAt(1) !== Tok.Newline) {
    mode = p.atWord('each') ? 'Each' : 'Settle';
    p.advance();
  }
  const expr = parseExpression(p);
  const options: [string, SNode][] = [];
  if (p.atWord('with')) {
    p.advance();
    p.expect(Tok.LBrace, 'after "with"');
    for (;;) {
      p.skipNewlines();
      if (p.at(Tok.RBrace)) break;
      const keySpan = p.tokenSpan();
      const key = p.expectIdent('an option name in "with { … }"');
      if (key !== 'max_concurrent') p.report('H209', `Unknown parallel option "${key}" (only "max_concurrent" is allowed)`, keySpan);
      p.expect(Tok.Colon, 'after the option name');
      p.skipNewlines();
      options.push([key, parseExpression(p)]);
      p.skipNewlines();
      p.eat(Tok.Comma);
    }
    p.expect(Tok.RBrace, 'after parallel options');
  }
  p.expect(Tok.LBrace, 'before the parallel body');
  p.skipNewlines();
  let variable: string | null = null;
  if (p.at(Tok.Identifier) && p.peekAt(1) === Tok.Arrow) {
    variable = p.tk.values[p.advance()] as string;
    p.advance();
  }
  const body = parseBlockBody(p);
  p.expect(Tok.RBrace, 'at the end of the parallel body');
  if (mode === 'Each' && p.atWord('as') && p.wordAt(p.pos + 1) === 'stream') {
    p.pos += 2;
    mode = 'EachStream';
  }
  return { kind: 'Parallel', mode, expr, variable, body, options, span: p.spanFrom(start) };
}

// try := "try" "*" unary | "try" block (catchClause finally? | finally)?
// catchClause := "catch" ("(" ident (":" type)? ")" | ident)? block
export function parseTry(p: Parser): SNode {
  const start = p.start();
  p.advance();
  if (p.at(Tok.Star)) {
    p.advance();
    const operand = parseUnary(p);
    return { kind: 'TryStar', operand, span: p.spanFrom(start) };
  }
  const body = parseBlock(p, 'after "try"');
  p.skipNewlines();
  if (p.at(Tok.Catch)) return parseCatch(p, start, body);
  if (p.eat(Tok.Finally)) {
    const finallyBody = parseBlock(p, 'after "finally"');
    return { kind: 'TryCatch', body, errorVar: null, errorType: null, catchBody: [], finallyBody, span: p.spanFrom(start) };
  }
  return { kind: 'TryExpr', body, span: p.spanFrom(start) };
}

function parseCatch(p: Parser, start: number, body: SNode[]): SNode {
  p.advance();
  let errorVar: string | null = null;
  let errorType: TypeExpr | null = null;
  if (p.eat(Tok.LParen)) {
    errorVar = p.expectIdent('an error variable in "catch (…)"');
    if (p.eat(Tok.Colon)) errorType = parseType(p);
    p.expect(Tok.RParen, 'after the catch variable');
  } else if (p.at(Tok.Identifier)) {
    errorVar = p.tk.values[p.advance()] as string;
  }
  const catchBody = parseBlock(p, 'after "catch"');
  p.skipNewlines();
  let finallyBody: SNode[] | null = null;
  if (p.eat(Tok.Finally)) finallyBody = parseBlock(p, 'after "finally"');
  return { kind: 'TryCatch', body, errorVar, errorType, catchBody, finallyBody, span: p.spanFrom(start) };
}

// costRoute := "cost_route" "{" (ident ":" expr ","?)* statements "}"
export function parseCostRoute(p: Parser): SNode {
  const start = p.start();
  p.advance();
  p.advance();
  const options: [string, SNode][] = [];
  p.skipNewlines();
  while (p.at(Tok.Identifier) && p.peekAt(1) === Tok.Colon) {
    const key = p.tk.values[p.advance()] as string;
    p.advance();
    p.skipNewlines();
    options.push([key, parseExpression(p)]);
    p.skipNewlines();
    p.eat(Tok.Comma);
    p.skipNewlines();
  }
  const body = parseBlockBody(p);
  p.expect(Tok.RBrace, 'at the end of "cost_route"');
  return { kind: 'CostRoute', options, body, span: p.spanFrom(start) };
}
