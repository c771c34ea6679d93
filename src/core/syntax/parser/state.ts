// The parser's cursor over the token stream: peek/at/eat/expect, spans, diagnostics with a cap, the nesting
// limit, and the sentinel used to unwind to the nearest statement list (jlox-style recovery).
// Pure: depends only on ../tokens.ts, ../ast.ts and ../../diagnostics.ts.
import { createDiagnostic, type Diagnostic, type DiagnosticCode, type Span } from '../../diagnostics.ts';
import { KW_FIRST, KW_LAST, Tok, tokenDisplay, type TokenStream } from '../tokens.ts';

/**
 * Nesting limit (expressions, statements, types, blocks count one level each). Deeper input gets H301
 * instead of a stack overflow: ~10 JS frames per level keeps 256 levels far below V8's default stack.
 */
export const MAX_DEPTH = 256;
/**
 * Nesting allowed inside a speculative `f<T…>(` type-argument parse. Real type arguments are shallow; the cap
 * keeps `a < b < c < …` (each `<` is tried as type arguments) at a small constant cost per `<`.
 */
export const MAX_SPECULATION_DEPTH = 32;
/** Diagnostics kept per parse; after that one H302 note. Past ~100 errors the rest is cascading noise. */
export const MAX_DIAGNOSTICS = 100;

/** Thrown to unwind to the nearest statement list after a diagnostic was recorded. Never escapes `parse`. */
export const ABORT = { abort: true } as const;

/** Keyword tokens accepted where a member name, dict key or shape-field name is expected (harn-ast.md §7.4). */
export function isNameKeyword(kind: number): boolean {
  return kind >= KW_FIRST && kind <= KW_LAST && kind !== Tok.Finally && kind !== Tok.EvalPack && kind !== Tok.Require && kind !== Tok.Select && kind !== Tok.Skill;
}

export class Parser {
  readonly src: string;
  readonly tk: TokenStream;
  readonly kinds: Uint8Array;
  readonly last: number;
  pos = 0;
  depth = 0;
  /** >0 while trying a speculative parse (`f<T>(…)`): errors unwind without being recorded. */
  speculating = 0;
  /** Depth at which the current speculation gives up (see MAX_SPECULATION_DEPTH). */
  speculationLimit = MAX_DEPTH;
  readonly diagnostics: Diagnostic[];
  capped = false;

  constructor(src: string, tokens: TokenStream) {
    this.src = src;
    this.tk = tokens;
    this.kinds = tokens.kinds;
    this.last = tokens.count - 1;
    this.diagnostics = [];
  }

  /** Kind of the current token. */
  peek(): number {
    return this.kinds[this.pos]!;
  }
  /** Kind of the token `n` ahead (Eof past the end). */
  peekAt(n: number): number {
    const i = this.pos + n;
    return i >= this.last ? Tok.Eof : this.kinds[i]!;
  }
  at(kind: number): boolean {
    return this.kinds[this.pos] === kind;
  }
  /** Consumes the current token if it is `kind`. */
  eat(kind: number): boolean {
    if (this.kinds[this.pos] !== kind) return false;
    this.advance();
    return true;
  }
  advance(): number {
    const i = this.pos;
    if (i < this.last) this.pos++;
    return i;
  }
  skipNewlines(): void {
    while (this.kinds[this.pos] === Tok.Newline) this.pos++;
  }
  /** Index of the first non-newline token at or after the cursor (does not move). */
  afterNewlines(): number {
    let i = this.pos;
    while (this.kinds[i] === Tok.Newline) i++;
    return i;
  }
  /**
   * Skips newlines, then consumes `kind` or reports `Expected X <context> but found Y`. Returns the token index.
   * Error line (harn's `consume`): the break is skipped first, so the error is on the line of the token after it.
   */
  expect(kind: number, context: string): number {
    this.skipNewlines();
    if (this.kinds[this.pos] === kind) return this.advance();
    return this.fail('H201', `Expected ${tokenDisplay(kind)} ${context} but found ${this.found()}`);
  }
  /** Current identifier token's name, or null. */
  identName(): string | null {
    return this.kinds[this.pos] === Tok.Identifier ? (this.tk.values[this.pos] as string) : null;
  }
  /** True if the current token is the identifier `word` (contextual keywords). */
  atWord(word: string): boolean {
    return this.kinds[this.pos] === Tok.Identifier && this.tk.values[this.pos] === word;
  }
  wordAt(i: number): string | null {
    return this.kinds[i] === Tok.Identifier ? (this.tk.values[i] as string) : null;
  }
  /** Consumes a plain identifier (keywords rejected) after skipping newlines; `what` names it in the message. */
  expectIdent(what: string): string {
    this.skipNewlines();
    if (this.kinds[this.pos] === Tok.Identifier) return this.tk.values[this.advance()] as string;
    const kw = this.kinds[this.pos]! >= KW_FIRST && this.kinds[this.pos]! <= KW_LAST ? ' (a reserved keyword)' : '';
    return this.fail('H201', `Expected ${what} but found ${this.found()}${kw}`);
  }
  /** Description of the current token for messages: `"}"`, `"foo"`, `newline`, `end of file`. */
  found(): string {
    const k = this.kinds[this.pos]!;
    if (k === Tok.Newline || k === Tok.Eof) return tokenDisplay(k);
    let text = this.src.slice(this.tk.starts[this.pos], this.tk.ends[this.pos]);
    if (text.length > 24) text = text.slice(0, 21) + '...';
    return JSON.stringify(text);
  }

