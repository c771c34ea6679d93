// Least-privilege policies written from what the programs request: per child the tightest ceiling that keeps the
// chosen effects (all it requests by default), and for the parent the smallest grant covering every effect those
// ceilings keep, at a chosen granularity. Built on the analysis's own clamp and subset check (`ceilingDropReason`,
// `parentCoversChild`), so `check` passes on the result by construction. Pure: depends on ../analysis only.
import { analyzeProgram } from '../analysis/analyze.ts';
import { effectCapabilityOp, effectRecordSummary, parentCoversChild, sideEffectLevelFor, SIDE_EFFECT_LEVEL_RANK } from '../analysis/effects.ts';
import { ceilingDropReason, createNameMap, KNOWN_CAPABILITY_OPS, parseCeilingValue } from '../analysis/policy.ts';
import { canonicalizeEffects, effectKey, type CapabilityPolicy, type EffectRecord } from '../analysis/types.ts';

/** `exact`: one record per effect with its resource; `kind`: per kind (tool/hostcall/persona name kept) and widest
 * scope, with no resource, which harn's subset check lets cover any resource. */
export type Granularity = 'exact' | 'kind';
export const GRANULARITIES: readonly Granularity[] = ['exact', 'kind'];

export interface SuggestProgram {
  name: string;
  source: string;
  ceiling?: CapabilityPolicy | null;
}

export interface SuggestInput {
  parent: { name: string; source: string };
  children: SuggestProgram[];
}

export interface SuggestOptions {
  granularity: Granularity;
  /** Per child, the effects its ceiling must keep (a subset of what it requests); absent = all it requests. */
  keep?: Readonly<Record<string, readonly EffectRecord[]>>;
}

export interface ChildSuggestion {
  name: string;
  /** False when the child does not parse: its effects are unknown, so nothing is suggested for it. */
  parsed: boolean;
  ceiling: CapabilityPolicy | null;
  /** The requested effects the suggested ceiling keeps (the chosen ones, and any it cannot tell apart from them). */
  kept: EffectRecord[];
  /** Requested effects it keeps though they were not chosen: a ceiling names capability/op and level only. */
  alsoKept: EffectRecord[];
  /** Requested effects the suggested ceiling drops. */
  dropped: EffectRecord[];
}

export interface PolicySuggestion {
  granularity: Granularity;
  /** The smallest grant covering every kept effect of every child; null when some child's effects are unknown. */
  grant: EffectRecord[] | null;
  children: ChildSuggestion[];
  /** Why something could not be suggested (a child that does not parse), one sentence each. */
  problems: string[];
}

const CAPABILITY_ORDER = Object.keys(KNOWN_CAPABILITY_OPS);

/** The tightest ceiling keeping `keep`: exactly their capability/ops, and the lowest side_effect_level that keeps
 * them all (`none` when nothing is kept: capabilities alone cannot deny everything, an empty map allows all).
 * The fields the clamp does not read are taken over from `base`. */
export function tightestCeiling(keep: readonly EffectRecord[], base: CapabilityPolicy | null = null): CapabilityPolicy {
  const ops = new Map<string, Set<string>>();
  let level = 'none';
  for (const effect of keep) {
    const [capability, op] = effectCapabilityOp(effect);
    (ops.get(capability) ?? ops.set(capability, new Set()).get(capability)!).add(op);
    const needed = sideEffectLevelFor(effect);
    if (SIDE_EFFECT_LEVEL_RANK[needed]! > SIDE_EFFECT_LEVEL_RANK[level]!) level = needed;
  }
  const capabilities = createNameMap<string[]>();
  for (const capability of CAPABILITY_ORDER) {
    const chosen = ops.get(capability);
    if (chosen) capabilities[capability] = KNOWN_CAPABILITY_OPS[capability]!.filter((op) => chosen.has(op));
  }
  const out: CapabilityPolicy = {};
  if (base?.tools && base.tools.length > 0) out.tools = [...base.tools];
  if (Object.keys(capabilities).length > 0) out.capabilities = capabilities;
  if (base?.workspace_roots !== undefined) out.workspace_roots = base.workspace_roots;
  out.side_effect_level = level;
  if (base?.recursion_limit !== undefined) out.recursion_limit = base.recursion_limit;
  if (base?.tool_arg_constraints !== undefined) out.tool_arg_constraints = base.tool_arg_constraints;
  if (base?.tool_annotations !== undefined) out.tool_annotations = base.tool_annotations;
  return out;
}

