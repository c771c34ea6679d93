// Explains subset violations beyond the seed: for each child effect no parent record covers
// (`effect_subset_violations`), why not (kind, scope, resource, empty parent) and the nearest parent record,
// as data and as HARN-CAP-301 diagnostics at the call sites. Depends on ./effects.ts, ./types.ts, ../diagnostics.ts.
import { createDiagnostic, type Diagnostic, type Span } from '../diagnostics.ts';
import { effectKindFamilyMatches, effectKindLabel, effectRecordSummary, effectScopeCovers, parentCoversChild } from './effects.ts';
import type { AnalyzedEffect, EffectRecord } from './types.ts';

export type ViolationReason = 'kind' | 'scope' | 'resource' | 'empty-parent';

/** One child effect that escapes the parent grant. */
export interface Violation {
  effect: EffectRecord;
  sites: Span[];
  reason: ViolationReason;
  /** The parent record that comes closest to covering it (same kind variant at least), or null. */
  nearest: EffectRecord | null;
  /** `Child effect net:write (https://x) escapes the parent grant: …` */
  message: string;
}

// How far a parent record gets towards covering the child: 0 other variant, 1 same variant but other
// name/id, 2 family matches but scope too low, 3 family and scope match but resource differs.
function coverageStage(parent: EffectRecord, child: EffectRecord): number {
  if (parent.kind.kind !== child.kind.kind) return 0;
  if (!effectKindFamilyMatches(parent.kind, child.kind)) return 1;
  if (!effectScopeCovers(parent.scope, child.scope)) return 2;
  return 3;
}

function explainOne(parent: readonly EffectRecord[], child: EffectRecord): { reason: ViolationReason; nearest: EffectRecord | null; why: string } {
  if (parent.length === 0) return { reason: 'empty-parent', nearest: null, why: 'the parent grant is empty, so every child effect escapes it' };
  let best: EffectRecord | null = null;
  let bestStage = -1;
  for (const record of parent) {
    const stage = coverageStage(record, child);
    if (stage > bestStage) [best, bestStage] = [record, stage];
  }
  const label = effectKindLabel(child.kind);
  if (bestStage <= 0 || best === null) {
    const granted = parent.map(effectRecordSummary).join(', ');
    return { reason: 'kind', nearest: null, why: `the parent grants no ${child.kind.kind} effect (it grants ${granted})` };
  }
  const nearest = effectRecordSummary(best);
  if (bestStage === 1) return { reason: 'kind', nearest: best, why: `no parent record grants ${label}; the nearest is ${nearest}` };
  if (bestStage === 2) {
    return { reason: 'scope', nearest: best, why: `the nearest parent record ${nearest} grants scope ${best.scope}, which does not cover ${child.scope}` };
  }
  const why =
    child.resource === undefined
      ? `the nearest parent record ${nearest} is limited to resource "${best.resource ?? ''}", and the child's resource is not statically known`
      : `the nearest parent record ${nearest} is limited to resource "${best.resource ?? ''}", not "${child.resource}"`;
  return { reason: 'resource', nearest: best, why };
}

/**
 * The seed's `effect_subset_violations`, explained. `parent` null = no enforcement (nothing returned);
 * an empty parent makes every child effect a violation.
 */
export function explainViolations(parent: readonly EffectRecord[] | null, child: readonly AnalyzedEffect[]): Violation[] {
  if (parent === null) return [];
  const out: Violation[] = [];
  for (const item of child) {
    if (parent.some((allowed) => parentCoversChild(allowed, item.effect))) continue;
    const { reason, nearest, why } = explainOne(parent, item.effect);
    out.push({
      effect: item.effect,
      sites: item.sites,
      reason,
      nearest,
      message: `Child effect ${effectRecordSummary(item.effect)} escapes the parent grant: ${why}`,
    });
  }
  return out;
}

/** One HARN-CAP-301 diagnostic per call site of each violation. */
export function violationDiagnostics(violations: readonly Violation[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const violation of violations) {
    const notes = violation.nearest ? [`nearest parent record: ${effectRecordSummary(violation.nearest)}`] : undefined;
    for (const site of violation.sites) out.push(createDiagnostic('HARN-CAP-301', violation.message, site, notes));
  }
  return out;
}
