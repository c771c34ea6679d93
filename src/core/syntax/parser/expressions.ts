// Expressions (harn-syntax.md §5): pipe > range > ternary > binary levels (precedence climbing) > unary >
// postfix chain > primary, with the 0.7.50 newline-continuation, postfix-`?`-vs-ternary and call rules.
// Pure: depends on ./state.ts, sibling parser modules, ../tokens.ts and ../ast.ts.
import type { BinaryOperator, SNode, TypeExpr } from '../ast.ts';
import { Tok } from '../tokens.ts';
import { ABORT, isNameKeyword, MAX_DEPTH, MAX_SPECULATION_DEPTH, type Parser } from './state.ts';
import { parsePrimary } from './primary.ts';
import { parseTypeArgs } from './types.ts';

/** Binding power of each binary operator token (0 = not binary). `**` is the only right-associative one. */
const PREC = new Uint8Array(256);
PREC[Tok.Or] = 1;
PREC[Tok.And] = 2;
PREC[Tok.Eq] = PREC[Tok.Neq] = 3;
PREC[Tok.Lt] = PREC[Tok.Gt] = PREC[Tok.Lte] = PREC[Tok.Gte] = PREC[Tok.In] = 4;
PREC[Tok.Plus] = PREC[Tok.Minus] = 5;
PREC[Tok.NilCoal] = 6;
PREC[Tok.Star] = PREC[Tok.Slash] = PREC[Tok.Percent] = 7;
PREC[Tok.Pow] = 8;
const NOT_IN_PREC = 4;

/** Operators that continue an expression when they start the next line (not `-`, `in`, `not in`). */
const LEADING = new Uint8Array(256);
for (const k of [Tok.Pipe, Tok.Or, Tok.And, Tok.Eq, Tok.Neq, Tok.Lt, Tok.Gt, Tok.Lte, Tok.Gte, Tok.NilCoal, Tok.Plus, Tok.Star, Tok.Slash, Tok.Percent, Tok.Pow]) LEADING[k] = 1;

const OP_TEXT: Record<number, BinaryOperator> = {
  [Tok.Or]: '||', [Tok.And]: '&&', [Tok.Eq]: '==', [Tok.Neq]: '!=', [Tok.Lt]: '<', [Tok.Gt]: '>', [Tok.Lte]: '<=',
  [Tok.Gte]: '>=', [Tok.In]: 'in', [Tok.Plus]: '+', [Tok.Minus]: '-', [Tok.NilCoal]: '??', [Tok.Star]: '*',
  [Tok.Slash]: '/', [Tok.Percent]: '%', [Tok.Pow]: '**',
};

/** Tokens that may start a ternary branch; after `?` anything else makes the `?` a postfix TryOperator. */
const TERNARY_START = new Uint8Array(256);
for (const k of [Tok.Identifier, Tok.IntLiteral, Tok.FloatLiteral, Tok.DurationLiteral, Tok.StringLiteral, Tok.InterpolatedString, Tok.RawStringLiteral, Tok.True, Tok.False, Tok.Nil, Tok.LParen, Tok.LBrace, Tok.Not, Tok.Minus, Tok.Fn]) TERNARY_START[k] = 1;

// expression := range ("|>" range)*
export function parseExpression(p: Parser): SNode {
  const depth = p.enter();
  let left = parseRange(p);
  for (;;) {
    if (!continueWith(p, Tok.Pipe, 0)) break;
    p.advance();
    p.skipNewlines();
    const right = parseRange(p);
    left = { kind: 'BinaryOp', op: '|>', left, right, span: { start: left.span.start, end: right.span.end } };
  }
  p.depth = depth;
  return left;
}

/**
 * True if the current token is `kind` (or, when it is a newline, the first token of the next non-blank line
 * is a leading-continuation operator `kind`/of at least `minPrec`); in the latter case the newlines are consumed.
 */
function continueWith(p: Parser, kind: number, minPrec: number): boolean {
  const k = p.peek();
  if (k === kind) return true;
  if (k !== Tok.Newline) return false;
  const j = p.afterNewlines();
  const next = p.kinds[j]!;
  if (next !== kind || !LEADING[next] || (minPrec > 0 && PREC[next]! < minPrec)) return false;
  p.pos = j;
  return true;
}

// range := ternary ("to" ternary "exclusive"?)?
function parseRange(p: Parser): SNode {
  const start = parseTernary(p);
  if (!p.at(Tok.To)) return start;
  p.advance();
  const end = parseTernary(p);
  const inclusive = !p.eat(Tok.Exclusive);
  return { kind: 'RangeExpr', start, end, inclusive, span: { start: start.span.start, end: inclusive ? end.span.end : p.lastEnd() } };
}