/** The grant record that covers `effect` at `granularity`. llm records carry no provider or model: harn's
 * coverage matches llm effects by kind only (lint L412), so naming one would only mislead. */
export function grantRecordFor(effect: EffectRecord, granularity: Granularity): EffectRecord {
  const kind = effect.kind.kind === 'llm' ? { kind: 'llm' as const } : effect.kind;
  const out: EffectRecord = { kind, scope: effect.scope };
  if (granularity === 'exact' && effect.resource !== undefined) out.resource = effect.resource;
  return out;
}

/** The fewest records covering every one of `effects` at `granularity`: one candidate per effect, then every
 * candidate another one covers is left out (coverage is transitive), so each record left covers an effect no
 * other record does. Canonical order. */
export function smallestGrant(effects: readonly EffectRecord[], granularity: Granularity): EffectRecord[] {
  const candidates = canonicalizeEffects(effects.map((e) => grantRecordFor(e, granularity)));
  const kept: EffectRecord[] = [];
  for (const candidate of candidates) {
    if (kept.some((record) => parentCoversChild(record, candidate))) continue;
    for (let i = kept.length - 1; i >= 0; i--) if (parentCoversChild(candidate, kept[i]!)) kept.splice(i, 1);
    kept.push(candidate);
  }
  return canonicalizeEffects(kept);
}

function suggestChild(child: SuggestProgram, options: SuggestOptions): ChildSuggestion {
  const base = parseCeilingValue(child.ceiling ?? null).value;
  const analysis = analyzeProgram(child.source, null);
  if (!analysis.parsed) return { name: child.name, parsed: false, ceiling: null, kept: [], alsoKept: [], dropped: [] };
  const requested = analysis.requested.map((r) => r.effect);
  const chosenList = Object.prototype.hasOwnProperty.call(options.keep ?? {}, child.name) ? options.keep![child.name]! : requested;
  const chosenKeys = new Set(chosenList.map(effectKey));
  const chosen = requested.filter((e) => chosenKeys.has(effectKey(e)));
  const ceiling = tightestCeiling(chosen, base);
  const kept = requested.filter((e) => ceilingDropReason(e, ceiling) === null);
  return {
    name: child.name,
    parsed: true,
    ceiling,
    kept,
    alsoKept: kept.filter((e) => !chosenKeys.has(effectKey(e))),
    dropped: requested.filter((e) => ceilingDropReason(e, ceiling) !== null),
  };
}

/** Suggests every child's ceiling and the parent's grant. Never throws; a child that does not parse is a problem
 * and leaves the grant unsuggested (a grant written without its effects could not be claimed to cover them). */
export function suggestPolicies(input: SuggestInput, options: SuggestOptions): PolicySuggestion {
  const children = input.children.map((child) => suggestChild(child, options));
  const problems = children.filter((c) => !c.parsed).map((c) => `${c.name} does not parse, so its effects are unknown: no ceiling or grant is suggested for it`);
  const grant = problems.length > 0 ? null : smallestGrant(children.flatMap((c) => c.kept), options.granularity);
  return { granularity: options.granularity, grant, children, problems };
}

/** The `keep` that tightens without widening: each child keeps only what its current ceiling keeps ("Tighten to
 * what it uses"). A child that does not parse is left out (it is reported by {@link suggestPolicies}). */
export function currentlyKept(input: SuggestInput): Record<string, EffectRecord[]> {
  const out = createNameMap<EffectRecord[]>();
  for (const child of input.children) {
    const analysis = analyzeProgram(child.source, parseCeilingValue(child.ceiling ?? null).value);
    if (analysis.parsed) out[child.name] = analysis.granted.map((g) => g.effect);
  }
  return out;
}

/** A grant as a Harn list literal of effect records, in serde's shape. */
export function grantToHarn(grant: readonly EffectRecord[]): string {
  const record = (e: EffectRecord) => {
    const k = e.kind;
    const kind = k.kind === 'tool' || k.kind === 'hostcall' ? `{kind: "${k.kind}", name: ${JSON.stringify(k.name)}}` : k.kind === 'persona' ? `{kind: "persona", id: ${JSON.stringify(k.id)}}` : `{kind: "${k.kind}"}`;
    return `{kind: ${kind}, scope: "${e.scope}"${e.resource === undefined ? '' : `, resource: ${JSON.stringify(e.resource)}`}}`;
  };
  return `[${grant.map(record).join(', ')}]`;
}

/** One line per record, for the CLI's and the page's summaries: `fs:read (notes.md)`. */
export function grantSummary(grant: readonly EffectRecord[]): string[] {
  return grant.map(effectRecordSummary);
}
