// The UI's view of the worker's scenario analysis: core's plain-data result types, imported as types only.
export type { DroppedEffect, EffectHover, HoverDecision, ProgramReport, ScenarioAnalysis, ScenarioAnalysisInput } from '../core/analysis/analyze.ts';
export type { AnalysisView, DiagnosticRow, KeptRun, LedgerRow, ListPatch, Place, ProgramPatch, ProgramView, ViewPatch, ViewReply } from '../core/analysis/view.ts';
export type { Violation } from '../core/analysis/violations.ts';
export type { PolicyError, PolicyLint, CeilingParseResult } from '../core/analysis/policy.ts';
export type { AnalyzedEffect, EffectRecord, EffectsDecodeResult } from '../core/analysis/types.ts';
