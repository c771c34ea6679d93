// Declarations (harn-syntax.md §3): attributes, pub, fn/gen fn, tool, skill, eval_pack, pipeline, struct,
// enum, interface, impl, type, import, override. Pure: depends on ./state.ts, siblings, ../tokens.ts, ../ast.ts.
import type { Attribute, AttributeArg, EnumVariant, InterfaceMethod, SNode, StructField, TypeExpr } from '../ast.ts';
import { Tok } from '../tokens.ts';
import type { Parser } from './state.ts';
import { parseBlock } from './statements.ts';
import { eatListComma, parseTypedParams, parseTypeParams, parseWhereClauses } from './params.ts';
import { parseType } from './types.ts';
import { parseEvalPack, parseSkill, parseTool } from './agents.ts';

const ATTRIBUTABLE = new Set(['FnDecl', 'ToolDecl', 'SkillDecl', 'EvalPackDecl', 'Pipeline', 'StructDecl', 'EnumDecl', 'TypeDecl', 'InterfaceDecl', 'ImplBlock']);

/** Parses a declaration at the cursor, or returns null when the cursor is not at one. */
export function parseDeclaration(p: Parser, top: boolean): SNode | null {
  switch (p.peek()) {
    case Tok.At:
      return parseAttributed(p, top);
    case Tok.Pub:
      return parsePub(p);
    case Tok.Fn:
      return parseFn(p, false, p.start());
    case Tok.Tool:
      return parseTool(p, false);
    case Tok.Skill:
      return parseSkill(p, false);
    case Tok.EvalPack:
      return parseEvalPack(p, false);
    case Tok.Struct:
      return parseStruct(p, false);
    case Tok.Enum:
      return parseEnum(p, false);
    case Tok.Interface:
      return parseInterface(p);
    case Tok.Impl:
      return parseImpl(p);
    case Tok.TypeKw:
      return parseTypeDecl(p);
    case Tok.Override:
      return parseOverride(p);
    case Tok.Import:
      if (!top) p.fail('H204', '"import" is only allowed at the top level');
      return parseImport(p, false);
    case Tok.Pipeline:
      if (!top) p.fail('H204', '"pipeline" is only allowed at the top level');
      return parsePipeline(p, false);
    case Tok.Identifier:
      if (p.atWord('gen') && p.peekAt(1) === Tok.Fn) return parseFn(p, false, p.start());
  }
  return null;
}

// pubDecl := "pub" ("fn" | "gen" "fn" | "tool" | "skill" | "eval_pack" | "pipeline" | "enum" | "struct" | "import") …
// Line breaks: none after "pub" (harn: "Expected fn, tool, … after pub, got \n").
function parsePub(p: Parser): SNode {
  p.advance();
  switch (p.peek()) {
    case Tok.Fn:
      return parseFn(p, true, p.start());
    case Tok.Tool:
      return parseTool(p, true);
    case Tok.Skill:
      return parseSkill(p, true);
    case Tok.EvalPack:
      return parseEvalPack(p, true);
    case Tok.Pipeline:
      return parsePipeline(p, true);
    case Tok.Enum:
      return parseEnum(p, true);
    case Tok.Struct:
      return parseStruct(p, true);
    case Tok.Import:
      return parseImport(p, true);
    case Tok.Identifier:
      if (p.atWord('gen') && p.peekAt(1) === Tok.Fn) return parseFn(p, true, p.start());
  }
  return p.fail('H204', `Expected fn, tool, skill, eval_pack, struct, enum, pipeline or import after "pub" but found ${p.found()}`);
}

// attributed := attribute+ declaration ; attribute := "@" ident ("(" attrArg ("," attrArg)* ","? ")")?
function parseAttributed(p: Parser, top: boolean): SNode {
  const start = p.start();
  const attributes: Attribute[] = [];
  while (p.at(Tok.At)) {
    attributes.push(parseAttribute(p));
    p.skipNewlines();
  }
  const inner = p.at(Tok.Pipeline) ? parsePipeline(p, false) : parseDeclaration(p, top);
  if (!inner || !ATTRIBUTABLE.has(inner.kind)) {
    return p.fail('H207', `Expected a declaration (fn, tool, skill, eval_pack, pipeline, struct, enum, type, interface or impl) after the attribute but found ${p.found()}`);
  }
  return { kind: 'AttributedDecl', attributes, inner, span: p.spanFrom(start) };
}

