// Hand-written Harn lexer (harn-syntax.md §1): one `scanX` per token class over char codes, tokens into the
// parallel arrays of TokenStream. Errors become diagnostics (H101–H105) and scanning continues.
// Pure: depends only on ./tokens.ts, ./strings.ts and ../diagnostics.ts.
import { createDiagnostic, type Diagnostic } from '../diagnostics.ts';
import { KEYWORD_KINDS, Tok, type TokenStream } from './tokens.ts';
import { scanInterpolated, type StringScan } from './strings.ts';

/** The result of lexing: tokens (always ending in Eof) and lexer diagnostics. */
export interface LexResult {
  tokens: TokenStream;
  diagnostics: Diagnostic[];
}

const ALPHA = /\p{Alphabetic}/u;
const ALNUM = /[\p{Alphabetic}\p{N}]/u;

function isIdentStart(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
  return ALPHA.test(String.fromCodePoint(c));
}
function isIdentPart(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 48 && c <= 57);
  return ALNUM.test(String.fromCodePoint(c));
}
/** Rust's `char::is_alphanumeric` (no `_`), used by the duration-unit rule. */
function isAlnum(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return ALNUM.test(String.fromCodePoint(c));
}

const I64_MAX = '9223372036854775807';

/** First guess at the token count: one per 4 chars (the corpus averages ~5 chars per token); more grows. */
const INITIAL_CHARS_PER_TOKEN_SHIFT = 2;
/** Spare entries past the last token: the parser peeks a token or two past Eof and must read 0 (Eof) there. */
const TOKEN_SLACK = 2;

function grown(array: Int32Array, cap: number): Int32Array {
  const out = new Int32Array(cap);
  out.set(array);
  return out;
}

class Lexer {
  readonly src: string;
  readonly len: number;
  pos = 0;
  line = 1;
  /** Offset where the current line starts (kept in step with `line`, so no backward searches). */
  lineStart = 0;
  count = 0;
  // Token arrays start at one entry per 4 chars and grow by doubling (sized by the source, they were ~5x larger
  // than needed, zero-filled on every keystroke). `values` is pre-sized with them: pushing into it was ~12% of lexing.
  kinds: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
  lines: Int32Array;
  endLines: Int32Array;
  values: unknown[];
  readonly diagnostics: Diagnostic[] = [];

  constructor(src: string) {
    this.src = src;
    this.len = src.length;
    const cap = (src.length >> INITIAL_CHARS_PER_TOKEN_SHIFT) + TOKEN_SLACK;
    this.kinds = new Uint8Array(cap);
    this.starts = new Int32Array(cap);
    this.ends = new Int32Array(cap);
    this.lines = new Int32Array(cap);
    this.endLines = new Int32Array(cap);
    this.values = new Array<unknown>(cap);
  }

  /** Makes room for at least `needed` tokens, keeping those pushed so far. */
  grow(needed: number): void {
    const cap = Math.max(needed, this.kinds.length * 2);
    const kinds = new Uint8Array(cap);
    kinds.set(this.kinds);
    this.kinds = kinds;
    this.starts = grown(this.starts, cap);
    this.ends = grown(this.ends, cap);
    this.lines = grown(this.lines, cap);
    this.endLines = grown(this.endLines, cap);
    this.values.length = cap;
  }

  push(kind: number, start: number, end: number, value: unknown, startLine: number): void {
    if (this.count === this.kinds.length) this.grow(this.count + 1);
    const i = this.count++;
    this.kinds[i] = kind;
    this.starts[i] = start;
    this.ends[i] = end;
    this.lines[i] = startLine;
    this.endLines[i] = this.line;
    this.values[i] = value;
  }

  error(code: 'H101' | 'H102' | 'H103' | 'H104' | 'H105', message: string, start: number, end: number): void {
    this.diagnostics.push(createDiagnostic(code, message, { start, end: Math.max(end, start) }));
  }

