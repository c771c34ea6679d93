// The scheduler's public surface (re-exported by core/index.ts): the slot catalog, ambient scope, task
// programs, the executor, traces, and `simulate` (the one entry point for scenarios). Pure.
export * from './catalog.ts';
export * from './scope.ts';
export * from './ops.ts';
export {
  createRunner,
  type ChooseFn,
  type ExecConfig,
  type ExecMode,
  type ExecOutcome,
  type ExecState,
  type ExecStatus,
  type PollOutcome,
  type Recorder,
  type Runner,
  type SavedState,
  type TaskRuntime,
  type TaskStatus,
} from './executor.ts';
export * from './choosers.ts';
export type {
  CheckInfo,
  ChoiceInfo,
  CrosswireRecord,
  ReadInfo,
  Snapshot,
  TraceStep,
  TraceStepKind,
  ViolationRecord,
} from './trace.ts';
export * from './moment.ts';
export * from './counts.ts';
export * from './compare.ts';
export * from './contrast.ts';
export { resolvePath } from './narrate.ts';
export * from './run.ts';
export * from './print.ts';
export {
  compileScenario,
  compileCutSentence,
  COMPILE_CUT_CODES,
  MAX_CALL_DEPTH,
  MAX_TASK_OPS,
  type CompiledScenario,
  type TaskDiagnostic,
} from './compile.ts';
export * from './simulate.ts';
export * from './preview.ts';
export * from './slotTable.ts';
