// Lowers a Scenario into a TaskSet: the parent's and each child's worker life cycle around a body
// interpreted from its Harn AST just enough to order its effectful calls (see MODEL.md for every modelling
// decision). Also decides HARN-CAP-301 refusals at spawn. Depends on ../syntax, ../analysis, ../scenario.
import { narrationText } from '../report/escape.ts';
import { shownText } from '../text.ts';
import { createDiagnostic, type Diagnostic, type Span } from '../diagnostics.ts';
import {
  callEffects,
  childNodes,
  computeHandoffEffects,
  effectRecordSummary,
  effectsFromValue,
  effectSubsetViolations,
  grantErrorSummary,
  playgroundSpawns,
  spawnNamesOf,
  type EffectRecord,
} from '../analysis/index.ts';
import type { Scenario } from '../scenario/types.ts';
import type { SNode } from '../syntax/ast.ts';
import { parse } from '../syntax/index.ts';
import { SLOT } from './catalog.ts';
import { createSlotTable, slotReadBy, type AddedSlot, type SlotTable } from './slotTable.ts';
import {
  op,
  type Admission,
  type AwaitOpKind,
  type CheckSpec,
  type Op,
  type SpawnRefusal,
  type TaskProgram,
  type TaskSet,
} from './ops.ts';
import {
  createContextValue,
  createOwnedValue,
  createPolicyValue,
  createSessionValue,
  createSourceDirValue,
  type PolicyCeiling,
} from './scope.ts';

/** How deep calls to the program's own functions are followed: recursion unrolls at most this far (a
 * recursive helper rarely matters past a few levels for the order of capability checks). A program's own function
 * called past it is not simulated: an S559 error at that call, and the run is incomplete. */
export const MAX_CALL_DEPTH = 8;

/** Ops per task program: literal loops and fanned-out calls multiply bodies; past this the program is cut (an S552
 * error where it was cut, and the run is incomplete). A lesson has under 100 ops and a 1,000-line program a few
 * thousand; a traced run keeps at most MAX_TRACE_STEPS steps, which 20,000 ops already outlast. The bound keeps
 * the compile of eight children whose calls fan out exponentially to a fraction of a second (it was 50,000: over
 * a second per scenario). */
export const MAX_TASK_OPS = 20_000;

/** A diagnostic about one task's program. */
export interface TaskDiagnostic {
  task: string;
  diagnostic: Diagnostic;
}

export interface CompiledScenario {
  taskSet: TaskSet;
  diagnostics: TaskDiagnostic[];
}

const PROCESS_CALLS = new Set(['exec', 'exec_at', 'shell', 'shell_at', 'spawn_captured']);
const DECLARATION_KINDS = new Set([
  'FnDecl',
  'ToolDecl',
  'SkillDecl',
  'EvalPackDecl',
  'Pipeline',
  'ImportDecl',
  'SelectiveImport',
  'EnumDecl',
  'StructDecl',
  'InterfaceDecl',
  'ImplBlock',
  'TypeDecl',
  'AttributedDecl',
]);

type Latency = Scenario['run']['latency'];

function ticksFor(kind: AwaitOpKind, latency: Latency): number {
  return kind === 'event' || kind === 'connector' ? latency.default : latency[kind];
}

function peel(node: SNode): SNode {
  return node.kind === 'AttributedDecl' ? node.inner : node;
}

/** The entry handler: the first `pipeline`, else `fn main`. */
function entryBody(program: readonly SNode[]): SNode[] {
  const items = program.map(peel);
  const pipeline = items.find((n) => n.kind === 'Pipeline');
  if (pipeline && pipeline.kind === 'Pipeline') return pipeline.body;
  const main = items.find((n) => n.kind === 'FnDecl' && n.name === 'main');
  return main && main.kind === 'FnDecl' ? main.body : [];
}

function literalText(node: SNode | undefined): string | null {
  if (!node) return null;
  if (node.kind === 'StringLiteral' || node.kind === 'RawStringLiteral') return node.value;
  return null;
}

function calleeName(node: SNode): string | null {
  if (node.kind === 'FunctionCall') return node.name;
  if (node.kind === 'MethodCall' || node.kind === 'OptionalMethodCall') {
    const parts: string[] = [node.method];
    let object: SNode = node.object;
    while (object.kind === 'PropertyAccess' || object.kind === 'OptionalPropertyAccess') {
      parts.unshift(object.property);
      object = object.object;
    }
    if (object.kind === 'Identifier') parts.unshift(object.name);
    return parts.join('.');
  }
  return null;
}