  run(): void {
    const src = this.src;
    if (src.charCodeAt(0) === 35 && src.charCodeAt(1) === 33) this.skipLine(); // #! line at offset 0
    while (this.pos < this.len) {
      const c = src.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 13) {
        this.pos++;
      } else if (c === 10) {
        this.push(Tok.Newline, this.pos, this.pos + 1, null, this.line);
        this.pos++;
        this.line++;
        this.lineStart = this.pos;
      } else if (c === 47 && src.charCodeAt(this.pos + 1) === 47) {
        this.skipLine();
      } else if (c === 47 && src.charCodeAt(this.pos + 1) === 42) {
        this.scanBlockComment();
      } else if (c < 128 && DELIMITERS[c] !== 0) {
        // One-char delimiters (`(`, `)`, `{`, `}`, `,`, `.`, …: about half the tokens) need no further look.
        this.push(DELIMITERS[c]!, this.pos, this.pos + 1, null, this.line);
        this.pos++;
      } else if (c >= 48 && c <= 57) {
        this.scanNumber();
      } else if (c === 34) {
        this.scanString();
      } else if (c === 114 && src.charCodeAt(this.pos + 1) === 34) {
        this.scanRawString();
      } else if (isIdentStart((c & 0xfc00) === 0xd800 ? (src.codePointAt(this.pos) ?? c) : c)) {
        this.scanIdentifier();
      } else if (c === 92 && (src.charCodeAt(this.pos + 1) === 10 || (src.charCodeAt(this.pos + 1) === 13 && src.charCodeAt(this.pos + 2) === 10))) {
        this.pos += src.charCodeAt(this.pos + 1) === 10 ? 2 : 3; // line continuation
        this.line++;
        this.lineStart = this.pos;
      } else {
        this.scanOperator(c);
      }
    }
    this.push(Tok.Eof, this.len, this.len, null, this.line);
  }

  skipLine(): void {
    const nl = this.src.indexOf('\n', this.pos);
    this.pos = nl < 0 ? this.len : nl;
  }

  // blockComment := "/*" (blockComment | any)* "*/"   — nests
  scanBlockComment(): void {
    const start = this.pos;
    const src = this.src;
    let depth = 0;
    while (this.pos < this.len) {
      const c = src.charCodeAt(this.pos);
      if (c === 47 && src.charCodeAt(this.pos + 1) === 42) {
        depth++;
        this.pos += 2;
      } else if (c === 42 && src.charCodeAt(this.pos + 1) === 47) {
        depth--;
        this.pos += 2;
        if (depth === 0) return;
      } else {
        this.pos++;
        if (c === 10) {
          this.line++;
          this.lineStart = this.pos;
        }
      }
    }
    this.error('H103', 'Unterminated block comment', start, start + 2);
  }

  // number := digits ("." digits)? | digits unit
  scanNumber(): void {
    const src = this.src;
    const start = this.pos;
    let value = 0;
    let p = this.pos;
    while (p < this.len) {
      const c = src.charCodeAt(p);
      if (c < 48 || c > 57) break;
      value = value * 10 + (c - 48);
      p++;
    }
    if (src.charCodeAt(p) === 46) {
      const d = src.charCodeAt(p + 1);
      if (d >= 48 && d <= 57) {
        p += 2;
        while (p < this.len && src.charCodeAt(p) >= 48 && src.charCodeAt(p) <= 57) p++;
        this.pos = p;
        this.push(Tok.FloatLiteral, start, p, Number(src.slice(start, p)), this.line);
        return;
      }
    }
    const digitsEnd = p;
    const overflow = digitsEnd - start >= 16 && isI64Overflow(src.slice(start, digitsEnd));
    if (digitsEnd - start >= 16) value = Number(src.slice(start, digitsEnd));
    const unitMs = this.scanDurationUnit(p);
    if (unitMs > 0) {
      const unitLen = src.charCodeAt(p) === 109 && src.charCodeAt(p + 1) === 115 ? 2 : 1;
      this.pos = p + unitLen;
      if (overflow) this.error('H105', 'Duration literal is too large', start, this.pos);
      this.push(Tok.DurationLiteral, start, this.pos, value * unitMs, this.line);
      return;
    }
    this.pos = digitsEnd;
    this.push(overflow ? Tok.FloatLiteral : Tok.IntLiteral, start, digitsEnd, value, this.line);
  }

  /** Milliseconds per unit if a duration unit starts at `p`, else 0. */
  scanDurationUnit(p: number): number {
    const src = this.src;
    const c = src.charCodeAt(p);
    const next = src.charCodeAt(p + 1);
    const free = (q: number) => q >= this.len || !isAlnum(src.charCodeAt(q));
    if (c === 109 && next === 115) return free(p + 2) ? 1 : 0; // ms
    if (c === 115) return free(p + 1) ? 1000 : 0;
    if (c === 109) return free(p + 1) ? 60_000 : 0;
    if (c === 104) return free(p + 1) ? 3_600_000 : 0;
    if (c === 100) return free(p + 1) ? 86_400_000 : 0;
    if (c === 119) return free(p + 1) ? 604_800_000 : 0;
    return 0;
  }

  // identifier := (letter | "_") (letter | digit | "_")*   — keywords via KEYWORD_KINDS
  scanIdentifier(): void {
    const src = this.src;
    const start = this.pos;
    let p = this.pos;
    while (p < this.len) {
      const c = src.charCodeAt(p);
      if (c < 128) {
        if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 48 && c <= 57)) p++;
        else break;
      } else {
        const cp = src.codePointAt(p) ?? c;
        if (!isIdentPart(cp)) break;
        p += cp > 0xffff ? 2 : 1;
      }
    }
    this.pos = p;
    const kw = keywordAt(src, start, p);
    if (kw !== undefined) this.push(kw, start, p, null, this.line);
    else this.push(Tok.Identifier, start, p, src.slice(start, p), this.line);
  }

  // rawString := 'r"' [^"\n]* '"'
  scanRawString(): void {
    const src = this.src;
    const start = this.pos;
    let p = this.pos + 2;
    while (p < this.len) {
      const c = src.charCodeAt(p);
      if (c === 34) {
        this.pos = p + 1;
        this.push(Tok.RawStringLiteral, start, this.pos, src.slice(start + 2, p), this.line);
        return;
      }
      if (c === 10) break;
      p++;
    }
    this.error('H102', 'Unterminated string literal', start, p);
    this.pos = p;
    this.push(Tok.RawStringLiteral, start, p, src.slice(start + 2, p), this.line);
  }

  // string := '"' (escape | interpolation | [^"\n])* '"'  |  '"""' ... '"""'
  scanString(): void {
    const src = this.src;
    const start = this.pos;
    const triple = src.charCodeAt(start + 1) === 34 && src.charCodeAt(start + 2) === 34;
    if (!triple) {
      const fast = this.scanPlainString(start);
      if (fast) return;
    }
    const startLine = this.line;
    const scan: StringScan = scanInterpolated(src, start, triple, this.line, start - this.lineStart);
    for (const d of scan.errors) this.error(d.code, d.message, d.start, d.end);
    this.pos = scan.end;
    this.line = scan.endLine;
    this.lineStart = scan.endLineStart;
    if (scan.interpolated) {
      this.push(Tok.InterpolatedString, start, scan.end, scan.segments, startLine);
    } else {
      const only = scan.segments[0];
      this.push(Tok.StringLiteral, start, scan.end, only && only.kind === 'Literal' ? only.value : '', startLine);
    }
  }

  /** Fast path: a one-line string without escapes or `${`. Returns false to fall back to the full scanner. */
  scanPlainString(start: number): boolean {
    const src = this.src;
    let p = start + 1;
    while (p < this.len) {
      const c = src.charCodeAt(p);
      if (c === 34) {
        this.pos = p + 1;
        this.push(Tok.StringLiteral, start, this.pos, src.slice(start + 1, p), this.line);
        return true;
      }
      if (c === 92 || c === 10 || (c === 36 && src.charCodeAt(p + 1) === 123)) return false;
      p++;
    }
    return false;
  }


  // operator := two-char operator (tried first) | one-char operator | delimiter
  scanOperator(c: number): void {
    const src = this.src;
    const start = this.pos;
    const n = src.charCodeAt(start + 1);
    let kind = -1;
    let width = 2;
    switch (c) {
      case 61: kind = n === 61 ? Tok.Eq : ((width = 1), Tok.Assign); break; // =
      case 33: kind = n === 61 ? Tok.Neq : ((width = 1), Tok.Not); break; // !
      case 38: if (n === 38) kind = Tok.And; break; // &
      case 124: kind = n === 124 ? Tok.Or : n === 62 ? Tok.Pipe : ((width = 1), Tok.Bar); break; // |
      case 63: kind = n === 63 ? Tok.NilCoal : n === 46 ? Tok.QuestionDot : ((width = 1), Tok.Question); break; // ?
      case 42: kind = n === 42 ? Tok.Pow : n === 61 ? Tok.StarAssign : ((width = 1), Tok.Star); break; // *
      case 45: kind = n === 62 ? Tok.Arrow : n === 61 ? Tok.MinusAssign : ((width = 1), Tok.Minus); break; // -
      case 60: kind = n === 61 ? Tok.Lte : ((width = 1), Tok.Lt); break; // <
      case 62: kind = n === 61 ? Tok.Gte : ((width = 1), Tok.Gt); break; // >
      case 43: kind = n === 61 ? Tok.PlusAssign : ((width = 1), Tok.Plus); break; // +
      case 47: kind = n === 61 ? Tok.SlashAssign : ((width = 1), Tok.Slash); break; // /
      case 37: kind = n === 61 ? Tok.PercentAssign : ((width = 1), Tok.Percent); break; // %
      default:
        width = 1;
        kind = ONE_CHAR[c] ?? -1;
    }
    if (kind < 0) {
      const cp = src.codePointAt(start) ?? c;
      const w = cp > 0xffff ? 2 : 1;
      const ch = src.slice(start, start + w);
      this.error('H101', `Unexpected ${JSON.stringify(ch)}`, start, start + w);
      this.pos += w;
      return;
    }
    this.pos += width;
    this.push(kind, start, this.pos, null, this.line);
  }
}