function parseAttribute(p: Parser): Attribute {
  const start = p.start();
  p.advance();
  const name = p.expectIdent('an attribute name after "@"');
  const args: AttributeArg[] = [];
  if (p.eat(Tok.LParen)) {
    for (;;) {
      p.skipNewlines();
      if (p.at(Tok.RParen)) break;
      const argStart = p.start();
      let argName: string | null = null;
      if (p.at(Tok.Identifier) && p.peekAt(1) === Tok.Colon) {
        argName = p.tk.values[p.advance()] as string;
        p.advance();
        p.skipNewlines();
      }
      const value = parseAttributeValue(p);
      args.push({ name: argName, value, span: { start: argStart, end: value.span.end } });
      p.skipNewlines();
      if (!p.eat(Tok.Comma)) break;
    }
    p.expect(Tok.RParen, 'after attribute arguments');
  }
  return { name, args, span: p.spanFrom(start) };
}

// attrValue := string | rawString | "-"? number | bool | nil | ident | "[" attrValue* "]"
function parseAttributeValue(p: Parser): SNode {
  const start = p.start();
  const i = p.pos;
  switch (p.peek()) {
    case Tok.StringLiteral:
    case Tok.RawStringLiteral:
    case Tok.IntLiteral:
    case Tok.FloatLiteral:
    case Tok.True:
    case Tok.False:
    case Tok.Nil:
    case Tok.Identifier:
      return parseExpressionAtom(p);
    case Tok.Minus: {
      p.advance();
      const k = p.peek();
      if (k !== Tok.IntLiteral && k !== Tok.FloatLiteral) break;
      const value = -(p.tk.values[p.advance()] as number);
      return k === Tok.IntLiteral ? { kind: 'IntLiteral', value, span: p.spanFrom(start) } : { kind: 'FloatLiteral', value, span: p.spanFrom(start) };
    }
    case Tok.LBracket: {
      p.advance();
      const items: SNode[] = [];
      for (;;) {
        p.skipNewlines();
        if (p.at(Tok.RBracket)) break;
        items.push(parseAttributeValue(p));
        p.skipNewlines();
        if (!p.eat(Tok.Comma)) break;
      }
      p.expect(Tok.RBracket, 'after the attribute list');
      return { kind: 'ListLiteral', items, span: p.spanFrom(start) };
    }
  }
  p.pos = i;
  return p.fail('H207', `Expected an attribute value (string, number, bool, nil, name or list) but found ${p.found()}`);
}

/** One literal or identifier token as a node (attribute values). */
function parseExpressionAtom(p: Parser): SNode {
  const i = p.advance();
  const span = p.tokenSpan(i);
  const v = p.tk.values[i];
  switch (p.kinds[i]) {
    case Tok.StringLiteral:
      return { kind: 'StringLiteral', value: v as string, span };
    case Tok.RawStringLiteral:
      return { kind: 'RawStringLiteral', value: v as string, span };
    case Tok.IntLiteral:
      return { kind: 'IntLiteral', value: v as number, span };
    case Tok.FloatLiteral:
      return { kind: 'FloatLiteral', value: v as number, span };
    case Tok.Nil:
      return { kind: 'NilLiteral', span };
    case Tok.Identifier:
      return { kind: 'Identifier', name: v as string, span };
    default:
      return { kind: 'BoolLiteral', value: p.kinds[i] === Tok.True, span };
  }
}

// fn := "gen"? "fn" ident typeParams? "(" typedParams ")" ("->" type)? whereClause? block
function parseFn(p: Parser, isPub: boolean, start: number): SNode {
  const isStream = p.atWord('gen');
  if (isStream) p.advance();
  p.advance();
  const name = p.expectIdent('a function name after "fn"');
  const typeParams = p.at(Tok.Lt) ? parseTypeParams(p) : [];
  const params = parseTypedParams(p, `in the parameters of "${name}"`);
  const returnType = parseReturnType(p);
  const whereClauses = p.atWord('where') ? parseWhereClauses(p) : [];
  const body = parseBlock(p, `for the body of "${name}"`);
  return { kind: 'FnDecl', name, typeParams, params, returnType, whereClauses, body, isPub, isStream, span: p.spanFrom(start) };
}

