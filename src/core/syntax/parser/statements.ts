// Statement lists (top level and blocks) with the separator rule and jlox-style recovery, and the
// statement-only forms: let/var/const, for, while, return, throw, guard, require, yield, emit, mutex, defer,
// select, break/continue, assignment. Pure: depends on ./state.ts, sibling modules, ../tokens.ts, ../ast.ts.
import type { AssignOperator, SelectCase, SNode } from '../ast.ts';
import { Tok } from '../tokens.ts';
import { ABORT, type Parser } from './state.ts';
import { parseExpression, startsExpression } from './expressions.ts';
import { parseCostRoute, parseDeadline, parseIf, parseMatch, parseParallel, parseRetry, parseSpawn, parseTry } from './control.ts';
import { parseDeclaration } from './decls.ts';
import { parseBindingPattern, parseForPattern } from './patterns.ts';
import { parseType } from './types.ts';

/** Tokens after a newline where recovery resumes (a statement or declaration keyword). */
const SYNC_KEYWORDS = new Uint8Array(256);
for (const k of [Tok.Let, Tok.Var, Tok.Const, Tok.Fn, Tok.Pub, Tok.If, Tok.For, Tok.While, Tok.Match, Tok.Return, Tok.Throw, Tok.Try, Tok.Import, Tok.Pipeline, Tok.Struct, Tok.Enum, Tok.TypeKw, Tok.Interface, Tok.Impl, Tok.Tool, Tok.Skill, Tok.EvalPack, Tok.Guard, Tok.Require, Tok.Defer, Tok.Yield, Tok.Emit, Tok.Mutex, Tok.Break, Tok.Continue, Tok.Select, Tok.Parallel, Tok.Retry, Tok.Deadline, Tok.Spawn, Tok.Override, Tok.At]) SYNC_KEYWORDS[k] = 1;

const ASSIGN_OPS: Partial<Record<number, AssignOperator | null>> = {
  [Tok.Assign]: null, [Tok.PlusAssign]: '+', [Tok.MinusAssign]: '-', [Tok.StarAssign]: '*', [Tok.SlashAssign]: '/', [Tok.PercentAssign]: '%',
};

// program := (statement separator)*   — imports and plain pipelines only here; stray "}" skipped (as harn's
// parser does) with an H210 warning, so an unbalanced brace is never "No diagnostics"
export function parseProgram(p: Parser): SNode[] {
  return parseStatementList(p, true);
}

// block := "{" statement* "}"
export function parseBlock(p: Parser, context: string): SNode[] {
  p.expect(Tok.LBrace, context);
  const body = parseBlockBody(p);
  p.expect(Tok.RBrace, 'at the end of the block');
  return body;
}

/** Statements up to (not including) the closing `}`. */
export function parseBlockBody(p: Parser): SNode[] {
  const depth = p.enter();
  const body = parseStatementList(p, false);
  p.depth = depth;
  return body;
}

function parseStatementList(p: Parser, top: boolean): SNode[] {
  const body: SNode[] = [];
  const depth = p.depth;
  // A "}" left by a failed statement's recovery is part of that error: one diagnostic stands for it.
  let recovering = false;
  for (;;) {
    p.skipNewlines();
    const k = p.peek();
    if (k === Tok.Eof) break;
    if (k === Tok.RBrace) {
      if (!top) break;
      if (!recovering)
        p.report('H210', 'Stray "}" at the top level: harn skips it, but nothing opened it (did a block close too early?)');
      p.advance();
      continue;
    }
    recovering = false;
    const begin = p.pos;
    try {
      body.push(parseStatement(p, top));
      checkSeparator(p, top);
    } catch (error) {
      if (error !== ABORT) throw error;
      p.depth = depth;
      const start = p.start(begin);
      synchronize(p, begin);
      body.push({ kind: 'ErrorNode', span: p.spanFrom(start) });
      recovering = true;
    }
  }
  return body;
}

/** After a statement: `;`, a newline, `}`/EOF, or a token on a later line; else H203. */
function checkSeparator(p: Parser, top: boolean): void {
  const k = p.peek();
  if (k === Tok.Semicolon) {
    p.advance();
    return;
  }
  if (k === Tok.Newline || k === Tok.Eof || (k === Tok.RBrace && !top)) return;
  if (p.line() !== p.lastEndLine()) return;
  p.fail('H203', `Expected ";" or newline after the statement but found ${p.found()}`);
}

/**
 * Skips to the next `;`, a `}` closing the current block, or (outside nested braces) the first token of a line
 * that is a statement keyword (Rust's rule) or an expression start indented no deeper than the failed statement
 * (so later expression statements are not lost, while a `)` or `->` left on its own line is skipped).
 */