interface Emitter {
  owner: string;
  /** The scenario's added slots: their calls read them (by kind), every task installs its own value. */
  added: readonly AddedSlot[];
  ops: Op[];
  fns: Map<string, SNode[]>;
  latency: Latency;
  /** Parent only: the op that spawns every child, emitted once at the first spawn site. */
  spawnOp: Op | null;
  spawned: boolean;
  truncated: boolean;
  /** Where the program was cut at MAX_TASK_OPS: the first op left out's span (null: none known). */
  truncatedAt?: Span | null;
  /** The first call of the program's own function past MAX_CALL_DEPTH (not followed). */
  depthCut?: { name: string; span: Span };
}

function emit(e: Emitter, o: Op): void {
  if (e.ops.length >= MAX_TASK_OPS) {
    e.truncated = true;
    if (e.truncatedAt === undefined) e.truncatedAt = 'span' in o ? o.span : null;
    return;
  }
  e.ops.push(o);
}

function emitSpawn(e: Emitter, span: Span): boolean {
  if (!e.spawnOp || e.spawned) return false;
  e.spawned = true;
  emit(e, { ...e.spawnOp, span });
  return true;
}

// Lowers one effectful call: the check, then what the call holds across its await.
function lowerCall(e: Emitter, node: SNode, name: string, effects: EffectRecord[]): boolean {
  const literal =
    node.kind === 'FunctionCall' || node.kind === 'MethodCall' || node.kind === 'OptionalMethodCall'
      ? literalText(node.args[0])
      : null;
  // The target is only ever shown (narration, consequences): hidden characters visible, a huge literal cut.
  const target = literal === null ? null : shownText(literal);
  const kinds = new Set(effects.map((effect) => effect.kind.kind));
  const hostNames = effects.flatMap((effect) => (effect.kind.kind === 'hostcall' ? [effect.kind.name] : []));
  const isFs = kinds.has('fs');
  const isWrite = effects.some(
    (effect) => effect.kind.kind === 'fs' && effect.scope !== 'read' && effect.scope !== 'observe',
  );
  const isProcess = PROCESS_CALLS.has(name) || hostNames.some((h) => h.startsWith('process.'));
  const isModel = kinds.has('llm');
  const isHostCall = name === 'host_call';
  const isConnector = name.startsWith('mcp_') || hostNames.some((h) => h.startsWith('connector.'));
  // An fs check must resolve a relative target against the cwd before it can check the path against the
  // policy, so it reads the execution context first; a write then attributes its audit record to the session.
  const reads = isFs ? [SLOT.executionContext, SLOT.executionPolicy] : [SLOT.executionPolicy];
  if (isWrite) reads.push(SLOT.mutationSession);
  if (isProcess) reads.push(SLOT.commandPolicy, SLOT.commandHookDepth);
  if (isModel) reads.push(SLOT.autonomy);
  if (isHostCall) reads.push(SLOT.trustedBridgeDepth);
  const callKinds = { isFs, isNet: kinds.has('net'), isModel, isProcess, isHost: isHostCall || kinds.has('hostcall') };
  for (const { index, slot } of e.added) if (slotReadBy(slot.reads, callKinds)) reads.push(index);
  const check: CheckSpec = { call: name, effects, reads, target, isFs, isWrite, escapes: [] };
  const span = node.span;
  emit(e, op.check(check, span));
  const spawnedHere = kinds.has('spawn') && emitSpawn(e, span);
  const awaitKind: AwaitOpKind | null = isModel
    ? 'llm'
    : isHostCall
      ? 'host'
      : isConnector
        ? 'connector'
        : kinds.has('net')
          ? 'net'
          : kinds.has('spawn')
            ? 'spawn'
            : kinds.has('tool')
              ? 'tool'
              : null;
  if (awaitKind === null) return spawnedHere;
  if (isModel) emit(e, op.push(SLOT.llmRender, createOwnedValue('llm-frame', 'llm', e.owner), span));
  if (isConnector)
    emit(e, op.push(SLOT.connector, createOwnedValue('connector-frame', 'connector', e.owner), span));
  if (isHostCall) emit(e, op.inc(SLOT.trustedBridgeDepth, span));
  emit(e, op.wait(awaitKind, ticksFor(awaitKind, e.latency), name, span));
  if (isHostCall) emit(e, op.dec(SLOT.trustedBridgeDepth, span));
  if (isConnector) {
    emit(e, op.read(SLOT.connector, `its ${name} result`, span));
    emit(e, op.pop(SLOT.connector, span));
  }
  if (isModel) {
    emit(e, op.read(SLOT.llmRender, `rendering its ${name} response`, span));
    emit(e, op.pop(SLOT.llmRender, span));
  }
  return spawnedHere;
}

