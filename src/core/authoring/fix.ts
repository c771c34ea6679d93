// Fixes: for a child effect that escapes the parent grant, the smallest grant record that covers it; for an effect
// the ceiling drops, the smallest change to the ceiling that keeps it. Computed with the analysis's own subset
// check and clamp, so applying a fix removes the finding. Pure: depends on ../analysis and ./suggest.ts.
import { effectCapabilityOp, sideEffectLevelFor, sideEffectLevelRank } from '../analysis/effects.ts';
import { ceilingDropReason, createNameMap } from '../analysis/policy.ts';
import type { CapabilityPolicy, EffectRecord } from '../analysis/types.ts';
import { grantRecordFor } from './suggest.ts';

/** The records to add to the parent's grant so it covers `effect`: one record, exactly the effect (no wider). */
export function grantFixFor(effect: EffectRecord): EffectRecord[] {
  return [grantRecordFor(effect, 'exact')];
}

/** The ceiling with the least added that keeps `effect`: its capability/op added (when capabilities constrain) and
 * side_effect_level raised to the effect's (when it is below). Null when the ceiling already keeps it. */
export function ceilingFixFor(ceiling: CapabilityPolicy, effect: EffectRecord): CapabilityPolicy | null {
  if (ceilingDropReason(effect, ceiling) === null) return null;
  const out: CapabilityPolicy = { ...ceiling };
  const capabilities = ceiling.capabilities ?? {};
  if (Object.keys(capabilities).length > 0) {
    const [capability, op] = effectCapabilityOp(effect);
    const next = createNameMap<string[]>();
    for (const [name, ops] of Object.entries(capabilities)) next[name] = [...ops];
    const ops = next[capability];
    if (ops === undefined) next[capability] = [op];
    else if (ops.length > 0 && !ops.includes(op)) ops.push(op);
    out.capabilities = next;
  }
  const level = ceiling.side_effect_level;
  const needed = sideEffectLevelFor(effect);
  if (level !== undefined && level !== null && sideEffectLevelRank(needed) > sideEffectLevelRank(level)) out.side_effect_level = needed;
  return out;
}