// returnType := ("->" type)?   — line breaks: the "->" must be on the line of the ")" before it (harn checks, not consumes)
export function parseReturnType(p: Parser): TypeExpr | null {
  if (!p.eat(Tok.Arrow)) return null;
  return parseType(p);
}

// pipeline := "pipeline" ident ("(" (ident ","?)* ")")? ("->" type)? ("extends" ident)? block
// Line breaks: the "(" may start the next line (harn consumes it); inside, as in typedParams.
function parsePipeline(p: Parser, isPub: boolean): SNode {
  const start = p.start();
  p.advance();
  const name = p.expectIdent('a pipeline name');
  const hasParams = p.kinds[p.afterNewlines()] === Tok.LParen;
  if (hasParams) p.skipNewlines();
  const params = hasParams ? parseNameList(p) : [];
  const returnType = parseReturnType(p);
  const extendsName = p.eat(Tok.Extends) ? p.expectIdent('a pipeline name after "extends"') : null;
  const body = parseBlock(p, `for the body of pipeline "${name}"`);
  return { kind: 'Pipeline', name, params, returnType, body, extends: extendsName, isPub, span: p.spanFrom(start) };
}

/** `( a, b )` of bare names with optional commas (pipeline and override parameters); line breaks as in typedParams. */
function parseNameList(p: Parser): string[] {
  p.advance();
  const names: string[] = [];
  p.skipNewlines();
  while (!p.at(Tok.RParen) && !p.at(Tok.Eof)) {
    names.push(p.expectIdent('a parameter name'));
    eatListComma(p);
  }
  p.expect(Tok.RParen, 'after the parameters');
  return names;
}

// override := "override" ident "(" names ")" block
function parseOverride(p: Parser): SNode {
  const start = p.start();
  p.advance();
  const name = p.expectIdent('a name after "override"');
  p.skipNewlines();
  const params = p.at(Tok.LParen) ? parseNameList(p) : [];
  const body = parseBlock(p, `for the body of override "${name}"`);
  return { kind: 'OverrideDecl', name, params, body, span: p.spanFrom(start) };
}

// import := "import" string | "import" "{" (ident ","?)* "}" "from" string
// Line breaks: none before the path string (after "import" or "from"); harn reads the path without skipping.
function parseImport(p: Parser, isPub: boolean): SNode {
  const start = p.start();
  p.advance();
  if (p.eat(Tok.LBrace)) {
    const names: string[] = [];
    for (;;) {
      p.skipNewlines();
      if (p.at(Tok.RBrace)) break;
      names.push(p.expectIdent('a name to import'));
      p.skipNewlines();
      p.eat(Tok.Comma);
    }
    p.expect(Tok.RBrace, 'after the imported names');
    p.expect(Tok.From, 'after the imported names');
    const path = parseImportPath(p, 'from');
    return { kind: 'SelectiveImport', names, path, isPub, span: p.spanFrom(start) };
  }
  return { kind: 'ImportDecl', path: parseImportPath(p, 'import'), isPub, span: p.spanFrom(start) };
}

function parseImportPath(p: Parser, after: 'import' | 'from'): string {
  if (p.at(Tok.StringLiteral)) return p.tk.values[p.advance()] as string;
  return p.fail('H201', `Expected a plain string path after "${after}" but found ${p.found()}`);
}

// struct := "struct" ident typeParams? "{" (ident "?"? (":" type)? ","?)* "}"
function parseStruct(p: Parser, isPub: boolean): SNode {
  const start = p.start();
  p.advance();
  const name = p.expectIdent('a struct name');
  const typeParams = p.at(Tok.Lt) ? parseTypeParams(p) : [];
  p.expect(Tok.LBrace, `after struct "${name}"`);
  const fields: StructField[] = [];
  for (;;) {
    p.skipNewlines();
    if (p.at(Tok.RBrace)) break;
    const fieldName = p.expectIdent('a field name');
    const optional = p.eat(Tok.Question);
    const typeExpr = p.eat(Tok.Colon) ? parseType(p) : null;
    fields.push({ name: fieldName, typeExpr, optional });
    p.skipNewlines();
    p.eat(Tok.Comma);
  }
  p.expect(Tok.RBrace, 'after the struct fields');
  return { kind: 'StructDecl', name, typeParams, fields, isPub, span: p.spanFrom(start) };
}