interface WalkState {
  depth: number;
  returned: boolean;
  thrown: boolean;
  tryDepth: number;
}

function walkBody(e: Emitter, body: readonly SNode[], w: WalkState): void {
  for (const stmt of body) {
    if (w.returned || w.thrown || e.truncated) return;
    const spawnedBefore = e.spawned;
    walk(e, stmt, w);
    // A fan-out opened by this statement is joined when the statement completes.
    if (!spawnedBefore && e.spawned && e.spawnOp) emit(e, op.join(stmt.span));
  }
}

function walk(e: Emitter, node: SNode, w: WalkState): void {
  if (w.returned || w.thrown || e.truncated || DECLARATION_KINDS.has(node.kind)) return;
  if (!walkStatement(e, node, w)) walkExpression(e, node, w);
}

// An expression is walked with a stack of its own, children before the node (a call's arguments run before it): a
// 50,000-term `+` chain parses, so the compiler must reach its end. Statements nest only as deep as the parser allows.
function walkExpression(e: Emitter, first: SNode, w: WalkState): void {
  const stack: { node: SNode; done: boolean }[] = [{ node: first, done: false }];
  while (stack.length > 0) {
    const { node, done } = stack.pop()!;
    if (w.returned || w.thrown || e.truncated) return;
    if (done) {
      walkCall(e, node, w);
      continue;
    }
    if (DECLARATION_KINDS.has(node.kind) || (node !== first && walkStatement(e, node, w))) continue;
    stack.push({ node, done: true });
    const children = childNodes(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, done: false });
  }
}

/** Walks the statement-shaped constructs; false for anything else (an expression, walked by `walkExpression`). */
function walkStatement(e: Emitter, node: SNode, w: WalkState): boolean {
  switch (node.kind) {
    case 'IfElse':
      walk(e, node.condition, w);
      if (node.condition.kind === 'BoolLiteral' && !node.condition.value) walkBody(e, node.elseBody ?? [], w);
      else walkBody(e, node.thenBody, w);
      return true;
    case 'ForIn': {
      walk(e, node.iterable, w);
      const times = node.iterable.kind === 'ListLiteral' ? node.iterable.items.length : 1;
      for (let i = 0; i < times && !w.returned && !w.thrown; i++) walkBody(e, node.body, w);
      return true;
    }
    case 'WhileLoop':
      walk(e, node.condition, w);
      walkBody(e, node.body, w);
      return true;
    case 'Parallel':
    case 'SpawnExpr':
      if (node.kind === 'Parallel') walk(e, node.expr, w);
      emitSpawn(e, node.span);
      walkBody(e, node.body, w);
      return true;
    case 'ReturnStmt':
      if (node.value) walk(e, node.value, w);
      w.returned = true;
      return true;
    case 'ThrowStmt':
      walk(e, node.value, w);
      if (w.tryDepth > 0) {
        w.thrown = true;
        return true;
      }
      emit(e, op.throw(literalText(node.value) ?? 'throw', node.span));
      w.thrown = true;
      return true;
    case 'TryCatch': {
      w.tryDepth++;
      walkBody(e, node.body, w);
      w.tryDepth--;
      if (w.thrown) {
        w.thrown = false;
        walkBody(e, node.catchBody, w);
      }
      if (node.finallyBody) walkBody(e, node.finallyBody, w);
      return true;
    }
    default:
      return false;
  }
}

/** After its children: a call of the program's own function is inlined, an await or an effectful call emitted. */
function walkCall(e: Emitter, node: SNode, w: WalkState): void {
  const name = calleeName(node);
  if (name === null) return;
  if (node.kind === 'FunctionCall') {
    const own = e.fns.get(name);
    if (own) {
      if (w.depth < MAX_CALL_DEPTH) {
        const inner: WalkState = { depth: w.depth + 1, returned: false, thrown: false, tryDepth: w.tryDepth };
        walkBody(e, own, inner);
        w.thrown = inner.thrown;
      } else e.depthCut ??= { name, span: node.span };
      return;
    }
    if (name === 'sleep' || name === 'yield_now') {
      const kind: AwaitOpKind = name === 'sleep' ? 'sleep' : 'yield';
      emit(e, op.wait(kind, ticksFor(kind, e.latency), `${name}()`, node.span));
      return;
    }
  }
  const effects = callEffects(node);
  if (effects.length > 0) lowerCall(e, node, name, effects);
}

