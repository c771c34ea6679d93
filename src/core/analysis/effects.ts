// A line-by-line port of shared/seeds/effects.rs (harn-vm 0.8.27): effect extraction from the harn_ir calls
// (./ir.ts) plus the seed's own harness-method AST walker, the ceiling clamp, subset violations and labels.
// Same function names (camelCase) in the same order; each function carries `// effects.rs: <fn>`.
// Beyond the seed, extraction also records the call-site spans of each record. Depends on ../syntax and ./ir.ts.
import type { Diagnostic, Span } from '../diagnostics.ts';
import type { SNode } from '../syntax/ast.ts';
import { parse } from '../syntax/index.ts';
import { callSemantics, collectHandlerCalls, literalDictGet, type CallSemantics, type CapabilityEffect, type LiteralValue } from './ir.ts';
import {
  canonicalizeAnalyzed,
  effectKey,
  effectRecord,
  effectsFromValue,
  llmKind,
  type AnalyzedEffect,
  type CapabilityPolicy,
  type EffectKind,
  type EffectRecord,
  type EffectScope,
} from './types.ts';

/** What `parse` returns; accepted wherever a source is, so callers parse once. */
export interface ParsedSource {
  program: SNode[];
  diagnostics: Diagnostic[];
}

/** The BTreeSet the seed collects into, keyed by the record's identity, with the call sites merged. */
export type EffectCollector = Map<string, AnalyzedEffect>;

/** Adds one call site of `effect` (`key` is its `effectKey`, when the caller already has it). */
export function insertEffect(out: EffectCollector, effect: EffectRecord, site: Span, key: string = effectKey(effect)): void {
  const existing = out.get(key);
  if (existing) existing.sites.push(site);
  else out.set(key, { effect, sites: [site] });
}

/** `parse_source` Ok/Err: the program, or null when the source has any error diagnostic. */
export function parsedProgram(sourceOrParse: string | ParsedSource): SNode[] | null {
  const parsed = typeof sourceOrParse === 'string' ? parse(sourceOrParse) : sourceOrParse;
  return parsed.diagnostics.some((d) => d.severity === 'error') ? null : parsed.program;
}

/**
 * The body of `compute_handoff_effects` before the ceiling clamp, keeping call sites: canonical order,
 * deduplicated. Null when the source does not parse (the seed then returns no effects).
 */
export function collectHandoffEffects(sourceOrParse: string | ParsedSource): AnalyzedEffect[] | null {
  const program = parsedProgram(sourceOrParse);
  if (program === null) return null;
  const collected: EffectCollector = new Map();

  // Builtin / host-call effects via the IR analyzer's Call nodes.
  for (const call of collectHandlerCalls(program)) {
    for (const effect of effectsFromCall(call.semantics)) insertEffect(collected, effect, call.span);
  }

  // Harness sub-handle method calls aren't builtin invocations, so the IR doesn't see them.
  for (const node of program) walkForHarnessEffects(node, collected);

  return canonicalizeAnalyzed([...collected.values()]);
}

// effects.rs: compute_handoff_effects
/** The child's handoff effects: parsed (or already-parsed) source, canonical order, clamped to `ceiling` if given. */
export function computeHandoffEffects(sourceOrParse: string | ParsedSource, ceiling?: CapabilityPolicy | null): EffectRecord[] {
  const collected = collectHandoffEffects(sourceOrParse);
  if (collected === null) return [];
  let effects = collected.map((item) => item.effect);
  if (ceiling) effects = effects.filter((effect) => effectAllowedByCeiling(effect, ceiling));
  return effects;
}

// effects.rs: effects_from_call
export function effectsFromCall(call: CallSemantics): EffectRecord[] {
  // Primary extraction: name-based builtin recognition (richest: resource, provider/model).
  const effect = builtinEffect(call.name);
  if (effect) return [annotateWithResource(effect, call)];
  if (call.name === 'host_call') {
    const operation = literalAsStr(call.literalArgs[0]);
    if (operation !== null) return [effectRecord({ kind: 'hostcall', name: operation }, hostcallScope(operation))];
  }
  // Fallback: capability classifications, only when the primary extraction found nothing.
  if (call.classification.kind === 'Capabilities') {
    return call.classification.effects.map(capabilityEffectToRecord).filter((record): record is EffectRecord => record !== null);
  }
  return [];
}

