// What state actions need from the core worker, as an interface so tests can pass a fake. The real one is the
// comlink client (src/worker/client.ts).
import type { CapabilityPolicy } from '../core/analysis/types.ts';
import type { FixPlace, Granularity, PolicyFix, ProposalResult } from '../core/authoring/index.ts';
import type { CeilingParseResult, EffectHover, EffectsDecodeResult, ScenarioAnalysisInput, ViewReply } from './analysisTypes.ts';

/** Capability → ops a ceiling can usefully name, and the known side-effect levels from lowest to highest. */
export interface PolicyVocabulary {
  capabilities: Readonly<Record<string, readonly string[]>>;
  levels: readonly string[];
}

export interface CoreBackend {
  /** The analysis of `input` for the page: the whole view, or a patch against reply version `have` (which the page
   * holds; null asks for the whole view). */
  analyzeScenario: (input: ScenarioAnalysisInput, have: number | null) => Promise<ViewReply>;
  /** The effect hover at `offset` of `program` in the latest analysis, or null. */
  effectHoverAt: (program: string, offset: number) => Promise<EffectHover | null>;
  /** A ceiling's text, JSON or a Harn dict literal. */
  parseCeiling: (text: string) => Promise<CeilingParseResult>;
  /** The policy as a Harn dict literal: `capability_policy: {…}`. */
  policyToHarn: (policy: CapabilityPolicy) => Promise<string>;
  effectsFromJson: (text: string) => Promise<EffectsDecodeResult>;
  policyVocabulary: () => Promise<PolicyVocabulary>;
  /** A child's tightest ceiling keeping what it is granted today, with what it changes. */
  proposeCeiling: (input: ScenarioAnalysisInput, child: string) => Promise<ProposalResult>;
  /** The smallest grant covering what the children are granted today, with what it changes. */
  proposeGrant: (input: ScenarioAnalysisInput, granularity: Granularity) => Promise<ProposalResult>;
  /** The fixes at a call site (offset) or ledger row (effect summary) of a child. */
  policyFixesAt: (input: ScenarioAnalysisInput, child: string, place: FixPlace) => Promise<PolicyFix[]>;
}
