// Token kinds of the Harn lexer (harn-ast.md §7) as small integers, their display text, and the keyword table.
// Tokens live in parallel arrays (TokenStream) so the hot loops allocate nothing per token. Depends on nothing.

/** Token kinds. Keywords are contiguous (KwFirst..KwLast). */
export const Tok = {
  Eof: 0,
  Newline: 1,
  Identifier: 2,
  StringLiteral: 3,
  InterpolatedString: 4,
  RawStringLiteral: 5,
  IntLiteral: 6,
  FloatLiteral: 7,
  DurationLiteral: 8,
  // keywords
  Pipeline: 10,
  Extends: 11,
  Override: 12,
  Let: 13,
  Var: 14,
  If: 15,
  Else: 16,
  For: 17,
  In: 18,
  Match: 19,
  Retry: 20,
  Parallel: 21,
  Return: 22,
  Import: 23,
  True: 24,
  False: 25,
  Nil: 26,
  Try: 27,
  Catch: 28,
  Throw: 29,
  Finally: 30,
  Fn: 31,
  Spawn: 32,
  While: 33,
  TypeKw: 34,
  Enum: 35,
  EvalPack: 36,
  Struct: 37,
  Interface: 38,
  Emit: 39,
  Pub: 40,
  From: 41,
  To: 42,
  Tool: 43,
  Exclusive: 44,
  Guard: 45,
  Require: 46,
  Deadline: 47,
  Defer: 48,
  Yield: 49,
  Mutex: 50,
  Break: 51,
  Continue: 52,
  Select: 53,
  Impl: 54,
  Skill: 55,
  Const: 56,
  RequestApproval: 57,
  DualControl: 58,
  AskUser: 59,
  EscalateTo: 60,
  // two-character operators
  Eq: 70,
  Neq: 71,
  And: 72,
  Or: 73,
  Pipe: 74,
  NilCoal: 75,
  Pow: 76,
  QuestionDot: 77,
  Arrow: 78,
  Lte: 79,
  Gte: 80,
  PlusAssign: 81,
  MinusAssign: 82,
  StarAssign: 83,
  SlashAssign: 84,
  PercentAssign: 85,
  // one-character operators
  Assign: 90,
  Not: 91,
  Dot: 92,
  Plus: 93,
  Minus: 94,
  Star: 95,
  Slash: 96,
  Percent: 97,
  Lt: 98,
  Gt: 99,
  Question: 100,
  Bar: 101,
  // delimiters
  LBrace: 110,
  RBrace: 111,
  LParen: 112,
  RParen: 113,
  LBracket: 114,
  RBracket: 115,
  Comma: 116,
  Colon: 117,
  Semicolon: 118,
  At: 119,
} as const;

export type TokenKind = (typeof Tok)[keyof typeof Tok];

export const KW_FIRST = Tok.Pipeline;
export const KW_LAST = Tok.EscalateTo;

/** Every reserved word of Harn 0.8 (46 of 0.7.50 plus `const` and the four HITL keywords), in token order. */
export const HARN_KEYWORDS: readonly string[] = [
  'pipeline', 'extends', 'override', 'let', 'var', 'if', 'else', 'for', 'in', 'match', 'retry', 'parallel',
  'return', 'import', 'true', 'false', 'nil', 'try', 'catch', 'throw', 'finally', 'fn', 'spawn', 'while', 'type',
  'enum', 'eval_pack', 'struct', 'interface', 'emit', 'pub', 'from', 'to', 'tool', 'exclusive', 'guard', 'require',
  'deadline', 'defer', 'yield', 'mutex', 'break', 'continue', 'select', 'impl', 'skill', 'const',
  'request_approval', 'dual_control', 'ask_user', 'escalate_to',
];

/** Spelling → keyword token kind. */
export const KEYWORD_KINDS: ReadonlyMap<string, number> = new Map(HARN_KEYWORDS.map((word, i) => [word, KW_FIRST + i]));

/** True if `word` is a reserved keyword (contextual words such as `each` or `cost_route` are not). */
export function isKeyword(word: string): boolean {
  return KEYWORD_KINDS.has(word);
}

const DISPLAY: string[] = [];
DISPLAY[Tok.Eof] = 'end of file';
DISPLAY[Tok.Newline] = 'newline';
DISPLAY[Tok.Identifier] = 'identifier';
DISPLAY[Tok.StringLiteral] = 'string';
DISPLAY[Tok.InterpolatedString] = 'string';
DISPLAY[Tok.RawStringLiteral] = 'raw string';
DISPLAY[Tok.IntLiteral] = 'number';
DISPLAY[Tok.FloatLiteral] = 'number';
DISPLAY[Tok.DurationLiteral] = 'duration';
HARN_KEYWORDS.forEach((word, i) => (DISPLAY[KW_FIRST + i] = `"${word}"`));
const SYMBOLS: [number, string][] = [
  [Tok.Eq, '=='], [Tok.Neq, '!='], [Tok.And, '&&'], [Tok.Or, '||'], [Tok.Pipe, '|>'], [Tok.NilCoal, '??'],
  [Tok.Pow, '**'], [Tok.QuestionDot, '?.'], [Tok.Arrow, '->'], [Tok.Lte, '<='], [Tok.Gte, '>='],
  [Tok.PlusAssign, '+='], [Tok.MinusAssign, '-='], [Tok.StarAssign, '*='], [Tok.SlashAssign, '/='],
  [Tok.PercentAssign, '%='], [Tok.Assign, '='], [Tok.Not, '!'], [Tok.Dot, '.'], [Tok.Plus, '+'], [Tok.Minus, '-'],
  [Tok.Star, '*'], [Tok.Slash, '/'], [Tok.Percent, '%'], [Tok.Lt, '<'], [Tok.Gt, '>'], [Tok.Question, '?'],
  [Tok.Bar, '|'], [Tok.LBrace, '{'], [Tok.RBrace, '}'], [Tok.LParen, '('], [Tok.RParen, ')'], [Tok.LBracket, '['],
  [Tok.RBracket, ']'], [Tok.Comma, ','], [Tok.Colon, ':'], [Tok.Semicolon, ';'], [Tok.At, '@'],
];
for (const [kind, text] of SYMBOLS) DISPLAY[kind] = `"${text}"`;

/** How a token kind is named in messages: `"}"`, `"let"`, `identifier`, `end of file`. */
export function tokenDisplay(kind: number): string {
  return DISPLAY[kind] ?? 'token';
}

const KIND_NAMES: string[] = [];
for (const [name, value] of Object.entries(Tok)) KIND_NAMES[value] = name;

/** Name of a token kind in `Tok` (`Identifier`, `LBrace`, …), looked up in a table so `tokenize` stays linear. */
export function tokenKindName(kind: number): string {
  return KIND_NAMES[kind] ?? 'Unknown';
}

/**
 * The lexer's output: parallel arrays indexed by token number. `values[i]` holds the identifier name,
 * the string value, the interpolation segments or the number; `lines`/`endLines` are 1-based lines of the
 * token's start and end (a `"""` string can span lines). `braceArrow[i]` is 1 when token i is a `{` whose
 * depth-0 contents (up to its matching `}`) contain `->` — the dict-vs-closure rule, precomputed in one pass.
 */
export interface TokenStream {
  count: number;
  kinds: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
  lines: Int32Array;
  endLines: Int32Array;
  values: unknown[];
  braceArrow: Uint8Array;
}
