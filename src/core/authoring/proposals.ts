// The page's policy edits, each computed from the scenario as it is now: "Tighten to what it uses" (a child's
// ceiling) and "Grant what the children need" (the parent's grant) are `suggest --tighten`'s policies, shown with
// what they change before they are applied; the fixes at a call site (or a ledger row) are `grantFixFor` and
// `ceilingFixFor`. Every result carries the whole policy to put into effect, so applying one is one edit. Pure:
// depends on ../analysis and the other authoring modules.
import { analyzeScenario, type ScenarioAnalysisInput } from '../analysis/analyze.ts';
import { effectRecordSummary } from '../analysis/effects.ts';
import { parseCeilingValue } from '../analysis/policy.ts';
import { visibleText } from '../text.ts';
import { effectToValue, type CapabilityPolicy, type EffectRecord } from '../analysis/types.ts';
import { ceilingFixFor, grantFixFor } from './fix.ts';
import { ceilingText, compareCeilings, compareGrants, grantText, textDiff, type AccessChange } from './policyDiff.ts';
import { policySetOf } from './policySet.ts';
import { currentlyKept, suggestPolicies, type Granularity } from './suggest.ts';

/** A policy the page may put into effect, with what it changes. */
export interface PolicyProposal {
  /** `alpha's ceiling`, `parent grant`. */
  label: string;
  /** The ceiling to put into effect (a ceiling proposal), else undefined. */
  ceiling?: CapabilityPolicy;
  /** The grant to put into effect as serde JSON records (a grant proposal), else undefined. */
  grant?: unknown[];
  /** The proposed policy as text: the ceiling as `suggest --json` prints it, the grant one record per line. */
  text: string;
  /** Effects (for a ceiling, classes of effects) it allows that the policy in effect does not, and the reverse. */
  newlyAllowed: AccessChange[];
  newlyDenied: AccessChange[];
  /** Line diff of the policy in effect and the proposed one (`+ `, `- `, `  ` lines); [] when they are equal. */
  fields: string[];
  /** Sentences about the proposal (what it keeps, drops, or compares against). */
  notes: string[];
}

/** A proposal, or why there is none (one sentence). */
export type ProposalResult = { ok: true; proposal: PolicyProposal } | { ok: false; problem: string };

const programsOf = (input: ScenarioAnalysisInput) => ({
  parent: { name: input.parent.name, source: input.parent.source },
  children: input.children.map((c) => ({ name: c.name, source: c.source, ceiling: parseCeilingValue(c.ceiling ?? null).value })),
});

const fieldDiff = (before: string, after: string) => (before === after ? [] : textDiff(before, after));
const summaries = (effects: readonly EffectRecord[]) => effects.map((e) => visibleText(effectRecordSummary(e)));

/** "Tighten to what it uses": `child`'s tightest ceiling keeping what its ceiling keeps today (`suggest --tighten`). */
export function proposeCeiling(input: ScenarioAnalysisInput, child: string): ProposalResult {
  const programs = programsOf(input);
  const suggestion = suggestPolicies(programs, { granularity: 'exact', keep: currentlyKept(programs) }).children.find((c) => c.name === child);
  if (!suggestion) return { ok: false, problem: `There is no child named ${child}.` };
  if (!suggestion.parsed || !suggestion.ceiling) return { ok: false, problem: `${child} does not parse, so its effects are unknown: no ceiling is suggested for it.` };
  const current = programs.children.find((c) => c.name === child)?.ceiling ?? null;
  const proposed = suggestion.ceiling;
  const notes = [
    suggestion.kept.length === 0 ? `Keeps no effect: ${child} is granted nothing today.` : `Keeps the ${suggestion.kept.length} effect(s) ${child} is granted today: ${summaries(suggestion.kept).join(', ')}.`,
    ...(suggestion.alsoKept.length > 0 ? [`Also keeps ${summaries(suggestion.alsoKept).join(', ')}: a ceiling names capability/op and level only.`] : []),
    ...(suggestion.dropped.length > 0 ? [`Still drops ${summaries(suggestion.dropped).join(', ')} (dropped today; tightening never widens).`] : []),
  ];
  return {
    ok: true,
    proposal: { label: `${child}'s ceiling`, ceiling: proposed, text: ceilingText(proposed), ...compareCeilings(current, proposed), fields: fieldDiff(ceilingText(current), ceilingText(proposed)), notes },
  };
}

