// Agent-facing declarations: tool (with its `description "…"` first item), skill (colon-less fields) and
// eval_pack (header forms, `ident: expr` fields, one `summarize { … }`). harn-ast.md §3 rows 23–25.
// Pure: depends on ./state.ts, siblings, ../tokens.ts and ../ast.ts.
import type { SNode } from '../ast.ts';
import { isKeyword, Tok } from '../tokens.ts';
import type { Parser } from './state.ts';
import { parseExpression } from './expressions.ts';
import { parseBlock, parseBlockBody, parseStatement } from './statements.ts';
import { parseTypedParams } from './params.ts';
import { parseReturnType } from './decls.ts';

// tool := "tool" ident "(" typedParams ")" ("->" type)? "{" ("description" string separator)? statements "}"
export function parseTool(p: Parser, isPub: boolean): SNode {
  const start = p.start();
  p.advance();
  const name = p.expectIdent('a tool name');
  const params = parseTypedParams(p, `in the parameters of tool "${name}"`);
  const returnType = parseReturnType(p);
  p.expect(Tok.LBrace, `for the body of tool "${name}"`);
  p.skipNewlines();
  let description: string | null = null;
  if (p.atWord('description') && p.peekAt(1) === Tok.StringLiteral) {
    const after = p.peekAt(2);
    if (after === Tok.Newline || after === Tok.Semicolon || after === Tok.RBrace) {
      p.advance();
      description = p.tk.values[p.advance()] as string;
      p.eat(Tok.Semicolon);
    }
  }
  const body = parseBlockBody(p);
  p.expect(Tok.RBrace, `at the end of tool "${name}"`);
  return { kind: 'ToolDecl', name, description, params, returnType, body, isPub, span: p.spanFrom(start) };
}

/** Between skill fields / eval_pack items: `;`, a newline, or the closing `}`. */
function expectItemSeparator(p: Parser, what: string): void {
  if (p.eat(Tok.Semicolon)) return;
  const k = p.peek();
  if (k === Tok.Newline || k === Tok.RBrace || k === Tok.Eof) return;
  p.fail('H203', `Expected ";" or newline after the ${what} but found ${p.found()}`);
}

// skill := "skill" ident "{" (ident expr separator)* "}"   — line breaks: a field's value may start the next line
export function parseSkill(p: Parser, isPub: boolean): SNode {
  const start = p.start();
  p.advance();
  const name = p.expectIdent('a skill name');
  p.expect(Tok.LBrace, `after skill "${name}"`);
  const fields: [string, SNode][] = [];
  for (;;) {
    p.skipNewlines();
    if (p.at(Tok.RBrace) || p.at(Tok.Eof)) break;
    const key = p.expectIdent('a skill field name');
    p.skipNewlines();
    fields.push([key, parseExpression(p)]);
    expectItemSeparator(p, 'skill field');
  }
  p.expect(Tok.RBrace, `at the end of skill "${name}"`);
  return { kind: 'SkillDecl', name, fields, isPub, span: p.spanFrom(start) };
}

// evalPack := "eval_pack" (ident string? | string) "{" (ident ":" expr | "summarize" block | statement)* "}"
export function parseEvalPack(p: Parser, isPub: boolean): SNode {
  const start = p.start();
  p.advance();
  p.skipNewlines();
  let bindingName: string;
  let packId: string;
  if (p.at(Tok.StringLiteral)) {
    packId = p.tk.values[p.advance()] as string;
    bindingName = evalPackBindingName(packId);
  } else {
    bindingName = p.expectIdent('an eval_pack name or id string');
    packId = p.at(Tok.StringLiteral) ? (p.tk.values[p.advance()] as string) : bindingName;
  }
  p.expect(Tok.LBrace, `after eval_pack "${packId}"`);
  const fields: [string, SNode][] = [];
  const body: SNode[] = [];
  let summarize: SNode[] | null = null;
  for (;;) {
    p.skipNewlines();
    if (p.at(Tok.RBrace) || p.at(Tok.Eof)) break;
    if (p.at(Tok.Identifier) && p.peekAt(1) === Tok.Colon) {
      const key = p.tk.values[p.advance()] as string;
      p.advance();
      p.skipNewlines();
      fields.push([key, parseExpression(p)]);
    } else if (p.atWord('summarize') && p.peekAt(1) === Tok.LBrace) {
      const span = p.tokenSpan();
      p.advance();
      const block = parseBlock(p, 'after "summarize"');
      if (summarize) p.report('H204', 'An eval_pack can have only one "summarize" block', span);
      summarize = block;
    } else {
      body.push(parseStatement(p, false));
    }
    expectItemSeparator(p, 'eval_pack item');
  }
  p.expect(Tok.RBrace, `at the end of eval_pack "${packId}"`);
  return { kind: 'EvalPackDecl', bindingName, packId, fields, body, summarize, isPub, span: p.spanFrom(start) };
}

/** `eval_pack "My Pack-1"` → `my_pack_1` (harn-ast.md §3, EvalPackDecl header forms). */
export function evalPackBindingName(id: string): string {
  let out = '';
  let gap = false;
  for (const ch of id) {
    if (/^[A-Za-z0-9_]$/.test(ch)) {
      if (gap && out) out += '_';
      gap = false;
      out += ch.toLowerCase();
    } else {
      gap = true;
    }
  }
  out = out.replace(/^_+|_+$/g, '');
  if (!out || isKeyword(out) || !/^[a-z_]/.test(out)) out = `eval_pack_${out}`;
  return out;
}
