// Two policies side by side: for one program analyzed under policy A and under policy B, which effects change
// decision — newly dropped (kept by A, dropped by B), newly allowed, newly escaping the parent, no longer escaping.
// Pure: depends on ./analyze.ts and ./types.ts.
import type { ProgramAnalysis } from './analyze.ts';
import { effectKey, type EffectRecord } from './types.ts';

/** The effects whose decision differs between A and B, each list in canonical order. */
export interface DecisionChanges {
  newlyDropped: EffectRecord[];
  newlyAllowed: EffectRecord[];
  newlyEscaping: EffectRecord[];
  noLongerEscaping: EffectRecord[];
}

function minus(a: readonly EffectRecord[], b: readonly EffectRecord[]): EffectRecord[] {
  const keys = new Set(b.map(effectKey));
  return a.filter((effect) => !keys.has(effectKey(effect)));
}

/** What changes from `a` to `b` (the same program under two ceilings), with each side's violations. */
export function compareDecisions(
  a: Pick<ProgramAnalysis, 'granted'>,
  aViolations: readonly EffectRecord[],
  b: Pick<ProgramAnalysis, 'granted'>,
  bViolations: readonly EffectRecord[],
): DecisionChanges {
  const grantedA = a.granted.map((g) => g.effect);
  const grantedB = b.granted.map((g) => g.effect);
  return {
    newlyDropped: minus(grantedA, grantedB),
    newlyAllowed: minus(grantedB, grantedA),
    newlyEscaping: minus(bViolations, aViolations),
    noLongerEscaping: minus(aViolations, bViolations),
  };
}
