// harn_ir 0.8.27's call collection, as described in shared/reference/harn-ir-semantics.md §2–§3: which
// top-level declarations are handlers, where the IR builder descends, and the CallSemantics (name,
// display_name, literal_args, classification) of each Call node. No CFG: only the Call nodes matter.
// Depends only on ../syntax/ast.ts types and ../diagnostics.ts.
import type { Span } from '../diagnostics.ts';
import type { SNode, NodeOf } from '../syntax/ast.ts';
import { compareRustStrings } from './types.ts';

/** `harn_ir::LiteralValue`. `Dict` entries are key-sorted (BTreeMap) with unique keys. */
export type LiteralValue =
  | { kind: 'String'; value: string }
  | { kind: 'Number'; value: string }
  | { kind: 'Bool'; value: boolean }
  | { kind: 'Nil' }
  | { kind: 'Identifier'; name: string }
  | { kind: 'Dict'; entries: [string, LiteralValue][] }
  | { kind: 'List'; items: LiteralValue[] }
  | { kind: 'Unknown' };

/** `harn_ir::Capability` (the 8 capability-era variants). */
export type Capability =
  | 'WorkspaceMutation'
  | 'CommandExecution'
  | 'NetworkAccess'
  | 'ConnectorAccess'
  | 'ModelCall'
  | 'WorkerDispatch'
  | 'HumanApproval'
  | 'AutonomyPolicy';

export interface CapabilityEffect {
  capability: Capability;
  operation: string;
  path: string | null;
}

export type PolicyScopeKind = 'Execution' | 'ToolApproval' | 'Command' | 'Egress' | 'Autonomy' | 'DynamicPermissions';

/** `harn_ir::CallClassification`; `Capabilities` is never empty (empty => Other). */
export type CallClassification =
  | { kind: 'Other' }
  | { kind: 'ApprovalGate' }
  | { kind: 'BudgetRead' }
  | { kind: 'PolicyGate'; scope: PolicyScopeKind }
  | { kind: 'PolicyPush'; scope: PolicyScopeKind }
  | { kind: 'PolicyPop'; scope: PolicyScopeKind }
  | { kind: 'Capabilities'; effects: CapabilityEffect[] };

/** `harn_ir::CallSemantics`. */
export interface CallSemantics {
  name: string;
  displayName: string;
  classification: CallClassification;
  literalArgs: LiteralValue[];
}

/** One IR `Call` node: its semantics and the span of the call expression that produced it. */
export interface IrCall {
  semantics: CallSemantics;
  span: Span;
}

/**
 * Choices for the rows harn-ir-semantics.md marks [uncertain] / [S1] ("believed to hold at 0.8.27").
 * Each follows S1, the closest readable source; flip one here and the tests in test/core/analysis name it.
 */
export const IR_CHOICES = {
  /** §2.2 [uncertain]: S1 walks only Let/Var; `const` initialisers fall into the ignore arm. */
  walkConstBinding: false,
  /** §2.2 ★[S1]: calls inside `with_*(p, { -> ... })` closures are inlined. */
  inlineWithPolicyClosures: true,
  /** §3.4 rule 5′ [uncertain, present in S1]: `write_file_bytes`, `move_file`, `mkdtemp` are WorkspaceMutation. */
  workspaceMutationExtras: true,
  /** §3.4 rule 7′ [uncertain, S1 only]: `spawn_captured` is CommandExecution. */
  spawnCapturedIsCommand: true,
  /** §3.4 rule 2 [S1 / uncertain]: BudgetRead names. */
  budgetReadNames: ['llm_budget_remaining', 'llm_budget', 'agent_budget'] as readonly string[],
  /** §4/§5: 0.8.27 does NOT lower `harness.<sub>.<m>()` into IR calls (the seed's own walker lifts them). Records the
   * choice only: there is no S1 lowering code to switch on. */
  lowerHarnessMethods: false,
} as const;

/** §2.2 special names: `with_*` policy calls whose closure at arg index 1 is walked inline; no Call node. */
export const WITH_POLICY_CALLS: readonly string[] = [
  'with_execution_policy',
  'with_approval_policy',
  'with_command_policy',
  'with_autonomy_policy',
  'with_dynamic_permissions',
];