const ONE_CHAR: (number | undefined)[] = [];
ONE_CHAR[46] = Tok.Dot;
ONE_CHAR[123] = Tok.LBrace;
ONE_CHAR[125] = Tok.RBrace;
ONE_CHAR[40] = Tok.LParen;
ONE_CHAR[41] = Tok.RParen;
ONE_CHAR[91] = Tok.LBracket;
ONE_CHAR[93] = Tok.RBracket;
ONE_CHAR[44] = Tok.Comma;
ONE_CHAR[58] = Tok.Colon;
ONE_CHAR[59] = Tok.Semicolon;
ONE_CHAR[64] = Tok.At;
/** Token kind of each ASCII char that is always a token on its own (ONE_CHAR), else 0. */
const DELIMITERS = new Uint8Array(128);
ONE_CHAR.forEach((kind, c) => {
  if (kind !== undefined) DELIMITERS[c] = kind;
});

// Keywords by first letter and length (all are lowercase ASCII and "_", under 32 chars). A Map lookup hashed
// every identifier's text and was 14% of lexing; a bucket holds at most a few words, compared in place.
const KEYWORD_LENGTH_LIMIT = 32;
const KEYWORD_BUCKETS: ([string, number][] | undefined)[] = [];
for (const [word, kind] of KEYWORD_KINDS) {
  const slot = (word.charCodeAt(0) - 97) * KEYWORD_LENGTH_LIMIT + word.length;
  (KEYWORD_BUCKETS[slot] ??= []).push([word, kind]);
}

