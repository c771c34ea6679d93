// Effects harn's handoff analysis does not see: the same builtin / host_call / mcp classification (effectsFromCall)
// applied to every call anywhere in the program, minus the calls the IR lowering visits, each with where it is and
// why harn does not look there. Beside the seed-exact effects, never mixed into them (DESIGN §9).
// Calls to imported functions are "effects unknown: defined in MODULE". Depends on ../syntax, ./ir.ts, ./effects.ts.
import type { Span } from '../diagnostics.ts';
import type { SNode } from '../syntax/ast.ts';
import { parse } from '../syntax/index.ts';
import { collectHandlerCalls, collectHandlers, semanticsOf } from './ir.ts';
import { effectsFromCall, harnessMethodEffect, walkForHarnessEffects, type EffectCollector } from './effects.ts';
import type { EffectRecord } from './types.ts';

/** One call harn's handoff analysis does not see: its effect (null when unknown: an imported function), why, where. */
export interface UnseenEffect {
  effect: EffectRecord | null;
  reason: string;
  span: Span;
}

const HANDLER_KINDS = new Set(['FnDecl', 'ToolDecl', 'Pipeline']);
const IMPORT_KINDS = new Set(['ImportDecl', 'SelectiveImport']);

// Statement-shaped constructs the IR lowers only as statements; in expression position (`let x = try {…}`) the IR's
// expression builder ignores them, with everything inside.
const STATEMENT_CONSTRUCTS: Readonly<Record<string, string>> = {
  IfElse: 'if',
  TryExpr: 'try',
  TryCatch: 'try/catch',
  Parallel: 'parallel',
  SpawnExpr: 'spawn',
  ForIn: 'for',
  WhileLoop: 'while',
  Retry: 'retry',
  GuardStmt: 'guard',
  DeadlineBlock: 'deadline',
  SelectExpr: 'select',
  MutexBlock: 'mutex',
  DeferStmt: 'defer',
};

const REASON = {
  topLevel: 'in a top-level statement: harn analyzes only fn, tool and pipeline bodies',
  closure: 'inside a closure: harn does not walk closures (only with_* policy closures)',
  impl: 'in an impl method: harn analyzes only top-level fn, tool and pipeline bodies',
  nestedFn: 'in a nested fn: harn analyzes only top-level fn, tool and pipeline bodies',
  interpolation: 'inside string interpolation: harn does not look into interpolated expressions',
  constant: 'in a const initializer: harn does not walk const bindings',
  other: 'in an expression harn does not walk',
} as const;

const expressionPosition = (word: string) => `in an expression-position ${word}: harn walks ${word} only as a statement`;

function isNode(value: unknown): value is SNode {
  return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string' && typeof (value as { span?: unknown }).span === 'object';
}

// Lists of statements: the IR lowers their items as statements (so an `if` there is seen).
const isStatementList = (field: string) => field === 'body' || field.endsWith('Body') || field === 'methods';

interface Walk {
  /** The span objects of the calls harn sees (the IR's Call nodes and the seed walker's sites carry the node's own
   * span object, so identity is enough: no key strings on the keystroke path). */
  seen: Set<Span>;
  imports: Map<string, string>;
  out: UnseenEffect[];
  source: string | null;
  lineStarts: number[] | null;
  depth: number;
}

const MAX_WALK_DEPTH = 400;

function report(w: Walk, node: SNode, reason: string | null): void {
  // A call of an imported function is seen by the IR, but what it does is in a module harn does not open.
  const module = node.kind === 'FunctionCall' ? w.imports.get(node.name) : undefined;
  if (module !== undefined) {
    w.out.push({ effect: null, reason: `effects unknown: ${(node as { name: string }).name} is defined in ${module}, which harn's analysis does not open`, span: node.span });
    return;
  }
  if (w.seen.has(node.span)) return;
  if (node.kind === 'MethodCall' || node.kind === 'OptionalMethodCall') {
    const effect = harnessMethodEffect(node);
    if (effect) w.out.push({ effect, reason: reason ?? REASON.other, span: node.span });
    return;
  }
  if (node.kind !== 'FunctionCall') return;
  for (const effect of effectsFromCall(semanticsOf(node.name, node.args))) w.out.push({ effect, reason: reason ?? REASON.other, span: node.span });
}