// ternary := binary(||) ("?" binary(||) ":" binary(||))?
// Line breaks: before the ":" (harn consumes it), never after it: `c ? 1 :` ⏎ `2` is an error, as in harn.
function parseTernary(p: Parser): SNode {
  const condition = parseBinary(p, 1);
  if (!p.at(Tok.Question)) return condition;
  p.advance();
  const trueExpr = parseBinary(p, 1);
  p.expect(Tok.Colon, 'in a ternary expression');
  const falseExpr = parseBinary(p, 1);
  return { kind: 'Ternary', condition, trueExpr, falseExpr, span: { start: condition.span.start, end: falseExpr.span.end } };
}

// binary := unary (op binary)*  — precedence climbing over || && ==/!= comparisons + ?? * **
export function parseBinary(p: Parser, minPrec: number): SNode {
  let left = parseUnary(p);
  for (;;) {
    let k = p.peek();
    if (k === Tok.Newline) {
      const j = p.afterNewlines();
      const next = p.kinds[j]!;
      if (!LEADING[next] || next === Tok.Pipe || PREC[next]! < minPrec) break;
      p.pos = j;
      k = next;
    }
    let prec = PREC[k]!;
    let op: BinaryOperator | undefined = OP_TEXT[k];
    let width = 1;
    if (prec === 0 && k === Tok.Identifier && p.atWord('not') && p.peekAt(1) === Tok.In) {
      prec = NOT_IN_PREC;
      op = 'not_in';
      width = 2;
    }
    if (prec === 0 || prec < minPrec || op === undefined) break;
    p.pos += width;
    p.skipNewlines();
    const right = parseBinary(p, k === Tok.Pow ? prec : prec + 1);
    left = { kind: 'BinaryOp', op, left, right, span: { start: left.span.start, end: right.span.end } };
  }
  return left;
}

// unary := ("!" | "-") unary | "try" "*" unary | postfix
export function parseUnary(p: Parser): SNode {
  const k = p.peek();
  if (k === Tok.Not || k === Tok.Minus) {
    const depth = p.enter();
    const start = p.start();
    p.advance();
    const operand = parseUnary(p);
    p.depth = depth;
    return { kind: 'UnaryOp', op: k === Tok.Not ? '!' : '-', operand, span: p.spanFrom(start) };
  }
  return parsePostfix(p, parsePrimary(p));
}

// postfix := primary ( "." name args? | "?." name args? | "[" index "]" | "?[" expr "]" | args | typeArgs args | "?" )*
export function parsePostfix(p: Parser, expr: SNode): SNode {
  let node = expr;
  for (;;) {
    let k = p.peek();
    if (k === Tok.Newline) {
      const j = p.afterNewlines();
      const next = p.kinds[j]!;
      if (next !== Tok.Dot && next !== Tok.QuestionDot) return node;
      p.pos = j;
      k = next;
    }
    const start = node.span.start;
    if (k === Tok.Dot || k === Tok.QuestionDot) {
      p.advance();
      const optional = k === Tok.QuestionDot;
      const name = parseMemberName(p, optional ? '"?."' : '"."');
      if (p.at(Tok.LParen)) {
        const args = parseCallArgs(p);
        node = optional
          ? { kind: 'OptionalMethodCall', object: node, method: name, args, span: p.spanFrom(start) }
          : { kind: 'MethodCall', object: node, method: name, args, span: p.spanFrom(start) };
      } else {
        node = optional
          ? { kind: 'OptionalPropertyAccess', object: node, property: name, span: p.spanFrom(start) }
          : { kind: 'PropertyAccess', object: node, property: name, span: p.spanFrom(start) };
      }
    } else if (k === Tok.LBracket) {
      node = parseSubscript(p, node);
    } else if (k === Tok.LParen && node.kind === 'Identifier') {
      const args = parseCallArgs(p);
      node = { kind: 'FunctionCall', name: node.name, typeArgs: [], args, span: p.spanFrom(start) };
    } else if (k === Tok.Lt && node.kind === 'Identifier') {
      const call = tryGenericCall(p, node.name, start);
      if (!call) return node;
      node = call;
    } else if (k === Tok.Question) {
      const next = p.peekAt(1);
      if (next === Tok.LBracket) {
        p.advance();
        p.advance();
        p.skipNewlines();
        const index = parseExpression(p);
        p.expect(Tok.RBracket, 'after the index');
        node = { kind: 'OptionalSubscriptAccess', object: node, index, span: p.spanFrom(start) };
      } else if (TERNARY_START[next] && p.line(p.pos + 1) === p.line()) {
        return node;
      } else {
        p.advance();
        node = { kind: 'TryOperator', operand: node, span: p.spanFrom(start) };
      }
    } else {
      return node;
    }
  }
}