function ownFunctions(program: readonly SNode[]): Map<string, SNode[]> {
  const fns = new Map<string, SNode[]>();
  for (const item of program.map(peel)) {
    if ((item.kind === 'FnDecl' || item.kind === 'ToolDecl') && !fns.has(item.name))
      fns.set(item.name, item.body);
  }
  return fns;
}

interface ProgramBody {
  program: SNode[];
  parsed: boolean;
  diagnostics: Diagnostic[];
}

function parseProgram(source: string): ProgramBody {
  const result = parse(source);
  const parsed = !result.diagnostics.some((d) => d.severity === 'error');
  return { program: result.program, parsed, diagnostics: result.diagnostics };
}

// `EGRESS_TENANT_STACK` → `egress_tenant`: the label an added slot's values carry, `egress_tenant(alpha)`.
function addedValueName(name: string): string {
  return name.replace(/_(STACK|DEPTH|CONTEXT|SESSION|CTX)$/, '').toLowerCase();
}

// Each task installs its own value of every added slot after its own context, and undoes it first: the same
// life cycle as the seed's slots, so an uncaptured one held across an await is overwritten by a sibling.
function addedSlotOps(owner: string, added: readonly AddedSlot[]): { install: Op[]; undo: Op[] } {
  const install: Op[] = [];
  const undo: Op[] = [];
  for (const { index, slot } of added) {
    const value = createOwnedValue('marker', addedValueName(slot.name), owner);
    if (slot.shape === 'stack') {
      install.push(op.push(index, value));
      undo.unshift(op.pop(index));
    } else if (slot.shape === 'option') {
      install.push(op.set(index, value));
      undo.unshift(op.unset(index));
    } else {
      install.push(op.inc(index));
      undo.unshift(op.dec(index));
    }
  }
  return { install, undo };
}

// Prologue and epilogue of the worker life cycle; `ceiling` null = unconstrained.
function lifeCycle(
  owner: string,
  ceiling: PolicyCeiling | null,
  role: 'parent' | 'child',
  added: readonly AddedSlot[],
): { prologue: Op[]; epilogue: Op[] } {
  const own = addedSlotOps(owner, added);
  const prologue: Op[] = [
    op.push(SLOT.executionPolicy, createPolicyValue(owner, ceiling)),
    op.push(SLOT.approvalPolicy, createOwnedValue('approval', 'approval', owner)),
  ];
  if (role === 'parent')
    prologue.push(op.push(SLOT.autonomy, createOwnedValue('autonomy', 'autonomy', owner)));
  prologue.push(
    op.set(SLOT.executionContext, createContextValue(owner)),
    op.set(SLOT.sourceDir, createSourceDirValue(owner)),
    op.set(SLOT.mutationSession, createSessionValue(owner)),
    op.push(SLOT.runtimeContext, createOwnedValue('overlay', role === 'parent' ? 'run' : 'worker', owner)),
    ...own.install,
  );
  const epilogue: Op[] = [
    ...own.undo,
    op.pop(SLOT.runtimeContext),
    op.unset(SLOT.mutationSession),
    op.unset(SLOT.sourceDir),
    op.unset(SLOT.executionContext),
  ];
  if (role === 'parent') epilogue.push(op.pop(SLOT.autonomy));
  epilogue.push(op.pop(SLOT.approvalPolicy), op.pop(SLOT.executionPolicy));
  return { prologue, epilogue };
}

function compileBody(e: Emitter, body: ProgramBody): void {
  if (!body.parsed) return;
  const w: WalkState = { depth: 0, returned: false, thrown: false, tryDepth: 0 };
  const topLevel = body.program.filter((n) => !DECLARATION_KINDS.has(n.kind));
  walkBody(e, topLevel, w);
  if (!w.returned && !w.thrown) walkBody(e, entryBody(body.program), w);
}

const NO_SPAN: Span = { start: 0, end: 0 };

