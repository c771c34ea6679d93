// Primary expressions: literals, identifiers, `(…)`, lists, dict-vs-closure, struct construction, and the
// keyword expressions usable anywhere (if, match, retry, parallel, spawn, deadline, try, fn, HITL, cost_route).
// Pure: depends on ./state.ts, sibling parser modules, ../tokens.ts and ../ast.ts.
import type { DictEntry, HitlArg, HitlKind, SNode, StringSegment } from '../ast.ts';
import { Tok } from '../tokens.ts';
import { isNameKeyword, type Parser } from './state.ts';
import { atSpread, parseExpression, parseSpreadOr, startsExpression } from './expressions.ts';
import { parseBlock, parseBlockBody } from './statements.ts';
import { parseClosureParams, parseTypedParams } from './params.ts';
import { parseCostRoute, parseDeadline, parseIf, parseMatch, parseParallel, parseRetry, parseSpawn, parseTry } from './control.ts';

const HITL: Partial<Record<number, HitlKind>> = {
  [Tok.RequestApproval]: 'RequestApproval',
  [Tok.DualControl]: 'DualControl',
  [Tok.AskUser]: 'AskUser',
  [Tok.EscalateTo]: 'EscalateTo',
};

// primary := literal | identifier | structConstruct | "(" expr ")" | list | dictOrClosure | keywordExpr
export function parsePrimary(p: Parser): SNode {
  const k = p.peek();
  const i = p.pos;
  const span = p.tokenSpan();
  switch (k) {
    case Tok.Identifier:
      return parseIdentifierPrimary(p);
    case Tok.IntLiteral:
      p.advance();
      return { kind: 'IntLiteral', value: p.tk.values[i] as number, span };
    case Tok.FloatLiteral:
      p.advance();
      return { kind: 'FloatLiteral', value: p.tk.values[i] as number, span };
    case Tok.DurationLiteral:
      p.advance();
      return { kind: 'DurationLiteral', value: p.tk.values[i] as number, span };
    case Tok.StringLiteral:
      p.advance();
      return { kind: 'StringLiteral', value: p.tk.values[i] as string, span };
    case Tok.RawStringLiteral:
      p.advance();
      return { kind: 'RawStringLiteral', value: p.tk.values[i] as string, span };
    case Tok.InterpolatedString:
      p.advance();
      return { kind: 'InterpolatedString', segments: p.tk.values[i] as StringSegment[], span };
    case Tok.True:
    case Tok.False:
      p.advance();
      return { kind: 'BoolLiteral', value: k === Tok.True, span };
    case Tok.Nil:
      p.advance();
      return { kind: 'NilLiteral', span };
    case Tok.LParen:
      return parseParenthesized(p);
    case Tok.LBracket:
      return parseList(p);
    case Tok.LBrace:
      return p.tk.braceArrow[i] ? parseBraceClosure(p) : parseDict(p);
    case Tok.Fn:
      return parseFnClosure(p);
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
      return parseTry(p);
    case Tok.Lt:
      if (p.peekAt(1) === Tok.Lt) p.fail('H209', 'Heredocs ("<<TAG") are not supported; use a """ multi-line string');
      break;
    default:
      if (HITL[k]) return parseHitl(p, HITL[k]);
  }
  return p.fail('H202', `Expected an expression but found ${p.found()}`);
}

// identifierPrimary := "cost_route" "{" … | Name "{" structFields "}" | identifier
function parseIdentifierPrimary(p: Parser): SNode {
  const i = p.pos;
  const name = p.tk.values[i] as string;
  const next = p.peekAt(1);
  if (next === Tok.LBrace) {
    if (name === 'cost_route') return parseCostRoute(p);
    const c = name.charCodeAt(0);
    if (c >= 65 && c <= 90 && isStructBody(p, i + 1)) {
      p.advance();
      const fields = parseDictEntries(p);
      return { kind: 'StructConstruct', structName: name, fields, span: p.spanFrom(p.start(i)) };
    }
  }
  p.advance();
  return { kind: 'Identifier', name, span: p.tokenSpan(i) };
}

/** Struct-construct rule: after `{` (newlines skipped) comes `}`, `ident:` or `"str":`. */
function isStructBody(p: Parser, brace: number): boolean {
  let j = brace + 1;
  while (p.kinds[j] === Tok.Newline) j++;
  const k = p.kinds[j];
  if (k === Tok.RBrace) return true;
  return (k === Tok.Identifier || k === Tok.StringLiteral) && p.kinds[j + 1] === Tok.Colon;
}

