// The UI's view of the worker's scenario analysis (core `analyzeScenario`), as plain data.
// Interim mirror of the shapes promised by src/core/analysis; replaced by `import type` from core once it lands.
import type { Diagnostic, Span } from '../core/diagnostics.ts';
import type { EffectRecord } from '../core/analysis/types.ts';

/** What one policy (the child's ceiling or the parent's grant) says about an effect at a hover site. */
export interface HoverDecision {
  allowed: boolean;
  reason: string;
}

export interface LedgerEffect {
  effect: EffectRecord;
  sites: Span[];
}

export interface DroppedEffect extends LedgerEffect {
  rule: string;
  reason: string;
}

export interface ViolationEffect extends LedgerEffect {
  reason: string;
  nearest: EffectRecord | null;
  message: string;
}

export interface HoverInfo {
  span: Span;
  summaries: string[];
  ceiling: HoverDecision | null;
  parent: HoverDecision | null;
}

export interface ProgramAnalysis {
  name: string;
  parsed: boolean;
  /** Parse diagnostics, HARN-CAP-301 violations and lints, spans in this program. */
  diagnostics: Diagnostic[];
  requested: LedgerEffect[];
  dropped: DroppedEffect[];
  granted: LedgerEffect[];
  violations: ViolationEffect[];
  lints: Diagnostic[];
  hovers: HoverInfo[];
}

export interface ScenarioAnalysis {
  parent: ProgramAnalysis;
  children: ProgramAnalysis[];
  /** The effects the parent grants its children (explicit grant or computed); `null` = no parent check. */
  parentEffects: EffectRecord[] | null;
}
