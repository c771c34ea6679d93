// What a trusted-bridge depth does to a host call, as harn-vm decides it (policy.rs,
// `enforce_current_policy_for_bridge_builtin`): above 0 the call is inside a trusted bridge call and the builtins it
// bridges skip the execution-policy check; at 0 that check refuses them whenever an execution policy is on the
// stack, and with none it has nothing to check. The decision on both sides (the depth the call observed and its
// own), and the clause a sentence says about it. Pure; no imports.

/** The gate a bridged builtin meets: `trusted` skips the check, `refused` is the check refusing it under a
 * policy, `unchecked` is no policy on the stack (nothing to check). */
export type BridgeGate = 'trusted' | 'refused' | 'unchecked';

/** The gate at the depth the host call observed, and at its own (what it would meet running alone). */
export interface BridgeDecision {
  depth: number;
  gate: BridgeGate;
  ownDepth: number;
  own: BridgeGate;
  /** The policy label the check runs under at depth 0 (the task's own), or null when none is on the stack. */
  policy: string | null;
  /** The observed depth lets the call skip a check its own depth would run and refuse with. */
  skipped: boolean;
}

/** harn's gate for a bridged builtin at `depth`, with or without an execution policy on the stack. */
export function bridgeGate(depth: number, hasPolicy: boolean): BridgeGate {
  if (depth > 0) return 'trusted';
  return hasPolicy ? 'refused' : 'unchecked';
}

/** The decision of a host call that observed `depth` (with or without an execution policy on the thread) where its
 * own is `ownDepth`; `policy` the label of the task's own execution policy (null: none on its stack). */
export function bridgeDecision(depth: number, observedPolicy: boolean, ownDepth: number, policy: string | null): BridgeDecision {
  const gate = bridgeGate(depth, observedPolicy);
  const own = bridgeGate(ownDepth, policy !== null);
  return { depth, gate, ownDepth, own, policy, skipped: gate === 'trusted' && own === 'refused' };
}

/** What the depth does to the builtins the call bridges, as a clause after "…trusted bridge call: ", or null when
 * the depth changes nothing (both sides meet the same gate). `whose` names the policy's owner ("beta's policy"). */
export function bridgeClause(decision: BridgeDecision, whose: string): string | null {
  if (decision.gate === decision.own) return null;
  if (decision.skipped)
    return `the builtins it bridges skip the execution-policy check, which at its own depth ${decision.ownDepth} refuses them under ${whose}`;
  if (decision.gate === 'trusted')
    return `the builtins it bridges skip the execution-policy check, though at its own depth ${decision.ownDepth} no policy is on the stack to check them against`;
  if (decision.gate === 'refused')
    return `the builtins it bridges meet the execution-policy check and are refused under ${whose}, though at its own depth ${decision.ownDepth} they would be trusted`;
  return `the builtins it bridges are not checked (no policy on the stack), though at its own depth ${decision.ownDepth} they would be trusted`;
}