// parenthesized := "(" expr ")"   — returns the inner node unchanged (parentheses are in no span)
function parseParenthesized(p: Parser): SNode {
  p.advance();
  p.skipNewlines();
  const inner = parseExpression(p);
  p.expect(Tok.RParen, 'after the parenthesized expression');
  return inner;
}

// list := "[" (("..." expr | expr) ","?)* "]"
function parseList(p: Parser): SNode {
  const start = p.start();
  p.advance();
  const items: SNode[] = [];
  for (;;) {
    p.skipNewlines();
    if (p.at(Tok.RBracket) || p.at(Tok.Eof)) break;
    items.push(parseSpreadOr(p));
    p.skipNewlines();
    if (!p.eat(Tok.Comma) && !p.at(Tok.RBracket) && !startsExpression(p.peek())) break;
  }
  p.expect(Tok.RBracket, 'after list items');
  return { kind: 'ListLiteral', items, span: p.spanFrom(start) };
}

// dict := "{" (dictEntry ","?)* "}"
function parseDict(p: Parser): SNode {
  const start = p.start();
  const entries = parseDictEntries(p);
  return { kind: 'DictLiteral', entries, span: p.spanFrom(start) };
}

/** Entries of a dict literal or struct construction, from `{` through `}`. */
export function parseDictEntries(p: Parser): DictEntry[] {
  p.advance();
  const entries: DictEntry[] = [];
  for (;;) {
    p.skipNewlines();
    if (p.at(Tok.RBrace)) break;
    entries.push(parseDictEntry(p));
    p.skipNewlines();
    p.eat(Tok.Comma);
  }
  p.expect(Tok.RBrace, 'after dict entries');
  return entries;
}

// dictEntry := (name | keyword | string) ":" expr | "[" expr "]" ":" expr | "..." expr
function parseDictEntry(p: Parser): DictEntry {
  const k = p.peek();
  if (atSpread(p)) {
    const key: SNode = { kind: 'NilLiteral', span: p.tokenSpan() };
    return { key, value: parseSpreadOr(p) };
  }
  let key: SNode;
  if (k === Tok.LBracket) {
    p.advance();
    p.skipNewlines();
    key = parseExpression(p);
    p.expect(Tok.RBracket, 'after the computed key');
  } else if (k === Tok.Identifier || k === Tok.StringLiteral) {
    key = { kind: 'StringLiteral', value: p.tk.values[p.pos] as string, span: p.tokenSpan() };
    p.advance();
  } else if (isNameKeyword(k)) {
    key = { kind: 'StringLiteral', value: p.src.slice(p.start(), p.tk.ends[p.pos]), span: p.tokenSpan() };
    p.advance();
  } else {
    return p.fail('H201', `Expected a dict key but found ${p.found()}`);
  }
  p.expect(Tok.Colon, 'after the dict key');
  p.skipNewlines();
  return { key, value: parseExpression(p) };
}

// braceClosure := "{" typedParams? "->" statements "}"
function parseBraceClosure(p: Parser): SNode {
  const start = p.start();
  p.advance();
  const params = parseClosureParams(p);
  p.expect(Tok.Arrow, 'after closure parameters');
  const body = parseBlockBody(p);
  p.expect(Tok.RBrace, 'at the end of the closure');
  return { kind: 'Closure', params, body, fnSyntax: false, span: p.spanFrom(start) };
}

// fnClosure := "fn" "(" typedParams ")" block
function parseFnClosure(p: Parser): SNode {
  const start = p.start();
  p.advance();
  const params = parseTypedParams(p, 'in the closure');
  const body = parseBlock(p, 'for the closure body');
  return { kind: 'Closure', params, body, fnSyntax: true, span: p.spanFrom(start) };
}

// hitl := hitlKeyword "(" (hitlArg ("," hitlArg)* ","?)? ")" ; hitlArg := ident ":" expr | expr
function parseHitl(p: Parser, hitlKind: HitlKind): SNode {
  const start = p.start();
  const keyword = p.found();
  p.advance();
  p.expect(Tok.LParen, `after ${keyword}`);
  const args: HitlArg[] = [];
  for (;;) {
    p.skipNewlines();
    if (p.at(Tok.RParen)) break;
    const argStart = p.start();
    let name: string | null = null;
    if (p.at(Tok.Identifier) && p.peekAt(1) === Tok.Colon) {
      name = p.tk.values[p.advance()] as string;
      p.advance();
      p.skipNewlines();
    }
    const value = parseExpression(p);
    args.push({ name, value, span: { start: argStart, end: value.span.end } });
    p.skipNewlines();
    if (!p.eat(Tok.Comma)) break;
  }
  p.expect(Tok.RParen, `after the arguments of ${keyword}`);
  return { kind: 'HitlExpr', hitlKind, args, span: p.spanFrom(start) };
}
