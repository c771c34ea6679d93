// The names of the ambient thread-local slots, exactly as and in the order of `AMBIENT_THREAD_LOCAL_CATALOG`
// in shared/seeds/ambient_scope.rs (13 captured, then 15 uncaptured). Names only: the scheduler owns the full
// catalog (scoping, reasons, shapes) and keeps it in sync with this list; the naming convention that gives a
// name its ambient shape lives here so scenarios can check added slots. Depends on nothing.

/** The 28 slot names of the seed's `AMBIENT_THREAD_LOCAL_CATALOG`, in catalog order. */
export const AMBIENT_SLOT_NAMES = [
  'EXECUTION_POLICY_STACK',
  'EXECUTION_APPROVAL_POLICY_STACK',
  'COMMAND_POLICY_STACK',
  'DYNAMIC_PERMISSION_STACK',
  'RUNTIME_CONTEXT_OVERLAY_STACK',
  'AUTONOMY_POLICY_STACK',
  'LLM_RENDER_STACK',
  'ACTIVE_HARN_CONNECTOR_CTX',
  'TRUSTED_BRIDGE_CALL_DEPTH',
  'COMMAND_POLICY_HOOK_DEPTH',
  'VM_EXECUTION_CONTEXT',
  'VM_SOURCE_DIR',
  'CURRENT_MUTATION_SESSION',
  'SECURITY_POLICY_STACK',
  'ACTIVE_TENANT_STACK',
  'ACTIVE_PRINCIPAL_STACK',
  'REQUIRE_EXPLICIT_EGRESS_POLICY_DEPTH',
  'REQUIRE_SSRF_GUARD_DEPTH',
  'REDACTION_POLICY_STACK',
  'ACTIVE_REQUEST_ID_STACK',
  'PERSONA_STACK',
  'STEP_STACK',
  'CURRENT_SESSION_STACK',
  'CURRENT_TOOL_CALL_STACK',
  'TRANSCRIPT_DIR_STACK',
  'VM_TRACE_STACK',
  'ACTIVE_DISPATCH_CONTEXT',
  'CURRENT_WORKFLOW_SKILL_CONTEXT',
] as const;

/** One ambient thread-local slot name. */
export type AmbientSlotName = (typeof AMBIENT_SLOT_NAMES)[number];

const SLOT_NAME_SET: ReadonlySet<string> = new Set(AMBIENT_SLOT_NAMES);

/** True when `name` is one of {@link AMBIENT_SLOT_NAMES}. */
export function isAmbientSlotName(name: string): name is AmbientSlotName {
  return SLOT_NAME_SET.has(name);
}

/** How a slot holds its value: a LIFO stack (`*_STACK`, `*_CTX`), a depth counter (`*_DEPTH`) or one option. */
export type SlotShape = 'stack' | 'depth' | 'option';

/** The seed's naming convention for an ambient-shape thread-local (`is_ambient_shape` of the drift test). */
export function isAmbientShapeName(name: string): boolean {
  return (
    name === 'VM_SOURCE_DIR' ||
    name.endsWith('_STACK') ||
    name.endsWith('_DEPTH') ||
    name.endsWith('_CONTEXT') ||
    name.endsWith('_SESSION') ||
    name.endsWith('_CTX')
  );
}

/** The shape a slot name implies (DESIGN §4): `*_STACK`/`*_CTX` stack, `*_DEPTH` depth, the rest one option. */
export function slotShapeOf(name: string): SlotShape {
  if (name.endsWith('_STACK') || name.endsWith('_CTX')) return 'stack';
  if (name.endsWith('_DEPTH')) return 'depth';
  return 'option';
}