/** Compiles a (normalized, validated) scenario. Never throws; problems become task diagnostics. */
export function compileScenario(scenario: Scenario): CompiledScenario {
  const diagnostics: TaskDiagnostic[] = [];
  const { parent, children, run } = scenario;
  const parentBody = parseProgram(parent.source);
  const childBodies = children.map((child) => parseProgram(child.source));
  const note = (task: string, body: ProgramBody): void => {
    if (body.parsed) return;
    diagnostics.push({
      task,
      diagnostic: createDiagnostic(
        'S550',
        `${task} does not parse: it runs its worker life cycle with no body`,
        body.diagnostics[0]?.span ?? NO_SPAN,
      ),
    });
  };
  note(parent.name, parentBody);
  children.forEach((child, i) => note(child.name, childBodies[i]!));

  // The grant children must stay within: the explicit grant, else the parent's computed effects.
  let grant: EffectRecord[] | null = null;
  // An explicit grant that does not decode fails closed: no child is spawned (never "no refusal").
  let invalidGrant: SpawnRefusal | null = null;
  if (parent.grant !== null) {
    const decoded = effectsFromValue(parent.grant);
    grant = decoded.value;
    if (decoded.errors.length > 0) {
      const record = grantErrorSummary(decoded.errors);
      invalidGrant = { message: `the parent grant is invalid (${record}), so no child is spawned.`, violations: [] };
      diagnostics.push({
        task: parent.name,
        diagnostic: createDiagnostic('S553', `The parent grant is invalid, so no child is spawned: ${record}`, NO_SPAN),
      });
    }
  } else if (parentBody.parsed)
    grant = computeHandoffEffects({ program: parentBody.program, diagnostics: parentBody.diagnostics });
  if (grant === null && invalidGrant === null) {
    diagnostics.push({
      task: parent.name,
      diagnostic: createDiagnostic(
        'S551',
        'The parent grant is unknown, so no child is refused at spawn',
        NO_SPAN,
      ),
    });
  }

  const table: SlotTable = createSlotTable(scenario.slots ?? []);
  const added = table.added;
  const tasks: TaskProgram[] = [];
  const childIndices = children.map((_, i) => i + 1);
  const parentEmitter: Emitter = {
    owner: parent.name,
    added,
    ops: [],
    fns: ownFunctions(parentBody.program),
    latency: run.latency,
    spawnOp: childIndices.length > 0 ? op.spawn(childIndices) : null,
    spawned: false,
    truncated: false,
  };
  const parentCycle = lifeCycle(parent.name, null, 'parent', added);
  parentEmitter.ops.push(...parentCycle.prologue);
  const prologueEnd = parentEmitter.ops.length;
  compileBody(parentEmitter, parentBody);
  if (parentEmitter.spawnOp && !parentEmitter.spawned) {
    // No spawn site: spawn at the end of the prologue, join before the epilogue.
    parentEmitter.ops.splice(prologueEnd, 0, parentEmitter.spawnOp);
    parentEmitter.ops.push(op.join());
  }
  parentEmitter.ops.push(...parentCycle.epilogue);
  tasks.push({ name: parent.name, role: 'parent', ops: parentEmitter.ops, refusal: null });
  diagnostics.push(...cutsOf(parent.name, parentEmitter));

  // A child the parent's code does not name at its spawn sites runs because the playground spawns it: said so.
  const playground = playgroundSpawns(parent.name, spawnNamesOf(parentBody.program), children.map((child) => child.name));
  children.forEach((child, i) => {
    const body = childBodies[i]!;
    const e: Emitter = {
      owner: child.name,
      added,
      ops: [],
      fns: ownFunctions(body.program),
      latency: run.latency,
      spawnOp: null,
      spawned: false,
      truncated: false,
    };
    const cycle = lifeCycle(child.name, child.ceiling, 'child', added);
    e.ops.push(
      op.read(SLOT.runtimeContext, 'emit_worker_event'),
      op.wait('event', ticksFor('event', run.latency), 'emit_worker_event'),
      ...cycle.prologue,
    );
    compileBody(e, body);
    // A child that panics never reaches its epilogue (that is the point of the panic lesson).
    e.ops.push(...cycle.epilogue);
    diagnostics.push(...cutsOf(child.name, e));
    // An invalid explicit grant refuses every child (fail closed), with the record named.
    const refusal = invalidGrant ?? refusalOf(body, child.ceiling, grant);
    tasks.push({
      name: child.name,
      role: 'child',
      ops: refusal ? markEscapes(e.ops, refusal.violations) : e.ops,
      refusal,
      admission: admissionOf(body, child.ceiling, grant),
      ...(playground[i] ? { playground: playground[i] } : {}),
    });
  });
  // A scenario that adds no slot keeps the seed's task set shape (no `slots` field).
  const taskSet: TaskSet = added.length > 0 ? { tasks, roots: [0], slots: table } : { tasks, roots: [0] };
  return { taskSet, diagnostics };
}