/** "Grant what the children need": the smallest grant covering every effect the children are granted today. */
export function proposeGrant(input: ScenarioAnalysisInput, granularity: Granularity): ProposalResult {
  const programs = programsOf(input);
  const suggestion = suggestPolicies(programs, { granularity, keep: currentlyKept(programs) });
  if (suggestion.grant === null) return { ok: false, problem: suggestion.problems.join(' ') || 'No grant can be suggested.' };
  const set = policySetOf(input);
  const current = set.grantSource === 'unknown' ? [] : set.grant;
  const notes =
    set.grantSource === 'computed'
      ? ["The parent has no explicit grant: compared with its computed effects, which children are checked against today. Applying writes an explicit grant."]
      : set.grantSource === 'unknown'
        ? ['The grant in effect is unknown (the parent does not parse or its grant is invalid): compared as if it allowed nothing.']
        : [];
  return {
    ok: true,
    proposal: {
      label: 'parent grant',
      grant: suggestion.grant.map(effectToValue),
      text: grantText(suggestion.grant),
      ...compareGrants(current, suggestion.grant),
      fields: fieldDiff(grantText(current), grantText(suggestion.grant)),
      notes,
    },
  };
}

/** One fix for a finding at a call site or on a ledger row, with the whole policy it puts into effect. */
export interface PolicyFix {
  /** `Allow in alpha's ceiling: fs:write (out.txt)`, `Add to the parent grant: net:write (https://x)` (what it does
   * first: a quick-fix menu cuts long titles short). */
  title: string;
  /** What it did, once applied: `Added net:write (https://x) to the parent grant.` */
  done: string;
  /** The effect it lets through, as the ledger shows it. */
  effect: string;
  target: 'ceiling' | 'grant';
  child: string;
  ceiling?: CapabilityPolicy;
  /** The whole grant after the fix, serde JSON records. */
  grant?: unknown[];
}

/** Where to look: a call site's offset in `child`'s source, or a ledger row's effect summary. */
export type FixPlace = { offset: number } | { effect: string };

const atPlace = (place: FixPlace, item: { effect: EffectRecord; sites: { start: number; end: number }[] }) =>
  'offset' in place
    ? item.sites.some((s) => s.start <= place.offset && place.offset < s.end)
    : [effectRecordSummary(item.effect), visibleText(effectRecordSummary(item.effect))].includes(place.effect);

/** The fixes at `place` in child `child`: for an effect its ceiling drops, the ceiling that keeps it; for an effect
 * that escapes the parent grant, the grant with its record added (the parent's computed effects when it has no
 * explicit grant, as the grant editor starts from). None when the grant in effect is unknown. */
export function policyFixesAt(input: ScenarioAnalysisInput, child: string, place: FixPlace): PolicyFix[] {
  const index = input.children.findIndex((c) => c.name === child);
  if (index < 0) return [];
  const analysis = analyzeScenario(input);
  const report = analysis.children[index]!;
  const out: PolicyFix[] = [];
  const ceiling = parseCeilingValue(input.children[index]!.ceiling ?? null).value;
  for (const drop of report.dropped) {
    if (!ceiling || !atPlace(place, drop)) continue;
    const fixed = ceilingFixFor(ceiling, drop.effect);
    const effect = visibleText(effectRecordSummary(drop.effect));
    if (fixed) out.push({ title: `Allow in ${child}'s ceiling: ${effect}`, done: `Allowed ${effect} in ${child}'s ceiling.`, effect, target: 'ceiling', child, ceiling: fixed });
  }
  if (analysis.parentEffects !== null && analysis.parentEffectsSource !== 'unknown') {
    for (const violation of report.violations) {
      if (!atPlace(place, violation)) continue;
      const effect = visibleText(effectRecordSummary(violation.effect));
      const grant = [...analysis.parentEffects, ...grantFixFor(violation.effect)].map(effectToValue);
      out.push({ title: `Add to the parent grant: ${effect}`, done: `Added ${effect} to the parent grant.`, effect, target: 'grant', child, grant });
    }
  }
  return out;
}