// §3.4 rule 11 (= the seed's llm list), rule 12 (= spawn list), rule 13 (= net list).
export const MODEL_CALLS: readonly string[] = [
  'llm_call', 'llm_call_safe', 'llm_stream_call', 'llm_call_structured', 'llm_call_structured_safe',
  'llm_call_structured_result', 'llm_completion', 'agent_llm_turn', 'agent_turn', 'agent_loop',
];
export const WORKER_DISPATCH_CALLS: readonly string[] = [
  'spawn_agent', 'send_input', 'resume_agent', 'wait_agent', 'close_agent', 'worker_trigger', '__host_sub_agent_run',
  '__host_worker_spawn', '__host_worker_send_input', '__host_worker_resume', '__host_worker_trigger', '__host_worker_wait',
  '__host_worker_close',
];
export const NETWORK_CALLS: readonly string[] = [
  'http_get', 'http_post', 'http_put', 'http_patch', 'http_delete', 'http_request', 'http_download', 'http_session',
  'http_session_request', 'http_session_close', 'http_stream_open', 'http_stream_read', 'http_stream_close',
  'sse_connect', 'sse_receive', 'sse_close', 'sse_server_response', 'sse_server_send', 'sse_server_heartbeat',
  'sse_server_flush', 'sse_server_close', 'sse_server_cancel', 'websocket_accept', 'websocket_connect',
  'websocket_send', 'websocket_receive', 'websocket_close', 'websocket_route', 'websocket_server',
  'websocket_server_close',
];
// §3.4 rules 5/5′ and 7/7′.
const WORKSPACE_MUTATION_CALLS: readonly string[] = [
  'write_file', 'append_file', 'delete_file', 'mkdir', 'apply_edit',
  ...(IR_CHOICES.workspaceMutationExtras ? ['write_file_bytes', 'move_file', 'mkdtemp'] : []),
];
const COMMAND_CALLS: readonly string[] = ['exec', 'exec_at', 'shell', 'shell_at', ...(IR_CHOICES.spawnCapturedIsCommand ? ['spawn_captured'] : [])];

// classify_tool_call's substring tables (§3.4).
const TOOL_MUTATION_NAMES = ['write_file', 'append_file', 'copy_file', 'delete_file', 'mkdir', 'apply_edit', 'write', 'edit', 'delete', 'move', 'rename', 'patch'];
const TOOL_MUTATION_WORDS = ['write', 'edit', 'delete', 'move', 'rename', 'patch'];
const TOOL_COMMAND_WORDS = ['exec', 'shell', 'run', 'push_pr', 'create_pr', 'deploy'];
const HOST_WORKSPACE_MUTATION_WORDS = ['write', 'edit', 'delete', 'move', 'patch'];

/** `LiteralValue::as_str`: String or Identifier text. */
export function literalText(value: LiteralValue | undefined): string | null {
  if (value?.kind === 'String') return value.value;
  if (value?.kind === 'Identifier') return value.name;
  return null;
}

/** Looks up a Dict literal entry by key. */
export function literalDictGet(value: LiteralValue | undefined, key: string): LiteralValue | undefined {
  if (value?.kind !== 'Dict') return undefined;
  return value.entries.find(([k]) => k === key)?.[1];
}

/** Rust `f64` `Display`: shortest round-trip digits, never exponent form; `inf`/`NaN` spelled as Rust does. */
export function formatRustF64(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  const text = String(value);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, lead, frac = '', expText] = match;
  const exp = Number(expText);
  const digits = `${lead}${frac}`;
  if (exp >= 0) {
    const intLen = 1 + exp;
    return digits.length <= intLen ? `${sign}${digits}${'0'.repeat(intLen - digits.length)}` : `${sign}${digits.slice(0, intLen)}.${digits.slice(intLen)}`;
  }
  return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
}

function intText(value: number): string {
  // i64 above 2^53 has already lost precision in the AST; print without exponent. Numbers never reach an effect.
  return Number.isSafeInteger(value) ? String(value) : BigInt(Math.trunc(value)).toString();
}

// literal_value (§3.3).
export function literalValue(node: SNode): LiteralValue {
  switch (node.kind) {
    case 'StringLiteral':
    case 'RawStringLiteral':
      return { kind: 'String', value: node.value };
    case 'Identifier':
      return { kind: 'Identifier', name: node.name };
    case 'IntLiteral':
      return { kind: 'Number', value: intText(node.value) };
    case 'FloatLiteral':
      return { kind: 'Number', value: formatRustF64(node.value) };
    case 'BoolLiteral':
      return { kind: 'Bool', value: node.value };
    case 'NilLiteral':
      return { kind: 'Nil' };
    case 'DictLiteral':
      return literalDict(node.entries);
    case 'StructConstruct':
      return literalDict(node.fields);
    case 'ListLiteral':
      return { kind: 'List', items: node.items.map(literalValue) };
    default:
      return { kind: 'Unknown' };
  }
}