function synchronize(p: Parser, begin: number): void {
  const column = p.start(begin) - p.lineStartOf(begin);
  if (p.pos === begin && !p.at(Tok.RBrace) && !p.at(Tok.Eof)) p.advance();
  let braces = 0;
  for (;;) {
    const k = p.peek();
    if (k === Tok.Eof) return;
    if (k === Tok.Newline) {
      p.advance();
      continue;
    }
    if (braces === 0 && p.pos > begin && p.kinds[p.pos - 1] === Tok.Newline) {
      if (k === Tok.RBrace || SYNC_KEYWORDS[k] || (startsExpression(k) && p.start() - p.tk.ends[p.pos - 1]! <= column)) return;
    }
    if (k === Tok.LBrace) braces++;
    else if (k === Tok.RBrace) {
      if (braces === 0) return;
      braces--;
    } else if (braces === 0 && k === Tok.Semicolon) {
      p.advance();
      return;
    }
    p.advance();
  }
}

// statement := declaration | let | var | const | for | while | … | expr (assignOp expr)?
export function parseStatement(p: Parser, top: boolean): SNode {
  const depth = p.enter();
  const node = parseStatementInner(p, top);
  p.depth = depth;
  return node;
}

function parseStatementInner(p: Parser, top: boolean): SNode {
  switch (p.peek()) {
    case Tok.Let:
    case Tok.Var:
      return parseLet(p);
    case Tok.Const:
      return parseConst(p);
    case Tok.For:
      return parseFor(p);
    case Tok.While:
      return parseWhile(p);
    case Tok.Return:
    case Tok.Yield:
      return parseReturnOrYield(p);
    case Tok.Throw:
    case Tok.Emit:
      return parseThrowOrEmit(p);
    case Tok.Guard:
      return parseGuard(p);
    case Tok.Require:
      return parseRequire(p);
    case Tok.Mutex:
    case Tok.Defer:
      return parseMutexOrDefer(p);
    case Tok.Select:
      return parseSelect(p);
    case Tok.Break:
    case Tok.Continue: {
      const span = p.tokenSpan();
      return { kind: p.kinds[p.advance()] === Tok.Break ? 'BreakStmt' : 'ContinueStmt', span };
    }
    case Tok.If:
      return parseIf(p);
    case Tok.Match:
      return parseMatch(p);
    case Tok.Retry:
      return parseRetry(p);
    case Tok.Parallel:
      return parseParallel(p);
    case Tok.Spawn:
      return parseSpawn(p);
    case Tok.Deadline:
      return parseDeadline(p);
    case Tok.Try:
      if (p.peekAt(1) !== Tok.Star) return parseTry(p);
      break;
    case Tok.Identifier:
      if (p.atWord('cost_route') && p.peekAt(1) === Tok.LBrace) return parseCostRoute(p);
      break;
  }
  const decl = parseDeclaration(p, top);
  if (decl) return decl;
  return parseExpressionStatement(p);
}

// exprStatement := expr (("=" | "+=" | "-=" | "*=" | "/=" | "%=") expr)?
function parseExpressionStatement(p: Parser): SNode {
  const target = parseExpression(p);
  const op = ASSIGN_OPS[p.peek()];
  if (op === undefined) return target;
  if (target.kind !== 'Identifier' && target.kind !== 'PropertyAccess' && target.kind !== 'SubscriptAccess') {
    p.fail('H206', `Cannot assign to this expression (${target.kind}); only a name, a property or a subscript can be assigned`);
  }
  p.advance();
  p.skipNewlines();
  const value = parseExpression(p);
  return { kind: 'Assignment', target, value, op, span: { start: target.span.start, end: p.lastEnd() } };
}

// let := ("let" | "var") bindingPattern (":" type)? "=" expr
function parseLet(p: Parser): SNode {
  const start = p.start();
  const keyword = p.kinds[p.advance()] === Tok.Let ? 'let' : 'var';
  const pattern = parseBindingPattern(p);
  const typeAnn = pattern.kind === 'Identifier' && p.eat(Tok.Colon) ? parseType(p) : null;
  p.expect(Tok.Assign, `after the "${keyword}" binding`);
  p.skipNewlines();
  const value = parseExpression(p);
  const span = p.spanFrom(start);
  return keyword === 'let' ? { kind: 'LetBinding', pattern, typeAnn, value, span } : { kind: 'VarBinding', pattern, typeAnn, value, span };
}

// const := "const" ident (":" type)? "=" expr
function parseConst(p: Parser): SNode {
  const start = p.start();
  p.advance();
  const name = p.expectIdent('a name after "const"');
  const typeAnn = p.eat(Tok.Colon) ? parseType(p) : null;
  p.expect(Tok.Assign, 'after the "const" name');
  p.skipNewlines();
  const value = parseExpression(p);
  return { kind: 'ConstBinding', name, typeAnn, value, span: p.spanFrom(start) };
}

