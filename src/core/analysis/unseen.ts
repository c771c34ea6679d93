// Effects harn's handoff analysis does not see: the same builtin / host_call / mcp classification (effectsFromCall)
// applied to every call anywhere in the program, minus the calls the IR lowering visits, each with where it is and
// why harn does not look there. Beside the seed-exact effects, never mixed into them (DESIGN §9).
// Calls to imported functions are "effects unknown: defined in MODULE". Depends on ../syntax, ./ir.ts, ./effects.ts.
import type { Span } from '../diagnostics.ts';
import type { SNode } from '../syntax/ast.ts';
import { parse } from '../syntax/index.ts';
import { classifyCall, collectHandlerCalls, collectHandlers, semanticsOf, WITH_POLICY_CALLS } from './ir.ts';
import { unclassifiedBuiltin } from './builtins.ts';
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

// Calls that are neither harn-vm builtins nor the program's, yet known: the with_* policy calls harn's IR walks
// inline (§2.2), and yield_now(), the simulated scheduler's own await point (no outside effect).
const LANGUAGE_CALLS: ReadonlySet<string> = new Set([...WITH_POLICY_CALLS, 'yield_now']);

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
  /** Modules imported whole (`import "lib"`): a call of a name this program does not define may come from them. */
  wholeImports: string[];
  /** Names this program declares (functions, parameters, bindings): their calls are the program's own. */
  own: Set<string>;
  out: UnseenEffect[];
  source: string | null;
  lineStarts: number[] | null;
}

/** One node still to visit: its reason, whether it sits in a statement list, and the offset its spans are moved by
 * (an interpolated expression is parsed from its own text, so its spans start at 0). */
interface Frame {
  value: unknown;
  reason: string | null;
  statements: boolean;
  topLevel: boolean;
  base: number;
  /** The text `base` and the interpolation segments' lines refer to: the program, or an interpolated expression. */
  text: string | null;
}

const moved = (span: Span, base: number): Span => (base === 0 ? span : { start: span.start + base, end: span.end + base });

function unknownReason(w: Walk, name: string): string {
  const whole = w.wholeImports.length === 0 ? '' : `; it may come from ${w.wholeImports.join(', ')}, which harn's analysis does not open`;
  return `effects unknown: ${name} is neither a builtin harn-vm registers nor a function of this program${whole}`;
}

/** Calls by name: an unclassified effectful builtin is reported wherever it is (harn's IR sees the call but gives it
 * no effect); an unknown name is "effects unknown"; a seed-classified call only where harn does not look. */
function reportNamed(w: Walk, name: string, span: Span): boolean {
  if (w.own.has(name)) return false;
  const entry = unclassifiedBuiltin(name);
  if (entry === undefined) return false;
  for (const effect of entry.effects) w.out.push({ effect, reason: `needed by ${name}, which harn's handoff analysis does not classify; it ${entry.reason}`, span });
  return true;
}

function report(w: Walk, node: SNode, reason: string | null, base: number): void {
  const span = moved(node.span, base);
  // A call of an imported function is seen by the IR, but what it does is in a module harn does not open.
  const module = node.kind === 'FunctionCall' ? w.imports.get(node.name) : undefined;
  if (module !== undefined) {
    w.out.push({ effect: null, reason: `effects unknown: ${(node as { name: string }).name} is defined in ${module}, which harn's analysis does not open`, span });
    return;
  }
  if (node.kind === 'MethodCall' || node.kind === 'OptionalMethodCall') {
    // `event_log.emit(…)`: a builtin registered under a dotted name.
    if (node.object.kind === 'Identifier' && reportNamed(w, `${node.object.name}.${node.method}`, span)) return;
    if (w.seen.has(node.span)) return;
    const effect = harnessMethodEffect(node);
    if (effect) w.out.push({ effect, reason: reason ?? REASON.other, span });
    return;
  }
  if (node.kind !== 'FunctionCall') return;
  if (reportNamed(w, node.name, span)) return;
  const effects = effectsFromCall(semanticsOf(node.name, node.args));
  if (effects.length === 0 && classifyCall(node.name, []).kind === 'Other' && !w.own.has(node.name) && !LANGUAGE_CALLS.has(node.name)) {
    w.out.push({ effect: null, reason: unknownReason(w, node.name), span });
    return;
  }
  if (w.seen.has(node.span)) return;
  for (const effect of effects) w.out.push({ effect, reason: reason ?? REASON.other, span });
}

function reasonHere(node: SNode, reason: string | null, statements: boolean, topLevel: boolean): string | null {
  if (node.kind === 'Closure') return REASON.closure;
  if (node.kind === 'InterpolatedString') return REASON.interpolation;
  if (node.kind === 'ImplBlock') return REASON.impl;
  if (node.kind === 'FnDecl' && !topLevel && reason === null) return REASON.nestedFn;
  if (node.kind === 'ConstBinding' && reason === null) return REASON.constant;
  if (!statements && STATEMENT_CONSTRUCTS[node.kind] !== undefined) return expressionPosition(STATEMENT_CONSTRUCTS[node.kind]!);
  return reason;
}

