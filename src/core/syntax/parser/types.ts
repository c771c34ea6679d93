// Type expressions (harn-ast.md §5.5): unions, named and applied types with the special generic names,
// shapes, `[T]`, `fn(…) -> R`, literal string/int types, `never`. Pure: depends on ./state.ts, ../tokens.ts.
import type { ShapeField, TypeExpr } from '../ast.ts';
import { Tok } from '../tokens.ts';
import { isNameKeyword, type Parser } from './state.ts';

// type := typeAtom ("|" typeAtom)*
export function parseType(p: Parser): TypeExpr {
  const depth = p.enter();
  p.skipNewlines();
  const first = parseTypeAtom(p);
  if (!p.at(Tok.Bar)) {
    p.depth = depth;
    return first;
  }
  const types: TypeExpr[] = first.kind === 'Union' ? [...first.types] : [first];
  while (p.eat(Tok.Bar)) {
    p.skipNewlines();
    const next = parseTypeAtom(p);
    if (next.kind === 'Union') types.push(...next.types);
    else types.push(next);
  }
  p.depth = depth;
  return { kind: 'Union', types };
}

// typeArgs := "<" type (","? type)* ">"
export function parseTypeArgs(p: Parser): TypeExpr[] {
  p.advance();
  const args: TypeExpr[] = [];
  for (;;) {
    p.skipNewlines();
    if (p.at(Tok.Gt)) break;
    args.push(parseType(p));
    p.skipNewlines();
    if (!p.eat(Tok.Comma) && !p.at(Tok.Gt)) break;
  }
  if (args.length === 0) p.fail('H201', 'Expected a type between "<" and ">"');
  p.expect(Tok.Gt, 'after the type arguments');
  return args;
}

// typeAtom := name typeArgs? | "nil" | "true" | "false" | string | "-"? int | shape | "[" type "]" | "fn" "(" types ")" "->" type
function parseTypeAtom(p: Parser): TypeExpr {
  const i = p.pos;
  switch (p.peek()) {
    case Tok.Identifier: {
      p.advance();
      const name = p.tk.values[i] as string;
      if (name === 'never') return { kind: 'Never' };
      if (!p.at(Tok.Lt)) return { kind: 'Named', name };
      return appliedType(name, parseTypeArgs(p));
    }
    case Tok.Nil:
      p.advance();
      return { kind: 'Named', name: 'nil' };
    case Tok.True:
    case Tok.False:
      p.advance();
      return { kind: 'Named', name: 'bool' };
    case Tok.StringLiteral:
    case Tok.RawStringLiteral:
      p.advance();
      return { kind: 'LitString', value: p.tk.values[i] as string };
    case Tok.IntLiteral:
      p.advance();
      return { kind: 'LitInt', value: p.tk.values[i] as number };
    case Tok.Minus:
      if (p.peekAt(1) === Tok.IntLiteral) {
        p.pos += 2;
        return { kind: 'LitInt', value: -(p.tk.values[i + 1] as number) };
      }
      break;
    case Tok.LBrace:
      return { kind: 'Shape', fields: parseShapeFields(p) };
    case Tok.LBracket: {
      p.advance();
      const inner = parseType(p);
      p.expect(Tok.RBracket, 'after the list element type');
      return { kind: 'List', inner };
    }
    case Tok.Fn:
      return parseFnType(p);
  }
  return p.fail('H201', `Expected a type but found ${p.found()}`);
}

/** `list<T>`, `dict<K, V>`, `iter<T>`… become their own variants; other names (or wrong arity) are Applied. */
function appliedType(name: string, args: TypeExpr[]): TypeExpr {
  const [a, b] = args;
  if (args.length === 1 && a) {
    if (name === 'list') return { kind: 'List', inner: a };
    if (name === 'iter' || name === 'Iter') return { kind: 'Iter', inner: a };
    if (name === 'Generator' || name === 'generator') return { kind: 'Generator', inner: a };
    if (name === 'Stream' || name === 'stream') return { kind: 'Stream', inner: a };
  }
  if (args.length === 2 && a && b && name === 'dict') return { kind: 'DictType', key: a, value: b };
  return { kind: 'Applied', name, args };
}

// shape := "{" (fieldName "?"? ":" type ","?)* "}"
function parseShapeFields(p: Parser): ShapeField[] {
  p.advance();
  const fields: ShapeField[] = [];
  for (;;) {
    p.skipNewlines();
    if (p.at(Tok.RBrace)) break;
    const k = p.peek();
    if (k !== Tok.Identifier && !isNameKeyword(k)) p.fail('H201', `Expected a field name in the shape type but found ${p.found()}`);
    const i = p.advance();
    const name = k === Tok.Identifier ? (p.tk.values[i] as string) : p.src.slice(p.tk.starts[i], p.tk.ends[i]);
    const optional = p.eat(Tok.Question);
    p.expect(Tok.Colon, 'after the shape field name');
    fields.push({ name, typeExpr: parseType(p), optional });
    p.skipNewlines();
    p.eat(Tok.Comma);
  }
  p.expect(Tok.RBrace, 'after the shape fields');
  return fields;
}

// fnType := "fn" "(" (type ","?)* ")" "->" type
function parseFnType(p: Parser): TypeExpr {
  p.advance();
  p.expect(Tok.LParen, 'after "fn" in a function type');
  const params: TypeExpr[] = [];
  for (;;) {
    p.skipNewlines();
    if (p.at(Tok.RParen)) break;
    params.push(parseType(p));
    p.skipNewlines();
    if (!p.eat(Tok.Comma) && !p.at(Tok.RParen)) break;
  }
  p.expect(Tok.RParen, 'after the function type parameters');
  p.expect(Tok.Arrow, 'in the function type');
  return { kind: 'FnType', params, returnType: parseType(p) };
}
