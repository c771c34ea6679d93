// Prints an AST as one S-expression line per top-level item, for tests and debugging (Lezer/esbuild style).
// `(Kind key:value …)`; fields that are null, false or [] are omitted, except `value` (BoolLiteral false) and the
// nullable bodies listed below where `[]` differs from absent. Strings are JSON-quoted. Pure: depends only on ./ast.ts types.
import type { SNode } from './ast.ts';

/** Fields whose `[]` must print (an empty `else {}` is not the same as no else). */
const NULLABLE_LISTS = new Set(['elseBody', 'finallyBody', 'summarize', 'defaultBody']);

export interface SExprOptions {
  /** Append `@start..end` to every node that has a span. */
  spans?: boolean;
}

/** Prints a program (or a single node) as S-expressions, one top-level item per line. */
export function printSExpr(program: SNode[] | SNode, options: SExprOptions = {}): string {
  const items = Array.isArray(program) ? program : [program];
  return items.map((item) => printValue(item, options)).join('\n');
}

function printValue(value: unknown, options: SExprOptions): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map((v) => printValue(v, options)).join(' ')}]`;
  const record = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const [key, field] of Object.entries(record)) {
    if (key === 'kind' || key === 'span') continue;
    if (field === null || (field === false && key !== 'value')) continue;
    if (Array.isArray(field) && field.length === 0 && !NULLABLE_LISTS.has(key)) continue;
    parts.push(`${key}:${printValue(field, options)}`);
  }
  const span = record.span as { start: number; end: number } | undefined;
  const at = options.spans && span ? `@${span.start}..${span.end}` : '';
  const kind = typeof record.kind === 'string' ? record.kind : '';
  const body = parts.join(' ');
  if (kind) return `(${kind}${at}${body ? ' ' + body : ''})`;
  return `{${body}${at}}`;
}
