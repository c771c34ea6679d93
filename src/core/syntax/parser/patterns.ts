// Binding patterns of let/var/for (harn-ast.md §5.6): identifiers, dict and list destructuring with aliases,
// defaults and rest, and the for-only `(a, b)` pair. Pure: depends on ./state.ts, siblings, ../tokens.ts.
import type { BindingPattern, DictPatternField, ListPatternElement, SNode } from '../ast.ts';
import { Tok } from '../tokens.ts';
import type { Parser } from './state.ts';
import { atSpread, parseExpression } from './expressions.ts';

// bindingPattern := ident | "{" dictPatternField* "}" | "[" listPatternElement* "]"
export function parseBindingPattern(p: Parser): BindingPattern {
  p.skipNewlines();
  if (p.at(Tok.LBrace)) return { kind: 'Dict', fields: parseDictPattern(p) };
  if (p.at(Tok.LBracket)) return { kind: 'List', elements: parseListPattern(p) };
  return { kind: 'Identifier', name: p.expectIdent('a binding name') };
}

// forPattern := "(" ident "," ident ")" | bindingPattern
export function parseForPattern(p: Parser): BindingPattern {
  p.skipNewlines();
  if (!p.at(Tok.LParen)) return parseBindingPattern(p);
  p.advance();
  const first = p.expectIdent('the first name of the pair');
  p.expect(Tok.Comma, 'between the pair names');
  const second = p.expectIdent('the second name of the pair');
  p.expect(Tok.RParen, 'after the pair names');
  return { kind: 'Pair', first, second };
}

function parseDefault(p: Parser): SNode | null {
  if (!p.eat(Tok.Assign)) return null;
  p.skipNewlines();
  return parseExpression(p);
}

// dictPatternField := "..." ident | ident (":" ident)? ("=" expr)?   — a line break right before "}" is an
// error unless the last field is a rest (the 0.7.50 quirk)
function parseDictPattern(p: Parser): DictPatternField[] {
  p.advance();
  const fields: DictPatternField[] = [];
  while (!p.at(Tok.RBrace)) {
    p.skipNewlines();
    if (atSpread(p)) {
      p.pos += 3;
      fields.push({ key: p.expectIdent('a rest name after "..."'), alias: null, isRest: true, defaultValue: null });
      break;
    }
    const key = p.expectIdent('a field name in the pattern');
    const alias = p.eat(Tok.Colon) ? p.expectIdent('an alias name') : null;
    fields.push({ key, alias, isRest: false, defaultValue: parseDefault(p) });
    p.eat(Tok.Comma);
  }
  p.expect(Tok.RBrace, 'at the end of the dict pattern');
  return fields;
}

// listPatternElement := "..." ident | ident ("=" expr)?
function parseListPattern(p: Parser): ListPatternElement[] {
  p.advance();
  const elements: ListPatternElement[] = [];
  while (!p.at(Tok.RBracket)) {
    p.skipNewlines();
    if (atSpread(p)) {
      p.pos += 3;
      elements.push({ name: p.expectIdent('a rest name after "..."'), isRest: true, defaultValue: null });
      break;
    }
    const name = p.expectIdent('a name in the list pattern');
    elements.push({ name, isRest: false, defaultValue: parseDefault(p) });
    p.eat(Tok.Comma);
  }
  p.expect(Tok.RBracket, 'at the end of the list pattern');
  return elements;
}