const STDIO_OBSERVE = new Set(['print', 'println', 'eprint', 'eprintln', 'write_stdout', 'write_stderr']);
const FS_READ = new Set(['read_file', 'read_file_bytes', 'read_file_result', 'read_lines', 'list_dir', 'walk_dir', 'glob', 'file_exists', 'stat']);
const FS_WRITE = new Set(['write_file', 'write_file_bytes', 'append_file', 'mkdir', 'copy_file', 'move_file']);
// Mirrors `is_network_call` in harn-ir; one Net kind for every transport.
const NET_WRITE = new Set([
  'http_get', 'http_post', 'http_put', 'http_patch', 'http_delete', 'http_request', 'http_download', 'http_session',
  'http_session_request', 'http_session_close', 'http_stream_open', 'http_stream_read', 'http_stream_close',
  'sse_connect', 'sse_receive', 'sse_close', 'sse_server_response', 'sse_server_send', 'sse_server_heartbeat',
  'sse_server_flush', 'sse_server_close', 'sse_server_cancel', 'websocket_connect', 'websocket_accept',
  'websocket_send', 'websocket_receive', 'websocket_close', 'websocket_route', 'websocket_server',
  'websocket_server_close',
]);
const LLM_WRITE = new Set([
  'llm_call', 'llm_call_safe', 'llm_stream_call', 'llm_call_structured', 'llm_call_structured_safe',
  'llm_call_structured_result', 'llm_completion', 'agent_llm_turn', 'agent_turn', 'agent_loop',
]);
const SPAWN_WRITE = new Set([
  'spawn_agent', 'send_input', 'resume_agent', 'wait_agent', 'close_agent', 'worker_trigger', '__host_sub_agent_run',
  '__host_worker_spawn', '__host_worker_send_input', '__host_worker_resume', '__host_worker_trigger',
  '__host_worker_wait', '__host_worker_close',
]);

// The field-less kinds, one object each, shared by every record that has them (frozen: records are never mutated): a
// 1,000-line program's result held ~300 copies of 7 kinds, and structured cloning pays per object.
const STDIO: EffectKind = Object.freeze({ kind: 'stdio' });
const FS: EffectKind = Object.freeze({ kind: 'fs' });
const NET: EffectKind = Object.freeze({ kind: 'net' });
const SPAWN: EffectKind = Object.freeze({ kind: 'spawn' });

// effects.rs: builtin_effect
export function builtinEffect(name: string): EffectRecord | null {
  if (STDIO_OBSERVE.has(name)) return effectRecord(STDIO, 'observe');
  if (name === 'read_stdin') return effectRecord(STDIO, 'read');
  if (FS_READ.has(name)) return effectRecord(FS, 'read');
  if (FS_WRITE.has(name)) return effectRecord(FS, 'write');
  if (name === 'delete_file') return effectRecord(FS, 'mutate');
  if (name === 'apply_edit') return effectRecord(FS, 'mutate');
  if (NET_WRITE.has(name)) return effectRecord(NET, 'write');
  if (LLM_WRITE.has(name)) return effectRecord(llmKind(), 'write');
  if (SPAWN_WRITE.has(name)) return effectRecord(SPAWN, 'write');
  // pipeline-declared tools dispatched through tool_call
  if (name === 'tool_call' || name === 'host_tool_call') return effectRecord({ kind: 'tool', name: '' }, 'write');
  return null;
}

// effects.rs: annotate_with_resource
export function annotateWithResource(effect: EffectRecord, call: CallSemantics): EffectRecord {
  // Best-effort: first literal arg (path / url / tool name) when statically derivable.
  const kind = effect.kind;
  if (kind.kind === 'llm') {
    let provider = kind.provider ?? null;
    let model = kind.model ?? null;
    for (const arg of call.literalArgs) {
      if (arg.kind === 'Dict') {
        const p = literalAsStr(literalDictGet(arg, 'provider'));
        if (p !== null) provider = p;
        const m = literalAsStr(literalDictGet(arg, 'model'));
        if (m !== null) model = m;
      }
    }
    return { ...effect, kind: llmKind(provider, model) };
  }
  if (kind.kind === 'tool') {
    const value = literalAsStr(call.literalArgs[0]);
    return value !== null ? { ...effect, kind: { kind: 'tool', name: value } } : effect;
  }
  const value = literalAsStr(call.literalArgs[0]);
  // `effect.resource = Some(value)` — direct assignment, so an empty literal stays Some("").
  return value !== null ? { ...effect, resource: value } : effect;
}