function visit(w: Walk, node: SNode, reason: string | null, inStatementList: boolean, topLevel: boolean): void {
  if (++w.depth > MAX_WALK_DEPTH) return void w.depth--;
  let here = reason;
  if (node.kind === 'Closure') here = REASON.closure;
  else if (node.kind === 'InterpolatedString') here = REASON.interpolation;
  else if (node.kind === 'ImplBlock') here = REASON.impl;
  else if (node.kind === 'FnDecl' && !topLevel && here === null) here = REASON.nestedFn;
  else if (node.kind === 'ConstBinding' && here === null) here = REASON.constant;
  else if (!inStatementList && STATEMENT_CONSTRUCTS[node.kind] !== undefined) here = expressionPosition(STATEMENT_CONSTRUCTS[node.kind]!);
  report(w, node, here);
  if (node.kind === 'InterpolatedString') visitInterpolation(w, node, here!);
  const fields = node as unknown as Record<string, unknown>;
  for (const field in fields) {
    if (field === 'span' || field === 'kind') continue;
    const value = fields[field];
    if (typeof value === 'object' && value !== null) visitValue(w, value, here, Array.isArray(value) && isStatementList(field));
  }
  w.depth--;
}

function visitValue(w: Walk, value: unknown, reason: string | null, statements: boolean): void {
  if (Array.isArray(value)) {
    for (const item of value) visitValue(w, item, reason, statements);
  } else if (isNode(value)) {
    visit(w, value, reason, statements, false);
  } else if (typeof value === 'object' && value !== null) {
    // DictEntry, MatchArm, named args…: plain records holding nodes.
    const fields = value as Record<string, unknown>;
    for (const field in fields) {
      const inner = fields[field];
      if (typeof inner === 'object' && inner !== null) visitValue(w, inner, reason, Array.isArray(inner) && isStatementList(field));
    }
  }
}

// An interpolated expression is kept as its source text: parse it and walk it with spans moved into the program.
function visitInterpolation(w: Walk, node: Extract<SNode, { kind: 'InterpolatedString' }>, reason: string): void {
  if (w.source === null) return;
  w.lineStarts ??= lineStarts(w.source);
  for (const segment of node.segments) {
    if (segment.kind !== 'Expression') continue;
    const base = (w.lineStarts[segment.line - 1] ?? 0) + segment.column - 1;
    const parsed = parse(segment.source);
    if (parsed.diagnostics.some((d) => d.severity === 'error')) continue;
    const shifted = shiftSpans(parsed.program, base) as SNode[];
    for (const item of shifted) visit(w, item, reason, false, false);
  }
}

function lineStarts(source: string): number[] {
  const out = [0];
  for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) out.push(i + 1);
  return out;
}

function shiftSpans(value: unknown, by: number): unknown {
  if (Array.isArray(value)) return value.map((item) => shiftSpans(item, by));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = key === 'span' && typeof inner === 'object' && inner !== null ? { start: (inner as Span).start + by, end: (inner as Span).end + by } : shiftSpans(inner, by);
  }
  return out;
}

function importedNames(program: readonly SNode[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const item of program) if (item.kind === 'SelectiveImport') for (const name of item.names) out.set(name, item.path);
  return out;
}

/**
 * Every effectful call of `program` that harn's handoff analysis does not see (top-level statements, closures,
 * expression-position if/try/parallel/spawn, impl methods, nested fns, interpolation), and every call of an imported
 * function (its effects are unknown). In source order. `source` lets interpolated expressions be placed.
 */
export function collectUnseenEffects(program: readonly SNode[], source: string | null = null): UnseenEffect[] {
  const seen = new Set<Span>();
  for (const call of collectHandlerCalls(program)) seen.add(call.span);
  // The seed's own walker lifts harness.<sub>.<method>() calls from the nodes it visits: those are seen too.
  const harness: EffectCollector = new Map();
  for (const node of program) walkForHarnessEffects(node, harness);
  for (const item of harness.values()) for (const site of item.sites) seen.add(site);
  const w: Walk = { seen, imports: importedNames(program), out: [], source, lineStarts: null, depth: 0 };
  const handlers = new Set<SNode>(collectHandlers(program));
  for (const item of program) {
    const inner = item.kind === 'AttributedDecl' ? item.inner : item;
    if (IMPORT_KINDS.has(inner.kind)) continue;
    const isHandler = HANDLER_KINDS.has(inner.kind) && handlers.has(inner);
    visit(w, inner, isHandler ? null : REASON.topLevel, true, true);
  }
  return w.out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}
