// The effect analysis' public surface (re-exported by core/index.ts): effect records and their serde JSON,
// the harn_ir call collection, the port of effects.rs, ceiling/grant policy checks and the scenario analysis.
// Pure: nothing outside src/core.

export * from './types.ts';
export {
  IR_CHOICES,
  callSemantics,
  classifyCall,
  classifyHostCall,
  classifyToolCall,
  collectHandlerCalls,
  collectHandlers,
  formatRustF64,
  literalValue,
  type CallClassification,
  type CallSemantics,
  type Capability,
  type CapabilityEffect,
  type IrCall,
  type LiteralValue,
  type PolicyScopeKind,
} from './ir.ts';
export {
  annotateWithResource,
  builtinEffect,
  callEffects,
  capabilityEffectToRecord,
  childNodes,
  collectHandoffEffects,
  computeHandoffEffects,
  effectAllowedByCeiling,
  effectCapabilityOp,
  effectKindFamilyMatches,
  effectKindLabel,
  effectRecordSummary,
  effectScopeCovers,
  effectsFromCall,
  effectsFromMetadata,
  effectSubsetViolations,
  harnessMethodEffect,
  hostcallScope,
  parentCoversChild,
  requestedExceedsCeiling,
  sideEffectLevelFor,
  type ParsedSource,
} from './effects.ts';
export * from './policy.ts';
export * from './violations.ts';
export * from './analyze.ts';
export { collectUnseenEffects, type UnseenEffect } from './unseen.ts';
export * from './findings.ts';
export * from './expect.ts';
export * from './compare.ts';
export * from './view.ts';
export * from './spawnNames.ts';