// effects.rs: capability_effect_to_record
export function capabilityEffectToRecord(effect: CapabilityEffect): EffectRecord | null {
  let kind: EffectKind;
  let scope: EffectScope;
  switch (effect.capability) {
    case 'WorkspaceMutation':
      [kind, scope] = [FS, 'mutate'];
      break;
    case 'CommandExecution':
      [kind, scope] = [{ kind: 'hostcall', name: `process.${effect.operation}` }, 'write'];
      break;
    case 'NetworkAccess':
      [kind, scope] = [NET, 'write'];
      break;
    case 'ConnectorAccess':
      [kind, scope] = [{ kind: 'hostcall', name: effect.operation === '' ? 'connector.call' : `connector.${effect.operation}` }, 'write'];
      break;
    case 'ModelCall':
      [kind, scope] = [llmKind(), 'write'];
      break;
    case 'WorkerDispatch':
      [kind, scope] = [SPAWN, 'write'];
      break;
    case 'HumanApproval':
    case 'AutonomyPolicy':
      return null;
  }
  const record: EffectRecord = { kind, scope };
  if (effect.path !== null) record.resource = effect.path;
  return record;
}

// effects.rs: hostcall_scope
export function hostcallScope(operation: string): EffectScope {
  if (operation.startsWith('workspace.read') || operation.startsWith('workspace.list')) return 'read';
  if (operation.startsWith('workspace.write') || operation === 'workspace.apply_edit') return 'mutate';
  if (operation.startsWith('process.')) return 'write';
  return 'write';
}

// effects.rs: literal_as_str
export function literalAsStr(value: LiteralValue | undefined): string | null {
  if (value?.kind === 'String') return value.value;
  if (value?.kind === 'Identifier') return value.name;
  return null;
}

/** Visits `roots` and every node below them in the seed's pre-order (a node, then its `childNodes` in order), with
 * a stack of its own: a 50,000-term `+` chain parses, so a walk must reach its end. */