// memberName := ident | keyword (harn-ast.md §7.4)   — line breaks: the name may start the next line (`items.` ⏎ `map(f)`)
function parseMemberName(p: Parser, after: string): string {
  p.skipNewlines();
  const k = p.peek();
  if (k === Tok.Identifier) return p.tk.values[p.advance()] as string;
  if (isNameKeyword(k)) {
    const i = p.advance();
    return p.src.slice(p.tk.starts[i], p.tk.ends[i]);
  }
  return p.fail('H201', `Expected a member name after ${after} but found ${p.found()}`);
}

// subscript := "[" expr "]" | "[" expr? ":" expr? "]"
function parseSubscript(p: Parser, object: SNode): SNode {
  const start = object.span.start;
  p.advance();
  p.skipNewlines();
  if (p.eat(Tok.Colon)) {
    p.skipNewlines();
    const end = p.at(Tok.RBracket) ? null : parseExpression(p);
    p.expect(Tok.RBracket, 'after the slice');
    return { kind: 'SliceAccess', object, start: null, end, span: p.spanFrom(start) };
  }
  const index = parseExpression(p);
  p.skipNewlines();
  if (p.eat(Tok.Colon)) {
    p.skipNewlines();
    const end = p.at(Tok.RBracket) ? null : parseExpression(p);
    p.expect(Tok.RBracket, 'after the slice');
    return { kind: 'SliceAccess', object, start: index, end, span: p.spanFrom(start) };
  }
  p.expect(Tok.RBracket, 'after the index');
  return { kind: 'SubscriptAccess', object, index, span: p.spanFrom(start) };
}

/** Speculative `name<T, …>(args)`; on failure restores the cursor and returns null (then `<` is a comparison). */
function tryGenericCall(p: Parser, name: string, start: number): SNode | null {
  const saved = p.pos;
  const depth = p.depth;
  let typeArgs: TypeExpr[];
  const limit = p.speculationLimit;
  p.speculationLimit = Math.min(MAX_DEPTH, depth + MAX_SPECULATION_DEPTH);
  p.speculating++;
  try {
    typeArgs = parseTypeArgs(p);
    if (!p.at(Tok.LParen)) throw ABORT;
  } catch (error) {
    if (error !== ABORT) throw error;
    p.pos = saved;
    p.depth = depth;
    return null;
  } finally {
    p.speculating--;
    p.speculationLimit = limit;
  }
  const args = parseCallArgs(p);
  return { kind: 'FunctionCall', name, typeArgs, args, span: p.spanFrom(start) };
}

// args := "(" (("..." expr | expr) ","?)* ")"
export function parseCallArgs(p: Parser): SNode[] {
  p.advance();
  const args: SNode[] = [];
  for (;;) {
    p.skipNewlines();
    if (p.at(Tok.RParen) || p.at(Tok.Eof)) break;
    args.push(parseSpreadOr(p));
    p.skipNewlines();
    if (!p.eat(Tok.Comma) && !p.at(Tok.RParen)) {
      if (!startsExpression(p.peek())) break;
    }
  }
  p.expect(Tok.RParen, 'after arguments');
  return args;
}

/** True at `...` (three adjacent dots). */
export function atSpread(p: Parser): boolean {
  return p.at(Tok.Dot) && p.peekAt(1) === Tok.Dot && p.peekAt(2) === Tok.Dot;
}

// spreadOrExpr := "..." expr | expr   — line breaks: the operand may start the line after "..."
export function parseSpreadOr(p: Parser): SNode {
  if (!atSpread(p)) return parseExpression(p);
  const start = p.start();
  p.pos += 3;
  p.skipNewlines();
  const inner = parseExpression(p);
  return { kind: 'Spread', inner, span: { start, end: inner.span.end } };
}

/** Keywords that begin an expression (besides literals): used to accept comma-less lists without swallowing junk. */
const EXPRESSION_KEYWORDS = new Uint8Array(256);
for (const k of [Tok.If, Tok.Match, Tok.Retry, Tok.Parallel, Tok.Spawn, Tok.Deadline, Tok.Try, Tok.RequestApproval, Tok.DualControl, Tok.AskUser, Tok.EscalateTo]) EXPRESSION_KEYWORDS[k] = 1;

/** Tokens that can begin an expression or a spread. */
export function startsExpression(k: number): boolean {
  return TERNARY_START[k] === 1 || EXPRESSION_KEYWORDS[k] === 1 || k === Tok.LBracket || k === Tok.Dot;
}
