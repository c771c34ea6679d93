// The ambient thread-local catalog of seeds/ambient_scope.rs: all 28 slots in the seed's order, Captured or
// Uncaptured (with the seed's reason text), each with its shape (LIFO stack, depth counter, single option).
// Slots are addressed by integer index everywhere in the scheduler. Pure data: depends on ../scenario/slots.ts.

export type { SlotShape } from '../scenario/slots.ts';
export { isAmbientShapeName, slotShapeOf } from '../scenario/slots.ts';
import { slotShapeOf, type SlotShape } from '../scenario/slots.ts';

/** The seed's `AmbientScoping`: swapped per poll, or deliberately left out (with the reason a human recorded). */
export type SlotScoping = { kind: 'captured' } | { kind: 'uncaptured'; reason: string };

/** One entry of `AMBIENT_THREAD_LOCAL_CATALOG`. */
export interface SlotInfo {
  index: number;
  name: string;
  shape: SlotShape;
  scoping: SlotScoping;
}

const captured: SlotScoping = { kind: 'captured' };
const uncaptured = (reason: string): SlotScoping => ({ kind: 'uncaptured', reason });

// The seed's reason texts, with its `\`-continued string literals joined by one space as Rust does.
const CATALOG: readonly (readonly [string, SlotScoping])[] = [
  ['EXECUTION_POLICY_STACK', captured],
  ['EXECUTION_APPROVAL_POLICY_STACK', captured],
  ['COMMAND_POLICY_STACK', captured],
  ['DYNAMIC_PERMISSION_STACK', captured],
  ['RUNTIME_CONTEXT_OVERLAY_STACK', captured],
  ['AUTONOMY_POLICY_STACK', captured],
  ['LLM_RENDER_STACK', captured],
  ['ACTIVE_HARN_CONNECTOR_CTX', captured],
  ['TRUSTED_BRIDGE_CALL_DEPTH', captured],
  ['COMMAND_POLICY_HOOK_DEPTH', captured],
  ['VM_EXECUTION_CONTEXT', captured],
  ['VM_SOURCE_DIR', captured],
  ['CURRENT_MUTATION_SESSION', captured],
  [
    'SECURITY_POLICY_STACK',
    uncaptured(
      '[latent-capability] security/mod.rs MCP-schema/security policy; not set per-worker today. Capture when a fan-out child reads it across an await.',
    ),
  ],
  [
    'ACTIVE_TENANT_STACK',
    uncaptured('[latent-capability] harness_tenant.rs tenant identity; not set per-worker today.'),
  ],
  [
    'ACTIVE_PRINCIPAL_STACK',
    uncaptured('[latent-capability] harness_auth.rs principal identity; not set per-worker today.'),
  ],
  [
    'REQUIRE_EXPLICIT_EGRESS_POLICY_DEPTH',
    uncaptured(
      '[latent-capability] egress/mod.rs egress-policy enforcement depth; not entered per-worker today.',
    ),
  ],
  [
    'REQUIRE_SSRF_GUARD_DEPTH',
    uncaptured('[latent-capability] egress/mod.rs SSRF-guard depth; not entered per-worker today.'),
  ],
  [
    'REDACTION_POLICY_STACK',
    uncaptured(
      '[latent-capability] redact/mod.rs redaction policy; pushed around synchronous redaction, not held across a child await today.',
    ),
  ],
  [
    'ACTIVE_REQUEST_ID_STACK',
    uncaptured(
      '[latent-capability] observability/request_id.rs request-id breadcrumb; attribution only, no capability decision rides on it.',
    ),
  ],
  [
    'PERSONA_STACK',
    uncaptured(
      'step_runtime.rs snapshots+restores this at the worker boundary (own isolation path); not read raw across a fan-out child await.',
    ),
  ],
  [
    'STEP_STACK',
    uncaptured(
      'step_runtime.rs snapshots+restores this at the worker boundary (own isolation path); not read raw across a fan-out child await.',
    ),
  ],
  [
    'CURRENT_SESSION_STACK',
    uncaptured(
      'agent_sessions.rs session breadcrumb; each worker opens its own session at startup. Audited 2026-06-28: not read across a child await.',
    ),
  ],
  [
    'CURRENT_TOOL_CALL_STACK',
    uncaptured(
      'agent_sessions.rs tool-call breadcrumb; pushed+popped within a single synchronous dispatch frame.',
    ),
  ],
  [
    'TRANSCRIPT_DIR_STACK',
    uncaptured('llm/agent_observe.rs transcript output dir; push/pop balanced within an observe scope.'),
  ],
  [
    'VM_TRACE_STACK',
    uncaptured(
      'stdlib/logging.rs log-trace breadcrumb (trace ids for log lines); attribution only, no capability decision rides on it.',
    ),
  ],
  [
    'ACTIVE_DISPATCH_CONTEXT',
    uncaptured(
      'triggers/dispatcher trigger-dispatch context for the dispatcher runner, not the fan-out worker path.',
    ),
  ],
  [
    'CURRENT_WORKFLOW_SKILL_CONTEXT',
    uncaptured(
      'orchestration/mod.rs workflow skill context; the workflow runner pins itself to one LocalSet task, so every stage observes the same context (see its doc-comment).',
    ),
  ],
];