export function forEachNodePreOrder(roots: readonly SNode[], visit: (node: SNode) => void): void {
  const stack: SNode[] = [...roots].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    const children = childNodes(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

// effects.rs: walk_for_harness_effects
export function walkForHarnessEffects(first: SNode, out: EffectCollector): void {
  forEachNodePreOrder([first], (node) => {
    const effect = harnessMethodEffect(node);
    if (effect) insertEffect(out, effect, node.span);
  });
}

// effects.rs: harness_method_effect
export function harnessMethodEffect(node: SNode): EffectRecord | null {
  if (node.kind !== 'MethodCall' && node.kind !== 'OptionalMethodCall') return null;
  const { object, method } = node;
  const handle = harnessSubHandle(object);
  if (!handle) return null;
  const [subHandle, root] = handle;
  if (!isHarnessRoot(root)) return null;
  const pair = harnessKindScope(subHandle, method);
  return pair ? effectRecord(pair[0], pair[1]) : null;
}

// The seed's `match (sub_handle, method)` table inside harness_method_effect.
function harnessKindScope(subHandle: string, method: string): [EffectKind, EffectScope] | null {
  switch (subHandle) {
    case 'stdio':
      if (['print', 'println', 'eprint', 'eprintln'].includes(method)) return [STDIO, 'observe'];
      if (method === 'read_line' || method === 'prompt') return [STDIO, 'read'];
      return null;
    case 'clock':
      return null;
    case 'env':
      if (method === 'set' || method === 'unset') return [{ kind: 'hostcall', name: 'env.set' }, 'mutate'];
      return [{ kind: 'hostcall', name: 'env.get' }, 'read'];
    case 'random':
      return null;
    case 'fs':
      if (['read_file', 'read_text', 'read', 'exists', 'list_dir', 'stat'].includes(method)) return [FS, 'read'];
      if (['write_file', 'write_text', 'append_file', 'mkdir', 'copy_file'].includes(method)) return [FS, 'write'];
      if (['delete_file', 'delete', 'remove'].includes(method)) return [FS, 'mutate'];
      return [FS, 'read'];
    case 'net':
      return [NET, 'write'];
    // System-introspection methods are pure host reads gated by the handle itself: no typed record.
    case 'system':
      return null;
    default:
      return null;
  }
}

// effects.rs: harness_sub_handle
export function harnessSubHandle(node: SNode): [string, SNode] | null {
  if (node.kind === 'PropertyAccess' || node.kind === 'OptionalPropertyAccess') return [node.property, node.object];
  return null;
}

// effects.rs: is_harness_root
export function isHarnessRoot(node: SNode): boolean {
  return node.kind === 'Identifier' && node.name === 'harness';
}

// effects.rs: child_nodes
// eslint-disable-next-line max-lines-per-function -- a line-by-line port of the seed's child_nodes (one arm per node kind), kept whole so it reads against the seed
export function childNodes(node: SNode): SNode[] {
  const children: SNode[] = [];
  switch (node.kind) {
    case 'AttributedDecl':
      children.push(node.inner);
      break;
    case 'Pipeline':
    case 'FnDecl':
    case 'ToolDecl':
    case 'SpawnExpr':
    case 'Retry':
    case 'TryExpr':
    case 'DeferStmt':
    case 'MutexBlock':
    case 'Block':
    case 'OverrideDecl':
      children.push(...node.body);
      break;
    case 'ImplBlock':
      children.push(...node.methods);
      break;
    case 'IfElse':
      children.push(node.condition, ...node.thenBody);
      if (node.elseBody) children.push(...node.elseBody);
      break;
    case 'ForIn':
      children.push(node.iterable, ...node.body);
      break;
    case 'WhileLoop':
      children.push(node.condition, ...node.body);
      break;
    case 'MatchExpr':
      children.push(node.value);
      for (const arm of node.arms) {
        if (arm.guard) children.push(arm.guard);
        children.push(...arm.body);
      }
      break;
    case 'CostRoute':
      for (const [, value] of node.options) children.push(value);
      children.push(...node.body);
      break;
    case 'ReturnStmt':
      if (node.value) children.push(node.value);
      break;
    case 'ThrowStmt':
      children.push(node.value);
      break;
    case 'TryCatch':
      children.push(...node.body, ...node.catchBody);
      if (node.finallyBody) children.push(...node.finallyBody);
      break;
    case 'SkillDecl':
      for (const [, value] of node.fields) children.push(value);
      break;
    case 'EvalPackDecl':
      for (const [, value] of node.fields) children.push(value);
      children.push(...node.body);
      if (node.summarize) children.push(...node.summarize);
      break;
    case 'LetBinding':
    case 'VarBinding':
      children.push(node.value);
      break;
    case 'ConstBinding':
      children.push(node.value);
      break;
    case 'DeadlineBlock':
      children.push(node.duration, ...node.body);
      break;
    case 'YieldExpr':
      if (node.value) children.push(node.value);
      break;
    case 'EmitExpr':
      children.push(node.value);
      break;
    case 'GuardStmt':
      children.push(node.condition, ...node.elseBody);
      break;
    case 'RequireStmt':
      children.push(node.condition);
      if (node.message) children.push(node.message);
      break;
    case 'HitlExpr':
      for (const arg of node.args) children.push(arg.value);
      break;
    case 'Parallel':
      children.push(node.expr, ...node.body);
      for (const [, value] of node.options) children.push(value);
      break;
    case 'SelectExpr':
      for (const c of node.cases) children.push(c.channel, ...c.body);
      if (node.timeout) children.push(node.timeout[0], ...node.timeout[1]);
      if (node.defaultBody) children.push(...node.defaultBody);
      break;
    case 'FunctionCall':
      children.push(...node.args);
      break;
    case 'MethodCall':
    case 'OptionalMethodCall':
      children.push(node.object, ...node.args);
      break;
    case 'PropertyAccess':
    case 'OptionalPropertyAccess':
      children.push(node.object);
      break;
    case 'SubscriptAccess':
    case 'OptionalSubscriptAccess':
      children.push(node.object, node.index);
      break;
    case 'SliceAccess':
      children.push(node.object);
      if (node.start) children.push(node.start);
      if (node.end) children.push(node.end);
      break;
    case 'BinaryOp':
      children.push(node.left, node.right);
      break;
    case 'UnaryOp':
      children.push(node.operand);
      break;
    case 'Ternary':
      children.push(node.condition, node.trueExpr, node.falseExpr);
      break;
    case 'Assignment':
      children.push(node.target, node.value);
      break;
    case 'EnumConstruct':
      children.push(...node.args);
      break;
    case 'StructConstruct':
      for (const entry of node.fields) children.push(entry.key, entry.value);
      break;
    case 'ListLiteral':
      children.push(...node.items);
      break;
    case 'DictLiteral':
      for (const entry of node.entries) children.push(entry.key, entry.value);
      break;
    case 'Spread':
      children.push(node.inner);
      break;
    case 'TryOperator':
    case 'TryStar':
      children.push(node.operand);
      break;
    case 'OrPattern':
      children.push(...node.items);
      break;
    case 'Closure':
      children.push(...node.body);
      break;
    case 'RangeExpr':
      children.push(node.start, node.end);
      break;
    default:
      break;
  }
  return children;
}

// effects.rs: effect_allowed_by_ceiling
/** The seed's clamp: capabilities map (when non-empty) must allow the capability/op; level must not exceed. */
export function effectAllowedByCeiling(effect: EffectRecord, ceiling: CapabilityPolicy): boolean {
  const capabilities = ceiling.capabilities ?? {};
  if (Object.keys(capabilities).length > 0) {
    const [capability, op] = effectCapabilityOp(effect);
    const ops = Object.prototype.hasOwnProperty.call(capabilities, capability) ? capabilities[capability] : undefined;
    const allowed = ops !== undefined && (ops.length === 0 || ops.some((allowedOp) => allowedOp === op));
    if (!allowed) return false;
  }
  const ceilingLevel = ceiling.side_effect_level;
  if (ceilingLevel !== undefined && ceilingLevel !== null) {
    const requested = sideEffectLevelFor(effect);
    if (requestedExceedsCeiling(requested, ceilingLevel)) return false;
  }
  return true;
}

// effects.rs: effect_capability_op
export function effectCapabilityOp(effect: EffectRecord): [string, string] {
  switch (effect.kind.kind) {
    case 'stdio':
      return effect.scope === 'read' ? ['stdio', 'read'] : ['stdio', 'write'];
    case 'fs':
      switch (effect.scope) {
        case 'read':
          return ['workspace', 'read_text'];
        case 'write':
          return ['workspace', 'write_text'];
        case 'mutate':
          return ['workspace', 'apply_edit'];
        case 'observe':
          return ['workspace', 'exists'];
      }
      break;
    case 'net':
      return ['network', 'http'];
    case 'llm':
      return ['llm', 'call'];
    case 'tool':
      return ['host', 'tool_call'];
    case 'hostcall':
      return ['connector', 'call'];
    case 'persona':
      return ['worker', 'dispatch'];
    case 'spawn':
      return ['worker', 'dispatch'];
  }
  return ['workspace', 'exists']; // unreachable: the scope switch above is exhaustive
}

// effects.rs: side_effect_level_for
export function sideEffectLevelFor(effect: EffectRecord): string {
  const kind = effect.kind;
  switch (kind.kind) {
    case 'stdio':
      return 'read_only';
    case 'fs':
      return effect.scope === 'read' || effect.scope === 'observe' ? 'read_only' : 'workspace_write';
    case 'net':
      return 'network';
    case 'llm':
      return 'network';
    case 'tool':
      return 'workspace_write';
    case 'hostcall':
      return kind.name.startsWith('process.') ? 'process_exec' : 'read_only';
    case 'persona':
      return 'workspace_write';
    case 'spawn':
      return 'workspace_write';
  }
}

/** The seed's `rank` inside requested_exceeds_ceiling; anything unknown ranks 5 (above every known level). */
export const SIDE_EFFECT_LEVEL_RANK: Readonly<Record<string, number>> = { none: 0, read_only: 1, workspace_write: 2, process_exec: 3, network: 4 };
export const UNKNOWN_LEVEL_RANK = 5;

export function sideEffectLevelRank(value: string): number {
  return Object.prototype.hasOwnProperty.call(SIDE_EFFECT_LEVEL_RANK, value) ? SIDE_EFFECT_LEVEL_RANK[value]! : UNKNOWN_LEVEL_RANK;
}

// effects.rs: requested_exceeds_ceiling
export function requestedExceedsCeiling(requested: string, ceiling: string): boolean {
  return sideEffectLevelRank(requested) > sideEffectLevelRank(ceiling);
}

// effects.rs: effects_from_metadata
/** Lifts the typed effect list a spawn config stashed under `metadata.effects`; anything invalid gives []. */
export function effectsFromMetadata(metadata: unknown): EffectRecord[] {
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) return [];
  if (!Object.prototype.hasOwnProperty.call(metadata, 'effects')) return [];
  return effectsFromValue((metadata as Record<string, unknown>).effects).value ?? [];
}

// effects.rs: parent_covers_child
/** Same kind family, scope at least as permissive, and a non-empty parent resource equal to the child's. */
export function parentCoversChild(parent: EffectRecord, child: EffectRecord): boolean {
  if (!effectKindFamilyMatches(parent.kind, child.kind)) return false;
  if (!effectScopeCovers(parent.scope, child.scope)) return false;
  if (parent.resource === '') return true;
  if (parent.resource !== undefined) return child.resource !== undefined && parent.resource === child.resource;
  return true;
}

// effects.rs: effect_kind_family_matches
export function effectKindFamilyMatches(parent: EffectKind, child: EffectKind): boolean {
  if (parent.kind === 'tool' && child.kind === 'tool') return parent.name === '' || parent.name === child.name;
  if (parent.kind === 'hostcall' && child.kind === 'hostcall') return parent.name === '' || parent.name === child.name;
  if (parent.kind === 'persona' && child.kind === 'persona') return parent.id === '' || parent.id === child.id;
  return parent.kind === child.kind; // stdio, fs, net, spawn, llm (any provider/model)
}

/** The seed's scope `rank`: Read and Observe rank equal. */
export function effectScopeRank(scope: EffectScope): number {
  return scope === 'read' || scope === 'observe' ? 1 : scope === 'write' ? 2 : 3;
}

// effects.rs: effect_scope_covers
export function effectScopeCovers(parent: EffectScope, child: EffectScope): boolean {
  return effectScopeRank(parent) >= effectScopeRank(child);
}

// effects.rs: effect_subset_violations
/** Child effects no parent record covers. `null` parent = skip; an empty parent flags every child effect. */
export function effectSubsetViolations(parent: readonly EffectRecord[] | null | undefined, child: readonly EffectRecord[]): EffectRecord[] {
  if (!parent) return [];
  return child.filter((effect) => !parent.some((allowed) => parentCoversChild(allowed, effect)));
}

// effects.rs: effect_kind_label
export function effectKindLabel(kind: EffectKind): string {
  switch (kind.kind) {
    case 'llm':
      if (kind.provider !== undefined && kind.model !== undefined) return `llm:${kind.provider}/${kind.model}`;
      if (kind.provider !== undefined) return `llm:${kind.provider}`;
      if (kind.model !== undefined) return `llm:${kind.model}`;
      return 'llm';
    case 'tool':
      return kind.name !== '' ? `tool:${kind.name}` : 'tool';
    case 'hostcall':
      return kind.name !== '' ? `hostcall:${kind.name}` : 'hostcall';
    case 'persona':
      return kind.id !== '' ? `persona:${kind.id}` : 'persona';
    default:
      return kind.kind;
  }
}

// effects.rs: effect_record_summary
/** `net:write (https://x)`; the resource part only when non-empty. */
export function effectRecordSummary(effect: EffectRecord): string {
  const label = effectKindLabel(effect.kind);
  return effect.resource !== undefined && effect.resource !== '' ? `${label}:${effect.scope} (${effect.resource})` : `${label}:${effect.scope}`;
}

/**
 * For the scheduler: the records one call node yields on its own — a FunctionCall via the IR path, a
 * HitlExpr via whatever the IR gives it (nothing), a (optional) method call via the seed's harness table.
 */
export function callEffects(node: SNode): EffectRecord[] {
  if (node.kind === 'FunctionCall' || node.kind === 'HitlExpr') {
    const semantics = callSemantics(node);
    return semantics ? effectsFromCall(semantics) : [];
  }
  if (node.kind === 'MethodCall' || node.kind === 'OptionalMethodCall') {
    const effect = harnessMethodEffect(node);
    return effect ? [effect] : [];
  }
  return [];
}