/** The codes of a compile that left part of a program out: the run of such a scenario is incomplete. */
export const COMPILE_CUT_CODES: readonly string[] = ['S552', 'S559'];

// Where the compiler stopped following a task's program, each an error at the spot (the run is then incomplete).
function cutsOf(task: string, e: Emitter): TaskDiagnostic[] {
  const out: TaskDiagnostic[] = [];
  if (e.depthCut) {
    const { name, span } = e.depthCut;
    const message = `${task}'s call of its own function ${name} is ${MAX_CALL_DEPTH + 1} calls deep (recursion, or a chain of calls): the scheduler's compiler follows calls of the program's own functions ${MAX_CALL_DEPTH} deep and leaves out what deeper calls do, so the run is incomplete`;
    out.push({ task, diagnostic: createDiagnostic('S559', message, span) });
  }
  if (e.truncated) {
    const message = `${task}'s program unrolls to more than ${MAX_TASK_OPS.toLocaleString('en-US')} scheduler ops: it was cut there and the rest is not simulated, so the run is incomplete`;
    out.push({ task, diagnostic: createDiagnostic('S552', message, e.truncatedAt ?? NO_SPAN) });
  }
  return out;
}

/** The sentence a run says when its compile left part of a program out (S552, S559), or null when it did not. */
export function compileCutSentence(diagnostics: readonly TaskDiagnostic[]): string | null {
  const where = { S552: 'at the op limit', S559: 'past the call depth' } as Record<string, string>;
  const groups = COMPILE_CUT_CODES.flatMap((code) => {
    const tasks = diagnostics.filter((d) => d.diagnostic.code === code).map((d) => d.task);
    return tasks.length === 0 ? [] : [`${tasks.join(', ')} (${code}, ${where[code]})`];
  });
  if (groups.length === 0) return null;
  return `Incomplete: the scheduler's compiler cut the program of ${groups.join(' and ')}, so what follows the cut was not simulated.`;
}

// A refused child runs only with enforcement off; each of its calls whose effects escape the grant is marked,
// so the trace shows the violation (HARN-CAP-301) where it happens, not only at spawn.
function markEscapes(ops: Op[], violations: readonly string[]): Op[] {
  const escaping = new Set(violations);
  return ops.map((o) => {
    if (o.op !== 'check') return o;
    const escapes = o.check.effects.map(effectPhrase).filter((summary) => escaping.has(summary));
    return escapes.length === 0 ? o : { ...o, check: { ...o.check, escapes } };
  });
}

/** An effect as narration names it: `fs:write (out.txt)`, its resource shown and quoted as a literal unless it is
 * plain words, so a resource cannot add an effect or a clause to the sentence. */
function effectPhrase(effect: EffectRecord): string {
  if (effect.resource === undefined || effect.resource === '') return effectRecordSummary(effect);
  return effectRecordSummary({ ...effect, resource: narrationText(shownText(effect.resource)) });
}

function admissionOf(
  body: ProgramBody,
  ceiling: PolicyCeiling | null,
  grant: EffectRecord[] | null,
): Admission | null {
  if (grant === null || !body.parsed) return null;
  const effects = computeHandoffEffects({ program: body.program, diagnostics: body.diagnostics }, ceiling);
  return { grant: grant.map(effectPhrase), effects: effects.map(effectPhrase) };
}

function refusalOf(
  body: ProgramBody,
  ceiling: PolicyCeiling | null,
  grant: EffectRecord[] | null,
): SpawnRefusal | null {
  if (grant === null || !body.parsed) return null;
  const effects = computeHandoffEffects({ program: body.program, diagnostics: body.diagnostics }, ceiling);
  const violations = effectSubsetViolations(grant, effects).map(effectPhrase);
  if (violations.length === 0) return null;
  return {
    message: `${violations.join(', ')} ${violations.length === 1 ? 'escapes' : 'escape'} the parent's grant.`,
    violations,
  };
}