// for := "for" forPattern "in" expr block
function parseFor(p: Parser): SNode {
  const start = p.start();
  p.advance();
  const pattern = parseForPattern(p);
  p.expect(Tok.In, 'after the loop variable');
  p.skipNewlines();
  const iterable = parseExpression(p);
  const body = parseBlock(p, 'for the loop body');
  return { kind: 'ForIn', pattern, iterable, body, span: p.spanFrom(start) };
}

// while := "while" expr block
function parseWhile(p: Parser): SNode {
  const start = p.start();
  p.advance();
  p.skipNewlines();
  const condition = parseExpression(p);
  const body = parseBlock(p, 'for the loop body');
  return { kind: 'WhileLoop', condition, body, span: p.spanFrom(start) };
}

/** `return`/`yield` take no value when a newline, `;`, `}` or EOF follows. */
function atStatementEnd(p: Parser): boolean {
  const k = p.peek();
  return k === Tok.Newline || k === Tok.Semicolon || k === Tok.RBrace || k === Tok.Eof;
}

// return := "return" expr? ; yield := "yield" expr?
function parseReturnOrYield(p: Parser): SNode {
  const start = p.start();
  const isReturn = p.kinds[p.advance()] === Tok.Return;
  const value = atStatementEnd(p) ? null : parseExpression(p);
  const span = p.spanFrom(start);
  return isReturn ? { kind: 'ReturnStmt', value, span } : { kind: 'YieldExpr', value, span };
}

// throw := "throw" expr ; emit := "emit" expr   — line breaks: the operand may start the next line
function parseThrowOrEmit(p: Parser): SNode {
  const start = p.start();
  const isThrow = p.kinds[p.advance()] === Tok.Throw;
  p.skipNewlines();
  const value = parseExpression(p);
  const span = p.spanFrom(start);
  return isThrow ? { kind: 'ThrowStmt', value, span } : { kind: 'EmitExpr', value, span };
}

// guard := "guard" expr "else" block   — line breaks: the condition may start the next line
function parseGuard(p: Parser): SNode {
  const start = p.start();
  p.advance();
  p.skipNewlines();
  const condition = parseExpression(p);
  p.expect(Tok.Else, 'after the "guard" condition');
  const elseBody = parseBlock(p, 'after "else"');
  return { kind: 'GuardStmt', condition, elseBody, span: p.spanFrom(start) };
}

// require := "require" expr ("," expr)?   — line breaks: the condition may start the next line
function parseRequire(p: Parser): SNode {
  const start = p.start();
  p.advance();
  p.skipNewlines();
  const condition = parseExpression(p);
  let message: SNode | null = null;
  if (p.eat(Tok.Comma)) {
    p.skipNewlines();
    message = parseExpression(p);
  }
  return { kind: 'RequireStmt', condition, message, span: p.spanFrom(start) };
}

// mutex := "mutex" block ; defer := "defer" block
function parseMutexOrDefer(p: Parser): SNode {
  const start = p.start();
  const isMutex = p.kinds[p.advance()] === Tok.Mutex;
  const body = parseBlock(p, isMutex ? 'after "mutex"' : 'after "defer"');
  return { kind: isMutex ? 'MutexBlock' : 'DeferStmt', body, span: p.spanFrom(start) };
}

// select := "select" "{" (ident "from" expr block | "timeout" expr block | "default" block)* "}"
function parseSelect(p: Parser): SNode {
  const start = p.start();
  p.advance();
  p.expect(Tok.LBrace, 'after "select"');
  const cases: SelectCase[] = [];
  let timeout: [SNode, SNode[]] | null = null;
  let defaultBody: SNode[] | null = null;
  for (;;) {
    p.skipNewlines();
    if (p.at(Tok.RBrace) || p.at(Tok.Eof)) break;
    const caseSpan = p.tokenSpan();
    if (p.atWord('timeout') && p.peekAt(1) !== Tok.From) {
      p.advance();
      const duration = parseExpression(p);
      timeout = [duration, parseBlock(p, 'after the select timeout')];
      if (defaultBody) p.report('H209', 'A select cannot have both "timeout" and "default"', caseSpan);
    } else if (p.atWord('default') && p.peekAt(1) !== Tok.From) {
      p.advance();
      defaultBody = parseBlock(p, 'after "default"');
      if (timeout) p.report('H209', 'A select cannot have both "timeout" and "default"', caseSpan);
    } else {
      const variable = p.expectIdent('a select case ("name from channel { … }")');
      p.expect(Tok.From, 'after the select case variable');
      const channel = parseExpression(p);
      cases.push({ variable, channel, body: parseBlock(p, 'for the select case') });
    }
  }
  p.expect(Tok.RBrace, 'at the end of "select"');
  if (cases.length === 0 && !timeout && !defaultBody) p.report('H209', 'A select needs at least one case, a timeout or a default', p.spanFrom(start));
  return { kind: 'SelectExpr', cases, timeout, defaultBody, span: p.spanFrom(start) };
}