  start(i: number = this.pos): number {
    return this.tk.starts[i]!;
  }
  /** End offset of the last consumed token (Rust's "token just before the node is built"). */
  lastEnd(): number {
    return this.pos > 0 ? this.tk.ends[this.pos - 1]! : 0;
  }
  spanFrom(start: number): Span {
    const end = this.lastEnd();
    return { start, end: end < start ? start : end };
  }
  tokenSpan(i: number = this.pos): Span {
    return { start: this.tk.starts[i]!, end: this.tk.ends[i]! };
  }
  line(i: number = this.pos): number {
    return this.tk.lines[i]!;
  }
  /** Offset where the line of token `i` starts; cached per line so recovery on one huge line stays linear. */
  lineStartOf(i: number): number {
    const line = this.tk.lines[i]!;
    if (line === this.cachedLine) return this.cachedLineStart;
    this.cachedLine = line;
    this.cachedLineStart = this.src.lastIndexOf('\n', this.tk.starts[i]! - 1) + 1;
    return this.cachedLineStart;
  }
  private cachedLine = -1;
  private cachedLineStart = 0;

  /** Line where the last consumed token ends. */
  lastEndLine(): number {
    return this.pos > 0 ? this.tk.endLines[this.pos - 1]! : 1;
  }

  /** Records a diagnostic (respecting the cap and speculation). */
  report(code: DiagnosticCode, message: string, span: Span = this.tokenSpan()): void {
    if (this.speculating > 0) return;
    this.add(createDiagnostic(code, message, span));
  }
  /** Adds a finished diagnostic; past MAX_DIAGNOSTICS only one H302 note is added. */
  add(diagnostic: Diagnostic): void {
    if (this.diagnostics.length < MAX_DIAGNOSTICS) {
      this.diagnostics.push(diagnostic);
    } else if (!this.capped) {
      this.capped = true;
      this.diagnostics.push(createDiagnostic('H302', `Too many diagnostics; only the first ${MAX_DIAGNOSTICS} are shown`, diagnostic.span));
    }
  }
  /** Records a diagnostic and unwinds to the nearest statement list. */
  fail(code: DiagnosticCode, message: string, span?: Span): never {
    this.report(code, message, span);
    throw ABORT;
  }

  /** Enters one nesting level; past MAX_DEPTH reports H301 and unwinds. Callers restore `depth` on exit. */
  enter(): number {
    const d = this.depth;
    if (d >= MAX_DEPTH) this.fail('H301', `Nesting is too deep (more than ${MAX_DEPTH} levels)`);
    if (this.speculating > 0 && d >= this.speculationLimit) throw ABORT;
    this.depth = d + 1;
    return d;
  }
}
