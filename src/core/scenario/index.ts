// The scenario area's public surface: the data model, its validation, defaults, migrations and share links.
// Re-exported by core/index.ts. Pure: depends only on zod, fflate and its own files.
export * from './types.ts';
export * from './slots.ts';
export * from './customSlots.ts';
export * as SCENARIO_LIMITS from './limits.ts';
export { LINK_BUDGET } from './limits.ts';
export * from './defaults.ts';
export {
  describeValue,
  formatScenarioError,
  formatScenarioPath,
  loadScenario,
  validateScenario,
} from './schema.ts';
export {
  migrateScenario,
  MIGRATIONS,
  type Migration,
  type MigrationChain,
  type MigrationResult,
} from './migrations.ts';
export * from './link.ts';
export * from './picks.ts';
