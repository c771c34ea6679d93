// The policies of one scenario as a set (the parent's grant and each child's ceiling), and two such sets compared
// policy by policy — the no-new-access gate's question and `harn-scope diff`'s answer. Pure: depends on
// ../analysis and ./policyDiff.ts.
import { analyzeScenario, type ScenarioAnalysisInput } from '../analysis/analyze.ts';
import { parseCeilingValue } from '../analysis/policy.ts';
import type { CapabilityPolicy, EffectRecord } from '../analysis/types.ts';
import { ceilingText, compareCeilings, compareGrants, grantText, textDiff, type AccessChange } from './policyDiff.ts';

/** A scenario's policies. `grant` is what children are checked against: the explicit grant, else the parent's
 * computed effects (`grantSource` says which), null when unknown. */
export interface PolicySet {
  grant: EffectRecord[] | null;
  grantSource: 'grant' | 'computed' | 'unknown';
  /** By child name; null = no ceiling (every effect kept). */
  ceilings: Map<string, CapabilityPolicy | null>;
}

export function policySetOf(input: ScenarioAnalysisInput): PolicySet {
  const analysis = analyzeScenario({ parent: input.parent, children: [] });
  const ceilings = new Map<string, CapabilityPolicy | null>();
  for (const child of input.children) ceilings.set(child.name, parseCeilingValue(child.ceiling ?? null).value);
  return { grant: analysis.parentEffects, grantSource: analysis.parentEffectsSource, ceilings };
}

/** One policy compared with its baseline. */
export interface PolicyChange {
  /** `grant`, or the child's name for its ceiling. */
  target: 'grant' | { child: string };
  /** `parent grant`, `alpha's ceiling`. */
  label: string;
  newlyAllowed: AccessChange[];
  newlyDenied: AccessChange[];
  /** The child exists on one side only. */
  only: 'before' | 'after' | null;
  /** Line diff of the policy's text; [] when the texts are equal. */
  fields: string[];
}

function fieldDiff(before: string, after: string): string[] {
  return before === after ? [] : textDiff(before, after);
}

/** Every policy of `after` compared with `before` (grant first, then ceilings by child name in `after`'s order, then
 * children only `before` has). `children`, when given, limits the ceilings compared. An unknown grant on either side
 * compares as nothing allowed there (a grant that does not decode refuses every child). */
export function comparePolicySets(before: PolicySet, after: PolicySet, children: readonly string[] | null = null): PolicyChange[] {
  const grantA = before.grantSource === 'unknown' ? [] : before.grant;
  const grantB = after.grantSource === 'unknown' ? [] : after.grant;
  const grant = compareGrants(grantA, grantB);
  const out: PolicyChange[] = [{ target: 'grant', label: 'parent grant', ...grant, only: null, fields: fieldDiff(grantText(before.grant), grantText(after.grant)) }];
  const names = [...after.ceilings.keys(), ...[...before.ceilings.keys()].filter((n) => !after.ceilings.has(n))];
  for (const name of names) {
    if (children !== null && !children.includes(name)) continue;
    const inBefore = before.ceilings.has(name);
    const inAfter = after.ceilings.has(name);
    const a = before.ceilings.get(name) ?? null;
    const b = after.ceilings.get(name) ?? null;
    const label = `${name}'s ceiling`;
    if (!inBefore) {
      out.push({ target: { child: name }, label, newlyAllowed: allClasses(b), newlyDenied: [], only: 'after', fields: fieldDiff('', ceilingText(b)) });
    } else if (!inAfter) {
      out.push({ target: { child: name }, label, newlyAllowed: [], newlyDenied: allClasses(a), only: 'before', fields: fieldDiff(ceilingText(a), '') });
    } else {
      out.push({ target: { child: name }, label, ...compareCeilings(a, b), only: null, fields: fieldDiff(ceilingText(a), ceilingText(b)) });
    }
  }
  return out;
}

// What a child's ceiling allows when that child did not exist before: every class it keeps is new access.
function allClasses(ceiling: CapabilityPolicy | null): AccessChange[] {
  return compareCeilings(DENY_ALL, ceiling).newlyAllowed;
}

const DENY_ALL: CapabilityPolicy = { side_effect_level: 'none' };