function literalDict(entries: NodeOf<'DictLiteral'>['entries']): LiteralValue {
  const map = new Map<string, LiteralValue>();
  for (const entry of entries) {
    const key = entry.key;
    // Named and quoted keys are StringLiteral; a computed `[k]` key keeps its node (Identifier => the name).
    const text = key.kind === 'StringLiteral' || key.kind === 'RawStringLiteral' ? key.value : key.kind === 'Identifier' ? key.name : null;
    if (text === null) continue;
    map.set(text, literalValue(entry.value)); // duplicate keys: last wins
  }
  const sorted = [...map.entries()].sort(([a], [b]) => compareRustStrings(a, b));
  return { kind: 'Dict', entries: sorted };
}

// display_name (§3.2).
function displayName(name: string, literalArgs: LiteralValue[]): string {
  if (name === 'mcp_call') return literalText(literalArgs[1]) ?? name;
  if (name === 'host_tool_call') return literalText(literalArgs[0]) ?? name;
  return name;
}

function capabilities(effects: CapabilityEffect[]): CallClassification {
  return effects.length === 0 ? { kind: 'Other' } : { kind: 'Capabilities', effects };
}

// classify_tool_call (§3.4).
export function classifyToolCall(tool: string, dictArg: LiteralValue | undefined): CapabilityEffect[] {
  const lower = tool.toLowerCase();
  const effects: CapabilityEffect[] = [{ capability: 'ConnectorAccess', operation: tool, path: null }];
  if (TOOL_MUTATION_NAMES.includes(lower) || TOOL_MUTATION_WORDS.some((w) => lower.includes(w))) {
    let path: string | null = null;
    for (const key of ['path', 'dst', 'destination', 'target']) {
      path = literalText(literalDictGet(dictArg, key));
      if (path !== null) break;
    }
    effects.push({ capability: 'WorkspaceMutation', operation: tool, path });
  }
  if (TOOL_COMMAND_WORDS.some((w) => lower.includes(w))) effects.push({ capability: 'CommandExecution', operation: tool, path: null });
  return effects;
}

// classify_host_call (§3.4).
export function classifyHostCall(arg0: LiteralValue | undefined): CapabilityEffect[] {
  const op = literalText(arg0);
  if (op === null) return [{ capability: 'ConnectorAccess', operation: 'host_call', path: null }];
  if (op.startsWith('process.')) return [{ capability: 'CommandExecution', operation: op, path: null }];
  if (op.startsWith('workspace.') && HOST_WORKSPACE_MUTATION_WORDS.some((w) => op.includes(w))) {
    return [{ capability: 'WorkspaceMutation', operation: op, path: null }];
  }
  return [{ capability: 'ConnectorAccess', operation: op, path: null }];
}

// classify_call (§3.4): first matching rule wins.
export function classifyCall(name: string, literalArgs: LiteralValue[]): CallClassification {
  if (name === 'request_approval') return { kind: 'ApprovalGate' }; // 1
  if (IR_CHOICES.budgetReadNames.includes(name)) return { kind: 'BudgetRead' }; // 2
  if (name === 'egress_policy') return { kind: 'PolicyGate', scope: 'Egress' }; // 3
  if (name === 'command_policy_push') return { kind: 'PolicyPush', scope: 'Command' }; // 4
  if (name === 'command_policy_pop') return { kind: 'PolicyPop', scope: 'Command' };
  if (WORKSPACE_MUTATION_CALLS.includes(name)) {
    return capabilities([{ capability: 'WorkspaceMutation', operation: name, path: literalText(literalArgs[0]) }]); // 5, 5′
  }
  if (name === 'copy_file') return capabilities([{ capability: 'WorkspaceMutation', operation: name, path: literalText(literalArgs[1]) }]); // 6
  if (COMMAND_CALLS.includes(name)) return capabilities([{ capability: 'CommandExecution', operation: name, path: null }]); // 7, 7′
  if (name === 'mcp_call') {
    const tool = literalText(literalArgs[1]); // 8
    return capabilities(tool !== null ? classifyToolCall(tool, literalArgs[2]) : [{ capability: 'ConnectorAccess', operation: name, path: null }]);
  }
  if (name === 'host_tool_call') {
    const tool = literalText(literalArgs[0]); // 9
    return capabilities(tool !== null ? classifyToolCall(tool, literalArgs[1]) : [{ capability: 'ConnectorAccess', operation: name, path: null }]);
  }
  if (name === 'host_call') return capabilities(classifyHostCall(literalArgs[0])); // 10
  if (MODEL_CALLS.includes(name)) return capabilities([{ capability: 'ModelCall', operation: name, path: null }]); // 11
  if (WORKER_DISPATCH_CALLS.includes(name)) return capabilities([{ capability: 'WorkerDispatch', operation: name, path: null }]); // 12
  if (NETWORK_CALLS.includes(name)) return capabilities([{ capability: 'NetworkAccess', operation: name, path: null }]); // 13
  if (name.startsWith('mcp_')) return capabilities([{ capability: 'ConnectorAccess', operation: name, path: null }]); // 14
  return { kind: 'Other' }; // 15
}