// enum := "enum" ident typeParams? "{" (ident ("(" typedParams ")")? ","?)* "}"
function parseEnum(p: Parser, isPub: boolean): SNode {
  const start = p.start();
  p.advance();
  const name = p.expectIdent('an enum name');
  const typeParams = p.at(Tok.Lt) ? parseTypeParams(p) : [];
  p.expect(Tok.LBrace, `after enum "${name}"`);
  const variants: EnumVariant[] = [];
  for (;;) {
    p.skipNewlines();
    if (p.at(Tok.RBrace)) break;
    const variantName = p.expectIdent('a variant name');
    const fields = p.at(Tok.LParen) ? parseTypedParams(p, `in variant "${variantName}"`) : [];
    variants.push({ name: variantName, fields });
    p.skipNewlines();
    p.eat(Tok.Comma);
  }
  p.expect(Tok.RBrace, 'after the enum variants');
  return { kind: 'EnumDecl', name, typeParams, variants, isPub, span: p.spanFrom(start) };
}

// interface := "interface" ident typeParams? "{" ("type" ident ("=" type)? | "fn" ident typeParams? "(" typedParams ")" ("->" type)?)* "}"
function parseInterface(p: Parser): SNode {
  const start = p.start();
  p.advance();
  const name = p.expectIdent('an interface name');
  const typeParams = p.at(Tok.Lt) ? parseTypeParams(p) : [];
  p.expect(Tok.LBrace, `after interface "${name}"`);
  const associatedTypes: [string, TypeExpr | null][] = [];
  const methods: InterfaceMethod[] = [];
  for (;;) {
    p.skipNewlines();
    if (p.at(Tok.RBrace)) break;
    if (p.eat(Tok.TypeKw)) {
      const typeName = p.expectIdent('an associated type name');
      associatedTypes.push([typeName, p.eat(Tok.Assign) ? parseType(p) : null]);
    } else if (p.eat(Tok.Fn)) {
      const methodName = p.expectIdent('a method name');
      const methodTypeParams = p.at(Tok.Lt) ? parseTypeParams(p) : [];
      const params = parseTypedParams(p, `in the parameters of "${methodName}"`);
      methods.push({ name: methodName, typeParams: methodTypeParams, params, returnType: parseReturnType(p) });
    } else {
      p.fail('H204', `Expected "fn" or "type" in interface "${name}" but found ${p.found()}`);
    }
  }
  p.expect(Tok.RBrace, 'after the interface items');
  return { kind: 'InterfaceDecl', name, typeParams, associatedTypes, methods, span: p.spanFrom(start) };
}

// impl := "impl" ident "{" ("pub"? fn)* "}"
function parseImpl(p: Parser): SNode {
  const start = p.start();
  p.advance();
  const typeName = p.expectIdent('a type name after "impl"');
  p.expect(Tok.LBrace, `after impl "${typeName}"`);
  const methods: SNode[] = [];
  for (;;) {
    p.skipNewlines();
    if (p.at(Tok.RBrace) || p.at(Tok.Eof)) break;
    const isPub = p.eat(Tok.Pub);
    p.skipNewlines();
    if (!p.at(Tok.Fn)) p.fail('H204', `Expected "fn" in impl "${typeName}" but found ${p.found()}`);
    methods.push(parseFn(p, isPub, p.start()));
  }
  p.expect(Tok.RBrace, 'after the impl methods');
  return { kind: 'ImplBlock', typeName, methods, span: p.spanFrom(start) };
}

// typeDecl := "type" ident typeParams? "=" type
function parseTypeDecl(p: Parser): SNode {
  const start = p.start();
  p.advance();
  const name = p.expectIdent('a type name');
  const typeParams = p.at(Tok.Lt) ? parseTypeParams(p) : [];
  p.expect(Tok.Assign, `after type "${name}"`);
  p.skipNewlines();
  const typeExpr = parseType(p);
  return { kind: 'TypeDecl', name, typeParams, typeExpr, span: p.spanFrom(start) };
}
