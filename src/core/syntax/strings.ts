// String-literal scanning for the lexer: escapes, `${…}` interpolation segments and `"""` dedent rules
// (harn-syntax.md §1, harn-ast.md §5.14). Pure: depends only on ./ast.ts types.
import type { StringSegment } from './ast.ts';

export interface StringScanError {
  code: 'H102' | 'H104';
  message: string;
  start: number;
  end: number;
}

/** One scanned `"…"` / `"""…"""`: its segments, whether it had `${`, where it ended, and errors. */
export interface StringScan {
  segments: StringSegment[];
  interpolated: boolean;
  end: number;
  endLine: number;
  /** Offset where the line of `end` starts. */
  endLineStart: number;
  errors: StringScanError[];
}

/** Placeholder for an interpolation while dedenting a `"""` string: a non-blank character. */
const HOLE = '\uE000';

/**
 * Scans the string starting at `start` (its opening quote). `line` is the 1-based line of `start`, `col0` its
 * 0-based column. Never throws; an unterminated string ends at the line end (or EOF for `"""`).
 */
export function scanInterpolated(src: string, start: number, triple: boolean, line: number, col0: number): StringScan {
  const state = { line, lineStart: start - col0 };
  return triple ? scanTriple(src, start, state) : scanSingle(src, start, state);
}

interface Cursor {
  line: number;
  lineStart: number;
}

/** Finds the `}` closing a `${` whose body starts at `p` (brace counting only). Returns -1 if none. */
function findInterpolationEnd(src: string, p: number, allowNewline: boolean, cur: Cursor): number {
  let depth = 1;
  for (let i = p; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (c === 123) depth++;
    else if (c === 125) {
      if (--depth === 0) return i;
    } else if (c === 10) {
      if (!allowNewline) return -1;
      cur.line++;
      cur.lineStart = i + 1;
    }
  }
  return -1;
}

function expressionSegment(src: string, from: number, to: number, line: number, lineStart: number): StringSegment {
  return { kind: 'Expression', source: src.slice(from, to), line, column: from - lineStart + 1 };
}

function scanSingle(src: string, start: number, cur: Cursor): StringScan {
  const segments: StringSegment[] = [];
  const errors: StringScanError[] = [];
  let text = '';
  let interpolated = false;
  let p = start + 1;
  for (;;) {
    if (p >= src.length || src.charCodeAt(p) === 10) {
      errors.push({ code: 'H102', message: 'Unterminated string literal', start, end: p });
      break;
    }
    const c = src.charCodeAt(p);
    if (c === 34) {
      p++;
      break;
    }
    if (c === 92) {
      const n = src.charCodeAt(p + 1);
      const esc = n === 110 ? '\n' : n === 116 ? '\t' : n === 92 ? '\\' : n === 34 ? '"' : n === 36 ? '$' : null;
      if (esc !== null) {
        text += esc;
        p += 2;
      } else {
        text += '\\';
        p++;
      }
      continue;
    }
    if (c === 36 && src.charCodeAt(p + 1) === 123) {
      const exprStart = p + 2;
      const close = findInterpolationEnd(src, exprStart, false, cur);
      if (close < 0) {
        errors.push({ code: 'H104', message: 'Unterminated "${" interpolation in string', start: p, end: p + 2 });
        const nl = src.indexOf('\n', p);
        p = nl < 0 ? src.length : nl;
        break;
      }
      if (text) segments.push({ kind: 'Literal', value: text });
      text = '';
      interpolated = true;
      if (src.slice(exprStart, close).trim() === '') errors.push({ code: 'H104', message: 'Empty "${}" interpolation', start: p, end: close + 1 });
      segments.push(expressionSegment(src, exprStart, close, cur.line, cur.lineStart));
      p = close + 1;
      continue;
    }
    text += src[p];
    p++;
  }
  if (text || segments.length === 0) segments.push({ kind: 'Literal', value: text });
  return { segments, interpolated, end: p, endLine: cur.line, endLineStart: cur.lineStart, errors };
}

function scanTriple(src: string, start: number, cur: Cursor): StringScan {
  const errors: StringScanError[] = [];
  const holes: StringSegment[] = [];
  let template = '';
  let p = start + 3;
  let pieceStart = p;
  let closed = false;
  while (p < src.length) {
    const c = src.charCodeAt(p);
    if (c === 34 && src.charCodeAt(p + 1) === 34 && src.charCodeAt(p + 2) === 34) {
      template += src.slice(pieceStart, p);
      p += 3;
      closed = true;
      break;
    }
    if (c === 10) {
      cur.line++;
      cur.lineStart = p + 1;
      p++;
    } else if (c === 36 && src.charCodeAt(p + 1) === 123) {
      template += src.slice(pieceStart, p) + HOLE;
      const exprStart = p + 2;
      const exprLine = cur.line;
      const exprLineStart = cur.lineStart;
      const close = findInterpolationEnd(src, exprStart, true, cur);
      if (close < 0) {
        errors.push({ code: 'H104', message: 'Unterminated "${" interpolation in string', start: p, end: p + 2 });
        p = src.length;
        pieceStart = p;
        break;
      }
      if (src.slice(exprStart, close).trim() === '') errors.push({ code: 'H104', message: 'Empty "${}" interpolation', start: p, end: close + 1 });
      holes.push(expressionSegment(src, exprStart, close, exprLine, exprLineStart));
      p = close + 1;
      pieceStart = p;
    } else {
      p++;
    }
  }
  if (!closed) {
    template += src.slice(pieceStart, p);
    errors.push({ code: 'H102', message: 'Unterminated string literal', start, end: p });
  }
  const dedented = dedent(template);
  const segments: StringSegment[] = [];
  const pieces = dedented.split(HOLE);
  pieces.forEach((piece, i) => {
    if (piece) segments.push({ kind: 'Literal', value: piece });
    const hole = i < pieces.length - 1 ? holes[i] : undefined;
    if (hole) segments.push(hole);
  });
  if (segments.length === 0) segments.push({ kind: 'Literal', value: '' });
  return { segments, interpolated: holes.length > 0, end: p, endLine: cur.line, endLineStart: cur.lineStart, errors };
}

/** `"""` rules: drop one newline after the fence, strip common indentation of non-blank lines, drop a final newline. */
export function dedent(raw: string): string {
  let content = raw;
  if (content.startsWith('\r\n')) content = content.slice(2);
  else if (content.startsWith('\n')) content = content.slice(1);
  const lines = content.split('\n');
  let indent = Infinity;
  for (const line of lines) {
    let i = 0;
    while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
    if (i < line.length && line.slice(i).trim() !== '') indent = Math.min(indent, i);
  }
  if (indent === Infinity) indent = 0;
  const stripped = lines.map((line) => {
    let i = 0;
    while (i < indent && i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
    return line.slice(i);
  });
  if (stripped.length > 1 && stripped[stripped.length - 1]!.trim() === '') stripped.pop();
  return stripped.join('\n');
}