/** The semantics of a call with this name and these argument nodes. */
export function semanticsOf(name: string, args: SNode[]): CallSemantics {
  const literalArgs = args.map(literalValue);
  return { name, displayName: displayName(name, literalArgs), classification: classifyCall(name, literalArgs), literalArgs };
}

/**
 * The CallSemantics an IR `Call` node built from this AST node would carry: a `FunctionCall`, or a
 * `request_approval` HitlExpr (argument names dropped). Anything else (method calls included) is null.
 */
export function callSemantics(node: SNode): CallSemantics | null {
  if (node.kind === 'FunctionCall') return semanticsOf(node.name, node.args);
  if (node.kind === 'HitlExpr' && node.hitlKind === 'RequestApproval') {
    return semanticsOf('request_approval', node.args.map((arg) => arg.value));
  }
  return null;
}

/** collect_handlers (§2.1): top-level fn/tool/pipeline, through one AttributedDecl. */
export function collectHandlers(program: readonly SNode[]): NodeOf<'FnDecl' | 'ToolDecl' | 'Pipeline'>[] {
  const handlers: NodeOf<'FnDecl' | 'ToolDecl' | 'Pipeline'>[] = [];
  for (const item of program) {
    const inner = item.kind === 'AttributedDecl' ? item.inner : item;
    if (inner.kind === 'FnDecl' || inner.kind === 'ToolDecl' || inner.kind === 'Pipeline') handlers.push(inner);
  }
  return handlers;
}

/** Every IR Call node of every handler, in lowering order (order does not matter to effects). */
export function collectHandlerCalls(program: readonly SNode[]): IrCall[] {
  const out: IrCall[] = [];
  for (const handler of collectHandlers(program)) lowerBlock(handler.body, out);
  return out;
}

/** The IR calls of one handler body statement: `collectHandlerCalls` is these, statement after statement. */
export function lowerStatement(statement: SNode): IrCall[] {
  const out: IrCall[] = [];
  lower([stmt(statement)], out);
  return out;
}

function lowerBlock(stmts: readonly SNode[], out: IrCall[]): void {
  lower(stmts.map(stmt), out);
}

// One step of the lowering still to do. The walk keeps its own stack, not the JS one: a 50,000-term `+` chain
// parses (the parser builds it without recursing), so the lowering must reach its end too.
type Work = { k: 'stmt'; node: SNode } | { k: 'expr'; node: SNode } | { k: 'emit'; call: IrCall };
const stmt = (node: SNode): Work => ({ k: 'stmt', node });
const expr = (node: SNode): Work => ({ k: 'expr', node });
const block = (stmts: readonly SNode[]): Work[] => stmts.map(stmt);

/** Runs the work items in order, each expanding into the items it stands for (in harn's lowering order). */
function lower(first: Work[], out: IrCall[]): void {
  const stack: Work[] = first.reverse();
  while (stack.length > 0) {
    const work = stack.pop()!;
    if (work.k === 'emit') {
      out.push(work.call);
      continue;
    }
    const next = work.k === 'stmt' ? stmtWork(work.node) : exprWork(work.node);
    for (let i = next.length - 1; i >= 0; i--) stack.push(next[i]!);
  }
}