/** `KEYWORD_KINDS.get(src.slice(start, end))`, without making the string. */
function keywordAt(src: string, start: number, end: number): number | undefined {
  const first = src.charCodeAt(start);
  const length = end - start;
  if (first < 97 || first > 122 || length >= KEYWORD_LENGTH_LIMIT) return undefined;
  const bucket = KEYWORD_BUCKETS[(first - 97) * KEYWORD_LENGTH_LIMIT + length];
  if (bucket === undefined) return undefined;
  for (const [word, kind] of bucket) if (src.startsWith(word, start)) return kind;
  return undefined;
}

function isI64Overflow(digits: string): boolean {
  let d = digits;
  let i = 0;
  while (i < d.length - 1 && d.charCodeAt(i) === 48) i++;
  d = d.slice(i);
  return d.length > I64_MAX.length || (d.length === I64_MAX.length && d > I64_MAX);
}

/** Marks every `{` whose depth-0 contents contain `->` (dict-vs-closure lookahead in one linear pass). */
function markBraceArrows(tokens: TokenStream): void {
  const stack: number[] = [];
  const { kinds, braceArrow } = tokens;
  for (let i = 0; i < tokens.count; i++) {
    const k = kinds[i];
    if (k === Tok.LBrace) stack.push(i);
    else if (k === Tok.RBrace) stack.pop();
    else if (k === Tok.Arrow && stack.length > 0) braceArrow[stack[stack.length - 1]!] = 1;
  }
}

/** Lexes a whole source. Never throws; the token stream always ends with Eof. */
export function lex(source: string): LexResult {
  const lexer = new Lexer(source);
  lexer.run();
  if (lexer.kinds.length < lexer.count + TOKEN_SLACK) lexer.grow(lexer.count + TOKEN_SLACK);
  const tokens: TokenStream = {
    count: lexer.count,
    kinds: lexer.kinds,
    starts: lexer.starts,
    ends: lexer.ends,
    lines: lexer.lines,
    endLines: lexer.endLines,
    values: lexer.values,
    braceArrow: new Uint8Array(lexer.count),
  };
  markBraceArrows(tokens);
  return { tokens, diagnostics: lexer.diagnostics };
}