// An explicit stack, not recursion: a 50,000-term `+` chain parses (the parser nests it without recursing) and must
// be walked to its end; no depth limit may hide a call.
function walk(w: Walk, first: Frame): void {
  const stack: Frame[] = [first];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { value, reason, statements, topLevel, base, text } = frame;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], reason, statements, topLevel: false, base, text });
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    const fields = value as Record<string, unknown>;
    let here = reason;
    if (isNode(value)) {
      here = reasonHere(value, reason, statements, topLevel);
      report(w, value, here, base);
      if (value.kind === 'InterpolatedString') pushInterpolation(w, value, here!, frame, stack);
    }
    // DictEntry, MatchArm, named args…: plain records holding nodes are walked like nodes.
    for (const field in fields) {
      if (field === 'span' || field === 'kind') continue;
      const inner = fields[field];
      if (typeof inner === 'object' && inner !== null) stack.push({ value: inner, reason: here, statements: Array.isArray(inner) && isStatementList(field), topLevel: false, base, text });
    }
  }
}

// An interpolated expression is kept as its source text: parse it and walk it with spans moved into the program.
function pushInterpolation(w: Walk, node: Extract<SNode, { kind: 'InterpolatedString' }>, reason: string, frame: Frame, stack: Frame[]): void {
  if (frame.text === null) return;
  const starts = frame.text === w.source ? (w.lineStarts ??= lineStarts(frame.text)) : lineStarts(frame.text);
  for (const segment of node.segments) {
    if (segment.kind !== 'Expression') continue;
    const at = frame.base + (starts[segment.line - 1] ?? 0) + segment.column - 1;
    const parsed = parse(segment.source);
    const error = parsed.diagnostics.find((d) => d.severity === 'error');
    if (error) {
      // Never silence: what an interpolated expression that does not parse would do is unknown.
      w.out.push({ effect: null, reason: `effects unknown: an interpolated expression does not parse (${error.message})`, span: { start: at, end: at + segment.source.length } });
      continue;
    }
    stack.push({ value: parsed.program, reason, statements: false, topLevel: false, base: at, text: segment.source });
  }
}

function lineStarts(source: string): number[] {
  const out = [0];
  for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) out.push(i + 1);
  return out;
}

const DECLARING_FIELDS: ReadonlySet<string> = new Set(['errorVar', 'bindingName', 'first', 'second', 'variable', 'alias']);

/** Every name the program declares (fn, tool, pipeline, parameters, bindings, patterns, catch variables): a call of
 * one of them runs the program's own code. Walked with a stack for the same reason as `walk`. */
function declaredNames(program: readonly SNode[]): Set<string> {
  const out = new Set<string>();
  const stack: unknown[] = [program];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      for (const item of value) if (typeof item === 'object' && item !== null) stack.push(item);
      else if (typeof item === 'string') out.add(item);
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    const fields = value as Record<string, unknown>;
    const kind = fields.kind;
    for (const field in fields) {
      const inner = fields[field];
      if (typeof inner === 'string') {
        // A call's or a reference's name is a use, not a declaration.
        // (A binding pattern `x` is {kind: 'Identifier', name} without a span; the expression `x` has one.)
        const use = kind === 'FunctionCall' || kind === 'Named' || kind === 'Applied' || (kind === 'Identifier' && 'span' in fields);
        if ((field === 'name' && !use) || DECLARING_FIELDS.has(field)) out.add(inner);
      } else if (typeof inner === 'object' && inner !== null && field !== 'span') {
        if (field === 'params' && Array.isArray(inner)) for (const p of inner) if (typeof p === 'string') out.add(p);
        stack.push(inner);
      }
    }
  }
  return out;
}

function wholeImports(program: readonly SNode[]): string[] {
  return program.flatMap((item) => (item.kind === 'ImportDecl' ? [item.path] : []));
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
  const w: Walk = { seen, imports: importedNames(program), wholeImports: wholeImports(program), own: declaredNames(program), out: [], source, lineStarts: null };
  const handlers = new Set<SNode>(collectHandlers(program));
  for (const item of program) {
    const inner = item.kind === 'AttributedDecl' ? item.inner : item;
    if (IMPORT_KINDS.has(inner.kind)) continue;
    const isHandler = HANDLER_KINDS.has(inner.kind) && handlers.has(inner);
    walk(w, { value: inner, reason: isHandler ? null : REASON.topLevel, statements: true, topLevel: true, base: 0, text: source });
  }
  return w.out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}