/** `AMBIENT_THREAD_LOCAL_CATALOG`: every slot, in the seed's order; a slot's `index` is its position here. */
export const AMBIENT_THREAD_LOCAL_CATALOG: readonly SlotInfo[] = CATALOG.map(([name, scoping], index) => ({
  index,
  name,
  shape: slotShapeOf(name),
  scoping,
}));

/** Number of slots (28). */
export const SLOT_COUNT = AMBIENT_THREAD_LOCAL_CATALOG.length;

/** Slot names in catalog order. */
export const SLOT_NAMES: readonly string[] = AMBIENT_THREAD_LOCAL_CATALOG.map((slot) => slot.name);

/** `AUDITED_LATENT_CAPABILITIES`: same-shape capability/identity slots named latent by the F1/F2 audit. */
export const AUDITED_LATENT_CAPABILITIES: readonly string[] = [
  'SECURITY_POLICY_STACK',
  'ACTIVE_TENANT_STACK',
  'ACTIVE_PRINCIPAL_STACK',
  'REQUIRE_EXPLICIT_EGRESS_POLICY_DEPTH',
  'REQUIRE_SSRF_GUARD_DEPTH',
];

/**
 * The fields of the seed's `AmbientExecutionScope` (what `swap_in` swaps), as slot names: the expected set
 * of `captured_catalog_matches_scope_fields`.
 */
export const SCOPE_FIELD_SLOTS: readonly string[] = [
  'EXECUTION_POLICY_STACK', // execution
  'EXECUTION_APPROVAL_POLICY_STACK', // approval
  'COMMAND_POLICY_STACK', // command
  'DYNAMIC_PERMISSION_STACK', // permissions
  'RUNTIME_CONTEXT_OVERLAY_STACK', // runtime_context
  'AUTONOMY_POLICY_STACK', // autonomy
  'LLM_RENDER_STACK', // llm_render
  'ACTIVE_HARN_CONNECTOR_CTX', // connector_ctx
  'VM_EXECUTION_CONTEXT', // execution_context
  'VM_SOURCE_DIR', // source_dir
  'CURRENT_MUTATION_SESSION', // mutation_session
  'TRUSTED_BRIDGE_CALL_DEPTH', // trusted_depth
  'COMMAND_POLICY_HOOK_DEPTH', // command_hook_depth
];

/** The slots `capture_inherited` copies from the spawning thread; every other scope field starts empty / 0. */
export const INHERITED_SLOTS: readonly string[] = [
  'COMMAND_POLICY_STACK',
  'DYNAMIC_PERMISSION_STACK',
  'RUNTIME_CONTEXT_OVERLAY_STACK',
  'AUTONOMY_POLICY_STACK',
  'VM_EXECUTION_CONTEXT',
  'VM_SOURCE_DIR',
  'CURRENT_MUTATION_SESSION',
];

const INDEX_BY_NAME = new Map(SLOT_NAMES.map((name, index) => [name, index]));

/** The index of a slot name, or -1 when the catalog has no such slot. */
export function slotIndex(name: string): number {
  return INDEX_BY_NAME.get(name) ?? -1;
}

/** Slot index of a name that must exist (scheduler-internal constants). */
function fixedSlot(name: string): number {
  const index = slotIndex(name);
  if (index < 0) throw new Error(`catalog has no slot ${name}`);
  return index;
}

/** Integer slot indices the compiler and executor use, so hot paths never look names up. */
export const SLOT = {
  executionPolicy: fixedSlot('EXECUTION_POLICY_STACK'),
  approvalPolicy: fixedSlot('EXECUTION_APPROVAL_POLICY_STACK'),
  commandPolicy: fixedSlot('COMMAND_POLICY_STACK'),
  dynamicPermission: fixedSlot('DYNAMIC_PERMISSION_STACK'),
  runtimeContext: fixedSlot('RUNTIME_CONTEXT_OVERLAY_STACK'),
  autonomy: fixedSlot('AUTONOMY_POLICY_STACK'),
  llmRender: fixedSlot('LLM_RENDER_STACK'),
  connector: fixedSlot('ACTIVE_HARN_CONNECTOR_CTX'),
  trustedBridgeDepth: fixedSlot('TRUSTED_BRIDGE_CALL_DEPTH'),
  commandHookDepth: fixedSlot('COMMAND_POLICY_HOOK_DEPTH'),
  executionContext: fixedSlot('VM_EXECUTION_CONTEXT'),
  sourceDir: fixedSlot('VM_SOURCE_DIR'),
  mutationSession: fixedSlot('CURRENT_MUTATION_SESSION'),
  activeTenant: fixedSlot('ACTIVE_TENANT_STACK'),
} as const;

/** The catalog's default capture set (its Captured entries), as slot indices in catalog order. */
export const DEFAULT_CAPTURE_SET: readonly number[] = AMBIENT_THREAD_LOCAL_CATALOG.filter(
  (slot) => slot.scoping.kind === 'captured',
).map((slot) => slot.index);

/** Slot indices of {@link INHERITED_SLOTS}. */
export const INHERITED_SLOT_INDICES: readonly number[] = INHERITED_SLOTS.map(fixedSlot);