// build_stmt (§2.2, statement table).
function stmtWork(node: SNode): Work[] {
  switch (node.kind) {
    case 'LetBinding':
    case 'VarBinding':
      return [expr(node.value)];
    case 'ConstBinding':
      return IR_CHOICES.walkConstBinding ? [expr(node.value)] : [];
    case 'Assignment':
      return [expr(node.value)];
    case 'IfElse':
      return [expr(node.condition), ...block(node.thenBody), ...(node.elseBody ? block(node.elseBody) : [])];
    case 'GuardStmt':
      return [expr(node.condition), ...block(node.elseBody)];
    case 'ForIn':
      return [expr(node.iterable), ...block(node.body)];
    case 'WhileLoop':
      return [expr(node.condition), ...block(node.body)];
    case 'Retry':
      return [expr(node.count), ...block(node.body)];
    case 'Parallel':
      return [expr(node.expr), ...block(node.body)]; // not `options`
    case 'MatchExpr':
      return matchWork(node);
    case 'TryCatch':
      return [...block(node.body), ...block(node.catchBody), ...(node.finallyBody ? block(node.finallyBody) : [])];
    case 'TryExpr':
    case 'SpawnExpr':
    case 'DeferStmt':
    case 'MutexBlock':
    case 'Block':
      return block(node.body);
    case 'DeadlineBlock':
      return [expr(node.duration), ...block(node.body)];
    case 'SelectExpr': {
      const out: Work[] = [];
      for (const c of node.cases) out.push(expr(c.channel), ...block(c.body));
      if (node.timeout) out.push(expr(node.timeout[0]), ...block(node.timeout[1]));
      if (node.defaultBody) out.push(...block(node.defaultBody));
      return out;
    }
    case 'ReturnStmt':
      return node.value ? [expr(node.value)] : [];
    case 'ThrowStmt':
      return [expr(node.value)];
    default:
      return [expr(node)];
  }
}

function matchWork(node: NodeOf<'MatchExpr'>): Work[] {
  const out: Work[] = [expr(node.value)];
  for (const arm of node.arms) {
    if (arm.guard) out.push(expr(arm.guard));
    out.push(...block(arm.body));
  }
  return out;
}

// build_expr (§2.2, expression table).
function exprWork(node: SNode): Work[] {
  switch (node.kind) {
    case 'FunctionCall':
      return functionCallWork(node);
    case 'HitlExpr':
      return hitlWork(node);
    case 'MethodCall':
    case 'OptionalMethodCall':
      return [expr(node.object), ...node.args.map(expr)];
    case 'PropertyAccess':
    case 'OptionalPropertyAccess':
      return [expr(node.object)];
    case 'Spread':
      return [expr(node.inner)];
    case 'TryOperator':
    case 'TryStar':
    case 'UnaryOp':
      return [expr(node.operand)];
    case 'SubscriptAccess':
    case 'OptionalSubscriptAccess':
      return [expr(node.object), expr(node.index)];
    case 'SliceAccess':
      return [expr(node.object), ...(node.start ? [expr(node.start)] : []), ...(node.end ? [expr(node.end)] : [])];
    case 'BinaryOp':
      return [expr(node.left), expr(node.right)];
    case 'Ternary':
      return [expr(node.condition), expr(node.trueExpr), expr(node.falseExpr)];
    case 'ListLiteral':
    case 'OrPattern':
      return node.items.map(expr);
    case 'DictLiteral':
      return node.entries.flatMap((entry) => [expr(entry.key), expr(entry.value)]);
    case 'StructConstruct':
      return node.fields.flatMap((entry) => [expr(entry.key), expr(entry.value)]);
    case 'EnumConstruct':
      return node.args.map(expr);
    case 'Block':
      return block(node.body);
    case 'MatchExpr':
      return matchWork(node);
    default:
      return []; // closures, statement-only constructs in expression position, literals, … are ignored
  }
}

function functionCallWork(node: NodeOf<'FunctionCall'>): Work[] {
  const closureIndex = IR_CHOICES.inlineWithPolicyClosures && WITH_POLICY_CALLS.includes(node.name) ? 1 : node.name === 'dual_control' ? 2 : -1;
  if (closureIndex >= 0) {
    const out = node.args.filter((arg, i) => i !== closureIndex || arg.kind !== 'Closure').map(expr);
    const closure = node.args[closureIndex];
    if (closure?.kind === 'Closure') out.push(...block(closure.body)); // policy/approval scope; no Call node
    return out;
  }
  return [...node.args.map(expr), { k: 'emit', call: { semantics: semanticsOf(node.name, node.args), span: node.span } }];
}

// HITL lowering (§2.3).
function hitlWork(node: NodeOf<'HitlExpr'>): Work[] {
  if (node.hitlKind === 'DualControl') {
    const named = node.args.findIndex((arg) => arg.name === 'action');
    const actionIndex = named >= 0 ? named : 2;
    const out = node.args.filter((arg, i) => i !== actionIndex || arg.value.kind !== 'Closure').map((arg) => expr(arg.value));
    const action = node.args[actionIndex]?.value;
    if (action?.kind === 'Closure') out.push(...block(action.body));
    return out;
  }
  const out = node.args.map((arg) => expr(arg.value));
  if (node.hitlKind === 'RequestApproval') out.push({ k: 'emit', call: { semantics: semanticsOf('request_approval', node.args.map((arg) => arg.value)), span: node.span } });
  return out;
}
